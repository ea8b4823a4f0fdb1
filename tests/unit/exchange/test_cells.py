"""Every nasty value of issue 4's **Values** list, one cell at a time."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from desktop.core import validation
from desktop.exchange import cells
from desktop.exchange.cells import Converted

CST = timezone(timedelta(hours=8))


def errors(converted: Converted[object]) -> list[str]:
    return [note.reason for note in converted.notes if not note.warning]


def warnings(converted: Converted[object]) -> list[str]:
    return [note.reason for note in converted.notes if note.warning]


# ---------------------------------------------------------------- text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\u3000张三\u00a0", "张三"),
        ("ＡＢＣ１２３", "ABC123"),
        ("张\u200b三\ufeff", "张三"),
        ("'00123", "00123"),
        ('="00123"', "00123"),
        ("=HYPERLINK(\"http://x\",\"点我\")", "=HYPERLINK(\"http://x\",\"点我\")"),
        ("-2+3", "-2+3"),
        ("=1+1", "=1+1"),
        ("@SUM(A1)", "@SUM(A1)"),
        ("  ", None),
        ("-", None),
        ("无", None),
        ("N/A", None),
        (None, None),
    ],
)
def test_text_is_cleaned_and_never_evaluated(raw: str | None, expected: str | None) -> None:
    assert cells.text(raw) == expected


def test_masked_names_and_addresses_are_left_empty_with_a_warning() -> None:
    for raw in ("张*", "*", "t**9", "~AgAAAAEFq3kB8Kx7HNlg1Q==~"):
        result = cells.personal_text(raw)
        assert result.value is None
        assert warnings(result) == [cells.MASKED_VALUE]
    assert cells.personal_text("王小明").value == "王小明"


# ---------------------------------------------------------------- identifiers


def test_int_cells_holding_identifiers_keep_every_digit() -> None:
    assert cells.identifier(10001).value == "10001"
    assert cells.identifier(4401061990010112345).value == "4401061990010112345"
    assert cells.identifier(12.0).value == "12"
    assert cells.identifier("'4401061990010112345").value == "4401061990010112345"
    assert cells.identifier('="4401061990010112345"').value == "4401061990010112345"
    assert cells.identifier("TB-2024-0001").value == "TB-2024-0001"


@pytest.mark.parametrize(
    "raw",
    [
        1.38123e15,  # a float of 1e11 or more
        4.40106e17,
        int(4.40106199001011e17),  # the int a reader makes of that float
        440106199001011000,  # Excel's 15 significant digits padded with zeros
        "1.38123E+10",
        "4.40106E+17",
        "4.40106e17",
    ],
)
def test_digits_excel_already_lost_are_errors_not_guesses(raw: object) -> None:
    result = cells.identifier(raw)  # type: ignore[arg-type]
    assert result.value is None
    assert errors(result) == [cells.EXCEL_ROUNDED]


# ---------------------------------------------------------------- phones


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (13812345678, "+8613812345678"),
        ("138 1234 5678", "+8613812345678"),
        ("+86 138-1234-5678", "+8613812345678"),
        ("0086 13812345678", "+8613812345678"),
        ("１３８１２３４５６７８", "+8613812345678"),
        ("'13812345678", "+8613812345678"),
        ("+44 20 7946 0958", "+442079460958"),
        ("0755-86001234", "+8675586001234"),
        ("010 6552 9988", "+861065529988"),
    ],
)
def test_phones_become_e164(raw: object, expected: str) -> None:
    result = cells.phone(raw)  # type: ignore[arg-type]
    assert result == Converted(expected)


@pytest.mark.parametrize(
    "raw", ["13812345678/13987654321", "13812345678，13987654321", "13812345678 13987654321",
            "13812345678;0755-86001234"],
)
def test_several_phones_keep_the_first_with_a_warning(raw: str) -> None:
    result = cells.phone(raw)
    assert result.value == "+8613812345678"
    assert warnings(result) == [cells.SEVERAL_PHONES]


def test_masked_phone_is_empty_with_a_warning() -> None:
    for raw in ("1**********", "138****5678"):
        result = cells.phone(raw)
        assert result.value is None and warnings(result) == [cells.MASKED_VALUE]


def test_rounded_and_invalid_phones_are_errors() -> None:
    assert errors(cells.phone("1.38123E+10")) == [cells.EXCEL_ROUNDED]
    assert errors(cells.phone(1.3812345678e11)) == [cells.EXCEL_ROUNDED]
    assert errors(cells.phone("12345")) == [validation.PHONE_INVALID]
    assert errors(cells.phone("call me")) == [validation.PHONE_CHARACTERS]


# ---------------------------------------------------------------- resident IDs


def test_resident_ids() -> None:
    assert cells.resident_id("11010519491231002x").value == "11010519491231002X"
    assert cells.resident_id(110105194912310029).notes  # checksum wrong (…9, not X)
    assert errors(cells.resident_id("110105194912310021")) == [validation.ID_CHECKSUM]
    assert errors(cells.resident_id("4.40106E+17")) == [cells.EXCEL_ROUNDED]
    assert errors(cells.resident_id(4.40106e17)) == [cells.EXCEL_ROUNDED]


def test_legacy_15_digit_id_is_converted_and_flagged() -> None:
    result = cells.resident_id("110105491231002")
    assert result.value == "11010519491231002X"
    assert warnings(result) == [cells.LEGACY_ID_CONVERTED]


def test_impossible_birth_date_in_an_id_is_an_error() -> None:
    body = "11010519990230001"  # 30 February
    raw = body + validation.resident_id_check_char(body)
    assert errors(cells.resident_id(raw)) == [validation.ID_BIRTH_DATE]
    assert errors(cells.resident_id("110105990230001")) == [validation.ID_BIRTH_DATE]


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "raw",
    [date(2024, 1, 5), datetime(2024, 1, 5, 10, 20), 45296, 45296.75, "2024/1/5", "2024-01-05",
     "2024.1.5", "2024年1月5日", "2024年01月05号", 20240105, "20240105", "2024-01-05 10:20:30",
     "2024/01/05", "2024 年 1 月 5 日", "２０２４－０１－０５"],
)
def test_every_common_date_spelling(raw: object) -> None:
    assert cells.birthday(raw).value == "2024-01-05"  # type: ignore[arg-type]


def test_year_last_dates_follow_the_documented_rule() -> None:
    assert cells.birthday("25/12/2023").value == "2023-12-25"  # day > 12: day first
    assert cells.birthday("12/25/2023").value == "2023-12-25"  # second > 12: month first
    ambiguous = cells.birthday("1/5/2024")
    assert ambiguous.value is None and warnings(ambiguous) == [validation.DATE_AMBIGUOUS]
    assert cells.birthday("1/5/2024", month_first=True).value == "2024-01-05"


def test_month_day_without_year_is_kept_as_such() -> None:
    assert cells.birthday("1月5日").value == "--01-05"
    assert cells.birthday("01-05").value == "--01-05"
    assert cells.birthday("2月29日").value == "--02-29"


def test_impossible_dates_are_empty_with_a_warning() -> None:
    for raw in ("2023-02-30", "2024年13月1日", "2023/2/29"):
        result = cells.birthday(raw)
        assert result.value is None and warnings(result) == [validation.DATE_IMPOSSIBLE]
    junk = cells.birthday("next tuesday")
    assert junk.value is None and warnings(junk) == [validation.DATE_INVALID]


def test_moments_become_utc() -> None:
    def utc(raw: object, **kwargs: object) -> str | None:
        return cells.moment(raw, zone=CST, **kwargs).value  # type: ignore[arg-type]

    assert utc("2024-01-05 10:20:30 +0800") == "2024-01-05T02:20:30.000000+00:00"
    assert utc("2024-01-05 10:20:30 -05:00") == "2024-01-05T15:20:30.000000+00:00"
    assert utc("2024-01-05T10:20:30Z") == "2024-01-05T10:20:30.000000+00:00"
    assert utc("2024-01-05 10:20:30") == "2024-01-05T02:20:30.000000+00:00"
    assert utc("2024/1/5 10:20") == "2024-01-05T02:20:00.000000+00:00"
    assert utc("2024-01-05") == "2024-01-04T16:00:00.000000+00:00"
    assert utc(datetime(2024, 1, 5, 10, 20, 30)) == "2024-01-05T02:20:30.000000+00:00"
    assert utc(datetime(2024, 1, 5, 10, 20, tzinfo=UTC)) == "2024-01-05T10:20:00.000000+00:00"
    assert utc(45296.5) == "2024-01-05T04:00:00.000000+00:00"
    assert utc("1/5/2024 10:00 PM", month_first=True) == "2024-01-05T14:00:00.000000+00:00"
    no_year = cells.moment("1月5日", zone=CST)
    assert no_year.value is None and warnings(no_year) == [cells.DATE_NEEDS_YEAR]
    assert warnings(cells.moment(time(10, 0), zone=CST)) == [validation.DATE_INVALID]


# ---------------------------------------------------------------- amounts and numbers


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("¥1,234.50", 123450), ("￥88.00", 8800), ("1234.50元", 123450), ("RMB 12", 1200),
     ("$12.00", 1200), ("-5.00", -500), ("(5.00)", -500), (88, 8800), (12.3, 1230),
     ("１２．５", 1250), ("", None), (None, None)],
)
def test_amounts_become_cents(raw: object, expected: int | None) -> None:
    assert cells.cents(raw).value == expected  # type: ignore[arg-type]


def test_bad_amounts_are_errors() -> None:
    assert errors(cells.cents("abc")) == [validation.AMOUNT_INVALID]
    assert errors(cells.cents("1,23.5")) == [validation.AMOUNT_COMMA]
    assert errors(cells.cents(date(2024, 1, 1))) == [validation.AMOUNT_INVALID]


def test_points_and_quantities() -> None:
    assert cells.whole_number("1,200").value == 1200
    assert cells.whole_number(120.0).value == 120
    assert cells.whole_number("300分").value == 300
    assert errors(cells.whole_number("12.5")) == [cells.WHOLE_NUMBER]
    assert cells.quantity(2).value == 2
    assert errors(cells.quantity(0)) == [cells.QUANTITY_INVALID]
    assert cells.rating("★★★★☆").value == 4
    assert cells.rating("5星").value == 5
    assert errors(cells.rating(6)) == [cells.RATING_INVALID]


# ---------------------------------------------------------------- choices


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("男", "male"), ("女", "female"), ("M", "male"), ("f", "female"), ("Male", "male"),
     ("female", "female"), ("先生", "male"), ("女士", "female"), ("保密", None), ("", None)],
)
def test_genders(raw: str, expected: str | None) -> None:
    result = cells.gender(raw)
    assert result.value == expected and not result.notes


def test_unknown_gender_is_a_warning() -> None:
    assert warnings(cells.gender("不男不女")) == [cells.GENDER_UNKNOWN]


def test_tags_split_on_every_separator() -> None:
    assert cells.tags("VIP，老客户,团购;;批发；复购、推荐|朋友/同事") == (
        "VIP", "老客户", "团购", "批发", "复购", "推荐", "朋友", "同事",
    )
    assert cells.tags(" VIP , VIP ") == ("VIP",)
    assert cells.tags(None) == ()
