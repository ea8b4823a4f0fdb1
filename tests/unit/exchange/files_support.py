"""Builders for the file-layer tests: real workbooks, text files and hostile files, made in
the test's own folder (nothing binary is committed)."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import xlsxwriter

FREE = 0xFFFFFFFF
END_OF_CHAIN = 0xFFFFFFFE
FAT_SECTOR = 0xFFFFFFFD
NO_STREAM = 0xFFFFFFFF


def simple_xlsx(path: Path, rows: list[list[object]], sheet: str = "Sheet1") -> Path:
    book = xlsxwriter.Workbook(str(path))
    worksheet = book.add_worksheet(sheet)
    for number, row in enumerate(rows):
        for column, value in enumerate(row):
            if isinstance(value, str):
                worksheet.write_string(number, column, value)  # "=…" stays text
            elif value is not None:
                worksheet.write(number, column, value)
    book.close()
    return path


def rewrite_zip(
    source: Path,
    target: Path,
    *,
    replace: dict[str, bytes] | None = None,
    add: dict[str, bytes] | None = None,
) -> Path:
    """A copy of ``source`` with some parts replaced or added."""
    replace = replace or {}
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = replace.get(info.filename, None)
            new.writestr(info.filename, old.read(info) if data is None else data)
        for name, data in (add or {}).items():
            new.writestr(name, data)
    return target


def zip_with_lying_size(source: Path, target: Path, member: str, declared: int) -> Path:
    """A copy of ``source`` whose ``member`` claims (in its local header and in the central
    directory) to unpack to ``declared`` bytes, fewer than it really does."""
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as archive:
        info = archive.getinfo(member)
    real = struct.pack("<I", info.file_size)
    # Local header: uncompressed size at offset 22.
    local = info.header_offset
    assert data[local + 22 : local + 26] == real
    data[local + 22 : local + 26] = struct.pack("<I", declared)
    # Central directory entry: uncompressed size at offset 24.
    name = member.encode()
    central = data.find(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(name)] != name:
        central = data.find(b"PK\x01\x02", central + 1)
        assert central != -1
    assert data[central + 24 : central + 28] == real
    data[central + 24 : central + 28] = struct.pack("<I", declared)
    target.write_bytes(bytes(data))
    return target


def compound_file(path: Path, stream_name: str, stream: bytes = b"\x09\x08" * 2048) -> Path:
    """A minimal OLE2 compound file (what Excel 97-2003 .xls and Word .doc files are) with
    one stream, e.g. "Workbook". Version 3, 512-byte sectors; the stream is ≥ 4096 bytes so
    it lives in ordinary sectors."""
    assert len(stream) >= 4096 and len(stream) % 512 == 0
    data_sectors = len(stream) // 512
    header = bytearray(512)
    struct.pack_into(
        "<8s16sHHHHH6sIIIIIIIII",
        header,
        0,
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        bytes(16),
        0x3E,
        3,
        0xFFFE,
        9,
        6,
        bytes(6),
        0,
        1,
        1,
        0,
        4096,
        END_OF_CHAIN,
        0,
        END_OF_CHAIN,
        0,
    )
    difat = [0] + [FREE] * 108
    struct.pack_into("<109I", header, 76, *difat)
    fat = [FAT_SECTOR, END_OF_CHAIN]
    fat += [2 + i + 1 for i in range(data_sectors - 1)] + [END_OF_CHAIN]
    fat += [FREE] * (128 - len(fat))
    fat_sector = struct.pack("<128I", *fat)

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = name.encode("utf-16-le")
        return struct.pack(
            "<64sHBBIII16sIQQIQ",
            encoded,
            len(encoded) + 2 if name else 0,
            kind,
            1 if name else 0,
            NO_STREAM,
            NO_STREAM,
            child,
            bytes(16),
            0,
            0,
            0,
            start,
            size,
        )

    directory = (
        entry("Root Entry", 5, 1, END_OF_CHAIN, 0)
        + entry(stream_name, 2, NO_STREAM, 2, len(stream))
        + entry("", 0, NO_STREAM, 0, 0) * 2
    )
    path.write_bytes(bytes(header) + fat_sector + directory + stream)
    return path


def billion_laughs() -> bytes:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<!DOCTYPE lolz [", '<!ENTITY lol "lol">']
    for level in range(1, 10):
        previous = f"&lol{level - 1};" if level > 1 else "&lol;"
        lines.append(f'<!ENTITY lol{level} "{previous * 10}">')
    lines.append("]>")
    lines.append(
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
        'uniqueCount="1"><si><t>&lol9;</t></si></sst>'
    )
    return "\n".join(lines).encode()
