"""Checks a workbook must pass before any spreadsheet library sees it.

An .xlsx is a ZIP of XML parts. Before python-calamine (or openpyxl) opens one, every part is
inspected here with the standard library:

* the ZIP directory: number of entries, total uncompressed size, per-entry compression ratio
  (zip bombs), archives nested inside (except embedded OLE objects, which are never read);
* every part a reader may parse (anything but pictures and embedded objects, unless those
  look like XML) is decompressed once, in a stream, never past its declared size (Python's
  ``zipfile`` stops there and checks the CRC), so a directory that lies about sizes is
  caught before a library trusts it — calamine itself reads past a declared size;
* the prolog of every XML part (what comes before its root element) must not declare a DTD or
  entities (billion laughs, external entities);
* the area a sheet spans, from its first to its farthest cell, must stay below a limit:
  calamine allocates that whole grid (a "cell bomb": one value at XFD1048576).

Only after all of that passes does the caller hand the path to a library.
"""

from __future__ import annotations

import os
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from desktop.exchange.files_errors import (
    DAMAGED,
    NESTED_ARCHIVE,
    SHEET_TOO_FAR,
    TOO_LARGE,
    UNSAFE_WORKBOOK,
    ImportFileError,
)

MiB = 1024 * 1024
GiB = 1024 * MiB


@dataclass(frozen=True, slots=True)
class FileLimits:
    """What a file may be before it is refused. The defaults suit a shop's spreadsheets
    (Excel's own maximum sheet is far below them); tests pass smaller ones."""

    max_file_bytes: int = 512 * MiB  # on disk, any kind
    max_text_bytes: int = 512 * MiB  # a CSV/TSV file
    max_line_chars: int = 1 * MiB  # one physical line of a text file
    max_columns: int = 16_384  # Excel's column limit
    max_total_uncompressed: int = 1 * GiB  # all parts of a workbook together
    max_entries: int = 10_000
    max_ratio: int = 200  # uncompressed : compressed, for entries above ratio_floor
    ratio_floor: int = 4 * MiB
    max_prolog_bytes: int = 64 * 1024  # XML before the root element
    # A sheet's area from its first to its farthest cell: calamine holds that whole grid in
    # memory (~32 bytes a cell), so one stray cell at XFD1048576 asked for 512 GiB.
    max_sheet_cells: int = 50_000_000


DEFAULT_LIMITS = FileLimits()

_CHUNK = 1 * MiB
_ZIP_MAGIC = b"PK\x03\x04"
_ARCHIVE_SUFFIXES = (".zip", ".xlsx", ".xlsm", ".docx", ".pptx", ".gz", ".7z", ".rar", ".jar")
# Embedded objects (an OLE package, a chart's workbook) live here; nothing here is ever read.
_EMBEDDINGS = "xl/embeddings/"
# What zipfile raises for a cut-off, corrupt or oddly compressed entry.
_BROKEN_STREAM = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,  # an entry encrypted with the old ZIP password scheme
)
_XML_SUFFIXES = (".xml", ".rels", ".vml")
# Markup allowed before the root element: XML declaration / processing instructions,
# comments and whitespace. A "<!" that is not a comment is a DOCTYPE (or worse).
_PROLOG_ITEM = re.compile(rb"\s+|<\?.*?\?>|<!--.*?-->", re.DOTALL)
# SVG pictures (xl/media/) often name the public SVG DTD. That is harmless without an internal
# subset ("[ … ]", where entities are declared), and no reader of ours fetches a DTD.
_EXTERNAL_DOCTYPE = re.compile(rb"<!DOCTYPE\s[^\[<>]*>")
_MEDIA = "xl/media/"
_NEVER_PARSED = (_MEDIA, _EMBEDDINGS)
_BOM_AND_SPACE = b"\xef\xbb\xbf \t\r\n"
_EOCD_MAGIC = b"PK\x05\x06"
_EOCD_SIZE = 22
_EOCD_SEARCH = _EOCD_SIZE + 0xFFFF  # the record, after at most a 64 KiB comment
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_LOCATOR_SIZE = 20
_ZIP64_EOCD_MAGIC = b"PK\x06\x06"


def check_entry_count(path: Path, file_name: str, limits: FileLimits) -> None:
    """Refuse a ZIP whose directory lists more entries than allowed *before* zipfile reads
    that directory: it builds an object per entry, and millions fit in a large file. The
    count is read from the end-of-directory record (or its ZIP64 version)."""
    with open(path, "rb") as stream:
        size = stream.seek(0, os.SEEK_END)
        tail_size = min(size, _EOCD_SEARCH)
        stream.seek(size - tail_size)
        tail = stream.read(tail_size)
        end = tail.rfind(_EOCD_MAGIC)
        if end < 0 or end + _EOCD_SIZE > len(tail):
            return  # no directory: zipfile will say the file is damaged
        count = struct.unpack_from("<H", tail, end + 10)[0]
        locator = end - _ZIP64_LOCATOR_SIZE
        if count == 0xFFFF and locator >= 0 and tail[locator : locator + 4] == _ZIP64_LOCATOR:
            record = struct.unpack_from("<Q", tail, locator + 8)[0]
            stream.seek(record)
            head = stream.read(40)
            if len(head) == 40 and head.startswith(_ZIP64_EOCD_MAGIC):
                count = struct.unpack_from("<Q", head, 32)[0]
    if count > limits.max_entries:
        raise ImportFileError(file_name, problem=UNSAFE_WORKBOOK)


