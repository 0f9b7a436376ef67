"""The project's own error: one clear line for the user, never a traceback."""

from __future__ import annotations

WHERE_WORDS = {"en": ("row", "column"), "vi": ("dòng", "cột")}


class PovertyPlanError(Exception):
    """A problem in the user's files or configuration, told in one line.

    The message names where the problem is (file, row, column when known), what is
    wrong, and what to do about it; `vi` optionally gives (what, hint) in Vietnamese.
    """

    def __init__(
        self,
        what: str,
        *,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
        hint: str | None = None,
        vi: tuple[str, str | None] | None = None,
    ) -> None:
        self.what = what
        self.file = file
        self.row = row
        self.column = column
        self.hint = hint
        self.vi = vi
        super().__init__(self.one_line())

    def one_line(self, language: str = "en") -> str:
        """The message as one line: `file, row N, column C: what. Hint.`"""
        what, hint = self.vi if language == "vi" and self.vi else (self.what, self.hint)
        row_word, column_word = WHERE_WORDS.get(language, WHERE_WORDS["en"])
        where = []
        if self.file:
            where.append(str(self.file))
        if self.row is not None:
            where.append(f"{row_word} {self.row}")
        if self.column:
            where.append(f"{column_word} '{self.column}'")
        text = (", ".join(where) + ": " if where else "") + what.rstrip(".") + "."
        if hint:
            hint = hint.rstrip(".")
            text += " " + hint[:1].upper() + hint[1:] + "."
        return " ".join(text.split())


class DataError(PovertyPlanError):
    """Raw data that cannot be used as it is."""


class ConfigError(PovertyPlanError):
    """A configuration file that is missing, malformed or inconsistent."""
