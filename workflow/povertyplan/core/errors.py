"""The project's own error: one clear line for the user, never a traceback."""

from __future__ import annotations

from .labels import labels


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
        analyst: tuple[str, str] | None = None,
    ) -> None:
        self.what = what
        self.file = file
        self.row = row
        self.column = column
        self.hint = hint
        self.vi = vi
        self.analyst = analyst
        super().__init__(self.one_line())

    def one_line(self, language: str = "en", audience: str = "analyst") -> str:
        """The message as one line: `file, row N, column C: what. Hint.`

        `analyst` (English, Vietnamese) is what the analyst can change in the
        configuration (an alias in config/columns.yaml…): it is added for the analyst
        (the run's log) and left out for a commune officer (the pre-check), who is told
        only what to write in the file."""
        what, hint = self.vi if language == "vi" and self.vi else (self.what, self.hint)
        row_word, column_word = labels(
            ["where.row", "where.column"], "vi" if language == "vi" else "en"
        )
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
        if audience == "analyst" and self.analyst:
            note = self.analyst[1 if language == "vi" else 0].rstrip(".")
            text += " " + note[:1].upper() + note[1:] + "."
        return " ".join(text.split())


class DataError(PovertyPlanError):
    """Raw data that cannot be used as it is."""


class ConfigError(PovertyPlanError):
    """A configuration file that is missing, malformed or inconsistent."""


class InternalError(PovertyPlanError):
    """A check of the pipeline's own arithmetic failed: a bug in povertyplan, never the
    user's data (the run stops, whatever the validation mode)."""
