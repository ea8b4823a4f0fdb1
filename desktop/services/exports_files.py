"""Where an export's bytes go: a temp name beside the final file, renamed into place only
when complete (a full disk, a cancel or a kill leaves no half file under the final name);
XlsxWriter's row files and the plaintext of an unmasked workbook in a private folder inside
the shop's folder (never the system /tmp), overwritten and removed in ``finally``."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, Final, cast

from desktop.core.atomic_files import atomic_writer
from desktop.core.crash_points import crash_point, disk_full_point
from desktop.core.errors import ShopVaultError

DISK_FULL_ERRNOS: Final = frozenset(
    code for code in (errno.ENOSPC, getattr(errno, "EDQUOT", None), errno.EFBIG) if code
)
PASSWORD_ALPHABET: Final = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"  # noqa: S105
STALE_AFTER_SECONDS: Final = 6 * 3600
PASSWORD_GROUPS: Final = 4
PASSWORD_GROUP_LENGTH: Final = 5
"""20 characters from 57: about 117 bits, typed in four groups of five."""


class DiskFullError(ShopVaultError):
    message = "The disk is full; nothing was written to {path}. Free some space and try again."


class ExportWriteError(ShopVaultError):
    message = "The file {path} could not be written ({problem}); nothing was written."


class ExportFolderMissingError(ShopVaultError):
    message = "The folder for {path} does not exist; choose another place to save the file."


def write_error(error: OSError, path: Path) -> ShopVaultError:
    """The user-facing error for a failed write (no personal data: the path they chose and
    the system's reason)."""
    if error.errno in DISK_FULL_ERRNOS:
        return DiskFullError(path=str(path))
    return ExportWriteError(path=str(path), problem=error.strerror or type(error).__name__)


def check_target(path: Path) -> None:
    if not path.parent.is_dir():
        raise ExportFolderMissingError(path=str(path))
    if path.is_dir():
        raise ExportWriteError(path=str(path), problem=os.strerror(errno.EISDIR))


def file_password() -> str:
    groups = (
        "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_GROUP_LENGTH))
        for _ in range(PASSWORD_GROUPS)
    )
    return "-".join(groups)


class _Output:
    """The temp file, with a named point where tests make a write fail as on a full disk.
    After the block ends it swallows everything: a writer that failed half-way (XlsxWriter's
    zip) may still flush into it when garbage-collected."""

    def __init__(self, handle: BinaryIO) -> None:
        self._handle: BinaryIO | None = handle
        self._digest: hashlib._Hash | None = hashlib.sha256()

    def write(self, data: bytes) -> int:
        if self._handle is None:
            return len(data)
        disk_full_point("export:write")
        written = self._handle.write(data)
        if self._digest is not None:
            if written == len(data):
                self._digest.update(data)  # (the GIL is let go for all but small blocks)
            else:
                self._digest = None
        return written

    def seek(self, offset: int, whence: int = 0) -> int:
        self._digest = None  # (a zip writer goes back to fill in its headers)
        return 0 if self._handle is None else self._handle.seek(offset, whence)

    def sha256(self) -> str | None:
        """The SHA-256 of what was written, when it was written straight through (never a
        seek); else None."""
        return None if self._digest is None else self._digest.hexdigest()

    def tell(self) -> int:
        return 0 if self._handle is None else self._handle.tell()

    def flush(self) -> None:
        if self._handle is not None:
            self._handle.flush()

    def seekable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return False

    @property
    def closed(self) -> bool:
        return False

    def close(self) -> None:
        return None

    def discard(self) -> None:
        self._handle = None


@contextlib.contextmanager
def final_file(path: Path) -> Iterator[BinaryIO]:
    """A binary file that becomes ``path`` (atomically, fsynced) when the block succeeds."""
    check_target(path)
    with atomic_writer(path, 0o600) as handle:
        output = _Output(handle)
        try:
            yield cast(BinaryIO, output)
            crash_point("export:before-rename")
        finally:
            output.discard()


@contextlib.contextmanager
def private_folder(shop_home: Path) -> Iterator[Path]:
    """A new folder under ``<shop>/tmp`` for one export's scratch files; every file in it is
    overwritten with zeros and removed when the block ends, however it ends."""
    root = shop_home / "tmp"
    root.mkdir(mode=0o700, exist_ok=True)
    _remove_stale(root)
    folder = root / f"export-{secrets.token_hex(6)}"
    folder.mkdir(mode=0o700)
    try:
        yield folder
    finally:
        remove_securely(folder)


def _remove_stale(root: Path) -> None:
    """Scratch folders left by an export that was killed (a running one is far younger)."""
    cutoff = time.time() - STALE_AFTER_SECONDS
    for folder in root.glob("export-*"):
        with contextlib.suppress(OSError):
            if folder.is_dir() and folder.stat().st_mtime < cutoff:
                remove_securely(folder)


def remove_securely(folder: Path) -> None:
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_file() and not path.is_symlink():
            _overwrite(path)
    shutil.rmtree(folder, ignore_errors=True)


def _overwrite(path: Path) -> None:
    """Zeros over the file's bytes before it is unlinked (best effort: on SSDs and copy-on-
    write file systems the old blocks may survive; the shop folder is the user's own)."""
    with contextlib.suppress(OSError):
        size = path.stat().st_size
        with path.open("r+b") as handle:
            chunk = b"\0" * min(size, 1 << 20)
            left = size
            while left > 0:
                left -= handle.write(chunk[: min(left, len(chunk))])
            handle.flush()
            os.fsync(handle.fileno())


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def written_sha256(handle: BinaryIO) -> str | None:
    """The SHA-256 of everything written into a :func:`final_file` so far, hashed as it was
    written (no reading back), or None when that cannot be told (the writer moved around
    in the file, or ``handle`` is not one)."""
    return handle.sha256() if isinstance(handle, _Output) else None
