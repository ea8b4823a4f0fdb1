"""CustomerColumns (one aggregate statement a batch) against ExportQueries.customer_records,
on a real SQLCipher file: the same values column for column, or None (the caller then reads
records) — never different values."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from desktop.core.demo_data import generate_customers
from desktop.core.models import Customer
from desktop.store.connection import Connection
from desktop.store.customers import CustomerRepository
from desktop.store.export_columns import SEPARATOR, TAGS, CustomerColumns
from desktop.store.export_queries import ExportQueries

ALL = frozenset(CustomerRepository.columns)


def _records_as_columns(conn: Connection, ids: Sequence[int], wanted: frozenset[str],
                        tags: bool) -> list[list[object]]:
    records = ExportQueries(conn).customer_records(ids, wanted, tags)
    return [list(column) for column in zip(*records, strict=True)]


def _read(conn: Connection, ids: Sequence[int], wanted: frozenset[str], tags: bool
          ) -> list[list[object]] | None:
    joined = CustomerColumns(conn, wanted, tags).read(ids)
    if joined is None:
        return None
    assert len(joined) == len(ids)
    return joined.columns()


def _add(conn: Connection, customers: Sequence[Customer]) -> list[int]:
    repo = CustomerRepository(conn)
    return [repo.add(customer) for customer in customers]


def test_every_column_and_the_tags_equal_the_records_in_the_order_asked(
        conn: Connection) -> None:
    people = list(generate_customers(300))
    people[0] = dataclasses.replace(people[0], tags=("b", "a", "VIP"), member_no=None,
                                    email=None, phone=None, birthday=None)
    people[1] = dataclasses.replace(people[1], tags=(), notes="line one\nline two, \"quoted\"")
    ids = _add(conn, people)
    order = [*reversed(ids[100:]), *ids[:100]]
    for wanted, tags in ((ALL, True), (ALL, False),
                         (frozenset({"name", "phone", "created_at"}), False),
                         (frozenset({"points", "balance_cents"}), True),
                         (frozenset(), True)):
        assert _read(conn, order, wanted, tags) == \
            _records_as_columns(conn, order, wanted, tags)


@pytest.mark.parametrize("empty_for_null", [
    frozenset({*ALL, TAGS}), frozenset({"email", TAGS}), frozenset({"birthday", "phone"})])
def test_null_is_read_as_empty_where_asked(conn: Connection,
                                           empty_for_null: frozenset[str]) -> None:
    people = list(generate_customers(50))
    people[0] = dataclasses.replace(people[0], tags=(), member_no=None, email=None,
                                    phone=None, birthday=None)
    people[1] = dataclasses.replace(people[1], tags=("b", "a"), email="", birthday=None)
    ids = _add(conn, people)
    names = [*CustomerRepository.columns, TAGS]
    for tags in (True, False):
        expected = [[("" if value is None and name in empty_for_null and
                      (name != TAGS or tags) else value) for value in column]
                    for name, column in zip(names, _records_as_columns(conn, ids, ALL, tags),
                                            strict=True)]
        got = CustomerColumns(conn, ALL, tags, empty_for_null).read(ids)
        assert got is not None and got.columns() == expected
        assert expected[CustomerRepository.columns.index("email")][:2] == (
            ["", ""] if "email" in empty_for_null else [None, ""])


def test_a_value_holding_the_separator_leaves_the_batch_to_the_records(
        conn: Connection) -> None:
    ids = _add(conn, [Customer(id=None, name="甲", notes=f"a{SEPARATOR}b"),
                      Customer(id=None, name="乙")])
    assert _read(conn, ids, ALL, True) is None
    assert _read(conn, ids, frozenset({"name"}), False) == \
        _records_as_columns(conn, ids, frozenset({"name"}), False)


@pytest.mark.parametrize("asked", [
    "missing", "repeated", "empty", "not an int",
])
def test_ids_it_cannot_answer_for_exactly_give_none(conn: Connection, asked: str) -> None:
    ids = _add(conn, [Customer(id=None, name="甲"), Customer(id=None, name="乙")])
    wanted: list[object] = {
        "missing": [ids[0], 999_999, ids[1]], "repeated": [ids[0], ids[1], ids[0]],
        "empty": [], "not an int": [ids[0], True],
    }[asked]
    assert CustomerColumns(conn, ALL, True).read(wanted) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(("column", "value"), [
    ("notes", b"\xe4\xb8\xad"),  # a blob that would join as the text 中
    ("name", b"abc"),
    ("city", b""),  # the empty blob, the least of all blobs
    ("phone", 13812345678),  # a number in a text column (stored as text: still equal)
    ("points", 2.5),
    ("points", "many"),
    ("balance_cents", "12 yuan"),
    ("balance_cents", " 12 "),
])
def test_values_of_an_unexpected_type_give_none_or_the_same(conn: Connection, column: str,
                                                             value: object) -> None:
    ids = _add(conn, [Customer(id=None, name="甲", points=3), Customer(id=None, name="乙")])
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute(f"UPDATE customers SET {column} = ? WHERE id = ?", (value, ids[1]))
    stored = _records_as_columns(conn, ids, ALL, True)
    changed = stored[CustomerRepository.columns.index(column)][1]
    expected = str if column not in ("points", "balance_cents") else int
    for wanted in (ALL, frozenset({column}), frozenset({column, "name"})):
        got = _read(conn, ids, wanted, False)
        if got is not None:
            assert got == _records_as_columns(conn, ids, wanted, False)
        if not isinstance(changed, expected):
            assert got is None


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
_OPTIONAL = st.none() | _TEXT
_AWKWARD = st.sampled_from(["", " ", SEPARATOR, "\x1f", "\n", ",", "0", "1", "NULL", "'",
                            "=1+1", "\x00"])


@st.composite
def _customers(draw: st.DrawFn) -> list[Customer]:
    text = _TEXT | _AWKWARD
    optional = st.none() | text
    return draw(st.lists(st.builds(
        Customer, id=st.none(), name=text, member_no=optional, birthday=optional,
        phone=optional, email=optional, wechat_id=optional, province=text, city=text,
        district=text, address_detail=text, level=text,
        points=st.integers(-(2**63), 2**63 - 1), balance_cents=st.integers(-(2**40), 2**40),
        tags=st.lists(st.text(min_size=1, max_size=5).filter(
            lambda t: "\x1f" not in t and t.strip() == t), max_size=3, unique=True).map(tuple),
        notes=text, source=text,
    ), min_size=1, max_size=8))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=_customers(), columns=st.sets(st.sampled_from(CustomerRepository.columns)),
       tags=st.booleans(), shuffle=st.randoms(use_true_random=False))
def test_any_customers_read_as_columns_equal_their_records_or_give_none(
        conn: Connection, people: list[Customer], columns: set[str], tags: bool,
        shuffle) -> None:
    conn.execute("DELETE FROM customers")
    try:
        ids = _add(conn, people)
    except Exception:  # noqa: BLE001 - the repository refuses some drawn values
        event("refused by the repository")
        return
    shuffle.shuffle(ids)
    wanted = frozenset(columns)
    got = _read(conn, ids, wanted, tags)
    expected = _records_as_columns(conn, ids, wanted, tags)
    event("read as columns" if got is not None else "left to the records")
    if got is not None:
        assert got == expected
    elif len(ids) == len(set(ids)):
        # Only a value holding the separator (or \x1f after the tags' mark) may refuse.
        assert any(isinstance(v, str) and SEPARATOR in v for column in expected
                   for v in column)
