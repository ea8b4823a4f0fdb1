"""Encrypted backups (database + key file in one archive) and restore, e.g. on a new PC.

The archive is a tar file: ``manifest.json``, ``shop.db`` (a consistent SQLCipher copy under
the same database key) and ``shop.key`` (the key file that unwraps it with the owner password
or the recovery code). Nothing in it is readable without one of those.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from desktop.core.atomic_files import atomic_replace, temp_name_for
from desktop.core.errors import BackupError, MissingFileError
from desktop.core.models import utc_now_iso
from desktop.core.roles import Permission
from desktop.security import keyfile as kf
from desktop.security.envelope import canonical_recovery_code
from desktop.security.keyring_vault import KeyringVault
from desktop.services.audit import SYSTEM_ACTOR
from desktop.services.paths import ShopPaths
from desktop.services.session import Session
from desktop.services.vault import (
    finish_interrupted_restore,
    open_slot,
    unwrap_db_key,
)
from desktop.services.workspace import Workspace, open_with_password, open_with_recovery_code
from desktop.store import connection as sqlc

FORMAT = "shopvault-backup"
VERSION = 1
_DB_MEMBER = "shop.db"
_KEY_MEMBER = "shop.key"
_MANIFEST = "manifest.json"
_MAX_KEYFILE_BYTES = 1 << 20
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    sha256: str
    size: int
    created_at: str


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def create_backup(workspace: Workspace, session: Session, target: Path) -> BackupInfo:
    session.require(Permission.BACKUP)
    shop = workspace.shop
    target = target.expanduser().resolve()
    if target.is_dir():
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        target = target / f"shopvault-backup-{stamp}.svbackup"
    if not target.parent.is_dir():
        raise MissingFileError(path=str(target.parent))
    with tempfile.TemporaryDirectory(dir=shop.paths.home, prefix=".backup-") as scratch:
        snapshot = Path(scratch) / _DB_MEMBER
        shop.db.export_copy(snapshot, shop.db_key)
        archived_key = shop.keyfile.with_changes(
            db_key=kf.WrappedDbKey(
                shop.keyfile.db_key.sealed, shop.keyfile.db_key.check,
                sqlc.database_salt(snapshot),
            ),
            pending_db_key=None,
        )
        key_bytes = kf.to_json(archived_key)
        created_at = utc_now_iso()
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": created_at,
            "shop_id": shop.shop_id,
            "files": {_DB_MEMBER: _sha256_file(snapshot),
                      _KEY_MEMBER: hashlib.sha256(key_bytes).hexdigest()},
        }
        partial = temp_name_for(target)
        try:
            with tarfile.open(partial, "w") as archive:
                _add_bytes(archive, _MANIFEST, json.dumps(manifest, indent=2).encode())
                _add_bytes(archive, _KEY_MEMBER, key_bytes)
                archive.add(snapshot, arcname=_DB_MEMBER, recursive=False)
            sqlc.fsync_file(partial)
            _verify_archive(partial, shop.db_key, Path(scratch))
            atomic_replace(partial, target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    info = BackupInfo(target, _sha256_file(target), target.stat().st_size, created_at)
    workspace.trail.record(
        session.actor, "backup.created", "",
        {"file": target.name, "sha256": info.sha256, "bytes": info.size},
    )
    return info


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    member = tarfile.TarInfo(name)
    member.size = len(data)
    member.mode = 0o600
    archive.addfile(member, io.BytesIO(data))


@dataclass(frozen=True, slots=True)
class _ArchiveContents:
    manifest: dict[str, object]
    keyfile: kf.KeyFile


def _problem(path: Path, problem: str) -> BackupError:
    return BackupError(path=path.name, problem=problem)


def _read_archive(archive_path: Path, db_out: Path) -> _ArchiveContents:
    """Check the archive's shape and checksums; copy its database to ``db_out``."""
    if not archive_path.is_file():
        raise MissingFileError(path=str(archive_path))
    try:
        with tarfile.open(archive_path, "r:") as archive:
            members = {m.name: m for m in archive.getmembers()}
            if set(members) != {_MANIFEST, _KEY_MEMBER, _DB_MEMBER} or not all(
                m.isreg() for m in members.values()
            ):
                raise _problem(archive_path, "it is not a ShopVault backup.")
            if members[_KEY_MEMBER].size > _MAX_KEYFILE_BYTES:
                raise _problem(archive_path, "it is not a ShopVault backup.")
            manifest = json.loads(_read_member(archive, _MANIFEST).read(_MAX_KEYFILE_BYTES))
            if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
                raise _problem(archive_path, "it is not a ShopVault backup of a known version.")
            key_bytes = _read_member(archive, _KEY_MEMBER).read()
            sums = manifest.get("files", {})
            if hashlib.sha256(key_bytes).hexdigest() != sums.get(_KEY_MEMBER):
                raise _problem(archive_path, "it is damaged (the key file does not match).")
            digest = hashlib.sha256()
            with db_out.open("wb") as out:
                source = _read_member(archive, _DB_MEMBER)
                while chunk := source.read(_CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            if digest.hexdigest() != sums.get(_DB_MEMBER):
                raise _problem(archive_path, "it is damaged (the database does not match).")
    except (tarfile.TarError, EOFError, OSError, ValueError, AttributeError) as exc:
        raise _problem(archive_path, "it is damaged or not a ShopVault backup.") from exc
    keyfile = kf.from_json(key_bytes, name=_KEY_MEMBER)
    return _ArchiveContents(manifest, keyfile)


def _read_member(archive: tarfile.TarFile, name: str) -> IO[bytes]:
    handle = archive.extractfile(name)
    if handle is None:
        raise ValueError(name)
    return handle


def _verify_archive(archive_path: Path, db_key: bytes, scratch: Path) -> None:
    check = scratch / "verify.db"
    try:
        _read_archive(archive_path, check)
        if not sqlc.key_opens(check, db_key):
            raise _problem(archive_path, "the copy just written does not open.")
    finally:
        check.unlink(missing_ok=True)


def restore_backup(
    paths: ShopPaths,
    archive_path: Path,
    *,
    keyring: KeyringVault,
    password: str | None = None,
    recovery_code: str | None = None,
) -> Workspace:
    """Replace the shop in ``paths`` (if any) by the backup. Nothing is touched until the
    archive has proved sound and the secret has unwrapped its key; the replaced files are kept
    in a ``before-restore-…`` folder."""
    if (password is None) == (recovery_code is None):
        raise ValueError("give exactly one of password and recovery_code")
    paths.ensure_home()
    finish_interrupted_restore(paths)
    staged_db = temp_name_for(paths.restoring_db)
    try:
        contents = _read_archive(archive_path.expanduser(), staged_db)
        keyfile = contents.keyfile
        slot = keyfile.password_slot if password is not None else keyfile.recovery_slot
        secret = password if password is not None else canonical_recovery_code(recovery_code or "")
        vault_key = open_slot(slot, secret)
        db_key = unwrap_db_key(vault_key, keyfile.shop_id, keyfile.db_key)
        if not sqlc.key_opens(staged_db, db_key):
            raise _problem(archive_path, "its database does not open with its key.")
        atomic_replace(staged_db, paths.restoring_db)
        kf.save(paths.restoring_keyfile, keyfile)
    finally:
        staged_db.unlink(missing_ok=True)
    _set_aside_current_shop(paths)
    finish_interrupted_restore(paths)
    if password is not None:
        workspace = open_with_password(paths, password, keyring)
    else:
        workspace = open_with_recovery_code(paths, recovery_code or "", keyring)
    workspace.trail.record(
        SYSTEM_ACTOR, "backup.restored", "",
        {"file": archive_path.name, "method": workspace.shop.unlocked_by},
    )
    return workspace


def _set_aside_current_shop(paths: ShopPaths) -> None:
    current = [p for p in [paths.db, *paths.sidecars(), paths.keyfile] if p.exists()]
    if not current:
        return
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    aside = paths.home / f"before-restore-{stamp}"
    aside.mkdir(mode=0o700)
    for path in current:
        with contextlib.suppress(FileNotFoundError):
            shutil.move(str(path), aside / path.name)
