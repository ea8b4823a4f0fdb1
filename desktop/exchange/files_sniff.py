"""What a file really is, from its first bytes and (for containers) its directory — never from
its name. A shop's "members.xlsx" may be a CSV, a web page, an old .xls or a PDF.
"""

from __future__ import annotations

import re
import zipfile
from enum import Enum
from pathlib import Path

from desktop.exchange.files_errors import (
    BINARY_WORKBOOK,
    DAMAGED,
    ENCRYPTED,
    LEGACY_XLS,
    MACROS,
    NOT_A_SPREADSHEET,
    OFFICE_DOCUMENT,
    OPEN_DOCUMENT,
    OTHER_ARCHIVE,
    PDF,
    PICTURE,
    WEB_PAGE,
    XML_SPREADSHEET,
    ZIP_ARCHIVE,
    ImportFileError,
)

HEAD_BYTES = 4096


class Container(Enum):
    ZIP = "zip"
    OLE2 = "ole2"
    TEXT = "text"  # anything else: the text reader decides whether it is a table


_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_REFUSED_MAGICS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", PDF),
    (b"\x89PNG\r\n\x1a\n", PICTURE),
    (b"\xff\xd8\xff", PICTURE),
    (b"GIF87a", PICTURE),
    (b"GIF89a", PICTURE),
    (b"II*\x00", PICTURE),
    (b"MM\x00*", PICTURE),
    (b"\x1f\x8b", OTHER_ARCHIVE),
    (b"7z\xbc\xaf\x27\x1c", OTHER_ARCHIVE),
    (b"Rar!\x1a\x07", OTHER_ARCHIVE),
    (b"\xfd7zXZ\x00", OTHER_ARCHIVE),
    (b"BZh91AY&SY", OTHER_ARCHIVE),
)
_WEB_PAGE = re.compile(rb"<(!doctype\s+html|html|head|body|table|meta|style|div)\b", re.I)
_XML_SPREADSHEET = re.compile(rb"urn:schemas-microsoft-com:office:spreadsheet|<Workbook\b")


def sniff(path: Path, head: bytes, file_name: str) -> Container:
    """The container of a non-empty file; raises ImportFileError for what is refused
    outright (PDF, pictures, archives, web pages, old Excel, encrypted files …)."""
    if head.startswith(_ZIP_MAGICS):
        return Container.ZIP
    if head.startswith(_OLE2_MAGIC):
        raise ImportFileError(file_name, problem=_ole2_problem(path, file_name))
    for magic, problem in _REFUSED_MAGICS:
        if head.startswith(magic):
            raise ImportFileError(file_name, problem=problem)
    if head[8:12] == b"WEBP" and head.startswith(b"RIFF"):
        raise ImportFileError(file_name, problem=PICTURE)
    markup = _markup_problem(head)
    if markup is not None:
        raise ImportFileError(file_name, problem=markup)
    return Container.TEXT


def _markup_problem(head: bytes) -> str | None:
    """Web pages and Excel 2003 XML saved as .xls/.xlsx: refused with how to convert them."""
    text = head
    if text.startswith((b"\xff\xfe", b"\xfe\xff")) or text[:2] in (b"<\x00", b"\x00<"):
        text = text.replace(b"\x00", b"")
    text = text.lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n")
    if not text.startswith(b"<"):
        return None
    if _XML_SPREADSHEET.search(text):
        return XML_SPREADSHEET
    if _WEB_PAGE.search(text):
        return WEB_PAGE
    if text.startswith(b"<?xml"):
        return NOT_A_SPREADSHEET
    return None  # a text table whose first cell starts with "<"


def _ole2_problem(path: Path, file_name: str) -> str:
    """An OLE2 compound file is an encrypted .xlsx (Office wraps those in OLE2), a legacy
    .xls, another Office document, or something else."""
    import olefile  # type: ignore[import-untyped]  # only for these rare files

    try:
        with olefile.OleFileIO(str(path)) as ole:
            if ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage"):
                return ENCRYPTED
            if ole.exists("Workbook") or ole.exists("Book"):
                return LEGACY_XLS
            if ole.exists("WordDocument") or ole.exists("PowerPoint Document"):
                return OFFICE_DOCUMENT
    except Exception as error:  # olefile on a broken file: OSError, struct.error, IndexError …
        raise ImportFileError(file_name, problem=DAMAGED) from error
    return NOT_A_SPREADSHEET


def zip_problem(archive: zipfile.ZipFile) -> str | None:
    """None when the ZIP looks like an .xlsx workbook (by its part names); else the problem.
    The parts are only listed here; nothing is decompressed."""
    names = {info.filename.replace("\\", "/") for info in archive.infolist()}
    lowered = {name.lower() for name in names}
    if "xl/workbook.bin" in lowered:
        return BINARY_WORKBOOK
    if "mimetype" in lowered and "content.xml" in lowered:
        return OPEN_DOCUMENT if _is_open_document_spreadsheet(archive) else OFFICE_DOCUMENT
    if "[content_types].xml" not in lowered:
        return ZIP_ARCHIVE
    if "xl/vbaproject.bin" in lowered or any(n.startswith("xl/macrosheets/") for n in lowered):
        return MACROS
    if not any(n.startswith("xl/") and n.endswith("workbook.xml") for n in lowered):
        if "word/document.xml" in lowered or "ppt/presentation.xml" in lowered:
            return OFFICE_DOCUMENT
        return NOT_A_SPREADSHEET
    return None


def content_types_problem(archive: zipfile.ZipFile) -> str | None:
    """After the safety checks: a macro-enabled content type is refused even when the VBA
    part itself is missing or renamed."""
    for info in archive.infolist():
        if info.filename.lower() == "[content_types].xml":
            with archive.open(info) as stream:
                content = stream.read()
            if b"macroenabled" in content.lower():
                return MACROS
    return None


def _is_open_document_spreadsheet(archive: zipfile.ZipFile) -> bool:
    for info in archive.infolist():
        if info.filename.lower() == "mimetype":
            with archive.open(info) as stream:
                return b"spreadsheet" in stream.read(200)
    return False
