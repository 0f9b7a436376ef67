"""Running a step from a Snakemake script: log to the rule's log, one line on failure."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from ..core.errors import PovertyPlanError
from ..core.privacy import RedactingFilter


def run_step(step: Callable[..., object], log_path: str | None, **kwargs: object) -> None:
    """Call `step(**kwargs)` (see `run_steps`)."""
    run_steps(log_path, [(step, kwargs)])


def run_steps(
    log_path: str | None, steps: list[tuple[Callable[..., object], dict[str, object]]]
) -> None:
    """Call each `step(**kwargs)` in order in this one process (steps that each take under
    a second share one job: one start of Python, one import of pandas), logging to
    `log_path` and stderr, every line passed through `privacy.redact`.

    A PovertyPlanError ends the process with exit code 1 and its one-line message (no
    traceback), and the steps after it are not run; any other exception is a bug: its
    traceback, redacted, is in the log, and the process ends with exit code 1.
    """
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    if log_path:
        Path(log_path).parent.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.FileHandler(log_path, mode="w", encoding="utf-8"))
    for handler in handlers:  # logs are outputs too: no name or ID number in them
        handler.addFilter(RedactingFilter())
    logging.basicConfig(
        level=logging.INFO, format="%(levelname)s %(message)s", handlers=handlers, force=True
    )
    try:
        for step, kwargs in steps:
            step(**kwargs)
    except PovertyPlanError as error:
        logging.getLogger("povertyplan").error(error.one_line())
        sys.exit(1)
    except Exception:
        # the traceback goes to the log, redacted; never raw to the terminal
        logging.getLogger("povertyplan").exception("unexpected error (a bug in povertyplan)")
        sys.exit(1)
