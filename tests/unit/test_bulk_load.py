"""bulk_load: speed technique and its all-or-nothing guarantee, on real SQLCipher files."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.core.demo_data import generate_customers, generate_feedback, generate_orders
from desktop.core.models import Customer
from desktop.store.bulk import BulkResult, bulk_index_names, bulk_load
from desktop.store.connection import (
    IntegrityError,
    checkpoint_and_close,
    create_database,
    open_database,
    transaction,
)
from desktop.store.customers import CustomerRepository
from desktop.store.migrations import available_migrations, migrate
from desktop.store.orders import OrderRepository

TABLES = ("customers", "customer_tags", "orders", "order_items", "feedback")
REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def key():
    return os.urandom(32)


@pytest.fixture
def path(tmp_path):
    return tmp_path / "shop.db"


@pytest.fixture
def conn(path, key):
    connection = create_database(path, key)
    migrate(connection)
    yield connection
    connection.close()


def orders_for(ids):
    return generate_orders(ids, seed=3)


def feedback_for(ids, orders):
    return generate_feedback(ids, seed=3, orders=orders)


def snapshot(conn) -> dict[str, list[tuple]]:
    """Everything a load could touch: schema (indexes included) and every row."""
    state = {
        "schema": conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
    }
    for table in TABLES:
        key = "customer_id, tag" if table == "customer_tags" else "id"
        state[table] = conn.execute(f"SELECT * FROM {table} ORDER BY {key}").fetchall()
    return state


def seed_existing(conn) -> None:
    repo = CustomerRepository(conn)
    for customer in generate_customers(30, seed=1, start=10_000):
        repo.add(customer)
    for order in generate_orders(range(1, 31), seed=1):
        OrderRepository(conn).add(order)


def index_count(conn) -> int:
    names = bulk_index_names()
    marks = ", ".join("?" for _ in names)
    return conn.execute(
        f"SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ({marks})", names
    ).fetchone()[0]


def test_index_set_is_exactly_migration_0002():
    sql = dict(available_migrations())[2]
    names = bulk_index_names()
    assert len(names) == sql.count("CREATE ") == len(set(names)) == 17
    assert "ix_customers_phone_last4" in names and "ix_orders_channel_no" in names


def test_load_into_fresh_database(conn):
    before_indexes = snapshot(conn)["schema"]
    cache_before = conn.execute("PRAGMA cache_size").fetchone()[0]
    seen = []
    result = bulk_load(conn, generate_customers(1_200), orders_for, feedback_for,
                       batch=500, progress=seen.append)
    assert seen == [500, 1_000, 1_200]
    assert result.customers == 1_200
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    assert result == BulkResult(1_200, counts["orders"], counts["order_items"], counts["feedback"])
    assert result.orders > 1_000 and result.order_items > result.orders and result.feedback > 100
    assert result.rows == 1_200 + result.orders + result.order_items + result.feedback
    assert snapshot(conn)["schema"] == before_indexes
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == cache_before
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert not conn.in_transaction

    expected = list(generate_customers(1_200))
    repo = CustomerRepository(conn)
    got = repo.find_by_phone(expected[777].phone)
    assert [c.id for c in got] == [778]
    assert dataclasses.replace(got[0], id=None) == expected[777]
    assert repo.find_by_member_no("M001200").id == 1_200
    linked = conn.execute(
        "SELECT count(*) FROM feedback f JOIN orders o ON o.id = f.order_id"
        " WHERE o.customer_id = f.customer_id"
    ).fetchone()[0]
    assert linked == conn.execute(
        "SELECT count(*) FROM feedback WHERE order_id IS NOT NULL"
    ).fetchone()[0] > 0


def test_load_into_existing_database_continues_ids_and_keeps_rows(conn):
    seed_existing(conn)
    before = snapshot(conn)
    result = bulk_load(conn, generate_customers(200), orders_for, None, batch=64)
    after = snapshot(conn)
    assert after["customers"][:30] == before["customers"]
    assert [row[0] for row in after["customers"][30:]] == list(range(31, 231))
    assert after["orders"][: len(before["orders"])] == before["orders"]
    assert len(after["orders"]) == len(before["orders"]) + result.orders
    assert after["schema"] == before["schema"]
    assert result.feedback == 0


@pytest.mark.parametrize("cache_mib", [1, 512], ids=["pages-spilled", "all-in-cache"])
def test_exception_mid_stream_leaves_database_exactly_as_before(conn, path, cache_mib):
    seed_existing(conn)
    before = snapshot(conn)
    cache_before = conn.execute("PRAGMA cache_size").fetchone()[0]
    wal = path.with_name(path.name + "-wal")
    # An empty WAL: one already past the auto-checkpoint would be rewritten from its start
    # and not grow, whether or not the load's pages reach it.
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    wal_before = wal.stat().st_size

    def exploding():
        yield from generate_customers(3_300)
        raise OSError("disk went away")

    progress = []
    with pytest.raises(OSError, match="disk went away"):
        bulk_load(conn, exploding(), orders_for, feedback_for, batch=1_000,
                  cache_mib=cache_mib, progress=progress.append)
    assert progress == [1_000, 2_000, 3_000]  # three batches were written before the failure
    if cache_mib == 1:
        assert wal.stat().st_size > wal_before + 1_000_000  # uncommitted pages reached disk
    assert snapshot(conn) == before
    assert index_count(conn) == 17
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == cache_before
    assert not conn.in_transaction
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_duplicate_found_when_indexes_are_rebuilt_rolls_everything_back(conn):
    seed_existing(conn)
    before = snapshot(conn)
    clash = dataclasses.replace(
        next(generate_customers(1, start=500)), member_no=before["customers"][0][1]
    )
    with pytest.raises(IntegrityError):
        bulk_load(conn, [*generate_customers(300), clash], batch=100)
    assert snapshot(conn) == before


def test_cancel_from_progress_and_bad_input_roll_back(conn):
    before = snapshot(conn)

    def cancel(done):
        if done >= 200:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        bulk_load(conn, generate_customers(500), batch=100, progress=cancel)
    with pytest.raises(ValueError):
        bulk_load(conn, [Customer(id=None, name="a"), Customer(id=5, name="b")])
    assert snapshot(conn) == before


def test_refuses_open_transaction_and_unmigrated_database(conn, tmp_path, key):
    with transaction(conn), pytest.raises(RuntimeError):
        bulk_load(conn, [])
    bare = create_database(tmp_path / "bare.db", key)
    try:
        with pytest.raises(RuntimeError):
            bulk_load(bare, [])
    finally:
        bare.close()
    assert bulk_load(conn, []) == BulkResult()


def test_kill_mid_load_leaves_previous_state(conn, path, key):
    seed_existing(conn)
    before = snapshot(conn)
    checkpoint_and_close(conn)
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from desktop.core.demo_data import generate_customers, generate_orders
        from desktop.store.bulk import bulk_load
        from desktop.store.connection import open_database

        conn = open_database(Path({str(path)!r}), bytes.fromhex({key.hex()!r}))

        def die(done):
            if done >= 3_000:
                os.kill(os.getpid(), signal.SIGKILL)

        bulk_load(conn, generate_customers(4_000), lambda ids: generate_orders(ids),
                  batch=300, cache_mib=1, progress=die)
        raise SystemExit("not killed")
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, timeout=120,
                          capture_output=True, text=True)
    assert done.returncode == -9, done.stderr
    wal = path.with_name(path.name + "-wal")
    assert wal.stat().st_size > 1_000_000  # uncommitted pages had reached the disk
    reopened = open_database(path, key)
    try:
        assert snapshot(reopened) == before
        assert reopened.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        reopened.close()


def test_batches_are_streamed(conn):
    pulled = 0

    def counting():
        nonlocal pulled
        for customer in generate_customers(1_000):
            pulled += 1
            yield customer

    high_water = []
    bulk_load(conn, counting(), batch=250, progress=lambda done: high_water.append(pulled))
    assert high_water == [250, 500, 750, 1_000]