def check_workbook_zip(archive: zipfile.ZipFile, file_name: str, limits: FileLimits) -> None:
    """Raise ImportFileError unless every part of the archive is safe to hand to a reader."""
    entries = archive.infolist()
    if len(entries) > limits.max_entries:
        raise ImportFileError(file_name, problem=UNSAFE_WORKBOOK)
    total = 0
    for entry in entries:
        total += entry.file_size
        if total > limits.max_total_uncompressed:
            raise ImportFileError(file_name, problem=TOO_LARGE)
        if entry.file_size > limits.ratio_floor and (
            entry.file_size > limits.max_ratio * max(entry.compress_size, 1)
        ):
            raise ImportFileError(file_name, problem=UNSAFE_WORKBOOK)
    for entry in entries:
        if not entry.is_dir():
            _check_entry(archive, entry, file_name, limits)


def _check_entry(
    archive: zipfile.ZipFile, entry: zipfile.ZipInfo, file_name: str, limits: FileLimits
) -> None:
    name = entry.filename.replace("\\", "/").lower()
    embedded = name.startswith(_EMBEDDINGS)
    if name.endswith(_ARCHIVE_SUFFIXES) and not embedded:
        raise ImportFileError(file_name, problem=NESTED_ARCHIVE)
    try:
        with archive.open(entry) as stream:
            head = stream.read(limits.max_prolog_bytes)
            if head.startswith(_ZIP_MAGIC) and not embedded:
                raise ImportFileError(file_name, problem=NESTED_ARCHIVE)
            # Any part that is XML by name or by content: a reader may be pointed at a part
            # of any name, so the extension alone is not trusted.
            text = _as_ascii_compatible(head)
            start = text.lstrip(_BOM_AND_SPACE)[:1]
            is_xml = name.endswith(_XML_SUFFIXES) or start == b"<"
            if is_xml and start not in (b"", b"<"):
                # An XML part holding no markup at all was garbled, not crafted.
                raise ImportFileError(file_name, problem=DAMAGED)
            if is_xml:
                media = name.startswith(_MEDIA)
                if not _prolog_is_safe(text, limits.max_prolog_bytes, media=media):
                    raise ImportFileError(file_name, problem=UNSAFE_WORKBOOK)
            if not is_xml and name.startswith(_NEVER_PARSED):
                return  # a picture or embedded object: no reader of ours unpacks it
            # Read to the end: zipfile never returns more than the declared size and checks
            # the CRC there, so a part whose directory entry lies fails here.
            extent = _SheetExtent()
            extent.feed(head)
            while chunk := stream.read(_CHUNK):
                if is_xml:
                    extent.feed(chunk)
            if extent.cells() > limits.max_sheet_cells:
                raise ImportFileError(file_name, problem=SHEET_TOO_FAR)
    except ImportFileError:
        raise
    except _BROKEN_STREAM as error:
        raise ImportFileError(file_name, problem=DAMAGED) from error


class _SheetExtent:
    """How far a sheet part reaches: its last row times its farthest column. Kept cheap, as
    every part of every workbook goes through it: the last row is read from the last
    ``<row r="…">`` of each chunk (every writer puts rows in order), and only cells beyond
    column Z are looked at one by one (a narrow sheet has none; up to Z, 26 columns are
    assumed). Chunks overlap by a few bytes so that no reference is cut in two."""

    _ROW = re.compile(rb'row r="(\d{1,9})"')
    _ROW_MARK = b'row r="'
    # A literal prefix ("r="), so that re skips ahead fast.
    _WIDE_CELL = re.compile(rb'r="([A-Z]{2,3})(\d{1,9})"')
    _OVERLAP = 64

    def __init__(self) -> None:
        self.rows = 0
        self.columns = 26
        self._tail = b""

    def feed(self, chunk: bytes) -> None:
        data = self._tail + chunk
        self._tail = data[-self._OVERLAP :]
        last = self._ROW.match(data, max(data.rfind(self._ROW_MARK), 0))
        if last is not None:
            self.rows = max(self.rows, int(last.group(1)))
        for letters, number in self._WIDE_CELL.findall(data):
            self.rows = max(self.rows, int(number))
            self.columns = max(self.columns, _column_number(letters))

    def cells(self) -> int:
        return self.rows * self.columns


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64  # ord("A") - 1
    return number


def _prolog_is_safe(text: bytes, max_prolog: int, *, media: bool = False) -> bool:
    """True when the XML reaches its root element without a DTD or entity declaration."""
    position = 0
    if text.startswith(b"\xef\xbb\xbf"):
        position = 3
    while position < len(text):
        match = _PROLOG_ITEM.match(text, position)
        if match is None and media:
            match = _EXTERNAL_DOCTYPE.match(text, position)
        if match is not None:
            position = match.end()
            continue
        # The root element starts here (no DTD came before it), or else a "<!DOCTYPE",
        # "<!ENTITY", text before the root or a prolog cut off by the limit.
        rest = text[position : position + 2]
        return len(rest) == 2 and rest.startswith(b"<") and rest != b"<!"
    # Nothing but prolog within the limit (or an empty part): only an empty part is fine.
    return len(text.strip()) == 0 and len(text) < max_prolog


def _as_ascii_compatible(head: bytes) -> bytes:
    """XML parts may be UTF-16; the markup of their prolog is ASCII, so drop the zero bytes
    of UTF-16 to scan it like UTF-8."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head[2:]
    if head[:2] in (b"<\x00", b"\x00<"):
        return head.replace(b"\x00", b"")
    return head
