"""The one formatter of an import's counts: which numbers, in which order, zero ones left out
unless a screen always shows them, blank and total rows counted together."""

from __future__ import annotations

from desktop.services.import_api import ImportCounts
from desktop.ui.pages.import_counts import Counted, count_lines, counts_line


def test_counts_in_order_zero_left_out_unless_always():
    counts = ImportCounts(customers_created=3, orders_created=2, skipped_blank=1,
                          skipped_summary=2, rejected=0)
    words = {kind: (lambda n, kind=kind: f"{kind.value}={n}") for kind in Counted}
    assert count_lines(counts, words) == [("created=3", 3), ("orders=2", 2), ("blank=3", 3)]
    assert counts_line(counts, words, always=(Counted.UPDATED, Counted.REJECTED)) == (
        "created=3 · updated=0 · orders=2 · blank=3 · rejected=0")


def test_only_the_counts_a_screen_names():
    counts = ImportCounts(customers_created=3, feedback_created=4, duplicates=2)
    words = {Counted.FEEDBACK: lambda n: f"{n} feedback"}
    assert counts_line(counts, words) == "4 feedback"
    assert counts_line(ImportCounts(), words) == ""
