"""Mobile numbers written in Chinese numerals inside free text: 电话一三八一二三四五六七八,
幺三八 幺二三四 五六七八 (幺 for 1, as it is said aloud), 壹叁捌… (financial numerals), mixed
with digits of any script, grouped by spaces or dashes.

Conservative on purpose: 一, 二, 三… are everyday words, so a run of numerals is read as
digits only where eleven consecutive ones (at least one of them a Chinese numeral) spell a
mainland mobile that the import's own validators accept (``normalise_phone`` then
``is_cn_mobile``). Only those characters are folded to ASCII digits in the detection view
(same length), where the digit detectors of :mod:`desktop.core.masking_text` then find and
mask them like any written number; everything else is left exactly as it was.
"""

from __future__ import annotations

import re
from typing import Final

from desktop.core.errors import InvalidInputError
from desktop.core.validation import is_cn_mobile, normalise_phone

NUMERALS: Final = {
    **dict.fromkeys("〇○零", "0"),
    **dict.fromkeys("一幺壹", "1"),
    **dict.fromkeys("二两兩贰貳", "2"),
    **dict.fromkeys("三叁參", "3"),
    **dict.fromkeys("四肆", "4"),
    **dict.fromkeys("五伍", "5"),
    **dict.fromkeys("六陆陸", "6"),
    **dict.fromkeys("七柒", "7"),
    **dict.fromkeys("八捌", "8"),
    **dict.fromkeys("九玖", "9"),
}
"""Chinese numerals as digits (幺 and 两 as said aloud, 〇/○/零 for zero, the financial
forms)."""

_CHARS: Final = "".join(NUMERALS)
_DASHES: Final = "\\-\u2010-\u2015\u2212\ufe58\ufe63\uff0d"
_MOBILE_LENGTH: Final = 11

_MAY_SPELL: Final = re.compile(
    rf"[{_CHARS}](?:[\s{_DASHES}\u200b-\u200d\u2060\ufeff\u00ad\u180e]?[{_CHARS}]){{10}}"
)
"""Eleven numerals in a row, each at most one separator from the next: what a spelled mobile
without any digit needs (a run holding a digit is caught by the digit pre-test)."""

_RUN: Final = re.compile(rf"[{_CHARS}0-9](?:[ {_DASHES}]?[{_CHARS}0-9])*")
"""A run of numerals and digits in the detection view (any space is a plain space there)."""
_DIGIT_OR_NUMERAL: Final = re.compile(rf"[{_CHARS}0-9]")
_MOBILE_AHEAD: Final = re.compile(r"(?=(1[3-9][0-9]{9}))")
_TO_ASCII: Final = str.maketrans(NUMERALS)
_SEPARATOR_TO_DASH: Final = str.maketrans(dict.fromkeys(
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"))


def may_spell_mobile(text: str) -> bool:
    """A cheap pre-test on the original text: False when no mobile spelled in Chinese
    numerals alone can be in it."""
    return _MAY_SPELL.search(text) is not None


def fold_spelled_mobiles(view: str) -> str:
    """``view`` (a detection view, same length) with every mobile spelled wholly or partly in
    Chinese numerals turned into ASCII digits, its separators into plain dashes; everything
    else unchanged."""
    if not any(c in NUMERALS for c in view):
        return view
    chars = list(view)
    for run in _RUN.finditer(view):
        text = run.group()
        if len(text) < _MOBILE_LENGTH or text.isascii():
            continue  # digits alone are the digit detectors' work
        positions = [run.start() + m.start() for m in _DIGIT_OR_NUMERAL.finditer(text)]
        digits = "".join(view[p] for p in positions).translate(_TO_ASCII)
        for found in _MOBILE_AHEAD.finditer(digits):
            first, last = positions[found.start()], positions[found.start() + 10]
            spelled = view[first : last + 1]
            if spelled.isascii() or not _valid_mobile(found.group(1)):
                continue
            chars[first : last + 1] = spelled.translate(_TO_ASCII).translate(
                _SEPARATOR_TO_DASH)
    return "".join(chars)


def _valid_mobile(digits: str) -> bool:
    try:
        return is_cn_mobile(normalise_phone(digits))
    except InvalidInputError:
        return False
