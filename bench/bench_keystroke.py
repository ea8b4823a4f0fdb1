"""Keystroke-to-paint benchmark: the real window over a real 1,000,000-customer shop.

Run:  .venv/bin/python -m bench.bench_keystroke --customers 1000000
See bench/README.md ("bench_keystroke") for what each figure means.

Real Qt widgets under QT_QPA_PLATFORM=offscreen: the app's controller, login screen, main
window and Customers page (bench/keystroke_window.py, one fresh process per run); the bench
only types into the search box and watches the table's viewport for the paint that shows the
new rows.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.keystroke_shop import ensure_shop, keyring_for, shop_paths
from bench.keystroke_window import KINDS, ROLES, STALL_S, role_child
from bench.process_memory import breakdown_line
from bench.text_table import text_table

# bench_store and bench_search (SQLite, the demo generator …) are imported where used: the
# window's process (keystroke_window) measures its own memory and should hold what the app
# holds.
OUT = Path(__file__).resolve().parent / "out"


# ---------------------------------------------------------------- the queries

def keystroke_queries(workdir: Path, count: int) -> dict[str, list[str]]:
    """bench_search's search texts (same seed) for this shop, the phone in two spellings."""
    from bench.bench_search import make_queries
    from bench.bench_store import SEED
    from desktop.services.workspace import open_with_keyring

    workspace = open_with_keyring(shop_paths(workdir), keyring_for(workdir))
    try:
        base = make_queries(workspace.shop.db, count, SEED)
    finally:
        workspace.close()
    nationals = [re.sub(r"\D", "", text)[-11:] for text in base["full phone"]]
    return {
        KINDS[0]: [f"{n[:3]} {n[3:7]} {n[7:]}" for n in nationals],
        KINDS[1]: [f"+86-{n[:3]}-{n[3:7]}-{n[7:]}" for n in nationals],
        KINDS[2]: base["last-4"],
        KINDS[3]: base["2-char Chinese name"],
        KINDS[4]: base["3+ char substring"],
        KINDS[5]: base["pinyin initials"],
        KINDS[6]: base["pinyin full"],
    }


# ---------------------------------------------------------------- query part beside plain sqlite

def query_part_child(db_file: Path, key_hex: str | None, texts: list[str]) -> dict[str, Any]:
    """The store level of every typed prefix (``CustomerSearch.page`` + ``rows_by_ids`` of
    the first 50), on the shop's SQLCipher file or bench_search's plain one."""
    import sqlite3

    from bench.bench_store import plain_engine, sqlcipher_engine, warm_os_cache
    from desktop.store.customer_search import CustomerSearch, SearchFilter, SortKey
    from desktop.store.database import READER_CACHE_MIB

    warm_os_cache(db_file)
    engine = (sqlcipher_engine(bytes.fromhex(key_hex)) if key_hex
              else plain_engine("sqlite3", sqlite3))
    search = CustomerSearch(engine.open(db_file, READER_CACHE_MIB))
    times: list[float] = []
    for text in texts[: min(30, len(texts))]:  # warm-up
        search.rows_by_ids(search.page(SearchFilter(text=text), SortKey.NEWEST, 200).ids[:50])
    gc.disable()
    try:
        for text in texts:
            started = time.perf_counter()
            found = search.page(SearchFilter(text=text), SortKey.NEWEST, 200)
            search.rows_by_ids(found.ids[:50])
            times.append(time.perf_counter() - started)
    finally:
        gc.enable()
    return {"times": times}


def prefixes(texts: list[str]) -> list[str]:
    return [t[:n].strip() for t in texts for n in range(1, len(t) + 1) if t[:n].strip()]


def shop_db_key(workdir: Path) -> str:
    """The shop's raw database key, unwrapped with the vault key as the app does."""
    from desktop.services.workspace import open_with_keyring

    workspace = open_with_keyring(shop_paths(workdir), keyring_for(workdir))
    try:
        return workspace.shop.db_key.hex()
    finally:
        workspace.close()


