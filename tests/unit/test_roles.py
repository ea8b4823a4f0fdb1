"""The permission matrix, one assertion per (role, permission) cell, spelled out here so that a
change to desktop/core/roles.py has to be made twice, deliberately."""

from __future__ import annotations

import pytest

from desktop.core.roles import Permission, Role, can

OWN, M, S, A = Role.OWNER, Role.MANAGER, Role.STAFF, Role.AUDITOR
EXPECTED: dict[Permission, set[Role]] = {
    Permission.VIEW_CUSTOMERS: {OWN, M, S},
    Permission.VIEW_UNMASKED: {OWN},
    Permission.REVEAL_FIELD: {OWN, M},
    Permission.ADD_RECORDS: {OWN, M, S},
    Permission.EDIT_RECORDS: {OWN, M},
    Permission.DELETE_RECORDS: {OWN, M},
    Permission.IMPORT: {OWN, M},
    Permission.EXPORT_MASKED: {OWN, M},
    Permission.EXPORT_UNMASKED: {OWN},
    Permission.EXPORT_SUBJECT_COPY: {OWN},
    Permission.MANAGE_USERS: {OWN},
    Permission.MANAGE_KEYS: {OWN},
    Permission.BACKUP: {OWN},
    Permission.RESTORE: {OWN},
    Permission.VIEW_AUDIT: {OWN, M, A},
    Permission.VIEW_PRIVACY_REGISTERS: {OWN, M, A},
    Permission.HANDLE_PRIVACY_REQUESTS: {OWN, M},
    Permission.MANAGE_SETTINGS: {OWN},
    Permission.LOAD_DEMO_DATA: {OWN},
}


def test_every_permission_is_in_the_expected_table() -> None:
    assert set(EXPECTED) == set(Permission)


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("permission", list(Permission))
def test_cell(role: Role, permission: Permission) -> None:
    assert can(role, permission) is (role in EXPECTED[permission])


def test_auditor_sees_no_personal_data() -> None:
    personal = {Permission.VIEW_CUSTOMERS, Permission.VIEW_UNMASKED, Permission.REVEAL_FIELD,
                Permission.EXPORT_MASKED, Permission.EXPORT_UNMASKED,
                Permission.EXPORT_SUBJECT_COPY}
    assert not any(can(Role.AUDITOR, p) for p in personal)
