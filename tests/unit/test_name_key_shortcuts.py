"""The short ways name_keys and name_grams take for the usual names (two or three basic-block
Chinese characters; Latin names) give exactly what the general ways give, for any name."""

from __future__ import annotations

import itertools

from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.core.pinyin import name_pinyin
from desktop.store.search_keys import han_only, name_grams, name_keys

# Names as shops have them: common surnames and given-name characters (polyphones and
# compound surnames among them), Latin letters, accents, full-width forms and separators.
_HAN = "张王李赵欧阳司马诸葛单曾解仇区朴乐长重行伟娜芳敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英"
_OTHER = "abcXYZéüÅ ·-'．Ａ１\u3000\u00a0𠀀丽"  # last two: extension B and a compatibility form
names = st.text(alphabet=_HAN + _OTHER, max_size=8)
han_names = st.text(alphabet=_HAN, min_size=1, max_size=4)


def _general_grams(name: str) -> frozenset[str]:
    chars = han_only(name)
    return frozenset(chars) | frozenset(a + b for a, b in itertools.pairwise(chars))


def _general_keys(name: str) -> tuple[str, str]:
    full, initials = name_pinyin(name)
    return full.lower(), initials.lower()


@settings(max_examples=400)
@given(st.one_of(names, han_names))
@example("张张")
@example("张张张")
@example("单于娜")
@example("John Smith")
def test_name_grams_equal_the_general_way(name: str) -> None:
    assert name_grams(name) == _general_grams(name)


@settings(max_examples=400)
@given(st.one_of(names, han_names))
@example("欧阳娜娜")
@example("曾行长")
@example("José Smith")
def test_name_keys_equal_the_general_way(name: str) -> None:
    assert name_keys(name) == _general_keys(name)
