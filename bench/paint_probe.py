"""Where the customers table's repaint goes: the real window (``keystroke_window``), logged in
as a role, shows the first screen of a few searches; each is repainted ``--repaints`` times
with ``viewport().repaint()`` (synchronous), as it is and with one thing changed at a time.

Run:  .venv/bin/python -m bench.paint_probe --workdir /tmp/…/keystroke-1000000 --role owner

A diagnostic for bench/README.md ("paintspeed"), not a benchmark of its own: times in ms per
repaint of the ~25 visible rows, and the model's data() calls per repaint by role.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench.keystroke_window import ROLES, pump_until, role_child

TEXTS = ("王", "张伟", "li", "zh", "wang", "zs", "138")


def probe(texts: Sequence[str], repaints: int) -> Callable[[Any, Any], dict[str, Any]]:
    def run(app: Any, page: Any) -> dict[str, Any]:
        from PySide6.QtCore import Qt

        from desktop.services.customer_views import CustomerFilter

        table, model = page.table, page.model
        roles: Counter[int] = Counter()
        real_data = type(model).data

        def counting_data(index: Any, role: int = 0) -> Any:
            roles[role] += 1
            return real_data(model, index, role)

        def timed(label: str) -> dict[str, float]:
            times, cpu = [], []
            for _ in range(repaints):
                started, started_cpu = time.perf_counter(), time.thread_time()
                table.viewport().repaint()
                times.append((time.perf_counter() - started) * 1e3)
                cpu.append((time.thread_time() - started_cpu) * 1e3)
            return {"median_ms": statistics.median(times), "cpu_ms": statistics.median(cpu)}

        def set_data(replacement: Callable[..., Any]) -> None:
            model.data = replacement

        def no_text(index: Any, role: int = 0) -> Any:
            return None

        def same_text(index: Any, role: int = 0) -> Any:
            return "abc" if role == 0 else None

        def no_formatting(index: Any, role: int = 0) -> Any:
            return texts_of[index.row()][index.column()] if role == 0 else None

        texts_of: dict[int, list[str]] = {}
        variants: dict[str, tuple[Callable[[], None], Callable[[], None]]] = {
            "cells empty": (lambda: set_data(no_text), lambda: delattr(model, "data")),
            "cells 'abc'": (lambda: set_data(same_text), lambda: delattr(model, "data")),
            "texts precomputed": (lambda: set_data(no_formatting),
                                  lambda: delattr(model, "data")),
            "viewport opaque": (
                lambda: table.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent),
                lambda: table.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent,
                                                      False)),
            "no style sheets": (lambda: (table.setStyleSheet(""), app.setStyleSheet("")),
                                lambda: (table.setStyleSheet(page_table_style()),
                                         app.setStyleSheet(sheet))),
            "as is": (lambda: None, lambda: None),
            "no table style sheet": (lambda: table.setStyleSheet(""),
                                     lambda: table.setStyleSheet(page_table_style())),
            "no app style sheet": (lambda: app.setStyleSheet(""),
                                   lambda: app.setStyleSheet(sheet)),
            "no alternating rows": (lambda: table.setAlternatingRowColors(False),
                                    lambda: table.setAlternatingRowColors(True)),
        }
        sheet = app.styleSheet()
        viewport = table.viewport()
        out: dict[str, Any] = {"viewport": {
            "autoFillBackground": viewport.autoFillBackground(),
            "styled": viewport.testAttribute(Qt.WidgetAttribute.WA_StyledBackground),
            "opaque": viewport.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent),
            "no system background": viewport.testAttribute(
                Qt.WidgetAttribute.WA_NoSystemBackground)}}
        for text in texts:
            model.set_filter(CustomerFilter(text=text))
            pump_until(app, lambda: not model.waiting_first_screen, 30)
            pump_until(app, lambda: model.complete, 30)
            pump_until(app, lambda: False, 0.3)  # the profile and anything queued
            per_text: dict[str, Any] = {"rows": model.rowCount()}
            texts_of.clear()
            for row in range(min(60, model.rowCount())):
                texts_of[row] = [model.data(model.index(row, column)) for column in
                                 range(model.columnCount())]
            for label, (change, restore) in variants.items():
                change()
                table.viewport().repaint()  # once, untimed, after the change
                per_text[label] = timed(label)
                restore()
            model.reload()  # the same search again: time the repaints while its ids stream
            pump_until(app, lambda: not model.waiting_first_screen, 30)
            streaming = []
            while not model.complete and len(streaming) < repaints:
                started = time.perf_counter()
                table.viewport().repaint()
                streaming.append((time.perf_counter() - started) * 1e3)
            per_text["while the ids stream"] = {
                "median_ms": statistics.median(streaming) if streaming else None,
                "repaints": len(streaming)}
            pump_until(app, lambda: model.complete, 30)
            model.data = counting_data  # type: ignore[method-assign]
            roles.clear()
            table.viewport().repaint()
            del model.data
            per_text["data calls by role"] = {
                Qt.ItemDataRole(role).name: n for role, n in sorted(roles.items())}
            out[text] = per_text
        return out

    return run


def page_table_style() -> str:
    from desktop.ui.pages.customer_table import TABLE_STYLE

    return TABLE_STYLE


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--role", choices=list(ROLES), default="owner")
    parser.add_argument("--repaints", type=int, default=15)
    parser.add_argument("--texts", nargs="+", default=list(TEXTS))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    result = role_child(args.workdir, args.role, None, 0, probe=probe(args.texts, args.repaints))
    print(json.dumps(result["probe"], indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
