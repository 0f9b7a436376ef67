"""Personal data (names, ID numbers): recognised, and kept out of everything the pipeline
writes.

Household lists carry the head's name and ID number. Those columns are read only to be
dropped, but a name can stand anywhere a person typed one: a row shifted by a deleted cell,
a note, a cause of poverty ("Chồng Nguyễn Văn Bình bị ốm"), a signature under the table.
`redact` is the one function every message, reject, log line and notebook table passes
through; `looks_personal` says whether a whole cell is a name or an ID number (a household
code or a village that is one is rejected, never kept).

A name is recognised by what the file itself says (the values of its name and ID-number
columns, and the names signed under the table: `known`), and otherwise by its shape: two
to five capitalised words that start with a Vietnamese family name, or three to five
capitalised words with a usual middle name second (`Trịnh Văn Lâm`, `Ksor H'Nhi`… are
caught by the first rule only when the family name is listed: extend `FAMILY_NAMES`).
ID numbers are 9 digits (CMND) or 12 digits (CCCD); a household code that begins with its
commune's code (`196003001` in commune 19600) is a household code, not an ID number.
"""

from __future__ import annotations

import functools
import logging
import re
import traceback
from collections.abc import Iterable

import numpy as np
import pandas as pd

from .text import normalise_commune_name, normalise_label, without_diacritics

REDACTED = "***"

# Family names of Vietnam, the Kinh's and the ethnic minorities' most common (compared
# case-folded, with or without diacritics)
_FAMILY_NAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đoàn "
    "Lương Trương Mai Cao Lâm Hà Tạ Đào Nông Hứa Lò Lục Mạc Triệu Quách Kiều Tô Từ Lã "
    "Đàm Khổng Chu Thái Tôn Giang Lưu Doãn Kăn Ăm Trịnh Phùng Thân Khương Ông Âu Quan Vi "
    "La Ninh Kim Chế Châu Diệp Lại Nghiêm Tăng Thạch Tống Viên Bạch Hàn Phó Cù Đồng Khúc "
    "Mẫn Nhữ Phí Tiêu Ứng Vương Hầu Bế Sầm Lèo Quàng Lường Đèo Giáp Thiều Lều Tòng "
    "Bàn Chảo Sùng Vàng Giàng Thào Lầu Mùa Hờ Sình Phàn Tẩn Hạng Vừ Tráng Ksor Siu Nay "
    "Kpă Rah Rcom Hlong Niê Mlô Byă Êban Adrơng Kơsor Alăng Bhling Zơrâm Chamaléa Katơr "
    "Pinăng Kha Pờ Chẻo Liêu Ngọ Khà Lỳ"
).split()
FAMILY_NAMES = frozenset(normalise_label(name) for name in _FAMILY_NAMES)
_PLAIN_FAMILY_NAMES = frozenset(without_diacritics(name) for name in _FAMILY_NAMES)
# middle names so common that "X Văn Y" or "X Thị Y" is a person whatever X is
MIDDLE_NAMES = frozenset(
    normalise_label(name)
    for name in "Văn Thị Đức Hữu Công Đình Quang Minh Ngọc Xuân Bá Quốc Tiến Trọng Thế".split()
)
_PLAIN_MIDDLE_NAMES = frozenset(without_diacritics(name) for name in MIDDLE_NAMES)

# words before a person's name, in lower case (`hộ ông Lữ Tường`): written capitalised they
# are part of a place's name (`Xóm Bà Triệu`)
HONORIFICS = frozenset("ông bà anh chị chú bác cụ cô".split())
# CMND 9 digits, CCCD 12, or 11 when typed as a number (its leading 0 lost)
_ID_NUMBER = re.compile(r"^\d{9}$|^\d{11,12}$")
# inside a text, also 11 digits: a CCCD typed as a number loses its leading 0
_ID_NUMBER_INSIDE = re.compile(r"(?<![0-9A-Za-z.,])(\d{9}|\d{11,12})(?![0-9A-Za-z])")
_WORD_SPAN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _is_in(word: str, names: frozenset[str], plain: frozenset[str], typed_plain: bool) -> bool:
    key = normalise_label(word)
    return key in names or (typed_plain and key in plain)


def _typed_plain(text: str) -> bool:
    """Whether a text is typed without any diacritic (`NGUYEN VAN A`): its words are then
    compared with the names stripped of theirs."""
    return normalise_label(text) == without_diacritics(text)


