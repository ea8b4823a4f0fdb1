"""The wizard's saved templates: apply one, save the mapping as one (asking before it replaces
a template of the same name), delete one. A template that fits a new sheet's columns exactly
is applied when the sheet is read (``ImportServiceApi.matching_template``); the mapping step
says which one, and which of its columns the sheet lacks."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.services.import_api import ProgressCallback, SheetPreview
from desktop.ui.pages import import_texts

if TYPE_CHECKING:
    from desktop.ui.pages.import_wizard import ImportWizard


class TemplateActions(QObject):
    """Wired to the mapping step's template buttons; runs the calls on the wizard's runner."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wizard = wizard
        step = wizard.mapping_step
        step.apply_template.connect(self.apply)
        step.save_template.connect(self.save)
        step.delete_template.connect(self.delete)

    def apply(self, name: str) -> None:
        wizard = self.wizard
        if wizard.preview is None:
            return
        current = dataclasses.replace(wizard.preview, mapping=wizard.mapping_step.mapping(),
                                      target=wizard.mapping_step.chosen_target())
        wizard.calls.call(
            self.tr("Applying the template…"),
            lambda _progress: wizard.service.apply_template(wizard.session, name, current),
            self._applied)

    def _applied(self, preview: SheetPreview) -> None:
        self.wizard.preview = preview
        self.wizard.mapping_step.set_preview(preview)

    def save(self) -> None:
        wizard = self.wizard
        request = wizard.current_request()
        if request is None:
            return
        step = wizard.mapping_step
        suggested = wizard.preview.template if wizard.preview is not None else ""
        name = import_texts.ask_text(wizard, self.tr("Save as template"), self.tr(
            "Name of the template (e.g. the shop or platform the file comes from):"),
            suggested or step.templates.currentText())
        if name is None or not name.strip():
            return
        name = name.strip()
        existing = next((known for known in step.template_names()
                         if known.casefold() == name.casefold()), None)
        if existing is not None and not import_texts.ask_yes_no(
                wizard, self.tr("Replace the template?"),
                self.tr("There is already a template called \"{name}\". Replace it with "
                        "this mapping?").format(name=existing), self.tr("Replace")):
            return

        def save(_progress: ProgressCallback) -> list[str]:
            wizard.service.save_template(wizard.session, name, request)
            return wizard.service.templates(wizard.session)

        def saved(names: list[str]) -> None:
            step.set_templates(names)
            step.templates.setCurrentText(name)
            wizard.show_notice(self.tr("Template \"{name}\" saved.").format(name=name))

        wizard.calls.call(self.tr("Saving the template…"), save, saved)

    def delete(self, name: str) -> None:
        wizard = self.wizard
        if not import_texts.ask_yes_no(
                wizard, self.tr("Delete the template?"),
                self.tr("Delete the template \"{name}\"? Imports done with it are not "
                        "changed.").format(name=name), self.tr("Delete")):
            return

        def delete(_progress: ProgressCallback) -> list[str]:
            wizard.service.delete_template(wizard.session, name)
            return wizard.service.templates(wizard.session)

        def deleted(names: list[str]) -> None:
            wizard.mapping_step.set_templates(names)
            wizard.show_notice(self.tr("Template \"{name}\" deleted.").format(name=name))

        wizard.calls.call(self.tr("Deleting the template…"), delete, deleted)
