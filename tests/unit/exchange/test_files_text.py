"""CSV and tab-separated files in the encodings Chinese shops' files come in."""

from __future__ import annotations

import codecs

import pytest

from desktop.exchange.source_files import FileLimits, ImportFileError, open_source

ROWS = [
    ["会员卡号", "姓名", "手机号", "备注"],
    ["M0001", "张三", "13812345678", "喜欢绿茶"],
    ["M0002", "李四", "13998765432", ""],
]


def table(rows: list[list[str]], delimiter: str = ",") -> str:
    return "".join(delimiter.join(row) + "\r\n" for row in rows)


def expected(rows: list[list[str]]) -> list[tuple[str, ...]]:
    result = []
    for row in rows:
        cells = [value or None for value in row]
        while cells and cells[-1] is None:
            cells.pop()
        result.append(tuple(cells))
    return result


def read_all(path, **kwargs):
    with open_source(path, **kwargs) as source:
        assert len(source.sheets) == 1
        sheet = source.sheets[0]
        rows = list(source.rows(sheet.name))
        assert sheet.rows == len(rows)
        return source, sheet, rows


@pytest.mark.parametrize(
    ("codec", "prefix", "reported"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
        ("gbk", b"", "gb18030"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16"),
        ("utf-16-le", b"", "utf-16-le"),
        ("utf-16-be", b"", "utf-16-be"),
    ],
)
def test_encodings(tmp_path, codec, prefix, reported):
    path = tmp_path / "会员.csv"
    path.write_bytes(prefix + table(ROWS).encode(codec))
    source, sheet, rows = read_all(path)
    assert source.encoding == reported
    assert source.kind == "csv"
    assert sheet.name == "会员"
    assert rows == expected(ROWS)


def test_gbk_with_more_rows_than_the_sample(tmp_path):
    rows = [ROWS[0]] + [
        [f"M{i:05d}", "王小明", f"139{i:08d}", "老顾客，常买茶叶"] for i in range(20000)
    ]
    path = tmp_path / "gbk.csv"
    path.write_bytes(table(rows).encode("gbk"))
    source, _, read = read_all(path)
    assert source.encoding == "gb18030"
    assert read == expected(rows)


def test_gb18030_only_characters(tmp_path):
    rows = [["姓名", "备注"], ["䶮", "𠀀 是扩展B区的字"], ["王䶮", "龘"]]
    path = tmp_path / "names.csv"
    path.write_bytes(table(rows).encode("gb18030"))
    with pytest.raises(UnicodeEncodeError):
        table(rows).encode("gbk")  # really beyond GBK
    source, _, read = read_all(path)
    assert source.encoding == "gb18030"
    assert read == expected(rows)


@pytest.mark.parametrize(
    ("delimiter", "kind"), [(",", "csv"), ("\t", "tsv"), (";", "csv"), ("|", "csv")]
)
def test_delimiters(tmp_path, delimiter, kind):
    path = tmp_path / "data.txt"
    path.write_text(table(ROWS, delimiter), encoding="utf-8")
    source, _, rows = read_all(path)
    assert source.kind == kind
    assert rows == expected(ROWS)


def test_excel_unicode_text_is_utf16_tab_separated(tmp_path):
    path = tmp_path / "导出.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + table(ROWS, "\t").encode("utf-16-le"))
    source, _, rows = read_all(path)
    assert (source.kind, source.encoding) == ("tsv", "utf-16")
    assert rows == expected(ROWS)


def test_quotes_embedded_newlines_and_tab_prefixed_numbers(tmp_path):
    # A 千牛-style export: every field quoted, long numbers prefixed with a tab so Excel keeps
    # them as text, a note spanning two lines.
    text = (
        '"订单编号","买家会员名","联系手机","订单备注"\r\n'
        '"\t1234567890123456789","小明\t同学","\t13812345678","第一行\r\n第二行, 含逗号"\r\n'
        '"\t2234567890123456789","阿花","\t13912345678",""\r\n'
    )
    path = tmp_path / "ExportOrderList.csv"
    path.write_text(text, encoding="gbk")
    source, sheet, rows = read_all(path)
    assert source.kind == "csv"
    assert sheet.rows == 3
    assert rows == [
        ("订单编号", "买家会员名", "联系手机", "订单备注"),
        ("\t1234567890123456789", "小明\t同学", "\t13812345678", "第一行\r\n第二行, 含逗号"),
        ("\t2234567890123456789", "阿花", "\t13912345678"),
    ]


def test_comma_tab_separators_are_read_as_comma_separated(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text("姓名,\t手机\n张三,\t13812345678\n", encoding="utf-8")
    source, _, rows = read_all(path)
    assert source.kind == "csv"
    assert rows == [("姓名", "\t手机"), ("张三", "\t13812345678")]


def test_title_rows_blank_lines_and_ragged_rows_keep_their_row_numbers(tmp_path):
    path = tmp_path / "登记.csv"
    path.write_text(
        "会员登记表\n\n姓名,手机,备注\n张三,13812345678\n,,\n李四,13998765432,VIP\n",
        encoding="utf-8",
    )
    _, _, rows = read_all(path)
    assert rows == [
        ("会员登记表",),
        (),
        ("姓名", "手机", "备注"),
        ("张三", "13812345678"),
        (),
        ("李四", "13998765432", "VIP"),
    ]


def test_single_column_file(tmp_path):
    path = tmp_path / "phones.csv"
    path.write_text("手机\n13812345678\n13998765432\n", encoding="utf-8")
    source, _, rows = read_all(path)
    assert source.kind == "csv"
    assert rows == [("手机",), ("13812345678",), ("13998765432",)]


def test_text_that_decodes_as_nothing_known_is_refused(tmp_path):
    # Valid in no candidate: a lone 0x80 and 0xFF are invalid in UTF-8 and in GB18030.
    path = tmp_path / "weird.csv"
    path.write_bytes(b"name,phone\n\x80\xff\x80\xff,123\n" * 3)
    with pytest.raises(ImportFileError) as caught:
        open_source(path)
    assert "encoding" in caught.value.problem
    assert "weird.csv" in str(caught.value)


def test_utf8_broken_late_in_a_large_file_is_not_half_read(tmp_path):
    good = table([["姓名", "手机"]] + [["张三", "13812345678"]] * 50_000).encode("utf-8")
    path = tmp_path / "late.csv"
    path.write_bytes(good + b"\x80\xff\x80\xff,1\n")
    with pytest.raises(ImportFileError):
        open_source(path)


def test_a_line_longer_than_the_limit_is_refused(tmp_path):
    path = tmp_path / "long.csv"
    path.write_text("a,b\n" + "x" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        open_source(path, limits=FileLimits(max_line_chars=1000))
    assert "too long" in caught.value.problem


def test_a_cell_beyond_the_csv_field_limit_is_refused(tmp_path):
    path = tmp_path / "field.csv"
    # Many short lines, all inside one quoted field: no single line is long.
    path.write_text('a,b\n"' + "x\n" * 100_000 + '",1\n', encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        open_source(path)
    assert "too long" in caught.value.problem


def test_too_many_columns(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text("a,b\n" + ",".join("x" * 100) + "\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        open_source(path, limits=FileLimits(max_columns=50))
    assert "columns" in caught.value.problem


def test_text_file_size_limit(tmp_path):
    path = tmp_path / "big.csv"
    path.write_text(table(ROWS) * 100, encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        open_source(path, limits=FileLimits(max_text_bytes=1000))
    assert "too large" in caught.value.problem


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (
            "Name,City,Note\nJosé Müller,Zürich,café crème\nFrançoise Lefèvre,Orléans,naïve\n",
            "cp1252",
        ),
        ("姓名,城市\n陳大文,臺北市\n林小華,高雄市\n", "big5"),
    ],
)
def test_other_legacy_encodings_by_guess(tmp_path, text, codec):
    path = tmp_path / "legacy.csv"
    path.write_bytes((text * 5).encode(codec))
    source, _, rows = read_all(path)
    assert source.encoding == codec
    assert rows[:3] == [tuple(line.split(",")) for line in text.splitlines()]
