"""The import wizard's widgets over an in-memory ImportServiceApi (tests/ui/import_fakes.py):
each step, the confirm before leaving rows out, cancel, drop, templates, history and undo.
The wizard over the real service and a real shop is in test_import_end_to_end.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication

from desktop.core.import_types import ImportTarget, MatchPolicy, RowAction
from desktop.core.models import User
from desktop.core.roles import Role
from desktop.services.import_api import ColumnMapping, SheetPreview
from desktop.services.session import Session
from desktop.ui import i18n
from desktop.ui.pages import import_pages_source, import_texts, import_wizard
from desktop.ui.pages.import_mapping_model import FIELD
from desktop.ui.pages.import_page import ImportPage
from desktop.ui.pages.import_pages_mapping import MappingStep
from desktop.ui.pages.import_wizard import (
    CHECK,
    DONE,
    FILE,
    HEADER,
    MAPPING,
    SHEET,
    ImportWizard,
)
from desktop.ui.tasks import SynchronousTaskRunner
from tests.ui.import_fakes import EXISTING_PHONE, FIELDS, FakeImportService

OWNER = Session(User(1, "wang", Role.OWNER))
STAFF = Session(User(2, "li", Role.STAFF))


def attach_testers(wizard: ImportWizard) -> None:
    fail = QAbstractItemModelTester.FailureReportingMode.Fatal
    wizard.testers = [  # type: ignore[attr-defined]
        QAbstractItemModelTester(wizard.mapping_step.model, fail, wizard),
        QAbstractItemModelTester(wizard.check_step.model, fail, wizard),
    ]


@pytest.fixture
def service() -> FakeImportService:
    return FakeImportService()


@pytest.fixture
def wizard(qtbot, service) -> ImportWizard:
    widget = ImportWizard(service, OWNER, SynchronousTaskRunner())
    qtbot.addWidget(widget)
    attach_testers(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


def to_mapping(wizard: ImportWizard, tmp_path: Path) -> None:
    wizard.open_file(tmp_path / "会员.xlsx")
    assert wizard.step == SHEET
    wizard.next_button.click()
    assert wizard.step == HEADER
    wizard.next_button.click()
    assert wizard.step == MAPPING


def set_field(wizard: ImportWizard, header: str, key: str | None) -> None:
    model = wizard.mapping_step.model
    for row, mapping in enumerate(model.mapping()):
        if mapping.header == header:
            assert model.setData(model.index(row, FIELD), key or "", Qt.ItemDataRole.EditRole)
            return
    raise AssertionError(header)


def test_choosing_a_file_shows_its_sheets_with_the_suggested_one_selected(
        wizard, tmp_path, monkeypatch):
    monkeypatch.setattr(import_pages_source, "choose_file_path",
                        lambda *_a: tmp_path / "会员.xlsx")
    assert wizard.step == FILE
    wizard.file_step.choose_button.click()
    assert wizard.step == SHEET
    assert wizard.sheet_step.selected_sheet() == "会员"
    assert wizard.sheet_step.file_label.text() == "会员.xlsx"
    assert wizard.sheet_step.kind_label.text() == "Excel workbook"
    texts = [wizard.sheet_step.sheets.item(r).text() for r in range(2)]
    assert "looks like a customer list" in texts[1] and "suggested" in texts[1]
    assert "not recognised" in texts[0]


def test_cancelled_file_dialog_changes_nothing(wizard, monkeypatch):
    monkeypatch.setattr(import_pages_source, "choose_file_path", lambda *_a: None)
    wizard.file_step.choose_button.click()
    assert wizard.step == FILE


def test_header_step_highlights_the_found_row_and_another_can_be_chosen(
        wizard, service, tmp_path):
    wizard.open_file(tmp_path / "会员.xlsx")
    wizard.next_button.click()
    step = wizard.header_step
    assert step.chosen_row == 1
    assert step.table.item(1, 0).font().bold() and not step.table.item(0, 0).font().bold()
    assert "row 2" in step.chosen_label.text()
    step.table.selectRow(0)
    assert step.chosen_row == 0
    assert step.table.item(0, 0).font().bold() and not step.table.item(1, 0).font().bold()
    wizard.next_button.click()  # another header row: the mapping is suggested for it again
    assert service.calls[-1] == "preview:会员:0"
    assert wizard.step == MAPPING
    assert wizard.preview.header_row == 0
    assert "No known layout" in wizard.mapping_step.layout_label.text()


def test_mapping_step_shows_layout_samples_and_grouped_field_combos(wizard, tmp_path):
    to_mapping(wizard, tmp_path)
    step = wizard.mapping_step
    assert step.layout_label.text() == "Recognised layout: Hand-kept membership sheet"
    model = step.model
    assert model.rowCount() == 6
    assert model.index(2, 0).data() == "C · 手机号"
    assert model.index(2, 1).data().startswith("13812345678  |  13987654321")
    assert model.index(2, FIELD).data() == "Mobile"
    combo = step.table.indexWidget(model.index(2, FIELD))
    assert combo is not None and combo.currentData() == "phone"
    items = [combo.itemText(i) for i in range(combo.count())]
    assert items[0] == "Ignore this column"
    assert items.index("Customers") < items.index("Mobile ★")
    assert "Order number" not in items  # a customer sheet maps customer fields
    heading = combo.model().item(items.index("Customers"))
    assert not heading.isEnabled()
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    assert model.mapping()[2].field is None
    step.target.setCurrentIndex(step.target.findData(ImportTarget.ORDERS))
    combo = step.table.indexWidget(model.index(0, FIELD))
    items = [combo.itemText(i) for i in range(combo.count())]
    assert items.index("Customers") < items.index("Orders") < items.index("Order number")
    assert "Feedback text" not in items
    assert wizard.current_request().target is ImportTarget.ORDERS


def test_mapping_warns_of_a_field_used_twice_and_of_no_identifier(wizard, tmp_path):
    to_mapping(wizard, tmp_path)
    step = wizard.mapping_step
    set_field(wizard, "备注", "name")
    assert step.problem.isVisible()
    assert "more than one column: Name" in step.problem.text()
    set_field(wizard, "备注", None)
    set_field(wizard, "手机号", None)
    set_field(wizard, "会员卡号", None)
    assert "No column is mapped to a field marked ★" in step.problem.text()
    assert wizard.next_button.isEnabled()  # rows will be rejected, but it may be checked
    for header in ("姓名", "生日", "积分"):
        set_field(wizard, header, None)
    assert not wizard.next_button.isEnabled()
    assert "at least one column" in step.problem.text()


def test_dry_run_counts_rows_reasons_and_filter_chips(wizard, tmp_path):
    to_mapping(wizard, tmp_path)
    set_field(wizard, "会员卡号", None)  # row 5 (no phone) becomes an error
    wizard.next_button.click()
    assert wizard.step == CHECK
    step = wizard.check_step
    model = step.model
    assert model.rowCount() == 7
    assert {a: model.count(a) for a in RowAction} == {
        RowAction.CREATE: 2, RowAction.UPDATE: 1, RowAction.DUPLICATE: 1,
        RowAction.SKIP: 2, RowAction.ERROR: 1}
    assert step.chips[RowAction.CREATE].text() == "2  New"
    step.chips[RowAction.ERROR].click()
    assert model.rowCount() == 1
    assert [model.index(0, c).data() for c in range(4)] == [
        "5", "Error", "王*",
        "The row has no mobile, member number, e-mail or platform account."]
    step.chips[RowAction.DUPLICATE].click()
    assert model.rowCount() == 2
    assert model.index(1, 3).data() == "Same as row 3"
    step.chips[RowAction.ERROR].click()
    step.chips[RowAction.DUPLICATE].click()
    assert model.rowCount() == 7
    warning_row = next(r for r in range(7) if model.index(r, 0).data() == "7")
    assert model.index(warning_row, 3).data() == (
        "Warning — Birthday: 2月30日 is not a real date; the birthday is left empty.")
    assert "2 blank, total or heading rows left out" in step.extra_label.text()


def test_errors_block_the_import_until_the_user_agrees_to_leave_them_out(
        wizard, service, tmp_path):
    to_mapping(wizard, tmp_path)
    set_field(wizard, "会员卡号", None)
    wizard.next_button.click()
    step = wizard.check_step
    assert step.errors_note.isVisible()
    assert step.errors_note.text().startswith("Rows with errors: 1. They cannot be imported.")
    assert not wizard.next_button.isEnabled()
    assert step.accept_errors.text() == (
        "Import the good rows (3) and leave out the rows with errors (1)")
    step.accept_errors.setChecked(True)
    assert wizard.next_button.isEnabled()
    step.back_to_mapping.emit()
    assert wizard.step == MAPPING
    set_field(wizard, "会员卡号", "member_no")  # fixed by the mapping: no errors left
    wizard.next_button.click()
    assert step.errors() == 0 and not step.errors_note.isVisible()
    assert wizard.next_button.isEnabled()
    assert service.runs == 0


def test_policy_reaches_the_dry_run(wizard, tmp_path):
    to_mapping(wizard, tmp_path)
    wizard.mapping_step.policy_buttons[MatchPolicy.SKIP].click()
    wizard.next_button.click()
    assert wizard.request.policy is MatchPolicy.SKIP
    assert wizard.check_step.model.count(RowAction.UPDATE) == 0


def test_import_runs_and_the_summary_offers_the_error_workbook(
        wizard, service, tmp_path, monkeypatch, qtbot):
    to_mapping(wizard, tmp_path)
    set_field(wizard, "会员卡号", None)
    wizard.next_button.click()
    wizard.check_step.accept_errors.setChecked(True)
    with qtbot.waitSignal(wizard.imported) as imported:
        wizard.next_button.click()
    assert imported.args == [1]
    assert wizard.step == DONE
    assert set(service.customers) == {EXISTING_PHONE, "13812345678", "13700001111"}
    lines = dict(wizard.summary_step.count_lines(wizard.result.counts))
    assert lines["New customers added"] == 2
    assert lines["Rows with errors left out"] == 1
    out = tmp_path / "errors.xlsx"
    monkeypatch.setattr(import_texts, "choose_save_path", lambda *_a: out)
    wizard.summary_step.save_button.click()
    assert out.read_text(encoding="utf-8") == (  # reasons in the UI language
        "5\tThe row has no mobile, member number, e-mail or platform account.")
    assert wizard.notice.text() == "Saved 1 row with its reason to errors.xlsx."
    with qtbot.waitSignal(wizard.open_records):
        wizard.summary_step.open_button.click()
    wizard.summary_step.again_button.click()
    assert wizard.step == FILE and wizard.report is None


def test_cancel_during_the_import_keeps_nothing_and_says_so(wizard, service, tmp_path):
    to_mapping(wizard, tmp_path)
    wizard.next_button.click()
    cancelled_at: list[int] = []

    def cancel_on_first_progress(done: int, total: int) -> None:
        if not cancelled_at:
            cancelled_at.append(done)
            wizard.run_step.cancel_button.click()

    wizard.run_step.bar.valueChanged.connect(lambda v: cancel_on_first_progress(v, 0))
    wizard.next_button.click()
    assert cancelled_at == [1]
    assert service.customers == {EXISTING_PHONE: "李四"}
    assert service.batch_list == []
    assert wizard.step == CHECK
    assert wizard.notice.text() == "The import was cancelled. Nothing was changed."
    assert wizard.next_button.isEnabled() and not wizard.busy


def test_while_a_call_runs_the_buttons_wait_and_the_dry_run_can_be_stopped(
        qtbot, service, tmp_path):
    runner = SynchronousTaskRunner(deferred=True)
    wizard = ImportWizard(service, OWNER, runner)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.open_file(tmp_path / "会员.xlsx")
    assert wizard.busy and not wizard.file_step.choose_button.isEnabled()
    assert wizard.busy_label.text() == "Reading the file…"
    runner.run_pending()
    wizard.next_button.click()
    runner.run_pending()
    wizard.next_button.click()
    assert wizard.step == MAPPING
    wizard.next_button.click()
    assert not wizard.next_button.isEnabled() and wizard.stop_button.isVisible()
    wizard.stop_button.click()
    runner.run_pending()
    assert wizard.step == MAPPING and not wizard.busy and "dry_run" not in service.calls


def test_a_file_dropped_on_the_wizard_is_opened(wizard, service, tmp_path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "dropped.csv"))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(wizard, enter)
    assert enter.isAccepted()
    assert wizard.file_step.drop_zone.property("active") == "true"
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(wizard, drop)
    assert wizard.step == SHEET
    assert wizard.sheet_step.file_label.text() == "dropped.csv"
    assert wizard.file_step.drop_zone.property("active") == "false"


def test_two_dropped_files_are_refused(wizard, tmp_path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "a.csv")),
                  QUrl.fromLocalFile(str(tmp_path / "b.csv"))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(wizard, enter)
    assert not enter.isAccepted()


def test_templates_are_saved_and_applied(wizard, service, tmp_path, monkeypatch):
    to_mapping(wizard, tmp_path)
    step = wizard.mapping_step
    assert not step.apply_button.isEnabled()
    set_field(wizard, "备注", None)
    monkeypatch.setattr(import_texts, "ask_text", lambda *_a: "  老王会员表 ")
    step.save_button.click()
    assert service.template_store["老王会员表"][5].field is None
    assert step.templates.currentText() == "老王会员表"
    assert wizard.notice.text() == 'Template "老王会员表" saved.'
    set_field(wizard, "备注", "notes")
    step.apply_button.click()
    assert step.model.mapping()[5].field is None


def test_a_role_that_may_not_import_gets_a_translated_message(qtbot, service, tmp_path):
    wizard = ImportWizard(service, STAFF, SynchronousTaskRunner())
    qtbot.addWidget(wizard)
    wizard.open_file(tmp_path / "x.xlsx")
    assert wizard.step == FILE
    assert wizard.error.text() == "Your role (Staff) may not do this: import."
    assert "Traceback" not in wizard.error.text()


def test_lock_forgets_what_was_read_from_the_file(wizard, tmp_path):
    to_mapping(wizard, tmp_path)
    wizard.next_button.click()
    forgotten = wizard.service.forgotten
    wizard.clear_sensitive()
    assert wizard.step == FILE
    assert wizard.service.forgotten == forgotten + 1  # the service drops its parsed sheet
    assert wizard.check_step.model.rowCount() == 0
    assert wizard.mapping_step.model.rowCount() == 0
    assert wizard.header_step.table.rowCount() == 0


def test_history_lists_batches_and_undoes_after_confirm(qtbot, service, tmp_path, monkeypatch):
    page = ImportPage(service, OWNER, SynchronousTaskRunner())
    qtbot.addWidget(page)
    QAbstractItemModelTester(page.history.model,
                             QAbstractItemModelTester.FailureReportingMode.Fatal, page)
    to_mapping(page.wizard, tmp_path)
    page.wizard.next_button.click()
    with qtbot.waitSignal(page.data_changed):
        page.wizard.next_button.click()
    page.show_history()
    history = page.history
    assert history.model.rowCount() == 1
    assert [history.model.index(0, c).data() for c in (0, 2, 3, 4)] == [
        "会员.xlsx", "wang", "3 new · 1 updated", "In effect"]
    assert not history.undo_button.isEnabled()
    history.table.selectRow(0)
    assert history.undo_button.isEnabled()
    questions: list[str] = []
    monkeypatch.setattr(import_texts, "ask_yes_no",
                        lambda _p, _t, text, _y: questions.append(text) or False)
    history.undo_button.click()
    assert len(service.customers) == 4  # said no: nothing undone
    assert "3 customers it added will be removed" in questions[0]
    assert "1 customer it updated will get back" in questions[0]
    monkeypatch.setattr(import_texts, "ask_yes_no", lambda *_a: True)
    with qtbot.waitSignal(page.data_changed):
        history.undo_button.click()
    assert service.customers == {EXISTING_PHONE: "李四"}
    assert history.model.index(0, 4).data() == "Undone"
    assert not history.undo_button.isEnabled()
    assert history.notice.text() == (
        "The import of 会员.xlsx was undone. Removed: 3 customers. Restored: 1 customer.")


def test_every_step_is_translated_to_chinese(qtbot, service, tmp_path, qapp):
    page = ImportPage(service, OWNER, SynchronousTaskRunner())
    qtbot.addWidget(page)
    wizard = page.wizard
    to_mapping(wizard, tmp_path)
    i18n.install_translators(qapp, i18n.CHINESE)
    qapp.processEvents()
    assert wizard.next_button.text() == "检查每一行"
    assert page.tabs.tabText(1) == "导入记录"
    assert wizard.mapping_step.policy_caption.text() == "店里已有的客户："
    wizard.next_button.click()
    assert wizard.check_step.chips[RowAction.CREATE].text() == "新建  3"
    assert wizard.check_step.model.headerData(1, Qt.Orientation.Horizontal) == "结果"



def test_an_import_that_ends_behind_the_lock_screen_shows_only_its_counts(
        qtbot, service, tmp_path):
    runner = SynchronousTaskRunner(deferred=True)
    page = ImportPage(service, OWNER, runner)
    qtbot.addWidget(page)
    wizard = page.wizard
    wizard.open_file(tmp_path / "会员.xlsx")
    for _ in range(3):
        runner.run_pending()
        wizard.next_button.click()
    runner.run_pending()
    assert wizard.step == CHECK
    wizard.next_button.click()
    page.clear_sensitive()  # locked while the import runs: it goes on
    assert wizard.step == import_wizard.RUN
    runner.run_pending()
    assert wizard.step == DONE and service.runs == 1
    assert wizard.report is None and wizard.check_step.model.rowCount() == 0
    assert not wizard.summary_step.save_button.isVisibleTo(wizard.summary_step)
    page.restore_after_unlock()
    assert not wizard.locked


def test_two_columns_the_layout_itself_puts_on_one_field_are_not_warned_about(qtbot):
    step = MappingStep(FIELDS)
    qtbot.addWidget(step)
    mapping = (ColumnMapping(0, "买家留言", "notes"), ColumnMapping(1, "订单备注", "notes"),
               ColumnMapping(2, "联系手机", "phone"), ColumnMapping(3, "姓名", None))
    step.set_preview(SheetPreview("orders", 0, (("买家留言", "订单备注", "联系手机", "姓名"),),
                                  "taobao_orders", "Taobao / Tmall order list",
                                  ImportTarget.CUSTOMERS, mapping))
    assert "more than one column" not in step.problem.text()
    assert step.model.setData(step.model.index(3, FIELD), "phone")
    assert "more than one column: Mobile" in step.problem.text()


def test_the_run_shows_its_progress_as_a_share_not_as_rows(qtbot, qapp):
    # The service reports steps of the whole work (reading, checking, saving) out of a
    # fixed total; "row 480 of 1000" for a 100,000-row file was what the label said.
    from desktop.ui.pages.import_pages_result import RunStep

    step = RunStep()
    qtbot.addWidget(step)
    step.start()
    assert step.progress_label.text() == "Starting…"
    step.set_progress(480, 1000)
    assert step.progress_label.text() == "48% done"
    assert (step.bar.value(), step.bar.maximum()) == (480, 1000)
    i18n.install_translators(qapp, i18n.CHINESE)
    try:
        qapp.processEvents()
        assert step.progress_label.text() == "已完成 48%"
    finally:
        i18n.install_translators(qapp, i18n.ENGLISH)
        qapp.processEvents()
