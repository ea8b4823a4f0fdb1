"""Tampering with the audit log by direct SQL on the unlocked database is found by
``audit verify``, at the first broken entry."""

from __future__ import annotations

from desktop.core.roles import Role
from desktop.services.workspace import default_keyring, open_with_password
from tests.support.shops import OWNER_PASSWORD, ShopFixture


def _grow_log(shop: ShopFixture) -> int:
    accounts = shop.workspace.accounts
    for name in ("li", "zhao", "qian"):
        accounts.add_user(shop.owner, name, Role.STAFF, "Staff-pass-77")
    return shop.workspace.shop.db.audit.count()


def _sql(shop: ShopFixture, statement: str, *params: object) -> None:
    shop.workspace.shop.db.conn.execute(statement, params)


def test_untouched_log_verifies(shop: ShopFixture) -> None:
    total = _grow_log(shop)
    report = shop.workspace.verify_audit(shop.owner)
    assert report.ok and report.entries == total
    # verifying is itself audited, and the log still verifies afterwards
    assert shop.workspace.verify_audit(shop.owner).entries == total + 1


def test_edited_entry(shop: ShopFixture) -> None:
    _grow_log(shop)
    _sql(shop, "UPDATE audit_log SET actor = 'someone else' WHERE seq = 4")
    report = shop.workspace.verify_audit(shop.owner)
    assert not report.ok and report.first_bad_seq == 4


def test_edited_entry_with_recomputed_hash_breaks_the_next_link(shop: ShopFixture) -> None:
    from desktop.security.audit_chain import entry_hash

    _grow_log(shop)
    row = shop.workspace.shop.db.audit.entry(3)
    assert row is not None
    forged = entry_hash(row.prev_hash, 3, row.at, "nobody", row.action, row.target, row.details)
    _sql(shop, "UPDATE audit_log SET actor = 'nobody', hash = ? WHERE seq = 3", forged)
    assert shop.workspace.verify_audit(shop.owner).first_bad_seq == 4


def test_deleted_entry(shop: ShopFixture) -> None:
    _grow_log(shop)
    _sql(shop, "DELETE FROM audit_log WHERE seq = 2")
    assert shop.workspace.verify_audit(shop.owner).first_bad_seq == 2


def test_reordered_entries(shop: ShopFixture) -> None:
    _grow_log(shop)
    _sql(shop, "UPDATE audit_log SET seq = -1 WHERE seq = 3")
    _sql(shop, "UPDATE audit_log SET seq = 3 WHERE seq = 5")
    _sql(shop, "UPDATE audit_log SET seq = 5 WHERE seq = -1")
    assert shop.workspace.verify_audit(shop.owner).first_bad_seq == 3


def test_truncated_tail_is_found_through_the_anchor(shop: ShopFixture) -> None:
    total = _grow_log(shop)
    _sql(shop, "DELETE FROM audit_log WHERE seq > ?", total - 2)
    report = shop.workspace.trail.verify()
    assert not report.ok and report.first_bad_seq == total - 1


def test_truncation_is_found_after_reopening(shop: ShopFixture) -> None:
    total = _grow_log(shop)
    _sql(shop, "DELETE FROM audit_log WHERE seq > ?", total - 1)
    shop.workspace.close()
    shop.workspace = open_with_password(shop.paths, OWNER_PASSWORD, default_keyring())
    report = shop.workspace.trail.verify()
    assert not report.ok and report.first_bad_seq == total


def test_forged_anchor_in_the_key_file_is_not_trusted(shop: ShopFixture) -> None:
    from desktop.security import keyfile as kf

    total = _grow_log(shop)
    ws = shop.workspace.shop
    assert ws.keyfile.audit_anchor is not None
    forged = kf.AuditAnchor(1, ws.keyfile.audit_anchor.head_hash, ws.keyfile.audit_anchor.mac)
    ws.save_keyfile(ws.keyfile.with_changes(audit_anchor=forged))
    _sql(shop, "DELETE FROM audit_log WHERE seq > ?", total - 2)
    # the forged (lower) anchor has a bad MAC and is ignored; with no trusted anchor left the
    # chain itself is intact, which is all that can be said without one
    assert shop.workspace.trail.verify().ok
