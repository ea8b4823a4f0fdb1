"""Property tests (hypothesis) for phone, resident-ID, date and amount normalisation."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.validation import ID_CHECKSUM, ID_FORMAT, resident_id_check_char
from desktop.exchange import cells

FEW = settings(max_examples=60, deadline=None)
_FULL_WIDTH = str.maketrans("0123456789+-", "０１２３４５６７８９＋－")

cn_mobiles = st.builds(
    lambda second, rest: f"1{second}{rest:09d}",
    st.sampled_from("3456789"),
    st.integers(min_value=0, max_value=999_999_999),
)


def _spellings(mobile: str) -> list[object]:
    spaced = f"{mobile[:3]} {mobile[3:7]} {mobile[7:]}"
    dashed = f"{mobile[:3]}-{mobile[3:7]}-{mobile[7:]}"
    return [
        mobile, int(mobile), spaced, dashed, f"+86{mobile}", f"+86 {spaced}", f"0086{mobile}",
        f"86-{dashed}", mobile.translate(_FULL_WIDTH), f"'{mobile}", f'="{mobile}"',
        f"\u3000{mobile}\u00a0", f"(+86) {dashed}",
    ]


@FEW
@given(cn_mobiles)
def test_any_spelling_of_a_cn_mobile_gives_the_same_e164(mobile: str) -> None:
    expected = "+86" + mobile
    for spelling in _spellings(mobile):
        assert cells.phone(spelling) == cells.Converted(expected), spelling  # type: ignore[arg-type]
    assert cells.phone(expected).value == expected  # idempotent


birth_dates = st.dates(min_value=date(1920, 1, 1), max_value=date(2010, 12, 31))


@st.composite
def resident_ids(draw: st.DrawFn) -> str:
    area = draw(st.integers(min_value=110000, max_value=659999))
    born = draw(birth_dates)
    sequence = draw(st.integers(min_value=0, max_value=999))
    body = f"{area}{born:%Y%m%d}{sequence:03d}"
    return body + resident_id_check_char(body)


@FEW
@given(resident_ids())
def test_generated_resident_ids_pass(value: str) -> None:
    assert cells.resident_id(value) == cells.Converted(value)
    assert cells.resident_id(value.lower()).value == value


@FEW
@given(resident_ids(), st.integers(min_value=0, max_value=17), st.integers(1, 9))
def test_any_single_digit_change_fails_the_checksum(value: str, position: int, step: int) -> None:
    old = value[position]
    changed_char = str(step) if old == "X" else str((int(old) + step) % 10)
    changed = value[:position] + changed_char + value[position + 1 :]
    result = cells.resident_id(changed)
    assert result.value is None
    # MOD 11-2 catches every single-digit change; a leading 0 fails the format first.
    expected = ID_FORMAT if changed[0] == "0" else ID_CHECKSUM
    assert [(note.reason, note.warning) for note in result.notes] == [(expected, False)]


any_dates = st.dates(min_value=date(1900, 3, 1), max_value=date(2099, 12, 31))


def _date_spellings(day: date) -> list[object]:
    y, m, d = day.year, day.month, day.day
    serial = (day - date(1899, 12, 30)).days
    spellings: list[object] = [
        day, f"{y}/{m}/{d}", f"{y}-{m:02d}-{d:02d}", f"{y}.{m}.{d}", f"{y}年{m}月{d}日",
        f"{y}{m:02d}{d:02d}", int(f"{y}{m:02d}{d:02d}"), serial, float(serial),
        f"{y}-{m:02d}-{d:02d} 08:30:00", f"{y}/{m:02d}/{d:02d}".translate(_FULL_WIDTH),
    ]
    if d > 12:
        spellings.append(f"{d}/{m}/{y}")  # day first, unambiguous
    return spellings


@FEW
@given(any_dates)
def test_any_date_in_each_spelling_round_trips(day: date) -> None:
    for spelling in _date_spellings(day):
        assert cells.birthday(spelling).value == day.isoformat(), spelling  # type: ignore[arg-type]
    us = f"{day.month}/{day.day}/{day.year}"
    assert cells.birthday(us, month_first=True).value == day.isoformat()


def _amount_spellings(cents: int) -> list[str]:
    sign = "-" if cents < 0 else ""
    units, hundredths = divmod(abs(cents), 100)
    plain = f"{units}.{hundredths:02d}"
    grouped = f"{units:,}.{hundredths:02d}"
    spellings = [
        f"{sign}{plain}", f"{sign}¥{grouped}", f"{sign}￥{plain}", f"{sign}{plain}元",
        f"{sign}RMB {grouped}", f"{sign}${grouped}", f"{sign}{grouped} CNY",
    ]
    if cents < 0:
        spellings.append(f"({grouped})")
    return spellings


@FEW
@given(st.integers(min_value=-10**11, max_value=10**11))
def test_any_cents_value_in_each_currency_style_round_trips(cents: int) -> None:
    for spelling in _amount_spellings(cents):
        assert cells.cents(spelling).value == cents, spelling
