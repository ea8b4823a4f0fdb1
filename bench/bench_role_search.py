"""Store-level first screen of every typed prefix, owner against staff (no window, no build).

The owner searches with ``exact_private=False`` (e-mail, WeChat ID and every member number by
part), staff with ``exact_private=True`` (those by the whole value only). What is timed is
what the list's first screen asks of the store per keystroke: plan, the first 200 ids in
"newest" order, the rows of the first 50. Two ways: *warm* (one connection, every prefix run
before it is timed, as when a text is typed again) and *cold* (a fresh connection per prefix:
an empty SQLCipher page cache, the OS cache warm). The two roles take turns prefix by prefix,
so neither gets a warmer cache by going first. Reads the shop that `bench_keystroke` built and
the queries it saved beside it:

    python -m bench.bench_role_search --workdir bench/out/keystroke-1000000
"""

from __future__ import annotations

import argparse
import gc
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.bench_keystroke import prefixes, shop_db_key
from bench.bench_store import percentiles, sqlcipher_engine, warm_os_cache
from bench.keystroke_shop import shop_paths
from desktop.store.customer_search import CustomerSearch, SearchFilter, SortKey
from desktop.store.database import READER_CACHE_MIB

KINDS = ("pinyin initials", "pinyin full", "3+ char substring", "2-char Chinese name")
ROLES = (("owner", False), ("staff", True))


def first_screen(search: CustomerSearch, text: str, exact: bool) -> tuple[float, str]:
    flt = SearchFilter(text=text, exact_private=exact)
    started = time.perf_counter()
    plan = search.plan(flt, SortKey.NEWEST, 200)
    found = search.page_with(plan, flt, 200, None)
    search.rows_by_ids(found.ids[:50])
    return time.perf_counter() - started, plan.kind


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--queries", type=int, default=9, help="queries per kind")
    parser.add_argument("--rounds", type=int, default=3, help="warm passes over the prefixes")
    args = parser.parse_args()
    queries = json.loads((args.workdir / "keystroke-queries.json").read_text(encoding="utf-8"))
    db_file = shop_paths(args.workdir).db
    warm_os_cache(db_file)
    engine: Any = sqlcipher_engine(bytes.fromhex(shop_db_key(args.workdir)))
    warm = CustomerSearch(engine.open(db_file, READER_CACHE_MIB))
    print("kind                   role   warm p50 / p95    cold p50 / p95 (ms)"
          "   plans of the first screens")
    for kind in KINDS:
        texts = prefixes(queries[kind][: args.queries])
        times: dict[str, dict[str, list[float]]] = {r: {"warm": [], "cold": []} for r, _ in ROLES}
        plans: dict[str, Counter[str]] = {role: Counter() for role, _ in ROLES}
        gc.disable()
        try:
            for text in texts:
                for role, exact in ROLES:
                    fresh = engine.open(db_file, READER_CACHE_MIB)
                    try:
                        seconds, plan = first_screen(CustomerSearch(fresh), text, exact)
                    finally:
                        fresh.close()
                    times[role]["cold"].append(seconds)
                    plans[role][plan] += 1
                    first_screen(warm, text, exact)
            for _ in range(args.rounds):
                for text in texts:
                    for role, exact in ROLES:
                        times[role]["warm"].append(first_screen(warm, text, exact)[0])
        finally:
            gc.enable()
        for role, _ in ROLES:
            w, c = percentiles(times[role]["warm"]), percentiles(times[role]["cold"])
            print(f"{kind:22} {role:5}  {w['p50_ms']:6.1f} / {w['p95_ms']:6.1f}"
                  f"   {c['p50_ms']:6.1f} / {c['p95_ms']:6.1f}      {dict(plans[role])}",
                  flush=True)


if __name__ == "__main__":
    main()
