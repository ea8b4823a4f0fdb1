"""What the customer search reads, derived from each customer and kept in step with it.

For every customer (schema: migration 0003):

- ``customers.name_pinyin`` / ``name_initials``: ``zhangsan`` / ``zs`` (desktop.core.pinyin);
- ``customer_name_grams``: each Chinese character of the name and each pair of neighbouring
  Chinese characters, with the customer's ``created_at`` (the 1–2 character searches);
- ``customer_text_fts``: the trigram index (3+ character substrings) over three columns,
  :func:`text_columns`: ``name``; ``member`` — the member number when it is an ordinary one;
  ``private`` — e-mail, WeChat ID and a member number that is itself a phone, ID or card
  number (migration 0005). Roles that see those masked search ``name`` and ``member`` only,
  so that a substring cannot probe a hidden value (desktop.store.search_terms).

:class:`SearchKeys` writes and removes these in the caller's transaction (the repository's add,
update and delete); :func:`fill_after_bulk_load` fills them for a bulk load, set-wise;
:func:`refresh_stale` gives customers stored before migration 0003 their keys.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from desktop.store.connection import Connection

TEXT_SEPARATOR: Final = "\n"
TEXT_BODY_SQL: Final = (
    "c.name || char(10) || ifnull(c.email, '') || char(10) || ifnull(c.wechat_id, '')"
    " || char(10) || ifnull(c.member_no, '')"
)
"""Everything the trigram index holds for a customer, as one text over ``customers c`` (what a
3+ character search tests row by row when a plan walks the table)."""

_MEMBER_COMPACT_SQL: Final = "replace(replace({m}, ' ', ''), '-', '')"


def member_number_like_sql(column: str) -> str:
    """:func:`member_number_like` in SQL over ``column`` (NULL counts as false)."""
    compact = _MEMBER_COMPACT_SQL.format(m=column)
    return (
        f"({compact} <> '' AND {compact} NOT GLOB '*[^0-9+Xx]*'"
        f" AND (length({compact}) >= 11 OR {compact} GLOB '+*'))"
    )


_NUMBER_LIKE: Final = re.compile(r"[0-9+Xx]+")


def member_number_like(member_no: str | None) -> bool:
    """The member number looks like a phone, resident ID or bank card number (spaces and
    hyphens aside: only digits, ``+`` and ``X``, and 11 characters or more, or a leading
    ``+``). Such a member number is masked like the number it is (desktop.core.masking
    ``mask_member_no``; this test covers every member number that rule masks, and a few it
    does not), so roles that see it masked find it only by the whole number.

    Fixed here, not taken from the masking rules: the search index is derived from it, and a
    contentless FTS table must be given back exactly what it was given to remove an entry."""
    if not member_no:
        return False
    compact = member_no.replace(" ", "").replace("-", "")
    return bool(_NUMBER_LIKE.fullmatch(compact)) and (
        len(compact) >= 11 or compact.startswith("+")
    )


_HIDDEN_MEMBER_SQL: Final = member_number_like_sql("c.member_no")
OPEN_MEMBER_SQL: Final = (
    f"CASE WHEN {_HIDDEN_MEMBER_SQL} THEN '' ELSE ifnull(c.member_no, '') END"
)
"""The ``member`` column of :func:`text_columns` in SQL over ``customers c``."""
OPEN_TEXT_SQL: Final = f"c.name || char(10) || {OPEN_MEMBER_SQL}"
"""What a masked role's 3+ character search tests row by row: name and ordinary member no."""
TEXT_COLUMNS_SQL: Final = (
    "c.name",
    OPEN_MEMBER_SQL,
    "ifnull(c.email, '') || char(10) || ifnull(c.wechat_id, '') || char(10)"
    f" || CASE WHEN {_HIDDEN_MEMBER_SQL} THEN c.member_no ELSE '' END",
)
""":func:`text_columns` in SQL over ``customers c``; the two must agree exactly, or removing
an entry from the contentless FTS table would leave stale postings behind."""

