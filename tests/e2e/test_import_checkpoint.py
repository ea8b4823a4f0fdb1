"""An import's commit leaves folding the WAL back into the database file to a background
connection (desktop.store.wal_checkpoint), in a real SQLCipher shop: the file then holds every
page, the writer's automatic checkpoint is back as it was (also after a failed import), and a
process killed before or during that checkpoint loses nothing of the committed import."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading

import pytest

from desktop.core.import_types import CustomerFields, ImportTarget, MatchPolicy, ParsedRow, RowKind
from desktop.services.imports_run import RowSource, run_rows
from desktop.services.workspace import default_keyring, open_with_password
from desktop.store.connection import PAGE_SIZE
from tests.support.shops import OWNER_PASSWORD, REPO_ROOT, ShopFixture, cli_env

COUNT = 3_000


def rows(count: int) -> list[ParsedRow]:
    return [
        ParsedRow(number + 2, RowKind.DATA, customer=CustomerFields(
            name=f"客户{number}号", phone=f"+86139{number:08d}", member_no=f"M{number:05d}"))
        for number in range(count)
    ]


def checkpoint_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "wal-checkpoint"]


def test_the_import_is_folded_into_the_file_after_its_commit(shop: ShopFixture) -> None:
    db = shop.workspace.shop.db
    automatic = db.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    size_before = shop.paths.db.stat().st_size
    result = run_rows(shop.workspace, shop.owner, RowSource("会员.xlsx", "Sheet1", rows(COUNT)),
                      ImportTarget.CUSTOMERS, MatchPolicy.FILL_EMPTY)
    assert result.counts.customers_created == COUNT
    assert db.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == automatic
    db.wait_for_checkpoint()
    assert not checkpoint_threads()
    pages = db.conn.execute("PRAGMA page_count").fetchone()[0]
    # Fewer pages than the automatic checkpoint waits for: only the background one copied them.
    assert shop.paths.db.stat().st_size == pages * PAGE_SIZE > size_before


def test_a_failed_large_write_restores_the_automatic_checkpoint_and_starts_none(
    shop: ShopFixture,
) -> None:
    db = shop.workspace.shop.db
    automatic = db.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    with pytest.raises(RuntimeError), db.large_transaction():
        db.conn.execute("DELETE FROM import_batches")
        raise RuntimeError("cancelled")
    assert db.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == automatic
    assert not checkpoint_threads()


_KILLED_IMPORT = """
import os, signal, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from desktop.services.paths import ShopPaths
from desktop.services.workspace import default_keyring, open_with_password
from desktop.services.imports_run import RowSource, run_rows
from desktop.core.import_types import ImportTarget, MatchPolicy
from desktop.store import wal_checkpoint
from tests.e2e.test_import_checkpoint import rows

if {before_checkpoint!r}:  # killed as the checkpoint is to start
    wal_checkpoint.Checkpointer.start = lambda self: os.kill(os.getpid(), signal.SIGKILL)
workspace = open_with_password(ShopPaths(Path({home!r})), {password!r}, default_keyring())
session = workspace.accounts.login("wang", {password!r})
run_rows(workspace, session, RowSource("会员.xlsx", "Sheet1", rows({count})),
         ImportTarget.CUSTOMERS, MatchPolicy.FILL_EMPTY)
time.sleep(0.005)  # the checkpoint under way, or not yet: either way nothing may be lost
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.parametrize("before_checkpoint", [True, False])
def test_a_kill_before_or_during_the_checkpoint_keeps_the_committed_import(
    shop: ShopFixture, before_checkpoint: bool
) -> None:
    shop.workspace.close()
    script = textwrap.dedent(_KILLED_IMPORT).format(
        root=str(REPO_ROOT), home=str(shop.paths.home), password=OWNER_PASSWORD, count=COUNT,
        before_checkpoint=before_checkpoint)
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, env=cli_env(),
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == -9, done.stderr
    workspace = open_with_password(shop.paths, OWNER_PASSWORD, default_keyring())
    try:
        conn = workspace.shop.db.conn
        assert conn.execute("SELECT count(*) FROM customers").fetchone()[0] == COUNT
        assert conn.execute("SELECT count(*) FROM import_batches").fetchone()[0] == 1
        assert workspace.shop.db.integrity_problems() == []
    finally:
        shop.workspace = workspace  # closed by the fixture
