"""The filters under the customers search box: tag, level, city, date added (from / to),
"clear filters", and the results count."""

from __future__ import annotations

from typing import TypedDict

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.services.customer_views import FilterChoices

NO_DATE = QDate(2000, 1, 1)
"""The lowest date of the date fields, shown as "any date": no bound."""


def _tr(text: str) -> str:
    # The page's context: these strings were the page's before the bar had its own class.
    return QCoreApplication.translate("CustomersPage", text)


class FilterParts(TypedDict):
    tag: str | None
    level: str | None
    city: str | None
    added_from: str | None
    added_to: str | None


class OptionalDateEdit(QDateEdit):
    """A date that may be left out: its lowest date shows as the "any date" text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NO_DATE)
        self.setMaximumDate(QDate(2100, 12, 31))
        self.setDate(NO_DATE)

    def iso(self) -> str | None:
        day = self.date()
        return None if day == NO_DATE else day.toString(Qt.DateFormat.ISODate)

    def reset(self) -> None:
        self.setDate(NO_DATE)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.date() == NO_DATE:  # open the calendar at this month, not in 2000
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        super().mousePressEvent(event)


class CustomerFilterBar(QWidget):
    """Emits ``changed`` whenever a filter changes (at once: no typing here)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerFilters")
        self.tag_combo = self._choice_combo("tagFilter")
        self.level_combo = self._choice_combo("levelFilter")
        self.city_combo = self._choice_combo("cityFilter")
        self.added_label = QLabel()
        self.added_from = OptionalDateEdit()
        self.added_from.setObjectName("addedFrom")
        self.added_to_label = QLabel()
        self.added_to = OptionalDateEdit()
        self.added_to.setObjectName("addedTo")
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.setProperty("role", "link")
        self.clear_button.setAutoDefault(False)
        self.count_label = QLabel()
        self.count_label.setObjectName("resultCount")
        self.count_label.setStyleSheet("color: #52606d;")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for widget in (self.tag_combo, self.level_combo, self.city_combo, self.added_label,
                       self.added_from, self.added_to_label, self.added_to, self.clear_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.count_label)

        for combo in (self.tag_combo, self.level_combo, self.city_combo):
            combo.currentIndexChanged.connect(self.changed)
        self.added_from.dateChanged.connect(self.changed)
        self.added_to.dateChanged.connect(self.changed)
        self.clear_button.clicked.connect(self.clear)
        self.retranslateUi()

    @staticmethod
    def _choice_combo(name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setMinimumContentsLength(6)
        combo.addItem("", None)  # "All …"
        return combo

    def parts(self) -> FilterParts:
        return FilterParts(
            tag=self.tag_combo.currentData(),
            level=self.level_combo.currentData(),
            city=self.city_combo.currentData(),
            added_from=self.added_from.iso(),
            added_to=self.added_to.iso(),
        )

    def set_choices(self, choices: FilterChoices) -> None:
        """Offer the shop's tags, levels and cities; a chosen one still offered stays chosen
        (one that is gone falls back to "All …" and ``changed`` is emitted)."""
        before = self.parts()
        for combo, values in ((self.tag_combo, choices.tags), (self.level_combo, choices.levels),
                              (self.city_combo, choices.cities)):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value in values:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(combo.findData(current), 0) if current else 0)
            combo.blockSignals(False)
        if self.parts() != before:
            self.changed.emit()

    def clear(self) -> None:
        """Every filter back to "all" (one ``changed``)."""
        widgets = (self.tag_combo, self.level_combo, self.city_combo, self.added_from,
                   self.added_to)
        for widget in widgets:
            widget.blockSignals(True)
        for combo in (self.tag_combo, self.level_combo, self.city_combo):
            combo.setCurrentIndex(0)
        self.added_from.reset()
        self.added_to.reset()
        for widget in widgets:
            widget.blockSignals(False)
        self.changed.emit()

    def retranslateUi(self) -> None:
        self.tag_combo.setItemText(0, _tr("All tags"))
        self.level_combo.setItemText(0, _tr("All levels"))
        self.city_combo.setItemText(0, _tr("All cities"))
        self.added_label.setText(_tr("Added"))
        self.added_to_label.setText(_tr("to"))
        for date_edit in (self.added_from, self.added_to):
            date_edit.setSpecialValueText(_tr("any date"))
        self.clear_button.setText(_tr("Clear filters"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
