"""Past imports: undoing an import that updated orders (the next month's export with new
statuses) says that it gives them their details back, before and after."""

from __future__ import annotations

import pytest

from desktop.services.import_api import ImportBatch, ImportCounts
from desktop.ui import i18n
from desktop.ui.pages.import_history import ImportHistory
from desktop.ui.tasks import SynchronousTaskRunner
from tests.ui.import_fakes import FakeImportService
from tests.ui.test_import_wizard import OWNER


@pytest.fixture(params=[i18n.ENGLISH, i18n.CHINESE])
def language(request, qapp) -> str:
    i18n.install_translators(qapp, request.param)
    return request.param


def test_an_undo_of_order_updates_names_them(qtbot, language):
    history = ImportHistory(FakeImportService(), OWNER, SynchronousTaskRunner())
    qtbot.addWidget(history)
    counts = ImportCounts(updated=2, orders_updated=2)
    question = history.undo_question(
        ImportBatch(3, "六月.csv", "2026-11-29T10:39:00Z", "wang", counts, None))
    restored = history.undone_lines(ImportCounts(orders_updated=2, customers_updated=1))
    if language == i18n.ENGLISH:
        assert "• 2 orders it updated will get back the details they had before." in question
        assert restored == ["Restored: 1 customer, 2 orders."]
        assert history.undone_lines(ImportCounts(orders_updated=1)) == ["Restored: 1 order."]
    else:
        assert "• 这次导入更新过的 2 个订单恢复为导入前的信息。" in question
        assert restored == ["已恢复：客户 1 位、订单 2 个。"]
