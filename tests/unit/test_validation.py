"""Normalisation and validation shared by forms and import: accepted spellings, rejected
inputs (each with a problem text naming the fix), and round-trip properties."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.errors import InvalidInputError
from desktop.core.validation import (
    AMOUNT_COMMA,
    DATE_AMBIGUOUS,
    DATE_IMPOSSIBLE,
    ID_BIRTH_DATE,
    ID_CHECKSUM,
    ID_EXCEL_NUMBER,
    ID_FORMAT,
    PHONE_CHARACTERS,
    PHONE_EMPTY,
    PHONE_EXTENSION,
    PHONE_INVALID,
    clean_text,
    is_cn_mobile,
    luhn_ok,
    normalise_email,
    normalise_phone,
    parse_amount_cents,
    parse_date,
    resident_id_check_char,
    validate_resident_id,
)


def problem_of(call, *args, **kwargs) -> tuple[str, str]:
    with pytest.raises(InvalidInputError) as caught:
        call(*args, **kwargs)
    return caught.value.params["field"], caught.value.params["problem"]


# ------------------------------------------------------------------ clean_text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (None, ""),
        ("  张三\u3000", "张三"),
        ("\u00a0138\u200b1234\ufeff", "1381234"),
        ("ＡＢＣ１２３", "ABC123"),
        ("'0138", "0138"),
        ('="0013812345678"', "0013812345678"),
        (13812345678.0, "13812345678"),
        (Decimal("88"), "88"),
        (12, "12"),
    ],
)
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean


class _TextSubclass(str):
    """Not exactly ``str``: clean_text takes its full path (NFKC, strip …) for it."""


@given(st.text(alphabet=st.sampled_from(
    list(" az09=',.-/:¥\t\u3000\u00a0\u200b\uff11\uffe5\u2f00\u0301张三龥一")
)))
@settings(max_examples=400)
def test_clean_text_shortcut_gives_what_the_full_cleaning_gives(raw):
    assert clean_text(raw) == clean_text(_TextSubclass(raw))


# ------------------------------------------------------------------ phones


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("13812345678", "+8613812345678"),
        ("138 1234 5678", "+8613812345678"),
        ("138-1234-5678", "+8613812345678"),
        ("+86 138 1234 5678", "+8613812345678"),
        ("+86-13812345678", "+8613812345678"),
        ("(+86)138 1234 5678", "+8613812345678"),
        ("0086 138 1234 5678", "+8613812345678"),
        ("8613812345678", "+8613812345678"),
        ("013812345678", "+8613812345678"),
        ("１３８１２３４５６７８", "+8613812345678"),
        ("＋８６ １３８ １２３４ ５６７８", "+8613812345678"),
        ("138\u00a01234\u30005678\u200b", "+8613812345678"),
        ('="13812345678"', "+8613812345678"),
        ("'13812345678", "+8613812345678"),
        (13812345678, "+8613812345678"),
        (13812345678.0, "+8613812345678"),
        ("tel:+8613812345678", "+8613812345678"),
        ("19212345678", "+8619212345678"),
        ("010-12345678", "+861012345678"),
        ("(0755) 2345 6789", "+8675523456789"),
        ("+44 20 7946 0958", "+442079460958"),
        ("0044 20 7946 0958", "+442079460958"),
        ("+1 (650) 253-0000", "+16502530000"),
        ("+1 312 555 1234", "+13125551234"),  # 11 digits starting 13, yet not a CN mobile
        ("+852 9123 4567", "+85291234567"),
    ],
)
def test_phone_accepted(raw, e164):
    assert normalise_phone(raw) == e164


def test_phone_with_another_default_region():
    assert normalise_phone("020 7946 0958", default_region="GB") == "+442079460958"
    assert normalise_phone("+86 138 1234 5678", default_region="GB") == "+8613812345678"


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("", PHONE_EMPTY),
        ("   ", PHONE_EMPTY),
        (None, PHONE_EMPTY),
        ("abc", PHONE_CHARACTERS),
        ("138-1234-567O", PHONE_CHARACTERS),
        ("138 1234 5678 ext 12", PHONE_EXTENSION),
        ("13812345678转123", PHONE_EXTENSION),
        ("12345", PHONE_INVALID),
        ("1381234567", PHONE_INVALID),
        ("138123456789", PHONE_INVALID),
        ("12812345678", PHONE_INVALID),
        ("+999 1234 5678", PHONE_INVALID),
    ],
)
def test_phone_rejected(raw, problem):
    assert problem_of(normalise_phone, raw) == ("phone", problem)


def test_phone_problem_names_the_fix():
    assert "11-digit mobile number starting with 1" in PHONE_INVALID
    assert "+44" in PHONE_INVALID


def test_is_cn_mobile():
    assert is_cn_mobile("+8613812345678")
    assert not is_cn_mobile("+861012345678")
    assert not is_cn_mobile("+442079460958")
    assert not is_cn_mobile("13812345678")
    assert not is_cn_mobile(None)
    assert not is_cn_mobile("")


cn_mobiles = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)
PHONE_SPELLINGS = (
    "{n}", "+86{n}", "+86 {a} {b} {c}", "0086{n}", "86 {n}", "{a}-{b}-{c}", "({a}) {b} {c}",
    "+86-{a}-{b}-{c}", "（+86）{a} {b} {c}", "\u3000{n}\u00a0", "'{n}",
)


@settings(max_examples=200, deadline=None)
@given(cn_mobiles, st.sampled_from(PHONE_SPELLINGS), st.booleans())
def test_every_spelling_of_a_cn_mobile_gives_the_same_e164(number, spelling, full_width):
    written = spelling.format(n=number, a=number[:3], b=number[3:7], c=number[7:])
    if full_width:
        written = written.translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    e164 = normalise_phone(written)
    assert e164 == "+86" + number
    assert is_cn_mobile(e164)
    assert normalise_phone(e164) == e164


# ------------------------------------------------------------------ resident IDs

TODAY = date(2025, 6, 1)


def with_check(body17: str) -> str:
    return body17 + resident_id_check_char(body17)


def test_resident_id_accepted():
    valid = with_check("11010519491231002")
    assert valid == "11010519491231002X"
    result = validate_resident_id(valid.lower(), today=TODAY)
    assert result.value == valid
    assert not result.legacy
    assert result.birth_date == date(1949, 12, 31)
    assert result.eighteen_digit == valid
    spaced = validate_resident_id(f" {valid[:6]} {valid[6:14]} {valid[14:]} ", today=TODAY)
    assert spaced.value == valid


def test_legacy_resident_id_is_accepted_but_flagged():
    result = validate_resident_id("110105491231002", today=TODAY)
    assert result.legacy
    assert result.birth_date == date(1949, 12, 31)
    assert result.eighteen_digit == "11010519491231002X"


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("", ID_FORMAT),
        ("1101051949123100", ID_FORMAT),
        ("11010519491231002Y", ID_FORMAT),
        ("01010519491231002X", ID_FORMAT),
        ("110105194912310021", ID_CHECKSUM),
        (with_check("11010520230229002"), ID_BIRTH_DATE),  # 2023-02-29 never existed
        (with_check("11010520300101002"), ID_BIRTH_DATE),  # born in the future
        (with_check("11010518991231002"), ID_BIRTH_DATE),
        ("110105230229002", ID_BIRTH_DATE),
        ("1.10105194912310E+17", ID_EXCEL_NUMBER),
        (1.1010519491231002e17, ID_EXCEL_NUMBER),
    ],
)
def test_resident_id_rejected(raw, problem):
    assert problem_of(validate_resident_id, raw, today=TODAY) == ("id_number", problem)


@st.composite
def resident_ids(draw: st.DrawFn) -> str:
    area = draw(st.integers(110000, 829999))
    born = draw(st.dates(date(1900, 1, 1), TODAY))
    return with_check(f"{area}{born:%Y%m%d}{draw(st.integers(0, 999)):03d}")


@settings(max_examples=200, deadline=None)
@given(resident_ids(), st.integers(0, 17), st.integers(1, 9))
def test_valid_ids_pass_and_any_single_digit_change_fails(value, position, shift):
    result = validate_resident_id(value, today=TODAY)
    assert result.value == value
    assert result.birth_date.strftime("%Y%m%d") == value[6:14]
    old = value[position]
    new = "X" if old == "X" else str((int(old) + shift) % 10)
    if new == old or (old == "X" and position == 17):
        new = "0"
    changed = value[:position] + new + value[position + 1 :]
    with pytest.raises(InvalidInputError):
        validate_resident_id(changed, today=TODAY)


def test_luhn():
    assert luhn_ok("4111111111111111")
    assert luhn_ok("6222021234567894")
    assert not luhn_ok("6222021234567890")
    assert not luhn_ok("")
    assert not luhn_ok("abc")


# ------------------------------------------------------------------ e-mail


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("alice@example.com", "alice@example.com"),
        ("  Alice.Smith@Example.COM ", "Alice.Smith@example.com"),
        ("ａｌｉｃｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", "alice@example.com"),
        ("mailto:bob+shop@mail.co.uk", "bob+shop@mail.co.uk"),
        ("<bob@mail.co.uk>", "bob@mail.co.uk"),
        ("张三 <zhang@Example.com>", "zhang@example.com"),
        ("张三@例子。中国", "张三@例子.中国"),
        ("user@Bücher.DE", "user@bücher.de"),
        ("12345678@qq.com", "12345678@qq.com"),
    ],
)
def test_email_accepted(raw, clean):
    assert normalise_email(raw) == clean


@pytest.mark.parametrize(
    "raw",
    [
        "", "alice", "alice@", "@example.com", "alice@example", "alice@@example.com",
        "al ice@example.com", ".alice@example.com", "alice.@example.com", "a..b@example.com",
        "alice@-example.com", "alice@example..com", "alice@example.c", "alice@exa_mple.com",
        "a" * 65 + "@example.com",
    ],
)
def test_email_rejected(raw):
    field, problem = problem_of(normalise_email, raw)
    assert field == "email"
    assert "name@example.com" in problem


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2024-01-05", "2024-01-05"),
        ("2024/1/5", "2024-01-05"),
        ("2024.1.5", "2024-01-05"),
        ("2024年1月5日", "2024-01-05"),
        ("2024年01月05号", "2024-01-05"),
        ("２０２４年１月５日", "2024-01-05"),
        ("20240105", "2024-01-05"),
        ("2024-01-05 10:30:00", "2024-01-05"),
        ("2024-01-05T10:30:00Z", "2024-01-05"),
        ("25/12/2024", "2024-12-25"),
        ("12/25/2024", "2024-12-25"),
        ("5 Jan 2024", "2024-01-05"),
        ("January 5, 2024", "2024-01-05"),
        ("1月5日", "--01-05"),
        ("01-05", "--01-05"),
        ("--02-29", "--02-29"),
        ("1/5", "--01-05"),
        ("2/29", "--02-29"),
        ("12 / 31", "--12-31"),
        (date(2024, 1, 5), "2024-01-05"),
        (datetime(2024, 1, 5, 23, 59), "2024-01-05"),
        (45296, "2024-01-05"),
        (45296.75, "2024-01-05"),
        (20240105, "2024-01-05"),
        (1, "1900-01-01"),
        (59, "1900-02-28"),
        (61, "1900-03-01"),
    ],
)
def test_date_accepted(raw, iso):
    assert parse_date(raw) == iso


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("2023-02-29", DATE_IMPOSSIBLE),
        ("2024-13-01", DATE_IMPOSSIBLE),
        ("2024年4月31日", DATE_IMPOSSIBLE),
        ("02-30", DATE_IMPOSSIBLE),
        ("2/30", DATE_IMPOSSIBLE),
        ("13/5", DATE_IMPOSSIBLE),
        (60, DATE_IMPOSSIBLE),  # Excel's phantom 1900-02-29
        ("01/05/2024", DATE_AMBIGUOUS),
    ],
)
def test_date_rejected_with_its_reason(raw, problem):
    assert problem_of(parse_date, raw, field="birthday") == ("birthday", problem)


@pytest.mark.parametrize(
    "raw", ["", "soon", "2024-01-05 garbage", "24-1-5", 0, -5, True, 3_000_000, float("nan"), None]
)
def test_date_rejected(raw):
    assert problem_of(parse_date, raw)[0] == "date"


DATE_SPELLINGS = (
    "{d:%Y-%m-%d}", "{d.year}/{d.month}/{d.day}", "{d.year}.{d.month}.{d.day}",
    "{d.year}年{d.month}月{d.day}日", "{d:%Y%m%d}", "{d:%Y-%m-%d}T08:00:00",
)


@settings(max_examples=200, deadline=None)
@given(st.dates(date(1900, 3, 1), date(9999, 12, 31)), st.sampled_from(DATE_SPELLINGS))
def test_dates_round_trip(day, spelling):
    assert parse_date(spelling.format(d=day)) == day.isoformat()
    excel_serial = (day - date(1899, 12, 30)).days
    assert parse_date(excel_serial) == day.isoformat()
    assert parse_date(f"{day.month}月{day.day}日") == f"--{day:%m-%d}"
    assert parse_date(f"{day.month}/{day.day}") == f"--{day:%m-%d}"


def test_excel_serial_reads_the_same_as_excel():
    assert parse_date(45658) == "2025-01-01"
    assert parse_date(2958465) == "9999-12-31"
    assert date(1899, 12, 30) + timedelta(days=45658) == date(2025, 1, 1)


# ------------------------------------------------------------------ amounts


@pytest.mark.parametrize(
    ("raw", "cents"),
    [
        ("¥1,234.50", 123450),
        ("￥88.00", 8800),
        ("1234.50元", 123450),
        ("RMB 12", 1200),
        ("人民币 12.3", 1230),
        ("CNY1,000,000", 100000000),
        ("-3.5", -350),
        ("−3.5", -350),
        ("-¥3.50", -350),
        ("¥-3.50", -350),
        ("(3.50)", -350),
        ("１，２３４．５", 123450),
        ("  ¥ 0.5 ", 50),
        (".5", 50),
        ("1.005", 101),  # half-up, not banker's rounding and not float error
        ("2.675", 268),
        ("0.004", 0),
        (12, 1200),
        (0.1, 10),
        (1.005, 101),
        (Decimal("19.999"), 2000),
        ("$12.30", 1230),
    ],
)
def test_amount_accepted(raw, cents):
    assert parse_amount_cents(raw) == cents


@pytest.mark.parametrize(
    "raw",
    ["", "abc", "¥", "12元5角", "1.2.3", "1e3", "--3", "-(3)", "1 234", None, True,
     float("inf"), Decimal("NaN"), "9" * 30],
)
def test_amount_rejected(raw):
    field, problem = problem_of(parse_amount_cents, raw, field="paid")
    assert field == "paid"
    assert problem


@pytest.mark.parametrize("raw", ["12,5", "1,23", "1,2345.00", "12,34,567"])
def test_amount_with_misplaced_commas_says_how_to_write_it(raw):
    assert problem_of(parse_amount_cents, raw) == ("amount", AMOUNT_COMMA)


AMOUNT_SPELLINGS = ("¥{g}", "￥{g}", "{g}元", "RMB {p}", "{p}", "¥ {g} 元", "CNY{g}")


@settings(max_examples=200, deadline=None)
@given(st.integers(-(10**12), 10**12), st.sampled_from(AMOUNT_SPELLINGS))
def test_amounts_round_trip(cents, spelling):
    value = Decimal(cents).scaleb(-2)
    sign = "-" if cents < 0 else ""
    grouped = f"{sign}{abs(value):,.2f}"
    plain = f"{value:.2f}"
    assert parse_amount_cents(spelling.format(g=grouped, p=plain)) == cents
