"""The E.164 form of a number written internationally (``+447700900123``), the quick way.

``phonenumbers`` costs ~40 µs for such a number — parsing in many small steps, then trying
the number type by type against each region of its country code, twice for the region it
settles on. This module makes exactly the checks ``phonenumbers.is_valid_number`` makes
(same metadata, same order: general description, then each number type with its possible
lengths; among a shared country code's regions the first whose leading digits or number
types fit), with the patterns compiled once per country code.

It answers only where parsing would keep the digits as written: a country code followed by a
national number that does not begin with 0 (no "Italian" leading zero) nor with what the
country's national prefix rule would strip. Everything else — and every number this check
finds invalid — returns ``None``, and the caller asks ``phonenumbers`` itself; so this path
can only ever agree with it (``tests/unit/test_phone_rules.py`` checks that it does).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata

_INTERNATIONAL: Final = re.compile(r"\+([1-9][0-9]{3,17})")
_NON_GEOGRAPHIC: Final = "001"
_MAX_COUNTRY_CODE_DIGITS: Final = 3
_SHORTEST: Final = 3  # national numbers shorter than this go the long way
_LONGEST: Final = 15
# The order _number_type_helper tries them in; mobile comes last and only when its pattern
# differs from the fixed lines' (see _RegionRule.valid).
_TYPES: Final = ("premium_rate", "toll_free", "shared_cost", "voip", "personal_number",
                 "pager", "uan", "voicemail", "fixed_line")

_Desc = tuple[frozenset[int], re.Pattern[str]] | None


def _desc(number_desc: Any) -> _Desc:
    if number_desc is None:
        return None
    pattern = number_desc.national_number_pattern
    if not pattern:
        return None
    return frozenset(number_desc.possible_length), re.compile(f"(?:{pattern})")


def _matches(national: str, desc: _Desc) -> bool:
    if desc is None:
        return False
    lengths, pattern = desc
    if lengths and len(national) not in lengths:
        return False
    return pattern.fullmatch(national) is not None


@dataclass(frozen=True, slots=True)
class _RegionRule:
    leading_digits: re.Pattern[str] | None
    general: _Desc
    types: tuple[_Desc, ...]

    def valid(self, national: str) -> bool:
        """``phonenumberutil._number_type_helper(...) != UNKNOWN``."""
        if not _matches(national, self.general):
            return False
        return any(_matches(national, desc) for desc in self.types)


def _compiled(metadata: Any) -> _RegionRule:
    types = [_desc(getattr(metadata, name)) for name in _TYPES]
    if not metadata.same_mobile_and_fixed_line_pattern:
        types.append(_desc(metadata.mobile))
    leading = metadata.leading_digits
    return _RegionRule(
        re.compile(leading) if leading is not None else None, _desc(metadata.general_desc),
        tuple(types),
    )


_REGIONS: dict[str, _RegionRule | None] = {}


def _region_rule(region: str) -> _RegionRule | None:
    """The region's rule, made on first use: like phonenumbers, only the regions a number
    is tried against are loaded (all 25 regions of +1 at once held the GIL for ~70 ms)."""
    if region not in _REGIONS:
        metadata = PhoneMetadata.metadata_for_region(region, None)
        _REGIONS[region] = None if metadata is None else _compiled(metadata)
    return _REGIONS[region]


@dataclass(frozen=True, slots=True)
class _CountryRule:
    national_prefix: re.Pattern[str] | None
    regions: tuple[str, ...]

    def valid(self, national: str) -> bool:
        """``is_valid_number``: the region ``region_code_for_number`` picks, then its types.
        A region without metadata counts as "cannot tell" (False: phonenumbers decides)."""
        if len(self.regions) == 1:
            only = _region_rule(self.regions[0])
            return only is not None and only.valid(national)
        for code in self.regions:
            region = _region_rule(code)
            if region is None:
                return False
            if region.leading_digits is not None:
                if region.leading_digits.match(national):
                    return region.valid(national)
            elif region.valid(national):
                return True
        return False


_RULES: dict[int, _CountryRule | None] = {}


def _country_rule(country_code: int) -> _CountryRule | None:
    if country_code in _RULES:
        return _RULES[country_code]
    rule: _CountryRule | None = None
    regions = tuple(COUNTRY_CODE_TO_REGION_CODE.get(country_code, ()))
    main = PhoneMetadata.metadata_for_region(regions[0], None) if regions else None
    if main is not None and _NON_GEOGRAPHIC not in regions:
        prefix = main.national_prefix_for_parsing
        rule = _CountryRule(re.compile(prefix) if prefix else None, regions)
    _RULES[country_code] = rule
    return rule


def international_e164(compact: str) -> str | None:
    """``compact``: ``+`` and digits only. The E.164 number when it is valid and parsing keeps
    its digits as written (then E.164 is ``compact`` itself); None otherwise (ask
    ``phonenumbers``)."""
    if _INTERNATIONAL.fullmatch(compact) is None:
        return None
    digits = compact[1:]
    for size in range(1, _MAX_COUNTRY_CODE_DIGITS + 1):
        country_code = int(digits[:size])
        if country_code in COUNTRY_CODE_TO_REGION_CODE:
            break
    else:
        return None
    national = digits[size:]
    if not _SHORTEST <= len(national) <= _LONGEST or national[0] == "0":
        return None
    rule = _country_rule(country_code)
    if rule is None:
        return None
    if rule.national_prefix is not None and rule.national_prefix.match(national):
        return None
    return compact if rule.valid(national) else None
