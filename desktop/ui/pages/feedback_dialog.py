"""The feedback forms: the add/edit dialog and the detail panel that handles one item.

Both are forms only: the page runs lookups, saves and handling changes through the service
and hands field errors back, each shown at its field."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services.order_views import (
    AssignableUser,
    CustomerRef,
    FeedbackDetail,
    FeedbackDraft,
    OrderChoice,
)
from desktop.ui.error_text import translate_text
from desktop.ui.models.feedback_model import (
    feedback_status_text,
    kind_text,
    overdue_explanation,
    stars,
)
from desktop.ui.models.orders_model import format_cents, local_time_text
from desktop.ui.pages.order_detail_panel import value_label
from desktop.ui.pages.order_dialog import customer_text
from desktop.ui.shell.style import button, label, set_property

KINDS = ("complaint", "review", "inquiry", "suggestion")
FIELDS = ("kind", "customer", "order", "rating", "channel", "received_at", "assignee", "content")


def order_choice_text(choice: OrderChoice) -> str:
    return " · ".join((choice.order_no, local_time_text(choice.ordered_at)[:10], choice.channel,
                       format_cents(choice.payable_cents)))


class FeedbackDialog(QDialog):
    submitted = Signal(object)
    """A :class:`FeedbackDraft` to validate and save."""
    customer_lookup = Signal(str)
    orders_wanted = Signal(int)
    """The chosen customer changed: the page should offer that customer's orders."""

    def __init__(
        self, draft: FeedbackDraft, *, editing: bool, channels: Sequence[str],
        users: Sequence[AssignableUser], customer: CustomerRef | None = None,
        order: OrderChoice | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("feedbackDialog")
        self.editing = editing
        self.errors: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        self.form_error = label("formError")
        self.form_error.hide()
        self.kind = QComboBox()
        self.customer_find = QLineEdit()
        self.find_button = button("findCustomer")
        self.customer = QComboBox()
        self.order = QComboBox()
        self.rating = QComboBox()
        self.channel = QComboBox()
        self.channel.setEditable(True)
        self.channel.addItems(list(channels))
        self.received_at = QLineEdit()
        self.assignee = QComboBox()
        self.content = QPlainTextEdit()
        self.content.setTabChangesFocus(True)
        self.save_button = button("saveFeedback", "primary")
        self.cancel_button = button("cancelFeedback")
        self.inputs: dict[str, QWidget] = {
            "kind": self.kind, "customer": self.customer_find, "order": self.order,
            "rating": self.rating, "channel": self.channel, "received_at": self.received_at,
            "assignee": self.assignee, "content": self.content,
        }
        self._users = list(users)
        self._build()
        self.retranslateUi()
        self._fill(draft, customer, order)
        self.find_button.clicked.connect(self._lookup)
        self.customer_find.returnPressed.connect(self._lookup)
        self.customer.currentIndexChanged.connect(self._customer_changed)
        self.save_button.clicked.connect(lambda: self.submitted.emit(self.draft()))
        self.cancel_button.clicked.connect(self.reject)

    def _build(self) -> None:
        self.setMinimumWidth(640)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        finder_box = QWidget()
        finder = QHBoxLayout(finder_box)
        finder.setContentsMargins(0, 0, 0, 0)
        finder.addWidget(self.customer_find, 1)
        finder.addWidget(self.find_button)
        row = 0
        for name in FIELDS:
            widget = finder_box if name == "customer" else self.inputs[name]
            caption = label("fieldLabel", wrap=False)
            self.captions[name] = caption
            error = label("fieldError")
            error.hide()
            self.errors[name] = error
            top = Qt.AlignmentFlag.AlignTop if name == "content" else Qt.AlignmentFlag(0)
            grid.addWidget(caption, row, 0, top)
            grid.addWidget(widget, row, 1)
            if name == "customer":
                row += 1
                grid.addWidget(self.customer, row, 1)
            grid.addWidget(error, row + 1, 1)
            row += 2
        self.assignee.setVisible(not self.editing)
        self.captions["assignee"].setVisible(not self.editing)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.addWidget(self.form_error)
        layout.addLayout(grid, 1)
        layout.addLayout(actions)

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Edit feedback") if self.editing else self.tr("Add feedback"))
        captions = {
            "kind": self.tr("Kind"), "customer": self.tr("Customer"),
            "order": self.tr("About order"), "rating": self.tr("Rating"),
            "channel": self.tr("Channel"), "received_at": self.tr("Received"),
            "assignee": self.tr("Assign to"), "content": self.tr("What the customer said"),
        }
        for name, caption in self.captions.items():
            caption.setText(captions[name])
        self.customer_find.setPlaceholderText(self.tr("Member no., phone or its last 4 digits"))
        self.received_at.setPlaceholderText(self.tr("e.g. 2024-01-05 14:30 (empty: now)"))
        self.find_button.setText(self.tr("Find"))
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))
        for combo, text in ((self.customer, self.tr("No customer")),
                            (self.order, self.tr("No order")),
                            (self.rating, self.tr("No rating")),
                            (self.assignee, self.tr("Nobody yet"))):
            if combo.count():
                combo.setItemText(0, text)
        for index in range(self.kind.count()):
            self.kind.setItemText(index, kind_text(str(self.kind.itemData(index))))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    # ------------------------------------------------------------------ content

    def _fill(self, draft: FeedbackDraft, customer: CustomerRef | None,
              order: OrderChoice | None) -> None:
        for kind in KINDS:
            self.kind.addItem(kind_text(kind), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(draft.kind)))
        self.rating.addItem(self.tr("No rating"), "")
        for value in range(5, 0, -1):
            self.rating.addItem(stars(value), str(value))
        self.rating.setCurrentIndex(max(0, self.rating.findData(draft.rating)))
        self.channel.setCurrentText(draft.channel)
        self.received_at.setText(draft.received_at)
        self.assignee.addItem(self.tr("Nobody yet"), None)
        for user in self._users:
            self.assignee.addItem(user.username, user.id)
        self.assignee.setCurrentIndex(max(0, self.assignee.findData(draft.assignee_id)))
        self.content.setPlainText(draft.content)
        self.customer.blockSignals(True)
        self.set_customer_choices([customer] if customer else [])
        self.customer.blockSignals(False)
        self.set_order_choices([order] if order else [], selected=draft.order_id)

    def set_customer_choices(self, refs: Sequence[CustomerRef]) -> None:
        """Offer ``refs`` (masked); the first one is selected and its orders requested."""
        self.customer.clear()
        self.customer.addItem(self.tr("No customer"), None)
        for ref in refs:
            self.customer.addItem(customer_text(ref), ref.id)
        self.customer.setCurrentIndex(1 if refs else 0)

    def set_order_choices(
        self, choices: Sequence[OrderChoice], selected: int | None = None
    ) -> None:
        self.order.clear()
        self.order.addItem(self.tr("No order"), None)
        for choice in choices:
            self.order.addItem(order_choice_text(choice), choice.id)
        self.order.setCurrentIndex(max(0, self.order.findData(selected)))

    def _lookup(self) -> None:
        text = self.customer_find.text().strip()
        if text:
            self.customer_lookup.emit(text)

    def _customer_changed(self, _index: int) -> None:
        customer = self.customer.currentData()
        self.set_order_choices([])
        if customer is not None:
            self.orders_wanted.emit(int(customer))

    def draft(self) -> FeedbackDraft:
        def data(combo: QComboBox) -> int | None:
            value = combo.currentData()
            return None if value is None else int(value)

        return FeedbackDraft(
            kind=str(self.kind.currentData()), content=self.content.toPlainText(),
            rating=str(self.rating.currentData() or ""), channel=self.channel.currentText(),
            received_at=self.received_at.text(), customer_id=data(self.customer),
            order_id=data(self.order), assignee_id=None if self.editing else data(self.assignee),
        )

    # ------------------------------------------------------------------ feedback

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        self.save_button.setText(self.tr("Saving…") if busy else self.tr("Save"))

    def show_form_error(self, text: str) -> None:
        self.form_error.setText(text)
        self.form_error.setVisible(bool(text))

    def show_errors(self, errors: dict[str, str]) -> None:
        self.set_busy(False)
        self.show_form_error(self.tr("Please correct the highlighted fields.") if errors else "")
        for name, error in self.errors.items():
            text = translate_text(errors[name]) if name in errors else ""
            error.setText(text)
            error.setVisible(bool(text))
            set_property(self.inputs[name], "invalid", "true" if text else "false")
        first = next((self.inputs[n] for n in FIELDS if n in errors), None)
        if first is not None:
            first.setFocus()


