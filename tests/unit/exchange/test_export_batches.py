"""The batch paths of the export equal the per-cell ones: customer rows built a column at a
time (memoised, fast paths inlined) give exactly the rule table's text for every cell, and
the writers' ``write_rows`` write the same file as ``write`` row by row."""

from __future__ import annotations

import dataclasses
import io
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.demo_data import generate_customers
from desktop.core.masking import HIDDEN, mask_free_text
from desktop.core.masking_fields import masked_value
from desktop.core.models import Customer, Gender
from desktop.exchange.export_cells import CellKind, CellValue, Column, Sheet
from desktop.exchange.export_csv import CsvReport
from desktop.exchange.export_xlsx import XlsxReport
from desktop.services.export_api import ReportKind
from desktop.services.exports_columns import CATALOGUE
from desktop.services.exports_customer_rows import MEMO_LIMIT, customer_rows
from desktop.services.exports_rows import LocalTimes, Masker
from desktop.store.customers import TAG_SEPARATOR, customer_row

ALL_COLUMNS = CATALOGUE[ReportKind.CUSTOMERS]
TZ = timezone(timedelta(hours=8))


def _record(customer: Customer, customer_id: int) -> tuple[object, ...]:
    stored = dataclasses.replace(customer, id=customer_id)
    tags = TAG_SEPARATOR.join(customer.tags) if customer.tags else None
    return (*customer_row(stored), tags)


def _expected(record: tuple[object, ...], local: LocalTimes) -> list[CellValue]:
    """Each cell straight from the rule table (DESIGN §4), one call per cell."""
    (_id, member_no, name, gender, birthday, phone, email, wechat_id, province, city, district,
     detail, level, points, balance, notes, source, created, updated, tags) = record

    def rule(field: str, value: object) -> str:
        return masked_value(field, value) if value else ""  # type: ignore[arg-type]

    return [
        rule("member_no", member_no), rule("name", name), gender or "",
        masked_value("birthday", birthday) if birthday else None,  # type: ignore[arg-type]
        "",  # resident ID: the report appends it to the record (exports_sensitive)
        rule("phone", phone), rule("email", email), rule("wechat_id", wechat_id),
        rule("province", province), rule("city", city), rule("district", district),
        HIDDEN if str(detail or "").strip() else "", rule("tags", level),
        points, balance,
        "、".join(mask_free_text(t) for t in str(tags or "").split(TAG_SEPARATOR) if t),
        rule("notes", notes), rule("tags", source), local(created), local(updated),  # type: ignore[arg-type]
    ]


EDGE = [
    Customer(None, name="张先生", phone="+86 138 1234 5678",
             notes="电话13812345678，微信号 abcdef1",
             tags=("VIP", "13900001111"), level="=cmd|' /C calc'!A0", source="微信"),
    Customer(None, name="欧阳娜娜", phone="010-12345678", email="'=x@y.cn", birthday="--03-07",
             notes="住北京市朝阳区建国路88号", address_detail="  ", member_no="11010119900307123X"),
    Customer(None, name="John Smith", phone="+447700900123", notes="wechat: bob_the_builder",
             wechat_id="wxid_abc123", source="Wechat group", level="  "),
    Customer(None, name="J", notes="'", tags=("=1+1",), member_no="13812345678",
             created_at="2024-01-02T03:04:05+00:00", updated_at="not a time"),
    Customer(None, name="司马", notes="Call ＋８６１３８１２３４５６７８ tomorrow", level="金卡",
             created_at="2024-06-30T23:59:59", birthday="1990-02-30"),
]


def test_customer_rows_equal_the_rule_table_cell_by_cell() -> None:
    local = LocalTimes(TZ)
    build = customer_rows(ALL_COLUMNS, Masker(masked=True), local, None)
    customers = [*EDGE, *generate_customers(3_000)]
    records = [_record(c, i) for i, c in enumerate(customers, start=1)]
    built = [row for start in range(0, len(records), 700)
             for row in build(records[start : start + 700])]
    assert len(built) == len(records)
    for record, row in zip(records, built, strict=True):
        assert list(row) == _expected(record, local), record


def test_memoised_columns_start_afresh_and_stay_right() -> None:
    build = customer_rows([c for c in ALL_COLUMNS if c.key == "customer.notes"],
                          Masker(masked=True), LocalTimes(None), None)
    notes = [f"备注{i} 手机13812345{i % 1000:03d}" for i in range(MEMO_LIMIT + 50)]
    records = [_record(Customer(None, name="张三", notes=note), i) for i, note in enumerate(notes)]
    for _ in range(2):
        rows = build(records)
        assert [row[0] for row in rows] == [mask_free_text(note) for note in notes]


def test_unmasked_rows_are_the_stored_values() -> None:
    build = customer_rows(ALL_COLUMNS, Masker(masked=False), LocalTimes(UTC), None)
    customer = next(generate_customers(1))
    row = build([_record(customer, 7)])[0]
    keys = [c.key for c in ALL_COLUMNS]
    assert row[keys.index("customer.phone")] == customer.phone
    assert row[keys.index("customer.address_detail")] == customer.address_detail
    assert row[keys.index("customer.birthday")] == (
        date.fromisoformat(customer.birthday) if customer.birthday else None)


