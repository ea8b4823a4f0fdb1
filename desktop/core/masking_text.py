"""Finding personal identifiers written inside free text (notes, feedback, tags) for the
free-text masker of :mod:`desktop.core.masking`.

Detection runs on a *view* of the text of the same length (full-width and other-script digits
folded to ASCII, invisible characters to spaces), so every span found applies to the original.
Specific detectors come first, each naming the rule that masks what it found; then a
conservative sweep over the digits nobody claimed: a run that holds a mobile number, or is
12+ digits long, is never left readable (order numbers get masked like a card, which is
acceptable; a leaked card or phone is not). Dates, times and amounts are left alone.
"""

from __future__ import annotations

import re
import unicodedata
from enum import Enum
from typing import Final

import phonenumbers

from desktop.core.address_text import street_spans
from desktop.core.errors import InvalidInputError
from desktop.core.masking_numerals import fold_spelled_mobiles, may_spell_mobile
from desktop.core.validation import luhn_ok, parse_date, resident_id_checksum_ok


class Found(Enum):
    """Which masking rule applies to a span."""

    EMAIL = "email"
    HANDLE = "handle"  # WeChat or QQ account
    RESIDENT_ID = "resident_id"
    CARD = "card"
    STREET = "street"
    PHONE = "phone"
    HIDDEN_DIGITS = "hidden_digits"  # all stars: nothing in it may show


Span = tuple[int, int, Found]

_TRIGGER: Final = re.compile(
    r"[\d@\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u24ea\ufe6b\uff20"
    r"\uff37\uff57]|\u5fae\u4fe1|(?i:wechat|wxid)"
)
"""Every detector needs a digit, an @ or a WeChat word; these are all the characters that are
a decimal digit or fold (NFKC) to a digit or @, and the full-width W of a folded "wxid". (A
mobile spelled in Chinese numerals alone has its own pre-test, ``may_spell_mobile``.)"""

_INVISIBLE: Final = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e")
_ASCII_SPACES: Final = str.maketrans("\t\n\r\x0b\x0c", "     ")
_HAN: Final = "\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f"


def may_hold_identifiers(text: str) -> bool:
    """False when no detector can match: the caller may return the text as written."""
    return _TRIGGER.search(text) is not None or may_spell_mobile(text)


def detection_view(text: str) -> str:
    """Same length as ``text``: digits of any script and full-width characters become ASCII,
    invisible characters and any space become a plain space, and a mobile number spelled in
    Chinese numerals becomes ASCII digits (``fold_spelled_mobiles``: only where eleven of them
    make a valid mobile); everything else is unchanged."""
    if text.isascii():
        return text.translate(_ASCII_SPACES)
    out: list[str] = []
    for c in text:
        if c.isdecimal():
            out.append(str(unicodedata.decimal(c)))
            continue
        folded = unicodedata.normalize("NFKC", c)
        if c in _INVISIBLE or folded.isspace():
            out.append(" ")
        else:
            out.append(folded if len(folded) == 1 else c)
    return fold_spelled_mobiles("".join(out))


# ---------------------------------------------------------------- the detectors

_NOT_HAN = rf"(?![{_HAN}])"
_EMAIL: Final = re.compile(
    rf"(?:{_NOT_HAN}[\w.%+\-])+@(?:(?:{_NOT_HAN}[\w\-])+\.)+(?:{_NOT_HAN}(?!\d)\w){{2,}}"
)
"""Letters of any script but Han, so 联系我alice@example.com谢谢 stops at the Chinese."""
_DOMAIN_LABEL = rf"(?:[{_HAN}]+|(?:{_NOT_HAN}[\w\-])+)"
_LOOSE_EMAIL: Final = re.compile(
    rf"(?:{_NOT_HAN}[\w.%+\-])+@{_DOMAIN_LABEL}(?:\.{_DOMAIN_LABEL})*"
)
"""Any other name@domain (a Chinese domain, no dot): the name is masked all the same."""
_HANDLES: Final = re.compile(
    r"(wxid_[A-Za-z0-9_\-]+)"
    r"|微信号?\s*[:：]?\s*([A-Za-z][A-Za-z0-9_\-]{5,})"
    r"|(?i:wechat(?:\s*id)?)\s*[:：]\s*([A-Za-z][A-Za-z0-9_\-]{5,})"
    r"|(?<![A-Za-z])(?i:qq)\s*号?码?\s*[:：]?\s*([1-9][0-9]{4,11})(?![0-9])"
)
_LABELLED_PHONE: Final = re.compile(
    r"(?:电话|手机|座机|联系方式|(?<![A-Za-z])(?i:tel|phone|mobile))[号码]{0,2}\s*[:：]?\s*"
    r"(\+?[0-9](?:[ \-]?[0-9]){4,17})(?![0-9])"
)
"""A number right after a phone label is a phone, even an 8-digit landline without its area
code, which the phone matcher cannot tell from any other number."""
_ID: Final = re.compile(
    r"(?<![0-9])(?:[0-9]{6}[ \-]?[0-9]{8}[ \-]?[0-9]{3}[0-9Xx]|[0-9]{15})(?![0-9])"
)
_NUMBER_RUN: Final = re.compile(r"[0-9]+(?:[ \-][0-9]+)*")
_MOBILE: Final = re.compile(
    r"(?<![0-9+])(?:\(?(?:\+|00)?86\)?[ \-]?)?\(?1[3-9][0-9]\)?(?:[ \-]?[0-9]){8}(?![0-9])"
)
_DIGIT_RUN: Final = re.compile(r"\+?[0-9](?:[ \-]?[0-9]){6,}")
_LONG_RUN: Final = re.compile(r"[0-9]+(?:[ \-.][0-9]{3,})*(?:[ \-][0-9]{1,2})?")
"""Digits in groups as cards and phones are written (6222 0212 3456 7890 123,
138.1234.5678); middle groups of one or two digits (sizes 42 43 44) end the run."""
_MOBILE_ANYWHERE: Final = re.compile(r"1[3-9][0-9]{9}")
_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")
_DATE_BEFORE: Final = re.compile(r"(?<![0-9])[0-9]{4}[\-/.][0-9]{1,2}[\-/.][0-9]{1,2} $")
_CURRENCY_BEFORE: Final = re.compile(r"(?:[¥￥$€£]|RMB|CNY|USD)\s*$")
_CURRENCY_AFTER: Final = re.compile(r"\s*(?:元|块|圆|RMB|CNY|USD)|\.[0-9]")


