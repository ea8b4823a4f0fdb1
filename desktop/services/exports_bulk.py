"""Whole-column forms of the export's per-value fast paths (``exports_rows``), for the customer
report's 1,000-row batches: one regular-expression pass over the column joined into lines
picks out the values of the shape the fast path answers for, and one comprehension of slices
shapes them, without a regex call and a Python call per value. Each gives, value for value,
what the per-value path gives (``tests/unit/exchange/test_export_bulk.py``): the values of
another shape go to that path one by one, and a column that cannot be joined into lines (a
value holding a newline, a value neither text nor None) goes to it whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from datetime import date
from typing import Any, Final

from desktop.core.masking import COMPOUND_SURNAMES, HONORIFICS

_LINE: Final = "\n"
_HAN: Final = "[\u4e00-\u9fff]"
_HONORIFIC_WORDS: Final = "|".join(map(re.escape, HONORIFICS))
_COMPOUNDS: Final = "|".join(map(re.escape, sorted(COMPOUND_SURNAMES)))
_HONORIFIC_FIRSTS: Final = re.escape("".join(sorted({word[0] for word in HONORIFICS})))
_COMPOUND_FIRSTS: Final = re.escape("".join(sorted({name[0] for name in COMPOUND_SURNAMES})))

One = Callable[[object], object]
Shape = Callable[[list[Any], Sequence[object], One], list[object]]
"""From each line's match ("" where the shape did not take it), the values and the
per-value path: the column's cells."""


def _each_line(shape: str, groups: bool = False) -> re.Pattern[str]:
    """Matches one line and its newline; group 1 is the line when it has ``shape`` (or,
    with ``groups``, the groups of ``shape`` are)."""
    return re.compile(f"(?:{shape if groups else f'({shape})'}\\n|[^\\n]*\\n)")


# (The fields' rules show None and "" as "", which the shapes give without a call.)


def _mobiles(found: list[str], values: Sequence[object], one: One) -> list[object]:
    return [g[3:6] + "****" + g[-4:] if g else (one(v) if v else "")
            for g, v in zip(found, values, strict=True)]


def _names(found: list[str], values: Sequence[object], one: One) -> list[object]:
    return [g[0] + "*" + g[2:] if g else (one(v) if v else "")
            for g, v in zip(found, values, strict=True)]


def _as_they_are(found: list[str], values: Sequence[object], one: One) -> list[object]:
    if all(found):  # every value taken: the found lines are the values
        return found  # type: ignore[return-value]
    return [g or (one(v) if v else "") for g, v in zip(found, values, strict=True)]


def _emails(found: list[tuple[str, str, str]], values: Sequence[object],
            one: One) -> list[object]:
    # _fast_email: the local part's first character, a star for each other one (at least
    # one), the domain as it is.
    return [a + "*" * (len(b) or 1) + "@" + c if a else (one(v) if v else "")
            for (a, b, c), v in zip(found, values, strict=True)]


_LATIN_NAME_LINES: Final = _each_line(r"(?![A-Z]\n)[A-Z][a-z]*(?: [A-Z][a-z]*)*")
_STARRED_TAILS: Final = str.maketrans(dict.fromkeys("abcdefghijklmnopqrstuvwxyz", "*"))


def _latin_names(values: list[str]) -> list[str]:
    """mask_name of each value that is capitalised ASCII words split by single spaces, at
    least two letters: each word's first letter and a star for each other one (John Smith →
    J*** S****), here the lower-case letters starred in one ``translate``. "" for any other
    value. (clean_text leaves such a value as it is, and with two letters or more no star is
    added.)"""
    found = _LATIN_NAME_LINES.findall(_LINE.join(values) + _LINE)
    if len(found) != len(values):
        return [""] * len(values)
    return _LINE.join(found).translate(_STARRED_TAILS).split(_LINE)


Second = Callable[[list[str]], list[str]]
"""A second whole-column form for the values the first did not take: each value's cell, or
"" where this form does not take it either."""
Bulk = tuple[re.Pattern[str], Shape, Second | None]

