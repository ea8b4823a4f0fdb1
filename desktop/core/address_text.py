"""Finding street addresses written inside free text (notes, feedback), for the free-text
masker: 北京市朝阳区建国路88号院3号楼1201 keeps 北京市朝阳区 and hides the rest, as the
address rule of DESIGN §4 does for a structured address.

A street part is a road, lane, estate or building name followed by a house or unit number:
建国路88号, 幸福小区3栋2单元501, 望京SOHO T1-1201 is not recognised (no Chinese street word),
but its phone numbers and IDs still are (other detectors). English: 221B Baker Street,
12 High St. The road name is walked back from its street word over Han characters up to the
nearest administrative suffix (省 市 区 县 旗 州), so the region stays readable and the name of
the road does not.
"""

from __future__ import annotations

import re
from typing import Final

_DIGIT = "0-9\uff10-\uff19"
_UNIT_CHARS = (
    rf"{_DIGIT}A-Za-z\uff21-\uff3a\uff41-\uff5a#＃\-－—_"
    "号號院楼樓栋棟幢单元單室房层層座期户戶组組"
)
_UNIT_TAIL = rf"(?:\s?[{_UNIT_CHARS}])*"
"""What follows a street or building number up to the end of the address: 88号院3号楼1201,
15栋1单元1504室, 3-2-501 (a single space between parts allowed)."""
_STREET_WORDS = (
    "大道|大街|胡同|小区|小區|花园|花園|大厦|大廈|公寓|广场|廣場|新村|家园|家園|"
    "路|街|道|巷|弄|村|苑|园|園|院"
)
_CN_STREET: Final = re.compile(rf"(?:{_STREET_WORDS})\s*[{_DIGIT}]+{_UNIT_TAIL}")
_UNIT_TAIL_RE: Final = re.compile(_UNIT_TAIL)
_CN_BUILDING: Final = re.compile(
    rf"[{_DIGIT}]+[A-Za-z]?\s?(?:号楼|號樓|栋|棟|幢|座|单元|單元)"
    rf"|[{_DIGIT}]{{3,}}\s?[室房]"
)
"""A building, unit or flat number with no street word before it (万科城15栋1单元1504室):
the estate name before it is walked back over like a road name. A flat number needs three
digits, so "3室2厅" (a flat's layout) is not read as an address."""
_ADMIN_STOP: Final = frozenset("省市区區县縣旗州盟镇鎮乡鄉")
_PART_END: Final = frozenset("号號室房栋棟幢楼樓层層座组組")
"""A name is not walked back past the end of a previous address part (解放路985号|碧桂园)."""
_NAME_LIMIT: Final = 12
_EN_STREET: Final = re.compile(
    r"(?i)\b\d{1,5}[A-Za-z]?,?\s+(?:[A-Za-z][A-Za-z'\-]*\.?\s+){1,4}"
    r"(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|way|boulevard|blvd|court|ct|place|pl|"
    r"terrace|close|crescent|parkway|pkwy|highway|hwy|square|sq)\b\.?"
    r"(?:,?\s*(?:apt|apartment|flat|unit|suite|ste|room|rm|#)\.?\s*[0-9A-Za-z\-]+)?"
)


def _is_han(ch: str) -> bool:
    cp = ord(ch)
    return 0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x3134F


def _walk_back(text: str, start: int) -> int:
    """Start of the road or estate name ending at ``start``: Han characters back to the
    nearest administrative suffix, the end of a previous address part, or 12 characters."""
    limit = start - _NAME_LIMIT
    while (start > 0 and start > limit and _is_han(text[start - 1])
           and text[start - 1] not in _ADMIN_STOP and text[start - 1] not in _PART_END):
        start -= 1
    return start


def street_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each street part in ``text`` (ASCII-folded view, same length), from
    the road or estate name to the end of the address (building, unit, floor, room). Parts
    that touch or are split only by a space (解放路985号 碧桂园15栋1单元1504室) are one span."""
    spans: list[tuple[int, int]] = []
    for match in _CN_STREET.finditer(text):
        start = _walk_back(text, match.start())
        if start < match.start():  # a bare "路12" without a road name is not an address
            spans.append((start, match.end()))
    for match in _CN_BUILDING.finditer(text):
        end = _UNIT_TAIL_RE.match(text, match.end()).end()  # type: ignore[union-attr]
        spans.append((_walk_back(text, match.start()), end))
    spans += [(m.start(), m.end()) for m in _EN_STREET.finditer(text)]
    return _merged(text, spans)


def _merged(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + 1 and not text[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
