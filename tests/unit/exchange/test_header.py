"""Finding the header row and telling data rows from blank and total rows."""

from __future__ import annotations

import sys

import pytest

from desktop.core.import_types import Cell, ColumnMapping, RowKind
from desktop.exchange.header import BLANK_CHARS, find_header_row, has_summary_label, row_kind


def test_header_after_title_merged_title_and_blank_rows() -> None:
    rows: list[list[Cell]] = [
        ["某某茶行 会员登记表", None, None, None],  # a title merged across the columns
        [None, None, None, None],
        ["制表日期：2024-01-01", None, None, "单位：元"],
        [],
        ["会员卡号", "姓名", "手机号", "积分"],
        ["800001", "张三", "13812345678", 10],
    ]
    assert find_header_row(rows) == 4


def test_a_title_that_names_one_column_is_not_the_header() -> None:
    rows: list[list[Cell]] = [["手机号", None, None], ["Name", "Phone", "Email"]]
    assert find_header_row(rows) == 1


def test_no_header_found() -> None:
    rows: list[list[Cell]] = [["a", "b"], [1, 2], [None, None]]
    assert find_header_row(rows) is None
    assert find_header_row([]) is None


def test_max_scan_limits_the_search() -> None:
    rows: list[list[Cell]] = [[None]] * 5 + [["姓名", "手机"]]
    assert find_header_row(rows, max_scan=5) is None
    assert find_header_row(rows, max_scan=6) == 5


@pytest.mark.parametrize(
    "cells",
    [
        ["合计", None, 100],
        ["合 计", None, 100],
        ["合\u3000计：", None, 100],
        ["总计", 3, 100],
        ["小计(元)", None, 100],
        ["汇总", None],
        [None, "合计：3单", None, 300],
        ["Total", None, 100],
        ["TOTAL:", None, 100],
        ["Subtotal", None, 5],
        ["Grand Total", None, 5],
        ["ＴＯＴＡＬ", None, 5],
        [1, None, "合计"],
    ],
)
def test_summary_rows(cells: list[Cell]) -> None:
    assert row_kind(cells) is RowKind.SUMMARY


@pytest.mark.parametrize(
    "cells",
    [
        ["Totally Tea Ltd", "t@example.com"],
        ["Total Spent", 3],  # a word that starts like "total" is data
        [800001, "合伙人", "13812345678"],
    ],
)
def test_data_rows_that_only_look_like_totals(cells: list[Cell]) -> None:
    assert row_kind([*cells, None, None, None, None]) is RowKind.DATA


def test_label_in_fourth_cell_is_data() -> None:
    assert row_kind(["张三", "13812345678", "13812345679", "合计"]) is RowKind.DATA


@pytest.mark.parametrize(
    "cells", [[], [None, None], ["", "  ", "\u3000"], ["-", "/", None], [None, "\u200b"]]
)
def test_blank_rows(cells: list[Cell]) -> None:
    assert row_kind(cells) is RowKind.BLANK


def test_row_blank_in_every_mapped_column_is_blank() -> None:
    mapping = [ColumnMapping(0, "序号", None), ColumnMapping(1, "姓名", "customer.name")]
    assert row_kind([7, None], mapping) is RowKind.BLANK
    assert row_kind([7, "张三"], mapping) is RowKind.DATA
    assert row_kind([7, None]) is RowKind.DATA


def test_blank_chars_are_exactly_what_isspace_accepts() -> None:
    assert frozenset(
        ch for ch in map(chr, range(sys.maxunicode + 1)) if ch.isspace()
    ) == BLANK_CHARS


@pytest.mark.parametrize("blank", sorted(BLANK_CHARS))
def test_a_total_label_after_any_blank_is_a_total(blank: str) -> None:
    assert has_summary_label([blank * 2 + "合计", None, 1200])
    assert not has_summary_label([blank + "张三", "13800000000"])
