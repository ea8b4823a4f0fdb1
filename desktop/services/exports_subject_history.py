"""The Details cell of the data-subject copy's Access history sheet: an audit entry's details
in words for the person the copy is for ("Field: Phone; Reason: customer called"), in the
copy's language. The JSON copy keeps the structured details.

The log's details name fields, codes and counts, never values (free-text reasons and notes
are masked when logged). Left out here: technical ones (file fingerprints and sizes) and
``assignee_user_id``, which points at a colleague rather than at this person's data.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

from desktop.services.exports_columns import CATALOGUE, ColumnDef
from desktop.services.exports_cover import FILTER_KEYS, Translate, filter_words
from desktop.services.exports_texts import (
    CONSENT_CHANNEL_LABELS,
    CONSENT_PURPOSE_LABELS,
    FEEDBACK_KIND_LABELS,
    FEEDBACK_STATUS_LABELS,
    ORDER_STATUS_LABELS,
    YES_NO_LABELS,
)

HIDDEN: Final = frozenset(
    {"sha256", "json_sha256", "bytes", "sheets", "consent", "assignee_user_id"}
)
"""Details the readable text leaves out (see the module doc); the JSON keeps them."""

_FIELD_ALIASES: Final[Mapping[str, str]] = {
    # The names services log for a changed field → the export column that shows it.
    "discount_cents": "discount", "shipping_cents": "shipping", "paid_cents": "paid",
    "balance_cents": "balance", "customer_id": "customer_name", "items": "item_count",
    "order_id": "order_no", "order": "order_no", "assignee": "assignee",
}


def _all_columns() -> list[ColumnDef]:
    return [column for columns in CATALOGUE.values() for column in columns]


class HistoryDetails:
    """Turns ``(action, details)`` into one line; built once per copy (labels translated)."""

    def __init__(self, tr: Translate) -> None:
        self._tr = tr
        self._columns = {c.key: tr(c.column.label) for c in _all_columns()}
        self._labels = {
            "field": tr("Field"), "fields": tr("Fields changed"), "reason": tr("Reason"),
            "note": tr("Note"), "purpose": tr("Purpose"), "granted": tr("Granted"),
            "channel": tr("Channel"), "status": tr("Status"), "kind": tr("Kind"),
            "items": tr("Items"), "order_id": tr("Order record"),
            "feedback_id": tr("Feedback record"), "orders": tr("Orders"),
            "feedback": tr("Feedback"), "consents": tr("Consents"), "rows": tr("Rows"),
            "format": tr("Format"), "masked": tr("Masked"), "columns": tr("Columns"),
            "pseudonym": tr("With a customer key"), "filters": tr("Filters"),
            "export_seq": tr("Export entry"), "resolution_changed": tr("Resolution changed"),
        }
        self._pair = tr("{label}: {value}")
        self._separator = tr("; ")  # between two details
        self._list_separator = tr(", ")  # between the fields or columns of one detail
        self._export_failures = {  # the reasons ExportService logs for a failed export
            "disk_full": tr("the disk was full"),
            "write_error": tr("the file could not be written"),
            "error": tr("an error stopped it"), "cancelled": tr("cancelled"),
        }

    def text(self, action: str, details: Mapping[str, Any]) -> str:
        """E.g. "Field: Phone; Reason: customer called" (empty when there is nothing to say)."""
        area = action.partition(".")[0]
        parts: list[str] = []
        if "from" in details or "to" in details:
            status = self._code(FEEDBACK_STATUS_LABELS)
            moved = " → ".join(status(str(details[key])) for key in ("from", "to")
                               if details.get(key))
            parts.append(self._pair.format(label=self._labels["status"], value=moved))
        ordered = sorted(details.items(), key=lambda item: _ORDER.get(item[0], len(_ORDER)))
        if not FILTER_KEYS.isdisjoint(details):  # an export's filters, as codes
            ordered.append(("filters", filter_words(details, self._tr, ", ")))
            ordered.sort(key=lambda item: _ORDER.get(item[0], len(_ORDER)))
        for key, value in ordered:
            if key in HIDDEN or key in FILTER_KEYS or key in ("from", "to") or value is None \
                    or value == "":
                continue
            if key in ("resolution_changed", "pseudonym"):  # said only when it happened
                if value is True:
                    parts.append(self._labels[key])
                continue
            words = self._value(area, key, value)
            parts.append(self._pair.format(label=self._labels.get(key, key), value=words))
        return self._separator.join(parts)

    # ------------------------------------------------------------------ values

    def _value(self, area: str, key: str, value: Any) -> str:
        tr = self._tr
        if isinstance(value, bool):
            return tr(YES_NO_LABELS["yes" if value else "no"])
        text = str(value)
        if key == "field":
            return self._field(area, text)
        if key == "fields":
            return self._list_separator.join(
                self._field(area, name) for name in text.split(",") if name)
        if key == "columns":
            return self._list_separator.join(
                self._columns.get(name, name) for name in text.split(",") if name)
        if key in ("order_id", "feedback_id", "export_seq"):
            return f"#{text}"
        if key == "format":
            return text.upper()
        coded = _CODED.get((area, key))
        if coded is not None:
            return self._code(coded)(text)
        if area == "export" and key == "reason":
            return self._export_failures.get(text, text)
        return text

    def _field(self, area: str, name: str) -> str:
        """A logged field name as the copy's column words (unknown names as they are)."""
        column = _FIELD_ALIASES.get(name, name)
        for prefix in (area, "customer"):
            found = self._columns.get(f"{prefix}.{column}")
            if found is not None:
                return found
        return name

    def _code(self, labels: Mapping[str, str]) -> Callable[[str], str]:
        tr = self._tr
        return lambda code: tr(labels[code]) if labels.get(code) else code


_ORDER: Final = {key: number for number, key in enumerate((
    "field", "fields", "reason", "note", "purpose", "granted", "channel", "kind", "status",
    "items", "order_id", "feedback_id", "orders", "feedback", "consents", "filters", "rows",
    "format", "masked", "pseudonym", "export_seq", "resolution_changed", "columns",
))}
"""The log stores details sorted by key; they read better in this order (the long list of an
export's columns last)."""

_CODED: Final[Mapping[tuple[str, str], Mapping[str, str]]] = {
    ("consent", "purpose"): CONSENT_PURPOSE_LABELS,
    ("consent", "channel"): CONSENT_CHANNEL_LABELS,
    ("order", "status"): ORDER_STATUS_LABELS,
    ("feedback", "status"): FEEDBACK_STATUS_LABELS,
    ("feedback", "kind"): FEEDBACK_KIND_LABELS,
}
"""Details that hold a code, by action area: written as the code's words."""

