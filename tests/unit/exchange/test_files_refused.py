"""Files the import refuses: each gets one ImportFileError naming the file (never its folder)
and saying what to do — never a traceback, a hang or half a result."""

from __future__ import annotations

import io
import os
import random
import zipfile
from pathlib import Path

import msoffcrypto
import pytest

from desktop.exchange import files_errors as problems
from desktop.exchange.source_files import FileLimits, ImportFileError, open_source
from tests.unit.exchange.files_support import (
    billion_laughs,
    compound_file,
    rewrite_zip,
    simple_xlsx,
    zip_with_lying_size,
)

FOLDER = "王小明的文件"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder whose name is personal: it must never appear in a message."""
    path = tmp_path / FOLDER
    path.mkdir()
    return path


def refused(path: Path, problem: str, limits: FileLimits | None = None) -> ImportFileError:
    with pytest.raises(ImportFileError) as caught:
        if limits is None:
            open_source(path)
        else:
            open_source(path, limits=limits)
    error = caught.value
    assert type(error) is ImportFileError
    assert error.problem == problem
    text = str(error)
    assert path.name in text
    assert FOLDER not in text and str(path.parent) not in text
    return error


def workbook(folder: Path, name: str = "会员.xlsx") -> Path:
    return simple_xlsx(folder / name, [["姓名", "手机"], ["张三", 13812345678]])


def test_missing_file(folder):
    refused(folder / "不存在.xlsx", problems.MISSING)


def test_a_folder_is_not_a_file(folder):
    (folder / "表格.xlsx").mkdir()
    refused(folder / "表格.xlsx", problems.NOT_A_FILE)


def test_empty_file(folder):
    (folder / "空.xlsx").write_bytes(b"")
    refused(folder / "空.xlsx", problems.EMPTY)


def test_truncated_workbook(folder):
    path = workbook(folder)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    refused(path, problems.DAMAGED)


def test_workbook_with_a_corrupt_part(folder):
    path = workbook(folder)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for offset in range(start + 10, start + min(info.compress_size, 60)):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))
    refused(path, problems.DAMAGED)


def test_random_binary(folder):
    path = folder / "data.xlsx"
    path.write_bytes(random.Random(7).randbytes(20_000))
    refused(path, problems.NOT_A_SPREADSHEET)


def test_legacy_xls(folder):
    refused(compound_file(folder / "会员.xls", "Workbook"), problems.LEGACY_XLS)


def test_legacy_xls_named_xlsx(folder):
    refused(compound_file(folder / "会员.xlsx", "Book"), problems.LEGACY_XLS)


def test_word_document(folder):
    refused(compound_file(folder / "会员.xls", "WordDocument"), problems.OFFICE_DOCUMENT)


def test_broken_compound_file(folder):
    path = folder / "会员.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    refused(path, problems.DAMAGED)


def test_password_protected_workbook(folder):
    plain = workbook(folder, "plain.xlsx")
    path = folder / "加密.xlsx"
    with open(plain, "rb") as source, open(path, "wb") as target:
        msoffcrypto.OfficeFile(source).encrypt("secret-1", target)
    assert path.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    refused(path, problems.ENCRYPTED)


def test_macro_workbook(folder):
    path = rewrite_zip(
        workbook(folder), folder / "宏.xlsm", add={"xl/vbaProject.bin": b"\x00" * 64}
    )
    refused(path, problems.MACROS)


def test_macro_content_type_without_vba_part(folder):
    source = workbook(folder)
    with zipfile.ZipFile(source) as archive:
        types = archive.read("[Content_Types].xml")
    macro_types = types.replace(
        b"spreadsheetml.sheet.main+xml", b"ms-excel.sheet.macroEnabled.main+xml"
    )
    assert macro_types != types
    path = rewrite_zip(source, folder / "宏.xlsx", replace={"[Content_Types].xml": macro_types})
    refused(path, problems.MACROS)


def test_binary_workbook(folder):
    path = rewrite_zip(workbook(folder), folder / "b.xlsb", add={"xl/workbook.bin": b"\x00"})
    refused(path, problems.BINARY_WORKBOOK)


@pytest.mark.parametrize(
    ("head", "problem"),
    [
        (b"<html><body><table><tr><td>1</td></tr></table></body></html>", problems.WEB_PAGE),
        (b"\r\n<!DOCTYPE html>\n<html>", problems.WEB_PAGE),
        (b"\xef\xbb\xbf<table border=1><tr><td>x</td></tr></table>", problems.WEB_PAGE),
        (
            b'<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
            b'<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
            problems.XML_SPREADSHEET,
        ),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", problems.PDF),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", problems.PICTURE),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", problems.PICTURE),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", problems.OTHER_ARCHIVE),
        (b"Rar!\x1a\x07\x01\x00", problems.OTHER_ARCHIVE),
    ],
)
def test_other_formats_named_like_spreadsheets(folder, head, problem):
    path = folder / "会员.xls"
    path.write_bytes(head + bytes(range(256)) * 4)
    refused(path, problem)


def test_web_page_in_utf16(folder):
    path = folder / "export.xls"
    path.write_bytes("\ufeff<html><body><table></table></body></html>".encode("utf-16-le"))
    refused(path, problems.WEB_PAGE)


def test_plain_zip_archive(folder):
    path = folder / "资料.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("会员.csv", "姓名,手机\n")
    refused(path, problems.ZIP_ARCHIVE)


def test_word_docx_named_xlsx(folder):
    path = folder / "说明.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    refused(path, problems.OFFICE_DOCUMENT)


def test_open_document_spreadsheet(folder):
    path = folder / "会员.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    refused(path, problems.OPEN_DOCUMENT)


# ------------------------------------------------------------------ bombs


def test_zip_bomb_by_compression_ratio(folder):
    path = rewrite_zip(
        workbook(folder),
        folder / "bomb.xlsx",
        add={"xl/media/padding.xml": b"<a/>" + bytes(8 << 20)},
    )
    refused(path, problems.UNSAFE_WORKBOOK)


def test_zip_bomb_by_total_size(folder):
    path = rewrite_zip(
        workbook(folder),
        folder / "big.xlsx",
        add={"docProps/custom.xml": b"<a>" + b"x" * 3000 + b"</a>"},
    )
    refused(path, problems.TOO_LARGE, FileLimits(max_total_uncompressed=2000))


@pytest.mark.slow
def test_zip_bomb_of_a_gibibyte_is_refused_from_its_directory(folder):
    """A real 1 GiB entry of zeros (~1 MiB on disk) — refused before anything unpacks it."""
    path = folder / "gib.xlsx"
    entry_info = zipfile.ZipInfo("xl/worksheets/sheet9.xml")
    entry_info.compress_type = zipfile.ZIP_DEFLATED
    with (
        zipfile.ZipFile(workbook(folder)) as old,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new,
    ):
        for info in old.infolist():
            new.writestr(info, old.read(info))
        with new.open(entry_info, "w", force_zip64=True) as entry:
            block = bytes(1 << 20)
            for _ in range(1024):
                entry.write(block)
    assert path.stat().st_size < 8 << 20
    refused(path, problems.TOO_LARGE)


def test_zip_bomb_with_a_lying_directory(folder):
    """The directory claims a small part; the data unpacks to far more. zipfile stops at the
    claimed size and the CRC check fails: refused as damaged before calamine trusts it."""
    source = simple_xlsx(folder / "src.xlsx", [["姓名", "手机"]] + [["张三", 13812345678]] * 2000)
    path = zip_with_lying_size(source, folder / "liar.xlsx", "xl/worksheets/sheet1.xml", 1000)
    refused(path, problems.DAMAGED)


def test_entry_count_bomb(folder):
    extra = {f"xl/media/image{i}.xml": b"<a/>" for i in range(60)}
    path = rewrite_zip(workbook(folder), folder / "many.xlsx", add=extra)
    refused(path, problems.UNSAFE_WORKBOOK, FileLimits(max_entries=50))


def test_entry_count_bomb_default_limit(folder):
    path = folder / "many.xlsx"
    with zipfile.ZipFile(workbook(folder)) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            new.writestr(info, old.read(info))
        for i in range(10_001):
            new.writestr(f"x/{i}", b"")
    refused(path, problems.UNSAFE_WORKBOOK)


def test_nested_zip(folder):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("a.txt", "a")
    path = rewrite_zip(
        workbook(folder), folder / "nested.xlsx", add={"xl/media/image1.png": inner.getvalue()}
    )
    refused(path, problems.NESTED_ARCHIVE)


def test_nested_zip_by_name(folder):
    path = rewrite_zip(workbook(folder), folder / "nested.xlsx", add={"customXml/data.zip": b"x"})
    refused(path, problems.NESTED_ARCHIVE)


def test_embedded_objects_are_allowed_and_never_read(folder):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("a.txt", "a")
    path = rewrite_zip(
        workbook(folder),
        folder / "embedded.xlsx",
        add={"xl/embeddings/Microsoft_Excel_Worksheet.xlsx": inner.getvalue()},
    )
    with open_source(path) as source:
        assert list(source.rows("Sheet1")) == [("姓名", "手机"), ("张三", 13812345678)]


def test_billion_laughs_in_shared_strings(folder):
    path = rewrite_zip(
        workbook(folder), folder / "laughs.xlsx", replace={"xl/sharedStrings.xml": billion_laughs()}
    )
    refused(path, problems.UNSAFE_WORKBOOK)


def test_external_entity_in_a_sheet(folder):
    source = workbook(folder)
    with zipfile.ZipFile(source) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    hostile = sheet.replace(b"?>", b'?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', 1)
    path = rewrite_zip(source, folder / "xxe.xlsx", replace={"xl/worksheets/sheet1.xml": hostile})
    refused(path, problems.UNSAFE_WORKBOOK)


def test_doctype_hidden_behind_a_long_prolog(folder):
    source = workbook(folder)
    padding = b"<!--" + b" " * 100_000 + b"-->"
    hostile = b'<?xml version="1.0"?>' + padding + b"<!DOCTYPE x []><workbook/>"
    path = rewrite_zip(source, folder / "long.xlsx", replace={"xl/workbook.xml": hostile})
    refused(path, problems.UNSAFE_WORKBOOK)


def test_doctype_in_a_utf16_part(folder):
    source = workbook(folder)
    hostile = '\ufeff<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x []><Types/>'
    path = rewrite_zip(
        source, folder / "u16.xlsx", replace={"[Content_Types].xml": hostile.encode("utf-16-le")}
    )
    refused(path, problems.UNSAFE_WORKBOOK)


def test_openpyxl_has_defusedxml_active(folder):
    """If openpyxl ever reads a workbook (the fallback), it parses with defusedxml."""
    import defusedxml
    import openpyxl
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML is True
    path = rewrite_zip(
        workbook(folder), folder / "laughs.xlsx", replace={"xl/sharedStrings.xml": billion_laughs()}
    )
    with pytest.raises(ValueError) as caught:  # openpyxl wraps what its parser raised
        openpyxl.load_workbook(path, read_only=False)
    assert isinstance(caught.value.__cause__, defusedxml.DefusedXmlException)


def test_file_size_limit(folder):
    path = workbook(folder)
    refused(path, problems.TOO_LARGE, FileLimits(max_file_bytes=1000))


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(folder):
    path = workbook(folder)
    path.chmod(0)
    try:
        refused(path, problems.UNREADABLE)
    finally:
        path.chmod(0o600)


SVG_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
    b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
)


def test_svg_picture_naming_the_public_svg_dtd_is_fine(folder):
    svg = SVG_HEAD + b'<svg xmlns="http://www.w3.org/2000/svg"/>'
    path = rewrite_zip(workbook(folder), folder / "icon.xlsx", add={"xl/media/image1.svg": svg})
    with open_source(path) as source:
        assert list(source.rows("Sheet1"))[1] == ("张三", 13812345678)


def test_svg_picture_declaring_entities_is_refused(folder):
    svg = b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "b">]><svg>&a;</svg>'
    path = rewrite_zip(workbook(folder), folder / "icon.xlsx", add={"xl/media/image1.svg": svg})
    refused(path, problems.UNSAFE_WORKBOOK)


def test_xml_part_under_another_extension_is_checked_too(folder):
    hostile = b'\xef\xbb\xbf<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'
    path = rewrite_zip(
        workbook(folder), folder / "odd.xlsx", add={"xl/worksheets/sheet2.dat": hostile}
    )
    refused(path, problems.UNSAFE_WORKBOOK)


@pytest.mark.parametrize("entries", [60, 70_000])  # 70,000 needs the ZIP64 directory record
def test_entry_count_is_read_before_zipfile_builds_the_directory(folder, monkeypatch, entries):
    from desktop.exchange import files_xlsx

    path = folder / "many.xlsx"
    with zipfile.ZipFile(workbook(folder)) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            new.writestr(info, old.read(info))
        for i in range(entries):
            new.writestr(f"x/{i}", b"")

    def no_directory_parsing(*args, **kwargs):
        raise AssertionError("the directory was parsed before the entry count was checked")

    monkeypatch.setattr(files_xlsx.zipfile, "ZipFile", no_directory_parsing)
    refused(path, problems.UNSAFE_WORKBOOK, FileLimits(max_entries=50 if entries < 100 else 10_000))