BULK: Final[dict[str, Bulk]] = {
    # _fast_phone's first case: an E.164 Chinese mobile → 138****5678.
    "phone": (_each_line(r"\+861[3-9][0-9]{9}"), _mobiles, None),
    # _fast_member_no: letters and digits, not digits with at most a final letter: as it is.
    "member_no": (_each_line(r"[A-Za-z0-9]|[0-9]*[A-Za-z][A-Za-z0-9]+"), _as_they_are, None),
    # _fast_email: a plain address (no second @).
    "email": (_each_line(r"([A-Za-z0-9._%+\-])([A-Za-z0-9._%+\-]*)@([A-Za-z0-9.\-]+)",
                         groups=True), _emails, None),
    # _fast_name: two Han characters (not an honorific), or three without a compound surname
    # or an honorific at the end → 张* / 张*丰; then Latin names (_latin_names). (Each
    # look-ahead first looks at one character: most names start with none of the words.)
    "name": (_each_line(
        rf"(?!(?=[{_HONORIFIC_FIRSTS}])(?:{_HONORIFIC_WORDS})\n){_HAN}{{2}}"
        rf"|(?!(?=[{_COMPOUND_FIRSTS}])(?:{_COMPOUNDS}))"
        rf"(?!{_HAN}(?=[{_HONORIFIC_FIRSTS}])(?:{_HONORIFIC_WORDS})\n){_HAN}{{3}}"), _names,
        _latin_names),
}
"""Per field, the whole-column form of its per-value fast path (where one pays)."""


def bulk_cells(values: Sequence[object], bulk: Bulk, one: One) -> list[object]:
    """``one(value)`` for each value, those of the shape ``bulk`` takes shaped by it, and of
    the rest those its second form takes by that (the caller guarantees both give what
    ``one`` gives)."""
    kinds = set(map(type, values))
    if kinds <= {str, type(None)}:
        texts = values if type(None) not in kinds else [
            "" if v is None else v for v in values]
        joined = _LINE.join(texts) + _LINE  # type: ignore[arg-type]
        if joined.count(_LINE) == len(values):
            pattern, shape, second = bulk
            found = pattern.findall(joined)
            if len(found) == len(values):
                if second is not None:
                    one = _asking_second(second, found, texts, one)  # type: ignore[arg-type]
                return shape(found, values, one)
    return [one(v) for v in values]


def _asking_second(second: Second, found: list[Any], texts: Sequence[str], one: One) -> One:
    """``one``, answered by ``second`` for the values it takes among those (non-empty) the
    first form did not take."""
    rest = [text for got, text in zip(found, texts, strict=True) if not got and text]
    if not rest:
        return one
    answers = dict(zip(rest, second(rest), strict=True))
    return lambda value: answers.get(value) or one(value)  # type: ignore[call-overload]


_ISO_DAYS: Final = _each_line(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def masked_birthdays(values: Sequence[object], one: One) -> list[object] | None:
    """A masked birthday column as ``one`` (``birthday_cell``, masked) gives it: a valid ISO
    day as its year and ``-**-**`` (``_fast_birthday``), None or "" as None, anything else
    by ``one``; None when a value is not text or None, holds a newline, or looks like an
    ISO day but is none (the caller then asks value by value)."""
    kinds = set(map(type, values))
    if not kinds <= {str, type(None)}:
        return None
    texts = values if type(None) not in kinds else ["" if v is None else v for v in values]
    joined = _LINE.join(texts) + _LINE  # type: ignore[arg-type]
    if joined.count(_LINE) != len(values):
        return None
    found: list[str] = _ISO_DAYS.findall(joined)
    if len(found) != len(values):
        return None
    try:
        list(map(date.fromisoformat, filter(None, found)))
    except ValueError:
        return None
    return [g[:4] + "-**-**" if g else (one(v) if v else None)
            for g, v in zip(found, values, strict=True)]


def memo_cells(shown: Callable[[object], object], limit: int
               ) -> Callable[[Sequence[object]], list[object]]:
    """``shown`` of each value, computed once per distinct value (``shown`` is pure) and
    remembered for later batches (at most ``limit`` values, then it starts afresh)."""
    memo: dict[Hashable, object] = {}

    def cells(values: Sequence[object]) -> list[object]:
        distinct = set(values)
        missing = distinct.difference(memo)
        if missing:
            if len(memo) + len(missing) > limit:
                memo.clear()
                missing = distinct
            for value in missing:
                memo[value] = shown(value)
        return list(map(memo.__getitem__, values))
    return cells
