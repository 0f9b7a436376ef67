"""Command line of povertyplan.

python -m povertyplan check FILE... [--lang en]       pre-check communes' files
python -m povertyplan summary [--results results]     summarise a run (exit 1: attention)
"""

from __future__ import annotations

import argparse
import sys

from .clean.check import check_files
from .core.errors import PovertyPlanError
from .core.labels import label
from .present.summary import run_summary


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m povertyplan",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser(
        "check",
        help=f"{label('cli.check', 'en')} ({label('cli.check')})",
        description="Prints every problem on one line, in Vietnamese (or English with --lang en); "
        "exits 1 when a row would be rejected or a file cannot be read.",
    )
    check.add_argument("files", nargs="+", help=".xlsx, .xls or .csv files")
    check.add_argument(
        "--lang", choices=["vi", "en"], default="vi", help="language of the messages"
    )
    check.add_argument(
        "--year",
        type=int,
        help="review year (default: the file's folder name if it is a year, else this year)",
    )
    check.add_argument("--registry", default="config/communes.csv", help="commune registry")
    check.add_argument("--columns", default="config/columns.yaml", help="header aliases")
    check.add_argument(
        "--standards",
        help="folder of poverty standards, whose indicators' headers are read as columns "
        "(default: standards/ beside --columns; give the config's standards_dir if it differs)",
    )
    summary = commands.add_parser(
        "summary",
        help=f"{label('cli.summary', 'en')} ({label('cli.summary')})",
        description="One line per review year under --results, then OK or what needs "
        "attention; exits 1 when a row was rejected or a year did not finish.",
    )
    summary.add_argument("--results", default="results", help="results folder (default results)")
    summary.add_argument("--lang", choices=["vi", "en"], default="vi", help="language")
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return check_files(
                args.files,
                args.registry,
                args.columns,
                args.lang,
                args.year,
                standards_dir=args.standards,
            )
        elif args.command == "summary":
            lines, ok = run_summary(args.results, args.lang)
            print("\n".join(lines))
            return 0 if ok else 1
    except PovertyPlanError as error:
        print(f"error: {error.one_line()}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
