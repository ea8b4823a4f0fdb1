"""File-layer benchmark: ``open_source(...).rows()`` against python-calamine alone.

Run:  .venv/bin/python -m bench.bench_read --rows 100000
See bench/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
SEED = 20261129
SHEET = "会员登记表"
HEADER = [
    "会员卡号",
    "姓名",
    "性别",
    "手机号",
    "生日",
    "微信号",
    "积分",
    "储值余额",
    "备注",
    "注册日期",
]
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹"
    "彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国玉红文"
    "辉力鹏飞燕云凤婷雪琳晨浩宇欣怡子涵梓轩"
)
NOTES = ("老顾客，喜欢绿茶", "生日当月送券", "只收现金", "VIP 客户", "会员卡丢失补办")


def write_workbook(path: Path, rows: int) -> None:
    """A hand-kept membership sheet as a shop would have it: a merged title row, a header,
    Chinese names, phones as numbers, dates, amounts, some notes (shared strings, as Excel
    writes them)."""
    import xlsxwriter

    rnd = random.Random(SEED)
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet(SHEET)
    dates = book.add_format({"num_format": "yyyy-mm-dd"})
    money = book.add_format({"num_format": "#,##0.00"})
    sheet.merge_range(0, 0, 0, len(HEADER) - 1, "老王杂货店 会员登记表")
    sheet.write_row(1, 0, HEADER)
    for i in range(1, rows + 1):
        row = i + 1
        sheet.write_string(row, 0, f"M{i:07d}")
        name = rnd.choice(SURNAMES) + "".join(rnd.choices(GIVEN, k=rnd.choice((1, 2))))
        sheet.write_string(row, 1, name)
        sheet.write_string(row, 2, rnd.choice("男女"))
        sheet.write_number(
            row, 3, rnd.choice((138, 139, 150, 186, 199)) * 10**8 + rnd.randrange(10**8)
        )
        birthday = datetime(1950 + rnd.randrange(55), 1 + rnd.randrange(12), 1 + rnd.randrange(28))
        sheet.write_datetime(row, 4, birthday, dates)
        if rnd.random() < 0.6:
            sheet.write_string(row, 5, f"wx_{rnd.randrange(10**9):09d}")
        sheet.write_number(row, 6, rnd.randrange(20_000))
        sheet.write_number(row, 7, rnd.randrange(1_000_000) / 100, money)
        if rnd.random() < 0.15:
            sheet.write_string(row, 8, rnd.choice(NOTES))
        joined = datetime(2015 + rnd.randrange(11), 1 + rnd.randrange(12), 1 + rnd.randrange(28))
        sheet.write_datetime(row, 9, joined, dates)
    book.close()


# ---------------------------------------------------------------- child processes


def _status_kib(field: str) -> int:
    """VmRSS (now) or VmHWM (peak) of this process. Not ru_maxrss: Linux carries the parent's
    peak over into a child across fork and exec."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def child(reader: str, path: Path) -> None:
    """Read every row of the file once; print seconds, rows, cells and memory as JSON."""
    if reader == "calamine":
        from python_calamine import CalamineWorkbook
    else:
        from desktop.exchange.source_files import open_source
    baseline = _status_kib("VmRSS")
    rows = cells = 0
    cpu_start = time.process_time()
    start = time.perf_counter()
    if reader == "calamine":
        book = CalamineWorkbook.from_path(str(path))
        for row in book.get_sheet_by_name(SHEET).iter_rows():
            rows += 1
            cells += len(row)
        book.close()
    else:
        with open_source(path) as source:
            for row in source.rows(source.sheets[0].name):
                rows += 1
                cells += len(row)
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    peak = _status_kib("VmHWM")
    print(
        json.dumps(
            {
                "seconds": seconds,
                "cpu_seconds": cpu_seconds,
                "rows": rows,
                "cells": cells,
                "baseline_kib": baseline,
                "peak_kib": peak,
            }
        )
    )


def parts(path: Path) -> None:
    """Where the difference goes, in one process: CPU seconds (best of 3) of the safety
    checks alone, of calamine alone, and of calamine plus the cell conversion."""
    import zipfile

    from python_calamine import CalamineWorkbook

    from desktop.exchange import files_safety, files_sniff, files_xlsx

    limits = files_safety.DEFAULT_LIMITS

    def checks() -> None:
        files_safety.check_entry_count(path, "x", limits)
        with zipfile.ZipFile(path) as archive:
            files_sniff.zip_problem(archive)
            files_safety.check_workbook_zip(archive, "x", limits)
            files_sniff.content_types_problem(archive)
            files_xlsx._sheet_dimensions(archive)

    def calamine(convert: bool) -> None:
        book = CalamineWorkbook.from_path(str(path))
        for row in book.get_sheet_by_name(SHEET).iter_rows():
            if convert:
                files_xlsx._cells(row, ())
        book.close()

    def best(action: Callable[[], None]) -> float:
        times = []
        for _ in range(3):
            start = time.process_time()
            action()
            times.append(time.process_time() - start)
        return min(times)

    print(
        json.dumps(
            {
                "checks": best(checks),
                "calamine": best(lambda: calamine(False)),
                "calamine_and_cells": best(lambda: calamine(True)),
            }
        )
    )


