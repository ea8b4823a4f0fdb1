"""The feedback table (ids + row cache + keyset pages, like the orders table).

Overdue complaints are shown three ways, so colour is never the only signal: a tinted row,
a warning icon, and the words "Overdue" in the status cell (and its tooltip).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from desktop.services.feedback import COMPLAINT_OVERDUE_AFTER
from desktop.services.order_views import FeedbackCursor, FeedbackRow
from desktop.ui.models.orders_model import KeysetTableModel, local_time_text

OVERDUE_BACKGROUND = QColor("#fdecea")
OVERDUE_TEXT = QColor("#8f1d12")
STATUS_COLUMN = 2
_DISPLAY = Qt.ItemDataRole.DisplayRole


def kind_text(kind: str) -> str:
    names = {
        "review": QCoreApplication.translate("FeedbackKind", "Review"),
        "complaint": QCoreApplication.translate("FeedbackKind", "Complaint"),
        "inquiry": QCoreApplication.translate("FeedbackKind", "Inquiry"),
        "suggestion": QCoreApplication.translate("FeedbackKind", "Suggestion"),
    }
    return names.get(kind, kind)


def feedback_status_text(status: str) -> str:
    names = {
        "open": QCoreApplication.translate("FeedbackStatus", "Open"),
        "in_progress": QCoreApplication.translate("FeedbackStatus", "In progress"),
        "resolved": QCoreApplication.translate("FeedbackStatus", "Resolved"),
    }
    return names.get(status, status)


def overdue_text() -> str:
    return QCoreApplication.translate("FeedbackModel", "Overdue")


def overdue_hours() -> int:
    return int(COMPLAINT_OVERDUE_AFTER.total_seconds() // 3600)


def overdue_explanation() -> str:
    return QCoreApplication.translate(
        "FeedbackModel",
        "Overdue: this complaint has not been resolved within {hours} hours of being received.",
    ).format(hours=overdue_hours())


def stars(rating: int | None) -> str:
    return "" if rating is None else "★" * rating + "☆" * (5 - rating)


def warning_icon() -> QIcon:
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


class FeedbackModel(KeysetTableModel[FeedbackRow, FeedbackCursor]):
    """Columns: received, kind, status, rating, customer, assignee, channel, what was said."""

    context = "FeedbackModel"
    headers = (
        QT_TRANSLATE_NOOP("FeedbackModel", "Received"),
        QT_TRANSLATE_NOOP("FeedbackModel", "Kind"),
        QT_TRANSLATE_NOOP("FeedbackModel", "Status"),
        QT_TRANSLATE_NOOP("FeedbackModel", "Rating"),
        QT_TRANSLATE_NOOP("FeedbackModel", "Customer"),
        QT_TRANSLATE_NOOP("FeedbackModel", "Assigned to"),
        QT_TRANSLATE_NOOP("FeedbackModel", "Channel"),
        QT_TRANSLATE_NOOP("FeedbackModel", "What was said"),
    )

    def cell(self, row: FeedbackRow, column: int, role: int) -> Any:
        if role == _DISPLAY:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == STATUS_COLUMN and row.overdue:
                return overdue_explanation()
            return self._text(row, column)
        if row.overdue:
            if role == Qt.ItemDataRole.BackgroundRole:
                return OVERDUE_BACKGROUND
            if role == Qt.ItemDataRole.ForegroundRole and column == STATUS_COLUMN:
                return OVERDUE_TEXT
            if role == Qt.ItemDataRole.DecorationRole and column == STATUS_COLUMN:
                return warning_icon()
        if role == Qt.ItemDataRole.AccessibleTextRole and column == STATUS_COLUMN:
            return self._text(row, column)
        return None

    @staticmethod
    def _text(row: FeedbackRow, column: int) -> str:
        status = feedback_status_text(row.status)
        texts = (
            lambda: local_time_text(row.received_at), lambda: kind_text(row.kind),
            lambda: f"{status} · {overdue_text()}" if row.overdue else status,
            lambda: stars(row.rating), lambda: row.customer_name, lambda: row.assignee,
            lambda: row.channel, lambda: row.summary,
        )
        return texts[column]() if 0 <= column < len(texts) else ""
