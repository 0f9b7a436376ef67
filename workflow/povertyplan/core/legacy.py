"""Legacy Vietnamese text: TCVN3 (ABC), VNI-Windows, CP1258, and double-encoded UTF-8.

Files typed before Unicode still circulate. Their text reaches Python in one of two ways:
as bytes in a CSV file, or as Excel cells typed with a legacy font (.VnTime, VNI-Times),
where each byte shows as the Windows-1252 character of the same code. Either way the
text is first seen as Windows-1252 characters (`legacy_bytes` recovers the bytes), and
each candidate decoding is scored by how Vietnamese its result looks (letters of the
alphabet, well-formed syllables). Detection is per column: one decision for all the
values of a column, from a sample of its distinct values; then every distinct value is
converted once. The result is NFC.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable

import numpy as np
import pyarrow as pa

from .text import text_matches

# --- the Vietnamese alphabet -------------------------------------------------------------

VOWELS = "aăâeêioôơuưy"
TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # none, sắc, huyền, hỏi, ngã, nặng


def vietnamese_letters() -> list[str]:
    """Every letter of the Vietnamese alphabet with its tones, both cases (NFC): 146."""
    letters = []
    for vowel in VOWELS:
        for tone in TONES:
            letter = unicodedata.normalize("NFC", vowel + tone)
            letters += [letter, letter.upper()]
    return letters + ["đ", "Đ"]


LETTERS = frozenset(vietnamese_letters())
_ALLOWED = LETTERS | set(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \t\n.,;:-–/()'\"%&+*#@!?_[]"
)

# --- TCVN3 (ABC): one byte per letter; capitals with tones do not exist -------------------

_TCVN3_LOWER = "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ"
_TCVN3_LOWER_CODES = [
    0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6, 0xA9, 0xC7, 0xC8, 0xC9,
    0xCA, 0xCB, 0xAE, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1, 0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7,
    0xD8, 0xDC, 0xDD, 0xDE, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4, 0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9,
    0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4, 0xAD, 0xF5, 0xF6, 0xF7,
    0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE,
]  # fmt: skip
_TCVN3_CAPITALS = {"Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}
TCVN3_ENCODE: dict[str, int] = (
    dict(zip(_TCVN3_LOWER, _TCVN3_LOWER_CODES, strict=True)) | _TCVN3_CAPITALS
)
TCVN3_DECODE: dict[int, str] = {code: letter for letter, code in TCVN3_ENCODE.items()}

# --- VNI-Windows: a base letter followed by a mark byte ----------------------------------

# mark byte (lower-case form) for (modifier, tone); modifier: "" none, "^" circumflex, "(" breve
_VNI_TONE = {"": "", "\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_VNI_CIRCUMFLEX = {
    "": "â",
    "\u0301": "á",
    "\u0300": "à",
    "\u0309": "å",
    "\u0303": "ã",
    "\u0323": "ä",
}
_VNI_BREVE = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
_VNI_I = {"": "i", "\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}
_VNI_BASES = {"a": ("a", ""), "ă": ("a", "("), "â": ("a", "^"), "e": ("e", ""), "ê": ("e", "^"),
              "o": ("o", ""), "ô": ("o", "^"), "ơ": ("ô", ""), "u": ("u", ""), "ư": ("ö", ""),
              "y": ("y", "")}  # fmt: skip


def _vni_lower(letter: str) -> str:
    decomposed = unicodedata.normalize("NFD", letter)
    tone = next((t for t in TONES[1:] if t in decomposed), "")
    base = unicodedata.normalize("NFC", decomposed.replace(tone, "")) if tone else letter
    if base == "đ":
        return "ñ"
    if base == "i":
        return _VNI_I[tone]
    if base == "y" and tone == "\u0323":
        return "î"
    start, modifier = _VNI_BASES[base]
    table = {"": _VNI_TONE, "^": _VNI_CIRCUMFLEX, "(": _VNI_BREVE}[modifier]
    return start + table[tone]


def _vni_upper(letter: str) -> str:
    return _vni_lower(letter.lower()).upper()


VNI_ENCODE: dict[str, str] = {
    letter: (_vni_lower(letter) if letter.islower() else _vni_upper(letter))
    for letter in vietnamese_letters()
}
VNI_DECODE: dict[str, str] = {code: letter for letter, code in VNI_ENCODE.items() if code != letter}
_VNI_PATTERN = re.compile("|".join(re.escape(k) for k in sorted(VNI_DECODE, key=len, reverse=True)))

# --- CP1258: base letters with combining tone marks ---------------------------------------

_CP1258_BASES = set("ăâêôơưđĂÂÊÔƠƯĐ")


def cp1258_encode(text: str) -> bytes:
    """Unicode text as CP1258 bytes: letters with a tone become base + combining tone."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", char)
        tone = next((t for t in TONES[1:] if t in decomposed), "")
        if tone:
            base = unicodedata.normalize("NFC", decomposed.replace(tone, ""))
            out.append(base.encode("cp1258") + tone.encode("cp1258"))
        else:
            out.append(char.encode("cp1258"))
    return b"".join(out)


