"""Pinyin search keys for names: 张三 → ("zhangsan", "zs"), John Smith → ("johnsmith", "js").

pypinyin (0.55) has no surname mode (python-pinyin issues #120 and #297 are still open), so
the first character of a Chinese name is read through our own table of surname readings
(单 shan, 曾 zeng, 解 xie, 仇 qiu, 区 ou, 朴 piao …); the rest goes through pypinyin's phrase
dictionary. Tones are dropped and ü is spelt v (lv, nv), as pinyin input methods expect.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from pypinyin import Style, lazy_pinyin
from pypinyin.constants import PHRASES_DICT

from desktop.core.masking import COMPOUND_SURNAMES, surname_length


def _share_phrase_readings() -> None:
    """pypinyin reads its phrase dictionary (47,000 phrases) into a fresh list of fresh
    strings for every syllable of every phrase: ~30 MB of small objects, while there are
    only ~1,300 distinct syllable readings. Each phrase's readings are pointed at one shared
    list per reading instead, which frees ~25 MB for the rest of the process (an import of
    100,000 customers reuses it). pypinyin never changes these lists: it deep-copies a
    phrase's readings before converting them, and replaces items rather than editing them.
    The phrase lists are edited in place, so a copy of the dictionary (pypinyin keeps one
    unless PYPINYIN_NO_DICT_COPY is set) shares the result."""
    shared: dict[tuple[str, ...], list[str]] = {}
    for readings in PHRASES_DICT.values():
        for index, reading in enumerate(readings):
            readings[index] = shared.setdefault(tuple(reading), reading)


_share_phrase_readings()


SURNAME_READINGS: dict[str, str] = {
    "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao",
    "查": "zha", "乐": "yue", "覃": "qin", "盖": "ge", "种": "chong", "重": "chong",
    "繁": "po", "缪": "miao", "秘": "bi", "召": "shao", "员": "yun", "贠": "yun",
    "句": "gou", "翟": "zhai", "纪": "ji", "过": "guo", "华": "hua", "冼": "xian",
    "瞿": "qu", "折": "she", "那": "na", "佴": "nai", "粘": "nian", "藏": "zang",
    "都": "du", "薄": "bo", "贾": "jia", "居": "ju", "盛": "sheng", "柏": "bai",
    "牟": "mou", "殷": "yin", "陆": "lu", "乜": "nie", "阚": "kan", "叶": "ye",
    "沈": "shen", "宿": "su", "卜": "bu", "於": "yu", "尉": "wei", "长": "chang",
    "石": "shi", "和": "he", "車": "che", "车": "che", "莘": "shen", "褚": "chu",
    "郇": "huan", "隗": "wei", "燕": "yan", "冯": "feng", "蕃": "pi",
    "万俟": "mo qi", "尉迟": "yu chi", "单于": "chan yu", "长孙": "zhang sun",
    "澹台": "tan tai", "乐正": "yue zheng", "令狐": "ling hu", "皇甫": "huang fu",
}
"""How a surname is read (syllables separated by spaces), where it differs or may differ from
the everyday reading of the character."""


def _is_han(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(("CJK UNIFIED", "CJK COMPATIBILITY IDEOGRAPH"))


# The basic CJK block: every code point in it is a "CJK UNIFIED IDEOGRAPH" (Unicode 14), so
# a text matching this is one run of Chinese characters for _runs; pypinyin reads the block.
_BASIC_HAN = re.compile("[\u4e00-\u9fff]+")


def _han_syllables(text: str) -> list[str]:
    """Toneless syllables of a run of Chinese characters (unknown characters dropped)."""
    return list(_cached_syllables(text))


@lru_cache(maxsize=16_384)
def _cached_syllables(text: str) -> tuple[str, ...]:
    """Given names repeat far more than whole names (a 100,000-row membership sheet has
    ~90,000 distinct names but a few thousand distinct given names), and pypinyin costs
    ~100 µs a call: an import pays it once per distinct run of characters.

    pypinyin reads a run phrase by phrase (its phrase dictionary) and the rest character by
    character; a run of which no part is a dictionary phrase is therefore read exactly as
    its characters one by one, each of which is remembered: no pypinyin call."""
    if len(text) > 1 and _BASIC_HAN.fullmatch(text) and not _has_phrase(text):
        return tuple(syllable for ch in text for syllable in _char_syllables(ch))
    return _pypinyin_syllables(text)


def _has_phrase(text: str) -> bool:
    size = len(text)
    return any(
        text[start:end] in PHRASES_DICT
        for start in range(size) for end in range(start + 1, size + 1)
    )


@lru_cache(maxsize=8_192)
def _char_syllables(ch: str) -> tuple[str, ...]:
    return _pypinyin_syllables(ch)


def _pypinyin_syllables(text: str) -> tuple[str, ...]:
    return tuple(s.lower() for s in lazy_pinyin(text, style=Style.NORMAL, errors="ignore") if s)


def _latin_word(word: str) -> str:
    """Lower-case with accents folded: José → jose."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _runs(text: str) -> list[tuple[bool, str]]:
    """Split into (is_chinese, run) pieces; separators and punctuation are dropped."""
    runs: list[tuple[bool, str]] = []
    for ch in text:
        han = _is_han(ch)
        if not han and not ch.isalnum():
            runs.append((False, ""))  # a word boundary
            continue
        if runs and runs[-1][0] == han and (han or runs[-1][1]):
            runs[-1] = (han, runs[-1][1] + ch)
        else:
            runs.append((han, ch))
    return [(han, run) for han, run in runs if run]


