"""Search benchmark: the customer service over SQLCipher beside the same code on plain sqlite3.

Run:  .venv/bin/python -m bench.bench_search --customers 1000000
See bench/README.md ("bench_search") for what each figure means.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from bench.bench_store import (
    OUT,
    SEED,
    engine_info,
    percentiles,
    plain_engine,
    sqlcipher_engine,
    warm_os_cache,
)
from bench.text_table import text_table
from desktop.core.demo_data import generate_customers, generate_feedback, generate_orders
from desktop.core.models import User
from desktop.core.roles import Role
from desktop.services.customer_views import CustomerFilter, CustomerSort
from desktop.services.customers import CustomerService
from desktop.services.session import Session
from desktop.store.bulk import bulk_load
from desktop.store.connection import checkpoint_and_close
from desktop.store.customer_search import CustomerSearch, SearchFilter, SortKey
from desktop.store.database import READER_CACHE_MIB, ShopDatabase
from desktop.store.migrations import latest_version, migrate

ENGINES = ("SQLCipher", "sqlite3")
KINDS = ("full phone", "last-4", "2-char Chinese name", "3+ char substring",
         "pinyin initials", "pinyin full", "whole e-mail or WeChat ID")
LEVELS = (("store", "query part (staff)"), ("owner", "query part (owner)"),
          ("service", "service (staff)"))
"""Store level: the SQL and row building without masking, with the staff's search filter
(e-mail, WeChat ID and phone-like member numbers by the whole value only) and with the
owner's (substrings of those too); service level: what the staff's screen waits for."""


# ---------------------------------------------------------------- building (child process)

def db_path(workdir: Path, engine: str) -> Path:
    return workdir / ("shop.db" if engine == "SQLCipher" else "plain.db")


def engine_for(name: str, key: bytes) -> Any:
    return sqlcipher_engine(key) if name == "SQLCipher" else plain_engine("sqlite3", sqlite3)


def build(workdir: Path, engine: str, customers: int, orders: bool) -> dict[str, Any]:
    """Demo customers (+ orders, feedback) through bulk_load into a fresh database."""
    key = bytes.fromhex((workdir / "key.hex").read_text().strip())
    path = db_path(workdir, engine)
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    conn = engine_for(engine, key).create(path)
    migrate(conn)
    started = time.perf_counter()
    result = bulk_load(
        conn, generate_customers(customers, SEED),
        (lambda ids: generate_orders(ids, SEED)) if orders else None,
        (lambda ids, stored: generate_feedback(ids, SEED, orders=stored)) if orders else None,
    )
    seconds = time.perf_counter() - started
    checkpoint_and_close(conn)
    return {"seconds": seconds, "rows": result.rows, "customers": result.customers,
            "file_mib": path.stat().st_size / 2**20}


def ensure_built(workdir: Path, args: argparse.Namespace) -> dict[str, Any]:
    workdir.mkdir(parents=True, exist_ok=True)
    meta_path = workdir / "meta.json"
    wanted = {"customers": args.customers, "orders": args.orders, "schema": latest_version()}
    if meta_path.exists() and not args.rebuild:
        meta = json.loads(meta_path.read_text())
        if {k: meta.get(k) for k in wanted} == wanted and all(
            db_path(workdir, e).exists() for e in ENGINES
        ):
            print(f"reusing the databases in {workdir}", flush=True)
            return dict(meta)
    key_file = workdir / "key.hex"
    key_file.write_text(os.urandom(32).hex())
    meta: dict[str, Any] = {**wanted, "load": {}}
    for engine in ENGINES:
        print(f"building {engine} database ({args.customers:,} customers) …", flush=True)
        out = subprocess.run(
            [sys.executable, "-m", "bench.bench_search", "--child-build", engine,
             "--workdir", str(workdir), "--customers", str(args.customers),
             *([] if args.orders else ["--no-orders"])],
            check=True, capture_output=True, text=True,
        )
        meta["load"][engine] = json.loads(out.stdout.strip().splitlines()[-1])
    meta_path.write_text(json.dumps(meta, indent=2))
    return meta


# ---------------------------------------------------------------- opening (per process)

def open_db(workdir: Path, engine: str) -> ShopDatabase:
    """The engine's database as the app holds it: a writer plus per-thread readers."""
    key = bytes.fromhex((workdir / "key.hex").read_text().strip())
    path = db_path(workdir, engine)
    opener = engine_for(engine, key).open
    conn = opener(path, 64)
    migrate(conn)
    return ShopDatabase(conn, path, lambda: opener(path, READER_CACHE_MIB))


