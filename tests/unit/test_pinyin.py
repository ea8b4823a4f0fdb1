"""Pinyin search keys for customer names."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.masking import COMPOUND_SURNAMES, surname_length
from desktop.core.pinyin import _BASIC_HAN, SURNAME_READINGS, _han_syllables, name_pinyin


@pytest.mark.parametrize(
    ("name", "full", "initials"),
    [
        ("张三", "zhangsan", "zs"),
        ("张三丰", "zhangsanfeng", "zsf"),
        ("欧阳娜娜", "ouyangnana", "oynn"),
        ("吕布", "lvbu", "lb"),
        ("张 三", "zhangsan", "zs"),
        ("  张三\u3000", "zhangsan", "zs"),
        ("John Smith", "johnsmith", "js"),
        ("Mary-Jane O'Neil", "maryjaneoneil", "mjon"),
        ("José García", "josegarcia", "jg"),
        ("ＪＯＨＮ", "john", "j"),
        ("张Wei", "zhangwei", "zw"),
        ("Lily 王小明", "lilywangxiaoming", "lwxm"),
        ("小王2号", "xiaowang2hao", "xw2h"),
        ("", "", ""),
        ("  ", "", ""),
        (None, "", ""),
        ("·-·", "", ""),
    ],
)
def test_name_pinyin(name, full, initials):
    assert name_pinyin(name) == (full, initials)


@pytest.mark.parametrize(
    ("name", "full", "initials"),
    [
        ("单田芳", "shantianfang", "stf"),
        ("曾国藩", "zengguofan", "zgf"),
        ("解缙", "xiejin", "xj"),
        ("仇英", "qiuying", "qy"),
        ("区志坚", "ouzhijian", "ozj"),
        ("查良镛", "zhaliangyong", "zly"),
        ("乐嘉", "yuejia", "yj"),
        ("覃海", "qinhai", "qh"),
        ("万俟卨", "moqixie", "mqx"),
        ("尉迟恭", "yuchigong", "ycg"),
        ("长孙无忌", "zhangsunwuji", "zswj"),
    ],
)
def test_surnames_are_read_as_surnames(name, full, initials):
    assert name_pinyin(name) == (full, initials)


def test_the_surname_reading_applies_only_to_the_surname():
    full, _ = name_pinyin("张曾")
    assert full == "zhangceng"
    assert name_pinyin("Tom 曾")[0] == "tomceng"


def test_surname_table_is_plain_lowercase_ascii():
    for reading in SURNAME_READINGS.values():
        for syllable in reading.split():
            assert syllable.isascii() and syllable.isalpha() and syllable.islower()


def test_results_are_cached():
    name_pinyin.cache_clear()
    name_pinyin("张三")
    name_pinyin("张三")
    assert name_pinyin.cache_info().hits >= 1


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=20))
def test_any_text_gives_lowercase_keys(text):
    full, initials = name_pinyin(text)
    assert full == full.lower()
    assert len(initials) <= len(full)
    assert (full == "") == (initials == "")


def _single_run_reference(text: str) -> tuple[str, str]:
    """name_pinyin's general path for a name that is one run of Chinese characters."""
    size = surname_length(text)
    reading = SURNAME_READINGS.get(text[:size])
    syllables = reading.split() if reading else _han_syllables(text[:size])
    syllables = [s for s in syllables + _han_syllables(text[size:]) if s]
    return "".join(syllables), "".join(s[0] for s in syllables)


_NAME_CHARS = st.one_of(
    st.sampled_from(sorted(SURNAME_READINGS)),
    st.sampled_from(sorted(COMPOUND_SURNAMES)),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.sampled_from("张王李赵伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华长重乐朝行"),
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(_NAME_CHARS, min_size=1, max_size=4).map("".join))
def test_all_chinese_names_take_the_short_way_to_the_same_keys(name: str) -> None:
    if not _BASIC_HAN.fullmatch(name):  # a sampled compound surname may be outside the block
        return
    assert name_pinyin(name) == _single_run_reference(name)


def test_phrase_readings_are_shared_and_phrases_still_read_as_before():
    from pypinyin import Style, lazy_pinyin
    from pypinyin.constants import PHRASES_DICT

    # ~47,000 phrases, ~1,300 distinct syllable readings: one list object per reading.
    assert len(PHRASES_DICT) > 40_000
    assert len({id(reading) for readings in PHRASES_DICT.values() for reading in readings}) < 5_000
    # A phrase reading one syllable twice (two positions, one shared list), and phrases whose
    # characters read differently alone (重 zhòng, 长 cháng, 朝 cháo).
    assert PHRASES_DICT["重庆"] == [["chóng"], ["qìng"]]
    assert lazy_pinyin("哈哈重庆长大朝阳", style=Style.TONE) == [
        "hā", "hā", "chóng", "qìng", "zhǎng", "dà", "zhāo", "yáng"]
    assert name_pinyin("常朝阳") == ("changzhaoyang", "czy")
