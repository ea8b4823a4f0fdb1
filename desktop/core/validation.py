"""Normalisation and validation shared by the add/edit forms and import (DESIGN §3, §6).

Every rejection is an :class:`InvalidInputError` with ``field`` and ``problem``; the problem is
a constant English source text naming the fix (the UI translates it under context "errors") and
never echoes the rejected value, so error messages cannot leak personal data.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import phonenumbers

from desktop.core.errors import InvalidInputError
from desktop.core.phone_rules import international_e164

# Characters NFKC leaves alone but that are invisible or blank in pasted data.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), None)
_EXCEL_WRAPPER = re.compile(r'^="(.*)"$', re.DOTALL)
# What cleaning leaves exactly as it is (most cells: dates, amounts, names): printable ASCII,
# ¥ and basic-block ideographs (NFKC keeps each, none composes), not starting with a blank,
# apostrophe or "=", not ending with a blank. Checking is far cheaper than cleaning.
_ALREADY_CLEAN = re.compile(r"(?![\s'=])[\x20-\x7e\u00a5\u4e00-\u9fff]*(?<!\s)")


def _is_whole(number: float | Decimal) -> bool:
    if isinstance(number, float):
        return number.is_integer()
    return number.is_finite() and number == number.to_integral_value()


def clean_text(raw: object) -> str:
    """NFKC, drop zero-width characters, strip (incl. U+3000/NBSP), unwrap Excel's ``="…"``
    and a leading apostrophe. ``None`` → ``""``; integral floats lose their ``.0``."""
    if raw is None:
        return ""
    if type(raw) is str and _ALREADY_CLEAN.fullmatch(raw):
        return raw
    if isinstance(raw, float | Decimal) and _is_whole(raw):
        text = str(int(raw))
    else:
        text = raw if isinstance(raw, str) else str(raw)
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).strip()
    wrapped = _EXCEL_WRAPPER.match(text)
    if wrapped:
        text = wrapped.group(1).strip()
    if text.startswith("'"):
        text = text[1:].strip()
    return text


# ---------------------------------------------------------------- phones

PHONE_EMPTY = "Enter a phone number."
PHONE_CHARACTERS = (
    "A phone number may contain only digits, spaces, dashes, brackets and a leading +."
)
PHONE_INVALID = (
    "Enter an 11-digit mobile number starting with 1, or a number with its country code "
    "such as +44 20 7946 0958."
)
PHONE_EXTENSION = "Enter the number without an extension."

_PHONE_SEPARATORS = re.compile(r"[\s\-./()\[\]]")
_CN_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_CN_MOBILE_E164 = re.compile(r"\+861[3-9][0-9]{9}")


def normalise_phone(raw: object, default_region: str = "CN", *, field: str = "phone") -> str:
    """Return the number in E.164 (``+8613812345678``) or raise InvalidInputError.

    CN mobiles (1[3-9] + 9 digits) are accepted in any spelling (``+86``/``0086``/``86``
    prefixes, separators, full-width digits) without consulting the carrier tables, so newly
    opened number ranges are never refused; other numbers must be valid per ``phonenumbers``.
    """
    text = clean_text(raw)
    if text.lower().startswith("tel:"):
        text = text[4:]
    compact = _PHONE_SEPARATORS.sub("", text)
    if not compact:
        raise InvalidInputError(field=field, problem=PHONE_EMPTY)
    if re.search(r"(?i)[0-9](?:ext\.?|x|转|分机|#)[0-9]", compact):
        raise InvalidInputError(field=field, problem=PHONE_EXTENSION)
    if not re.fullmatch(r"\+?[0-9]+", compact):
        raise InvalidInputError(field=field, problem=PHONE_CHARACTERS)
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    international = compact.startswith("+")
    digits = compact.lstrip("+")
    in_cn = default_region.upper() == "CN"
    if (international or in_cn) and digits.startswith("86") and _CN_MOBILE.fullmatch(digits[2:]):
        return "+" + digits
    if in_cn and not international and _CN_MOBILE.fullmatch(digits.removeprefix("0")):
        return "+86" + digits.removeprefix("0")
    if international and (quick := international_e164(compact)) is not None:
        return quick  # what phonenumbers gives, without its parsing (see phone_rules)
    try:
        number = phonenumbers.parse(compact, default_region.upper())
    except phonenumbers.NumberParseException:
        raise InvalidInputError(field=field, problem=PHONE_INVALID) from None
    if not phonenumbers.is_valid_number(number):
        raise InvalidInputError(field=field, problem=PHONE_INVALID)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def is_cn_mobile(e164: str | None) -> bool:
    """True for an E.164 mainland-China mobile number such as ``+8613812345678``."""
    return bool(e164) and _CN_MOBILE_E164.fullmatch(e164 or "") is not None


# ---------------------------------------------------------------- resident ID (GB 11643)

ID_FORMAT = (
    "Enter the 18-character resident ID number (17 digits and a final digit or X), "
    "or an old 15-digit number."
)
ID_EXCEL_NUMBER = (
    "The ID number was stored as a number and its last digits were lost. "
    "Format the column as text in the spreadsheet and enter it again."
)
ID_CHECKSUM = "The last character of the ID number does not match; check every digit."
ID_BIRTH_DATE = "The birth date inside the ID number is not a real past date; check it."

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"


def resident_id_check_char(body17: str) -> str:
    """The GB 11643 MOD 11-2 check character for the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(body17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11]