def missing_search_indexes(plain: Path) -> list[str]:
    """Indexes the search names (INDEXED BY) that a kept plain.db of an older schema lacks."""
    import sqlite3

    from desktop.store.search_terms import SCAN_INDEX

    conn = sqlite3.connect(f"file:{plain}?mode=ro", uri=True)
    try:
        found = {row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        conn.close()
    return [name for name in (SCAN_INDEX,) if name not in found]


def query_parts(workdir: Path, search_dir: Path | None, queries: dict[str, list[str]],
                customers: int) -> dict[str, Any]:
    from bench.bench_store import percentiles

    plain = search_dir / "plain.db" if search_dir else None
    if plain is None or not plain.exists():
        return {}
    meta = json.loads((search_dir / "meta.json").read_text()) if search_dir else {}
    if meta.get("customers") != customers or not meta.get("orders", False):
        print(f"{plain} holds other data; no plain sqlite3 column", flush=True)
        return {}
    missing = missing_search_indexes(plain)
    if missing:
        print(f"{plain} predates the search indexes {', '.join(missing)} (an older schema):"
              " no plain sqlite3 column; bring a copy up to date with"
              " desktop.store.migrations.migrate or rebuild it with bench_search", flush=True)
        return {}
    key = shop_db_key(workdir)
    out: dict[str, Any] = {}
    for kind in queries:
        texts = prefixes(queries[kind])
        per_engine = {}
        for engine, (path, key_hex) in {"SQLCipher": (shop_paths(workdir).db, key),
                                        "sqlite3": (plain, None)}.items():
            run = child(["--child-query-part", str(path), "--key", key_hex or ""],
                        stdin=json.dumps(texts))
            per_engine[engine] = percentiles(run["times"])
        out[kind] = per_engine
    return out


# ---------------------------------------------------------------- driver

def child(extra: list[str], stdin: str = "") -> dict[str, Any]:
    # An installed app runs from compiled bytecode: let the children cache theirs (outside
    # the source tree) even where the environment says PYTHONDONTWRITEBYTECODE.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPYCACHEPREFIX": str(OUT / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = subprocess.run([sys.executable, "-m", "bench.bench_keystroke", *extra],
                         input=stdin, capture_output=True, text=True, env=env, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"child {extra[:2]} failed:\n{out.stderr[-3000:]}")
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def run(args: argparse.Namespace) -> dict[str, Any]:
    from bench.bench_store import engine_info, warm_os_cache

    workdir = args.workdir or OUT / f"keystroke-{args.customers}"
    meta = ensure_shop(workdir, args.customers, args.rebuild)
    typing = args.queries > 0  # --queries 0: the login runs only
    queries: dict[str, list[str]] = {}
    if typing:
        queries = {kind: texts for kind, texts in
                   keystroke_queries(workdir, args.queries + args.warmup).items()
                   if kind in args.kinds}
        (workdir / "keystroke-queries.json").write_text(
            json.dumps(queries, ensure_ascii=False), encoding="utf-8")
    warm_os_cache(shop_paths(workdir).db)
    report: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "args": {k: str(v) for k, v in vars(args).items()}, "engines": engine_info(),
        "shop": meta, "roles": {}, "logins": {},
    }
    for role in args.roles:
        print(f"{role}: login to first paint, {args.login_runs} fresh processes …", flush=True)
        logins = [child(["--child-role", role, "--workdir", str(workdir),
                         "--language", args.language]) for _ in range(args.login_runs)]
        report["logins"][role] = summarise_logins(logins)
        if not typing:
            continue
        print(f"{role}: typing {args.queries} queries per kind …", flush=True)
        report["roles"][role] = child(
            ["--child-role", role, "--workdir", str(workdir), "--type", "--warmup",
             str(args.warmup), "--language", args.language])
    if not typing:
        return report
    search_dir = args.search_workdir or OUT / f"search-{args.customers}"
    print("query part: SQLCipher shop beside bench_search's plain sqlite3 …", flush=True)
    report["query_part"] = query_parts(
        workdir, search_dir, {k: v[args.warmup:] for k, v in queries.items()}, args.customers)
    return report


