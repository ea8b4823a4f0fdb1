"""The search planner's price list: what each plan of :mod:`desktop.store.customer_search`
costs per match or per entry walked, and where counting matches stops. Measured over
1,000,000 encrypted customers (bench/README.md "bench_search", "keypaint")."""

from __future__ import annotations

import math
from typing import Final

SPARSE: Final = 1_500
"""Up to this many matches, reading each matching row is cheap enough (≤ ~20 ms)."""
DENSE: Final = 100_000
"""Counting stops here: beyond it every plan but ``walk`` reads too much."""
COST_INDEX_ENTRY: Final = 0.25
"""µs to read one match from an index into a temporary b-tree or sorter."""
COST_PROBE: Final = 0.3
"""µs to walk one sort-index entry and probe a materialised id set."""
COST_ROW: Final = 10.0
"""µs to read (and, with SQLCipher, decrypt) a random table row."""
COST_SCAN: Final = 0.2
"""µs (in the units above) to walk one entry of ``SCAN_INDEX`` and test it with ranges."""
COST_SCAN_LIKE: Final = 0.5
"""…when the test includes a 3+ character substring (``LIKE '%bak%'`` over the joined
name, e-mail, WeChat ID and member number: ~2.5 times the ranges alone)."""
COST_COVERING: Final = 0.7
"""µs per match of the ``covering`` plan: read from its index range, kept in the temporary
b-tree of the UNION of the ranges (pinyin and initials at least), sorted. Measured 0.65–0.8
over 1,000,000 customers for 2,700–10,000 matches (bench/README.md "keypaint"); the same
range read alone into a sorter is ``COST_INDEX_ENTRY``."""
SCAN_DENSE: Final = 30_000
"""Where a ``scan`` is possible counting stops here at the latest: beyond it the scan is the
cheapest plan for a first screen and for every chunk of the id stream alike. For a small
page it stops sooner (``scan_count_cap``)."""


def scan_count_cap(limit: int, rows: int, like: bool) -> int:
    """How far to count the matches of a query the ``scan`` plan can serve, for a page of
    ``limit`` ids over ``rows`` customers: past this many matches the scan is cheaper than
    every other plan, so counting further only costs (~0.05 µs an entry; counting to
    ``SCAN_DENSE`` took as long as the scan of a first screen several times over).

    The scan walks ``(limit + 1) * rows / K`` entries for K matches: its cost falls as K
    grows while every other plan's rises. The crossing with ``covering`` (K·COST_COVERING),
    ``lookup`` (K·COST_ROW) and, for a substring test, ``probe`` (K·COST_INDEX_ENTRY plus
    the walk at COST_PROBE) is where K² = (limit + 1)·rows·(scan cost per entry − the
    other's per walked entry) / (the other's per match); the largest of those is the cap."""
    per_walk = COST_SCAN_LIKE if like else COST_SCAN
    span = (limit + 1) * rows * per_walk
    crossings = [span / COST_COVERING, span / COST_ROW]
    if per_walk > COST_PROBE:
        crossings.append((limit + 1) * rows * (per_walk - COST_PROBE) / COST_INDEX_ENTRY)
    return min(SCAN_DENSE, max(SPARSE, math.ceil(math.sqrt(max(crossings)))))