def _is_resident_id(found: str) -> bool:
    """Checksum-valid, or ID-shaped with a real birth date inside: a mistyped ID in a note
    still shows a birth date, so it is masked too (at worst an order number is masked)."""
    compact = re.sub(r"[ \-]", "", found).upper()
    if len(compact) == 18 and (resident_id_checksum_ok(compact) or compact.endswith("X")):
        return True
    birth = compact[6:14] if len(compact) == 18 else "19" + compact[6:12]
    if not _is_date(birth):
        return False
    return compact[0] != "0"


def _grouped_legacy_id(text: str, start: int, end: int) -> bool:
    """Fifteen solid digits holding a mobile, with another group of digits a space or dash
    before or after them, are two phones written together (130 0000 100013000101000), not a
    legacy ID: taken as one, the first phone and the ends of the second would show. The sweep
    over digit runs then hides the whole run."""
    return end - start == 15 and bool(_MOBILE_ANYWHERE.search(text, start, end)) and bool(
        re.search(r"[0-9][ \-]$", text[max(start - 2, 0) : start])
        or re.match(r"[ \-][0-9]", text[end : end + 2])
    )


def _is_date(digits: str) -> bool:
    if len(digits) != 8 or not 1900 <= int(digits[:4]) <= 2100:
        return False
    try:
        parse_date(f"{digits[:4]}-{digits[4:6]}-{digits[6:]}")
    except InvalidInputError:
        return False
    return True


def _is_time(digits: str) -> bool:
    """hhmm, hhmmss or hhmmssfff."""
    if len(digits) not in (4, 6, 9):
        return False
    parts = [int(digits[i : i + 2]) for i in range(0, min(len(digits), 6), 2)]
    return parts[0] < 24 and all(p < 60 for p in parts[1:])


def _is_date_or_time(digits: str) -> bool:
    """20240105123045 (a timestamp), 2024010120240131 (a date range)."""
    if _is_date(digits[:8]) and _is_time(digits[8:]):
        return True
    return len(digits) == 16 and _is_date(digits[:8]) and _is_date(digits[8:])


def _is_amount(text: str, start: int, end: int) -> bool:
    """A currency sign or word next to it, or decimals after it. Card lengths (16-19 digits)
    are never taken for an amount: no shop writes a sum that long."""
    return bool(_CURRENCY_BEFORE.search(text, 0, start) or _CURRENCY_AFTER.match(text, end))


def _card_spans(text: str) -> list[Span]:
    """Luhn-valid 16–19 digit numbers, written solid or in groups, even when a run of
    numbers around them (a date, a phone) is separated by single spaces or dashes."""
    spans: list[Span] = []
    for run in _NUMBER_RUN.finditer(text):
        base = run.start()
        groups = [(base + g.start(), base + g.end()) for g in re.finditer("[0-9]+", run.group())]
        i = 0
        while i < len(groups):
            best, digits = -1, ""
            for j in range(i, len(groups)):
                digits += text[groups[j][0] : groups[j][1]]
                if len(digits) > 19:
                    break
                if len(digits) >= 16 and luhn_ok(digits):
                    best = j
            if best >= 0:
                best = _whole_card_run(text, groups, i, best)
                spans.append((groups[i][0], groups[best][1], Found.CARD))
                i = best
            i += 1
    return spans


def _whole_card_run(text: str, groups: list[tuple[int, int]], first: int, last: int) -> int:
    """A checksum-valid part of a longer card-like run (4421 7080 0121 9733 001) is not
    taken alone, or the rest of the real card would show: the last group of the run then."""
    rest = groups[first:]
    if sum(e - s for s, e in rest) <= 19 and all(e - s >= 3 for s, e in rest):
        return len(groups) - 1
    return last