def table(report: dict[str, Any]) -> str:
    from bench.bench_store import SEED

    roles = list(report["roles"])
    if not roles:
        return "\n".join([f"N = {report['shop']['customers']:,} customers in a real shop "
                          f"(demo data, seed {SEED}); UI in {report['args']['language']}; "
                          "login runs only (--queries 0)", *login_lines(report)])
    lines = [f"N = {report['shop']['customers']:,} customers in a real shop (demo data, seed "
             f"{SEED}); UI in {report['args']['language']}; {report['args']['queries']} queries"
             " per kind typed key by key (a key no sooner than 150 ms after the one before nor"
             " before its rows are painted); times in ms, p50 / p95"]
    head = ["query kind", *(f"{r}: key→paint" for r in roles),
            *(f"{r}: search→paint" for r in roles), *(f"{r}: GUI CPU" for r in roles),
            *(f"{r}: paint" for r in roles), "last key→paint",
            "query part SQLCipher", "plain sqlite3", "ratio p95"]
    rows: list[list[str]] = []
    for kind in report["roles"][roles[0]]["keystrokes"]:
        cells = [kind]
        for level in ("key_to_paint", "search_to_paint", "gui_cpu_search_to_paint", "paint"):
            for role in roles:
                stats = report["roles"][role]["keystrokes"][kind].get(level)
                cells.append(f"{stats['p50_ms']:.1f} / {stats['p95_ms']:.1f}" if stats
                             else "–")
        last = report["roles"][roles[0]]["keystrokes"][kind]["last_key_to_paint"]
        cells.append(f"{last['p50_ms']:.1f} / {last['p95_ms']:.1f}")
        part = report.get("query_part", {}).get(kind)
        if part:
            c, p = part["SQLCipher"], part["sqlite3"]
            cells += [f"{c['p50_ms']:.2f} / {c['p95_ms']:.2f}",
                      f"{p['p50_ms']:.2f} / {p['p95_ms']:.2f}",
                      f"{c['p95_ms'] / p['p95_ms']:.2f}×"]
        else:
            cells += ["–", "–", "–"]
        rows.append(cells)
    lines += ["", *text_table(head, rows), ""]
    first = next(iter(report["roles"][roles[0]]["keystrokes"].values()))
    lines.append(f"key → search starts (search_pacing), {roles[0]}: "
                 f"p50 {first['debounce']['p50_ms']:.1f} ms; painting the rows: "
                 f"p50 {first['paint']['p50_ms']:.1f} / p95 {first['paint']['p95_ms']:.1f} ms")
    lines += parts_lines(report, roles)
    lines += login_lines(report)
    for role in roles:
        measured = report["roles"][role]
        stalled = measured["stalls"] + measured["warmup_stalls"]
        lines.append(f"peak RSS after typing, {role}: {measured['peak_rss_mib']:.0f} MiB; "
                     f"keystrokes with no paint within {STALL_S:.0f} s: {len(stalled)}"
                     + (f" (e.g. {stalled[0]['text'][:stalled[0]['prefix']]!r})"
                        if stalled else ""))
    return "\n".join(lines)


PARTS = (("queue_wait", "queue"), ("worker", "worker"), ("to_gui", "to GUI"),
         ("paint", "paint"), ("gui_cpu_paint", "paint CPU"), ("gc", "GC"))
"""The parts of search → paint per keystroke: waiting in the serial task queue, the first
screen's task on the worker, its hop to the GUI thread, rows in → painted (and the GUI
thread's CPU in it), Python's garbage collector anywhere in the span."""


def parts_lines(report: dict[str, Any], roles: list[str]) -> list[str]:
    lines = ["where search → paint goes, ms p50 / p95 (" + ", ".join(
        label for _, label in PARTS) + "):"]
    for kind in report["roles"][roles[0]]["keystrokes"]:
        for role in roles:
            measured = report["roles"][role]["keystrokes"][kind]
            lines.append(f"  {kind:30} {role:6} " + "  ".join(
                f"{label} {measured[key]['p50_ms']:.1f} / {measured[key]['p95_ms']:.1f}"
                for key, label in PARTS if key in measured))
    return lines


