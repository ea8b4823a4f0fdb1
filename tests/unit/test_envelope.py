from __future__ import annotations

import pytest

from desktop.core.errors import DamagedFileError, WrongSecretError
from desktop.security import keyfile as kf
from desktop.security.envelope import (
    KdfParams,
    canonical_recovery_code,
    derive_kek,
    key_check_value,
    new_key,
    new_recovery_code,
    seal,
    unseal,
)

FAST = KdfParams(memory_kib=8192, time_cost=1, parallelism=1)


def test_seal_round_trip_and_purpose_binding() -> None:
    key, secret = new_key(), new_key()
    sealed = seal(key, secret, "db key")
    assert unseal(key, sealed, "db key") == secret
    with pytest.raises(WrongSecretError):
        unseal(key, sealed, "vault key")
    with pytest.raises(WrongSecretError):
        unseal(new_key(), sealed, "db key")


def test_kek_depends_on_secret_salt_and_unicode_normalisation() -> None:
    salt = b"s" * 16
    composed, decomposed = "caf\u00e9-密码-123", "cafe\u0301-密码-123"
    assert derive_kek(composed, salt, FAST) == derive_kek(decomposed, salt, FAST)
    assert derive_kek(composed, salt, FAST) != derive_kek(composed, b"t" * 16, FAST)
    assert derive_kek(composed, salt, FAST) != derive_kek("other", salt, FAST)


def test_recovery_codes_are_random_and_forgiving_to_type() -> None:
    code = new_recovery_code()
    assert len(code) == 35 and code.count("-") == 5
    assert code != new_recovery_code()
    typed = " " + code.lower().replace("-", " ") + " "
    assert canonical_recovery_code(typed) == code


def test_key_check_value_tells_keys_apart() -> None:
    key = new_key()
    assert key_check_value(key, "shop") == key_check_value(key, "shop")
    assert key_check_value(key, "shop") != key_check_value(new_key(), "shop")


def _keyfile() -> kf.KeyFile:
    slot = kf.SecretSlot(b"1" * 16, FAST, seal(new_key(), new_key(), "x"))
    wrapped = kf.WrappedDbKey(seal(new_key(), new_key(), "y"), b"c" * 32, b"d" * 16)
    return kf.KeyFile("shop1", slot, slot, "stamp", wrapped, None,
                      kf.AuditAnchor(3, b"h" * 32, b"m" * 32), {"future_slot": {"a": 1}})


def test_keyfile_round_trip_keeps_unknown_fields(tmp_path) -> None:
    original = _keyfile()
    kf.save(tmp_path / "shop.key", original)
    assert kf.load(tmp_path / "shop.key") == original
    assert (tmp_path / "shop.key").stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("raw", [b"", b"{", b'{"format": "other"}', b"\xff\xfe",
                                 b'{"format": "shopvault-keyfile", "version": 1}'])
def test_damaged_keyfile_is_reported_as_damaged(raw: bytes) -> None:
    with pytest.raises(DamagedFileError):
        kf.from_json(raw, name="shop.key")