_INSERT_GRAM: Final = (
    "INSERT OR IGNORE INTO customer_name_grams (gram, created_at, customer_id) VALUES (?, ?, ?)"
)
_DELETE_GRAM: Final = (
    "DELETE FROM customer_name_grams WHERE gram = ? AND created_at = ? AND customer_id = ?"
)
INSERT_TEXT_COLUMNS: Final = "INSERT INTO customer_text_fts (rowid, name, member, private)"
"""The start of an insert of trigram entries: the id, then :func:`text_columns`."""
_INSERT_TEXT: Final = f"{INSERT_TEXT_COLUMNS} VALUES (?, ?, ?, ?)"
_DELETE_TEXT: Final = (
    "INSERT INTO customer_text_fts (customer_text_fts, rowid, name, member, private)"
    " VALUES ('delete', ?, ?, ?, ?)"
)


_BASIC_HAN: Final = re.compile("[\u4e00-\u9fff]+")


def is_han(ch: str) -> bool:
    """A CJK ideograph (the basic block, extension A, compatibility, extensions B and later)."""
    cp = ord(ch)
    return 0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x3134F


def han_only(text: str) -> str:
    """The Chinese characters of ``text`` (NFKC), everything else dropped."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if is_han(ch))


_NO_GRAMS: Final[frozenset[str]] = frozenset()


def name_grams(name: str) -> frozenset[str]:
    """张三丰 → {张, 三, 丰, 张三, 三丰}; other characters are skipped (张·伟 gives 张伟)."""
    # The usual name, basic-block ideographs only, is its own han_only (NFKC leaves them);
    # two or three characters are most names, spelt out (an import computes ~100,000).
    if _BASIC_HAN.fullmatch(name):
        size = len(name)
        if size == 3:
            return frozenset((name[0], name[1], name[2], name[:2], name[1:]))
        if size == 2:
            return frozenset((name[0], name[1], name))
        chars = name
    elif name.isascii():  # a Latin name: no Chinese character at all
        return _NO_GRAMS
    else:
        chars = han_only(name)
    return frozenset(chars) | frozenset(a + b for a, b in itertools.pairwise(chars))


def name_keys(name: str) -> tuple[str, str]:
    """(pinyin, initials), lower case: 张三 → ("zhangsan", "zs").

    desktop.core.pinyin is imported on the first call, that is on the first write:
    pypinyin's dictionaries take ~55 MB, which a session that only reads and searches never
    needs (see latin_key)."""
    han_keys, keys = _pinyin or _load_pinyin()
    if _BASIC_HAN.fullmatch(name):  # the usual name: its keys directly, already lower case
        return han_keys(name)
    full, initials = keys(name)
    return full.lower(), initials.lower()


_Keys = Callable[[str], tuple[str, str]]
_pinyin: tuple[_Keys, _Keys] | None = None


def _load_pinyin() -> tuple[_Keys, _Keys]:
    global _pinyin
    from desktop.core.pinyin import han_name_pinyin, name_pinyin

    _pinyin = (han_name_pinyin, name_pinyin)
    return _pinyin


def latin_key(text: str) -> str:
    """A Latin search text as :func:`name_keys` spells a Latin name: letters and digits only,
    accents dropped, lower case ("José Smith" → "josesmith"), without loading pypinyin."""
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    return "".join(
        ch for ch in folded if ch.isalnum() and not unicodedata.combining(ch)
    ).lower()


def text_columns(
    name: str, email: str | None, wechat_id: str | None, member_no: str | None
) -> tuple[str, str, str]:
    """The ``name``, ``member`` and ``private`` columns of the trigram index for a customer
    (see :data:`TEXT_COLUMNS_SQL`)."""
    hidden = member_number_like(member_no)
    member = "" if hidden or member_no is None else member_no
    private = TEXT_SEPARATOR.join((email or "", wechat_id or "", member_no if hidden and
                                   member_no else ""))
    return name, member, private


@dataclass(frozen=True, slots=True)
class Indexed:
    """The fields of one stored customer that its search entries are derived from."""

    id: int
    name: str
    created_at: str
    email: str | None
    wechat_id: str | None
    member_no: str | None


SELECT_INDEXED: Final = (
    "SELECT id, name, created_at, email, wechat_id, member_no FROM customers WHERE id = ?"
)


def indexed_row(row: Sequence[object]) -> Indexed:
    customer_id, name, created_at, email, wechat_id, member_no = row
    if not isinstance(customer_id, int):
        raise TypeError("customer id must be an integer")
    return Indexed(
        customer_id, str(name), str(created_at),
        None if email is None else str(email),
        None if wechat_id is None else str(wechat_id),
        None if member_no is None else str(member_no),
    )


class SearchKeys:
    """Writes and removes one customer's entries in the search tables (caller's transaction)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def stored(self, customer_id: int) -> Indexed | None:
        row = self._conn.execute(SELECT_INDEXED, (customer_id,)).fetchone()
        return indexed_row(row) if row else None

    def add(self, entry: Indexed) -> None:
        self._conn.executemany(
            _INSERT_GRAM, [(gram, entry.created_at, entry.id) for gram in name_grams(entry.name)]
        )
        self._conn.execute(
            _INSERT_TEXT,
            (entry.id, *text_columns(entry.name, entry.email, entry.wechat_id, entry.member_no)),
        )

    def remove(self, entry: Indexed) -> None:
        """Remove the entries of ``entry`` as stored (nothing for a customer whose keys are
        still to be made by :func:`refresh_stale`: a contentless FTS5 table must never be
        told to delete what it does not hold)."""
        if self._conn.execute(
            "DELETE FROM customer_search_stale WHERE customer_id = ?", (entry.id,)
        ).rowcount:
            return
        self._conn.executemany(
            _DELETE_GRAM, [(gram, entry.created_at, entry.id) for gram in name_grams(entry.name)]
        )
        self._conn.execute(
            _DELETE_TEXT,
            (entry.id, *text_columns(entry.name, entry.email, entry.wechat_id, entry.member_no)),
        )

    def replace(self, old: Indexed, new: Indexed) -> None:
        """``old`` as stored before an update, ``new`` after it (same id)."""
        stale = self._conn.execute(
            "SELECT 1 FROM customer_search_stale WHERE customer_id = ?", (old.id,)
        ).fetchone()
        if old != new or stale:
            self.remove(old)
            self.add(new)