# --- from characters to the bytes they were ------------------------------------------------


def legacy_bytes(text: str) -> bytes | None:
    """The single bytes `text` shows as Windows-1252 characters (or Latin-1 for the five
    codes Windows-1252 leaves undefined); None when it holds any other character, i.e. it
    is real Unicode text."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1252")
        except UnicodeEncodeError:
            if ord(char) < 256:
                out.append(ord(char))
            else:
                return None
    return bytes(out)


def decode_tcvn3(data: bytes) -> str:
    """TCVN3 bytes to Unicode. Text typed in a capitals font (.VnTimeH) uses the
    lower-case codes for accented capitals: a value whose plain letters are all capitals
    is read as capitals."""
    text = "".join(TCVN3_DECODE.get(b, chr(b)) if b >= 0x80 else chr(b) for b in data)
    plain = [c for c in text if c.isascii() and c.isalpha()]
    if plain and all(c.isupper() for c in plain):
        text = text.upper()
    return text


def decode_vni(data: bytes) -> str:
    """VNI-Windows bytes to Unicode."""
    return _VNI_PATTERN.sub(
        lambda m: VNI_DECODE[m.group(0)], data.decode("cp1252", errors="replace")
    )


def decode_cp1258(data: bytes) -> str:
    """CP1258 bytes to Unicode (NFC)."""
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))


def decode_utf8(data: bytes) -> str:
    """UTF-8 read by mistake as Windows-1252 (`Nguyá»…n`), decoded again."""
    return data.decode("utf-8")


DECODERS: dict[str, Callable[[bytes], str]] = {
    "tcvn3": decode_tcvn3,
    "vni": decode_vni,
    "cp1258": decode_cp1258,
    "utf8": decode_utf8,
}

# --- how Vietnamese does a text look -------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+")
_INITIALS = "ngh|ch|gh|gi|kh|ng|nh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
_FINALS = "ch|ng|nh|c|m|n|p|t"
# nuclei that end in a glide take no final consonant; "oo" only before c or ng (xoong,
# moóc); "y" alone takes none (but "uy" does: huynh, quýt); the others may
_OPEN_NUCLEI = (
    "iêu|yêu|oai|oay|oao|oeo|uây|uôi|uya|uyu|ươi|ươu|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu|y"
)
_CLOSABLE_NUCLEI = "uyê|iê|yê|uô|ươ|oa|oă|oe|uâ|uê|uơ|uy|a|ă|â|e|ê|i|o|ô|ơ|u|ư"
_SYLLABLE = re.compile(
    rf"^({_INITIALS})?((?P<open>{_OPEN_NUCLEI})|(?P<oo>oo)(c|ng)|(?P<closed>{_CLOSABLE_NUCLEI})({_FINALS})?)$"
)


def _untoned(word: str) -> tuple[str, int]:
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(decomposed.count(t) for t in TONES[1:])
    for tone in TONES[1:]:
        decomposed = decomposed.replace(tone, "")
    return unicodedata.normalize("NFC", decomposed), tones


# where the tone mark may stand in each nucleus (0 = first vowel); nuclei not listed take
# it on the first vowel when they end in a glide (ai, ao, ôi, …) and on the last otherwise
_TONE_POSITIONS = {
    "iê": {1}, "yê": {1}, "uô": {1}, "ươ": {1}, "uâ": {1}, "uơ": {1}, "oă": {1}, "oo": {1},
    "oa": {0, 1}, "oe": {0, 1}, "uy": {0, 1}, "uê": {0, 1},
    "iêu": {1}, "yêu": {1}, "oai": {1}, "oay": {1}, "oao": {1}, "oeo": {1}, "uây": {1},
    "uôi": {1}, "ươi": {1}, "ươu": {1}, "uya": {1}, "uyu": {1}, "uyê": {2},
}  # fmt: skip


def _syllable_ok(word: str) -> bool:
    plain, tones = _untoned(word)
    if tones > 1:
        return False
    match = _SYLLABLE.match(plain)
    if not match:
        return False
    if tones == 0:
        return True
    group = next(g for g in ("open", "oo", "closed") if match.group(g))
    nucleus, start = match.group(group), match.start(group)
    decomposed = [
        unicodedata.normalize("NFD", c) for c in unicodedata.normalize("NFC", word.lower())
    ]
    position = next(i for i, c in enumerate(decomposed) if any(t in c for t in TONES[1:])) - start
    if nucleus in _TONE_POSITIONS:
        return position in _TONE_POSITIONS[nucleus]
    if len(nucleus) == 1:
        return position == 0
    return position == (0 if group == "open" else len(nucleus) - 1)


def penalty(text: str) -> int:
    """How un-Vietnamese `text` looks: 10 per character outside the alphabet and common
    punctuation, 1 per word with a non-ASCII letter that is not a well-formed Vietnamese
    syllable (initial, nucleus, final, one tone on the right vowel)."""
    text = unicodedata.normalize("NFC", text)
    score = 10 * sum(1 for c in text if c not in _ALLOWED)
    for word in _WORD.findall(text):
        if not word.isascii() and not _syllable_ok(word):
            score += 1
    return score


def encoding_scores(values: Iterable[str], sample: int = 300) -> dict[str | None, int]:
    """The penalty of a sample of `values` read as they are (None) and under each legacy
    encoding; {} when no value could be legacy text.

    Only values with non-ASCII characters say anything, and among them only those that
    could be legacy text: a value holding characters no single-byte code page shows is
    real Unicode (a header typed in Unicode above data typed with a legacy font).
    """
    chosen: dict[str, int] = {}  # each distinct value is scored once, counted as often
    count = 0
    for value in values:
        if could_be_legacy(value):
            chosen[value] = chosen.get(value, 0) + 1
            count += 1
            if count >= sample:
                break
    if not chosen:
        return {}
    names: list[str | None] = [None, *DECODERS]
    return {
        name: sum(_value_penalties(value)[i] * n for value, n in chosen.items())
        for i, name in enumerate(names)
    }


@functools.lru_cache(maxsize=1 << 16)
def could_be_legacy(value: str) -> bool:
    """Whether `value` could be text typed in a legacy encoding: not plain ASCII, and only
    characters a single-byte code page shows (U+2122 is the highest Windows-1252 shows:
    above it, and for anything `legacy_bytes` cannot map, it is real Unicode)."""
    return not value.isascii() and max(value) <= "\u2122" and legacy_bytes(value) is not None


# the characters `legacy_bytes` maps to a byte: Latin-1 and Windows-1252's others
_SINGLE_BYTE_CHARACTERS = sorted(
    {chr(code) for code in range(256)}
    | {bytes([code]).decode("cp1252", errors="ignore") for code in range(0x80, 0xA0)} - {""}
)
# a text of single-byte characters only with one that is not ASCII, in RE2 syntax
_RE2_SINGLE_BYTE = "".join(f"\\x{{{ord(c):x}}}" for c in _SINGLE_BYTE_CHARACTERS)
_RE2_WIDE_SINGLE_BYTE = "".join(f"\\x{{{ord(c):x}}}" for c in _SINGLE_BYTE_CHARACTERS if c > "\x7f")
_RE2_COULD_BE_LEGACY = f"^[{_RE2_SINGLE_BYTE}]*[{_RE2_WIDE_SINGLE_BYTE}][{_RE2_SINGLE_BYTE}]*$"


def could_be_legacy_texts(texts: list[str]) -> np.ndarray:
    """`could_be_legacy` of each text, on the whole list at once in C (pyarrow)."""
    if not texts:
        return np.zeros(0, dtype=bool)
    return text_matches(pa.array(texts, type=pa.string()), _RE2_COULD_BE_LEGACY)


@functools.lru_cache(maxsize=1 << 16)
def _value_penalties(value: str) -> tuple[int, ...]:
    """The penalty of `value` read as it is, then under each of DECODERS (1000 when it
    cannot be decoded); () when it holds a character no single-byte code page shows."""
    raw = legacy_bytes(value)
    if raw is None:
        return ()
    found = [penalty(value)]
    for decode in DECODERS.values():
        try:
            found.append(penalty(decode(raw)))
        except UnicodeDecodeError:
            found.append(1000)
    return tuple(found)


def best_encoding(scores: dict[str | None, int], prefer: str | None = None) -> str | None:
    """The encoding with the lowest penalty. On a tie `prefer` wins (the encoding the
    whole sheet is clearly in: a column of a few values that read well both ways follows
    its sheet), then no conversion, then the order of DECODERS."""
    if not scores:
        return None
    best = min(scores.values())
    if prefer is not None and scores.get(prefer) == best:
        return prefer
    if scores[None] == best:
        return None
    return min((name for name in DECODERS if scores[name] == best), key=list(DECODERS).index)


def detect_encoding(values: Iterable[str], sample: int = 300) -> str | None:
    """The legacy encoding `values` are in, or None to keep them as they are."""
    return best_encoding(encoding_scores(values, sample))


def convert(value: str, encoding: str | None) -> str:
    """`value` decoded from `encoding` (see `detect_encoding`), in NFC."""
    if encoding is None:
        return unicodedata.normalize("NFC", value)
    data = legacy_bytes(value)
    if data is None:
        return unicodedata.normalize("NFC", value)
    try:
        return unicodedata.normalize("NFC", DECODERS[encoding](data))
    except UnicodeDecodeError:
        return unicodedata.normalize("NFC", value)
