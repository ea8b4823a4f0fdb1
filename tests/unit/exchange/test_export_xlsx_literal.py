"""Text that looks like rich-string markup (starts with ``<r>``, ends with ``</r>``) is written
as the text it is. XlsxWriter would copy it into the sheet XML unescaped, so a note typed as
markup could close its cell and open another holding a live formula, or break the file."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from desktop.exchange.export_cells import CellKind, Column, Row, Sheet
from desktop.exchange.export_xlsx import XlsxReport

INJECTION = ('<r><t>a</t></r></is></c><c r="C2"><f>HYPERLINK("http://x.example","open")</f>'
             '</c><c r="D2" t="inlineStr"><is><r><t>b</t></r>')
BROKEN = "<r></t></is></c></row></r>"
ODD = "<r>&amp; \x01 _x0041_ </r>"


def _workbook(rows: list[Row], tmp: Path, one_by_one: bool) -> tuple[bytes, bytes]:
    out = io.BytesIO()
    report = XlsxReport(out, tmp, "Cover")
    spec = Sheet("Data", (Column("note"), Column("n", CellKind.INTEGER), Column("when",
                                                                              CellKind.DATE)))
    writer = report.sheet(spec)
    if one_by_one:
        for row in rows:
            writer.write(row)
    else:
        writer.write_rows(rows)
    report.finish("t", [("purpose", INJECTION), (BROKEN, ODD)])
    return out.getvalue(), zipfile.ZipFile(io.BytesIO(out.getvalue())).read(
        "xl/worksheets/sheet2.xml")


@pytest.mark.parametrize("one_by_one", [False, True])
def test_markup_like_text_is_written_as_text(tmp_path: Path, one_by_one: bool) -> None:
    rows: list[Row] = [(INJECTION, 1, "x"), (BROKEN, 2, INJECTION), (ODD, None, BROKEN)]
    data, sheet_xml = _workbook(rows, tmp_path, one_by_one)
    assert b"<f>" not in sheet_xml and b"HYPERLINK(" in sheet_xml
    book = openpyxl.load_workbook(io.BytesIO(data))  # well-formed: it opens at all
    shown = [tuple(row) for row in book["Data"].iter_rows(min_row=2, values_only=True)]
    assert shown[0] == (INJECTION, 1, "x")
    assert shown[1] == (BROKEN, 2, INJECTION)
    # Control characters and literal _xHHHH_ are escaped as in any text cell (Excel reads
    # them back; openpyxl shows the escapes).
    assert shown[2][0] == "<r>&amp; _x0001_ _x005F_x0041_ </r>"
    cover = [cell for row in book["Cover"].iter_rows(values_only=True) for cell in row]
    assert INJECTION in cover and BROKEN in cover
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            assert all(cell.data_type != "f" for cell in row)


def test_the_batch_and_per_cell_paths_write_the_same_xml(tmp_path: Path) -> None:
    rows: list[Row] = [(INJECTION, 1, "x"), (BROKEN, 2, ODD), (ODD, None, None)]
    assert (_workbook(rows, tmp_path, one_by_one=False)[1]
            == _workbook(rows, tmp_path, one_by_one=True)[1])