def summarise_logins(logins: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians of the login runs; the highest peak RSS beside them (the goal is a bound)."""
    summary: dict[str, Any] = {
        key: statistics.median(run[key] for run in logins)
        for key, value in logins[0].items() if isinstance(value, int | float)}
    summary["max_login_to_first_paint_ms"] = max(r["login_to_first_paint_ms"] for r in logins)
    summary["max_peak_rss_after_login_mib"] = max(r["peak_rss_after_login_mib"] for r in logins)
    summary["max_peak_rss_list_complete_mib"] = max(
        r["peak_rss_list_complete_mib"] for r in logins)
    summary["memory_marks"] = {
        mark: {field: statistics.median(r["memory_marks"][mark][field] for r in logins)
               for field in values}
        for mark, values in logins[0]["memory_marks"].items()}
    summary["runs"] = logins
    return summary


def login_lines(report: dict[str, Any]) -> list[str]:
    lines = []
    for role, login in report["logins"].items():
        lines.append(
            f"login as {role} → first rows painted (after the password check), median of "
            f"{report['args']['login_runs']}: {login['login_to_first_paint_ms']:.1f} ms "
            f"(max {login['max_login_to_first_paint_ms']:.1f}; window and page built "
            f"{login['window_built_ms']:.0f} ms; garbage collector "
            f"{login['gc_during_login_to_first_paint_ms']:.0f} ms; password check "
            f"{login['login_check_ms']:.0f} ms, click → paint "
            f"{login['click_to_first_paint_ms']:.0f} ms; peak RSS "
            f"{login['peak_rss_after_login_mib']:.0f}"
            f" MiB, {login['peak_rss_before_login_mib']:.0f} MiB before the login; RSS at the"
            f" first paint {login['rss_at_first_paint_mib']:.0f} MiB)")
        if "memory_marks" in login:
            lines.append(
                f"  memory of the {role}'s window, MiB (medians; highest peak of the runs "
                f"{login['max_peak_rss_after_login_mib']:.0f} at the first paint, "
                f"{login['max_peak_rss_list_complete_mib']:.0f} with the list complete): "
                + breakdown_line(login["memory_marks"]))
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=15, help="typed queries per kind")
    parser.add_argument("--warmup", type=int, default=2, help="unrecorded queries per kind")
    parser.add_argument("--login-runs", type=int, default=3)
    parser.add_argument("--roles", nargs="+", choices=list(ROLES), default=list(ROLES))
    parser.add_argument("--workdir", type=Path, default=None,
                        help="where the shop is built and reused (default bench/out/"
                             "keystroke-N)")
    parser.add_argument("--search-workdir", type=Path, default=None,
                        help="bench_search's databases, for the plain sqlite3 column "
                             "(default bench/out/search-N)")
    parser.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS),
                        metavar="KIND", help="query kinds to type (default: all)")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--language", default="zh_CN", choices=["zh_CN", "en"],
                        help="UI language of the window (default: a Chinese shop's)")
    parser.add_argument("--child-role", choices=list(ROLES), help=argparse.SUPPRESS)
    parser.add_argument("--type", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child-query-part", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--key", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_role:
        queries = None
        if args.type:
            queries = json.loads((args.workdir / "keystroke-queries.json").read_text(
                encoding="utf-8"))
        print(json.dumps(role_child(args.workdir, args.child_role, queries, args.warmup,
                                    args.language)))
        return 0
    if args.child_query_part:
        texts = json.loads(sys.stdin.read())
        print(json.dumps(query_part_child(args.child_query_part, args.key or None, texts)))
        return 0
    report = run(args)
    text = table(report)
    print()
    print(text)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    OUT.mkdir(parents=True, exist_ok=True)
    out = OUT / f"bench_keystroke-{args.customers}-{stamp}.json"
    out.write_text(json.dumps({**report, "table": text}, indent=2, default=str) + "\n",
                   encoding="utf-8")
    print(f"\nJSON: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
