"""Warm Qt up while the login's password check runs on the worker.

The first time a process builds and paints an item view, a splitter, a tool bar … it pays
for more than the widgets: PySide creates its Python wrapper types and enums on first use,
Qt resolves the style sheet for each widget class and loads the glyphs of the header texts.
The GUI thread is idle during the key derivation (hundreds of ms), so a throw-away copy of
the workspace's kinds of widgets is built and painted into an image then, and the real
window after the password check starts warm. It holds no data: only column titles.
"""

from __future__ import annotations

import gc
from functools import cache

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.models.customer_columns import COLUMNS
from desktop.ui.pages.customer_table import TABLE_STYLE

SIZE = QSize(1180, 720)


@cache
def warm_up_once() -> None:
    """Build and paint the throw-away window the first time it is asked for in a process
    (only the first build of a process is slow)."""
    window = _scratch_window()
    image = QImage(SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    window.render(image)
    window.deleteLater()


@cache
def settle_garbage_once() -> None:
    """Collect once while the GUI thread waits for the password check, then freeze what
    survives: start-up leaves ~10^5 long-lived objects (modules, Qt wrappers), and a full
    collection that walks them all would otherwise fall inside building the window
    (measured: 20–25 ms of the login → first paint)."""
    gc.collect()
    gc.freeze()


def _scratch_window() -> QMainWindow:
    window = QMainWindow()
    window.setWindowFlags(Qt.WindowType.Widget)
    window.resize(SIZE)
    bar = QToolBar()
    bar.addWidget(QLabel("ShopVault"))
    search = QLineEdit()
    search.setClearButtonEnabled(True)
    bar.addWidget(search)
    bar.addWidget(QPushButton("…"))
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    page = QWidget()
    column = QVBoxLayout(page)
    row = QHBoxLayout()
    row.addWidget(QLineEdit(), 1)
    row.addWidget(QComboBox())
    row.addWidget(QPushButton(COLUMNS[0].title()))
    column.addLayout(row)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(_scratch_table())
    splitter.addWidget(QWidget())
    column.addWidget(splitter, 1)

    stack = QStackedWidget()
    stack.addWidget(page)
    central = QWidget()
    body = QHBoxLayout(central)
    body.addWidget(QListWidget())
    body.addWidget(stack, 1)
    window.setCentralWidget(central)
    return window


def _scratch_table() -> QTableView:
    titles = [column.title() for column in COLUMNS]
    model = QStandardItemModel(8, len(titles))
    model.setHorizontalHeaderLabels(titles)
    for number in range(8):
        for col, title in enumerate(titles):
            model.setItem(number, col, QStandardItem(f"{title} {number:04d}"))
    table = QTableView()
    table.setObjectName("customersTable")
    table.setStyleSheet(TABLE_STYLE)
    table.setModel(model)
    model.setParent(table)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.horizontalHeader().setStretchLastSection(True)
    table.selectRow(0)
    return table