def _inside_longer_number(text: str, start: int, end: int) -> bool:
    """A digit right before or after; or, for a number written in groups, one more group a
    space or dash away (3000 0000 1400 0000 000 is a card, not a phone after 8 digits)."""
    before, after = text[max(start - 2, 0) : start], text[end : end + 2]
    if before[-1:].isdigit() or after[:1].isdigit():
        return True
    grouped = re.search(r"[0-9][ \-.][0-9]", text[start:end]) is not None
    if _DATE_BEFORE.search(text, max(start - 11, 0), start):
        return False  # 2024-01-05 138 1234 5678
    return grouped and bool(re.search(r"[0-9][ \-]$", before) or re.match(r"[ \-][0-9]", after))


def _phone_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    try:
        for leniency in (phonenumbers.Leniency.VALID, phonenumbers.Leniency.POSSIBLE):
            for match in phonenumbers.PhoneNumberMatcher(text, "CN", leniency=leniency):
                raw = match.raw_string
                if _inside_longer_number(text, match.start, match.end):
                    continue  # left to the sweep, which hides the whole run
                if leniency == phonenumbers.Leniency.VALID or raw.startswith(("+", "00")):
                    spans.append((match.start, match.end, Found.PHONE))
    except Exception:  # noqa: BLE001 - masking is total; fall back to hiding every digit run
        spans = [(m.start(), m.end(), Found.HIDDEN_DIGITS) for m in _DIGIT_RUN.finditer(text)]
    return spans


def _group_spans(pattern: re.Pattern[str], text: str, kind: Found) -> list[Span]:
    spans: list[Span] = []
    for match in pattern.finditer(text):
        group = next(g for g in range(1, (pattern.groups or 0) + 1) if match.group(g))
        if not _ISO_DATE.fullmatch(match.group(group)):
            spans.append((match.start(group), match.end(group), kind))
    return spans


def _leftover_spans(text: str, taken: list[Span]) -> list[Span]:
    """The sweep over digits no detector claimed (spans already taken break runs)."""
    rest = list(text)
    for start, end, _ in taken:
        rest[start:end] = "\x00" * (end - start)
    view = "".join(rest)
    spans: list[Span] = []
    for run in _LONG_RUN.finditer(view):
        digits = re.sub(r"[^0-9]", "", run.group())
        start, end = run.span()
        if _MOBILE_ANYWHERE.search(digits) or len(digits) > 19:
            exact_mobile = len(digits) == 11
            spans.append((start, end, Found.PHONE if exact_mobile else Found.HIDDEN_DIGITS))
        elif len(digits) >= 12 and not _is_date_or_time(digits) and not (
            len(digits) < 16 and _is_amount(view, start, end)
        ):
            spans.append((start, end, Found.CARD))
    return spans


def find_identifiers(text: str) -> list[Span]:
    """Non-overlapping spans of ``text`` (a :func:`detection_view`) to mask, in text order.
    Earlier detectors win over later overlapping ones."""
    found: list[Span] = [
        (m.start(), m.end(), Found.EMAIL)
        for pattern in (_EMAIL, _LOOSE_EMAIL)
        for m in pattern.finditer(text)
    ]
    found += _group_spans(_HANDLES, text, Found.HANDLE)
    found += [
        (m.start(), m.end(), Found.RESIDENT_ID)
        for m in _ID.finditer(text)
        if _is_resident_id(m.group()) and not _grouped_legacy_id(text, m.start(), m.end())
    ]
    found += _card_spans(text)
    found += [(start, end, Found.STREET) for start, end in street_spans(text)]
    found += [
        (m.start(), m.end(), Found.PHONE)
        for m in _MOBILE.finditer(text)
        if not _inside_longer_number(text, m.start(), m.end())
    ]
    found += _phone_spans(text)
    found += _group_spans(_LABELLED_PHONE, text, Found.PHONE)
    chosen = _without_overlaps(text, found)
    chosen += _leftover_spans(text, chosen)
    return sorted(chosen, key=lambda span: span[0])


def _without_overlaps(text: str, found: list[Span]) -> list[Span]:
    """Earlier detectors win. A later span that overlaps a chosen one and reaches further
    with digits (路138.1234.5678: the street took 路138) is not dropped, or those digits would
    show: the two become one span, all hidden."""
    chosen: list[Span] = []
    for span in found:
        start, end, kind = span
        overlapping = [c for c in chosen if c[0] < end and start < c[1]]
        if start >= end or any(c[0] <= start and end <= c[1] for c in overlapping):
            continue
        if overlapping:
            low = min(c[0] for c in overlapping)
            high = max(c[1] for c in overlapping)
            if not re.search("[0-9]", text[start:low] + text[high:end]):
                continue
            kinds = {c[2] for c in overlapping} | {kind}
            merged = Found.STREET if Found.STREET in kinds else Found.HIDDEN_DIGITS
            chosen = [c for c in chosen if c not in overlapping]
            span = (min(low, start), max(high, end), merged)
        chosen.append(span)
    return chosen