class FeedbackDetailPanel(QWidget):
    open_customer = Signal(int)
    status_requested = Signal(int, str, str)
    """(feedback id, new status, resolution note as typed)."""
    assign_requested = Signal(int, object)
    resolution_saved = Signal(int, str)
    link_requested = Signal(int, object)
    orders_wanted = Signal(int)
    edit_requested = Signal(int)
    take_requested = Signal(int)

    FIELDS = ("received", "channel", "rating", "customer", "order", "assignee")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: FeedbackDetail | None = None
        self.unsaved_notes: dict[int, str] = {}
        self.title, self.empty = label("sectionHeading"), label("hint")
        self.overdue = label("formError")
        self.masked_hint = label("hint")
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        self.content = value_label()
        self.assignee, self.order = QComboBox(), QComboBox()
        self.take_button = button("takeFeedback")
        self.customer_button = button("openCustomer", "link")
        self.change_order = button("changeOrder", "link")
        self.resolution = QPlainTextEdit()
        self.resolution.setMaximumHeight(110)
        self.resolution_error = label("fieldError")
        self.save_note = button("saveNote")
        self.start_button = button("startHandling")
        self.resolve_button = button("markResolved", "primary")
        self.reopen_button = button("reopen")
        self.edit_button = button("editFeedback")
        self.content_caption, self.resolution_caption = label("fieldLabel"), label("fieldLabel")
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for row, name in enumerate(self.FIELDS):
            self.captions[name] = label("fieldLabel", wrap=False)
            self.values[name] = value_label()
            grid.addWidget(self.captions[name], row, 0)
            grid.addWidget(self.values[name], row, 1)
        grid.addWidget(self.customer_button, 3, 2)
        grid.addWidget(self.order, 4, 1)
        grid.addWidget(self.change_order, 4, 2)
        grid.addWidget(self.assignee, 5, 1)
        grid.addWidget(self.take_button, 5, 2)
        steps = QHBoxLayout()
        for widget in (self.start_button, self.resolve_button, self.reopen_button):
            steps.addWidget(widget)
        steps.addStretch(1)
        steps.addWidget(self.save_note)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.edit_button)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(header)
        body.addWidget(self.overdue)
        body.addWidget(self.masked_hint)
        body.addLayout(grid)
        for part in (self.content_caption, self.content, self.resolution_caption,
                     self.resolution, self.resolution_error):
            body.addWidget(part)
        body.addLayout(steps)
        body.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.empty)
        layout.addWidget(self.body, 1)
        self._connect()
        self.retranslateUi()
        self.clear()

    def _connect(self) -> None:
        def emit(signal: Any, *args: Callable[[], object]) -> Callable[[], None]:
            def send() -> None:
                if self.detail is not None:
                    signal.emit(self.detail.id, *(a() for a in args))

            return send

        note = self.resolution.toPlainText
        self.start_button.clicked.connect(emit(self.status_requested, lambda: "in_progress", note))
        self.resolve_button.clicked.connect(emit(self.status_requested, lambda: "resolved", note))
        self.reopen_button.clicked.connect(emit(self.status_requested, lambda: "open", note))
        self.save_note.clicked.connect(emit(self.resolution_saved, note))
        self.edit_button.clicked.connect(emit(self.edit_requested))
        self.assignee.activated.connect(
            lambda _i: emit(self.assign_requested, self.assignee.currentData)())
        self.order.activated.connect(lambda _i: emit(self.link_requested, self.order.currentData)())
        self.take_button.clicked.connect(emit(self.take_requested))
        self.customer_button.clicked.connect(self._customer)
        self.change_order.clicked.connect(self._want_orders)

    def retranslateUi(self) -> None:
        texts = {"received": self.tr("Received"), "channel": self.tr("Channel"),
                 "rating": self.tr("Rating"), "customer": self.tr("Customer"),
                 "order": self.tr("About order"), "assignee": self.tr("Assigned to")}
        for name, caption in self.captions.items():
            caption.setText(texts[name])
        self.empty.setText(self.tr("Choose a feedback item to see and handle it."))
        self.masked_hint.setText(self.tr("Personal details are masked for your role."))
        self.content_caption.setText(self.tr("What the customer said"))
        self.resolution_caption.setText(self.tr("Resolution note"))
        self.resolution.setPlaceholderText(
            self.tr("How was it resolved? (required for complaints)"))
        self.take_button.setText(self.tr("Assign to me"))
        self.customer_button.setText(self.tr("Open customer"))
        self.change_order.setText(self.tr("Change…"))
        self.save_note.setText(self.tr("Save note"))
        self.start_button.setText(self.tr("Start handling"))
        self.resolve_button.setText(self.tr("Mark resolved"))
        self.reopen_button.setText(self.tr("Reopen"))
        self.edit_button.setText(self.tr("Edit…"))
        if self.detail is not None:
            self.show_detail(self.detail)

    def set_users(self, users: Sequence[AssignableUser]) -> None:
        self.assignee.clear()
        self.assignee.addItem(self.tr("Nobody"), None)
        for user in users:
            self.assignee.addItem(user.username, user.id)

    def clear(self) -> None:
        """Forget the item shown; a note typed but not saved is kept for that item."""
        if self.note_edited():
            assert self.detail is not None
            self.unsaved_notes[self.detail.id] = self.resolution.toPlainText()
        self.detail = None
        for value in self.values.values():
            value.clear()
        self.content.clear()
        self.title.clear()
        self.resolution.clear()
        self.order.clear()
        self.body.hide()
        self.empty.show()

    def note_edited(self) -> bool:
        """The resolution box holds text the user typed and has not saved."""
        return self.detail is not None and self.resolution.toPlainText() != self.detail.resolution

    def show_detail(self, detail: FeedbackDetail, *, saved: bool = False) -> None:
        """Show ``detail``; a note being typed for the same item stays unless ``saved``."""
        same = self.detail is not None and self.detail.id == detail.id
        keep_note = not saved and same and self.note_edited()
        if not same and self.note_edited():
            assert self.detail is not None
            self.unsaved_notes[self.detail.id] = self.resolution.toPlainText()
        if saved:
            self.unsaved_notes.pop(detail.id, None)
        self.detail = detail
        self.title.setText(self.tr("{kind} · {status}").format(
            kind=kind_text(detail.kind), status=feedback_status_text(detail.status)))
        self.overdue.setText("⚠ " + overdue_explanation())
        self.overdue.setVisible(detail.overdue)
        self.masked_hint.setVisible(bool(detail.masked))
        texts = {"received": local_time_text(detail.received_at), "channel": detail.channel,
                 "rating": stars(detail.rating),
                 "customer": customer_text(detail.customer) if detail.customer else "",
                 "order": detail.order_no, "assignee": detail.assignee}
        for name, text in texts.items():
            self.values[name].setText(text or "—")
        self.content.setText(detail.content or "—")
        self.customer_button.setVisible(detail.customer is not None)
        self.values["assignee"].setVisible(not detail.can_handle)
        self.assignee.setVisible(detail.can_handle)
        self.assignee.setCurrentIndex(max(0, self.assignee.findData(detail.assignee_id)))
        self.take_button.setVisible(detail.can_take)
        self.order.hide()
        self.values["order"].show()
        self.change_order.setVisible(detail.can_handle and detail.customer is not None)
        if not keep_note:
            self.resolution.setPlainText(self.unsaved_notes.pop(detail.id, detail.resolution))
        self.resolution.setReadOnly(not detail.can_handle)
        has_note = detail.can_handle or bool(detail.resolution)
        self.resolution.setVisible(has_note)
        self.resolution_caption.setVisible(has_note)
        self.resolution_error.hide()
        self.save_note.setVisible(detail.can_handle)
        self.start_button.setVisible("in_progress" in detail.next_statuses
                                     and detail.status == "open")
        self.resolve_button.setVisible("resolved" in detail.next_statuses)
        self.reopen_button.setVisible("open" in detail.next_statuses)
        self.edit_button.setVisible(detail.can_edit)
        self.empty.hide()
        self.body.show()

    def set_order_choices(self, choices: Sequence[OrderChoice]) -> None:
        self.order.clear()
        self.order.addItem(self.tr("No order"), None)
        for choice in choices:
            self.order.addItem(order_choice_text(choice), choice.id)
        if self.detail is not None:
            self.order.setCurrentIndex(max(0, self.order.findData(self.detail.order_id)))
        self.values["order"].hide()
        self.order.show()

    def show_field_errors(self, errors: dict[str, str]) -> None:
        text = "\n".join(translate_text(problem) for problem in errors.values())
        self.resolution_error.setText(text)
        self.resolution_error.setVisible(bool(text))

    def _customer(self) -> None:
        if self.detail is not None and self.detail.customer is not None:
            self.open_customer.emit(self.detail.customer.id)

    def _want_orders(self) -> None:
        if self.detail is not None and self.detail.customer is not None:
            self.orders_wanted.emit(self.detail.customer.id)
