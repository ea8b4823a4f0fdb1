"""Named column mappings ("templates"), keyed by header text, kept in the settings table as
JSON: a shop that imports the same kind of sheet every month maps its columns once.

Names are compared without regard to case (``Taobao`` and ``taobao`` are one template).
Headers are compared as the synonyms compare them (:func:`header_key`), so ``手机 `` and
``手机`` are one column. A template also remembers every header of the sheet it was saved
from: a later sheet with the same headers is offered it at once (``matching_template``).
"""

from __future__ import annotations

import dataclasses
import json
from typing import Final

from desktop.core.errors import InvalidInputError, ShopVaultError
from desktop.core.import_types import ColumnMapping, ImportTarget
from desktop.core.validation import clean_text
from desktop.exchange.synonyms import header_key
from desktop.services.import_api import ImportRequest, SheetPreview
from desktop.store.settings import SettingsRepository

SETTING_KEY: Final = "import.templates"
MAX_NAME: Final = 60
NAME_REQUIRED: Final = "Give the template a name (up to 60 characters)."


class TemplateNotFoundError(ShopVaultError):
    message = "There is no import template called {name}."


class TemplateDoesNotFitError(ShopVaultError):
    message = (
        "None of the columns of the template {name} are in the sheet {sheet}. Choose another "
        "template, or choose each column's field by hand."
    )


def _all(settings: SettingsRepository) -> dict[str, dict[str, object]]:
    try:
        loaded = json.loads(settings.get(SETTING_KEY, "{}") or "{}")
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _save_all(settings: SettingsRepository, templates: dict[str, dict[str, object]]) -> None:
    settings.set(SETTING_KEY, json.dumps(templates, ensure_ascii=False, sort_keys=True))


def _stored_name(templates: dict[str, dict[str, object]], name: str) -> str | None:
    """The name a template is stored under that equals ``name`` but for case."""
    wanted = clean_text(name).casefold()
    return next((stored for stored in templates if stored.casefold() == wanted), None)


def template_names(settings: SettingsRepository) -> list[str]:
    return sorted(_all(settings), key=str.casefold)


def checked_name(name: str) -> str:
    cleaned = clean_text(name)
    if not cleaned or len(cleaned) > MAX_NAME:
        raise InvalidInputError(field="name", problem=NAME_REQUIRED)
    return cleaned


def store_template(settings: SettingsRepository, name: str, request: ImportRequest) -> None:
    """Call inside a transaction. Only mapped columns are kept, by their header text, and
    every header of the sheet (so a sheet of the same shape finds it). A template of the
    same name (but for case) is replaced."""
    templates = _all(settings)
    cleaned = checked_name(name)
    replaced = _stored_name(templates, cleaned)
    if replaced is not None:
        del templates[replaced]
    templates[cleaned] = {
        "target": request.target.value,
        "layout": request.layout,
        "columns": {m.header: m.field for m in request.mapping if m.field and m.header},
        "headers": [m.header for m in request.mapping if header_key(m.header)],
    }
    _save_all(settings, templates)


def delete_template(settings: SettingsRepository, name: str) -> None:
    """Call inside a transaction."""
    templates = _all(settings)
    stored = _stored_name(templates, name)
    if stored is None:
        raise TemplateNotFoundError(name=clean_text(name))
    del templates[stored]
    _save_all(settings, templates)


def _columns(template: dict[str, object]) -> dict[str, str]:
    """header_key → field of the template's mapped columns."""
    columns = template.get("columns")
    if not isinstance(columns, dict):
        return {}
    return {
        header_key(header): field for header, field in columns.items()
        if isinstance(field, str) and field and header_key(header)
    }


def with_template(settings: SettingsRepository, name: str, preview: SheetPreview) -> SheetPreview:
    """The preview mapped as the template says. Columns the template does not name are
    ignored; the template's columns the sheet lacks are listed in ``template_missing``.
    Raises TemplateDoesNotFitError when the sheet has none of them."""
    templates = _all(settings)
    stored = _stored_name(templates, name)
    template = templates.get(stored) if stored is not None else None
    if not isinstance(template, dict) or stored is None:
        raise TemplateNotFoundError(name=clean_text(name))
    by_key = _columns(template)
    in_sheet = {header_key(m.header) for m in preview.mapping}
    if by_key and not by_key.keys() & in_sheet:
        raise TemplateDoesNotFitError(name=stored, sheet=preview.sheet)
    columns = template.get("columns")
    missing = tuple(
        header for header in (columns if isinstance(columns, dict) else {})
        if header_key(header) in by_key and header_key(header) not in in_sheet
    )
    mapping = tuple(
        ColumnMapping(m.column, m.header, by_key.get(header_key(m.header)))
        for m in preview.mapping
    )
    target = template.get("target")
    layout = template.get("layout")
    return dataclasses.replace(
        preview,
        mapping=mapping,
        target=ImportTarget(target) if isinstance(target, str) and target in set(ImportTarget)
        else preview.target,
        layout=layout if isinstance(layout, str) else preview.layout,
        unsure_columns=(),
        template=stored,
        template_missing=missing,
    )


def matching_template(settings: SettingsRepository, preview: SheetPreview) -> str | None:
    """The template saved from a sheet with exactly these headers (in any order), if one
    was; the first by name when several were."""
    in_sheet = {header_key(m.header) for m in preview.mapping} - {""}
    if not in_sheet:
        return None
    templates = _all(settings)
    for name in sorted(templates, key=str.casefold):
        headers = templates[name].get("headers")
        if isinstance(headers, list) and {
            header_key(header) for header in headers if isinstance(header, str)
        } == in_sheet:
            return name
    return None
