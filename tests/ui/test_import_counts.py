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


def test_orders_an_import_updated_are_told_on_every_screen(qtbot):
    """The next month's order export updates stored orders: the check step, the summary and
    Past imports say how many (they said nothing, as if the import had done nothing)."""
    from desktop.services.import_api import DryRunReport, ImportResult
    from desktop.ui.pages.import_history import counts_text
    from desktop.ui.pages.import_pages_result import CheckStep, SummaryStep

    counts = ImportCounts(updated=2, orders_updated=2, skipped=1)
    check = CheckStep()
    qtbot.addWidget(check)
    check.set_report(DryRunReport(counts, []), {})
    assert "2 orders updated" in check.extra_label.text()
    summary = SummaryStep()
    qtbot.addWidget(summary)
    summary.set_result(ImportResult(1, counts, ()), errors_saveable=False)
    assert ("Orders updated", 2) in summary.count_lines(counts)
    assert "2 orders updated" in counts_text(counts)
    assert "1 order updated" in counts_text(ImportCounts(orders_updated=1))
