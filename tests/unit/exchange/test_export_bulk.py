"""The whole-column paths of the customer export equal the per-value ones: phones, names and
member numbers masked a column at a time give the rule table's text for every value, the
memo gives what its function gives, stored instants read as the per-value path reads them,
and a CSV batch joined without the csv module is the file the csv module writes."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.masking import COMPOUND_SURNAMES, HIDDEN, HONORIFICS
from desktop.core.masking_fields import masked_value
from desktop.exchange.export_cells import (
    FORMULA_TRIGGERS,
    CellKind,
    CellValue,
    Column,
    ColumnarRows,
    Sheet,
)
from desktop.exchange.export_csv import CsvReport
from desktop.services.export_api import ReportKind
from desktop.services.exports_bulk import BULK, bulk_cells, memo_cells
from desktop.services.exports_columns import CATALOGUE
from desktop.services.exports_customer_rows import RESIDENT_ID_AT, customer_rows
from desktop.services.exports_rows import LocalTimes, Masker
from desktop.store.customers import CustomerRepository
from tests.support.csv_reports import csv_bytes

ALL = CATALOGUE[ReportKind.CUSTOMERS]
BIRTHDAY = next(c for c in ALL if c.key == "customer.birthday")

HAN = st.sampled_from("张王李欧阳司马诸葛先生女士小姐老师丰一〇")
SHAPES = st.one_of(
    st.none(), st.just(""),
    st.from_regex(r"\+861[3-9][0-9]{9}", fullmatch=True),
    st.from_regex(r"\+(1|44|86|852)[0-9]{6,12}", fullmatch=True),
    st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
    st.lists(HAN, min_size=1, max_size=4).map("".join),
    st.sampled_from(sorted(COMPOUND_SURNAMES)).map(lambda s: s + "丰"),
    st.sampled_from(HONORIFICS).flatmap(lambda h: st.sampled_from([h, "王" + h])),
    st.from_regex(r"[A-Za-z0-9]{1,8}", fullmatch=True),
    st.text(alphabet=st.sampled_from("1aZ张\n\x00 +@,"), max_size=6),
    # Latin names and what is nearly one (a lone letter, double or edge spaces, ., -, Ö, 张)
    st.from_regex(r"[A-Za-z]{1,6}( [A-Za-z]{1,7}){0,2}", fullmatch=True),
    st.from_regex(r"[A-Z][a-z]{0,6}( {1,2}[A-Z][a-z]{0,7}){0,2}", fullmatch=True),
    st.lists(st.sampled_from(["J", "ohn", "Smith", " ", "  ", ".", "-", "Ö", "张", "\t"]),
             min_size=1, max_size=5).map("".join),
)


@settings(max_examples=400, deadline=None)
@given(values=st.lists(SHAPES, max_size=30))
def test_bulk_columns_give_the_rule_tables_text(values: list[str | None]) -> None:
    mask = Masker(masked=True)
    for field, bulk in BULK.items():
        one = mask.rule(field)
        expected = [masked_value(field, v) if v else "" for v in values]
        assert bulk_cells(values, bulk, one) == expected, field  # type: ignore[arg-type]


def test_bulk_columns_on_typical_values_and_odd_columns() -> None:
    mask = Masker(masked=True)
    values: list[object] = ["+8613812345678", "+447500471011", "张三", "欧阳锋", "王先生",
                            "A1001", "1234X", "12", "Z", None, ""]
    for field, bulk in BULK.items():
        one = mask.rule(field)
        assert bulk_cells(values, bulk, one) == [one(v) for v in values]  # type: ignore[arg-type]
        # Not joinable into lines (a newline inside), or all empty: value by value.
        for odd in (["张三\n李四", "王五"], [None, ""], []):
            assert bulk_cells(odd, bulk, one) == [one(v) for v in odd]  # type: ignore[arg-type]
    assert bulk_cells(["+8613812345678"], BULK["phone"], mask.rule("phone")) == ["138****5678"]
    assert bulk_cells(["张三", "欧阳锋", "李小龙"], BULK["name"], mask.rule("name")) == [
        "张*", masked_value("name", "欧阳锋"), "李*龙"]
    latin = ["John Smith", "Mary Jane Watson", "Jo", "J", "J K", "McDonald", "Ann-Marie",
             "O'Brien", "josé", "Émile Zola", "Zoe  Li", " Li Na", "张三"]
    assert bulk_cells(latin, BULK["name"], mask.rule("name"))[:5] == [
        "J*** S****", "M*** J*** W*****", "J*", "J*", "J K"]
    assert bulk_cells(latin, BULK["name"], mask.rule("name")) == [
        masked_value("name", v) for v in latin]


def test_memo_gives_what_its_function_gives_across_batches_and_its_limit() -> None:
    calls: list[object] = []

    def shown(value: object) -> object:
        calls.append(value)
        return f"<{value}>"

    cells = memo_cells(shown, limit=5)
    assert cells(["a", "b", "a", None]) == ["<a>", "<b>", "<a>", "<None>"]
    assert cells(["a", "c"]) == ["<a>", "<c>"]
    assert sorted(map(str, calls)) == ["None", "a", "b", "c"]  # each once so far
    batch = [f"v{i}" for i in range(7)]  # more than the limit: it starts afresh
    assert cells(batch) == [f"<{v}>" for v in batch]
    assert cells(["a"]) == ["<a>"]


ZONES = st.sampled_from([UTC, timezone(timedelta(hours=8)), timezone(timedelta(hours=-5))])


@settings(max_examples=200, deadline=None)
@given(moments=st.lists(st.datetimes(min_value=datetime(1800, 1, 1),
                                     max_value=datetime(2200, 1, 1), timezones=ZONES),
                        min_size=1, max_size=8),
       odd=st.sampled_from([None, "", "2024-05-06T07:08:09", "not a time", 5]))
def test_a_column_of_instants_reads_as_each_value_does(moments: list[datetime],
                                                       odd: object) -> None:
    local = LocalTimes(None)
    stored: list[object] = [m.isoformat() for m in moments]
    assert local.column(stored) == [local(v) for v in stored]  # type: ignore[arg-type]
    mixed = [*stored, odd]
    assert local.column(mixed) == [local(None if v is None else str(v)) for v in mixed]


SHEET = Sheet("客户", (
    Column("Text"), Column("Number", CellKind.INTEGER), Column("Money", CellKind.MONEY),
    Column("When", CellKind.DATETIME), Column("Day", CellKind.DATE),
))
TEXT = st.one_of(st.none(), st.text(alphabet=st.sampled_from(
    ["a", "文", " ", ",", '"', "\r", "\n", "'", "*", *sorted(FORMULA_TRIGGERS)]), max_size=5))
ROW = st.tuples(
    TEXT,
    st.one_of(st.integers(-10**6, 10**6), st.none(), TEXT),
    st.one_of(st.integers(-10**6, 10**6), st.none()),
    st.one_of(st.datetimes(min_value=datetime(1900, 1, 1)), st.none(), TEXT),
    st.one_of(st.dates(), st.none(), TEXT, st.datetimes(min_value=datetime(1900, 1, 1))),
)


def _csv(rows: list[tuple[CellValue, ...]], sheet: Sheet, batched: bool) -> bytes:
    return csv_bytes([rows], sheet, batched=batched)


@settings(max_examples=400, deadline=None)
@given(rows=st.lists(ROW, max_size=6),
       plain=st.lists(st.tuples(st.text(alphabet="ab文=-+@'*\t", max_size=4),
                                st.integers(-999, 999), st.integers(-999, 999),
                                st.datetimes(min_value=datetime(1900, 1, 1)),
                                st.dates()), max_size=6))
def test_csv_batches_write_what_the_csv_module_writes(
        rows: list[tuple[CellValue, ...]], plain: list[tuple[CellValue, ...]]) -> None:
    quoted = [[*plain, (f"{text[:1]}{mark}", *rest)] for text, *rest in plain[:1]
              for mark in (",", '"', "\r", "\n", "")]
    for batch in (rows, plain, plain + rows, *quoted):
        assert _csv(batch, SHEET, batched=True) == _csv(batch, SHEET, batched=False)
    one = Sheet("x", (Column("Text"),))  # a lone empty field is written ""
    lone: list[tuple[CellValue, ...]] = [("",), ("a",), (None,)]
    assert _csv(lone, one, batched=True) == _csv(lone, one, batched=False)


def test_csv_batch_of_plain_cells_guards_formulas_and_keeps_numbers() -> None:
    rows: list[tuple[CellValue, ...]] = [
        ("=1+1", -5, -1234, datetime(2024, 5, 6, 7, 8, 9), date(2024, 1, 2)),
        ("＝x", 7, 5, datetime(2023, 1, 1), date(2020, 2, 29)),
    ]
    text = _csv(rows, SHEET, batched=True).decode("utf-8-sig")
    assert text.splitlines()[1:] == [
        "'=1+1,-5,-12.34,2024-05-06 07:08,2024-01-02",
        "'＝x,7,0.05,2023-01-01 00:00,2020-02-29",
    ]


@settings(max_examples=300, deadline=None)
@given(values=st.lists(st.one_of(
    st.none(), st.just(""), st.dates().map(date.isoformat), st.just("1990-02-30"),
    st.just("--03-07"), st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True),
    st.text(alphabet=st.sampled_from("19-\n*a"), max_size=6)), max_size=12))
def test_masked_birthday_columns_give_the_rule_tables_text(values: list[str | None]) -> None:
    build = customer_rows((BIRTHDAY,), Masker(masked=True), LocalTimes(None), None)
    at = CustomerRepository.columns.index("birthday")
    records = [tuple(v if i == at else None for i in range(RESIDENT_ID_AT)) for v in values]
    expected = [(masked_value("birthday", v) if v else None,) for v in values]
    assert build(records) == expected


def test_plain_columns_keep_their_values_and_relabel_codes() -> None:
    columns = [c for c in ALL if c.key in (
        "customer.gender", "customer.points", "customer.address_detail")]
    build = customer_rows(columns, Masker(masked=True), LocalTimes(None), None,
                          labels={"customer.gender": {"female": "女", "male": "男"}})
    def record(gender: object, points: object, street: object) -> tuple[object, ...]:
        values = {"gender": gender, "points": points, "address_detail": street}
        return (*(values.get(name) for name in CustomerRepository.columns), None)

    assert build([record("female", 5, "建国路88号"), record("male", 0, "x")]) == [
        ("女", HIDDEN, 5), ("男", HIDDEN, 0)]
    assert build([record("other", None, " "), record(None, True, None)]) == [
        ("other", "", None), ("", "", True)]


def test_rows_that_keep_their_columns_write_the_same_csv() -> None:
    rows: list[tuple[CellValue, ...]] = [
        ("=1+1", 3, -1234, datetime(2024, 5, 6, 7, 8, 9), date(2024, 1, 2)),
        ('a,"b"', None, 5, None, "1990-**-**"),
    ]
    columnar = ColumnarRows.from_columns([list(c) for c in zip(*rows, strict=True)])
    assert columnar == rows
    for batch in ([*rows[:1]], rows):
        keeping = ColumnarRows.from_columns([list(c) for c in zip(*batch, strict=True)])
        out = io.BytesIO()
        report = CsvReport(out, "utf-8-sig", SHEET)
        report.write_rows(keeping)
        report.finish()
        assert out.getvalue() == _csv(batch, SHEET, batched=False)
    with pytest.raises(ValueError, match="one value per column"):
        CsvReport(io.BytesIO(), "utf-8-sig", SHEET).write_rows(
            ColumnarRows.from_columns([["x"], [1]]))