def resident_id_checksum_ok(value: str) -> bool:
    """True when ``value`` is 17 digits plus the matching check character (X upper or lower)."""
    if len(value) != 18 or not value[:17].isascii() or not value[:17].isdigit():
        return False
    return resident_id_check_char(value[:17]) == value[17].upper()


def _birth_date(yyyymmdd: str) -> date | None:
    try:
        return date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class ResidentId:
    value: str
    """Normalised: 18 characters with upper-case X, or the 15 legacy digits."""
    legacy: bool
    """True for a first-generation 15-digit number (should be replaced when seen)."""
    birth_date: date

    @property
    def eighteen_digit(self) -> str:
        """The 18-character form (a legacy number gets "19" and its check character)."""
        if not self.legacy:
            return self.value
        body = self.value[:6] + "19" + self.value[6:]
        return body + resident_id_check_char(body)


def validate_resident_id(
    raw: object, *, today: date | None = None, field: str = "id_number"
) -> ResidentId:
    """Check a mainland resident ID: format, MOD 11-2 checksum, real birth date not in the
    future. A legacy 15-digit number is accepted and flagged ``legacy=True``."""
    text = re.sub(r"[\s\-]", "", clean_text(raw)).upper()
    from_number = isinstance(raw, int | float | Decimal) and not isinstance(raw, bool)
    if re.fullmatch(r"[0-9](\.[0-9]+)?E\+?[0-9]+", text) or (from_number and len(text) > 15):
        # A spreadsheet number keeps only 15 significant digits; the rest is gone.
        try:
            return _checked_resident_id(text, today or date.today(), field)
        except InvalidInputError:
            raise InvalidInputError(field=field, problem=ID_EXCEL_NUMBER) from None
    return _checked_resident_id(text, today or date.today(), field)


def _checked_resident_id(text: str, today: date, field: str) -> ResidentId:
    if re.fullmatch(r"[1-9][0-9]{16}[0-9X]", text):
        legacy, birth = False, text[6:14]
    elif re.fullmatch(r"[1-9][0-9]{14}", text):
        legacy, birth = True, "19" + text[6:12]
    else:
        raise InvalidInputError(field=field, problem=ID_FORMAT)
    if not legacy and not resident_id_checksum_ok(text):
        raise InvalidInputError(field=field, problem=ID_CHECKSUM)
    born = _birth_date(birth)
    if born is None or born.year < 1900 or born > today:
        raise InvalidInputError(field=field, problem=ID_BIRTH_DATE)
    return ResidentId(value=text, legacy=legacy, birth_date=born)


def luhn_ok(digits: str) -> bool:
    """Luhn (mod 10) check used by bank cards."""
    if not digits.isascii() or not digits.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


# ---------------------------------------------------------------- e-mail

EMAIL_INVALID = "Enter an e-mail address such as name@example.com."

_LOCAL_SPECIALS = frozenset("!#$%&'*+/=?^_`{|}~.-")
_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")


