"""How much the dry-run table costs the GUI thread at 100,000 rows (no assertions).

    .venv/bin/python -m bench.bench_import_preview [--rows 100000] [--rounds 5]

Measures, on the GUI thread, what the wizard does with a dry-run report: hand the rows to
the model (``set_rows``), filter by one action and back to all (``set_filter``: a position
list, no proxy model), and draw one screen of rows (the texts a view asks for). The best
of ``--rounds`` is reported: other load on the machine only ever makes a figure worse.
"""

from __future__ import annotations

import argparse
import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.core.import_types import RowAction, RowIssue
from desktop.services.import_api import RowOutcome
from desktop.ui.pages.import_preview_model import COLUMN_COUNT, DryRunModel

ACTIONS = list(RowAction)
SCREEN_ROWS = 40


def report_rows(count: int) -> list[RowOutcome]:
    rows = []
    for index in range(count):
        action = ACTIONS[index % len(ACTIONS)]
        issues = ((RowIssue(index + 2, "phone", "{value} is not a mobile number.",
                            {"value": "1.38123E+10"}),) if action is RowAction.ERROR else ())
        rows.append(RowOutcome(index + 2, action, "张*", issues))
    return rows


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def draw_screen(model: DryRunModel, first: int) -> None:
    for row in range(first, min(first + SCREEN_ROWS, model.rowCount())):
        for column in range(COLUMN_COUNT):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
                         Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.TextAlignmentRole):
                model.data(model.index(row, column), role)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    _app = QApplication.instance() or QApplication([])
    rows = report_rows(args.rows)
    best: dict[str, float] = {}
    for _ in range(args.rounds):
        model = DryRunModel()
        figures = {
            "set_rows": timed(lambda m=model: m.set_rows(rows, {"phone": "Mobile"})),
            "filter errors": timed(lambda m=model: m.set_filter({RowAction.ERROR})),
            "draw a screen (filtered)": timed(lambda m=model: draw_screen(m, 1000)),
            "filter off": timed(lambda m=model: m.set_filter(())),
            "draw a screen (end)": timed(lambda m=model: draw_screen(m, args.rows - 40)),
        }
        for name, ms in figures.items():
            best[name] = min(best.get(name, float("inf")), ms)
    print(f"DryRunModel, {args.rows:,} rows, best of {args.rounds} rounds (ms on the GUI thread)")
    for name, ms in best.items():
        print(f"  {name:<28} {ms:8.1f}")


if __name__ == "__main__":
    main()