def service_for(db: ShopDatabase) -> Any:
    workspace = SimpleNamespace(shop=SimpleNamespace(db=db), trail=None)
    return CustomerService(workspace)  # type: ignore[arg-type]


def staff_session() -> Any:
    return Session(User(id=2, username="bench", role=Role.STAFF))


# ---------------------------------------------------------------- the queries

def spellings(e164: str, rng: random.Random) -> str:
    national = e164[3:]
    return rng.choice([
        f"{national[:3]} {national[3:7]} {national[7:]}",
        f"+86-{national[:3]}-{national[3:7]}-{national[7:]}",
        f"86{national}", national, e164,
    ])


def make_queries(db: ShopDatabase, count: int, seed: int) -> dict[str, list[str]]:
    """Search texts drawn from random stored customers (so most of them find someone)."""
    rng = random.Random(seed)
    top = int(db.conn.execute("SELECT max(id) FROM customers").fetchone()[0])
    picks = rng.sample(range(1, top + 1), min(top, count * 12))
    marks = ",".join("?" for _ in picks)
    rows = db.conn.execute(
        "SELECT name, phone, email, wechat_id, name_pinyin, name_initials FROM customers"
        f" WHERE id IN ({marks})", picks).fetchall()
    rng.shuffle(rows)
    chinese = [r for r in rows if r[1] and r[1].startswith("+86") and r[4] and r[0] != r[4]]
    latin = [r for r in rows if r not in chinese]
    queries: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for name, phone, _, _, pinyin, initials in chinese[:count]:
        queries["full phone"].append(spellings(phone, rng))
        queries["last-4"].append(phone[-4:])
        queries["2-char Chinese name"].append(name[:2])
        queries["pinyin initials"].append(initials)
        queries["pinyin full"].append(pinyin)
    substrings: list[str] = []
    for name, *_ in (r for r in chinese if len(r[0]) >= 3):
        substrings.append(name[:3])
    for name, _, email, wechat, *_ in latin:
        field = rng.choice([name.split()[-1], email or name, wechat or email or name])
        start = rng.randrange(max(1, len(field) - 5))
        substrings.append(field if len(field) <= 6 else field[start : start + 6])
    rng.shuffle(substrings)
    queries["3+ char substring"] = substrings[:count]
    whole = [value for _, _, email, wechat, *_ in rows for value in (email, wechat) if value]
    rng.shuffle(whole)
    queries["whole e-mail or WeChat ID"] = whole[:count]
    return queries


