"""Words of the import wizard that several of its parts share: row actions, targets, match
policies, and the service's English source texts (field labels, layout names, row reasons)
in the UI language. Also the dialogs the wizard opens (tests replace these functions)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from desktop.core.import_types import ImportTarget, MatchPolicy, RowAction, RowIssue
from desktop.ui.error_text import translate_text

translate = QCoreApplication.translate  # lupdate finds translate("Import", "…") calls

CONTEXT = "Import"
_TEXT_PARAMS = frozenset({"field", "problem", "reason", "label"})  # source texts too



def action_text(action: RowAction) -> str:
    """What happens to a row, as a short word for a table cell or a chip."""
    names = {
        RowAction.CREATE: translate("Import", "New"),
        RowAction.UPDATE: translate("Import", "Update"),
        RowAction.DUPLICATE: translate("Import", "Duplicate"),
        RowAction.SKIP: translate("Import", "Skip"),
        RowAction.ERROR: translate("Import", "Error"),
    }
    return names[action]


def action_hint(action: RowAction) -> str:
    hints = {
        RowAction.CREATE: translate("Import", "Not in the shop yet: a new record is added."),
        RowAction.UPDATE: translate(
            "Import", "Already in the shop: the record is updated as you chose."),
        RowAction.DUPLICATE: translate(
            "Import", "The same as an earlier row of this file: merged into it."),
        RowAction.SKIP: translate(
            "Import", "A blank, total or heading row, or a record the chosen rule leaves alone."),
        RowAction.ERROR: translate("Import", "Cannot be imported: see the reason."),
    }
    return hints[action]


def target_text(target: ImportTarget) -> str:
    names = {
        ImportTarget.CUSTOMERS: translate("Import", "Customers"),
        ImportTarget.ORDERS: translate("Import", "Orders"),
        ImportTarget.FEEDBACK: translate("Import", "Feedback"),
    }
    return names[target]


def looks_like_text(target: ImportTarget | None) -> str:
    if target is None:
        return translate("Import", "not recognised")
    names = {
        ImportTarget.CUSTOMERS: translate("Import", "looks like a customer list"),
        ImportTarget.ORDERS: translate("Import", "looks like an order list"),
        ImportTarget.FEEDBACK: translate("Import", "looks like feedback or reviews"),
    }
    return names[target]


def policy_text(policy: MatchPolicy) -> str:
    names = {
        MatchPolicy.SKIP: translate("Import", "Leave them as they are"),
        MatchPolicy.FILL_EMPTY: translate("Import", "Fill in only what is missing"),
        MatchPolicy.OVERWRITE: translate("Import", "Replace with the file's values"),
    }
    return names[policy]


def policy_explanation(policy: MatchPolicy) -> str:
    texts = {
        MatchPolicy.SKIP: translate(
            "Import",
            "Customers the shop already has are not changed at all; only new customers are "
            "added."),
        MatchPolicy.FILL_EMPTY: translate(
            "Import",
            "What the shop already knows is kept. Fields that are empty in the shop are "
            "filled from the file (points and balances are kept, also at zero: they may have "
            "been spent). Recommended."),
        MatchPolicy.OVERWRITE: translate(
            "Import",
            "Where the file has a value, it replaces what the shop has. Use this when the "
            "file is newer and more correct than the shop's records."),
    }
    return texts[policy]


def kind_text(kind: str, encoding: str | None) -> str:
    kinds = {
        "xlsx": translate("Import", "Excel workbook"),
        "csv": translate("Import", "CSV text file"),
        "tsv": translate("Import", "Tab-separated text file"),
    }
    text = kinds.get(kind, kind)
    if encoding:
        text = translate("Import", "{kind}, encoding {encoding}").format(
            kind=text, encoding=encoding_name(encoding))
    return text


_ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "gb18030": "GBK/GB18030",
                   "gbk": "GBK/GB18030", "gb2312": "GBK/GB18030", "utf-16": "UTF-16",
                   "utf-16-le": "UTF-16", "utf-16-be": "UTF-16"}


def encoding_name(codec: str) -> str:
    """A codec as people know it from Excel's or WPS's save dialog ("utf-8-sig" → UTF-8,
    "gb18030" → GBK/GB18030), not Python's name for it."""
    key = codec.strip().lower().replace("_", "-")
    return _ENCODING_NAMES.get(key, key.upper())


def source_text(text: str) -> str:
    """A field label or layout name the service gives as an English source text."""
    return translate_text(text) if text else text


def issue_text(issue: RowIssue, field_labels: Mapping[str, str] | None = None, *,
               mark_warning: bool = True) -> str:
    """A row's reason in the UI language, with the field it is about in front."""
    params = {
        name: translate_text(value) if name in _TEXT_PARAMS else value
        for name, value in issue.params.items()
    }
    template = translate_text(issue.reason)
    try:
        text = template.format(**params)
    except (KeyError, IndexError, ValueError):
        try:
            text = issue.reason.format(**params)
        except (KeyError, IndexError, ValueError):
            text = issue.reason
    label = (field_labels or {}).get(issue.field) if issue.field else None
    if label:
        text = translate("Import", "{field}: {reason}").format(
            field=label, reason=text)
    if issue.warning and mark_warning:
        text = translate("Import", "Warning — {reason}").format(reason=text)
    return text


def sentences(parts: list[str]) -> str:
    """Sentences one after the other: a space after "." but none after "。"."""
    text = ""
    for part in parts:
        if text and not text.endswith(("。", "！", "？", "：")):
            text += " "
        text += part
    return text


_SENTENCE_ENDS = (".", "!", "?", "。", "！", "？")


def reasons_text(parts: list[str]) -> str:
    """A row's reasons one after the other: "; " between short ones, but after a full stop
    just the next sentence (not "…again.; Birthday: …" or "…导出。；生日：…")."""
    text = ""
    for part in parts:
        if text.endswith(_SENTENCE_ENDS):
            text = sentences([text, part])
        elif text:
            text += translate("Import", "; ") + part
        else:
            text = part
    return text


def ask_yes_no(parent: QWidget, title: str, text: str, yes_text: str) -> bool:
    """A confirm box whose Yes button says what happens; No is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes


def choose_save_path(parent: QWidget, caption: str, suggested: str, filters: str) -> Path | None:
    """The save-file dialog for an .xlsx (the suffix added if the user left it out)."""
    name, _selected = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


def ask_text(parent: QWidget, title: str, prompt: str, text: str = "") -> str | None:
    """One line of text from the user; None if cancelled."""
    value, ok = QInputDialog.getText(parent, title, prompt, QLineEdit.EchoMode.Normal, text)
    return value if ok else None
