"""The import wizard's Qt models under QAbstractItemModelTester: the dry-run rows (filtered
by building a position list), the column mapping, and the past imports."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem, QWidget

from desktop.core.import_types import ColumnMapping, ImportTarget, RowAction, RowIssue
from desktop.services.import_api import ImportBatch, ImportCounts, RowOutcome
from desktop.ui.pages.import_history import BatchesModel, counts_text
from desktop.ui.pages.import_mapping_model import (
    FIELD,
    SAMPLES,
    FieldDelegate,
    MappingModel,
    allowed_fields,
    column_letter,
    fill_field_combo,
)
from desktop.ui.pages.import_preview_model import (
    ACTION,
    OUTCOME_ROLE,
    REASONS,
    ROW,
    WHO,
    DryRunModel,
)
from desktop.ui.pages.import_texts import sentences
from tests.ui.import_fakes import FIELDS

FATAL = QAbstractItemModelTester.FailureReportingMode.Fatal
ACTIONS = list(RowAction)


def outcomes(count: int) -> list[RowOutcome]:
    rows = []
    for index in range(count):
        action = ACTIONS[index % len(ACTIONS)]
        issues = ((RowIssue(index + 2, "phone", "{value} is not a mobile number.",
                            {"value": "1.38123E+10"}),) if action is RowAction.ERROR else ())
        rows.append(RowOutcome(index + 2, action, f"张{index}*", issues,
                               same_as_row=2 if action is RowAction.DUPLICATE else None))
    return rows


def test_dry_run_model_filters_by_action_and_passes_the_tester(qtbot):
    model = DryRunModel()
    QAbstractItemModelTester(model, FATAL, model)
    rows = outcomes(50)
    model.set_rows(rows, {"phone": "Mobile"})
    assert model.rowCount() == 50 and model.columnCount() == 4
    assert [model.count(a) for a in ACTIONS] == [10, 10, 10, 10, 10]
    model.set_filter({RowAction.ERROR})
    assert model.rowCount() == 10
    first = model.index(0, 0)
    assert model.data(first, OUTCOME_ROLE) is rows[4]
    assert model.index(0, ROW).data() == "6"
    assert model.index(0, ACTION).data() == "Error"
    assert model.index(0, WHO).data() == "张4*"
    assert model.index(0, REASONS).data() == "Mobile: 1.38123E+10 is not a mobile number."
    assert model.index(0, REASONS).data(Qt.ItemDataRole.ToolTipRole) == (
        "Mobile: 1.38123E+10 is not a mobile number.")
    assert model.index(0, ROW).data(Qt.ItemDataRole.TextAlignmentRole) is not None
    model.set_filter({RowAction.ERROR, RowAction.DUPLICATE})
    assert model.rowCount() == 20
    assert model.index(0, REASONS).data() == "Same as row 2"
    assert model.count(RowAction.CREATE) == 10  # counts are of the whole report
    model.set_filter(())
    assert model.rowCount() == 50
    assert model.outcome(50) is None and model.outcome(-1) is None
    assert model.index(0, 0).parent() == QModelIndex()
    model.set_labels({"phone": "手机号"})
    model.set_filter({RowAction.ERROR})
    assert model.index(0, REASONS).data().startswith("手机号: ")
    model.clear()
    assert model.rowCount() == 0 and model.total == 0


def test_dry_run_model_holds_a_hundred_thousand_rows_and_filters_them(qtbot):
    model = DryRunModel()
    rows = outcomes(100_000)
    model.set_rows(rows, {})
    model.set_filter({RowAction.ERROR})
    assert model.rowCount() == 20_000
    assert model.outcome(19_999) is rows[99_999]
    assert model.index(19_999, ROW).data() == "100001"
    model.set_filter(())
    assert model.rowCount() == 100_000


def test_mapping_model_edits_fields_and_flags_conflicts(qtbot):
    model = MappingModel(FIELDS)
    QAbstractItemModelTester(model, FATAL, model)
    mapping = (ColumnMapping(0, "手机号", "phone"), ColumnMapping(1, "", None),
               ColumnMapping(27, "备注", "notes"))
    sample_rows = [("13812345678", "x", *[""] * 25, "老顾客"), ("", "y"), ("13987654321",)]
    with qtbot.waitSignal(model.mapping_changed):
        model.set_mapping(mapping, sample_rows)
    assert model.index(0, 0).data() == "A · 手机号"
    assert model.index(1, 0).data() == "B · (no name)"
    assert model.index(2, 0).data() == "AB · 备注"
    assert model.index(0, SAMPLES).data() == "13812345678  |  13987654321"
    assert model.index(2, SAMPLES).data() == "老顾客"
    assert model.index(1, FIELD).data() == "Ignore this column"
    assert model.index(1, FIELD).data(Qt.ItemDataRole.EditRole) == ""
    assert model.flags(model.index(0, FIELD)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(1, FIELD), "no_such_field")
    assert not model.setData(model.index(1, 0), "phone")
    assert model.setData(model.index(1, FIELD), "phone")
    assert model.conflicts() == ["phone"]
    assert model.index(0, FIELD).data(Qt.ItemDataRole.ToolTipRole) == (
        "This field is chosen for more than one column: notes and addresses are joined, "
        "other fields keep one value per row.")
    assert model.setData(model.index(1, FIELD), "")
    assert model.conflicts() == [] and model.mapped_count() == 2
    assert model.mapping()[1] == ColumnMapping(1, "", None)
    assert model.setData(model.index(1, FIELD), "order_no")
    model.restrict_to({"phone", "notes"})
    assert [m.field for m in model.mapping()] == ["phone", None, "notes"]


def test_a_sheet_may_map_its_own_target_and_the_customer_fields():
    def targets(target):
        return {info.target for info in allowed_fields(FIELDS, target)}

    assert targets(ImportTarget.CUSTOMERS) == {ImportTarget.CUSTOMERS}
    assert targets(ImportTarget.ORDERS) == {ImportTarget.CUSTOMERS, ImportTarget.ORDERS}
    assert targets(ImportTarget.FEEDBACK) == {ImportTarget.CUSTOMERS, ImportTarget.FEEDBACK}


def test_field_combo_groups_fields_under_headings_that_cannot_be_chosen(qtbot):
    combo = QComboBox()
    qtbot.addWidget(combo)
    fill_field_combo(combo, FIELDS)
    texts = [combo.itemText(i) for i in range(combo.count())]
    headings = [texts.index(name) for name in ("Customers", "Orders", "Feedback")]
    assert headings == sorted(headings)
    for heading in headings:
        assert not combo.model().item(heading).isEnabled()
    assert combo.itemData(texts.index("Mobile ★")) == "phone"
    assert combo.itemData(texts.index("Order number")) == "order_no"
    assert combo.itemData(0) == ""


def test_field_delegate_writes_the_choice_to_the_model(qtbot):
    model = MappingModel(FIELDS)
    model.set_mapping((ColumnMapping(0, "电话", None),), ())
    delegate = FieldDelegate(FIELDS, lambda: ImportTarget.CUSTOMERS)
    parent = QWidget()
    qtbot.addWidget(parent)
    editor = delegate.createEditor(parent, QStyleOptionViewItem(), model.index(0, FIELD))
    delegate.setEditorData(editor, model.index(0, FIELD))
    assert editor.currentData() == ""
    editor.setCurrentIndex(editor.findData("email"))
    delegate.setModelData(editor, model, model.index(0, FIELD))
    assert model.mapping()[0].field == "email"


@pytest.mark.parametrize(("column", "letters"), [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"),
                                                 (702, "AAA")])
def test_column_letters_are_the_spreadsheets(column, letters):
    assert column_letter(column) == letters


def test_batches_model_lists_imports_and_marks_undone_ones(qtbot):
    model = BatchesModel()
    QAbstractItemModelTester(model, FATAL, model)
    counts = ImportCounts(created=12, updated=3, rejected=1, orders_created=2,
                          customers_created=12, customers_updated=3)
    model.set_batches([
        ImportBatch(2, "淘宝订单.xlsx", "2026-11-28T10:00:00Z", "zhao (manager)", counts, None),
        ImportBatch(1, "会员.xlsx", "2026-11-27T09:30:00Z", "wang",
                    ImportCounts(created=5, customers_created=5),
                    "2026-11-28T08:00:00Z"),
    ])
    assert model.rowCount() == 2 and model.columnCount() == 5
    assert model.index(0, 0).data() == "淘宝订单.xlsx"
    assert model.index(0, 2).data() == "zhao (Manager)"
    assert model.index(1, 2).data() == "wang"  # not in the audit's form: as it is
    assert model.index(0, 3).data() == "12 new · 3 updated · 2 orders · 1 left out"
    assert model.index(0, 4).data() == "In effect"
    assert model.index(1, 4).data() == "Undone"
    assert model.index(1, 4).data(Qt.ItemDataRole.ToolTipRole).startswith("Undone on 2026-11-28")
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.batch(1).batch_id == 1 and model.batch(2) is None
    model.clear()
    assert model.rowCount() == 0


def test_counts_text_leaves_out_what_did_not_happen():
    assert counts_text(ImportCounts(created=1, customers_created=1)) == "1 new · 0 updated"
    assert counts_text(ImportCounts(feedback_created=4)) == "0 new · 0 updated · 4 feedback"
    assert counts_text(ImportCounts(orders_created=1)) == "0 new · 0 updated · 1 order"



def test_warning_is_said_only_on_rows_that_import_anyway(qtbot):
    blank = RowIssue(9, "", "Blank row.", warning=True)
    odd_date = RowIssue(5, "phone", "Check the date.", warning=True)
    model = DryRunModel()
    model.set_rows([RowOutcome(9, RowAction.SKIP, "", (blank,)),
                    RowOutcome(5, RowAction.CREATE, "王*", (odd_date, odd_date)),
                    RowOutcome(6, RowAction.DUPLICATE, "张*", (), same_as_row=3)],
                   {"phone": "Mobile"})
    assert model.index(0, REASONS).data() == "Blank row."
    assert model.index(1, REASONS).data() == (
        "Warning — Mobile: Check the date. Warning — Mobile: Check the date.")
    assert model.index(2, REASONS).data() == "Same as row 3"


def test_sentences_are_spaced_in_english_and_not_in_chinese():
    assert sentences(["Undone.", "Removed: 3."]) == "Undone. Removed: 3."
    assert sentences(["已撤销。", "已删除：3。"]) == "已撤销。已删除：3。"
