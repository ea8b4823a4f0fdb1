"""Roles and the permission matrix of DESIGN §4. Pure data: the services consult it."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    OWNER = "owner"
    MANAGER = "manager"
    STAFF = "staff"
    AUDITOR = "auditor"


class Permission(StrEnum):
    VIEW_CUSTOMERS = "view_customers"
    """See customer records (masked unless another permission says otherwise)."""
    VIEW_UNMASKED = "view_unmasked"
    """See personal fields unmasked without asking."""
    REVEAL_FIELD = "reveal_field"
    """Reveal one field of one customer, with a stated reason (audited)."""
    ADD_RECORDS = "add_records"
    """Add customers, orders and feedback."""
    EDIT_RECORDS = "edit_records"
    DELETE_RECORDS = "delete_records"
    IMPORT = "import"
    EXPORT_MASKED = "export_masked"
    EXPORT_UNMASKED = "export_unmasked"
    EXPORT_SUBJECT_COPY = "export_subject_copy"
    MANAGE_USERS = "manage_users"
    MANAGE_KEYS = "manage_keys"
    """Change the owner password, rotate the database key."""
    BACKUP = "backup"
    RESTORE = "restore"
    VIEW_AUDIT = "view_audit"
    VIEW_PRIVACY_REGISTERS = "view_privacy_registers"
    """Consents and data-subject requests, without the personal data behind them."""
    HANDLE_PRIVACY_REQUESTS = "handle_privacy_requests"
    MANAGE_SETTINGS = "manage_settings"
    LOAD_DEMO_DATA = "load_demo_data"


_P = Permission

PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OWNER: frozenset(Permission),
    Role.MANAGER: frozenset(
        {
            _P.VIEW_CUSTOMERS,
            _P.REVEAL_FIELD,
            _P.ADD_RECORDS,
            _P.EDIT_RECORDS,
            _P.DELETE_RECORDS,
            _P.IMPORT,
            _P.EXPORT_MASKED,
            _P.VIEW_AUDIT,
            _P.VIEW_PRIVACY_REGISTERS,
            _P.HANDLE_PRIVACY_REQUESTS,
        }
    ),
    Role.STAFF: frozenset({_P.VIEW_CUSTOMERS, _P.ADD_RECORDS}),
    Role.AUDITOR: frozenset({_P.VIEW_AUDIT, _P.VIEW_PRIVACY_REGISTERS}),
}


def can(role: Role, permission: Permission) -> bool:
    return permission in PERMISSIONS[role]
