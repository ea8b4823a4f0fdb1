"""The sheet cache: one parse of a sheet serves the next open of the same, unchanged file."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.exchange.source_files import SheetCache, open_source
from tests.unit.exchange.files_support import simple_xlsx


def _read(path: Path, cache: SheetCache | None, sheet: str = "Sheet1") -> list[tuple[object, ...]]:
    with open_source(path, cache=cache) as source:
        return list(source.rows(sheet))


def _key(path: Path, sheet: str = "Sheet1") -> tuple[int, int, int, int, str]:
    status = os.stat(path)
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, sheet)


def test_a_second_open_reads_the_cached_sheet(tmp_path):
    path = simple_xlsx(tmp_path / "a.xlsx", [["姓名", "手机号"], ["张三", 13800138000]])
    cache = SheetCache()
    first = _read(path, cache)
    stored = cache.get(_key(path))
    assert stored is not None
    assert _read(path, cache) == first == [("姓名", "手机号"), ("张三", 13800138000)]
    assert cache.get(_key(path)) is stored  # not parsed again


def test_a_changed_file_is_parsed_again(tmp_path):
    path = simple_xlsx(tmp_path / "a.xlsx", [["姓名"], ["张三"]])
    cache = SheetCache()
    _read(path, cache)
    simple_xlsx(path, [["姓名"], ["李四四"]])
    os.utime(path, ns=(1, 1))  # whatever the clock's resolution: another modification time
    assert _read(path, cache) == [("姓名",), ("李四四",)]


def test_only_the_last_sheet_is_kept(tmp_path):
    first = simple_xlsx(tmp_path / "a.xlsx", [["a"]])
    second = simple_xlsx(tmp_path / "b.xlsx", [["b"]])
    cache = SheetCache()
    _read(first, cache)
    _read(second, cache)
    assert cache.get(_key(first)) is None
    assert cache.get(_key(second)) is not None


def test_hand_over_gives_the_sheet_once_and_forgets_it(tmp_path):
    path = simple_xlsx(tmp_path / "a.xlsx", [["姓名"], ["张三"]])
    cache = SheetCache()
    _read(path, cache)
    once = cache.hand_over()
    assert cache.get(_key(path)) is None
    assert _read(path, once) == [("姓名",), ("张三",)]
    assert once.get(_key(path)) is None  # handed out, and the read kept nothing
    _read(path, once)
    assert once.get(_key(path)) is None


def test_without_a_cache_nothing_is_kept(tmp_path):
    path = simple_xlsx(tmp_path / "a.xlsx", [["x"], [1]])
    assert _read(path, None) == [("x",), (1,)]


def test_clear_forgets_the_sheet(tmp_path):
    path = simple_xlsx(tmp_path / "a.xlsx", [["x"]])
    cache = SheetCache()
    _read(path, cache)
    cache.clear()
    assert cache.get(_key(path)) is None
