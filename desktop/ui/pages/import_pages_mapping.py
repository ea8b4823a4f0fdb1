"""The mapping step: the recognised layout, what the rows become, where each column goes,
saved templates, and what happens to customers the shop already has."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QRadioButton,
    QTableView,
    QWidget,
)

from desktop.core.import_types import FieldInfo, ImportTarget, MatchPolicy
from desktop.services.import_api import ColumnMapping, SheetPreview
from desktop.ui.pages.import_mapping_model import (
    FIELD,
    FieldDelegate,
    MappingModel,
    allowed_fields,
)
from desktop.ui.pages.import_pages_source import Step
from desktop.ui.pages.import_texts import (
    policy_explanation,
    policy_text,
    source_text,
    target_text,
)
from desktop.ui.shell.style import button, label, named


def shared_fields(mapping: Sequence[ColumnMapping]) -> frozenset[str]:
    """Fields more than one column maps to."""
    uses = Counter(m.field for m in mapping if m.field)
    return frozenset(key for key, count in uses.items() if count > 1)


class MappingStep(Step):
    """Emits ``apply_template(name)``, ``save_template()`` and ``delete_template(name)``;
    the wizard does the calls."""

    apply_template = Signal(str)
    save_template = Signal()
    delete_template = Signal(str)

    def __init__(self, fields: Sequence[FieldInfo], parent: QWidget | None = None) -> None:
        super().__init__("importMappingStep", parent)
        self.fields = tuple(fields)
        self.identifiers = {info.key for info in fields if info.identifier}
        self.preview: SheetPreview | None = None
        self._suggested_shared: frozenset[str] = frozenset()
        self.layout_label = label("fieldLabel")
        self.target_caption = label("fieldLabel", wrap=False)
        self.target = named(QComboBox(), "targetCombo")
        for target in ImportTarget:
            self.target.addItem("", target)
        self.model = MappingModel(self.fields, self)
        self.table = named(QTableView(), "mappingTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(
            FIELD, FieldDelegate(self.fields, self.chosen_target, self.table))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(38)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.problem = label("notice")
        self.problem.hide()
        self.templates = named(QComboBox(), "templateCombo")
        self.templates.setMinimumContentsLength(14)
        self.templates.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.apply_button = button("applyTemplate")
        self.save_button = button("saveTemplate")
        self.delete_button = button("deleteTemplate")
        self.apply_button.clicked.connect(self._apply_clicked)
        self.save_button.clicked.connect(self.save_template)
        self.delete_button.clicked.connect(self._delete_clicked)
        self.policy_caption = label("fieldLabel", wrap=False)
        self.policies = QButtonGroup(self)
        self.policy_buttons: dict[MatchPolicy, QRadioButton] = {}
        self.policy_text = label("hint")
        self._build()
        self.model.mapping_changed.connect(self._check)
        self.model.modelReset.connect(self._open_editors)
        self.target.currentIndexChanged.connect(lambda _i: self._target_changed())
        self.templates.currentIndexChanged.connect(lambda _i: self._update_template_state())
        self.retranslateUi()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.target_caption)
        top.addWidget(self.target)
        top.addStretch(1)
        top.addWidget(self.templates)
        top.addWidget(self.apply_button)
        top.addWidget(self.delete_button)
        top.addWidget(self.save_button)
        self.body.addWidget(self.layout_label)
        self.body.addLayout(top)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.problem)
        policy_row = QHBoxLayout()
        policy_row.setSpacing(18)
        for policy in MatchPolicy:
            radio = named(QRadioButton(), f"policy_{policy.value}")
            self.policies.addButton(radio)
            self.policy_buttons[policy] = radio
            radio.toggled.connect(lambda _on: self._update_policy_text())
            policy_row.addWidget(radio)
        policy_row.addStretch(1)
        self.policy_buttons[MatchPolicy.FILL_EMPTY].setChecked(True)
        self.body.addWidget(self.policy_caption)
        self.body.addLayout(policy_row)
        self.body.addWidget(self.policy_text)

    # ------------------------------------------------------------------ contents

    def set_preview(self, preview: SheetPreview | None) -> None:
        self.preview = preview
        if preview is None:
            self.model.clear()
            self._update_layout_label()
            return
        # A known layout may share a field between columns on purpose; a guessed or
        # templated mapping is the user's to check.
        self._suggested_shared = (
            shared_fields(preview.mapping) if preview.layout and not preview.template
            else frozenset())
        self.target.setCurrentIndex(max(0, self.target.findData(preview.target)))
        self.model.set_mapping(preview.mapping, preview.top_rows[preview.header_row + 1:],
                               preview.unsure_columns)
        self._update_layout_label()
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(0, min(max(self.table.columnWidth(0), 140), 240))
        self.table.setColumnWidth(1, 260)

    def focus_target(self) -> QWidget:
        return self.table

    def set_templates(self, names: Sequence[str]) -> None:
        current = self.templates.currentText()
        self.templates.clear()
        self.templates.addItems(list(names))
        # none chosen unless the owner chose one or one was applied: "Apply" needs a choice
        applied = self.preview.template if self.preview is not None else ""
        self.templates.setCurrentIndex(self.templates.findText(applied or current))
        self._update_template_state()

    def template_names(self) -> list[str]:
        return [self.templates.itemText(index) for index in range(self.templates.count())]

    def mapping(self) -> tuple[ColumnMapping, ...]:
        return self.model.mapping()

    def chosen_target(self) -> ImportTarget:
        data = self.target.currentData()
        return ImportTarget(data) if data else ImportTarget.CUSTOMERS

    def policy(self) -> MatchPolicy:
        for policy, radio in self.policy_buttons.items():
            if radio.isChecked():
                return policy
        return MatchPolicy.FILL_EMPTY

    def set_policy(self, policy: MatchPolicy) -> None:
        self.policy_buttons[policy].setChecked(True)

    def _update_policy_text(self) -> None:
        self.policy_text.setText(policy_explanation(self.policy()))

    def blocking_problem(self) -> str:
        """Why the rows cannot be checked yet; empty if they can."""
        if self.preview is None:
            return ""
        if self.model.mapped_count() == 0:
            return self.tr("Choose a field for at least one column.")
        return ""

    def _target_changed(self) -> None:
        allowed = {info.key for info in allowed_fields(self.fields, self.chosen_target())}
        self.model.restrict_to(allowed)
        self._reopen_editors()
        self._check()

    def _reopen_editors(self) -> None:
        for row in range(self.model.rowCount()):
            self.table.closePersistentEditor(self.model.index(row, FIELD))
        self._open_editors()

    def _apply_clicked(self) -> None:
        name = self.templates.currentText()
        if name:
            self.apply_template.emit(name)

    def _delete_clicked(self) -> None:
        name = self.templates.currentText()
        if name:
            self.delete_template.emit(name)

    def _open_editors(self) -> None:
        for row in range(self.model.rowCount()):
            self.table.openPersistentEditor(self.model.index(row, FIELD))

    def _check(self) -> None:
        notes = []
        # A layout may put two columns on one field on purpose (e.g. buyer message and
        # order note); say so only for a sharing the user made.
        conflicts = [key for key in self.model.conflicts() if key not in self._suggested_shared]
        if conflicts:
            names = "、".join(self.model.field_label(key) for key in conflicts)
            notes.append(self.tr(
                "Chosen for more than one column: {fields}. Notes and addresses are joined in "
                "column order; any other field keeps one value per row (a mobile number "
                "before other phone numbers, else the first column that has a value). Check "
                "that this is what you want.").format(fields=names))
        unsure = self.model.unsure_columns()
        if unsure:
            notes.append(self.tr(
                "Please check the highlighted columns ({columns}): their field is a guess from "
                "the column name, or another column goes to it too.").format(
                    columns="、".join(unsure)))
        missing = self.preview.template_missing if self.preview is not None else ()
        if missing:
            notes.append(self.tr(
                "The template \"{name}\" also maps columns this file does not have: "
                "{columns}. Their fields stay empty; map other columns to them if the file "
                "calls them differently.").format(
                    name=self.preview.template if self.preview is not None else "",
                    columns="、".join(missing)))
        mapped = {m.field for m in self.model.mapping() if m.field}
        if self.preview is not None and not mapped & self.identifiers:
            notes.append(self.tr(
                "No column is mapped to a field marked ★ (mobile, member number, e-mail or "
                "platform account). Rows without one of them cannot be matched to a customer "
                "and will be rejected."))
        blocking = self.blocking_problem()
        if blocking:
            notes.insert(0, blocking)
        self.problem.setText("\n".join(notes))
        self.problem.setVisible(bool(notes))

    def _update_layout_label(self) -> None:
        preview = self.preview
        if preview is None:
            self.layout_label.clear()
        elif preview.template:
            self.layout_label.setText(self.tr(
                "Mapped with your template \"{name}\". Check the columns, then go on.").format(
                    name=preview.template))
        elif preview.layout:
            self.layout_label.setText(self.tr("Recognised layout: {layout}").format(
                layout=source_text(preview.layout_name)))
        else:
            self.layout_label.setText(self.tr(
                "No known layout: the columns were matched by their names. Please check each "
                "one."))

    def _update_template_state(self) -> None:
        has_templates = self.templates.count() > 0
        chosen = self.templates.currentIndex() >= 0
        self.templates.setEnabled(has_templates)
        self.apply_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.templates.setPlaceholderText(
            self.tr("Choose a template") if has_templates else self.tr("No saved templates"))

    def retranslateUi(self) -> None:
        self.heading.setText(self.tr("Check where each column goes"))
        self.hint.setText(self.tr(
            "Each column of the file is matched to a field of the shop. Change any that are "
            "wrong; choose \"Ignore this column\" for what you do not want to keep. Fields "
            "marked ★ tell customers apart: map at least one of them."))
        self.target_caption.setText(self.tr("Import the rows as"))
        for index in range(self.target.count()):
            self.target.setItemText(index, target_text(ImportTarget(self.target.itemData(index))))
        self.apply_button.setText(self.tr("Apply template"))
        self.save_button.setText(self.tr("Save as template…"))
        self.delete_button.setText(self.tr("Delete template"))
        self.delete_button.setToolTip(self.tr("Delete the template chosen in the list"))
        self.templates.setToolTip(self.tr("Mappings saved earlier, matched by column name"))
        self.policy_caption.setText(self.tr("Customers the shop already has:"))
        for policy, radio in self.policy_buttons.items():
            radio.setText(policy_text(policy))
            radio.setToolTip(policy_explanation(policy))
        self._update_policy_text()
        self._update_template_state()
        self._update_layout_label()
        self.model.retranslate()
        self._reopen_editors()  # the combos were filled in the old language
        self._check()
