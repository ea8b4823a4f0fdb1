"""What a search box text and the list filters mean in SQL: *sources* of customer ids.

A :class:`Source` is one index range that yields matching customer ids — a phone number, a
pinyin prefix, a name gram, a trigram phrase, a tag … — together with the same condition as a
predicate over one customers row (``c``), so that a plan may either read the range or test rows
while walking a sort index. A :class:`Group` is an OR of sources (the readings of one search
text); a query is an AND of groups (the text, the tag, the level, the city).

How the search text is read (:func:`text_group`):

- all Chinese (spaces and name separators such as · ignored): one or two characters →
  ``customer_name_grams``; three or more → trigram phrase (which does not skip a separator
  inside a stored name: 李·伟强 is found by 伟强, not by 李伟强);
- contains ``@`` → e-mail (trigram phrase, or prefix when shorter than three characters);
- digits in any phone spelling → E.164 exact match (desktop.core.validation), exactly four
  digits → last four of the phone, any digits → member number prefix, five or more → trigram
  phrase (member numbers, QQ mail addresses);
- otherwise (Latin letters …) → pinyin prefix and initials prefix of the name, plus trigram
  phrase over name, e-mail, WeChat ID and member number from three characters on, or prefixes
  of member number, WeChat ID and e-mail below that.

The phone is never searched by part other than its last four digits: a prefix search would
let a role that sees ``138****5678`` find the hidden digits one by one.

For the same reason a role that sees e-mail addresses and WeChat IDs masked searches with
``exact_private``: e-mail, WeChat ID, and a member number that is itself a phone, ID or card
number (desktop.store.search_keys ``member_number_like``) are then found by the whole value
only (an e-mail without regard to case), never by a part; names and ordinary member numbers
are still found by part (the trigram phrase is limited to the index's ``name`` and ``member``
columns, prefixes skip number-like member numbers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from desktop.core.errors import InvalidInputError
from desktop.core.validation import clean_text, normalise_phone
from desktop.store.search_keys import (
    OPEN_TEXT_SQL,
    TEXT_BODY_SQL,
    han_only,
    latin_key,
    member_number_like_sql,
)

MAX_TEXT: Final = 100
"""Longer search texts are cut to this many characters."""

_SEPARATORS = re.compile(r"[\s\-./()\[\]]")
_NAME_SEPARATORS = re.compile(r"[\s·•・‧.\-_'’]+")
_PHONE_LIKE = re.compile(r"\+?[0-9]+")

SCAN_INDEX: Final = "ix_customers_created_search"
"""created_at, id and every column a name, pinyin, member number, WeChat ID or e-mail search
tests (migration 0007): the "newest"/"oldest" list of such a search walks it alone."""


@dataclass(frozen=True, slots=True)
class Source:
    """One index range of matching ids (``SELECT {id_col} FROM {table} WHERE {where}``)."""

    kind: str
    table: str
    """FROM clause, usually with INDEXED BY: the plan is chosen here, not by the planner."""
    id_col: str
    where: str
    params: tuple[object, ...]
    predicate: str
    """The same condition over one row of ``customers c``."""
    predicate_params: tuple[object, ...]
    covering: bool = False
    """The range also yields ``created_at`` without reading the table."""
    ordered: bool = False
    """…and yields it in (created_at, id) order (an equality on the leading column)."""
    scannable: bool = False
    """The predicate reads only columns that ``SCAN_INDEX`` holds, so a walk in created_at
    order can test it without reading the table."""

    def ids_sql(self) -> str:
        return f"SELECT {self.id_col} AS id FROM {self.table} WHERE {self.where}"


@dataclass(frozen=True, slots=True)
class Group:
    """Customers matching any of ``sources``."""

    name: str
    sources: tuple[Source, ...] = field(default_factory=tuple)

    @property
    def covering(self) -> bool:
        return all(source.covering for source in self.sources)

    def ids_sql(self) -> tuple[str, list[object]]:
        sql = " UNION ".join(source.ids_sql() for source in self.sources)
        return sql, [p for source in self.sources for p in source.params]

    def predicate(self) -> tuple[str, list[object]]:
        sql = " OR ".join(f"({source.predicate})" for source in self.sources)
        return f"({sql})", [p for source in self.sources for p in source.predicate_params]


def prefix_bounds(prefix: str) -> tuple[str, str]:
    """[low, high) of the strings starting with ``prefix`` (binary order)."""
    last = prefix[-1]
    return prefix, prefix[:-1] + chr(ord(last) + 1) if ord(last) < 0x10FFFF else prefix + last


def _range(
    kind: str, index: str, column: str, prefix: str, nocase: bool = False,
    open_members_only: bool = False,
) -> Source:
    """Values of ``column`` starting with ``prefix``; ``open_members_only`` leaves out member
    numbers that look like phone, ID or card numbers (tested on the index entry itself)."""
    low, high = prefix_bounds(prefix.lower() if nocase else prefix)
    collate = " COLLATE NOCASE" if nocase else ""
    condition = f"{{c}}{column}{collate} >= ? AND {{c}}{column}{collate} < ?"
    if open_members_only:
        condition += f" AND NOT {member_number_like_sql('{c}' + column)}"
    return Source(
        kind, f"customers INDEXED BY {index}", "id",
        condition.format(c="") + f" AND {column} IS NOT NULL", (low, high),
        condition.format(c="c."), (low, high), scannable=True,
    )


def _variants(
    kind: str, index: str, column: str, text: str, fold: str, open_members_only: bool = False
) -> list[Source]:
    folded = text.upper() if fold == "upper" else text.lower()
    return [_range(kind, index, column, value, open_members_only=open_members_only)
            for value in dict.fromkeys((text, folded))]


def _exact(kind: str, index: str, column: str, value: str, nocase: bool = False) -> Source:
    """The whole value (an e-mail without regard to ASCII case)."""
    collate = " COLLATE NOCASE" if nocase else ""
    return Source(
        kind, f"customers INDEXED BY {index}", "id",
        f"{column}{collate} = ? AND {column} IS NOT NULL", (value,),
        f"c.{column}{collate} = ?", (value,), scannable=True,
    )


def _exact_variants(kind: str, index: str, column: str, text: str, fold: str) -> list[Source]:
    folded = text.upper() if fold == "upper" else text.lower()
    return [_exact(kind, index, column, value) for value in dict.fromkeys((text, folded))]


def _private_exact(text: str, compact: str) -> list[Source]:
    """What a masked role finds by the whole value: WeChat ID, member number (an e-mail is
    only looked up for a text with ``@``)."""
    sources = _exact_variants("wechat", "ix_customers_wechat", "wechat_id", text, "lower")
    for value in dict.fromkeys((text, compact)):
        sources += _exact_variants("member", "ix_customers_member_no", "member_no", value,
                                   "upper")
    return list({source.ids_sql() + repr(source.params): source for source in sources}
                .values())


def _name_key(kind: str, index: str, column: str, key: str) -> Source:
    low, high = prefix_bounds(key)
    return Source(
        kind, f"customers INDEXED BY {index}", "id", f"{column} >= ? AND {column} < ?",
        (low, high), f"c.{column} >= ? AND c.{column} < ?", (low, high), covering=True,
        scannable=True,
    )


def gram_source(gram: str) -> Source:
    return Source(
        "gram", "customer_name_grams", "customer_id", "gram = ?", (gram,),
        "EXISTS (SELECT 1 FROM customer_name_grams g WHERE g.gram = ?"
        " AND g.created_at = c.created_at AND g.customer_id = c.id)", (gram,),
        covering=True, ordered=True,
    )


def phrase_source(text: str, exact_private: bool = False) -> Source:
    """A trigram phrase: ``text`` anywhere in name, e-mail, WeChat ID or member number (case
    folded) — in name and ordinary member number only with ``exact_private``. As a row
    predicate it becomes ``LIKE``, which folds ASCII letters only."""
    phrase = '"' + text.replace('"', '""') + '"'
    if exact_private:
        phrase = "{name member} : " + phrase
    pattern = "%" + re.sub(r"([\\%_])", r"\\\1", text) + "%"
    body = OPEN_TEXT_SQL if exact_private else TEXT_BODY_SQL
    return Source(
        "text", "customer_text_fts", "rowid", "customer_text_fts MATCH ?", (phrase,),
        f"({body}) LIKE ? ESCAPE '\\'", (pattern,), scannable=True,
    )


def text_group(raw: str, exact_private: bool = False) -> Group | None:
    """The sources a search box text stands for (module doc); ``None`` for a blank text."""
    text = clean_text(raw)[:MAX_TEXT]
    if not text:
        return None
    sources: list[Source] = []
    spaced = _NAME_SEPARATORS.sub("", text)
    han = han_only(text)
    compact = _SEPARATORS.sub("", text)
    if han and len(han) == len(spaced):
        sources.append(gram_source(han) if len(han) <= 2 else phrase_source(han, exact_private))
    elif "@" in text:
        if exact_private:
            sources.append(_exact("email", "ix_customers_email", "email", text, nocase=True))
        elif len(text) >= 3:
            sources.append(phrase_source(text))
        else:
            sources.append(_range("email", "ix_customers_email", "email", text, nocase=True))
    elif _PHONE_LIKE.fullmatch(compact):
        sources += _digit_sources(text, compact, exact_private)
    elif han:
        if len(text) >= 3:
            sources.append(phrase_source(text, exact_private))
        if exact_private:
            sources += _private_exact(text, compact)
    else:
        sources += _latin_sources(text, compact, exact_private)
    return Group("text", tuple(sources))


def _digit_sources(text: str, compact: str, exact_private: bool = False) -> list[Source]:
    sources: list[Source] = []
    try:
        e164 = normalise_phone(text)
    except InvalidInputError:
        pass
    else:
        sources.append(Source(
            "phone", "customers INDEXED BY ix_customers_phone", "id",
            "phone = ?", (e164,), "c.phone = ?", (e164,),
        ))
    digits = compact.lstrip("+")
    if len(digits) == 4 and digits == compact:
        sources.append(Source(
            "last4", "customers INDEXED BY ix_customers_phone_last4", "id",
            "substr(phone, -4) = ? AND phone IS NOT NULL", (digits,),
            "substr(c.phone, -4) = ? AND c.phone IS NOT NULL", (digits,),
        ))
    if len(digits) >= 5:
        sources.append(phrase_source(digits, exact_private))
    else:
        sources.append(_range("member", "ix_customers_member_no", "member_no", digits,
                              open_members_only=exact_private))
    if exact_private:
        sources += _private_exact(text, compact)
    return sources


def _latin_sources(text: str, compact: str, exact_private: bool = False) -> list[Source]:
    sources: list[Source] = []
    key = latin_key(text)
    if key:
        sources.append(_name_key("pinyin", "ix_customers_pinyin", "name_pinyin", key))
        sources.append(_name_key("initials", "ix_customers_initials", "name_initials", key))
    if exact_private:
        if len(text) >= 3:
            sources.append(phrase_source(text, exact_private))
        elif compact:
            sources += _variants("member", "ix_customers_member_no", "member_no", compact,
                                 "upper", open_members_only=True)
        sources += _private_exact(text, compact)
    elif len(text) >= 3:
        sources.append(phrase_source(text))
    elif compact:
        sources += _variants("member", "ix_customers_member_no", "member_no", compact, "upper")
        sources += _variants("wechat", "ix_customers_wechat", "wechat_id", compact, "lower")
        sources.append(_range("email", "ix_customers_email", "email", compact, nocase=True))
    return sources


def resident_id_source(lookup: bytes) -> Source:
    """A whole resident ID, by the keyed HMAC of its normalised value (the ID itself is
    stored only sealed)."""
    return Source(
        "resident_id", "customers INDEXED BY ix_customers_id_hmac", "id",
        "id_number_hmac = ?", (lookup,), "c.id_number_hmac = ?", (lookup,),
    )


def tag_group(tag: str) -> Group:
    return Group("tag", (Source(
        "tag", "customer_tags INDEXED BY ix_customer_tags_tag", "customer_id", "tag = ?",
        (tag,), "EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = c.id"
        " AND t.tag = ?)", (tag,),
    ),))


def column_group(name: str, index: str, value: str) -> Group:
    """Level or city: an equality on an index that continues with created_at."""
    return Group(name, (Source(
        name, f"customers INDEXED BY {index}", "id", f"{name} = ?", (value,),
        f"c.{name} = ?", (value,), covering=True, ordered=True,
    ),))