def _name_words(words: list[str]) -> bool:
    """Whether these words (all of a cell, or a run of capitalised words) are a person's
    name by their shape; words typed without diacritics are compared without them only
    when none of the words has any (`Ba` is not `Bá` in `Thôn Ba Bơi`)."""
    if not 2 <= len(words) <= 5:
        return False
    plain = _typed_plain(" ".join(words))
    capitalised = all(word[:1].isupper() for word in words)  # `Lý do` is no name
    if capitalised and _is_in(words[0], FAMILY_NAMES, _PLAIN_FAMILY_NAMES, plain):
        return True
    return len(words) >= 3 and _is_in(words[1], MIDDLE_NAMES, _PLAIN_MIDDLE_NAMES, plain)


def looks_personal(
    text: str, known: frozenset[str] = frozenset(), places: frozenset[str] = frozenset()
) -> bool:
    """Whether a whole cell is, or looks like, a name or an ID number: one of the file's
    own (`known`), 9 or 12 digits, or a name by its shape (see the module's docstring),
    in any case, with or without diacritics. `places`: names of places (normalised as
    commune names, e.g. the registry's), which are never a person (`Triệu Phong`)."""
    text = text.strip()
    if not text:
        return False
    if text in known or _ID_NUMBER.match(text):
        return True
    if any(ch.isdigit() for ch in text):
        return False
    return _name_words(text.split()) and normalise_commune_name(text) not in places


def looks_like_a_person(text: str, known: frozenset[str] = frozenset()) -> bool:
    """The strict form of `looks_personal`, for values that are kept (a village, an
    ethnicity): one of the file's own names or ID numbers, an ID number, or three to five
    words shaped like a name. Two words starting with a family name are also a place or a
    people (`Lê Lợi` ward, the `Hà Nhì`), so they are not enough here; a capitalised word
    after `ông`, `bà`… in lower case is (`nhà ông Lữ Tường`)."""

    text = text.strip()
    if text in known or _ID_NUMBER.match(text):
        return True
    words = text.split()
    shaped = 3 <= len(words) and not any(ch.isdigit() for ch in text) and _name_words(words)
    return shaped or any(
        word in HONORIFICS and following[:1].isupper()
        for word, following in zip(words, words[1:], strict=False)
    )


def redact(
    text: str,
    known: frozenset[str] = frozenset(),
    places: frozenset[str] = frozenset(),
    keep: frozenset[str] = frozenset(),
) -> str:
    """`text` with names and ID numbers replaced by ***: the whole cell when it looks like
    one, else each of the file's own names inside it, each run of capitalised words shaped
    like a name (but not a place of `places`), and each 9- or 12-digit number ("Chồng
    Nguyễn Văn Bình bị ốm" → "Chồng *** bị ốm"). `keep`: numbers known to be no ID
    number (the file's household codes numbered by their commune, `196003001`)."""
    return _redact(text, known, places, keep)


@functools.lru_cache(maxsize=65536)
def _redact(text: str, known: frozenset[str], places: frozenset[str], keep: frozenset[str]) -> str:
    """`redact`, once per distinct text (the sets hash once, then from their cache)."""
    if text.strip() in keep:
        return text
    if looks_personal(text, known, places):
        return REDACTED
    if known:
        text = _without_known(text, known)
    words = list(_WORD_SPAN.finditer(text))
    spans, i = [], 0
    while i < len(words):
        j = i
        while j < len(words) and j - i < 5 and words[j].group(0)[:1].isupper():
            if j > i and text[words[j - 1].end() : words[j].start()].strip():
                break  # a run of words is a name only when nothing but spaces parts them
            j += 1
        run = [w.group(0) for w in words[i:j]]
        # after `ông`, `bà`, `anh`, `chị`… (written in lower case), a capitalised word is a
        # person's name, whatever its shape ("nhà ông Lữ Tường")
        if run and i > 0 and words[i - 1].group(0) in HONORIFICS:
            spans.append((words[i].start(), words[j - 1].end()))
            i = j
            continue
        # the longest run from i that is shaped like a name
        for end in range(len(run), 1, -1):
            if _name_words(run[:end]) and normalise_commune_name(" ".join(run[:end])) not in places:
                spans.append((words[i].start(), words[i + end - 1].end()))
                i += end
                break
        else:
            i += 1
    text = _replaced(text, spans)
    return _ID_NUMBER_INSIDE.sub(lambda m: m.group(0) if m.group(0) in keep else REDACTED, text)


