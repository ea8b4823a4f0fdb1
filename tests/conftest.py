"""Shared fixtures. Each group lives in tests/support/ and is only registered here."""

from tests.support.databases import conn
from tests.support.private_dbus import private_bus
from tests.support.secret_service import keyring_vault, no_keyring, secret_service
from tests.support.shops import shop

__all__ = ["conn", "keyring_vault", "no_keyring", "private_bus", "secret_service", "shop"]