def gram_rows(
    customers: Iterable[tuple[int, str, str]],
) -> list[tuple[str, str, int]]:
    """``customer_name_grams`` rows for (id, name, created_at) triples."""
    return [
        (gram, created_at, customer_id)
        for customer_id, name, created_at in customers
        for gram in name_grams(name)
    ]


def fill_after_bulk_load(conn: Connection, first_id: int) -> None:
    """Trigram entries for the customers with ``first_id <= id``, in one statement (the
    grams and pinyin columns are written with the rows themselves, see desktop.store.bulk; an
    import binds each chunk's :func:`text_columns`, made in Python on its second thread, see
    desktop.store.import_writer)."""
    conn.execute(
        f"{INSERT_TEXT_COLUMNS}"
        f" SELECT c.id, {', '.join(TEXT_COLUMNS_SQL)} FROM customers c"
        " WHERE c.id >= ? ORDER BY c.id",
        (first_id,),
    )


def refresh_stale(conn: Connection, batch: int = 5_000) -> int:
    """Give every customer listed in ``customer_search_stale`` its search keys (customers
    stored before migration 0003); return how many. Runs in the caller's transaction."""
    done = 0
    keys = SearchKeys(conn)
    while True:
        rows = conn.execute(
            "SELECT c.id, c.name, c.created_at, c.email, c.wechat_id, c.member_no"
            " FROM customer_search_stale s JOIN customers c ON c.id = s.customer_id"
            f" ORDER BY s.customer_id LIMIT {int(batch)}"
        ).fetchall()
        if not rows:
            conn.execute("DELETE FROM customer_search_stale")  # ids of deleted customers
            return done
        entries = [indexed_row(row) for row in rows]
        conn.executemany(
            "UPDATE customers SET name_pinyin = ?, name_initials = ? WHERE id = ?",
            [(*name_keys(entry.name), entry.id) for entry in entries],
        )
        for entry in entries:
            keys.add(entry)
        conn.executemany(
            "DELETE FROM customer_search_stale WHERE customer_id = ?",
            [(entry.id,) for entry in entries],
        )
        done += len(entries)
