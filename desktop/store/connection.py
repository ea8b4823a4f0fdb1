"""Opening the SQLCipher database with a raw 256-bit key (DESIGN §2)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3

from desktop.core.errors import DamagedFileError, MissingFileError, WrongKeyError

KEY_BYTES = 32
PAGE_SIZE = 4096
SALT_BYTES = 16

Connection = Any
"""A sqlcipher3 connection (the module ships no type information)."""

DatabaseError = sqlcipher3.DatabaseError
IntegrityError = sqlcipher3.IntegrityError


def _connect(target: str, *, uri: bool = False) -> Connection:
    conn = sqlcipher3.connect(target, uri=uri, isolation_level=None, check_same_thread=False)
    # SQLCipher otherwise writes decryption failures to stderr; they are reported as errors.
    conn.execute("PRAGMA cipher_log_level = NONE")
    return conn


def _key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("database key must be 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def _apply_pragmas(conn: Connection, *, cache_mib: int) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute(f"PRAGMA cache_size = -{cache_mib * 1024}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA busy_timeout = 5000")


def create_database(path: Path, key: bytes, *, cache_mib: int = 64) -> Connection:
    """Create a new, empty encrypted database. Refuses to touch an existing file."""
    if path.exists():
        raise FileExistsError(str(path))
    path.touch(mode=0o600, exist_ok=False)
    conn = _connect(str(path))
    conn.execute(_key_pragma(key))
    conn.execute(f"PRAGMA cipher_page_size = {PAGE_SIZE}")
    _apply_pragmas(conn, cache_mib=cache_mib)
    return conn


def open_database(path: Path, key: bytes, *, cache_mib: int = 64) -> Connection:
    """Open an existing database; tell a missing, a damaged and a wrongly keyed file apart.

    SQLCipher cannot tell a wrong key from a damaged first page by itself; the caller passes a
    key it has already matched against the key file's check value, so a refusal here with a
    file of sane size means damage. A key that fails that check never reaches this function.
    """
    if not path.exists():
        raise MissingFileError(path=path.name)
    size = path.stat().st_size
    if size == 0 or size % PAGE_SIZE != 0:
        raise DamagedFileError(path=path.name)
    conn = _connect(str(path))
    try:
        conn.execute(_key_pragma(key))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        _apply_pragmas(conn, cache_mib=cache_mib)
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise DamagedFileError(path=path.name) from exc
    return conn


def key_opens(path: Path, key: bytes) -> bool:
    """True when ``key`` decrypts ``path``; never changes the file."""
    if not path.exists():
        return False
    conn = _connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        conn.execute(_key_pragma(key))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()


def database_salt(path: Path) -> bytes:
    """The random salt SQLCipher stores in the first 16 bytes (identifies one database file)."""
    with path.open("rb") as fh:
        return fh.read(SALT_BYTES)


@contextlib.contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def checkpoint_and_close(conn: Connection) -> None:
    """Fold the WAL back into the main file and close, leaving no -wal content behind."""
    with contextlib.suppress(sqlcipher3.DatabaseError):
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def export_with_new_key(conn: Connection, target: Path, new_key: bytes) -> None:
    """Write a complete copy of the open database to ``target`` encrypted with ``new_key``."""
    if target.exists():
        target.unlink()
    conn.execute(f"ATTACH DATABASE ? AS rekeyed KEY \"x'{new_key.hex()}'\"", (str(target),))
    try:
        conn.execute("PRAGMA rekeyed.cipher_page_size = 4096")
        conn.execute("SELECT sqlcipher_export('rekeyed')")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA rekeyed.user_version = {int(version)}")
    finally:
        conn.execute("DETACH DATABASE rekeyed")
    fsync_file(target)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def wrong_key(path: Path) -> WrongKeyError:
    return WrongKeyError(path=path.name)
