"""Turn one spreadsheet cell into a normalised value for one field, with the problems found.

Every converter takes a :data:`Cell` as the file layer hands it over and returns a
:class:`Converted`: the value (None when the cell is empty or unusable) and notes. A note is an
error (the row is rejected) or a warning (the row imports; the value was left empty or
adjusted). Notes never echo the cell's content, so they cannot leak personal data.

Rules worth knowing:

* Text is cleaned (NFKC, invisible characters, U+3000/NBSP, Excel's ``="…"`` and a leading
  apostrophe) and otherwise kept verbatim: ``=HYPERLINK(…)`` or ``-2+3`` stay text.
* Placeholder cells (``-``, ``/``, ``无``, ``N/A`` …) count as empty.
* Identifiers (phones, IDs, member and order numbers) read from number cells are exact digit
  strings — unless Excel has already rounded them: a float ≥ 1e11, an int of more than 15
  digits that ends in the zeros Excel pads with or that a float could have produced, or text
  in scientific notation such as ``1.38123E+10``. Those are errors, never guessed.
* Values a platform masked or encrypted (``138****5678``, ``张*``, Pinduoduo's ``~AgAAAA…~``,
  Douyin's ``#…#`` and ``$…$``) are left empty with a warning.
* Dates: ``2024-01-05``, ``2024/1/5``, ``2024.1.5``, ``2024年1月5日``, ``20240105``, date cells
  and Excel serials. A year-last date such as ``5/1/2024`` is read day-first when the first
  number is over 12, month-first when the second is; when both could be the month it is read
  month-first only for layouts from US software (Shopify, WooCommerce, Judge.me) and otherwise
  left empty with a warning. Naive times are the shop's local time (Chinese platform exports:
  China Standard Time) and are stored as UTC; a date without a time is midnight local time.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import Generic, NamedTuple, TypeVar

from desktop.core.errors import InvalidInputError
from desktop.core.import_types import Cell
from desktop.core.models import Gender
from desktop.core.validation import (
    AMOUNT_INVALID,
    DATE_AMBIGUOUS,
    DATE_IMPOSSIBLE,
    DATE_INVALID,
    clean_text,
    normalise_email,
    normalise_phone,
    parse_amount_cents,
    parse_date,
    validate_resident_id,
)

T = TypeVar("T")

# ---------------------------------------------------------------- problem texts (translated)

EXCEL_ROUNDED = (
    "Excel has already rounded this number; format the column as text in the source and "
    "export again."
)
MASKED_VALUE = "The platform hid this value (for example 138****5678); it was left empty."
SEVERAL_PHONES = "The cell holds several phone numbers; only the first one was kept."
LEGACY_ID_CONVERTED = (
    "This is an old 15-digit ID number; it was converted to the 18-digit form. Check it "
    "against the ID card."
)
DATE_NEEDS_YEAR = "This date has no year; write it as year-month-day, e.g. 2024-01-05."
GENDER_UNKNOWN = "Write the gender as 男/女, M/F or male/female; it was left empty."
WHOLE_NUMBER = "Enter a whole number such as 120."
QUANTITY_INVALID = "Enter a quantity of at least 1."
RATING_INVALID = "Enter a rating from 1 to 5."
STATUS_UNKNOWN = "The status \u201c{status}\u201d is not known; it was left empty."
FEEDBACK_KIND_UNKNOWN = (
    "The feedback type \u201c{kind}\u201d is not known (use 投诉, 咨询, 建议 or 评价); "
    "it was recorded as an inquiry."
)
TEXT_TOO_LONG = "This text is longer than {limit} characters; shorten it."

# ---------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class Note:
    reason: str  # one of the constants above, or a problem text of desktop.core.validation
    params: Mapping[str, str] = field(default_factory=dict)
    warning: bool = False


class Converted(NamedTuple, Generic[T]):  # a tuple: made for every cell, so kept cheap
    value: T | None = None
    notes: tuple[Note, ...] = ()


def _error(reason: str, **params: str) -> Converted[T]:
    return Converted(None, (Note(reason, params),))


def _warning(reason: str, value: T | None = None, **params: str) -> Converted[T]:
    return Converted(value, (Note(reason, params, warning=True),))


# ---------------------------------------------------------------- text

PLACEHOLDERS = frozenset(
    {"-", "--", "---", "\u2014", "\u2014\u2014", "/", "\\", "无", "暂无", "空", "n/a", "na",
     "null", "none", "nil", "#n/a"}
)
_MASK = re.compile(r"\*|^~[A-Za-z0-9+/=_-]{8,}~?$|^([$#])[A-Za-z0-9+/=]{8,}\1")
SCIENTIFIC = re.compile(r"(?i)[+-]?[0-9](?:\.[0-9]+)?e\+?[0-9]+")
PLAIN_IDENTIFIER = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}")  # e.g. M000123, TB-2024-01
MAX_TEXT = 2000


# Text that cleaning would leave as it is: printable ASCII and CJK unified ideographs only (NFKC
# keeps both), not starting with a blank, apostrophe or "=", not ending with a blank. Most
# cells are like this, and checking is far cheaper than cleaning.
_NEEDS_CLEANING = re.compile(r"^[\s'=]|\s$|[^\x20-\x7e\u4e00-\u9fff]")


def text(cell: Cell) -> str | None:
    """The cleaned text of a cell, or None when it is empty or a placeholder."""
    if cell is None:
        return None
    if type(cell) is str and cell and _NEEDS_CLEANING.search(cell) is None:
        if len(cell) <= 4 and cell.lower() in PLACEHOLDERS:
            return None
        return cell
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, datetime | date | time):
        return cell.isoformat(sep=" ") if isinstance(cell, datetime) else cell.isoformat()
    cleaned = clean_text(cell)
    if not cleaned or cleaned.lower() in PLACEHOLDERS:
        return None
    return cleaned


def is_masked(cleaned: str) -> bool:
    """True for a value a platform masked or encrypted instead of exporting it."""
    return _MASK.search(cleaned) is not None


def plain_text(cell: Cell, *, limit: int = MAX_TEXT) -> Converted[str]:
    value = text(cell)
    if value is not None and len(value) > limit:
        return _error(TEXT_TOO_LONG, limit=str(limit))
    return Converted(value)


def personal_text(cell: Cell) -> Converted[str]:
    """A name, nick or address: masked values are left empty with a warning."""
    value = text(cell)
    if value is not None and is_masked(value):
        return _warning(MASKED_VALUE)
    if value is not None and len(value) > MAX_TEXT:
        return _error(TEXT_TOO_LONG, limit=str(MAX_TEXT))
    return Converted(value)


# ---------------------------------------------------------------- identifiers

_ROUNDED_FLOAT = 1e11
_EXACT_DIGITS = 10**15  # ints below this cannot have lost digits


def _rounded_int(number: int) -> bool:
    """True when an int of more than 15 digits may have lost digits: Excel keeps 15
    significant digits and pads with zeros, and a number cell read as a float keeps 53 bits
    (an int that a float holds exactly may be such a float; one it cannot hold is exact)."""
    digits = str(abs(number))
    if len(digits) <= 15:
        return False
    return set(digits[15:]) == {"0"} or number == int(float(number))


def _digits_of_number(cell: int | float) -> Converted[str]:
    if isinstance(cell, float):
        if cell != cell or abs(cell) >= _ROUNDED_FLOAT:
            return _error(EXCEL_ROUNDED)
        if not cell.is_integer():
            return Converted(repr(cell))
        cell = int(cell)
    if _rounded_int(cell):
        return _error(EXCEL_ROUNDED)
    return Converted(str(cell))


def identifier(cell: Cell) -> Converted[str]:
    """A member, card or order number: exact text; digits Excel lost are an error."""
    if (
        type(cell) is str and PLAIN_IDENTIFIER.fullmatch(cell) is not None
        and SCIENTIFIC.fullmatch(cell) is None and cell.lower() not in PLACEHOLDERS
    ):
        return Converted(cell)
    if type(cell) is int and -_EXACT_DIGITS < cell < _EXACT_DIGITS:
        return Converted(str(cell))
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return _digits_of_number(cell)
    value = text(cell)
    if value is None:
        return Converted(None)
    if SCIENTIFIC.fullmatch(value):
        return _error(EXCEL_ROUNDED)
    if is_masked(value):
        return _warning(MASKED_VALUE)
    return plain_text(value, limit=100)


# ---------------------------------------------------------------- phones

PLAIN_CN_MOBILE = re.compile(r"1[3-9][0-9]{9}")  # the common case, E.164 without more ado
_PHONE_LIST = re.compile(r"\s*[,，;；/、|]\s*|\s{2,}|\s+(?=\+|00|1[3-9][0-9]{9}\b)")


def phone(cell: Cell) -> Converted[str]:
    """E.164 (CN default; numbers with another country code stay international; landlines
    accepted). Several numbers: the first, with a warning."""
    if type(cell) is int and 13_000_000_000 <= cell <= 19_999_999_999:
        return Converted(f"+86{cell}")
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        digits = _digits_of_number(cell)
        if digits.value is None:
            return digits
        cell = digits.value
    value = text(cell)
    if value is None:
        return Converted(None)
    if PLAIN_CN_MOBILE.fullmatch(value):
        return Converted("+86" + value)
    if SCIENTIFIC.fullmatch(value):
        return _error(EXCEL_ROUNDED)
    if is_masked(value):
        return _warning(MASKED_VALUE)
    try:
        return Converted(normalise_phone(value))
    except InvalidInputError as whole_problem:
        parts = [part for part in _PHONE_LIST.split(value) if part.strip()]
        if len(parts) > 1:
            first = phone(parts[0])
            if first.value is not None:
                return Converted(first.value, (*first.notes, Note(SEVERAL_PHONES, warning=True)))
        return _error(str(whole_problem.params["problem"]))


# ---------------------------------------------------------------- e-mail, resident ID


def email(cell: Cell) -> Converted[str]:
    value = text(cell)
    if value is None:
        return Converted(None)
    if is_masked(value):
        return _warning(MASKED_VALUE)
    try:
        return Converted(normalise_email(value))
    except InvalidInputError as problem:
        return _error(str(problem.params["problem"]))


def resident_id(cell: Cell, *, today: date | None = None) -> Converted[str]:
    """18 characters, checksum verified. A legacy 15-digit number is converted to 18 (the
    conversion is exact once its birth date checks out) and flagged with a warning."""
    if isinstance(cell, float) and abs(cell) >= _ROUNDED_FLOAT:
        return _error(EXCEL_ROUNDED)
    if isinstance(cell, int) and not isinstance(cell, bool) and _rounded_int(cell):
        return _error(EXCEL_ROUNDED)
    value = text(cell)
    if value is None:
        return Converted(None)
    if SCIENTIFIC.fullmatch(value):
        return _error(EXCEL_ROUNDED)
    if is_masked(value):
        return _warning(MASKED_VALUE)
    try:
        checked = validate_resident_id(cell, today=today)
    except InvalidInputError as problem:
        return _error(str(problem.params["problem"]))
    if checked.legacy:
        return _warning(LEGACY_ID_CONVERTED, checked.eighteen_digit)
    return Converted(checked.value)


# ---------------------------------------------------------------- dates and times

_ISO_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")  # the usual spelling, read at once
_YEAR_LAST = re.compile(r"([0-9]{1,2})\s*[/.\-]\s*([0-9]{1,2})\s*[/.\-]\s*([0-9]{4})")
_CLOCK = re.compile(
    r"(?P<day>.+?)[\st]+(?P<h>[0-9]{1,2}):(?P<m>[0-9]{2})(?::(?P<s>[0-9]{2})(?:\.(?P<f>[0-9]+))?)?"
    r"\s*(?P<ampm>am|pm)?\s*(?P<tz>z|utc|gmt|[+-][0-9]{2}:?[0-9]{2})?"
)
CHINA_TIME = timezone(timedelta(hours=8), "CST")


class _Unusable(Exception):
    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def _day(raw: Cell | str, month_first: bool) -> str:
    """ISO day or ``--MM-DD``; raises _Unusable with a validation problem text."""
    if isinstance(raw, str):
        cleaned = clean_text(raw)
        year_last = _YEAR_LAST.fullmatch(cleaned)
        if year_last:
            first, second, year = map(int, year_last.groups())
            if first <= 12 and second <= 12 and first != second and not month_first:
                raise _Unusable(DATE_AMBIGUOUS)
            day_first = first > 12 or (second <= 12 and not month_first)
            month, day = (second, first) if day_first else (first, second)
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                raise _Unusable(DATE_IMPOSSIBLE) from None
        raw = cleaned
    return _parse_date(raw)


def _parse_date(raw: object) -> str:
    try:
        return parse_date(raw)
    except InvalidInputError as problem:
        raise _Unusable(str(problem.params["problem"])) from None


def birthday(cell: Cell, *, month_first: bool = False) -> Converted[str]:
    """ISO ``YYYY-MM-DD`` or ``--MM-DD`` (no year); unusable dates are left empty + warning."""
    if type(cell) is str and (iso := _ISO_DAY.fullmatch(cell)) is not None:
        try:
            date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return _warning(DATE_IMPOSSIBLE)
        return Converted(cell)  # a real day written YYYY-MM-DD: its ISO form is the text
    if type(cell) is date:
        return Converted(cell.isoformat())
    if isinstance(cell, str | int | float) and text(cell) is None:
        return Converted(None)
    if cell is None or isinstance(cell, bool | time):
        return Converted(None) if cell is None else _warning(DATE_INVALID)
    try:
        return Converted(_day(cell, month_first))
    except _Unusable as problem:
        return _warning(problem.problem)


def _to_utc(moment: datetime, zone: tzinfo) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _offset(spelled: str) -> tzinfo:
    if spelled in ("z", "utc", "gmt"):
        return UTC
    sign = -1 if spelled[0] == "-" else 1
    digits = spelled[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _moment_from_text(cleaned: str, zone: tzinfo, month_first: bool) -> str:
    clock = _CLOCK.fullmatch(cleaned.lower())
    day_text = clock.group("day") if clock else cleaned
    day = _day(day_text, month_first)
    if day.startswith("--"):
        raise _Unusable(DATE_NEEDS_YEAR)
    moment = datetime.fromisoformat(day)
    if clock:
        hour, minute = int(clock.group("h")), int(clock.group("m"))
        second = int(clock.group("s") or 0)
        micro = int((clock.group("f") or "0")[:6].ljust(6, "0"))
        if clock.group("ampm") == "pm" and hour < 12:
            hour += 12
        elif clock.group("ampm") == "am" and hour == 12:
            hour = 0
        try:
            moment = moment.replace(hour=hour, minute=minute, second=second, microsecond=micro)
        except ValueError:
            raise _Unusable(DATE_INVALID) from None
        if clock.group("tz"):
            moment = moment.replace(tzinfo=_offset(clock.group("tz")))
    return _to_utc(moment, zone)


def moment(cell: Cell, *, zone: tzinfo, month_first: bool = False) -> Converted[str]:
    """UTC ISO-8601 (microseconds, like ``utc_now_iso``) for an order or feedback time; a naive
    time or a bare date is taken in ``zone``. Unusable values: empty + warning."""
    if cell is None or isinstance(cell, bool | time):
        return Converted(None) if cell is None else _warning(DATE_INVALID)
    try:
        if isinstance(cell, datetime):
            return Converted(_to_utc(cell, zone))
        if isinstance(cell, date):
            return Converted(_to_utc(datetime.combine(cell, time()), zone))
        if isinstance(cell, int | float):
            serial = float(cell)
            if 1 <= serial < 2_958_466 and not 10_000_101 <= serial <= 99_991_231:
                day = datetime.fromisoformat(_parse_date(int(serial)))
                fraction = timedelta(days=serial - int(serial))
                seconds = round(fraction.total_seconds())
                return Converted(_to_utc(day + timedelta(seconds=seconds), zone))
            return Converted(_to_utc(datetime.fromisoformat(_parse_date(cell)), zone))
        cleaned = text(cell)
        if cleaned is None:
            return Converted(None)
        return Converted(_moment_from_text(cleaned, zone, month_first))
    except _Unusable as problem:
        return _warning(problem.problem)


# ---------------------------------------------------------------- numbers


# ``¥1,234.50`` / ``88.00``, as membership sheets write balances: read without Decimal.
PLAIN_CENTS = re.compile(r"¥?([0-9]{1,3}(?:,[0-9]{3}){1,4}|[0-9]{1,15})\.([0-9]{2})")


def cents(cell: Cell) -> Converted[int]:
    """Integer cents from ``¥1,234.50``, ``￥88.00``, ``1234.50元``, ``RMB 12``, ``$12.00``,
    ``-5.00``, ``(5.00)`` or a number cell."""
    if type(cell) is str and (plain := PLAIN_CENTS.fullmatch(cell)) is not None:
        return Converted(int(plain[1].replace(",", "")) * 100 + int(plain[2]))
    if cell is None or (isinstance(cell, str) and text(cell) is None):
        return Converted(None)
    if isinstance(cell, datetime | date | time):
        return _error(AMOUNT_INVALID)
    try:
        return Converted(parse_amount_cents(cell))
    except InvalidInputError as problem:
        return _error(str(problem.params["problem"]))


def whole_number(cell: Cell) -> Converted[int]:
    """Points and similar counts: ``1,200``, ``120``, ``120.0``, ``120分``."""
    if type(cell) is int:
        return Converted(cell)
    if cell is None or (isinstance(cell, str) and text(cell) is None):
        return Converted(None)
    if isinstance(cell, bool | datetime | date | time):
        return _error(WHOLE_NUMBER)
    if isinstance(cell, float):
        return Converted(int(cell)) if cell.is_integer() else _error(WHOLE_NUMBER)
    cleaned = re.sub(r"(?<=[0-9]),(?=[0-9]{3}\b)", "", text(cell) or "")
    cleaned = re.sub(r"\s*(分|积分|件|个|pts?|points?)$", "", cleaned, flags=re.IGNORECASE)
    match = re.fullmatch(r"([+-]?[0-9]+)(?:\.0+)?", cleaned)
    return Converted(int(match.group(1))) if match else _error(WHOLE_NUMBER)


def quantity(cell: Cell) -> Converted[int]:
    number = whole_number(cell)
    if number.notes or (number.value is not None and number.value < 1):
        return _error(QUANTITY_INVALID)
    return number


def rating(cell: Cell) -> Converted[int]:
    """1–5; stars (``★★★★☆``) and ``4星`` are read too."""
    value = text(cell)
    if value is None:
        return Converted(None)
    if set(value) <= {"★", "☆"} and "★" in value:
        return Converted(value.count("★"))
    value = re.sub(r"\s*(星|stars?|分)$", "", value, flags=re.IGNORECASE)
    number = whole_number(value)
    if number.value is None or not 1 <= number.value <= 5:
        return _error(RATING_INVALID)
    return number


# ---------------------------------------------------------------- choices

_GENDERS = {
    Gender.MALE: ("男", "男性", "男士", "先生", "m", "male", "man", "mr", "mr.", "boy"),
    Gender.FEMALE: ("女", "女性", "女士", "小姐", "太太", "f", "female", "woman", "mrs", "ms",
                    "miss", "mrs.", "ms.", "girl"),
    Gender.UNKNOWN: ("未知", "保密", "不详", "unknown", "?", "u"),
    Gender.OTHER: ("其他", "other", "x", "non-binary", "nonbinary"),
}
_GENDER_BY_TEXT = {
    spelling: gender.value for gender, names in _GENDERS.items() for spelling in names
}


def gender(cell: Cell) -> Converted[str]:
    value = text(cell)
    if value is None:
        return Converted(None)
    found = _GENDER_BY_TEXT.get(value) or _GENDER_BY_TEXT.get(value.lower())
    if found is None:
        return _warning(GENDER_UNKNOWN)
    return Converted(found or None)


_TAG_SEPARATORS = re.compile(r"[,，;；、|/]+")


def tags(cell: Cell) -> tuple[str, ...]:
    """Tags split on ，,;；、|/ — trimmed, empty ones dropped, duplicates kept once."""
    value = text(cell)
    if value is None:
        return ()
    parts = (part.strip() for part in _TAG_SEPARATORS.split(value))
    return tuple(dict.fromkeys(part for part in parts if part))
