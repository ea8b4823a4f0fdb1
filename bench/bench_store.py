"""Store benchmark: SQLCipher beside the stdlib's plain sqlite3, same schema, data and code.

Run:  .venv/bin/python -m bench.bench_store --customers 1000000
See bench/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3

from desktop.core.demo_data import generate_customers, generate_feedback, generate_orders
from desktop.core.models import Customer, Feedback, Order
from desktop.store.bulk import DEFAULT_CACHE_MIB as BULK_CACHE_MIB
from desktop.store.bulk import bulk_load
from desktop.store.connection import (
    PAGE_SIZE,
    _apply_pragmas,
    checkpoint_and_close,
    create_database,
    open_database,
)
from desktop.store.customers import CustomerRepository
from desktop.store.migrations import migrate

OUT = Path(__file__).resolve().parent / "out"
SEED = 20261129
PASSPHRASE = "correct horse battery staple"


@dataclasses.dataclass(frozen=True)
class Engine:
    name: str
    create: Callable[[Path], Any]
    open: Callable[[Path, int], Any]


def sqlcipher_engine(key: bytes) -> Engine:
    return Engine(
        "SQLCipher",
        lambda path: create_database(path, key),
        lambda path, cache_mib: open_database(path, key, cache_mib=cache_mib),
    )


def plain_engine(name: str, module: Any) -> Engine:
    """Same pragmas and checks as desktop.store.connection, minus the key."""

    def create(path: Path) -> Any:
        conn = module.connect(str(path), isolation_level=None, check_same_thread=False)
        _apply_pragmas(conn, cache_mib=64)
        return conn

    def open_(path: Path, cache_mib: int) -> Any:
        if not path.exists() or path.stat().st_size % PAGE_SIZE:
            raise RuntimeError(path)
        conn = module.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        _apply_pragmas(conn, cache_mib=cache_mib)
        return conn

    return Engine(name, create, open_)


@dataclasses.dataclass
class Data:
    customers: list[Customer]
    orders: dict[int, list[Order]]
    feedback: dict[int, list[Feedback]]
    seconds: float

    @property
    def order_count(self) -> int:
        return sum(len(batch) for batch in self.orders.values())


def make_data(count: int, batch: int, orders_mean: float, feedback_mean: float) -> Data:
    """All demo records, generated once. Orders/feedback are keyed by the first customer id of
    each load batch; order ids are the ones a load into a fresh database assigns."""
    started = time.perf_counter()
    customers = list(generate_customers(count, SEED))
    orders: dict[int, list[Order]] = {}
    feedback: dict[int, list[Feedback]] = {}
    next_order = 1
    for first in range(1, count + 1, batch):
        ids = range(first, min(first + batch, count + 1))
        stored = []
        for order in generate_orders(ids, SEED, per_customer_mean=orders_mean):
            stored.append(dataclasses.replace(order, id=next_order))
            next_order += 1
        orders[first] = stored
        feedback[first] = list(
            generate_feedback(ids, SEED, per_customer_mean=feedback_mean, orders=stored)
        )
    return Data(customers, orders, feedback, time.perf_counter() - started)


def load(engine: Engine, path: Path, data: Data, batch: int, cache_mib: int) -> dict[str, float]:
    conn = engine.create(path)
    migrate(conn)

    def orders_for(ids: Sequence[int]) -> list[Order]:
        return data.orders[ids[0]]

    def feedback_for(ids: Sequence[int], stored: Sequence[Order]) -> list[Feedback]:
        if stored and stored[0].id != data.orders[ids[0]][0].id:
            raise RuntimeError("order ids differ from the pre-generated ones")
        return data.feedback[ids[0]]

    gc.collect()
    started = time.perf_counter()
    result = bulk_load(conn, data.customers, orders_for, feedback_for, batch=batch,
                       cache_mib=cache_mib)
    loaded = time.perf_counter() - started
    checkpoint_and_close(conn)
    total = time.perf_counter() - started
    return {
        "seconds": loaded,
        "seconds_with_checkpoint": total,
        "customers_per_s": result.customers / loaded,
        "rows_per_s": result.rows / loaded,
        "rows": result.rows,
        "file_mib": path.stat().st_size / 2**20,
    }


def warm_os_cache(path: Path) -> None:
    """Read the file once, as a database in daily use sits in the OS cache."""
    with path.open("rb") as fh:
        while fh.read(1 << 20):
            pass


def drop_os_cache(path: Path) -> None:
    for file in (path, path.with_name(path.name + "-wal")):
        if file.exists():
            fd = os.open(file, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def open_first_query(engine: Engine, path: Path, phones: list[str], runs: int,
                     cold: bool) -> dict[str, float]:
    times = []
    for phone in phones[:runs]:
        if cold:
            drop_os_cache(path)
        started = time.perf_counter()
        conn = engine.open(path, 64)
        found = CustomerRepository(conn).find_by_phone(phone)
        times.append(time.perf_counter() - started)
        conn.close()
        if len(found) != 1:
            raise RuntimeError(f"{engine.name}: {phone} not found")
    return {"median_ms": statistics.median(times) * 1e3, "min_ms": min(times) * 1e3,
            "max_ms": max(times) * 1e3, "runs": len(times)}


def passphrase_open(workdir: Path, runs: int) -> dict[str, float | str]:
    """Open + first query of a small database keyed by passphrase (SQLCipher's KDF)."""
    path = workdir / "passphrase.db"
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute("CREATE TABLE t (x INTEGER)")
    conn.execute("INSERT INTO t VALUES (1)")
    kdf = f"{conn.execute('PRAGMA cipher_kdf_algorithm').fetchone()[0]}" \
          f" x {conn.execute('PRAGMA kdf_iter').fetchone()[0]}"
    conn.close()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        conn = sqlcipher3.connect(str(path), isolation_level=None)
        conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
        conn.execute("SELECT count(*) FROM t").fetchone()
        times.append(time.perf_counter() - started)
        conn.close()
    return {"median_ms": statistics.median(times) * 1e3, "kdf": kdf, "runs": runs}


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)

    def pick(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1e3

    return {"p50_ms": pick(0.50), "p95_ms": pick(0.95), "p99_ms": pick(0.99),
            "mean_ms": statistics.fmean(ordered) * 1e3, "n": len(ordered)}


def lookups(engine: Engine, path: Path, phones: list[str], last4: list[str], warmup: int,
            cache_mib: int) -> dict[str, dict[str, float]]:
    conn = engine.open(path, cache_mib)
    repo = CustomerRepository(conn)
    results: dict[str, dict[str, float]] = {}
    cases: list[tuple[str, Callable[[str], Sequence[Customer | int]], list[str]]] = [
        ("phone", repo.find_by_phone, phones),
        ("last4_ids50", repo.ids_by_phone_last4, last4),
        ("last4_limit50", repo.find_by_phone_last4, last4),
        ("last4_limit10", lambda digits: repo.find_by_phone_last4(digits, limit=10), last4),
    ]
    try:
        for name, call, keys in cases:
            for key in keys[:warmup]:
                call(key)
            samples, hits = [], 0
            gc.disable()
            try:
                for key in keys:
                    started = time.perf_counter()
                    hits += len(call(key))
                    samples.append(time.perf_counter() - started)
            finally:
                gc.enable()
            results[name] = {**percentiles(samples), "rows_per_lookup": hits / len(keys)}
    finally:
        conn.close()
    return results


def engine_info() -> dict[str, str]:
    conn = sqlcipher3.connect(":memory:")
    conn.execute("PRAGMA key = \"x'" + "00" * 32 + "'\"")
    info = {
        "sqlcipher": conn.execute("PRAGMA cipher_version").fetchone()[0],
        "sqlcipher_sqlite": conn.execute("SELECT sqlite_version()").fetchone()[0],
        "crypto": conn.execute("PRAGMA cipher_provider_version").fetchone()[0],
        "hmac": conn.execute("PRAGMA cipher_hmac_algorithm").fetchone()[0],
        "stdlib_sqlite": sqlite3.sqlite_version,
        "python": platform.python_version(),
        "machine": f"{platform.machine()} {os.cpu_count()} cpu",
    }
    conn.close()
    return info


def run(args: argparse.Namespace) -> dict[str, Any]:
    OUT.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="bench-", dir=args.workdir or OUT))
    key = os.urandom(32)
    engines = [sqlcipher_engine(key), plain_engine("sqlite3", sqlite3)]
    if args.same_engine:
        engines.append(plain_engine("sqlcipher3 no key", sqlcipher3))
    print(f"generating {args.customers:,} customers with orders and feedback …", flush=True)
    data = make_data(args.customers, args.batch, args.orders_per_customer,
                     args.feedback_per_customer)
    rng = random.Random(7)
    phones = [c.phone for c in rng.sample(data.customers, min(args.lookups, args.customers))]
    phones = (phones * (args.lookups // len(phones) + 1))[: args.lookups]
    last4 = [f"{rng.randrange(10_000):04d}" for _ in range(args.lookups)]
    report: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "args": vars(args), "engines": engine_info(),
        "data": {"customers": len(data.customers), "orders": data.order_count,
                 "feedback": sum(len(b) for b in data.feedback.values()),
                 "generate_seconds": data.seconds},
        "results": {},
        "rounds": [],
    }
    try:
        for number in range(1, args.rounds + 1):
            this_round: dict[str, Any] = {}
            for engine in engines:
                path = workdir / f"{engine.name.replace(' ', '_')}.db"
                path.unlink(missing_ok=True)
                this_round[engine.name] = measure(engine, path, data, phones, last4, args,
                                                  f"round {number}/{args.rounds}")
                if not args.keep:
                    path.unlink()
            report["rounds"].append(this_round)
        report["results"] = {engine.name: best_of([r[engine.name] for r in report["rounds"]])
                             for engine in engines}
        report["passphrase_open"] = passphrase_open(workdir, args.passphrase_runs)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    return report


def measure(engine: Engine, path: Path, data: Data, phones: list[str], last4: list[str],
            args: argparse.Namespace, label: str) -> dict[str, Any]:
    print(f"[{label}] {engine.name}: bulk load …", flush=True)
    figures: dict[str, Any] = {"load": load(engine, path, data, args.batch, args.load_cache_mib)}
    figures["open_warm"] = open_first_query(engine, path, phones, args.open_runs, False)
    print(f"[{label}] {engine.name}: lookups …", flush=True)
    warm_os_cache(path)
    figures["lookups"] = lookups(engine, path, phones, last4, args.warmup, args.cache_mib)
    figures["open_cold"] = open_first_query(engine, path, phones, args.open_runs, True)
    return figures


def best_of(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    """Per figure group, the round that was least disturbed (other load on the machine only
    ever makes a figure worse): fastest load, lowest open median, lowest lookup p95."""
    return {
        "load": min((r["load"] for r in rounds), key=lambda f: f["seconds"]),
        "open_warm": min((r["open_warm"] for r in rounds), key=lambda f: f["median_ms"]),
        "open_cold": min((r["open_cold"] for r in rounds), key=lambda f: f["median_ms"]),
        "lookups": {
            case: min((r["lookups"][case] for r in rounds), key=lambda f: f["p95_ms"])
            for case in rounds[0]["lookups"]
        },
    }


ROWS: list[tuple[str, tuple[str, ...], str, str]] = [
    # label, path into figures, format, goal (cipher / plain)
    ("bulk load: customers/s", ("load", "customers_per_s"), "{:,.0f}", ""),
    ("bulk load: rows/s, all tables", ("load", "rows_per_s"), "{:,.0f}", "≤ 1.1×"),
    ("bulk load: seconds", ("load", "seconds"), "{:.1f}", "≤ 1.1×"),
    ("  … + final checkpoint, s", ("load", "seconds_with_checkpoint"), "{:.1f}", ""),
    ("file size, MiB", ("load", "file_mib"), "{:,.1f}", ""),
    ("open + 1st query, warm, median ms", ("open_warm", "median_ms"), "{:.2f}", "few ms"),
    ("open + 1st query, cold, median ms", ("open_cold", "median_ms"), "{:.2f}", ""),
    ("phone lookup p50, ms", ("lookups", "phone", "p50_ms"), "{:.4f}", ""),
    ("phone lookup p95, ms", ("lookups", "phone", "p95_ms"), "{:.4f}", "≤0.1, ≤3×"),
    ("last-4 lookup, ids (≤50) p50, ms", ("lookups", "last4_ids50", "p50_ms"), "{:.4f}", ""),
    ("last-4 lookup, ids (≤50) p95, ms", ("lookups", "last4_ids50", "p95_ms"), "{:.4f}",
     "≤0.1, ≤3×"),
    ("last-4 lookup (≤50 rows) p50, ms", ("lookups", "last4_limit50", "p50_ms"), "{:.3f}", ""),
    ("last-4 lookup (≤50 rows) p95, ms", ("lookups", "last4_limit50", "p95_ms"), "{:.3f}", ""),
    ("last-4 lookup (≤10 rows) p50, ms", ("lookups", "last4_limit10", "p50_ms"), "{:.3f}", ""),
    ("last-4 lookup (≤10 rows) p95, ms", ("lookups", "last4_limit10", "p95_ms"), "{:.3f}", ""),
]


def dig(figures: dict[str, Any], path: tuple[str, ...]) -> float:
    value: Any = figures
    for part in path:
        value = value[part]
    return float(value)


def table(report: dict[str, Any]) -> str:
    names = list(report["results"])
    cipher, plain = names[0], names[1]
    head = ["figure", *names, "ratio", "goal"]
    lines = []
    for label, path, fmt, goal in ROWS:
        values = [dig(report["results"][name], path) for name in names]
        ratio = values[0] / values[1] if values[1] else float("nan")
        if "per_s" in path[-1]:
            ratio = 1 / ratio if ratio else float("nan")  # slowdown, like the time rows
        lines.append([label, *(fmt.format(v) for v in values), f"{ratio:.2f}×", goal])
    widths = [max(len(str(row[i])) for row in [head, *lines]) for i in range(len(head))]
    out = [
        f"N = {report['data']['customers']:,} customers, {report['data']['orders']:,} orders,"
        f" {report['data']['feedback']:,} feedback (generated once in"
        f" {report['data']['generate_seconds']:.0f} s); best of {len(report['rounds'])} rounds,"
        " engines interleaved",
        f"{cipher}: {report['engines']['sqlcipher']} on SQLite"
        f" {report['engines']['sqlcipher_sqlite']}, {report['engines']['crypto']};"
        f" {plain}: stdlib SQLite {report['engines']['stdlib_sqlite']};"
        f" Python {report['engines']['python']}, {report['engines']['machine']}",
        "ratio = SQLCipher ÷ plain sqlite3 (time, size, latency; for rates: plain ÷ cipher)",
        "",
        "  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)),
        "  ".join("-" * w for w in widths),
    ]
    for row in lines:
        out.append("  ".join(
            str(cell).ljust(w) if i in (0, len(row) - 1) else str(cell).rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ))
    pp = report["passphrase_open"]
    out += ["", f"passphrase-keyed open + 1st query ({pp['kdf']}), median of {pp['runs']}:"
                f" {pp['median_ms']:.1f} ms  (the app uses a raw key: no KDF at open)"]
    return "\n".join(out)

def lookups_on(workdir: Path, args: argparse.Namespace) -> str:
    """Lookups only, on databases another run kept (``shop.db`` keyed by ``key.hex`` and
    ``plain.db`` with the same rows, as bench_search --workdir leaves them)."""
    key = bytes.fromhex((workdir / "key.hex").read_text().strip())
    engines = [(sqlcipher_engine(key), workdir / "shop.db"),
               (plain_engine("sqlite3", sqlite3), workdir / "plain.db")]
    probe = sqlite3.connect(workdir / "plain.db")
    try:
        total = int(probe.execute("SELECT max(id) FROM customers").fetchone()[0])
        rng = random.Random(7)
        phones: list[str] = []
        while len(phones) < args.lookups:
            row = probe.execute("SELECT phone FROM customers WHERE id = ? AND phone IS NOT NULL",
                                (rng.randrange(1, total + 1),)).fetchone()
            if row:
                phones.append(row[0])
    finally:
        probe.close()
    last4 = [f"{rng.randrange(10_000):04d}" for _ in range(args.lookups)]
    results: dict[str, dict[str, dict[str, float]]] = {}
    for _round in range(args.rounds):
        for engine, path in engines:
            warm_os_cache(path)
            got = lookups(engine, path, phones, last4, args.warmup, args.cache_mib)
            best = results.setdefault(engine.name, got)
            for case, figures in got.items():
                if figures["p95_ms"] < best[case]["p95_ms"]:
                    best[case] = figures
    cipher, plain = results["SQLCipher"], results["sqlite3"]
    lines = [f"lookups over {total:,} customers ({workdir}), best of {args.rounds} rounds",
             f"{'case':<16} {'cipher p50':>11} {'cipher p95':>11} {'plain p95':>10} {'ratio':>6}"
             f" {'rows':>5}"]
    for case in cipher:
        c, p = cipher[case], plain[case]
        lines.append(f"{case:<16} {c['p50_ms']:>11.4f} {c['p95_ms']:>11.4f} {p['p95_ms']:>10.4f}"
                     f" {c['p95_ms'] / p['p95_ms']:>5.2f}× {c['rows_per_lookup']:>5.1f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--orders-per-customer", type=float, default=1.5)
    parser.add_argument("--feedback-per-customer", type=float, default=0.3)
    parser.add_argument("--batch", type=int, default=50_000)
    parser.add_argument("--lookups", type=int, default=5_000)
    parser.add_argument("--warmup", type=int, default=500)
    parser.add_argument("--open-runs", type=int, default=21)
    parser.add_argument("--passphrase-runs", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=2,
                        help="repeat everything, engines interleaved; report the best round")
    parser.add_argument("--load-cache-mib", type=int, default=BULK_CACHE_MIB,
                        help="page cache during bulk_load (its default)")
    parser.add_argument("--cache-mib", type=int, default=64,
                        help="page cache for the lookup connection (app default 64)")
    parser.add_argument("--same-engine", action=argparse.BooleanOptionalAction, default=True,
                        help="also run sqlcipher3 without a key (same SQLite build, no crypto)")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the database files")
    parser.add_argument("--lookups-on", type=Path, default=None, metavar="DIR",
                        help="only the lookups, on shop.db/plain.db/key.hex kept in DIR")
    args = parser.parse_args(argv)
    if args.lookups_on:
        print(lookups_on(args.lookups_on, args))
        return 0
    report = run(args)
    text = table(report)
    print()
    print(text)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = OUT / f"bench_store-{args.customers}-{stamp}.json"
    out.write_text(json.dumps({**report, "table": text}, indent=2, default=str) + "\n",
                   encoding="utf-8")
    print(f"\nJSON: {out.relative_to(Path.cwd()) if out.is_relative_to(Path.cwd()) else out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