def _without_known(text: str, known: frozenset[str]) -> str:
    """`text` with each of the file's own names and ID numbers inside it replaced: runs of
    one to five whitespace-separated pieces (their punctuation trimmed) looked up in
    `known`, longest first, so the cost is the text's, not the file's."""
    pieces = list(re.finditer(r"\S+", text))
    spans, i = [], 0
    while i < len(pieces):
        for n in range(min(5, len(pieces) - i), 0, -1):
            start, end = pieces[i].start(), pieces[i + n - 1].end()
            candidate = text[start:end].strip(".,;:()[]\"'")
            if len(candidate) >= 5 and candidate in known:
                offset = text[start:end].find(candidate)
                spans.append((start + offset, start + offset + len(candidate)))
                i += n
                break
        else:
            i += 1
    return _replaced(text, spans)


def _replaced(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each (start, end) span, in order and apart, shown as ***."""
    for start, end in reversed(spans):
        text = text[:start] + REDACTED + text[end:]
    return text


def redact_column(
    values: pd.Series, known: frozenset[str] = frozenset(), places: frozenset[str] = frozenset()
) -> pd.Series:
    """`redact` of every text value of a column, once per distinct value."""
    distinct = {v: redact(v, known, places) for v in values.dropna().unique() if isinstance(v, str)}
    return values.map(lambda v: distinct.get(v, v) if isinstance(v, str) else v)


def redact_frame(frame: pd.DataFrame, places: frozenset[str] = frozenset()) -> pd.DataFrame:
    """A copy of `frame` with every text cell passed through `redact`: what a notebook
    shows of text that came from the raw files (its column names are the pipeline's)."""

    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or isinstance(out[column].dtype, pd.StringDtype):
            out[column] = redact_column(out[column], places=places)
    return out


def personal_household_codes(
    codes: pd.Series, communes: pd.Series, known: frozenset[str] = frozenset()
) -> pd.Series:
    """Mask of household codes that are a name or an ID number (9, 11 or 12 digits). A
    commune that numbers its households with its own code and a serial (`196003001` in
    Cam Tuyền 19600) has at least half of its codes of that shape: they are household codes;

    the same shape alone, among other codes, is not enough (an ID number can begin like a
    commune's code). One of the file's own names or ID numbers always is personal. Only
    the codes that could be one (a space, 9 to 12 digits, a known value) are looked at."""
    text = codes.fillna("").astype(str)
    numbers = text.str.match(_ID_NUMBER.pattern).astype(bool)
    in_known = pd.Series(
        np.fromiter(map(known.__contains__, text.to_numpy(dtype=object)), bool, len(text)),
        index=text.index,
    )
    candidates = text.str.contains(" ", regex=False).astype(bool) | numbers | in_known
    personal = pd.Series(False, index=codes.index)
    if not candidates.any():
        return personal
    personal[candidates] = text[candidates].map(lambda v: looks_personal(v, known))
    commune = communes.fillna("").astype(str)
    prefixed = pd.Series(False, index=text.index)
    for code in commune[commune != ""].unique():  # a few communes: one mask each
        prefixed |= (commune == code) & text.str.startswith(code)
    own_shape = prefixed & numbers
    # the commune's own numbering: at least half of its codes in the file have that shape
    written = text != ""
    share = own_shape[written].groupby(commune[written]).mean()
    numbering = commune.map(share).fillna(0) >= 0.5

    return (personal & ~(own_shape & numbering & ~in_known)).astype(bool)


def signers(texts: Iterable[str]) -> frozenset[str]:
    """The names among the texts under a table (signatures): cells shaped like a name."""
    return frozenset(t.strip() for t in texts if looks_personal(t))


class RedactingFilter(logging.Filter):
    """A logging filter that passes every message, and the traceback of a bug, through
    `redact` (log files are outputs too; an exception's text can hold a cell's value)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = ()
        if record.exc_info:
            text = "".join(traceback.format_exception(*record.exc_info))
            record.exc_text = "\n".join(redact(line) for line in text.splitlines())
            record.exc_info = None
        return True
