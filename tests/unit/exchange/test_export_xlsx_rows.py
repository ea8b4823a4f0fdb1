"""Rows put straight into XlsxWriter's row table (``RowFiller``) make the same sheet XML, byte
for byte, as the per-cell methods writing the same rows one at a time — for every kind of
value in every kind of column, formula triggers, control characters, texts long enough to be
truncated, empty cells and rows, and batches split anywhere."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.exchange.export_cells import CellKind, CellValue, Column, Row, Sheet
from desktop.exchange.export_xlsx import XlsxReport
from desktop.exchange.export_xlsx_rows import RowFile, RowFiller

KINDS = list(CellKind)

TEXT = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["=1+1", "+86 138", "-5", "@x", "\tx", "\rx", "\uff1dSUM(A1)", " lead",
                     "trail ", "a\x01b", "_x0041_", "<r>x</r>", "<r><t>a\x02</t></r>", "<r> </r>",
                     "&<>\"'", "张*", "北京市"]),
)
VALUE = st.one_of(
    st.none(), st.just(""), TEXT,
    st.integers(min_value=-(10**12), max_value=10**12),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2200, 1, 1)),
    st.dates(min_value=date(1900, 3, 1), max_value=date(2200, 1, 1)),
)


def _sheet_xml(kinds: list[CellKind], batches: list[list[Row]], tmp: Path,
               one_by_one: bool) -> bytes:
    out = io.BytesIO()
    report = XlsxReport(out, tmp, "Cover")
    spec = Sheet("Data", tuple(Column(f"c{i}", kind) for i, kind in enumerate(kinds)))
    writer = report.sheet(spec)
    if not one_by_one:
        assert writer._filler is not None  # the fast path really runs
    for rows in batches:
        if one_by_one:
            for row in rows:
                writer.write(row)
        else:
            writer.write_rows(rows)
    report.finish("t", [("a", "b")])
    with zipfile.ZipFile(out) as book:
        return book.read("xl/worksheets/sheet2.xml")


# tmp_path only holds XlsxWriter's row files, removed when each workbook closes
@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_filled_rows_are_the_per_cell_xml(data: st.DataObject, tmp_path: Path) -> None:
    kinds = data.draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=6))
    row = st.lists(VALUE, min_size=len(kinds), max_size=len(kinds)).map(tuple)
    batches = data.draw(st.lists(st.lists(row, max_size=6), max_size=4))
    assert (_sheet_xml(kinds, batches, tmp_path, one_by_one=False)
            == _sheet_xml(kinds, batches, tmp_path, one_by_one=True))


def test_long_texts_dates_and_odd_values_take_the_per_cell_path(tmp_path: Path) -> None:
    long_text = "长" * 20_000  # long enough for XlsxWriter to check, short enough to keep
    too_long = "\U0001f600" * 17_000  # 34,000 UTF-16 units: XlsxWriter truncates it
    kinds = [CellKind.TEXT, CellKind.INTEGER, CellKind.MONEY, CellKind.DATETIME, CellKind.DATE]
    rows: list[Row] = [
        ("a", 1, 250, datetime(2024, 1, 2, 3, 4), date(2024, 1, 2)),
        (long_text, "x", "=y", "masked", "1990-**-**"),
        (too_long, None, -1, None, None),
        (None, None, None, None, None),
        (7, 2, 3, datetime(2024, 5, 6), "--03-07"),
        ("@b", -3, 0, None, datetime(2020, 1, 1, 12, 0)),
    ]
    assert (_sheet_xml(kinds, [rows[:2], rows[2:]], tmp_path, one_by_one=False)
            == _sheet_xml(kinds, [rows], tmp_path, one_by_one=True))


def test_the_filler_is_used_only_where_it_can_be(tmp_path: Path) -> None:
    report = XlsxReport(io.BytesIO(), tmp_path, "Cover")
    writer = report.sheet(Sheet("Data", (Column("a"),)))
    assert writer._filler is not None
    empty = report.sheet(Sheet("Nothing", ()))
    assert empty._filler is None  # no header: no column span to flush rows with
    empty.write_rows([(), ()])
    values: list[CellValue] = ["x", "y"]
    writer.write_rows([(v,) for v in values])
    assert report.rows == {"Data": 2, "Nothing": 2}
    report.abandon()
    assert not RowFiller.usable(object())


def test_the_write_only_row_file_gives_the_same_workbook(tmp_path: Path, monkeypatch) -> None:
    kinds = [CellKind.TEXT, CellKind.INTEGER, CellKind.MONEY, CellKind.DATETIME]
    rows: list[Row] = [("行\n二\r\n", 1, 250, datetime(2024, 1, 2, 3, 4)),
                       ("  x", -2, None, None)] * 3_000  # more than XlsxWriter's read buffer
    with_row_file = _sheet_xml(kinds, [rows], tmp_path, one_by_one=False)
    book = XlsxReport(io.BytesIO(), tmp_path, "Cover")
    book.sheet(Sheet("Data", (Column("a"),)))
    assert isinstance(book._book.worksheets()[1].row_data_fh, RowFile)
    book.abandon()
    for leftover in tmp_path.iterdir():  # the abandoned book's row files
        leftover.unlink()
    monkeypatch.setattr(RowFile, "install", staticmethod(lambda sheet: False))
    assert _sheet_xml(kinds, [rows], tmp_path, one_by_one=False) == with_row_file
    assert not list(tmp_path.iterdir())  # XlsxWriter removed its row files either way