def normalise_email(raw: object, *, field: str = "email") -> str:
    """Trimmed address with a lower-cased domain; internationalised domains are accepted and
    kept in Unicode (validated through their IDNA form). The local part keeps its case."""
    text = clean_text(raw)
    if text.lower().startswith("mailto:"):
        text = text[7:]
    bracketed = re.search(r"<([^<>]*)>$", text)  # 张三 <zhang@example.com>
    text = (bracketed.group(1) if bracketed else text).strip()
    local, at, domain = text.rpartition("@")
    domain = domain.replace("\u3002", ".").replace("\uff61", ".").lower().rstrip(".")
    if (
        not at
        or not 1 <= len(local) <= 64
        or not all(c.isalnum() or c in _LOCAL_SPECIALS for c in local)
        or local.startswith(".")
        or local.endswith(".")
        or ".." in local
    ):
        raise InvalidInputError(field=field, problem=EMAIL_INVALID)
    try:
        ascii_domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        raise InvalidInputError(field=field, problem=EMAIL_INVALID) from None
    labels = ascii_domain.split(".")
    if (
        len(labels) < 2
        or len(ascii_domain) > 253
        or not all(_LABEL.fullmatch(label) for label in labels)
        or not (labels[-1].isalpha() or labels[-1].startswith("xn--"))
        or len(labels[-1]) < 2
    ):
        raise InvalidInputError(field=field, problem=EMAIL_INVALID)
    result = f"{local}@{domain}"
    if len(result) > 254:
        raise InvalidInputError(field=field, problem=EMAIL_INVALID)
    return result


# ---------------------------------------------------------------- dates

DATE_INVALID = "Enter a date such as 2024-01-05, 2024/1/5 or 2024年1月5日."
DATE_IMPOSSIBLE = "This date does not exist in the calendar; check the day and month."
DATE_AMBIGUOUS = (
    "This date could be read day-first or month-first. Write it as year-month-day, "
    "e.g. 2024-01-05."
)

_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_MAX_SERIAL = 2_958_465  # 9999-12-31
_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            "jan january", "feb february", "mar march", "apr april", "may", "jun june",
            "jul july", "aug august", "sep sept september", "oct october", "nov november",
            "dec december",
        ),
        start=1,
    )
    for m in names.split()
}
_N = "([0-9]{1,2})"  # a month or day
_YMD = re.compile(
    rf"([0-9]{{4}})\s*(?:[-/.]\s*{_N}\s*[-/.]\s*{_N}|年\s*{_N}\s*月\s*{_N}\s*[日号]?)"
    r"(?:[\st][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:z|[+-][0-9]{2}:?[0-9]{2})?)?"
)
_COMPACT = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")
# Month and day without a year: 1月5日, 01-05, 1/5 (the order of 2024/1/5 with its year left off,
# as 3-5 already was; a day-first 5/1 is not read here: it is what "1/5" means in China).
_MD = re.compile(rf"(?:--)?{_N}\s*[-/]\s*{_N}|{_N}\s*月\s*{_N}\s*[日号]?")
_SLASHED = re.compile(r"([0-9]{1,2})\s*[/.]\s*([0-9]{1,2})\s*[/.]\s*([0-9]{4})")
_DAY_MONTH_YEAR = re.compile(r"([0-9]{1,2})\s+([a-z]+)\.?,?\s+([0-9]{4})")
_MONTH_DAY_YEAR = re.compile(r"([a-z]+)\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?,?\s+([0-9]{4})")


def _iso(year: int, month: int, day: int, field: str) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        raise InvalidInputError(field=field, problem=DATE_IMPOSSIBLE) from None


def _iso_from_groups(groups: tuple[Any, ...], field: str) -> str:
    year, month, day = (int(g) for g in groups)
    return _iso(year, month, day, field)


def _from_excel_serial(serial: float, field: str) -> str:
    whole = int(serial)  # the fraction is the time of day
    if not 1 <= whole <= _EXCEL_MAX_SERIAL:
        raise InvalidInputError(field=field, problem=DATE_INVALID)
    if whole == 60:  # Excel's 1900-02-29, which never existed (Lotus 1-2-3 compatibility)
        raise InvalidInputError(field=field, problem=DATE_IMPOSSIBLE)
    # Before the phantom leap day the serials are one day ahead of the real calendar.
    return (_EXCEL_EPOCH + timedelta(days=whole if whole > 60 else whole + 1)).isoformat()


