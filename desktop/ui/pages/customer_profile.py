"""The profile panel beside the customers table: basics, orders, feedback, consents and
history tabs for one customer, exactly as the service returned them for the session (masked
per role). Revealing a masked field is asked for with ``reveal_requested``; the revealed
value itself is only ever shown in the reveal dialog, never here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.consents import ConsentView
from desktop.services.customer_views import REVEALABLE_FIELDS, CustomerProfile, HistoryEntry
from desktop.services.exports_subject_history import HistoryDetails
from desktop.services.order_views import FeedbackRow, OrderRow
from desktop.ui.error_text import actor_name, audit_action_name
from desktop.ui.models.customer_columns import format_cents, join_tags, local_date, local_time
from desktop.ui.pages.consents_tab import ConsentsTab
from desktop.ui.pages.export_scope import file_text
from desktop.ui.pages.profile_list_tab import ListTab

# In the palette of resources/styles/app.qss (which styles the rest of the window).
PROFILE_STYLE = """
#customerProfile {
    background: #ffffff;
    border: 1px solid #dde2ea;
    border-radius: 8px;
}
#customerProfile QLabel { background: transparent; }
#customerProfile QScrollArea, #profileBasics { background: #ffffff; }
QLabel#profileHeading { font-size: 15pt; font-weight: 700; color: #13202d; }
#customerProfile QPushButton[role="link"] { padding: 0 4px; min-height: 0; border: none; }
#customerProfile QTableWidget { border: none; gridline-color: #eef1f5; }
#customerProfile QTableWidget::item { padding: 3px 4px; }
#customerProfile QHeaderView::section {
    background: #f6f8fb;
    color: #3e4c59;
    border: none;
    border-bottom: 1px solid #dde2ea;
    padding: 4px 6px;
}
"""


def _tr(text: str) -> str:
    return QCoreApplication.translate("CustomerProfilePanel", text)


def field_label(key: str) -> str:
    """A customer field (as the service and the audit log name it) as people call it."""
    names = {
        "member_no": _tr("Member no."),
        "name": _tr("Name"),
        "gender": _tr("Gender"),
        "birthday": _tr("Birthday"),
        "resident_id": _tr("Resident ID"),
        "phone": _tr("Phone"),
        "email": _tr("E-mail"),
        "wechat_id": _tr("WeChat ID"),
        "address": _tr("Address"),
        "province": _tr("Province"),
        "city": _tr("City"),
        "district": _tr("District"),
        "address_detail": _tr("Street address"),
        "level": _tr("Level"),
        "points": _tr("Points"),
        "balance": _tr("Balance"),
        "balance_cents": _tr("Balance"),
        "tags": _tr("Tags"),
        "source": _tr("Source"),
        "notes": _tr("Notes"),
        "created_at": _tr("Added"),
        "updated_at": _tr("Updated"),
    }
    return names.get(key, key)


def gender_text(value: str) -> str:
    return {
        "female": _tr("Female"),
        "male": _tr("Male"),
        "other": _tr("Other"),
    }.get(value, value)


def _address(p: CustomerProfile) -> str:
    return " ".join(part for part in (p.province, p.city, p.district, p.address_detail) if part)


@dataclass(frozen=True, slots=True)
class _Field:
    key: str
    """Also the revealable field name where it is one (``REVEALABLE_FIELDS``)."""
    label: Callable[[], str]
    value: Callable[[CustomerProfile], str]


BASIC_FIELDS: tuple[_Field, ...] = (
    _Field("member_no", lambda: field_label("member_no"), lambda p: p.member_no),
    _Field("name", lambda: field_label("name"), lambda p: p.name),
    _Field("gender", lambda: field_label("gender"), lambda p: gender_text(p.gender)),
    _Field("birthday", lambda: field_label("birthday"), lambda p: p.birthday),
    _Field("resident_id", lambda: field_label("resident_id"), lambda p: p.resident_id),
    _Field("phone", lambda: field_label("phone"), lambda p: p.phone),
    _Field("email", lambda: field_label("email"), lambda p: p.email),
    _Field("wechat_id", lambda: field_label("wechat_id"), lambda p: p.wechat_id),
    _Field("address", lambda: field_label("address"), _address),
    _Field("level", lambda: field_label("level"), lambda p: p.level),
    _Field("points", lambda: field_label("points"), lambda p: f"{p.points:,}"),
    _Field("balance", lambda: field_label("balance"), lambda p: format_cents(p.balance_cents)),
    _Field("tags", lambda: field_label("tags"), lambda p: join_tags(p.tags)),
    _Field("source", lambda: field_label("source"), lambda p: p.source),
    _Field("notes", lambda: field_label("notes"), lambda p: p.notes),
    _Field("created_at", lambda: field_label("created_at"), lambda p: local_time(p.created_at)),
    _Field("updated_at", lambda: field_label("updated_at"), lambda p: local_time(p.updated_at)),
)


class CustomerProfilePanel(QWidget):
    """Shows one customer's profile; emits ``reveal_requested(field)`` for a masked field."""

    reveal_requested = Signal(str)
    order_activated = Signal(int)
    """An order id double-clicked in the orders tab."""
    subject_copy_requested = Signal(int)
    """The owner asked for the data-subject copy of the customer shown (a customer id)."""

    BASICS, ORDERS, FEEDBACK, CONSENTS, HISTORY = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerProfile")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(PROFILE_STYLE)
        self.profile: CustomerProfile | None = None
        self.allow_reveal = False
        """The session may reveal at all (the profile's ``can_reveal`` must agree)."""
        self.allow_subject_copy = False
        """The session may export a data-subject copy (the owner)."""
        self._state = "empty"
        self._history: list[HistoryEntry] = []

        self.heading = QLabel()
        self.heading.setObjectName("profileHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.subheading = QLabel()
        self.subheading.setObjectName("hint")
        self.subheading.setTextFormat(Qt.TextFormat.PlainText)
        self.subject_copy_button = QPushButton()
        self.subject_copy_button.setObjectName("subjectCopy")
        self.subject_copy_button.setProperty("role", "link")
        self.subject_copy_button.setAutoDefault(False)
        self.subject_copy_button.setVisible(False)
        self.subject_copy_button.clicked.connect(self._subject_copy_clicked)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("profileTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_basics(), "")
        self.orders_tab = ListTab(5)
        self.feedback_tab = ListTab(5)
        self.consents_tab = ConsentsTab()
        self.history_tab = ListTab(2)
        self.history_tab.table.setWordWrap(True)
        for tab in (self.orders_tab, self.feedback_tab, self.consents_tab, self.history_tab):
            self.tabs.addTab(tab, "")
        self.orders_tab.table.itemDoubleClicked.connect(self._order_double_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 10, 8)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addWidget(self.subject_copy_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(4)
        layout.addWidget(self.tabs, 1)
        layout.addStretch(0)
        self.retranslateUi()
        self.clear()

    def _build_basics(self) -> QWidget:
        body = QWidget()
        body.setObjectName("profileBasics")
        grid = QGridLayout(body)
        grid.setContentsMargins(10, 10, 10, 10)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        self.field_labels: dict[str, QLabel] = {}
        self.field_values: dict[str, QLabel] = {}
        self.reveal_buttons: dict[str, QPushButton] = {}
        for row, spec in enumerate(BASIC_FIELDS):
            caption = QLabel()
            caption.setObjectName("fieldLabel")
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            caption.setTextFormat(Qt.TextFormat.PlainText)
            value = QLabel()
            value.setObjectName("profileValue")
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1, Qt.AlignmentFlag.AlignTop)
            self.field_labels[spec.key] = caption
            self.field_values[spec.key] = value
            if spec.key in REVEALABLE_FIELDS:
                button = QPushButton()
                button.setObjectName(f"reveal_{spec.key}")
                button.setProperty("role", "link")
                button.setAutoDefault(False)
                button.setCursor(Qt.CursorShape.PointingHandCursor)
                button.setVisible(False)
                button.clicked.connect(
                    lambda _=False, key=spec.key: self.reveal_requested.emit(key)
                )
                grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
                self.reveal_buttons[spec.key] = button
        grid.setRowStretch(len(BASIC_FIELDS), 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        return scroll

    # --------------------------------------------------------------------------- showing

    def clear(self) -> None:
        """Show nothing about anyone (no selection, or the window is locking)."""
        self.profile = None
        self._history = []
        self._state = "empty"
        for value in self.field_values.values():
            value.clear()
        for button in self.reveal_buttons.values():
            button.setVisible(False)
        self.subject_copy_button.setVisible(False)
        for tab in (self.orders_tab, self.feedback_tab, self.history_tab):
            tab.show_message("")
        self.consents_tab.clear()
        self.tabs.setVisible(False)
        self._show_heading()

    def show_loading(self) -> None:
        if self.profile is None:
            self._state = "loading"
            self._show_heading()

    def show_profile(self, profile: CustomerProfile, history: list[HistoryEntry]) -> None:
        self.profile = profile
        self._history = list(history)
        self._state = "shown"
        self.tabs.setVisible(True)
        for spec in BASIC_FIELDS:
            self.field_values[spec.key].setText(spec.value(profile) or "—")
        self.field_values["resident_id"].setToolTip(
            _tr("Only the owner sees the whole resident ID.") if profile.resident_id_masked
            else ""
        )
        masked = self._masked_fields(profile)
        for key, button in self.reveal_buttons.items():
            button.setVisible(self.allow_reveal and profile.can_reveal and key in masked)
        self.subject_copy_button.setVisible(self.allow_subject_copy)
        self._show_heading()
        self._show_history()

    def show_orders(self, orders: Sequence[OrderRow]) -> None:
        """The customer's latest orders, newest first (masked by the orders service)."""
        # The order number comes first and is never cut: platform numbers run to 19+
        # digits and the last ones are what a customer reads out.
        rows = [
            [o.order_no, local_date(o.ordered_at), format_cents(o.payable_cents),
             order_status_text(o.status), o.channel]
            for o in orders
        ]
        self.orders_tab.show_rows(
            rows, _tr("No orders yet."), [o.id for o in orders], right_aligned={2}
        )

    def _subject_copy_clicked(self) -> None:
        if self.profile is not None and self.allow_subject_copy:
            self.subject_copy_requested.emit(self.profile.id)

    def show_consents(self, consents: Sequence[ConsentView]) -> None:
        """The customer's consent register (masked by the consent service)."""
        if self.profile is not None:
            self.consents_tab.show_consents(self.profile.id, consents)

    def _order_double_clicked(self, item: QTableWidgetItem) -> None:
        first = self.orders_tab.table.item(item.row(), 0)
        order_id = first.data(Qt.ItemDataRole.UserRole) if first is not None else None
        if isinstance(order_id, int):
            self.order_activated.emit(order_id)

    def show_feedback(self, items: Sequence[FeedbackRow]) -> None:
        """The customer's latest feedback, newest first (masked by the feedback service)."""
        rows = [
            [
                local_date(f.received_at),
                feedback_kind_text(f.kind),
                feedback_status_text(f.status) + (" · " + _tr("overdue") if f.overdue else ""),
                "★" * f.rating if f.rating else "",
                f.summary,
            ]
            for f in items
        ]
        self.feedback_tab.show_rows(rows, _tr("No feedback yet."), [f.id for f in items])

    def _masked_fields(self, profile: CustomerProfile) -> set[str]:
        masked = set(profile.masked)
        if masked & {"province", "city", "district", "address_detail"}:
            masked.add("address")
        return masked

    def _show_heading(self) -> None:
        profile = self.profile
        if profile is None:
            self.heading.setText(
                _tr("Loading…") if self._state == "loading" else _tr("No customer selected")
            )
            self.subheading.setText(
                "" if self._state == "loading"
                else _tr("Choose a customer in the list to see their profile.")
            )
            return
        self.heading.setText(profile.name or "—")
        parts = [profile.member_no, profile.phone, profile.level]
        self.subheading.setText(" · ".join(part for part in parts if part))

    def _show_history(self) -> None:
        # The same words as the data-subject copy's access history, in the window's language.
        details = HistoryDetails(file_text)
        rows = [
            [f"{local_time(e.at)}\n{actor_text(e.actor)}",
             "\n".join(part for part in (action_text(e.action),
                                         details.text(e.action, e.details)) if part)]
            for e in self._history
        ]
        self.history_tab.show_rows(rows, _tr("Nothing recorded yet."))

    def texts(self) -> list[str]:
        """Everything this panel shows as text (for tests)."""
        found = [self.heading.text(), self.subheading.text()]
        found += [value.text() for value in self.field_values.values()]
        for tab in (self.orders_tab, self.feedback_tab, self.consents_tab, self.history_tab):
            found += tab.texts()
        return found

    # ----------------------------------------------------------------------- translation

    def retranslateUi(self) -> None:
        titles = (_tr("Basics"), _tr("Orders"), _tr("Feedback"), _tr("Consents"), _tr("History"))
        for number, title in enumerate(titles):
            self.tabs.setTabText(number, title)
        for spec in BASIC_FIELDS:
            self.field_labels[spec.key].setText(spec.label())
        for button in self.reveal_buttons.values():
            button.setText(_tr("Reveal…"))
            button.setToolTip(_tr("Show this value once, with a reason (recorded in the history)"))
        self.orders_tab.set_headers(
            [_tr("Order no."), _tr("Date"), _tr("Amount"), _tr("Status"), _tr("Channel")]
        )
        self.feedback_tab.set_headers(
            [_tr("Date"), _tr("Kind"), _tr("Status"), _tr("Rating"), _tr("Summary")]
        )
        self.history_tab.set_headers([_tr("When, who"), _tr("What")])
        self.subject_copy_button.setText(_tr("Export everything we hold about this person…"))
        self.subject_copy_button.setToolTip(
            _tr("A copy of their data for them (PIPL Art. 45, GDPR Art. 15/20): "
                ".xlsx and .json, recorded in the audit log"))
        if self.profile is not None:
            self.show_profile(self.profile, self._history)
        else:
            self._show_heading()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


# ------------------------------------------------------------------------ words for codes


def order_status_text(status: str) -> str:
    names = {
        "pending": _tr("Pending"),
        "paid": _tr("Paid"),
        "shipped": _tr("Shipped"),
        "completed": _tr("Completed"),
        "cancelled": _tr("Cancelled"),
        "refunded": _tr("Refunded"),
    }
    return names.get(status, status)


def feedback_kind_text(kind: str) -> str:
    names = {
        "review": _tr("Review"),
        "complaint": _tr("Complaint"),
        "inquiry": _tr("Inquiry"),
        "suggestion": _tr("Suggestion"),
    }
    return names.get(kind, kind)


def feedback_status_text(status: str) -> str:
    names = {
        "open": _tr("Open"),
        "in_progress": _tr("In progress"),
        "resolved": _tr("Resolved"),
    }
    return names.get(status, status)



def actor_text(actor: str) -> str:
    """``wang (owner)`` as the audit log names users, with the role translated."""
    return actor_name(actor)


def action_text(action: str) -> str:
    """An audit action code as words (unknown codes as they are): the one table in
    ``desktop.core.audit_words`` that the data-subject copy uses too."""
    return audit_action_name(action)
