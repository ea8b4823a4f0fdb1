"""What the import reports as progress, in a real shop: steps of the whole work out of
PROGRESS_SPAN, never going back; a dry run's reading fills the whole span (it has nothing
else to do), a run's reading its first 60 % and the writing the rest."""

from __future__ import annotations

from desktop.core.import_types import CustomerFields, ImportTarget, MatchPolicy, ParsedRow, RowKind
from desktop.services.imports_run import PROGRESS_SPAN, RowSource, dry_run_rows, run_rows
from tests.support.shops import ShopFixture


def source(count: int) -> RowSource:
    parsed = [ParsedRow(number + 2, RowKind.DATA, customer=CustomerFields(
        name=f"客户{number}号", phone=f"+86139{number:08d}")) for number in range(count)]
    return RowSource("会员.xlsx", "Sheet1", parsed, count)


def test_a_dry_run_reports_its_reading_over_the_whole_span(shop: ShopFixture) -> None:
    seen: list[tuple[int, int]] = []
    report = dry_run_rows(shop.workspace, shop.owner, source(3_000), ImportTarget.CUSTOMERS,
                          MatchPolicy.FILL_EMPTY, lambda done, total: seen.append((done, total)))
    assert report.counts.created == 3_000
    assert {total for _, total in seen} == {PROGRESS_SPAN}
    done = [value for value, _ in seen]
    assert done == sorted(done) and done[-1] == PROGRESS_SPAN


def test_a_run_reports_reading_then_writing_up_to_the_whole_span(shop: ShopFixture) -> None:
    seen: list[int] = []
    result = run_rows(shop.workspace, shop.owner, source(3_000), ImportTarget.CUSTOMERS,
                      MatchPolicy.FILL_EMPTY, lambda done, _total: seen.append(done))
    assert result.counts.created == 3_000
    assert seen == sorted(seen) and seen[-1] == PROGRESS_SPAN
    assert 600 in seen  # the reading's end: the writing takes the rest
    assert any(0 < value < 600 for value in seen) and any(600 < value < 1000 for value in seen)
