"""The file layer of an import: open whatever file a shop chose and hand over its rows.

``open_source(path)`` decides from the content, not the name, what the file is — an .xlsx
workbook, or a CSV / tab-separated text table in any common encoding — and refuses anything
else (old .xls, encrypted or macro workbooks, web pages, PDFs, pictures, zip and XML bombs,
empty or damaged files) with one ``ImportFileError`` that names the file and says how to fix
it. Nothing is half-read: every check runs before the first row is handed over.

    with open_source(path) as source:
        for sheet in source.sheets: ...
        for row in source.rows(source.sheets[0].name): ...   # tuples of Cell

Rows are streamed; ``rows()`` can be called again to read a sheet from the top. Cells: formula
cells as the value Excel cached, whole numbers as exact ``int``, date cells as
``date``/``datetime``/``time``, text exactly as stored, empty as None; trailing empty cells
are dropped, so rows may be ragged; row *n* of the iteration is row *n* of the sheet. Text
files give ``str`` cells only.
"""

from __future__ import annotations

import logging
import stat
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

from desktop.core.import_types import Cell
from desktop.exchange.files_cache import SheetCache
from desktop.exchange.files_errors import (
    EMPTY,
    MISSING,
    NOT_A_FILE,
    TOO_LARGE,
    UNREADABLE,
    ImportFileError,
)
from desktop.exchange.files_safety import DEFAULT_LIMITS, FileLimits
from desktop.exchange.files_sheets import SheetInfo, SheetReader
from desktop.exchange.files_sniff import HEAD_BYTES, Container, sniff
from desktop.exchange.files_text import TextTable
from desktop.exchange.files_xlsx import XlsxWorkbook

__all__ = [
    "DEFAULT_LIMITS",
    "FileIdentity",
    "FileLimits",
    "ImportFileError",
    "SheetCache",
    "SheetInfo",
    "SourceFile",
    "open_source",
]

log = logging.getLogger(__name__)

FileIdentity = tuple[int, int, int, int]
"""(device, inode, size, modification time in ns) of an opened file."""


class SourceFile:
    """An opened import file. Use it as a context manager, or call ``close()``."""

    def __init__(
        self, file_name: str, reader: SheetReader, identity: FileIdentity = (0, 0, 0, 0)
    ) -> None:
        self.file_name = file_name
        # Which file was opened, as it was then: a later open of a changed (or replaced)
        # file has another identity.
        self.identity = identity
        self._reader = reader
        self.kind: str = reader.kind
        self.encoding: str | None = reader.encoding
        self.sheets: tuple[SheetInfo, ...] = reader.sheets

    def rows(self, sheet: str) -> Iterator[tuple[Cell, ...]]:
        """The sheet's rows from the top, one tuple per sheet row (blank rows are ``()``)."""
        return self._reader.rows(sheet)

    def close(self) -> None:
        self._reader.close()

    def __enter__(self) -> SourceFile:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def open_source(
    path: Path, *, limits: FileLimits = DEFAULT_LIMITS, cache: SheetCache | None = None
) -> SourceFile:
    """Open ``path`` for import, or raise ImportFileError (see the module docstring).
    ``cache``: a workbook's parsed sheet is kept there for the next open of the same,
    unchanged file (see ``desktop.exchange.files_cache``)."""
    file_name = Path(path).name
    identity, head = _identity_and_head(Path(path), file_name)
    size = identity[2]
    if size > limits.max_file_bytes:
        raise ImportFileError(file_name, problem=TOO_LARGE)
    if size == 0:
        raise ImportFileError(file_name, problem=EMPTY)
    container = sniff(Path(path), head, file_name)
    reader: SheetReader
    if container is Container.ZIP:
        reader = XlsxWorkbook(Path(path), file_name, limits, cache)
    else:
        reader = TextTable(Path(path), head, size, file_name, limits)
    # Only the kind of file: its name may be a person's, its content is personal data.
    log.info("Import file opened: %s, %d sheet(s)", reader.kind, len(reader.sheets))
    return SourceFile(file_name, reader, identity)


def _identity_and_head(path: Path, file_name: str) -> tuple[FileIdentity, bytes]:
    try:
        status = path.stat()
    except FileNotFoundError as error:
        raise ImportFileError(file_name, problem=MISSING) from error
    except OSError as error:
        raise ImportFileError(file_name, problem=UNREADABLE) from error
    if stat.S_ISDIR(status.st_mode):
        raise ImportFileError(file_name, problem=NOT_A_FILE)
    if not stat.S_ISREG(status.st_mode):
        raise ImportFileError(file_name, problem=UNREADABLE)
    try:
        with open(path, "rb") as stream:
            head = stream.read(HEAD_BYTES)
    except OSError as error:
        raise ImportFileError(file_name, problem=UNREADABLE) from error
    identity = (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)
    return identity, head
