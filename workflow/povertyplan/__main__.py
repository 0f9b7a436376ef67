"""Command line: `python -m povertyplan generate` writes the embedded example."""

from __future__ import annotations

import argparse
import sys

from .errors import PovertyPlanError
from .generate import CAM_LO_2018, SEED, generate_review


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m povertyplan", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    gen = commands.add_parser(
        "generate", help="write the embedded Cam Lộ example (end-2018 review)"
    )
    gen.add_argument(
        "--out", default="data/raw", help="folder that receives <year>/ (default data/raw)"
    )
    gen.add_argument("--seed", type=int, default=SEED, help=f"random seed (default {SEED})")
    args = parser.parse_args(argv)
    try:
        if args.command == "generate":
            for path in generate_review(CAM_LO_2018, 2018, args.out, args.seed):
                print(path)
    except PovertyPlanError as error:
        print(f"error: {error.one_line()}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