@lru_cache(maxsize=512)
def name_pinyin(name: str | None) -> tuple[str, str]:
    """(full pinyin, initials): 张三 → ("zhangsan", "zs"); 曾国藩 → ("zengguofan", "zgf");
    John Smith → ("johnsmith", "js"); mixed 张Wei → ("zhangwei", "zw")."""
    text = unicodedata.normalize("NFKC", name or "").strip()
    if _BASIC_HAN.fullmatch(text):  # the usual Chinese name: one run, the surname first
        return han_name_pinyin(text)
    syllables: list[str] = []
    for index, (han, run) in enumerate(_runs(text)):
        if not han:
            word = _latin_word(run)
            if word:
                syllables.append(word)
            continue
        if index == 0:
            size = surname_length(run)
            surname = run[:size]
            reading = SURNAME_READINGS.get(surname)
            syllables += reading.split() if reading else _han_syllables(surname)
            run = run[size:]
        syllables.extend(_han_syllables(run))
    syllables = [s for s in syllables if s]
    return "".join(syllables), "".join(s[0] for s in syllables)


def han_name_pinyin(text: str) -> tuple[str, str]:
    """:func:`name_pinyin` of a name of basic-block Chinese characters only (what its general
    path does for a single run, without splitting the text into runs): the surname's and the
    given name's (pinyin, initials), each remembered, put together. Such a name is its own
    NFKC form, so a caller that has checked it may skip :func:`name_pinyin`'s work."""
    # surname_length(text), for a text without blanks or name separators (none is in the
    # basic block): the first two characters when they are a compound surname of a 3+
    # character name.
    size = 2 if len(text) >= 3 and text[:2] in COMPOUND_SURNAMES else 1
    surname_full, surname_initials = _surname_keys(text[:size])
    given_full, given_initials = _run_keys(text[size:])
    return surname_full + given_full, surname_initials + given_initials


@lru_cache(maxsize=2_048)
def _surname_keys(surname: str) -> tuple[str, str]:
    reading = SURNAME_READINGS.get(surname)
    return _joined(reading.split() if reading else _cached_syllables(surname))


@lru_cache(maxsize=16_384)
def _run_keys(run: str) -> tuple[str, str]:
    return _joined(_cached_syllables(run))


def _joined(syllables: Sequence[str]) -> tuple[str, str]:
    return "".join(syllables), "".join(s[0] for s in syllables)
