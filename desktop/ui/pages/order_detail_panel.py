"""The detail panel of the orders page: one order's header, delivery, items and amounts."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.order_views import OrderDetail
from desktop.ui.models.orders_model import format_cents, local_time_text, order_status_text
from desktop.ui.pages.order_dialog import RIGHT, customer_text
from desktop.ui.pages.order_items_table import ItemsTable
from desktop.ui.shell.style import button, label


def value_label() -> QLabel:
    widget = label("detailValue", selectable=True)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


class OrderDetailPanel(QWidget):
    """One order: header, delivery, items and amounts."""

    open_customer = Signal(int)
    edit_requested = Signal(int)

    FIELDS = ("ordered", "channel", "customer", "recipient", "phone", "address", "notes")
    AMOUNTS = ("goods", "discount", "shipping", "payable", "paid")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: OrderDetail | None = None
        self.title = label("sectionHeading")
        self.empty = label("hint")
        self.masked_hint = label("hint")
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        self.customer_button = button("openCustomer", "link")
        self.edit_button = button("editOrder")
        self.items = ItemsTable()
        self.summary_hint = label("hint")
        grid, amounts = QGridLayout(), QGridLayout()
        for row, name in enumerate(self.FIELDS):
            self._pair(grid, row, name)
        grid.addWidget(self.customer_button, self.FIELDS.index("customer"), 2)
        grid.setColumnStretch(1, 1)
        for row, name in enumerate(self.AMOUNTS):
            self._pair(amounts, row, name)
            self.values[name].setAlignment(Qt.AlignmentFlag.AlignRight)
        amounts.setColumnStretch(0, 1)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.edit_button)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(title_row)
        body.addWidget(self.masked_hint)
        body.addLayout(grid)
        body.addWidget(self.items)
        body.addWidget(self.summary_hint)
        body.addLayout(amounts)
        body.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.empty)
        layout.addWidget(self.body, 1)
        self.customer_button.clicked.connect(self._open_customer)
        self.edit_button.clicked.connect(self._edit)
        self.retranslateUi()
        self.clear()

    def _pair(self, grid: QGridLayout, row: int, name: str) -> None:
        self.captions[name] = label("fieldLabel", wrap=False)
        self.values[name] = value_label()
        grid.addWidget(self.captions[name], row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.values[name], row, 1)

    def retranslateUi(self) -> None:
        texts = {
            "ordered": self.tr("Ordered"), "channel": self.tr("Channel"),
            "customer": self.tr("Customer"), "recipient": self.tr("Recipient"),
            "phone": self.tr("Phone"), "address": self.tr("Address"), "notes": self.tr("Notes"),
            "goods": self.tr("Goods total"), "discount": self.tr("Discount"),
            "shipping": self.tr("Shipping"), "payable": self.tr("Payable"),
            "paid": self.tr("Paid"),
        }
        for name, caption in self.captions.items():
            caption.setText(texts[name])
        self.empty.setText(self.tr("Choose an order to see its items and amounts."))
        self.masked_hint.setText(self.tr("Personal details are masked for your role."))
        self.customer_button.setText(self.tr("Open customer"))
        self.edit_button.setText(self.tr("Edit…"))
        self.summary_hint.setText(self.tr(
            "* This line is the order's products as an order list gives them (e.g. Taobao's "
            "订单列表), not its real items. Import the platform's order details file to get "
            "each item."))
        self.items.setHorizontalHeaderLabels(
            [self.tr("Product"), self.tr("Quantity"), self.tr("Unit price"), self.tr("Amount")])
        if self.detail is not None:
            self.show_detail(self.detail)

    def clear(self) -> None:
        self.detail = None
        self.items.setRowCount(0)
        for value in self.values.values():
            value.clear()
        self.title.clear()
        self.body.hide()
        self.empty.show()

    def show_detail(self, detail: OrderDetail) -> None:
        self.detail = detail
        self.title.setText(self.tr("Order {number} · {status}").format(
            number=detail.order_no, status=order_status_text(detail.status)))
        texts = {
            "ordered": local_time_text(detail.ordered_at), "channel": detail.channel,
            "customer": customer_text(detail.customer) if detail.customer else "—",
            "recipient": detail.ship_name, "phone": detail.ship_phone,
            "address": detail.ship_address, "notes": detail.notes,
            "goods": format_cents(detail.total_cents),
            "discount": format_cents(-detail.discount_cents),
            "shipping": format_cents(detail.shipping_cents),
            "payable": format_cents(detail.payable_cents), "paid": format_cents(detail.paid_cents),
        }
        for name, text in texts.items():
            self.values[name].setText(text or "—")
        self.items.setRowCount(len(detail.items))
        for row, item in enumerate(detail.items):
            name = f"{item.product_name} ({item.sku})" if item.sku else item.product_name
            if item.summary:
                name = f"* {name}"
            for column, text in enumerate((name, str(item.quantity),
                                           format_cents(item.unit_price_cents),
                                           format_cents(item.amount_cents))):
                cell = QTableWidgetItem(text)
                if column:
                    cell.setTextAlignment(RIGHT)
                else:
                    cell.setToolTip(text)
                self.items.setItem(row, column, cell)
        self.items.fit_rows()
        self.summary_hint.setVisible(any(item.summary for item in detail.items))
        self.customer_button.setVisible(detail.customer is not None)
        self.edit_button.setVisible(detail.can_edit)
        self.masked_hint.setVisible(bool(detail.masked))
        self.empty.hide()
        self.body.show()

    def _edit(self) -> None:
        if self.detail is not None:
            self.edit_requested.emit(self.detail.id)

    def _open_customer(self) -> None:
        if self.detail is not None and self.detail.customer is not None:
            self.open_customer.emit(self.detail.customer.id)
