"""The column-at-a-time reading of a customers sheet (``desktop.exchange.row_columns``) gives
exactly the rows the row-at-a-time path gives: values, issues and their order, blank and
total rows, row numbers — on random mixed cells (hypothesis), across batch boundaries, and on
a demo membership sheet."""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime, time
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.demo_data import generate_customers
from desktop.core.import_types import Cell, ColumnMapping, ImportTarget, ParsedRow, RowKind
from desktop.exchange import header, row_columns
from desktop.exchange import rows as rows_module
from desktop.exchange.rows import parse_rows

SINGLE_COLUMN_FIELDS = (
    "customer.member_no", "customer.name", "customer.gender", "customer.phone",
    "customer.email", "customer.wechat_id", "customer.platform_account", "customer.id_number",
    "customer.province", "customer.city", "customer.district", "customer.address_detail",
    "customer.level", "customer.points", "customer.balance", "customer.tags",
    "customer.notes", "customer.source", "customer.birthday",
)

_SAMPLES = (
    "", " ", "-", "无", "N/A", "none", "None", "NULL", "Nil", "na", "#N/A", "——", "\u3000",
    "M000123", "TB-2024-01", "1.38123E+10", "4.40106e17", "1e5", "13800138000",
    "138 0013 8000", " 13800138000", "113800138000", "1380013800", "12800138000",
    "+8613800138000", "+447911123456", "+1 503 555 0100", "+15035550100", "+442079460958",
    "+4420794609581234", "+9991234567", "+390612345678", "+8612345", "+0123456",
    "010-12345678", "138****5678", "张*", "~AgAAAA12345678~", "$abcdefgh12$", "2024-01-05",
    "2024-02-30", "0000-01-01", "2024/1/5", "5/1/2024", "2024年1月5日", "20240105",
    "¥1,234.50", "¥0.00", "￥88.00", "1234.50元", "12", "1,200", "120分", "男", "女", "M",
    "female", "保密", "x", "张三", "欧阳娜娜", "Zhang San", "=HYPERLINK(\"x\")", "-2+3", "'0012",
    "=\"0012\"", "a\nb", "VIP,老客", "VIP，老客/常客", "合计", "合 计：", "Total", "TOTAL:",
    "total(3)", "Subtotal", "ｔｏｔａｌ", "sum", "Sun Li", "共计", "本页合计", "小明", "总合计",
    "\u00a0Total", "\u2028合计", "a@example.com", "A@Example.COM", "110105194912310029",
    "11010519491231002X", "110105491231002", "x" * 2001, "张" * 2000, "T", "s", "g",
    "h0", "h1", " h2 ", "h3\n", "h4",  # the mapped columns' names below: a repeated header
)
_TEXT = st.one_of(
    st.sampled_from(_SAMPLES),
    st.text(st.sampled_from("aZ09 _-.'=*~$¥,./合计总小Tt张三\u3000\u00a0\n１Ａ+@"), max_size=12),
    st.text(max_size=6),
)
_CELL: st.SearchStrategy[Cell] = st.one_of(
    st.none(), _TEXT, _TEXT,
    st.sampled_from([13800138000, 19999999999, 12999999999, 0, -5, 120, 10**15, 10**18,
                     440106198001010000, 1]),
    st.integers(), st.floats(allow_nan=True), st.booleans(),
    st.sampled_from([date(2024, 1, 5), datetime(2024, 1, 5, 8, 30), time(8, 30)]),
)

# Columns of one kind take the fast paths (a column of text, of text and whole numbers).
_COLUMN = st.one_of(
    st.lists(st.one_of(st.none(), _TEXT), min_size=1, max_size=30),
    st.lists(st.one_of(st.none(), _TEXT, st.sampled_from([13800138000, 12000000000, 0, 7])),
             min_size=1, max_size=30),
    st.lists(st.one_of(st.none(), st.integers(-3, 10**12)), min_size=1, max_size=30),
    st.lists(_CELL, min_size=1, max_size=30),
)


def _both(
    rows: list[tuple[Cell, ...]], mapping: list[ColumnMapping], layout: str | None = None,
) -> tuple[list[ParsedRow], list[ParsedRow]]:
    def parse(by_column: bool) -> list[ParsedRow]:
        return list(parse_rows(
            rows, first_row_number=3, mapping=mapping, target=ImportTarget.CUSTOMERS,
            layout=layout, by_column=by_column,
        ))

    return parse(False), parse(True)


@settings(max_examples=400, deadline=None)
@given(
    rows=st.one_of(
        st.lists(st.lists(_CELL, max_size=5).map(tuple), max_size=12),
        st.lists(st.lists(st.one_of(st.none(), _TEXT), max_size=5).map(tuple), max_size=12),
    ),
    fields=st.lists(st.sampled_from(SINGLE_COLUMN_FIELDS), min_size=1, max_size=5, unique=True),
    batch=st.integers(1, 5),
    layout=st.sampled_from([None, "membership_sheet", "taobao_orders"]),
)
def test_column_path_equals_row_path(
    rows: list[tuple[Cell, ...]], fields: list[str], batch: int, layout: str | None
) -> None:
    mapping = [ColumnMapping(column, f"h{column}", field) for column, field in enumerate(fields)]
    with mock.patch.object(row_columns, "BATCH", batch):
        by_row, by_column = _both(rows, mapping, layout)
    assert by_column == by_row


@settings(max_examples=400, deadline=None)
@given(column=_COLUMN, batch=st.integers(1, 40))
def test_every_converter_on_one_mixed_column(column: list[Cell], batch: int) -> None:
    rows = [(cell, "M1") for cell in column]
    for field in SINGLE_COLUMN_FIELDS:
        mapping = [ColumnMapping(0, "a", field), ColumnMapping(1, "b", "customer.member_no")]
        with mock.patch.object(row_columns, "BATCH", batch):
            by_row, by_column = _both(rows, mapping)
        assert by_column == by_row, field


