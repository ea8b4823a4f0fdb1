"""The export dialog over an in-test export service: what it says will leave the shop, the
choices it sends, progress and cancel, errors that keep every choice, and the owner's
unmasked export with its password shown once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtTest import QAbstractItemModelTester

from desktop.core.errors import BackupError
from desktop.core.models import User
from desktop.core.roles import Role
from desktop.services.customer_views import CustomerFilter, CustomerSort
from desktop.services.export_api import CsvEncoding, ExportFormat, ReportKind
from desktop.services.order_views import FeedbackFilter, OrderFilter
from desktop.services.session import Session
from desktop.ui.clipboard_guard import ClipboardGuard
from desktop.ui.pages.export_dialog import ExportDialog
from desktop.ui.pages.export_scope import ExportScope, scope_sentence
from desktop.ui.tasks import SynchronousTaskRunner
from tests.ui.export_fakes import FILE_PASSWORD, OWNER_PASSWORD, FakeExportService

TODAY = date(2026, 11, 29)
OWNER = Session(User(1, "wang", Role.OWNER))
MANAGER = Session(User(2, "zhao", Role.MANAGER))
SEARCH = ExportScope(ReportKind.CUSTOMERS, customers=CustomerFilter(text="张", city="北京"),
                     customer_sort=CustomerSort.NAME, count=lambda: 1234)


@pytest.fixture
def clipboard(qapp) -> Iterator[QClipboard]:
    board = QGuiApplication.clipboard()
    board.clear()
    yield board
    board.clear()


@pytest.fixture
def make_dialog(qtbot, tmp_path):
    def make(session: Session = MANAGER, scope: ExportScope = SEARCH, *,
             service: FakeExportService | None = None,
             runner: SynchronousTaskRunner | None = None) -> ExportDialog:
        dialog = ExportDialog(service or FakeExportService(), session,
                              runner or SynchronousTaskRunner(), ClipboardGuard(), scope,
                              folder=tmp_path, today=TODAY)
        qtbot.addWidget(dialog)
        dialog.opened_folders = []  # type: ignore[attr-defined]
        dialog.open_folder = dialog.opened_folders.append  # type: ignore[attr-defined]
        dialog.open()
        return dialog

    return make


def choose_first_purpose(dialog: ExportDialog) -> str:
    dialog.form.purpose_combo.setCurrentIndex(1)
    return dialog.form.purpose_combo.currentText()


# ------------------------------------------------------------------------- what and how


def test_it_says_what_will_be_exported_with_the_count_and_the_filter(make_dialog):
    dialog = make_dialog()

    assert dialog.windowTitle() == "Export customers"
    assert dialog.scope_label.text() == "The 1,234 customers matching ‘张’, in 北京."
    assert "138****5678" in dialog.masked_notice.text()


@pytest.mark.parametrize(("scope", "expected"), [
    (ExportScope(ReportKind.CUSTOMERS, customers=CustomerFilter()), "All customers."),
    (ExportScope(ReportKind.CUSTOMERS, customers=CustomerFilter(
        tag="VIP", level="Gold", added_from="2026-01-01", added_to="2026-03-31")),
     "The customers tagged ‘VIP’, at level Gold, added from 2026-01-01, "
     "added until 2026-03-31."),
    (ExportScope(ReportKind.ORDERS, orders=OrderFilter(
        date_from=date(2026, 11, 1), status="paid", channel="淘宝")),
     "The orders (with their items) ordered from 2026-11-01, with status Paid, "
     "from channel 淘宝."),
    (ExportScope(ReportKind.FEEDBACK, feedback=FeedbackFilter(
        kind="complaint", overdue_only=True)),
     "The feedback items of kind Complaint, overdue complaints only."),
])
def test_every_filter_is_put_in_words(qapp, scope, expected):
    assert scope_sentence(scope, None) == expected


def test_counts_read_naturally(qapp):
    orders = ExportScope(ReportKind.ORDERS, orders=OrderFilter())
    assert scope_sentence(orders, 1) == "All 1 order (with its items)."
    assert scope_sentence(orders, 20_000) == "All 20,000 orders (with their items)."


def test_an_empty_selection_is_pointed_out(make_dialog):
    dialog = make_dialog(scope=ExportScope(ReportKind.CUSTOMERS, customers=CustomerFilter(
        text="nobody"), count=lambda: 0))
    assert dialog.scope_label.text() == (
        "The 0 customers matching ‘nobody’. Nothing matches: the file will hold only the "
        "headers.")


def test_default_columns_are_ticked_and_personal_ones_marked(make_dialog):
    dialog = make_dialog()
    listing = dialog.form.columns_list
    QAbstractItemModelTester(listing.model(),
                             QAbstractItemModelTester.FailureReportingMode.Fatal)
    texts = [listing.item(row).text() for row in range(listing.count())]

    assert texts[:3] == ["Member no.", "Name · personal", "Phone · personal"]
    assert dialog.form.chosen_columns() == (
        "customer.member_no", "customer.name", "customer.phone", "customer.city",
        "customer.points")


def test_the_purpose_is_required_before_exporting(make_dialog):
    dialog = make_dialog()
    assert not dialog.export_button.isEnabled()
    assert dialog.problem_label.text() == "Choose or type the purpose of this export."

    dialog.form.purpose_combo.setCurrentIndex(dialog.form.purpose_combo.count() - 1)  # Other…
    assert dialog.form.other_purpose.isVisible()
    assert not dialog.export_button.isEnabled()
    dialog.form.other_purpose.setText("  季度   对账 ")

    assert dialog.export_button.isEnabled()
    assert dialog.form.purpose() == "季度 对账"
    assert not dialog.problem_label.isVisible()


def test_no_column_no_export(make_dialog):
    dialog = make_dialog()
    choose_first_purpose(dialog)
    dialog.form.set_columns_checked([])
    assert not dialog.export_button.isEnabled()
    assert dialog.problem_label.text() == "Choose at least one column."

    dialog.form.restore_default_columns()
    assert dialog.export_button.isEnabled()


def test_a_folder_that_does_not_exist_is_named(make_dialog, tmp_path):
    dialog = make_dialog()
    choose_first_purpose(dialog)
    dialog.form.path_edit.setText(str(tmp_path / "gone" / "a.xlsx"))

    assert not dialog.export_button.isEnabled()
    assert str(tmp_path / "gone") in dialog.problem_label.text()


# ------------------------------------------------------------------------- masked export


def test_a_manager_exports_the_search_masked_and_sees_where_it_went(make_dialog, qtbot,
                                                                     tmp_path):
    service = FakeExportService()
    dialog = make_dialog(service=service)
    assert not dialog.unmasked_button.isVisible()  # managers export masked only
    purpose = choose_first_purpose(dialog)
    dialog.form.pseudonym_check.setChecked(True)

    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    [request] = service.requests
    out = tmp_path / "customers-2026-11-29.xlsx"
    assert request.out == out and out.is_file()
    assert request.kind is ReportKind.CUSTOMERS and request.fmt is ExportFormat.XLSX
    assert request.customers == SEARCH.customers
    assert request.customer_sort is CustomerSort.NAME
    assert request.purpose == purpose == "Accountant reconciliation"
    assert request.pseudonymous_key
    assert request.columns == dialog.form.chosen_columns()
    text = dialog.result_label.text().replace("\u200b", "")
    assert text.startswith(f"Exported 1,234 rows to {out}.")
    assert dialog.result_label.isVisible() and dialog.open_folder_button.isVisible()

    qtbot.mouseClick(dialog.open_folder_button, Qt.MouseButton.LeftButton)
    assert dialog.opened_folders == [tmp_path]


def test_csv_asks_for_the_encoding_and_changes_the_file_suffix(make_dialog, qtbot, tmp_path):
    service = FakeExportService()
    dialog = make_dialog(service=service)
    assert not dialog.form.encoding_combo.isVisible()
    choose_first_purpose(dialog)

    dialog.form.csv_radio.click()
    assert dialog.form.encoding_combo.isVisible()
    dialog.form.encoding_combo.setCurrentIndex(1)
    assert dialog.form.path_edit.text().endswith("customers-2026-11-29.csv")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    [request] = service.requests
    assert request.fmt is ExportFormat.CSV
    assert request.csv_encoding is CsvEncoding.GB18030
    assert request.out == tmp_path / "customers-2026-11-29.csv"


def test_an_existing_file_is_replaced_only_when_confirmed(make_dialog, qtbot, tmp_path):
    service = FakeExportService()
    dialog = make_dialog(service=service)
    choose_first_purpose(dialog)
    out = tmp_path / "customers-2026-11-29.xlsx"
    out.write_text("keep me", encoding="utf-8")

    dialog.export_button.click()
    assert dialog.replace_box is not None and "customers-2026-11-29.xlsx" in (
        dialog.replace_box.text())
    dialog.replace_box.reject()
    assert service.requests == [] and out.read_text(encoding="utf-8") == "keep me"

    dialog.export_button.click()
    box = dialog.replace_box
    assert box is not None
    next(b for b in box.buttons() if b.text() == "Replace").click()
    assert len(service.requests) == 1 and out.read_text(encoding="utf-8") == "fake export"


def test_progress_shows_while_running_and_the_window_stays_usable(make_dialog, qtbot):
    runner = SynchronousTaskRunner(deferred=True)
    service = FakeExportService()
    dialog = make_dialog(runner=runner, service=service)
    runner.run_pending()  # the count
    choose_first_purpose(dialog)

    dialog.export_button.click()

    assert dialog.running
    assert dialog.progress_bar.isVisible() and dialog.cancel_button.isVisible()
    assert not dialog.export_button.isVisible() and not dialog.form.isEnabled()
    assert dialog.progress_label.text() == "Preparing the export…"
    seen: list[tuple[str, int, int]] = []
    bar = dialog.progress_bar
    service.on_step = lambda: seen.append(
        (dialog.progress_label.text(), bar.value(), bar.maximum()))
    runner.run_pending()
    assert seen[0] == ("Exporting… 0 of 1,234 rows", 0, 1234)
    assert seen[-1] == ("Exporting… 1,234 of 1,234 rows", 1234, 1234)
    assert not dialog.running and dialog.form.isEnabled()
    assert not dialog.progress_bar.isVisible()


def test_cancel_stops_the_export_leaves_no_file_and_keeps_the_choices(make_dialog, tmp_path):
    service = FakeExportService()
    runner = SynchronousTaskRunner(deferred=True)
    dialog = make_dialog(service=service, runner=runner)
    runner.run_pending()
    choose_first_purpose(dialog)
    dialog.form.csv_radio.click()
    service.on_step = dialog.cancel_button.click  # the user cancels as the export starts

    dialog.export_button.click()
    runner.run_pending()

    assert not dialog.running
    assert dialog.error_label.text() == "Export cancelled. No file was written."
    assert list(tmp_path.iterdir()) == []
    assert dialog.form.fmt() is ExportFormat.CSV
    assert dialog.form.purpose() == "Accountant reconciliation"
    assert dialog.export_button.isEnabled()


def test_closing_while_running_cancels_first(make_dialog):
    runner = SynchronousTaskRunner(deferred=True)
    dialog = make_dialog(runner=runner)
    runner.run_pending()
    choose_first_purpose(dialog)
    dialog.export_button.click()

    dialog.reject()
    assert dialog.isVisible() and dialog.progress_label.text() == "Cancelling…"
    runner.run_pending()
    assert dialog.error_label.text() == "Export cancelled. No file was written."
    dialog.reject()
    assert not dialog.isVisible()


def test_an_error_is_shown_translated_and_nothing_is_lost(make_dialog, qtbot, tmp_path):
    service = FakeExportService(fail_with=BackupError(path="x", problem="The disk is full."))
    dialog = make_dialog(service=service)
    dialog.form.purpose_combo.setCurrentIndex(dialog.form.purpose_combo.count() - 1)
    dialog.form.other_purpose.setText("给会计对账")
    dialog.form.set_columns_checked(["customer.name"])

    dialog.export_button.click()

    assert dialog.error_label.isVisible()
    assert "The disk is full." in dialog.error_label.text()
    assert dialog.isVisible() and dialog.export_button.isEnabled()
    assert dialog.form.purpose() == "给会计对账"
    assert dialog.form.chosen_columns() == ("customer.name",)

    service.fail_with = None
    dialog.export_button.click()
    assert not dialog.error_label.isVisible() and dialog.result_label.isVisible()


def test_a_dialog_deleted_while_exporting_ignores_the_late_outcome(make_dialog, qtbot):
    runner = SynchronousTaskRunner(deferred=True)
    service = FakeExportService()
    dialog = make_dialog(runner=runner, service=service)
    runner.run_pending()
    choose_first_purpose(dialog)
    dialog.export_button.click()

    dialog.deleteLater()
    qtbot.waitUntil(lambda: not _alive(dialog))
    runner.run_pending()  # cancelled by the deletion: nothing written, nothing raised
    assert service.requests == []


def _alive(widget: object) -> bool:
    from shiboken6 import isValid

    return isValid(widget)


# ------------------------------------------------------------------------- unmasked (owner)


def test_unmasked_needs_the_owner_password_and_shows_the_file_password_once(
        make_dialog, qtbot, clipboard, tmp_path):
    service = FakeExportService()
    dialog = make_dialog(OWNER, service=service)
    assert dialog.unmasked_button.isVisible()
    dialog.form.csv_radio.click()

    dialog.unmasked_button.click()
    confirm = dialog.confirm_dialog
    assert confirm is not None and confirm.isVisible()
    assert "password-protected" in confirm.explanation.text()
    assert not confirm.confirm_button.isEnabled()
    confirm.password_edit.setText("wrong-password")
    assert not confirm.confirm_button.isEnabled()  # the purpose is still missing
    confirm.purpose_edit.setText("Annual tax audit")
    confirm.confirm_button.click()

    assert dialog.error_label.text() == "The password or recovery code is not correct."
    assert dialog.password_dialog is None and list(tmp_path.iterdir()) == []

    dialog.unmasked_button.click()
    confirm = dialog.confirm_dialog
    assert confirm is not None and confirm.purpose_edit.text() == "Annual tax audit"
    confirm.password_edit.setText(OWNER_PASSWORD)
    confirm.hide()  # the window locks: the typed password does not wait behind the lock
    confirm.show()
    assert confirm.password_edit.text() == "" and not confirm.confirm_button.isEnabled()
    confirm.password_edit.setText(OWNER_PASSWORD)
    confirm.confirm_button.click()

    assert service.passwords == ["wrong-password", OWNER_PASSWORD]
    request = service.requests[-1]
    assert request.fmt is ExportFormat.XLSX and request.out.suffix == ".xlsx"
    assert request.purpose == "Annual tax audit"
    assert "unmasked and password-protected" in dialog.result_label.text()
    shown = dialog.password_dialog
    assert shown is not None and shown.isVisible()
    assert shown.password_edit.text() == FILE_PASSWORD

    shown.copy_button.click()
    assert clipboard.text() == FILE_PASSWORD
    assert "cleared in 30 seconds" in shown.copy_note.text()
    shown.noted_button.click()
    assert not shown.isVisible() and shown.password_edit.text() == ""


def test_managers_cannot_reach_the_unmasked_export(make_dialog):
    service = FakeExportService()
    dialog = make_dialog(MANAGER, service=service)
    dialog.ask_unmasked()
    assert dialog.confirm_dialog is None
    dialog.export_unmasked(OWNER_PASSWORD, "x")  # even when called directly, it reaches
    assert service.requests == []                # the service, which refuses it
    assert "may not do this" in dialog.error_label.text()
