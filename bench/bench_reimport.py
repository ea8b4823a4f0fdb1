"""A corrected membership sheet imported into a shop that already holds every member: the dry
run (which explains each stored customer's row field by field) and the run, per policy.

    .venv/bin/python -m bench.bench_reimport --rows 100000 --rounds 2

The shop gets ``--rows`` members first (one import, not timed); then the same members with
points, balance and notes changed are planned (dry run) under "fill empty" and "overwrite", and
run under "overwrite". Rows are built in memory (the file layer is ``bench_read``'s and
``bench_import``'s subject); each round runs in a fresh process, so each peak is its own.
Figures: wall and CPU seconds, and the process's peak resident set after each step.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.process_memory import peak_rss_mib
from desktop.core.import_types import CustomerFields, ParsedRow, RowKind

PASSWORD = "Correct-horse-42"
OUT = Path(__file__).resolve().parent / "out"


def _rows(count: int, points: int) -> list[ParsedRow]:
    return [ParsedRow(number + 2, RowKind.DATA, customer=CustomerFields(
        member_no=f"M{number:06d}", name=f"客户{number}", phone=f"+86137{number:08d}",
        points=points + number % 7, balance_cents=points * 10, notes=f"备注{points}"))
        for number in range(count)]


def _child(count: int) -> dict[str, object]:
    from desktop.core.import_types import ImportTarget, MatchPolicy
    from desktop.services.imports_run import RowSource, dry_run_rows, run_rows
    from desktop.services.paths import ShopPaths
    from desktop.services.workspace import default_keyring, new_workspace

    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as home:
        workspace, owner, _code = new_workspace(
            ShopPaths(Path(home) / "shop"), "Bench", "bench", PASSWORD,
            keyring=default_keyring(), remember=False)
        try:
            run_rows(workspace, owner, RowSource("first.xlsx", "S", _rows(count, 1), count),
                     ImportTarget.CUSTOMERS, MatchPolicy.FILL_EMPTY)
            figures["after_first_import_peak_mib"] = round(peak_rss_mib(), 1)
            steps = [("dry_run_fill_empty", MatchPolicy.FILL_EMPTY, False),
                     ("dry_run_overwrite", MatchPolicy.OVERWRITE, False),
                     ("run_overwrite", MatchPolicy.OVERWRITE, True)]
            for name, policy, write in steps:
                source = RowSource("corrected.xlsx", "S", _rows(count, 5), count)
                wall, cpu = time.perf_counter(), time.process_time()
                if write:
                    counts = run_rows(workspace, owner, source, ImportTarget.CUSTOMERS,
                                      policy).counts
                else:
                    counts = dry_run_rows(workspace, owner, source, ImportTarget.CUSTOMERS,
                                          policy).counts
                figures[name] = {
                    "seconds": round(time.perf_counter() - wall, 2),
                    "cpu": round(time.process_time() - cpu, 2),
                    "peak_mib": round(peak_rss_mib(), 1),
                    "updated": counts.updated, "skipped": counts.skipped,
                }
        finally:
            workspace.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.rows)))
        return
    environment = {**os.environ, "SHOPVAULT_KEYRING": "none"}
    rounds = []
    for number in range(1, args.rounds + 1):
        done = subprocess.run(
            [sys.executable, "-m", "bench.bench_reimport", "--child", "--rows", str(args.rows)],
            capture_output=True, text=True, env=environment, check=True)
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        rounds.append(figures)
        steps = ", ".join(
            f"{name} {step['seconds']} s (CPU {step['cpu']}, peak {step['peak_mib']} MiB)"
            for name, step in figures.items() if isinstance(step, dict))
        print(f"round {number} ({os.getloadavg()[0]:.1f} load): {steps}")
    OUT.mkdir(exist_ok=True)
    (OUT / "bench_reimport.json").write_text(json.dumps(
        {"rows": args.rows, "rounds": rounds}, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