def peak_rss_mib() -> float:
    """This process's high-water resident set (VmHWM: unlike ru_maxrss, not inherited from
    the parent across fork and exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(call: Callable[[], Any], repeat: int = 1) -> float:
    started = time.perf_counter()
    for _ in range(repeat):
        call()
    return (time.perf_counter() - started) / repeat


def search_latency(db: ShopDatabase, queries: dict[str, list[str]], warmup: int
                   ) -> dict[str, Any]:
    """Per kind: service level (staff: ids(200) + masked rows of the first 50) and store
    level (the same SQL without masking: the query part), with the staff's and the owner's
    search filter (see LEVELS)."""
    service, session = service_for(db), staff_session()
    search = CustomerSearch(db.reader())
    results: dict[str, Any] = {}
    for kind in KINDS:
        texts = queries[kind]
        service_times, store_times, owner_times, hits, plans = [], [], [], 0, {}
        for text in texts[:warmup]:
            service.rows(session, service.ids(session, CustomerFilter(text=text),
                                              CustomerSort.NEWEST, 200).ids[:50])
        gc.disable()
        try:
            for text in texts:
                started = time.perf_counter()
                page = service.ids(session, CustomerFilter(text=text), CustomerSort.NEWEST, 200)
                service.rows(session, page.ids[:50])
                service_times.append(time.perf_counter() - started)
                hits += len(page.ids)
                staff_filter = SearchFilter(text=text, exact_private=True)
                started = time.perf_counter()
                found = search.page(staff_filter, SortKey.NEWEST, 200)
                search.rows_by_ids(found.ids[:50])
                store_times.append(time.perf_counter() - started)
                started = time.perf_counter()
                found = search.page(SearchFilter(text=text), SortKey.NEWEST, 200)
                search.rows_by_ids(found.ids[:50])
                owner_times.append(time.perf_counter() - started)
                kind_of = search.plan(staff_filter, SortKey.NEWEST, 200).kind
                plans[kind_of] = plans.get(kind_of, 0) + 1
        finally:
            gc.enable()
        results[kind] = {"service": percentiles(service_times),
                         "store": percentiles(store_times),
                         "owner": percentiles(owner_times),
                         "ids_per_query": hits / len(texts), "plans": plans,
                         "examples": texts[:3]}
    return results


def list_figures(db: ShopDatabase, jumps: int, seed: int) -> dict[str, Any]:
    service, session = service_for(db), staff_session()
    everyone = CustomerFilter()
    figures: dict[str, Any] = {}
    started = time.perf_counter()
    all_ids = [i for chunk in service.iter_ids(session, everyone, CustomerSort.NEWEST)
               for i in chunk]
    figures["iter_ids_newest_s"] = time.perf_counter() - started
    figures["iter_ids_count"] = len(all_ids)
    started = time.perf_counter()
    by_name = sum(len(chunk) for chunk in service.iter_ids(session, everyone, CustomerSort.NAME))
    figures["iter_ids_name_s"] = time.perf_counter() - started
    assert by_name == len(all_ids)
    figures["count_all_ms"] = timed(lambda: service.count(session, everyone), 5) * 1e3
    rng = random.Random(seed)
    samples = []
    gc.disable()
    try:
        for _ in range(jumps):
            start = rng.randrange(max(1, len(all_ids) - 50))
            samples.append(timed(lambda s=start: service.rows(session, all_ids[s : s + 50])))
    finally:
        gc.enable()
    figures["jump_rows50"] = percentiles(samples)
    first = []
    for sort in CustomerSort:
        first.append((sort.value, timed(lambda s=sort: service.rows(
            session, service.ids(session, everyone, s, 200).ids[:50]), 5) * 1e3))
    figures["first_screen_per_sort_ms"] = dict(first)
    return figures


def first_screen_child(workdir: Path, engine: str) -> dict[str, Any]:
    """In a fresh process: open the shop database, then the first screen of the list."""
    started = time.perf_counter()
    db = open_db(workdir, engine)
    opened = time.perf_counter()
    service, session = service_for(db), staff_session()
    page = service.ids(session, CustomerFilter(), CustomerSort.NEWEST, 200)
    rows = service.rows(session, page.ids[:50])
    done = time.perf_counter()
    total = service.count(session, CustomerFilter())
    counted = time.perf_counter()
    assert len(rows) == 50
    db.close()
    return {"open_ms": (opened - started) * 1e3, "first_screen_ms": (done - opened) * 1e3,
            "count_ms": (counted - done) * 1e3, "customers": total,
            "peak_rss_mib": peak_rss_mib()}


def first_screen(workdir: Path, engine: str, runs: int) -> dict[str, Any]:
    samples = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-m", "bench.bench_search", "--child-first-screen", engine,
             "--workdir", str(workdir)], check=True, capture_output=True, text=True)
        samples.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {key: statistics.median(s[key] for s in samples) for key in samples[0]} | {
        "runs": runs, "first_screen_max_ms": max(s["first_screen_ms"] for s in samples)}


# ---------------------------------------------------------------- report

def measure_child(workdir: Path, engine: str, args: argparse.Namespace) -> dict[str, Any]:
    """Search latency and list figures for one engine, in a process of its own (clean RSS)."""
    queries = json.loads((workdir / "queries.json").read_text(encoding="utf-8"))
    warm_os_cache(db_path(workdir, engine))
    db = open_db(workdir, engine)
    try:
        figures = {"search": search_latency(db, queries, args.warmup),
                   "list": list_figures(db, args.jumps, SEED)}
    finally:
        db.close()
    return {**figures, "peak_rss_mib": peak_rss_mib()}


def run(args: argparse.Namespace) -> dict[str, Any]:
    workdir = args.workdir or OUT / f"search-{args.customers}"
    meta = ensure_built(workdir, args)
    report: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "args": {k: str(v) for k, v in vars(args).items()}, "engines": engine_info(),
        "build": meta, "results": {},
    }
    db = open_db(workdir, "sqlite3")
    try:
        queries = make_queries(db, args.queries, SEED)
    finally:
        db.close()
    (workdir / "queries.json").write_text(json.dumps(queries, ensure_ascii=False),
                                          encoding="utf-8")
    report["queries"] = {kind: texts[:5] for kind, texts in queries.items()}
    report["query_count"] = {kind: len(texts) for kind, texts in queries.items()}
    for engine in ENGINES:
        print(f"{engine}: first screen in fresh processes …", flush=True)
        figures: dict[str, Any] = {"first_screen": first_screen(workdir, engine, args.open_runs)}
        print(f"{engine}: search latency, whole list, jumps …", flush=True)
        out = subprocess.run(
            [sys.executable, "-m", "bench.bench_search", "--child-measure", engine,
             "--workdir", str(workdir), "--warmup", str(args.warmup),
             "--jumps", str(args.jumps)],
            check=True, capture_output=True, text=True)
        figures |= json.loads(out.stdout.strip().splitlines()[-1])
        report["results"][engine] = figures
    return report


def table(report: dict[str, Any]) -> str:
    cipher, plain = (report["results"][e] for e in ENGINES)
    rows: list[tuple[str, float, float, str]] = []
    for kind in KINDS:
        for level, label in LEVELS:
            for stat in ("p50_ms", "p95_ms"):
                goal = ""
                if stat == "p95_ms":
                    goal = "≤ 50 ms" if level == "service" else "≤ 3×"
                rows.append((f"{kind}: {label} {stat[:3]}, ms", cipher["search"][kind][level][stat],
                             plain["search"][kind][level][stat], goal))
    fs_c, fs_p = cipher["first_screen"], plain["first_screen"]
    rows += [
        ("open database (fresh process), ms", fs_c["open_ms"], fs_p["open_ms"], ""),
        ("first screen ids(200)+rows(50), ms", fs_c["first_screen_ms"], fs_p["first_screen_ms"],
         "≤ 100 ms"),
        ("count() of all, fresh process, ms", fs_c["count_ms"], fs_p["count_ms"], ""),
        ("peak RSS, first screen process, MiB", fs_c["peak_rss_mib"], fs_p["peak_rss_mib"],
         "≤ 150 MB"),
        ("iter_ids all, newest first, s", cipher["list"]["iter_ids_newest_s"],
         plain["list"]["iter_ids_newest_s"], ""),
        ("iter_ids all, by name, s", cipher["list"]["iter_ids_name_s"],
         plain["list"]["iter_ids_name_s"], ""),
        ("jump to any row: rows(50) p50, ms", cipher["list"]["jump_rows50"]["p50_ms"],
         plain["list"]["jump_rows50"]["p50_ms"], ""),
        ("jump to any row: rows(50) p95, ms", cipher["list"]["jump_rows50"]["p95_ms"],
         plain["list"]["jump_rows50"]["p95_ms"], "≤ 50 ms"),
        ("peak RSS, search + list process, MiB", cipher["peak_rss_mib"], plain["peak_rss_mib"],
         ""),
    ]
    for sort, ms in cipher["list"]["first_screen_per_sort_ms"].items():
        rows.append((f"first screen sorted by {sort}, warm, ms", ms,
                     plain["list"]["first_screen_per_sort_ms"][sort], ""))
    load = report["build"]["load"]
    rows.append(("bulk load incl. search tables, s", load["SQLCipher"]["seconds"],
                 load["sqlite3"]["seconds"], "≤ 1.1× (bench_store)"))
    rows.append(("file size, MiB", load["SQLCipher"]["file_mib"], load["sqlite3"]["file_mib"], ""))
    head = ("figure", *ENGINES, "ratio", "goal")
    cells = [
        (label, f"{c:,.2f}", f"{p:,.2f}", f"{c / p:.2f}×" if p else "–", goal)
        for label, c, p, goal in rows
    ]
    engines = report["engines"]
    lines = [
        f"N = {report['build']['load']['SQLCipher']['customers']:,} customers"
        f" ({'with' if report['build']['orders'] else 'without'} demo orders and feedback);"
        f" {min(report['query_count'].values())}–{max(report['query_count'].values())}"
        " queries per kind (examples in the JSON), newest first, ids(limit=200) + rows of the"
        " first 50",
        f"SQLCipher {engines['sqlcipher']} on SQLite {engines['sqlcipher_sqlite']};"
        f" sqlite3 = stdlib SQLite {engines['stdlib_sqlite']}, same schema and code;"
        f" Python {engines['python']}, {engines['machine']}",
        "ratio = SQLCipher ÷ sqlite3",
        "",
        *text_table(head, cells, left=(0, -1)),
        "",
    ]
    lines.append("plans chosen (SQLCipher, staff's filter): " + "; ".join(
        f"{kind}: {cipher['search'][kind]['plans']}" for kind in KINDS))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--orders", action=argparse.BooleanOptionalAction, default=True,
                        help="also load demo orders and feedback (as the demo data does)")
    parser.add_argument("--queries", type=int, default=300, help="queries per kind")
    parser.add_argument("--warmup", type=int, default=30)
    parser.add_argument("--jumps", type=int, default=500)
    parser.add_argument("--open-runs", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=None,
                        help="where the databases are built and reused (default bench/out/"
                             "search-N)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild even if reusable")
    parser.add_argument("--child-build", choices=ENGINES, help=argparse.SUPPRESS)
    parser.add_argument("--child-first-screen", choices=ENGINES, help=argparse.SUPPRESS)
    parser.add_argument("--child-measure", choices=ENGINES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_build:
        print(json.dumps(build(args.workdir, args.child_build, args.customers, args.orders)))
        return 0
    if args.child_first_screen:
        print(json.dumps(first_screen_child(args.workdir, args.child_first_screen)))
        return 0
    if args.child_measure:
        print(json.dumps(measure_child(args.workdir, args.child_measure, args)))
        return 0
    report = run(args)
    text = table(report)
    print()
    print(text)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    OUT.mkdir(parents=True, exist_ok=True)
    out = OUT / f"bench_search-{args.customers}-{stamp}.json"
    out.write_text(json.dumps({**report, "table": text}, indent=2, default=str) + "\n",
                   encoding="utf-8")
    print(f"\nJSON: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
