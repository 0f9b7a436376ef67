"""Text normalisation shared by header, commune-name and vocabulary matching.

Matching always keeps diacritics: `Cam Thành` and `Cam Thanh` are different communes.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_SPACE = re.compile(r"\s+")
_PUNCT = re.compile(r"[\"'`’‘“”()\[\]{}:;,.]+")


def nfc(value: str) -> str:
    """Unicode NFC form of `value` (composed characters)."""
    return unicodedata.normalize("NFC", value)


@functools.lru_cache(maxsize=65536)
def _normalise_text(text: str) -> str:
    text = nfc(text).casefold().replace("\u00a0", " ").replace("/", " / ")
    text = _PUNCT.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


def normalise_label(value: object) -> str:
    """Canonical form of a header or vocabulary word, for exact matching.

    NFC, case-folded, punctuation (.,:;() quotes) turned to spaces, whitespace collapsed.
    Diacritics are kept.

    >>> normalise_label("  Số  nhân khẩu ")
    'số nhân khẩu'
    """
    if value is None:
        return ""
    return _normalise_text(str(value))


_UNIT_WORDS = ("thị trấn", "tt", "xã", "phường", "ubnd", "x", "p")


def normalise_commune_name(value: object) -> str:
    """Canonical form of a commune name: `normalise_label` without the unit word.

    `Xã Cam Thủy`, `CAM THỦY` and `cam  thủy` give the same key; `Thị trấn Cam Lộ` and
    `TT Cam Lộ` give `cam lộ`. Diacritics are kept, so `Cam Thanh` ≠ `Cam Thành`.
    """
    text = normalise_label(value)
    changed = True
    while changed:
        changed = False
        for word in _UNIT_WORDS:
            if text.startswith(word + " "):
                text = text[len(word) + 1 :].strip()
                changed = True
    return text


def without_diacritics(value: object) -> str:
    """`normalise_label` with every diacritic removed (`Số nhân khẩu` → `so nhan khau`).

    For matching column headers only, where no two fields differ by accents alone. Never
    used for commune names: `Cam Thanh` and `Cam Thành` are different communes.
    """
    text = unicodedata.normalize("NFD", normalise_label(value)).replace("đ", "d")
    return "".join(c for c in text if not unicodedata.combining(c))
