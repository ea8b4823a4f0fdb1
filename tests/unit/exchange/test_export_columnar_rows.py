"""ColumnarRows: a batch kept as its columns, read as rows only when a row writer asks."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.exchange.export_cells import CellKind, Column, ColumnarRows, Sheet
from desktop.exchange.export_csv import CsvReport

_CELL = st.none() | st.text(max_size=4) | st.integers()


@given(st.integers(0, 4).flatmap(
    lambda width: st.lists(st.tuples(*[_CELL] * width), min_size=1, max_size=6)))
def test_reads_as_the_rows_it_was_made_from(rows: list[tuple[object, ...]]) -> None:
    if not rows[0]:
        return  # no columns: a batch is never made of none
    batch = ColumnarRows.from_columns([list(c) for c in zip(*rows, strict=True)])  # type: ignore[misc]
    assert len(batch) == len(rows)
    assert batch == rows and list(batch) == rows
    assert [batch[i] for i in range(len(rows))] == rows and batch[1:] == rows[1:]
    assert batch != [*rows, rows[0]] and batch != "text"


def test_columns_of_different_lengths_are_refused() -> None:
    with pytest.raises(ValueError, match="one length"):
        ColumnarRows.from_columns([["a", "b"], ["c"]])


def test_the_csv_writer_takes_the_columns_without_making_rows() -> None:
    batch = ColumnarRows.from_columns([["a", "=b"], [1, 2]])
    out = io.BytesIO()
    report = CsvReport(out, "utf-8", Sheet("S", (Column("x"), Column("n", CellKind.INTEGER))))
    report.write_rows(batch)
    report.finish()
    assert out.getvalue() == b"x,n\r\na,1\r\n'=b,2\r\n"
    assert batch._rows is None
