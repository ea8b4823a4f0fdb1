"""The words for audit action codes and roles: one English table for every place that shows
them to people — the profile's History tab, the cover sheet of an export, the data-subject
copy. Each caller passes its own translate function (the UI's ``QCoreApplication.translate``
with a context, an export's ``ExportRequest.translate``); nothing here imports Qt.

``tools/update_translations.py`` collects these labels for the UI's catalogue (contexts
``roles`` and ``AuditWords``) and, through ``export_source_texts``, for exported files.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Final

from desktop.core.roles import Role

Translate = Callable[[str], str]

ROLE_LABELS: Final[Mapping[str, str]] = MappingProxyType({
    Role.OWNER.value: "Owner",
    Role.MANAGER.value: "Manager",
    Role.STAFF.value: "Staff",
    Role.AUDITOR.value: "Auditor",
})

AUDIT_ACTION_LABELS: Final[Mapping[str, str]] = MappingProxyType({
    "customer.added": "Customer added",
    "customer.updated": "Customer details edited",
    "customer.deleted": "Customer deleted",
    "customer.revealed": "Revealed a field",
    "customer.field_revealed": "Revealed a field",
    "customer.exported": "Exported",
    "customer.imported": "Imported",
    "consent.recorded": "Recorded a consent",
    "consent.withdrawn": "Consent withdrawn",
    "order.added": "Order added",
    "order.updated": "Order edited",
    "feedback.added": "Feedback added",
    "feedback.updated": "Feedback edited",
    "feedback.status_changed": "Feedback status changed",
    "export.started": "Export started",
    "export.finished": "Export finished",
    "export.failed": "Export failed",
    "export.subject_copy": "Copy of their data exported",
    "export.pseudonym_key_created": "Customer key for reports created",
    "import.completed": "Imported",
    "import.undone": "Import undone",
    "import.template_saved": "Import template saved",
    "import.template_deleted": "Import template deleted",
    "demo.loaded": "Demo data loaded",
    "login.ok": "Logged in",
    "login.failed": "Login failed",
    "logout": "Logged out",
    "session.locked": "Locked",
    "shop.created": "Shop created",
    "shop.unlocked": "Shop unlocked",
    "shop.checked": "Shop checked",
    "key.rotated": "Database key changed",
    "key.password_changed": "Owner password changed",
    "key.password_reset": "Owner password reset with the recovery code",
    "field_key.created": "Key for resident IDs created",
    "key.remembered_on_pc": "Key remembered on this PC",
    "user.added": "User added",
    "user.disabled": "User disabled",
    "user.password_changed": "User password changed",
    "settings.changed": "Settings changed",
    "backup.created": "Backup made",
    "backup.restored": "Backup restored",
    "audit.verified": "Audit trail checked",
})
"""Audit action code → English label. A code not listed is shown as it is stored."""

_ACTOR = re.compile(r"(?P<name>.*) \((?P<role>owner|manager|staff|auditor)\)")


def action_words(action: str, tr: Translate) -> str:
    """``customer.revealed`` → "Revealed a field", translated by ``tr``."""
    label = AUDIT_ACTION_LABELS.get(action)
    return tr(label) if label else action


def role_words(role: str, tr: Translate) -> str:
    """``owner`` → "Owner", translated by ``tr`` (an unknown role as it is)."""
    label = ROLE_LABELS.get(role)
    return tr(label) if label else role


ACTOR_FORMAT: Final = "{name} ({role})"
"""A user and their role in words; translated, so that each language uses its own brackets
("wang（店主）")."""


def actor_words(actor: str, tr: Translate) -> str:
    """``wang (owner)``, as the audit log names a user, with the role in words:
    "wang (Owner)", "wang（店主）". Any other actor (``system``) is returned as it is."""
    match = _ACTOR.fullmatch(actor)
    if match is None:
        return actor
    return tr(ACTOR_FORMAT).format(name=match["name"], role=role_words(match["role"], tr))
