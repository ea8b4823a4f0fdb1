"""Import of a large membership sheet: our whole import against calamine alone parsing it.

    .venv/bin/python -m bench.bench_import --rows 100000

Writes a membership .xlsx (XlsxWriter; 会员卡号 姓名 性别 手机号 生日 微信号 积分 储值余额 备注 …,
realistic values from desktop.core.demo_data), then, in the same run, each in its own
process:

(a) python-calamine alone: open the workbook and iterate every row of the sheet;
(b) our import: open the file, find the header, recognise the layout, parse and normalise
    every row, match identities, dedupe, insert and index, commit — into a fresh real shop;
(c) (b) on a worker thread while a Qt event loop (offscreen) runs a 5 ms QTimer in the main
    thread: the longest gap between two ticks is the UI's worst stall.

Reported: wall time of (a) and (b) and their ratio (goal ≤ 2.5), peak RSS of each during the
measured work (Linux: the peak is reset through /proc/self/clear_refs just before it, then
read from VmHWM; goal: (b) ≤ (a) + a small constant), the longest stall of (c) (goal ≤ 50 ms).
Also the CPU seconds of (a) and (b) and their ratio, which the machine's load moves far less
than wall time. ``--before DIR`` runs (b) once more per round with the ``desktop`` package of
another checkout (e.g. ``git archive main`` unpacked there): before and after in one machine
state. Results also go to bench/out/bench_import.json.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

OUT_DIR = Path(__file__).resolve().parent / "out"
PASSWORD = "Bench-horse-42"
HEADERS = ("会员卡号", "姓名", "性别", "手机号", "生日", "微信号", "积分", "储值余额", "备注",
           "开卡日期")


def write_workbook(path: Path, rows: int) -> None:
    import xlsxwriter

    from desktop.core.demo_data import generate_customers
    from desktop.core.models import Gender

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("会员")
    sheet.write_row(0, 0, ["XX店会员登记表"])
    sheet.write_row(1, 0, HEADERS)
    gender = {Gender.FEMALE: "女", Gender.MALE: "男", Gender.OTHER: "", Gender.UNKNOWN: ""}
    for index, customer in enumerate(generate_customers(rows), start=2):
        phone = customer.phone or ""
        sheet.write_string(index, 0, customer.member_no or "")
        sheet.write_string(index, 1, customer.name)
        sheet.write_string(index, 2, gender[customer.gender])
        if phone.startswith("+86"):
            sheet.write_number(index, 3, int(phone[3:]))  # as shops type them: a number cell
        else:
            sheet.write_string(index, 3, phone)
        sheet.write_string(index, 4, customer.birthday or "")
        sheet.write_string(index, 5, customer.wechat_id or "")
        sheet.write_number(index, 6, customer.points)
        sheet.write_string(index, 7, f"¥{customer.balance_cents / 100:,.2f}")
        sheet.write_string(index, 8, customer.notes[:40])
        sheet.write_string(index, 9, customer.created_at[:10].replace("-", "/"))
    book.close()


# ---------------------------------------------------------------------- children


def _reset_peak() -> None:
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _status_mib(field: str) -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _peak_mib() -> float:
    return _status_mib("VmHWM")


def _rss_mib() -> float:
    return _status_mib("VmRSS")


def child_calamine(path: Path) -> dict[str, Any]:
    import python_calamine

    _reset_peak()
    before = _rss_mib()
    start, cpu = time.perf_counter(), time.process_time()
    with path.open("rb") as handle:
        workbook = python_calamine.CalamineWorkbook.from_filelike(handle)
        rows = sum(1 for _ in workbook.get_sheet_by_name("会员").iter_rows())
    return {"seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - cpu,
            "rows": rows, "peak_mib": _peak_mib(), "rss_before_mib": before,
            "growth_mib": _peak_mib() - before}


def _open_shop(home: Path) -> tuple[Any, Any]:
    from desktop.services.paths import ShopPaths
    from desktop.services.workspace import default_keyring, open_with_password

    workspace = open_with_password(ShopPaths(home), PASSWORD, default_keyring())
    return workspace, workspace.accounts.login("bench", PASSWORD)


def _import(workspace: Any, session: Any, path: Path) -> dict[str, Any]:
    from desktop.core.import_types import MatchPolicy
    from desktop.services.import_api import ImportRequest
    from desktop.services.imports import ImportService

    service = ImportService(workspace)
    overview = service.inspect(session, path)
    preview = service.preview(session, path, overview.suggested_sheet)
    request = ImportRequest(path, preview.sheet, preview.header_row, preview.target,
                            preview.mapping, MatchPolicy.FILL_EMPTY, preview.layout)
    result = service.run(session, request)
    return {"layout": preview.layout, "created": result.counts.created,
            "rejected": result.counts.rejected, "duplicates": result.counts.duplicates}


def child_import(path: Path, home: Path) -> dict[str, Any]:
    workspace, session = _open_shop(home)
    # As in the app (and the stall run below), the modules are loaded before the import
    # starts: pypinyin by any write, the import service when the app starts.
    import desktop.core.pinyin
    import desktop.exchange.source_files
    import desktop.services.imports
    try:
        _reset_peak()
        before = _rss_mib()
        start, cpu = time.perf_counter(), time.process_time()
        found = _import(workspace, session, path)
        found |= {"code": str(Path(desktop.services.imports.__file__).parents[2]),
                  "seconds": time.perf_counter() - start,
                  "cpu_seconds": time.process_time() - cpu, "peak_mib": _peak_mib(),
                  "rss_before_mib": before, "growth_mib": _peak_mib() - before}
    finally:
        workspace.close()
    return found


def child_stall(path: Path, home: Path) -> dict[str, Any]:
    from PySide6.QtCore import QCoreApplication, QTimer

    # As in the app, the modules are loaded before the UI waits on them (compiling a module
    # on first import holds the GIL, which is not what this measures).
    import desktop.core.pinyin
    import desktop.exchange.source_files
    import desktop.services.imports  # noqa: F401

    app = QCoreApplication.instance() or QCoreApplication([])
    workspace, session = _open_shop(home)
    gaps: list[float] = []
    last = [time.perf_counter()]
    outcome: dict[str, Any] = {}
    finished = threading.Event()

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now
        if finished.is_set():
            app.quit()

    def work() -> None:
        try:
            outcome.update(_import(workspace, session, path))
        except BaseException as exc:  # noqa: BLE001 - reported, not raised, in a thread
            outcome["error"] = type(exc).__name__
        finally:
            finished.set()  # the timer, in the main thread, ends the loop

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    worker = threading.Thread(target=work, daemon=True)
    start = time.perf_counter()
    QTimer.singleShot(0, worker.start)
    app.exec()
    seconds = time.perf_counter() - start
    worker.join()
    workspace.close()
    ordered = sorted(gaps)
    return {
        **outcome, "seconds": seconds, "ticks": len(gaps),
        "max_gap_ms": 1000 * ordered[-1] if ordered else None,
        "p99_gap_ms": 1000 * ordered[int(len(ordered) * 0.99)] if ordered else None,
    }


def make_shop(home: Path) -> None:
    from desktop.services.paths import ShopPaths
    from desktop.services.workspace import default_keyring, new_workspace

    workspace, _owner, _code = new_workspace(
        ShopPaths(home), "Bench", "bench", PASSWORD, keyring=default_keyring(), remember=False
    )
    workspace.close()


# ---------------------------------------------------------------------- parent


def _run_child(
    kind: str, path: Path, home: Path | None, source: Path | None = None
) -> dict[str, Any]:
    env = dict(os.environ, SHOPVAULT_KEYRING="none", QT_QPA_PLATFORM="offscreen")
    argv = [sys.executable, "-m", "bench.bench_import", "--child", kind, "--file", str(path)]
    if home is not None:
        argv += ["--home", str(home)]
    if source is not None:
        argv += ["--source", str(source)]
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False,
                          cwd=Path(__file__).resolve().parents[1])
    if done.returncode != 0:
        raise RuntimeError(f"{kind} child failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run(args: argparse.Namespace) -> dict[str, Any]:
    OUT_DIR.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=OUT_DIR) as work:
        folder = Path(work)
        path = folder / "会员登记表.xlsx"
        start = time.perf_counter()
        write_workbook(path, args.rows)
        print(f"wrote {args.rows:,} rows ({path.stat().st_size / 2**20:.1f} MiB) in "
              f"{time.perf_counter() - start:.1f} s")
        rounds = []
        for number in range(args.rounds):
            homes = [folder / f"shop-{number}-{kind}"
                     for kind in ("import", "stall", "before", "before-stall")]
            for home in homes:  # each by the code that imports into it (its schema)
                _run_child("make-shop", path, home,
                           args.before if home.name.endswith(("before", "before-stall")) else None)
            calamine = _run_child("calamine", path, None)
            if args.before is not None:
                before = _run_child("import", path, homes[2], args.before)
                print(f"round {number + 1}, the code in {args.before}: import "
                      f"{before['seconds']:.2f} s, CPU {before['cpu_seconds']:.2f} s (peak "
                      f"{before['peak_mib']:.0f} MiB, +{before['growth_mib']:.0f}), ratio "
                      f"{before['seconds'] / calamine['seconds']:.2f} (CPU "
                      f"{before['cpu_seconds'] / calamine['cpu_seconds']:.2f})")
            ours = _run_child("import", path, homes[0])
            stall = _run_child("stall", path, homes[1]) if not args.no_stall else {}
            if args.before is not None and not args.no_stall:
                before["stall"] = _run_child("stall", path, homes[3], args.before)
                print(f"round {number + 1}, the code in {args.before}: longest UI stall "
                      f"{before['stall']['max_gap_ms']:.1f} ms "
                      f"(p99 {before['stall']['p99_gap_ms']:.1f} ms)")
            rounds.append({"calamine": calamine, "import": ours, "stall": stall,
                           "before": before if args.before is not None else None,
                           "ratio": ours["seconds"] / calamine["seconds"],
                           "cpu_ratio": ours["cpu_seconds"] / calamine["cpu_seconds"],
                           "load_average": os.getloadavg()[0]})
            print(f"round {number + 1} (load {os.getloadavg()[0]:.1f}): "
                  f"calamine {calamine['seconds']:.2f} s, CPU {calamine['cpu_seconds']:.2f} s "
                  f"(peak {calamine['peak_mib']:.0f} MiB, +{calamine['growth_mib']:.0f}), "
                  f"import {ours['seconds']:.2f} s, CPU {ours['cpu_seconds']:.2f} s "
                  f"(peak {ours['peak_mib']:.0f} MiB, +{ours['growth_mib']:.0f}), "
                  f"ratio {rounds[-1]['ratio']:.2f} (CPU {rounds[-1]['cpu_ratio']:.2f}); "
                  f"longest UI stall {stall.get('max_gap_ms', float('nan')):.1f} ms "
                  f"(p99 {stall.get('p99_gap_ms', float('nan')):.1f} ms)")
    best = min(rounds, key=lambda r: r["ratio"])
    report = {"rows": args.rows, "rounds": rounds, "best_ratio": best["ratio"],
              "load_average": os.getloadavg()}
    (OUT_DIR / "bench_import.json").write_text(json.dumps(report, indent=2))
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--no-stall", action="store_true", help="skip the Qt stall run")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--home", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--before", type=Path, metavar="DIR",
        help="also import with the desktop package of another checkout (e.g. an export of "
             "main), in each round just before ours: before/after in one machine state",
    )
    parser.add_argument("--source", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.source is not None:  # a child importing another checkout's code
        sys.path.insert(0, str(args.source.resolve()))
    if args.child:
        if args.child == "make-shop":
            make_shop(args.home)
            print("{}")
        elif args.child == "calamine":
            print(json.dumps(child_calamine(args.file)))
        elif args.child == "import":
            print(json.dumps(child_import(args.file, args.home)))
        else:
            print(json.dumps(child_stall(args.file, args.home)))
        return 0
    run(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