def test_a_demo_membership_sheet_reads_the_same() -> None:
    rows: list[tuple[Cell, ...]] = []
    for number, customer in enumerate(generate_customers(3_000)):
        phone: Cell = customer.phone
        if phone and phone.startswith("+86") and number % 2:
            phone = int(phone[3:])  # a number cell, as shops type them
        rows.append((customer.member_no, customer.name, customer.gender.value, phone,
                     customer.birthday, customer.wechat_id, customer.points,
                     f"¥{customer.balance_cents / 100:,.2f}", customer.notes[:40], None))
        if number % 700 == 0:
            rows += [(None,) * 10, ("合计", None, None, None, None, None, 12, "¥1.00")]
    names = ("customer.member_no", "customer.name", "customer.gender", "customer.phone",
             "customer.birthday", "customer.wechat_id", "customer.points", "customer.balance",
             "customer.notes", None)
    mapping = [ColumnMapping(column, str(column), field) for column, field in enumerate(names)]
    by_row, by_column = _both(rows, mapping, "membership_sheet")
    assert by_column == by_row
    kinds = [row.kind for row in by_column]
    assert kinds.count(RowKind.SUMMARY) == 5 and kinds.count(RowKind.BLANK) == 5


def test_sheets_the_column_path_leaves_to_the_row_path() -> None:
    from desktop.exchange.row_values import RowReader

    def reader(*fields: str, columns: tuple[int, ...] = (0, 1)) -> RowReader:
        mapping = [ColumnMapping(column, "h", field) for column, field in zip(columns, fields,
                                                                              strict=False)]
        return RowReader(mapping, month_first=False, zone=UTC)

    assert row_columns.ColumnReader.handles(reader("customer.name", "customer.phone"))
    assert not row_columns.ColumnReader.handles(reader("customer.notes", "customer.notes"))
    assert not row_columns.ColumnReader.handles(reader("customer.first_name", "customer.phone"))
    assert not row_columns.ColumnReader.handles(reader())


_LABELS = ("合计", "总计", "小计", "汇总", "共计", "总合计", "本页合计", "total", "totals",
           "subtotal", "subtotals", "grandtotal", "sum")


@settings(max_examples=500, deadline=None)
@given(
    label=st.sampled_from(_LABELS),
    spaces=st.lists(st.sampled_from(["", " ", "\u3000", "\t", "\u00a0"]), min_size=12,
                    max_size=12),
    wide=st.booleans(), upper=st.lists(st.booleans(), min_size=12, max_size=12),
    before=st.sampled_from(["", " ", "\u3000", "\u2028", "【"]), after=st.text(max_size=4),
)
def test_every_total_label_is_a_candidate(
    label: str, spaces: list[str], wide: bool, upper: list[bool], before: str, after: str
) -> None:
    text = before
    for index, char in enumerate(label):
        char = char.upper() if upper[index] else char
        if wide and char.isascii():
            char = chr(ord(char) + 0xFEE0)
        text += char + spaces[index]
    text += after
    if header.has_summary_label((text,)):
        assert row_columns._MAY_BEGIN_TOTAL.match(text) is not None


@settings(max_examples=2_000, deadline=None)
@given(st.text(max_size=10))
def test_text_that_is_a_total_label_is_a_candidate(text: str) -> None:
    if header.has_summary_label((text,)):
        assert row_columns._MAY_BEGIN_TOTAL.match(text) is not None


def test_the_label_candidates_cover_what_nfkc_makes_of_any_second_character() -> None:
    # A label's second character after NFKC and lower-casing: every character whose NFKC
    # form starts with o/u/r (or a blank) must stay a candidate after t/s/g.
    for code in range(0x110000):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        folded = unicodedata.normalize("NFKC", char).lower()[:1]
        if folded in ("o", "u", "r") or (folded and folded.isspace()):
            for first in "tsgTSG":
                assert row_columns._MAY_BEGIN_TOTAL.match(first + char) is not None, hex(code)


@pytest.mark.parametrize("batch", [1, 2, 3, 1_000])
def test_the_header_repeated_inside_the_data_is_a_header_row_on_both_paths(batch: int) -> None:
    """A sheet of monthly tables pasted one under another: each month's header row again, a
    title above it — also when a batch of rows ends between the title and the header."""
    mapping = [ColumnMapping(0, "姓名", "customer.name"),
               ColumnMapping(1, "手机号 ", "customer.phone"), ColumnMapping(2, "序号", None)]
    rows: list[tuple[Cell, ...]] = [
        ("张三", "13800138000", 1),
        ("二月", None, None),  # the next table's title, above its header
        (None, None, None),
        ("姓名", "手机号", "序号"),
        (" 姓名 ", "手机号", None),
        ("王五", None, 4),  # one value, but no header follows: a row as any other
        ("姓名", "13900139000", 2),  # one cell named like its column is no header
        ("李四", "13900139000", 3),
        ("三月", None, None),  # the last row: nothing follows it
    ]
    with mock.patch.object(rows_module, "BATCH", batch):
        by_row, by_column = _both(rows, mapping)
    assert by_column == by_row
    data, blank, header, title = RowKind.DATA, RowKind.BLANK, RowKind.HEADER, RowKind.TITLE
    assert [parsed.kind for parsed in by_row] == [
        data, title, blank, header, header, data, data, data, data]
    assert [parsed.row for parsed in by_row] == list(range(3, 12))
    assert by_row[5].customer is not None and by_row[5].customer.name == "王五"
