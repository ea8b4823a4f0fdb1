"""Named column mappings ("templates"), keyed by header text, kept in the settings table as
JSON: a shop that imports the same kind of sheet every month maps its columns once."""

from __future__ import annotations

import dataclasses
import json
from typing import Final

from desktop.core.errors import InvalidInputError, ShopVaultError
from desktop.core.import_types import ColumnMapping, ImportTarget
from desktop.core.validation import clean_text
from desktop.services.import_api import ImportRequest, SheetPreview
from desktop.store.settings import SettingsRepository

SETTING_KEY: Final = "import.templates"
MAX_NAME: Final = 60
NAME_REQUIRED: Final = "Give the template a name (up to 60 characters)."


class TemplateNotFoundError(ShopVaultError):
    message = "There is no import template called {name}."


def _all(settings: SettingsRepository) -> dict[str, dict[str, object]]:
    try:
        loaded = json.loads(settings.get(SETTING_KEY, "{}") or "{}")
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def template_names(settings: SettingsRepository) -> list[str]:
    return sorted(_all(settings), key=str.casefold)


def checked_name(name: str) -> str:
    cleaned = clean_text(name)
    if not cleaned or len(cleaned) > MAX_NAME:
        raise InvalidInputError(field="name", problem=NAME_REQUIRED)
    return cleaned


def store_template(settings: SettingsRepository, name: str, request: ImportRequest) -> None:
    """Call inside a transaction. Only mapped columns are kept, by their header text."""
    templates = _all(settings)
    templates[checked_name(name)] = {
        "target": request.target.value,
        "layout": request.layout,
        "columns": {m.header: m.field for m in request.mapping if m.field and m.header},
    }
    settings.set(SETTING_KEY, json.dumps(templates, ensure_ascii=False, sort_keys=True))


def with_template(settings: SettingsRepository, name: str, preview: SheetPreview) -> SheetPreview:
    template = _all(settings).get(clean_text(name))
    if not isinstance(template, dict):
        raise TemplateNotFoundError(name=clean_text(name))
    columns = template.get("columns")
    by_header = columns if isinstance(columns, dict) else {}
    mapping = tuple(
        ColumnMapping(m.column, m.header, _field(by_header.get(m.header)))
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
    )


def _field(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
