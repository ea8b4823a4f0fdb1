"""The scroll area beside a list that holds a detail panel (orders, feedback)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QScrollArea, QWidget


class DetailScrollArea(QScrollArea):
    """Scrolls its panel vertically only and is never narrower than the panel needs, so the
    splitter beside the list cannot clip the panel's buttons (long order numbers, Chinese
    labels); the list gives up the width instead."""

    def __init__(self, panel: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(panel)
        panel.installEventFilter(self)
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() in (
            QEvent.Type.LayoutRequest, QEvent.Type.Show
        ):
            self._fit()
        return super().eventFilter(watched, event)

    def _fit(self) -> None:
        panel = self.widget()
        if panel is not None:
            self.setMinimumWidth(panel.minimumSizeHint().width()
                                 + self.verticalScrollBar().sizeHint().width()
                                 + 2 * self.frameWidth())
