"""The profile's History tab words an audit entry's details like the data-subject copy does,
in the window's language: a report of this customer's orders shows its filters as words
(简体中文 in a Chinese window), never as the codes the log keeps."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication

from desktop.services.export_api import ExportRequest, ReportKind
from desktop.services.exports import ExportService
from desktop.services.order_views import OrderFilter
from desktop.ui import i18n
from desktop.ui.clipboard_guard import ClipboardGuard
from desktop.ui.pages.customers_page import CustomersPage
from desktop.ui.tasks import SynchronousTaskRunner
from tests.e2e.export_support import seed


@pytest.fixture
def chinese(qapp):
    i18n.install_translators(qapp, i18n.CHINESE)
    yield
    i18n.install_translators(qapp, i18n.ENGLISH)


def history_of(shop, qtbot, customer_id: int) -> list[str]:
    page = CustomersPage(shop.workspace, shop.owner, SynchronousTaskRunner(), ClipboardGuard())
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    row = next(r for r in range(page.model.rowCount())
               if page.model.customer_id(r) == customer_id)
    page.table.selectRow(row)
    panel = page.profile_panel
    qtbot.waitUntil(lambda: any("#" in text for text in panel.history_tab.texts()))
    return panel.history_tab.texts()


def test_an_order_report_of_the_customer_shows_its_filters_in_chinese(shop, qtbot, tmp_path,
                                                                       chinese):
    ids = seed(shop.workspace)
    ExportService(shop.workspace).export(shop.owner, ExportRequest(
        ReportKind.ORDERS, tmp_path / "orders.xlsx", purpose="对账",
        orders=OrderFilter(date_from=date(2024, 1, 1), status="paid", customer_id=ids[0])))

    history = "\n".join(history_of(shop, qtbot, ids[0]))

    def zh(text: str) -> str:
        translated = QCoreApplication.translate("ExportFile", text)
        assert translated != text  # the catalogue has it
        return translated

    assert f"{zh('Filters')}{zh('{label}: {value}').format(label='', value='')}" in history
    assert zh("Paid") in history and "2024-01-01" in history
    assert zh("customer record #{id}").format(id=ids[0]) in history
    for code in ("filter_", "paid", "status:", "Filters"):
        assert code not in history
