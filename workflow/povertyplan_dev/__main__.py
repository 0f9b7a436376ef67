"""Development command line.

python -m povertyplan_dev generate [--out data/raw] [--seed N]   write the embedded example
"""

from __future__ import annotations

import argparse
import sys

from povertyplan_dev.generate import CAM_LO_MERGERS, CAM_LO_REVIEWS, SEED, generate_reviews


def main(argv: list[str] | None = None) -> int:
    """Run the development command line; returns the exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m povertyplan_dev",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    gen = commands.add_parser(
        "generate", help="write the embedded Cam Lộ example (end-2018, 2019 and 2020 reviews)"
    )
    gen.add_argument(
        "--out", default="data/raw", help="folder that receives <year>/ (default data/raw)"
    )
    gen.add_argument("--seed", type=int, default=SEED, help=f"random seed (default {SEED})")
    args = parser.parse_args(argv)
    for path in generate_reviews(CAM_LO_REVIEWS, args.out, CAM_LO_MERGERS, args.seed):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
