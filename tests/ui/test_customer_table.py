"""The customers table while a search's ids stream in: rows appended below the screen move
the scroll bar without repainting the rows shown; rows appended where they can be seen are
painted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from desktop.services.customers import CustomerService
from desktop.services.demo import load_demo_data
from desktop.ui.models import customers_model
from desktop.ui.models.customers_model import CustomersModel
from desktop.ui.pages.customer_table import CustomerTable
from desktop.ui.tasks import SynchronousTaskRunner, TaskHandle

DEMO_CUSTOMERS = 600


@pytest.fixture
def demo(shop):
    load_demo_data(shop.workspace, shop.owner, DEMO_CUSTOMERS)
    return shop


class HeldStreamRunner(SynchronousTaskRunner):
    """Answers the first screen at once and keeps the id stream (the task that reports
    progress) until ``release()``, so the table can be looked at in between."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list[tuple[object, dict[str, object]]] = []

    def submit(self, fn, **callbacks):
        if callbacks.get("on_progress") is None:
            return super().submit(fn, **callbacks)
        self.held.append((fn, callbacks))
        return TaskHandle()

    def release(self) -> None:
        held, self.held = self.held, []
        for fn, callbacks in held:
            super().submit(fn, **callbacks)


class PaintCounter(QObject):
    def __init__(self, watched: QObject) -> None:
        super().__init__(watched)
        self.paints = 0
        watched.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def shown_table(qtbot, shop, runner: HeldStreamRunner) -> CustomerTable:
    model = CustomersModel(CustomerService(shop.workspace), shop.owner, runner)
    table = CustomerTable(model)
    qtbot.addWidget(table)
    table.resize(900, 420)
    table.show()
    qtbot.waitExposed(table)
    model.reload()  # the first screen now, the stream held
    settle(qtbot)
    return table


def settle(qtbot) -> None:
    """Let the view lay out and paint what is pending (posted events and a 0 ms timer)."""
    qtbot.wait(50)
    QApplication.processEvents()


def test_rows_streamed_in_below_the_screen_grow_the_scroll_bar_without_a_repaint(
        demo, qtbot, monkeypatch):
    monkeypatch.setattr(customers_model, "STREAM_CHUNK", 100)
    runner = HeldStreamRunner()
    table = shown_table(qtbot, demo, runner)
    model = table.model()
    assert model.rowCount() == customers_model.FIRST_PAGE and runner.held
    first_maximum = table.verticalScrollBar().maximum()
    counter = PaintCounter(table.viewport())

    runner.release()  # 400 more rows, appended in four inserts
    settle(qtbot)

    assert model.complete and model.rowCount() == DEMO_CUSTOMERS
    bar = table.verticalScrollBar()
    row_height = table.rowHeight(0)
    assert bar.maximum() > first_maximum
    assert bar.maximum() == DEMO_CUSTOMERS * row_height - table.viewport().height()
    assert counter.paints == 0  # nothing on screen changed

    table.scrollToBottom()
    settle(qtbot)
    assert table.rowAt(table.viewport().height() - 1) == DEMO_CUSTOMERS - 1
    assert counter.paints > 0


def test_rows_streamed_in_where_they_can_be_seen_are_painted(demo, qtbot, monkeypatch):
    monkeypatch.setattr(customers_model, "FIRST_PAGE", 3)  # fewer rows than fit
    monkeypatch.setattr(customers_model, "STREAM_CHUNK", 100)
    runner = HeldStreamRunner()
    table = shown_table(qtbot, demo, runner)
    assert table.rowAt(table.viewport().height() - 1) == -1  # room below the 3 rows
    counter = PaintCounter(table.viewport())

    runner.release()
    settle(qtbot)

    assert table.model().rowCount() == DEMO_CUSTOMERS
    assert counter.paints > 0
    assert table.rowAt(table.viewport().height() - 1) > 3
