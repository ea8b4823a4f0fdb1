"""The worker's part of a keystroke, without the window: the Customers list's first screen
of every typed prefix through the customer service (ids + the rows of the first window,
masked for the role), each after the previous prefix's id stream has read two chunks on the
same thread — what the list's serial task queue runs between two keys. Times only the first
screens; whatever the stream does to the reader's page cache is in them.

    python -m bench.bench_first_screen --workdir /tmp/…/keystroke-1000000

Reads the shop `bench_keystroke` built and makes its query texts with the same seed. A
diagnostic for bench/README.md ("keypaint"); run it from two trees to compare code.
"""

from __future__ import annotations

import argparse
import gc
import time
from pathlib import Path

from bench.bench_keystroke import keystroke_queries, prefixes
from bench.bench_store import percentiles, warm_os_cache
from bench.keystroke_shop import (
    OWNER,
    OWNER_PASSWORD,
    STAFF,
    STAFF_PASSWORD,
    keyring_for,
    shop_paths,
)
from desktop.services.customer_views import CustomerFilter, CustomerSort
from desktop.services.customers import CustomerService
from desktop.services.workspace import open_with_keyring
from desktop.ui.models import customers_model

STREAMED_CHUNKS = 2


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--queries", type=int, default=15, help="queries per kind")
    parser.add_argument("--kinds", nargs="+", default=None, metavar="KIND")
    args = parser.parse_args()
    warm_os_cache(shop_paths(args.workdir).db)
    queries = keystroke_queries(args.workdir, args.queries + 2)
    workspace = open_with_keyring(shop_paths(args.workdir), keyring_for(args.workdir))
    try:
        service = CustomerService(workspace)
        sessions = {"owner": workspace.accounts.login(OWNER, OWNER_PASSWORD),
                    "staff": workspace.accounts.login(STAFF, STAFF_PASSWORD)}
        first, window = customers_model.FIRST_PAGE, customers_model.WINDOW
        chunk = customers_model.STREAM_CHUNK
        print(f"first page {first} ids, rows of {window}; the stream reads {STREAMED_CHUNKS}"
              f" chunks of {chunk} between keys; ms p50 / p95 / max")
        for kind, texts in queries.items():
            if args.kinds and kind not in args.kinds:
                continue
            for role, session in sessions.items():
                times: list[float] = []
                gc.disable()
                try:
                    for text in prefixes(texts[2:]):
                        flt = CustomerFilter(text=text)
                        started = time.perf_counter()
                        page = service.ids(session, flt, CustomerSort.NEWEST, first)
                        service.rows(session, page.ids[:window])
                        times.append(time.perf_counter() - started)
                        if not page.complete:
                            stream = service.iter_ids(session, flt, CustomerSort.NEWEST,
                                                      chunk)
                            for _ in range(STREAMED_CHUNKS):
                                next(stream, None)
                            stream.close()  # cancelled by the next key
                finally:
                    gc.enable()
                stats = percentiles(times)
                print(f"{kind:30} {role:6} {stats['p50_ms']:6.2f} / {stats['p95_ms']:6.2f} /"
                      f" {max(times) * 1e3:6.2f}   ({stats['n']} prefixes)", flush=True)
    finally:
        workspace.close()


if __name__ == "__main__":
    main()
