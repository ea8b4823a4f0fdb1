"""The customer list: search, filters, sort orders and keyset paging over a million rows.

What the search text means is decided in desktop.store.search_terms (sources of ids). Here a
*plan* is chosen per query from capped counts of those sources, never by running the query
once to see, and never with OFFSET (keyset: each page continues after the sort key of the last
row of the previous one). The plans, cheapest first where they apply:

``ordered``   one source that reads its ids already in created_at order (a name gram, a level,
              a city) with "newest"/"oldest": read the first ``n`` — cost ∝ n.
``covering``  sources that carry created_at in their index (grams, pinyin, initials), one
              group, "newest"/"oldest": read all matches from the indexes and sort — ∝ K.
``lookup``    few matches (K ≤ SPARSE): read each matching row by id, test the other filters,
              sort — ∝ K random pages (decrypted with SQLCipher: ~13 µs each).
``probe``     walk the sort index and keep the rows whose id is in the (materialised) set of
              matches: K index entries + n·N/K walked entries, all from indexes.
``walk``      walk the sort index and test every row against the predicates: n·N/K rows
              read; best when most rows match.
``scan``      "newest"/"oldest" with a name, pinyin, member number, WeChat ID or e-mail
              text only: walk ``SCAN_INDEX`` (created_at plus those columns) and test each
              entry — n·N/K index entries, no table row; what many matches of a short text
              cost (one pinyin letter: ~80,000 of 1,000,000).
``none``      the text has no reading that could match (e.g. "张a"): nothing is read.

Costs are estimated with the price list in :mod:`desktop.store.search_costs` (measured at
1,000,000 customers, see bench/README.md "bench_search") and the cheapest plan wins.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from desktop.store import search_costs as price
from desktop.store.connection import Connection, DatabaseError
from desktop.store.customers import TAG_SEPARATOR, int_column, limit_clause, opt_str
from desktop.store.search_terms import (
    SCAN_INDEX,
    Group,
    Source,
    column_group,
    resident_id_source,
    tag_group,
    text_group,
)


class SortKey(StrEnum):
    """The sort orders of the list (same values as the service's CustomerSort)."""

    NEWEST = "newest"
    OLDEST = "oldest"
    NAME = "name"
    MEMBER_NO = "member_no"
    POINTS = "points"
    BALANCE = "balance"


@dataclass(frozen=True, slots=True)
class _Order:
    keys: tuple[str, ...]
    """Sort key expressions over ``customers c``; the last is always ``c.id``."""
    descending: bool
    index: str
    """Walked in order by the ``probe`` and ``walk`` plans."""


_ORDERS: Final = {
    SortKey.NEWEST: _Order(("c.created_at", "c.id"), True, "ix_customers_created"),
    SortKey.OLDEST: _Order(("c.created_at", "c.id"), False, "ix_customers_created"),
    SortKey.NAME: _Order(("c.name_pinyin", "c.created_at", "c.id"), False, "ix_customers_pinyin"),
    SortKey.MEMBER_NO: _Order(
        ("ifnull(c.member_no, char(1114111))", "c.id"), False, "ix_customers_member_sort"
    ),
    SortKey.POINTS: _Order(("c.points", "c.id"), True, "ix_customers_points"),
    SortKey.BALANCE: _Order(("c.balance_cents", "c.id"), True, "ix_customers_balance"),
}
"""Member numbers sort with the customers without one last; names by pinyin, then by when
the customer was added."""

Cursor = tuple[object, ...]
"""Sort key values of the last row of a page (keyset paging)."""


@dataclass(frozen=True, slots=True)
class SearchFilter:
    text: str = ""
    tag: str | None = None
    level: str | None = None
    city: str | None = None
    created_from: str | None = None
    """ISO-8601 UTC instant, inclusive."""
    created_before: str | None = None
    """ISO-8601 UTC instant, exclusive."""
    exact_private: bool = False
    """The viewer sees e-mail, WeChat ID and number-like member numbers masked: find those by
    the whole value only (desktop.store.search_terms)."""
    resident_lookup: bytes | None = None
    """The text is a whole resident ID: its keyed HMAC, matched exactly (never a part)."""


@dataclass(frozen=True, slots=True)
class ListRow:
    """One line of the customer list, as stored (the service masks it)."""

    id: int
    member_no: str | None
    name: str
    phone: str | None
    email: str | None
    wechat_id: str | None
    city: str
    level: str
    points: int
    balance_cents: int
    tags: tuple[str, ...]
    created_at: str


@dataclass(frozen=True, slots=True)
class Page:
    ids: list[int]
    cursor: Cursor | None
    """Continue after this (None when nothing was returned)."""
    more: bool
    """More rows may follow."""


@dataclass(frozen=True, slots=True)
class Plan:
    kind: str
    groups: tuple[Group, ...]
    driver: Group | None
    order: _Order
    walk_index: str
    estimate: int
    """Capped count of the driving group's matches (-1 when not counted)."""


_ROW_SELECT: Final = (
    "SELECT c.id, c.member_no, c.name, c.phone, c.email, c.wechat_id, c.city, c.level,"
    " c.points, c.balance_cents, c.created_at, (SELECT group_concat(tag, char(31)) FROM"
    " (SELECT tag FROM customer_tags t WHERE t.customer_id = c.id ORDER BY tag))"
    " FROM customers c"
)
_IDS_PER_STATEMENT: Final = 500
STOP_CHECK_STEPS: Final = 20_000
"""SQLite virtual-machine steps between two looks at a stream's ``cancelled`` (~0.1–0.3 ms
of a chunk's query; each look takes the GIL for a moment)."""


class _Stopped(Exception):
    """The id stream's query was stopped because its caller cancelled it."""


class CustomerSearch:
    """Read-side queries of the customer list on one connection (use a reader per thread)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    # ------------------------------------------------------------------ pages of ids

    def page(
        self, flt: SearchFilter, sort: SortKey, limit: int, after: Cursor | None = None
    ) -> Page:
        """Up to ``limit`` ids in ``sort`` order, after ``after`` (a previous page's cursor)."""
        return self.page_with(self.plan(flt, sort, limit), flt, limit, after)

    def iter_ids(
        self, flt: SearchFilter, sort: SortKey, chunk: int,
        cancelled: Callable[[], bool] | None = None,
    ) -> Iterator[list[int]]:
        """All matching ids, ``chunk`` per query, planned once.

        ``cancelled`` is looked at every ``STOP_CHECK_STEPS`` steps of SQLite while a chunk
        is read, not only between chunks: once it is true the query is stopped and the
        iteration ends early (the caller, who asked, knows the ids are not all there). A
        newer search waits for the stream's current chunk otherwise (bench_keystroke's
        *queue wait*)."""
        plan = self.plan(flt, sort, chunk)
        after: Cursor | None = None
        while True:
            if cancelled is not None and cancelled():
                return
            try:
                page = self._stoppable(plan, flt, chunk, after, cancelled)
            except _Stopped:
                return
            if page.ids:
                yield page.ids
            if not page.more or page.cursor is None:
                return
            after = page.cursor

    def _stoppable(
        self, plan: Plan, flt: SearchFilter, limit: int, after: Cursor | None,
        cancelled: Callable[[], bool] | None,
    ) -> Page:
        if cancelled is None:
            return self.page_with(plan, flt, limit, after)
        self._conn.set_progress_handler(lambda: int(cancelled()), STOP_CHECK_STEPS)
        try:
            return self.page_with(plan, flt, limit, after)
        except DatabaseError as exc:  # "interrupted" by the handler
            if cancelled():
                raise _Stopped from exc
            raise
        finally:
            self._conn.set_progress_handler(None, 0)

    def page_with(
        self, plan: Plan, flt: SearchFilter, limit: int, after: Cursor | None
    ) -> Page:
        if plan.kind == "none":
            return Page([], None, False)
        sql, params = self._sql(plan, flt, limit_clause(limit) + 1, after)
        rows = self._conn.execute(sql, params).fetchall()
        more = len(rows) > limit
        rows = rows[:limit]
        cursor = tuple(rows[-1][1:]) if rows else None
        return Page([int_column(row[0]) for row in rows], cursor, more)

    def plan(self, flt: SearchFilter, sort: SortKey, limit: int) -> Plan:
        order = _ORDERS[sort]
        groups = _groups(flt)
        by_time = sort in (SortKey.NEWEST, SortKey.OLDEST)
        walk_index = order.index
        if by_time:  # walk the level or city index: created_at order within one value
            walk_index = next(filter(None, map(_equality_index, groups)), walk_index)
        if not groups:
            return Plan("walk", (), None, order, walk_index, -1)
        if any(not group.sources for group in groups):  # e.g. "张a": no reading finds anyone
            return Plan("none", tuple(groups), None, order, walk_index, 0)
        single = groups[0].sources if len(groups) == 1 else ()
        if by_time and len(single) == 1 and single[0].ordered:
            return Plan("ordered", tuple(groups), groups[0], order, walk_index, -1)
        scannable = by_time and len(groups) == 1 and all(
            source.scannable for source in groups[0].sources
        )
        like = scannable and any(source.kind == "text" for source in groups[0].sources)
        rows = max(1, self._max_id())
        dense = price.scan_count_cap(limit, rows, like) if scannable else price.DENSE
        counts = {group.name: self._source_counts(group, price.SPARSE + 1) for group in groups}
        driver = min(groups, key=lambda group: sum(counts[group.name]))
        if sum(counts[driver.name]) > price.SPARSE:
            counts[driver.name] = self._source_counts(driver, dense + 1)
        estimate = sum(counts[driver.name])
        walked = min(rows, (limit + 1) * rows / max(estimate, 1))
        costs = {
            "lookup": estimate * price.COST_ROW,
            "probe": estimate * price.COST_INDEX_ENTRY + walked * price.COST_PROBE,
            "walk": walked * price.COST_ROW,
        }
        if by_time and len(groups) == 1:
            costs["covering"] = sum(
                count * (price.COST_COVERING if source.covering else price.COST_ROW)
                for source, count in zip(driver.sources, counts[driver.name], strict=True)
            )
        if scannable:
            costs["scan"] = walked * (price.COST_SCAN_LIKE if like else price.COST_SCAN)
        if estimate > dense:  # the count was cut short: only walking stays cheap
            costs = {"scan": costs["scan"]} if scannable else {"walk": costs["walk"]}
        kind = min(costs, key=lambda name: costs[name])
        return Plan(kind, tuple(groups), driver, order, walk_index, estimate)

    # ------------------------------------------------------------------ counts

    def count(self, flt: SearchFilter) -> int:
        """Exact number of matches, from indexes only (intersection of the groups)."""
        groups = _groups(flt)
        dated = flt.created_from is not None or flt.created_before is not None
        if any(not group.sources for group in groups):
            return 0
        if not groups and not dated:
            return int_column(self._conn.execute("SELECT count(*) FROM customers").fetchone()[0])
        parts: list[str] = []
        params: list[object] = []
        for group in groups:
            sql, group_params = group.ids_sql()
            parts.append(f"SELECT id FROM ({sql})")
            params += group_params
        if dated:
            where, date_params = _date_terms(flt, "created_at")
            parts.append(
                f"SELECT id FROM customers INDEXED BY ix_customers_created WHERE {where}"
            )
            params += date_params
        sql = f"SELECT count(*) FROM ({' INTERSECT '.join(parts)})"
        return int_column(self._conn.execute(sql, params).fetchone()[0])

    def _source_counts(self, group: Group, cap: int) -> list[int]:
        """Matches of each source of ``group``, counted until they add up to ``cap``."""
        counts: list[int] = []
        for source in group.sources:
            left = cap - sum(counts)
            if left <= 0:
                counts.append(0)
                continue
            row = self._conn.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM {source.table} WHERE {source.where}"
                f" LIMIT {limit_clause(left)})",
                source.params,
            ).fetchone()
            counts.append(int_column(row[0]))
        return counts

    def _max_id(self) -> int:
        row = self._conn.execute("SELECT max(id) FROM customers").fetchone()
        return int(row[0] or 0)

    # ------------------------------------------------------------------ rows, choices

    def rows_by_ids(self, ids: Sequence[int]) -> list[ListRow]:
        """The rows for ``ids`` in that order; ids that do not exist are left out."""
        found: dict[int, ListRow] = {}
        wanted = list(dict.fromkeys(int(i) for i in ids))
        for start in range(0, len(wanted), _IDS_PER_STATEMENT):
            part = wanted[start : start + _IDS_PER_STATEMENT]
            marks = ", ".join("?" for _ in part)
            for row in self._conn.execute(f"{_ROW_SELECT} WHERE c.id IN ({marks})", part):
                listed = _list_row(row)
                found[listed.id] = listed
        return [found[i] for i in wanted if i in found]

    def distinct_values(self, column: str, limit: int = 1_000) -> list[str]:
        """Distinct non-empty tags, levels or cities, in order (a skip-scan of their index)."""
        table, name = {
            "tag": ("customer_tags", "tag"),
            "level": ("customers", "level"),
            "city": ("customers", "city"),
        }[column]
        sql = (
            f"WITH RECURSIVE v(x) AS (SELECT (SELECT min({name}) FROM {table} WHERE {name} > '')"
            f" UNION ALL SELECT (SELECT min({name}) FROM {table} WHERE {name} > v.x)"
            f" FROM v WHERE v.x IS NOT NULL)"
            f" SELECT x FROM v WHERE x IS NOT NULL LIMIT {limit_clause(limit)}"
        )
        return [str(row[0]) for row in self._conn.execute(sql)]

    def explain(self, flt: SearchFilter, sort: SortKey, limit: int) -> tuple[str, list[str]]:
        """The plan kind and SQLite's query plan for the first page (for tests, benchmarks)."""
        plan = self.plan(flt, sort, limit)
        if plan.kind == "none":
            return plan.kind, []
        sql, params = self._sql(plan, flt, limit + 1, None)
        rows = self._conn.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
        return plan.kind, [str(row[-1]) for row in rows]

    # ------------------------------------------------------------------ SQL of a plan

    def _sql(
        self, plan: Plan, flt: SearchFilter, n: int, after: Cursor | None
    ) -> tuple[str, list[object]]:
        if plan.kind in ("ordered", "covering"):
            return _covering_sql(plan, flt, n, after)
        order = plan.order
        where: list[str] = []
        params: list[object] = []
        table = f"customers c INDEXED BY {plan.walk_index}"
        if plan.kind == "lookup":
            table = "customers c NOT INDEXED"
        elif plan.kind == "scan":
            table = f"customers c INDEXED BY {SCAN_INDEX}"
        for group in plan.groups:
            walked = _equality_index(group) == plan.walk_index
            if group is plan.driver and plan.kind in ("lookup", "probe") and not walked:
                sql, group_params = group.ids_sql()
                where.append(f"c.id IN ({sql})")
            else:
                sql, group_params = group.predicate()
                where.append(sql)
            params += group_params
        date_where, date_params = _date_terms(flt, "c.created_at")
        if date_params:
            where.append(date_where)
            params += date_params
        if after is not None:
            where.append(_keyset(order.keys, order.descending))
            params += list(after)
        direction = " DESC" if order.descending else ""
        sql = (
            f"SELECT c.id, {', '.join(order.keys)} FROM {table}"
            + (f" WHERE {' AND '.join(where)}" if where else "")
            + f" ORDER BY {', '.join(key + direction for key in order.keys)} LIMIT {n}"
        )
        return sql, params


def _groups(flt: SearchFilter) -> list[Group]:
    groups: list[Group] = []
    text = text_group(flt.text, flt.exact_private)
    if text is not None and flt.resident_lookup is not None:
        text = Group(text.name, (*text.sources, resident_id_source(flt.resident_lookup)))
    if text is not None:
        groups.append(text)
    if flt.tag:
        groups.append(tag_group(flt.tag))
    if flt.level:
        groups.append(column_group("level", "ix_customers_level", flt.level))
    if flt.city:
        groups.append(column_group("city", "ix_customers_city", flt.city))
    return groups


def _equality_index(group: Group) -> str | None:
    """The index of a level or city filter (an equality, then created_at)."""
    if group.name in ("level", "city"):
        return group.sources[0].table.split()[-1]
    return None


def _keyset(keys: Sequence[str], descending: bool) -> str:
    marks = ", ".join("?" for _ in keys)
    return f"({', '.join(keys)}) {'<' if descending else '>'} ({marks})"


def _date_terms(flt: SearchFilter, column: str) -> tuple[str, list[object]]:
    terms: list[str] = []
    params: list[object] = []
    if flt.created_from is not None:
        terms.append(f"{column} >= ?")
        params.append(flt.created_from)
    if flt.created_before is not None:
        terms.append(f"{column} < ?")
        params.append(flt.created_before)
    return " AND ".join(terms), params


def _covering_sql(
    plan: Plan, flt: SearchFilter, n: int, after: Cursor | None
) -> tuple[str, list[object]]:
    """Matches read with their created_at from the source indexes only."""
    descending = plan.order.descending
    assert plan.driver is not None
    branches: list[str] = []
    params: list[object] = []
    for source in plan.driver.sources:
        if source.covering:
            head = f"SELECT {source.id_col} AS id, created_at FROM {source.table}"
            where, created, key = [source.where], "created_at", ("created_at", source.id_col)
        else:
            head = "SELECT c.id AS id, c.created_at AS created_at FROM customers c NOT INDEXED"
            where, created, key = [f"c.id IN ({source.ids_sql()})"], "c.created_at", (
                "c.created_at", "c.id"
            )
        params += source.params
        date_where, date_params = _date_terms(flt, created)
        if date_params:
            where.append(date_where)
            params += date_params
        if after is not None:
            where.append(_keyset(key, descending))
            params += list(after)
        branches.append(f"{head} WHERE {' AND '.join(where)}")
    direction = " DESC" if descending else ""
    sql = (
        f"SELECT id, created_at, id FROM ({' UNION '.join(branches)})"
        f" ORDER BY created_at{direction}, id{direction} LIMIT {n}"
    )
    return sql, params


def _list_row(row: Sequence[object]) -> ListRow:
    (
        customer_id, member_no, name, phone, email, wechat_id, city, level, points,
        balance_cents, created_at, tags,
    ) = row
    return ListRow(
        id=int_column(customer_id),
        member_no=opt_str(member_no),
        name=str(name),
        phone=opt_str(phone),
        email=opt_str(email),
        wechat_id=opt_str(wechat_id),
        city=str(city),
        level=str(level),
        points=int_column(points),
        balance_cents=int_column(balance_cents),
        tags=tuple(str(tags).split(TAG_SEPARATOR)) if tags else (),
        created_at=str(created_at),
    )


__all__ = ["CustomerSearch", "ListRow", "Page", "Plan", "SearchFilter", "SortKey", "Source"]
