"""A CSV report's bytes written two ways, to compare the batch paths of
``desktop.exchange.export_csv.CsvReport`` with its row-by-row path."""

from __future__ import annotations

import io
from collections.abc import Sequence

from desktop.exchange.export_cells import CellValue, Sheet
from desktop.exchange.export_csv import CsvReport

Rows = Sequence[tuple[CellValue, ...]]


def csv_bytes(batches: Sequence[Rows], sheet: Sheet, *, batched: bool) -> bytes:
    """The file of ``batches`` (UTF-8 with BOM): each batch through ``write_rows``, or with
    ``batched=False`` every row through ``write``."""
    out = io.BytesIO()
    report = CsvReport(out, "utf-8-sig", sheet)
    for rows in batches:
        if batched:
            report.write_rows(list(rows))
        else:
            for row in rows:
                report.write(row)
    report.finish()
    return out.getvalue()
