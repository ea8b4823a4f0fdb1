"""Background tasks reuse their thread's reader connection: a Qt pool thread starts every
task with a fresh Python thread state, so thread-locals could not hold it (one more
SQLCipher connection per task, never closed, was the result)."""

from __future__ import annotations

from PySide6.QtCore import QThreadPool

from desktop.ui.tasks import TaskRunner


def test_many_tasks_share_one_reader_per_pool_thread(qtbot, shop):
    db = shop.workspace.shop.db
    runner = TaskRunner()
    connections: set[int] = set()
    counts: list[int] = []

    def task(_ctx: object) -> int:
        conn = db.reader()
        connections.add(id(conn))  # readers stay open until the shop closes: ids are unique
        return int(conn.execute("SELECT count(*) FROM users").fetchone()[0])

    for _ in range(40):
        answers: list[int] = []
        runner.submit(task, on_success=answers.append)
        qtbot.waitUntil(lambda answers=answers: bool(answers), timeout=10_000)
        counts += answers

    assert counts == [1] * 40  # the owner, seen through a working reader every time
    assert 1 <= len(connections) <= QThreadPool.globalInstance().maxThreadCount()
