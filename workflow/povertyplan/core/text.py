"""Text normalisation shared by header, commune-name and vocabulary matching.

Matching always keeps diacritics: `Cam Thành` and `Cam Thanh` are different communes.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

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


# white space as Python's str.strip() and the `\s` of `re` know it, in RE2 syntax (pyarrow)
RE2_SPACE = (
    r"[\t\n\x0b\x0c\r\x1c-\x20\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}"
    r"\x{202f}\x{205f}\x{3000}]"
)
# a text with white space at its start or end
RE2_EDGE_SPACE = f"^{RE2_SPACE}|{RE2_SPACE}$"


def text_matches(texts: pa.Array | np.ndarray, pattern: str) -> np.ndarray:
    """Whether each text matches the RE2 `pattern` (searched, anchor it yourself), on the
    whole column at once in C (pyarrow). `texts` must all be text. RE2's `\\d` is ASCII:
    write `\\p{Nd}` for the digits Python's `re` takes."""
    if not isinstance(texts, pa.Array):
        texts = pa.array(texts, type=pa.string())
    return pc.match_substring_regex(texts, pattern).to_numpy(zero_copy_only=False)


def texts_match(texts: np.ndarray, pattern: str) -> np.ndarray:
    """`text_matches` decided once per distinct text (a column of a million cells holds
    few distinct words, or a million distinct codes matched in C all the same)."""
    positions, distinct = pd.factorize(texts)
    if not len(distinct):
        return np.zeros(len(texts), dtype=bool)
    return text_matches(np.asarray(distinct, dtype=object), pattern)[positions]


def all_text(values: np.ndarray) -> bool:
    """Whether every value is text (a `str`, or a subclass such as an Excel error cell)."""
    return pd.api.types.infer_dtype(values, skipna=False) in ("string", "empty")
