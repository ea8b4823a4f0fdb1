"""The permission matrix, one assertion per (role, permission) cell, spelled out here so that a
change to desktop/core/roles.py has to be made twice, deliberately."""

from __future__ import annotations

import pytest

from desktop.core.roles import Permission, Role, can

O, M, S, A = Role.OWNER, Role.MANAGER, Role.STAFF, Role.AUDITOR
EXPECTED: dict[Permission, set[Role]] = {
    Permission.VIEW_CUSTOMERS: {O, M, S},
    Permission.VIEW_UNMASKED: {O},
    Permission.REVEAL_FIELD: {O, M},
    Permission.ADD_RECORDS: {O, M, S},
    Permission.EDIT_RECORDS: {O, M},
    Permission.DELETE_RECORDS: {O, M},
    Permission.IMPORT: {O, M},
    Permission.EXPORT_MASKED: {O, M},
    Permission.EXPORT_UNMASKED: {O},
    Permission.EXPORT_SUBJECT_COPY: {O},
    Permission.MANAGE_USERS: {O},
    Permission.MANAGE_KEYS: {O},
    Permission.BACKUP: {O},
    Permission.RESTORE: {O},
    Permission.VIEW_AUDIT: {O, M, A},
    Permission.VIEW_PRIVACY_REGISTERS: {O, M, A},
    Permission.HANDLE_PRIVACY_REQUESTS: {O, M},
    Permission.MANAGE_SETTINGS: {O},
    Permission.LOAD_DEMO_DATA: {O},
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
