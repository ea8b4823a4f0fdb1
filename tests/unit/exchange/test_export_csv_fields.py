"""The CSV writer's batch shortcuts write what the csv module writes row by row: a text
column's fields looked up across batches (:class:`_KnownFields`, for repeating values), and
a value after the first that starts like a formula found by one search."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.exchange import export_csv
from desktop.exchange.export_cells import FORMULA_TRIGGERS, CellKind, CellValue, Column, Sheet
from desktop.exchange.export_csv import CsvReport
from tests.support.csv_reports import csv_bytes

SHEET = Sheet("x", (Column("Text"), Column("Level"), Column("Day", CellKind.DATE),
                    Column("Number", CellKind.INTEGER)))
Rows = list[tuple[CellValue, ...]]


def _csv(batches: list[Rows], batched: bool) -> bytes:
    return csv_bytes(batches, SHEET, batched=batched)


# Values that repeat (so a batch is looked up), some needing quotes or a guard: each batch
# draws its rows from a few of them.
VALUES = st.sampled_from([None, "", "金卡", "VIP", "a b", "=1+1", "＝x", "-3", "'q", "x,y",
                          'say "hi"', "line\nbreak", "cr\r", "\t", "1990-**-**"])
BATCH = st.lists(VALUES, min_size=1, max_size=4).flatmap(lambda pool: st.lists(st.tuples(
    st.sampled_from(pool), st.sampled_from(pool), st.sampled_from(pool),
    st.integers(-99, 99),  # (a None would send the batch to the csv module whole)
), min_size=1, max_size=40))


@settings(max_examples=300, deadline=None)
@given(batches=st.lists(BATCH, max_size=5), limit=st.integers(1, 8),
       looked_at=st.integers(1, 60))
def test_known_fields_across_batches_write_what_the_csv_module_writes(
        batches: list[Rows], limit: int, looked_at: int) -> None:
    with pytest.MonkeyPatch.context() as patch:  # small, so starting afresh is tried too
        patch.setattr(export_csv, "KNOWN_LIMIT", limit)
        patch.setattr(export_csv, "_LOOKED_AT", looked_at)
        assert _csv(batches, batched=True) == _csv(batches, batched=False)


def test_repeating_plain_columns_are_looked_up_and_unique_ones_given_up() -> None:
    report = CsvReport(io.BytesIO(), "utf-8-sig", SHEET)
    levels = ["金卡", "=VIP", None, "普通"] * 100
    rows: Rows = [(f"客户{i}", level, date(2024, 1, 1), i)
                  for i, level in enumerate(levels)]
    report.write_rows(rows)
    text_known, level_known = report._known[0], report._known[1]
    assert level_known._fields == {
        "金卡": "金卡", "=VIP": "'=VIP", None: "", "普通": "普通"}
    assert text_known._unique and not level_known._unique


@pytest.mark.parametrize("trigger", sorted(FORMULA_TRIGGERS))
def test_every_formula_trigger_is_guarded_after_the_first_line(trigger: str) -> None:
    rows: Rows = [(f"客户{i}", "金卡", datetime(2024, 5, 6, 7, 8), i) for i in range(8)]
    rows[5] = (trigger + "cmd", trigger + "1", trigger + "day", 5)
    written = _csv([rows], batched=True)
    assert written == _csv([rows], batched=False)
    if trigger not in "\r\n":  # (those are quoted: the field keeps its ' inside the quotes)
        assert f"'{trigger}cmd,'{trigger}1,'{trigger}day,5".encode() in written