def run_child(reader: str, path: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-m", "bench.bench_read", "--child", reader, str(path)],
        check=True,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    return json.loads(result.stdout)


# ---------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--child", choices=("calamine", "ours", "parts"))
    parser.add_argument("path", nargs="?", type=Path)
    args = parser.parse_args()
    if args.child == "parts":
        parts(args.path)
        return
    if args.child:
        child(args.child, args.path)
        return

    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=OUT) as work:
        path = Path(work) / "members.xlsx"
        started = time.perf_counter()
        write_workbook(path, args.rows)
        written = time.perf_counter() - started
        size_mib = path.stat().st_size / 2**20
        print(f"wrote {args.rows:,} rows ({size_mib:.1f} MiB) in {written:.1f} s")
        rounds: list[dict[str, dict[str, float]]] = []
        for number in range(args.rounds):
            # Interleaved, and the order flipped every round: load on the machine hits both.
            order = ("calamine", "ours") if number % 2 == 0 else ("ours", "calamine")
            rounds.append({reader: run_child(reader, path) for reader in order})
            print(
                f"round {number + 1}: calamine {rounds[-1]['calamine']['seconds']:.3f} s, "
                f"ours {rounds[-1]['ours']['seconds']:.3f} s"
            )
        breakdown = run_child("parts", path)
    report(args, rounds, size_mib, breakdown)


def report(
    args: argparse.Namespace,
    rounds: list[dict[str, dict[str, float]]],
    size: float,
    breakdown: dict[str, float],
) -> None:
    def best(reader: str, key: str) -> float:
        return min(r[reader][key] for r in rounds)

    cal, ours = best("calamine", "seconds"), best("ours", "seconds")
    cal_cpu, ours_cpu = best("calamine", "cpu_seconds"), best("ours", "cpu_seconds")
    ratios = sorted(r["ours"]["seconds"] / r["calamine"]["seconds"] for r in rounds)
    cal_peak, our_peak = best("calamine", "peak_kib") / 1024, best("ours", "peak_kib") / 1024
    cal_growth = min(r["calamine"]["peak_kib"] - r["calamine"]["baseline_kib"] for r in rounds)
    our_growth = min(r["ours"]["peak_kib"] - r["ours"]["baseline_kib"] for r in rounds)
    lines = [
        f"{args.rows:,} rows x {len(HEADER)} columns, {size:.1f} MiB .xlsx; best of "
        f"{args.rounds} rounds, each reader in a fresh process, interleaved",
        f"Python {platform.python_version()}, {platform.machine()} {_cpus()} cpu",
        "",
        "figure                                   calamine     ours   ratio  goal",
        "---------------------------------------  --------  -------  -----  ------",
        f"read every row, s                        {cal:8.3f}  {ours:7.3f}  "
        f"{ours / cal:4.2f}×  ≤ 1.2×",
        f"read every row, CPU s                    {cal_cpu:8.3f}  {ours_cpu:7.3f}  "
        f"{ours_cpu / cal_cpu:4.2f}×",
        f"  per-round wall ratio (min / median / max)                 "
        f"{ratios[0]:.2f} / {ratios[len(ratios) // 2]:.2f} / {ratios[-1]:.2f}",
        f"peak RSS of the process, MiB             {cal_peak:8.1f}  {our_peak:7.1f}  "
        f"{our_peak / cal_peak:4.2f}×  same",
        f"peak RSS growth while reading, MiB       {cal_growth / 1024:8.1f}  "
        f"{our_growth / 1024:7.1f}  {our_growth / cal_growth:4.2f}×",
        "",
        f"CPU s in one process: calamine {breakdown['calamine']:.3f}; the safety checks "
        f"{breakdown['checks']:.3f} (+{breakdown['checks'] / breakdown['calamine']:.0%}); "
        f"cell conversion "
        f"{breakdown['calamine_and_cells'] - breakdown['calamine']:.3f} "
        f"(+{breakdown['calamine_and_cells'] / breakdown['calamine'] - 1:.0%})",
    ]
    print("\n".join(lines))
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = OUT / f"bench_read-{args.rows}-{stamp}.json"
    result = {"rows": args.rows, "rounds": rounds, "parts": breakdown, "table": lines}
    out.write_text(json.dumps(result, indent=1))
    print(f"\n{out.relative_to(OUT.parent.parent)}")


def _cpus() -> int:
    import os

    return os.cpu_count() or 0


if __name__ == "__main__":
    main()
