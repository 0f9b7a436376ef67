"""Time the flows between two reviews at province scale (synthetic households).

    .venv/bin/python tests/benchmarks/bench_flows.py --households 1000000 --repeat 3

Builds two reviews of N households in C communes (1 % dissolved, 1 % new, statuses moving
between poor, near-poor and not poor) and times `household_transitions` + `flow_table`.
Prints each run, the median and the process's peak resident memory.
"""

from __future__ import annotations

import argparse
import platform
import resource
import statistics
import time

import numpy as np
import pandas as pd

from povertyplan.compute.flows import flow_table, household_transitions

STATUSES = np.array(["poor", "near_poor", "not_poor"])


def reviews(n: int, communes: int, seed: int = 1) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    codes = np.array([f"{20000 + i}" for i in range(communes)])
    previous = pd.DataFrame(
        {
            "household_id": [f"H{i:08d}" for i in range(n)],
            "commune_code": codes[rng.integers(0, communes, n)],
            "status": STATUSES[rng.choice(3, n, p=[0.05, 0.06, 0.89])],
            "members": rng.integers(1, 8, n),
        }
    )
    kept = previous[rng.random(n) > 0.01].copy()
    moved = rng.random(len(kept)) < 0.1
    kept.loc[moved, "status"] = STATUSES[rng.choice(3, int(moved.sum()), p=[0.3, 0.3, 0.4])]
    new = pd.DataFrame(
        {
            "household_id": [f"N{i:08d}" for i in range(n // 100)],
            "commune_code": codes[rng.integers(0, communes, n // 100)],
            "status": STATUSES[rng.choice(3, n // 100, p=[0.05, 0.06, 0.89])],
            "members": rng.integers(1, 6, n // 100),
        }
    )
    current = pd.concat([kept, new], ignore_index=True)
    current["re_poor"] = pd.array([None] * len(current), dtype="boolean")
    return previous, current


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=1_000_000)
    parser.add_argument("--communes", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    previous, current = reviews(args.households, args.communes)
    units = {code: code for code in previous["commune_code"].unique()}
    earlier = previous.loc[previous["status"] == "poor", "household_id"].iloc[::3]
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        table = flow_table(household_transitions(previous, current, units, earlier), "0")
        times.append(time.perf_counter() - start)
        assert table["identity_holds"].all()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{platform.machine()}, {platform.python_version()}, {args.households} households, "
        f"{args.communes} communes"
    )
    print("runs (s): " + ", ".join(f"{t:.2f}" for t in times))
    print(f"median: {statistics.median(times):.2f} s; peak memory {peak:.0f} MiB")


if __name__ == "__main__":
    main()
