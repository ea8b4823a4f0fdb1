"""Export benchmark: the masked customer export against bare XlsxWriter writing the same rows.

Run:  .venv/bin/python -m bench.bench_export --customers 100000
See bench/README.md ("bench_export") for what each figure means.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "out"
OWNER, PASSWORD = "bench", "Bench-owner-pass-2026"


def peak_rss_mib() -> float:
    """This process's high-water resident set since the last reset (VmHWM)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak_rss() -> bool:
    """Start VmHWM afresh (Linux ≥ 4.0), so the export's peak is not the unlock's Argon2id
    (64 MiB) or the login's. Linux resets ru_maxrss with it (reported too, as asked; it
    also inherits the parent's peak across fork and exec, e.g. after a build)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def build(home: Path, customers: int) -> float:
    from desktop.services.demo import load_demo_data
    from desktop.services.paths import ShopPaths
    from desktop.services.workspace import default_keyring, new_workspace

    started = time.perf_counter()
    workspace, owner, _code = new_workspace(ShopPaths(home), "基准测试店", OWNER, PASSWORD,
                                            keyring=default_keyring(), remember=False)
    try:
        load_demo_data(workspace, owner, customers)
    finally:
        workspace.close()
    return time.perf_counter() - started


def _open(home: Path) -> Any:
    from desktop.services.paths import ShopPaths
    from desktop.services.workspace import default_keyring, open_with_password

    workspace = open_with_password(ShopPaths(home), PASSWORD, default_keyring())
    return workspace, workspace.accounts.login(OWNER, PASSWORD)


def child(mode: str, home: Path, out: Path) -> dict[str, Any]:
    """One measurement in a fresh process: ``bare`` (pre-masked rows, then XlsxWriter alone),
    ``xlsx`` or ``csv`` (our export end to end)."""
    from desktop.services.export_api import ExportFormat, ExportRequest, ReportKind
    from desktop.services.exports import ExportService

    workspace, owner = _open(home)
    try:
        if mode in ("bare", "bare_direct"):
            return bare_child(workspace, owner, out, direct=mode == "bare_direct")
        fmt = ExportFormat.CSV if mode == "csv" else ExportFormat.XLSX
        reset = reset_peak_rss()
        started, cpu = time.perf_counter(), time.process_time()
        result = ExportService(workspace).export(
            owner, ExportRequest(ReportKind.CUSTOMERS, out, fmt, purpose="benchmark"))
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        return {"mode": mode, "seconds": seconds, "cpu_seconds": cpu, "rows": result.rows,
                "peak_rss_mib": peak_rss_mib() if reset else None,
                "ru_maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "bytes": out.stat().st_size}
    finally:
        workspace.close()


def bare_child(workspace: Any, owner: Any, out: Path, direct: bool = False) -> dict[str, Any]:
    """The same masked rows, computed first (outside the timing) with the export's own code,
    then written by XlsxWriter in constant_memory mode with the same formats and layout: a
    cover sheet, a bold header, widths, frozen header, autofilter; write_string /
    write_number / write_datetime per cell by column kind. ``direct``: through XlsxWriter's
    undecorated ``_write_string`` / ``_write_number`` / ``_write_datetime``, as our writer
    calls them (the public methods only add an A1-notation check per call)."""
    import xlsxwriter

    from desktop.exchange.export_cells import CellKind
    from desktop.services.export_api import ExportRequest, ReportKind
    from desktop.services.exports_reports import ReportContext, plan_report
    from desktop.services.order_views import utc_clock

    plan = plan_report(ReportContext(workspace, owner, True, None, utc_clock, None, str),
                       ExportRequest(ReportKind.CUSTOMERS, out))
    rows = [row for _count, make in plan.batches for row in make()[0]]
    spec = plan.sheets[0]
    started, cpu = time.perf_counter(), time.process_time()
    book = xlsxwriter.Workbook(str(out), {"constant_memory": True,
                                          "tmpdir": str(out.parent)})
    book.add_worksheet("Cover")
    sheet = book.add_worksheet(spec.name)
    header = book.add_format({"bold": True, "bg_color": "#DCE6F1", "border": 1})
    money = book.add_format({"num_format": "¥#,##0.00"})
    moment = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    for col, column in enumerate(spec.columns):
        sheet.set_column(col, col, column.width)
        sheet.write_string(0, col, column.label, header)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, 0, len(spec.columns) - 1)
    kinds = [column.kind for column in spec.columns]
    prefix = "_" if direct else ""
    write_string = getattr(sheet, prefix + "write_string")
    write_number = getattr(sheet, prefix + "write_number")
    write_datetime = getattr(sheet, prefix + "write_datetime")
    for index, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            if value is None or value == "":
                continue
            kind = kinds[col]
            if isinstance(value, str):
                write_string(index, col, value)
            elif kind is CellKind.MONEY:
                write_number(index, col, value / 100, money)
            elif kind is CellKind.INTEGER:
                write_number(index, col, value)
            else:
                write_datetime(index, col, value, moment)
    book.close()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"mode": "bare_direct" if direct else "bare", "seconds": seconds,
            "cpu_seconds": cpu, "rows": len(rows), "bytes": out.stat().st_size}


def run_child(mode: str, home: Path, out: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.bench_export", "--child", mode, "--home", str(home),
         "--out", str(out)],
        capture_output=True, text=True, check=False,
        env={**os.environ, "SHOPVAULT_KEYRING": "none"},
        cwd=Path(__file__).resolve().parents[1],
    )
    if done.returncode:
        raise RuntimeError(f"{mode} failed: {done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    out.unlink(missing_ok=True)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the shop for the next run")
    parser.add_argument("--child", choices=["bare", "bare_direct", "xlsx", "csv"],
                        help=argparse.SUPPRESS)
    parser.add_argument("--home", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    os.environ["SHOPVAULT_KEYRING"] = "none"
    if args.child:
        print(json.dumps(child(args.child, args.home, args.out)))
        return 0
    workdir = args.workdir or OUT / f"export-{args.customers}"
    home = workdir / "shop"
    built = None
    if not (home / "shop.db").exists():
        workdir.mkdir(parents=True, exist_ok=True)
        built = build(home, args.customers)
        print(f"built a shop with {args.customers:,} demo customers in {built:.1f} s")
    runs: dict[str, list[dict[str, Any]]] = {"bare": [], "bare_direct": [], "xlsx": [],
                                             "csv": []}
    for _round in range(args.rounds):
        for mode, suffix in (("bare", "xlsx"), ("bare_direct", "xlsx"), ("xlsx", "xlsx"),
                             ("csv", "csv")):
            runs[mode].append(run_child(mode, home, workdir / f"{mode}.{suffix}"))
    best = {mode: min(results, key=lambda r: r["seconds"]) for mode, results in runs.items()}
    least_cpu = {mode: min(r["cpu_seconds"] for r in results) for mode, results in runs.items()}
    ratio = best["xlsx"]["seconds"] / best["bare"]["seconds"]
    cpu_ratio = least_cpu["xlsx"] / least_cpu["bare"]
    direct_ratio = best["xlsx"]["seconds"] / best["bare_direct"]["seconds"]
    direct_cpu_ratio = least_cpu["xlsx"] / least_cpu["bare_direct"]
    load = os.getloadavg()[0]
    lines = [
        f"N = {args.customers:,} customers, masked, default columns ({best['xlsx']['rows']:,}"
        f" rows); best of {args.rounds} rounds, each measurement in a fresh process",
        f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cpu, "
        f"load average {load:.1f} at the end",
        "",
        f"{'figure':<52}  {'wall':>8}  {'CPU':>8}  goal",
        f"{'bare XlsxWriter constant_memory, pre-masked rows, s':<52}  "
        f"{best['bare']['seconds']:>8.2f}  {least_cpu['bare']:>8.2f}",
        f"{'our export .xlsx (query + mask + write), s':<52}  "
        f"{best['xlsx']['seconds']:>8.2f}  {least_cpu['xlsx']:>8.2f}",
        f"{'ratio ours / bare':<52}  {ratio:>7.2f}×  {cpu_ratio:>7.2f}×  ≤ 1.1×",
        f"{'bare through XlsxWriter undecorated cell methods, s':<52}  "
        f"{best['bare_direct']['seconds']:>8.2f}  {least_cpu['bare_direct']:>8.2f}",
        f"{'ratio ours / that (our own work alone)':<52}  {direct_ratio:>7.2f}×  "
        f"{direct_cpu_ratio:>7.2f}×",
        f"{'our export .csv, s':<52}  {best['csv']['seconds']:>8.2f}  "
        f"{least_cpu['csv']:>8.2f}  ≤ 1 s",
        f"{'peak RSS during our .xlsx export (VmHWM), MiB':<52}  "
        f"{best['xlsx']['peak_rss_mib']:>8.1f}  {'':>8}  ≤ 100 MB",
        f"{'  ru_maxrss of that process after the reset, MiB':<52}  "
        f"{best['xlsx']['ru_maxrss_mib']:>8.1f}",
        f"{'peak RSS during our .csv export (VmHWM), MiB':<52}  "
        f"{best['csv']['peak_rss_mib']:>8.1f}",
        f"{'.xlsx size, MiB':<52}  {best['xlsx']['bytes'] / 2**20:>8.1f}",
        "rounds, wall s: " + "; ".join(
            f"{mode} " + " / ".join(f"{r['seconds']:.2f}" for r in results)
            for mode, results in runs.items()),
    ]
    print("\n".join(lines))
    OUT.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (OUT / f"bench_export-{args.customers}-{stamp}.json").write_text(json.dumps(
        {"customers": args.customers, "built_seconds": built, "runs": runs, "best": best,
         "ratio": ratio, "cpu_ratio": cpu_ratio, "direct_cpu_ratio": direct_cpu_ratio,
         "load_average": load}, indent=2))
    if not args.keep and args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
