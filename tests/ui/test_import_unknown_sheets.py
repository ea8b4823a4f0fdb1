"""The wizard over the real import service and a real shop, on hand-kept sheets no layout
knows: guessed columns are highlighted until the owner decides, a wrongly mapped column
shows as errors on the check step and fixing the mapping clears them, a saved template is
applied to next month's sheet by itself (also after the service is made anew, as after a
restart), says which of its columns a sheet lacks, asks before replacing a template of the
same name, and can be deleted."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from desktop.services.imports import ImportService
from desktop.ui.pages import import_texts
from desktop.ui.pages.import_mapping_model import COLUMN, FIELD
from desktop.ui.pages.import_preview_model import REASONS
from desktop.ui.pages.import_wizard import CHECK, HEADER, MAPPING, SHEET, ImportWizard
from desktop.ui.tasks import SynchronousTaskRunner
from tests.e2e.test_import_templates import pinyin_sheet
from tests.support.shops import ShopFixture


def new_wizard(qtbot, shop: ShopFixture) -> ImportWizard:
    wizard = ImportWizard(ImportService(shop.workspace), shop.owner, SynchronousTaskRunner())
    qtbot.addWidget(wizard)
    fail = QAbstractItemModelTester.FailureReportingMode.Fatal
    wizard.testers = [  # type: ignore[attr-defined]
        QAbstractItemModelTester(wizard.mapping_step.model, fail, wizard),
        QAbstractItemModelTester(wizard.check_step.model, fail, wizard)]
    wizard.resize(1024, 700)
    wizard.show()
    return wizard


def to_mapping(wizard: ImportWizard, path: Path) -> None:
    wizard.open_file(path)
    assert wizard.step == SHEET, wizard.error.text()
    wizard.next_button.click()
    assert wizard.step == HEADER, wizard.error.text()
    wizard.next_button.click()
    assert wizard.step == MAPPING, wizard.error.text()


def choose(wizard: ImportWizard, header: str, key: str | None) -> None:
    model = wizard.mapping_step.model
    row = next(row for row, m in enumerate(model.mapping()) if m.header == header)
    assert model.setData(model.index(row, FIELD), key or "", Qt.ItemDataRole.EditRole)


def fields(wizard: ImportWizard) -> dict[str, str | None]:
    return {m.header: m.field for m in wizard.mapping_step.mapping()}


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """What the owner types and clicks in the template dialogs."""
    given: dict[str, object] = {"name": "登记表", "yes": True, "asked": []}
    monkeypatch.setattr(import_texts, "ask_text", lambda *_a: given["name"])

    def yes_no(_parent, _title, text, _yes):  # type: ignore[no-untyped-def]
        given["asked"].append(text)  # type: ignore[union-attr]
        return given["yes"]

    monkeypatch.setattr(import_texts, "ask_yes_no", yes_no)
    return given


def test_guessed_columns_are_highlighted_until_the_owner_decides(qtbot, shop, tmp_path):
    wizard = new_wizard(qtbot, shop)
    to_mapping(wizard, pinyin_sheet(tmp_path / "登记.xlsx"))
    step, model = wizard.mapping_step, wizard.mapping_step.model
    assert fields(wizard) == {"序号": None, "xm": "customer.name", "dh": "customer.phone",
                              "sr": "customer.birthday", "操作员": None}
    assert model.unsure_columns() == ["B · xm", "C · dh", "D · sr"]
    assert model.index(1, COLUMN).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(0, COLUMN).data(Qt.ItemDataRole.BackgroundRole) is None
    assert ("Please check the highlighted columns (B · xm、C · dh、D · sr): their field is a "
            "guess") in step.problem.text()
    choose(wizard, "xm", "customer.name")  # confirmed as it was
    choose(wizard, "sr", None)  # ignored
    assert model.unsure_columns() == ["C · dh"]
    assert model.index(1, COLUMN).data(Qt.ItemDataRole.BackgroundRole) is None


def test_a_wrong_mapping_shows_as_errors_and_fixing_it_clears_them(qtbot, shop, tmp_path):
    wizard = new_wizard(qtbot, shop)
    to_mapping(wizard, pinyin_sheet(tmp_path / "登记.xlsx"))
    choose(wizard, "序号", "customer.phone")  # 1 is no phone number
    choose(wizard, "dh", "customer.birthday")  # a phone number is no date
    choose(wizard, "sr", None)
    wizard.next_button.click()
    assert wizard.step == CHECK, wizard.error.text()
    assert wizard.check_step.errors() == 1
    assert not wizard.check_step.ready()  # not without leaving the row out knowingly
    reasons = wizard.check_step.model.index(0, REASONS).data()
    assert "Phone: Enter an 11-digit mobile number" in reasons, reasons
    assert "Birthday: Enter a date such as 2024-01-05" in reasons, reasons
    wizard.back_button.click()
    assert wizard.step == MAPPING
    choose(wizard, "序号", None)
    choose(wizard, "dh", "customer.phone")
    choose(wizard, "sr", "customer.birthday")
    wizard.next_button.click()
    assert wizard.step == CHECK
    assert wizard.check_step.errors() == 0


def test_a_saved_template_is_applied_to_a_sheet_of_the_same_shape(
        qtbot, shop, tmp_path, answers):
    wizard = new_wizard(qtbot, shop)
    to_mapping(wizard, pinyin_sheet(tmp_path / "五月.xlsx"))
    choose(wizard, "sr", None)
    wizard.mapping_step.save_button.click()
    assert wizard.notice.text() == 'Template "登记表" saved.'
    assert answers["asked"] == []  # a new name: nothing to confirm
    # next month, in a wizard over a service made anew (as after a restart)
    again = new_wizard(qtbot, shop)
    to_mapping(again, pinyin_sheet(tmp_path / "六月.xlsx"))
    assert fields(again)["sr"] is None
    assert again.mapping_step.templates.currentText() == "登记表"
    assert again.mapping_step.layout_label.text() == (
        'Mapped with your template "登记表". Check the columns, then go on.')
    assert again.mapping_step.model.unsure_columns() == []
    # a sheet with another shape is not mapped by it until asked, then names what it lacks
    other = new_wizard(qtbot, shop)
    to_mapping(other, pinyin_sheet(tmp_path / "七月.xlsx", ["xm", "dh", "sr"]))
    assert fields(other)["sr"] == "customer.birthday"
    choose(other, "dh", "customer.phone")
    answers["name"] = "全部"
    other.mapping_step.save_button.click()  # maps xm, dh and sr
    short = new_wizard(qtbot, shop)
    to_mapping(short, pinyin_sheet(tmp_path / "八月.xlsx", ["xm", "dh"]))
    short.mapping_step.templates.setCurrentText("全部")
    short.mapping_step.apply_button.click()
    assert 'The template "全部" also maps columns this file does not have: sr.' in (
        short.mapping_step.problem.text())


def test_a_template_of_the_same_name_is_replaced_only_when_the_owner_agrees(
        qtbot, shop, tmp_path, answers):
    wizard = new_wizard(qtbot, shop)
    to_mapping(wizard, pinyin_sheet(tmp_path / "五月.xlsx"))
    wizard.mapping_step.save_button.click()
    choose(wizard, "sr", None)
    answers["name"], answers["yes"] = "登记表 ", False
    wizard.mapping_step.save_button.click()
    assert answers["asked"] == [
        'There is already a template called "登记表". Replace it with this mapping?']
    assert wizard.service.templates(shop.owner) == ["登记表"]
    again = new_wizard(qtbot, shop)
    to_mapping(again, pinyin_sheet(tmp_path / "六月.xlsx"))
    assert fields(again)["sr"] == "customer.birthday"  # the first mapping was kept
    answers["yes"] = True
    wizard.mapping_step.save_button.click()
    third = new_wizard(qtbot, shop)
    to_mapping(third, pinyin_sheet(tmp_path / "七月.xlsx"))
    assert fields(third)["sr"] is None


def test_a_template_can_be_deleted_after_a_confirm(qtbot, shop, tmp_path, answers):
    wizard = new_wizard(qtbot, shop)
    to_mapping(wizard, pinyin_sheet(tmp_path / "五月.xlsx"))
    step = wizard.mapping_step
    assert not step.delete_button.isEnabled()  # nothing saved yet
    step.save_button.click()
    assert step.delete_button.isEnabled()
    answers["yes"] = False
    step.delete_button.click()
    assert step.template_names() == ["登记表"]
    answers["yes"] = True
    step.delete_button.click()
    assert answers["asked"][-1] == (
        'Delete the template "登记表"? Imports done with it are not changed.')
    assert step.template_names() == []
    assert wizard.notice.text() == 'Template "登记表" deleted.'
    assert not step.delete_button.isEnabled()


def test_no_template_is_shown_as_chosen_until_the_owner_chooses_one(
        qtbot, shop, tmp_path, answers):
    wizard = new_wizard(qtbot, shop)
    to_mapping(wizard, pinyin_sheet(tmp_path / "五月.xlsx"))
    wizard.mapping_step.save_button.click()
    other = new_wizard(qtbot, shop)  # a sheet of another shape: no template applied
    to_mapping(other, pinyin_sheet(tmp_path / "x.xlsx", ["xm", "dh", "备注"]))
    step = other.mapping_step
    assert (step.templates.currentIndex(), step.templates.placeholderText()) == (
        -1, "Choose a template")
    assert not step.apply_button.isEnabled() and not step.delete_button.isEnabled()
    step.templates.setCurrentIndex(0)
    assert step.apply_button.isEnabled() and step.delete_button.isEnabled()
    step.apply_button.click()
    assert step.layout_label.text().startswith('Mapped with your template "登记表".')