def parse_date(raw: object, *, field: str = "date") -> str:
    """ISO ``YYYY-MM-DD``, or ``--MM-DD`` when the input has no year (e.g. a birthday)."""
    if isinstance(raw, datetime):
        return raw.date().isoformat()
    if isinstance(raw, date):
        return raw.isoformat()
    if isinstance(raw, bool):
        raise InvalidInputError(field=field, problem=DATE_INVALID)
    if isinstance(raw, int | float | Decimal):
        number = Decimal(str(raw))
        if not number.is_finite():
            raise InvalidInputError(field=field, problem=DATE_INVALID)
        if number == number.to_integral_value() and 10_000_101 <= number <= 99_991_231:
            compact = _COMPACT.fullmatch(str(int(number)))
            if compact:
                return _iso_from_groups(compact.groups(), field)
        return _from_excel_serial(float(number), field)
    text = clean_text(raw).lower()
    if match := _YMD.fullmatch(text):
        y, m1, d1, m2, d2 = match.groups()
        return _iso(int(y), int(m1 or m2), int(d1 or d2), field)
    if match := _COMPACT.fullmatch(text):
        return _iso_from_groups(match.groups(), field)
    if match := _MD.fullmatch(text):
        m1, d1, m2, d2 = match.groups()
        month, day = int(m1 or m2), int(d1 or d2)
        _iso(2000, month, day, field)  # a leap year, so --02-29 is a valid birthday
        return f"--{month:02d}-{day:02d}"
    if match := _SLASHED.fullmatch(text):
        first, second, year = map(int, match.groups())
        if first <= 12 and second <= 12 and first != second:
            raise InvalidInputError(field=field, problem=DATE_AMBIGUOUS)
        day, month = (first, second) if first > 12 else (second, first)
        return _iso(year, month, day, field)
    if match := _DAY_MONTH_YEAR.fullmatch(text):
        day_text, month_name, year_text = match.groups()
        if month_name in _MONTHS:
            return _iso(int(year_text), _MONTHS[month_name], int(day_text), field)
    if match := _MONTH_DAY_YEAR.fullmatch(text):
        month_name, day_text, year_text = match.groups()
        if month_name in _MONTHS:
            return _iso(int(year_text), _MONTHS[month_name], int(day_text), field)
    raise InvalidInputError(field=field, problem=DATE_INVALID)


# ---------------------------------------------------------------- money

AMOUNT_INVALID = "Enter an amount such as 88.00 or ¥1,234.50."
AMOUNT_COMMA = (
    "Use commas only between groups of three digits and a point for the decimals, "
    "e.g. 1,234.50."
)
AMOUNT_TOO_LARGE = "This amount is too large; check the number of digits."

_CURRENCY_WORDS = re.compile(r"(?i)人民币|rmb|cny|usd|eur|gbp|hkd|us\$|hk\$|[¥$€£元圆块]")
_AMOUNT = re.compile(r"([+-]?)([0-9][0-9,]*)(?:\.([0-9]*))?|([+-]?)\.([0-9]+)")
_MAX_CENTS = 2**63 - 1


def _cents(value: Decimal, field: str) -> int:
    if not value.is_finite():
        raise InvalidInputError(field=field, problem=AMOUNT_INVALID)
    if abs(value) >= Decimal(_MAX_CENTS) / 100:
        raise InvalidInputError(field=field, problem=AMOUNT_TOO_LARGE)
    return int((value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def parse_amount_cents(raw: object, *, field: str = "amount") -> int:
    """Integer cents, rounded half-up, via Decimal only. Accepts ``¥1,234.50``, ``￥88.00``,
    ``1234.50元``, ``RMB 12``, ``-3.5``, ``(3.50)`` (accounting negative), full-width digits,
    int/float/Decimal. The currency marker is not converted: amounts are in the shop's
    currency."""
    if isinstance(raw, bool) or raw is None:
        raise InvalidInputError(field=field, problem=AMOUNT_INVALID)
    if isinstance(raw, int):
        return _cents(Decimal(raw), field)
    if isinstance(raw, float):
        return _cents(Decimal(repr(raw)), field)  # shortest repr: 0.1 → Decimal("0.1")
    if isinstance(raw, Decimal):
        return _cents(raw, field)
    text = clean_text(raw).replace("\u2212", "-")
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    text = re.sub(r"^([+-])\s+", r"\1", _CURRENCY_WORDS.sub(" ", text).strip())
    match = _AMOUNT.fullmatch(text)
    if not match:
        raise InvalidInputError(field=field, problem=AMOUNT_INVALID)
    sign, whole, fraction, sign2, fraction2 = match.groups()
    if whole is None:
        sign, whole, fraction = sign2, "0", fraction2
    if "," in whole and not re.fullmatch(r"[0-9]{1,3}(,[0-9]{3})+", whole):
        raise InvalidInputError(field=field, problem=AMOUNT_COMMA)
    value = Decimal(whole.replace(",", "") + "." + (fraction or "0"))
    if sign == "-" and negative:
        raise InvalidInputError(field=field, problem=AMOUNT_INVALID)
    return _cents(-value if sign == "-" or negative else value, field)