def test_pseudonym_leads_and_no_columns_still_give_one_row_per_record() -> None:
    records = [_record(c, i) for i, c in enumerate(EDGE, start=1)]
    keyed = customer_rows(ALL_COLUMNS[:1], Masker(masked=True), LocalTimes(None),
                          lambda cid: f"k{cid}")
    assert [row[0] for row in keyed(records)] == [f"k{i}" for i in range(1, len(EDGE) + 1)]
    assert customer_rows((), Masker(masked=True), LocalTimes(None), None)(records) == [()] * 5


def test_code_columns_can_be_shown_as_words() -> None:
    columns = [c for c in ALL_COLUMNS if c.key in ("customer.name", "customer.gender")]
    assert [c.key for c in columns] == ["customer.name", "customer.gender"]
    build = customer_rows(columns, Masker(masked=True), LocalTimes(None), None,
                          labels={"customer.gender": {"female": "女", "male": "男"}})
    people = [Customer(None, name="张三", gender=gender) for gender in Gender]
    rows = build([_record(c, i) for i, c in enumerate(people, start=1)])
    assert rows == [("张*", ""), ("张*", "女"), ("张*", "男"), ("张*", "other")]


FREE_ALPHABET = st.sampled_from([
    "0", "7", "１", "٣", "@", "＠", "﹫", "微信", "微", "信", "wxid_", "WXID", "WeChat: ", "wechat",
    "路", "号", "北京市", "朝阳区", "建国", "a", "Z", "x", " ", "\n", "\t", "，", "。", "'", "=",
    "＝", "＇", "-", "+", "(", "#", "Ａ", "ｗ", "\u200b", "\u3000", "Street", "St", "Rd",
])


@settings(max_examples=600, deadline=None)
@given(parts=st.lists(FREE_ALPHABET, max_size=12))
def test_free_text_fast_path_agrees_with_the_rule(parts: list[str]) -> None:
    value = "".join(parts)
    mask = Masker(masked=True)
    for field in ("notes", "tags", "content", "resolution"):
        assert mask(field, value) == masked_value(field, value), (field, value)


def test_free_text_fast_path_on_demo_vocabulary() -> None:
    mask = Masker(masked=True)
    for customer in generate_customers(2_000):
        for value in (customer.notes, customer.level, customer.source, *customer.tags):
            assert mask("notes", value) == (mask_free_text(value) if value else "")


# ------------------------------------------------------------------------------ writers

SHEET = Sheet("客户", (
    Column("Text"), Column("Number", CellKind.INTEGER), Column("Money", CellKind.MONEY),
    Column("When", CellKind.DATETIME), Column("Day", CellKind.DATE),
))
ROWS: list[tuple[CellValue, ...]] = [
    ("=1+1", 3, -1234, datetime(2024, 5, 6, 7, 8, 9), date(2024, 1, 2)),
    ("", 0, 0, None, None),
    (None, None, None, "2024-**-**", "1990-**-**"),
    ("＝x", "-5", "+9", "=bad", "@bad"),
    ("plain 文本", -7, 5, datetime(2023, 1, 1), datetime(2023, 1, 1, 12, 0)),
    ("\tx", True, 99, date(2020, 2, 29), "--03-07"),
]


def test_csv_write_rows_writes_what_write_writes() -> None:
    for encoding in ("utf-8-sig", "gb18030"):
        one, batch = io.BytesIO(), io.BytesIO()
        single = CsvReport(one, encoding, SHEET)
        for row in ROWS:
            single.write(row)
        single.finish()
        batched = CsvReport(batch, encoding, SHEET)
        batched.write_rows(ROWS[:2])
        batched.write_rows([])
        batched.write_rows(ROWS[2:])
        batched.finish()
        assert batch.getvalue() == one.getvalue()
        assert batched.rows == single.rows == len(ROWS)


def _xlsx_cells(path: Path, batched: bool) -> list[list[tuple[object, bool]]]:
    with path.open("wb") as handle:
        report = XlsxReport(handle, path.parent, "Cover")
        writer = report.sheet(SHEET)
        if batched:
            writer.write_rows(ROWS[:3])
            writer.write_rows(ROWS[3:])
        else:
            for row in ROWS:
                writer.write(row)
        report.finish("Title", [("Rows", str(len(ROWS)))])
    sheet = openpyxl.load_workbook(path)[SHEET.name]
    return [[(cell.value, cell.quotePrefix) for cell in row] for row in sheet.iter_rows()]


def test_xlsx_write_rows_writes_what_write_writes(tmp_path: Path) -> None:
    single = _xlsx_cells(tmp_path / "single.xlsx", batched=False)
    batched = _xlsx_cells(tmp_path / "batched.xlsx", batched=True)
    assert batched == single
    assert len(batched) == len(ROWS) + 1
    assert batched[1][0] == ("=1+1", True) and batched[1][2][0] == -12.34
