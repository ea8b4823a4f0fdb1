"""The order forms: the add/edit dialog with its items table, and the detail panel.

Forms only: the page runs lookups and the save through the service (in the background)
and hands field errors back with :meth:`OrderDialog.show_errors`, each shown at its field —
item problems at their cell and in a line under the table."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import InvalidInputError
from desktop.core.validation import parse_amount_cents
from desktop.services.order_views import CustomerRef, OrderDraft, OrderItemDraft
from desktop.ui.error_text import translate_text
from desktop.ui.models.orders_model import format_cents, order_status_text
from desktop.ui.shell.style import button, label, set_property

ITEM_FIELDS = ("product_name", "sku", "quantity", "unit_price")
AMOUNT_COLUMN = 4
_ERROR_BRUSH = QBrush(QColor("#fdecea"))
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def customer_text(ref: CustomerRef) -> str:
    return " · ".join(part for part in (ref.name, ref.phone, ref.member_no) if part)


def _cents(text: str) -> int | None:
    try:
        return parse_amount_cents(text) if text.strip() else 0
    except InvalidInputError:
        return None


class OrderDialog(QDialog):
    submitted = Signal(object)
    """An :class:`OrderDraft` to validate and save."""
    customer_lookup = Signal(str)
    """The user asked to find a customer by member no., phone or its last 4 digits."""

    def __init__(
        self, draft: OrderDraft, *, editing: bool, channels: Sequence[str],
        statuses: Sequence[str], customer: CustomerRef | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("orderDialog")
        self.editing = editing
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.form_error = label("formError")
        self.form_error.hide()
        self.order_no = self._line("order_no")
        self.channel = QComboBox()
        self.channel.setEditable(True)
        self.channel.addItems(list(channels))
        self.status = QComboBox()
        for status in statuses:
            self.status.addItem(order_status_text(status), status)
        self.ordered_at = self._line("ordered_at")
        self.customer_find = QLineEdit()
        self.find_button = button("findCustomer")
        self.customer = QComboBox()
        self.ship_name, self.ship_phone = self._line("ship_name"), self._line("ship_phone")
        self.ship_address, self.notes = self._line("ship_address"), self._line("notes")
        self.items = QTableWidget(0, 5)
        self.add_item, self.remove_item = button("addItem"), button("removeItem")
        self.discount, self.shipping = self._line("discount"), self._line("shipping")
        self.paid = self._line("paid")
        self.totals = label("hint")
        self.save_button = button("saveOrder", "primary")
        self.cancel_button = button("cancelOrder")
        self.inputs.update(channel=self.channel, status=self.status, customer=self.customer_find,
                           items=self.items)
        self._build()
        self._connect()
        self.retranslateUi()
        self._fill(draft, customer)

    # ------------------------------------------------------------------ building

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        self.inputs[name] = edit
        return edit

    def _field(self, grid: QGridLayout, row: int, col: int, name: str, widget: QWidget) -> None:
        caption = label("fieldLabel", wrap=False)
        caption.setProperty("field", name)
        error = label("fieldError")
        error.hide()
        self.errors[name] = error
        grid.addWidget(caption, row, col)
        grid.addWidget(widget, row, col + 1)
        grid.addWidget(error, row + 1, col + 1)
        caption.setBuddy(widget)

    def _build(self) -> None:
        self.setMinimumWidth(820)
        self.resize(900, 700)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        finder = QHBoxLayout()
        finder.addWidget(self.customer_find, 1)
        finder.addWidget(self.find_button)
        finder_box = QWidget()
        finder_box.setLayout(finder)
        finder.setContentsMargins(0, 0, 0, 0)
        left = (("order_no", self.order_no), ("channel", self.channel),
                ("status", self.status), ("ordered_at", self.ordered_at))
        right = (("ship_name", self.ship_name), ("ship_phone", self.ship_phone),
                 ("ship_address", self.ship_address), ("notes", self.notes))
        for n, (name, widget) in enumerate(left):
            self._field(grid, 2 * n, 0, name, widget)
        for n, (name, widget) in enumerate(right):
            self._field(grid, 2 * n, 2, name, widget)
        self._field(grid, 8, 0, "customer", finder_box)
        grid.addWidget(self.customer, 10, 1, 1, 3)
        self.items.verticalHeader().setVisible(False)
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.items.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.items.setMinimumHeight(150)
        item_buttons = QHBoxLayout()
        item_buttons.addWidget(self.add_item)
        item_buttons.addWidget(self.remove_item)
        item_buttons.addStretch(1)
        self.errors["items"] = label("fieldError")
        self.errors["items"].hide()
        amounts = QGridLayout()
        amounts.setHorizontalSpacing(12)
        for n, (name, widget) in enumerate(
            (("discount", self.discount), ("shipping", self.shipping), ("paid", self.paid))
        ):
            self._field(amounts, 0, 2 * n, name, widget)
            amounts.setColumnStretch(2 * n + 1, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.totals, 1)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.save_button)
        self.items_caption = label("sectionHeading", wrap=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.addWidget(self.form_error)
        layout.addLayout(grid)
        layout.addWidget(self.items_caption)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.errors["items"])
        layout.addLayout(item_buttons)
        layout.addLayout(amounts)
        layout.addLayout(actions)

    def _connect(self) -> None:
        self.add_item.clicked.connect(lambda: self._append_item(OrderItemDraft("")))
        self.remove_item.clicked.connect(self._remove_selected)
        self.items.itemChanged.connect(self._recompute)
        for edit in (self.discount, self.shipping, self.paid):
            edit.textChanged.connect(self._recompute)
        self.find_button.clicked.connect(self._lookup)
        self.customer_find.returnPressed.connect(self._lookup)
        self.save_button.clicked.connect(lambda: self.submitted.emit(self.draft()))
        self.cancel_button.clicked.connect(self.reject)

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Edit order") if self.editing else self.tr("Add order"))
        captions = {
            "order_no": self.tr("Order no."), "channel": self.tr("Channel"),
            "status": self.tr("Status"), "ordered_at": self.tr("Ordered"),
            "customer": self.tr("Customer"), "ship_name": self.tr("Recipient"),
            "ship_phone": self.tr("Phone"), "ship_address": self.tr("Address"),
            "notes": self.tr("Notes"), "discount": self.tr("Discount"),
            "shipping": self.tr("Shipping"), "paid": self.tr("Paid"),
        }
        for caption in self.findChildren(QLabel, "fieldLabel"):
            caption.setText(captions.get(str(caption.property("field")), ""))
        self.ordered_at.setPlaceholderText(self.tr("e.g. 2024-01-05 14:30 (empty: now)"))
        self.customer_find.setPlaceholderText(self.tr("Member no., phone or its last 4 digits"))
        self.paid.setPlaceholderText(self.tr("Empty: the amount payable"))
        self.find_button.setText(self.tr("Find"))
        self.items.setHorizontalHeaderLabels(
            [self.tr("Product"), self.tr("SKU"), self.tr("Quantity"), self.tr("Unit price"),
             self.tr("Amount")])
        self.items_caption.setText(self.tr("Items"))
        self.add_item.setText(self.tr("Add item"))
        self.remove_item.setText(self.tr("Remove item"))
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))
        if self.customer.count():
            self.customer.setItemText(0, self.tr("No customer"))
        self._recompute()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    # ------------------------------------------------------------------ content

    def _fill(self, draft: OrderDraft, customer: CustomerRef | None) -> None:
        self.order_no.setText(draft.order_no)
        self.channel.setCurrentText(draft.channel)
        self.status.setCurrentIndex(max(0, self.status.findData(draft.status)))
        self.ordered_at.setText(draft.ordered_at)
        self.set_customer_choices([customer] if customer else [], keep_current=False)
        for name in ("ship_name", "ship_phone", "ship_address", "notes", "discount",
                     "shipping", "paid"):
            edit = self.inputs[name]
            assert isinstance(edit, QLineEdit)
            edit.setText(getattr(draft, name))
        for item in draft.items or (OrderItemDraft(""),):
            self._append_item(item)
        self._recompute()

    def set_customer_choices(
        self, refs: Sequence[CustomerRef], *, keep_current: bool = True
    ) -> None:
        """Offer ``refs`` (masked) in the customer list; the first one is selected."""
        current = self.customer.currentData() if keep_current else None
        kept = self.customer.currentText() if current is not None else ""
        self.customer.clear()
        self.customer.addItem(self.tr("No customer"), None)
        if current is not None and all(ref.id != current for ref in refs):
            self.customer.addItem(kept, current)
        for ref in refs:
            self.customer.addItem(customer_text(ref), ref.id)
        self.customer.setCurrentIndex(1 if self.customer.count() > 1 else 0)
        if current is not None and not refs:
            self.customer.setCurrentIndex(self.customer.findData(current))

    def _lookup(self) -> None:
        text = self.customer_find.text().strip()
        if text:
            self.customer_lookup.emit(text)

    def _append_item(self, item: OrderItemDraft) -> None:
        self.items.blockSignals(True)
        row = self.items.rowCount()
        self.items.insertRow(row)
        for column, value in enumerate((item.product_name, item.sku, item.quantity,
                                        item.unit_price)):
            self.items.setItem(row, column, QTableWidgetItem(value))
        amount = QTableWidgetItem("")
        amount.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.items.setItem(row, AMOUNT_COLUMN, amount)
        self.items.blockSignals(False)
        self._recompute()

    def _remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.items.selectedIndexes()}, reverse=True)
        for row in rows or [self.items.rowCount() - 1]:
            if row >= 0:
                self.items.removeRow(row)
        self._recompute()

    def _cell(self, row: int, column: int) -> str:
        item = self.items.item(row, column)
        return item.text() if item is not None else ""

    def _recompute(self) -> None:
        total = 0
        self.items.blockSignals(True)
        for row in range(self.items.rowCount()):
            quantity_text = self._cell(row, 2).strip()
            price = _cents(self._cell(row, 3))
            ok = quantity_text.isdigit() and price is not None and self._cell(row, 3).strip()
            amount = int(quantity_text) * (price or 0) if ok else None
            total += amount or 0
            cell = self.items.item(row, AMOUNT_COLUMN)
            if cell is not None:
                cell.setText("" if amount is None else format_cents(amount))
        self.items.blockSignals(False)
        discount, shipping = _cents(self.discount.text()), _cents(self.shipping.text())
        payable = total - (discount or 0) + (shipping or 0)
        self.totals.setText(self.tr("Goods {goods} · Payable {payable}").format(
            goods=format_cents(total), payable=format_cents(payable)))

    def draft(self) -> OrderDraft:
        items = tuple(
            OrderItemDraft(product_name=self._cell(r, 0), sku=self._cell(r, 1),
                           quantity=self._cell(r, 2), unit_price=self._cell(r, 3))
            for r in range(self.items.rowCount())
        )
        customer = self.customer.currentData()
        return OrderDraft(
            order_no=self.order_no.text(), channel=self.channel.currentText(),
            status=str(self.status.currentData() or ""), ordered_at=self.ordered_at.text(),
            customer_id=None if customer is None else int(customer),
            ship_name=self.ship_name.text(), ship_phone=self.ship_phone.text(),
            ship_address=self.ship_address.text(), notes=self.notes.text(),
            discount=self.discount.text(), shipping=self.shipping.text(), paid=self.paid.text(),
            items=items,
        )

    # ------------------------------------------------------------------ feedback

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        self.save_button.setText(self.tr("Saving…") if busy else self.tr("Save"))

    def show_form_error(self, text: str) -> None:
        self.form_error.setText(text)
        self.form_error.setVisible(bool(text))

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each problem at its field; clear the ones that are fixed."""
        self.set_busy(False)
        self.show_form_error(self.tr("Please correct the highlighted fields.") if errors else "")
        for name, error in self.errors.items():
            text = translate_text(errors[name]) if name in errors else ""
            error.setText(text)
            error.setVisible(bool(text))
            widget = self.inputs.get(name)
            if widget is not None:
                set_property(widget, "invalid", "true" if text else "false")
        item_lines = [] if "items" not in errors else [translate_text(errors["items"])]
        for row in range(self.items.rowCount()):
            for column, field in enumerate(ITEM_FIELDS):
                problem = errors.get(f"item.{row}.{field}")
                cell = self.items.item(row, column)
                if cell is None:
                    continue
                cell.setBackground(_ERROR_BRUSH if problem else QBrush())
                cell.setToolTip(translate_text(problem) if problem else "")
                if problem:
                    item_lines.append(self.tr("Row {row}: {problem}").format(
                        row=row + 1, problem=translate_text(problem)))
        self.errors["items"].setText("\n".join(item_lines))
        self.errors["items"].setVisible(bool(item_lines))
        layout = self.layout()
        if layout is not None:
            layout.activate()  # error lines take room: grow rather than squeeze the fields
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))
        first = next((w for n, w in self.inputs.items() if n in errors), None)
        if first is not None:
            first.setFocus()

