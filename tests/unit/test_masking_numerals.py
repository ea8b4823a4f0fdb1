"""Mobile numbers spelled in Chinese numerals inside free text (一三八…, 幺三八…, 壹叁捌…,
mixed with digits, grouped by spaces or dashes) are masked like written ones; everyday
numerals (第一二三名, 二〇二四年, ten or eleven numerals that are no valid mobile) are left
exactly as written. Properties: no valid mobile spelled this way survives masking, and text
without one is unchanged."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from desktop.core.masking import mask_free_text
from desktop.core.masking_numerals import NUMERALS, fold_spelled_mobiles, may_spell_mobile
from desktop.core.masking_text import detection_view, may_hold_identifiers
from desktop.services.exports_rows import Masker


@pytest.mark.parametrize(("text", "masked"), [
    ("电话一三八一二三四五六七八", "电话138****5678"),
    ("手机：幺三八 幺二三四 五六七八，晚上打", "手机：138****5678，晚上打"),
    ("电话：一三八－一二三四－五六七八一定要打", "电话：138****5678一定要打"),
    ("一三八—一二三四—五六七八", "138****5678"),
    ("壹叁捌壹贰叁肆伍陆柒捌", "138****5678"),
    ("联系一五九〇〇〇〇幺二三四", "联系159****1234"),
    ("１３８一二三四五六七八", "138****5678"),
    ("138一二三四五六七八", "138****5678"),
    ("一三八1234五六七八", "138****5678"),
    ("一八六　一二三四　五六七八", "186****5678"),
    ("13812345678一个", "138****5678一个"),
])
def test_spelled_mobiles_are_masked(text: str, masked: str) -> None:
    assert mask_free_text(text) == masked
    assert Masker(masked=True)("notes", text) == masked  # the export's fast path too


@pytest.mark.parametrize("text", [
    "一二三四五六七八九十", "第一二三名", "二〇二四年一月一日", "三三两两", "一心一意",
    "一三八一二三四五六七",  # ten numerals: too short
    "一二三四五六七八九〇一",  # eleven, but 12… is no mobile
    "一〇〇〇一二三四五六七八九",
    "一二〇四五六七八九〇一二三",  # 120… 204…: no 1[3-9] window
])
def test_everyday_numerals_stay_as_written(text: str) -> None:
    assert mask_free_text(text) == text
    assert fold_spelled_mobiles(text) == text


def test_the_pre_test_needs_eleven_numerals_in_a_row() -> None:
    assert may_spell_mobile("电话一三八一二三四五六七八")
    assert may_spell_mobile("幺三八 幺二三四－五六七八")
    assert may_hold_identifiers("幺三八\u3000幺二三四\u3000五六七八")
    assert not may_spell_mobile("一三八一二三四五六七")
    assert not may_spell_mobile("一三八，一二三四，五六七八")
    assert not may_hold_identifiers("老客户，第一二三次买，一心一意")


def test_the_view_keeps_its_length_and_folds_only_the_mobile() -> None:
    text = "第一名电话一三八－一二三四－五六七八一定"
    view = detection_view(text)
    assert len(view) == len(text)
    assert view == "第一名电话138-1234-5678一定"


# ------------------------------------------------------------------ the properties

SPELLINGS = {digit: [c for c, d in NUMERALS.items() if d == digit]
             + [digit, chr(0xFF10 + int(digit))] for digit in "0123456789"}
SEPARATORS = ["", " ", "-", "－", "\u3000", "—"]
NUMERAL_EDGE = st.text(alphabet="一二三两〇幺", max_size=2)
FILLER = st.builds(lambda before, words, after: before + words + after, NUMERAL_EDGE,
                   st.text(alphabet="老客户喜欢红色电话手机请打给我第名次年月日号", min_size=1,
                           max_size=4), NUMERAL_EDGE)
"""Words between the numbers, with numerals right next to them (一定, 二〇…). Two numbers are
never run together with nothing between: that is a different (digits-only) problem."""
mobiles = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)


@st.composite
def spelled(draw: st.DrawFn) -> tuple[str, str]:
    number = draw(mobiles)
    chars = [draw(st.sampled_from(SPELLINGS[d])) for d in number]
    if all(c.isdecimal() for c in chars):  # at least one Chinese numeral
        at = draw(st.integers(0, 10))
        chars[at] = SPELLINGS[number[at]][0]
    separator = draw(st.sampled_from(SEPARATORS))
    grouped = draw(st.booleans())
    written = (separator.join(["".join(chars[:3]), "".join(chars[3:7]), "".join(chars[7:])])
               if grouped else "".join(chars))
    assert "".join(NUMERALS.get(c) or str(int(c)) for c in chars) == number
    return written, number


def _as_digits(text: str) -> str:
    """The text with every numeral and digit of any script as an ASCII digit and separators
    dropped: what a reader could still piece together."""
    view = "".join(str(int(c)) if c.isdecimal() else NUMERALS.get(c, c) for c in text)
    return re.sub(r"[ \-－—\u3000]", "", view)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(FILLER, spelled()), min_size=1, max_size=3), FILLER)
def test_no_spelled_mobile_survives_masking(parts: list[tuple[str, tuple[str, str]]],
                                            last: str) -> None:
    note = "".join(filler + written for filler, (written, _) in parts) + last
    masked = mask_free_text(note)
    for _, (written, digits) in parts:
        assert written not in masked
        assert digits not in _as_digits(masked)
    # Of each number at most its first three and last four digits show (138****5678).
    fillers = "".join(filler for filler, _ in parts) + last
    assert _digit_count(masked) <= _digit_count(fillers) + 7 * len(parts)


def _digit_count(text: str) -> int:
    return sum(c.isdigit() for c in _as_digits(text))


ORDINARY = st.text(alphabet="老客户喜欢红色第名次年月日号楼层一二三四五六七八九〇零幺两壹叁捌，。 ",
                   max_size=40)


def _holds_spelled_mobile(text: str) -> bool:
    """An oracle apart from the masker's: some 11 consecutive numerals (this alphabet has no
    separators inside a run but the space) read as 1[3-9] and nine digits."""
    for run in re.findall("[" + "".join(NUMERALS) + "]+", text.replace(" ", "")):
        digits = "".join(NUMERALS[c] for c in run)
        if any(re.fullmatch(r"1[3-9][0-9]{9}", digits[i : i + 11])
               for i in range(len(digits) - 10)):
            return True
    return False


@settings(max_examples=400, deadline=None)
@given(ORDINARY)
def test_ordinary_text_without_a_spelled_mobile_is_unchanged(text: str) -> None:
    assume(not _holds_spelled_mobile(text))
    assert mask_free_text(text) == (text if text.strip() else "")
