"""What reading an import file leaves behind: no temp files, nothing of its content in the
logs, no open workbook after close."""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

import pytest

from desktop.exchange.source_files import ImportFileError, open_source
from tests.unit.exchange.files_support import billion_laughs, rewrite_zip, simple_xlsx

SECRET_NAME = "欧阳娜娜"
SECRET_PHONE = "13912345678"


@pytest.fixture
def private_temp(tmp_path, monkeypatch) -> Path:
    """A temp folder of its own, for Python and for native code alike."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def files_of(tmp_path: Path) -> set[Path]:
    return {path for path in tmp_path.rglob("*")}


def sample_files(folder: Path) -> list[Path]:
    xlsx = simple_xlsx(folder / "会员.xlsx", [["姓名", "手机"], [SECRET_NAME, int(SECRET_PHONE)]])
    csv_path = folder / "会员.csv"
    csv_path.write_text(f"姓名,手机\n{SECRET_NAME},{SECRET_PHONE}\n", encoding="gbk")
    tsv_path = folder / "会员.txt"
    tsv_path.write_bytes(f"姓名\t手机\n{SECRET_NAME}\t{SECRET_PHONE}\n".encode("utf-16"))
    bomb = rewrite_zip(
        xlsx, folder / "bomb.xlsx", replace={"xl/sharedStrings.xml": billion_laughs()}
    )
    broken = folder / "broken.xlsx"
    broken.write_bytes(xlsx.read_bytes()[:900])
    return [xlsx, csv_path, tsv_path, bomb, broken]


def read_everything(paths: list[Path]) -> None:
    for path in paths:
        try:
            with open_source(path) as source:
                for sheet in source.sheets:
                    for _ in source.rows(sheet.name):
                        pass
        except ImportFileError:
            pass


def test_no_temp_files_and_nothing_new_beside_the_files(tmp_path, private_temp):
    data = tmp_path / "data"
    data.mkdir()
    paths = sample_files(data)
    before = files_of(tmp_path)
    read_everything(paths)
    assert files_of(tmp_path) == before
    assert list(private_temp.iterdir()) == []


def test_no_file_content_in_the_logs(tmp_path, caplog):
    paths = sample_files(tmp_path)
    with caplog.at_level(logging.DEBUG):
        read_everything(paths)
    logged = caplog.text + "".join(str(record.args) for record in caplog.records)
    assert SECRET_NAME not in logged
    assert SECRET_PHONE not in logged
    assert "会员" not in logged  # not even the file's name (it may be a person's)


def test_messages_carry_no_file_content(tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_text(f"{SECRET_NAME}\x00{SECRET_PHONE}" * 100, encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        open_source(path)
    assert SECRET_NAME not in str(caught.value) and SECRET_PHONE not in str(caught.value)


def test_close_releases_the_workbook(tmp_path):
    path = simple_xlsx(tmp_path / "a.xlsx", [["x"]])
    source = open_source(path)
    source.close()
    source.close()  # twice is fine
    with pytest.raises(ImportFileError):
        source.rows("Sheet1")
    if os.name == "posix":
        fd_dir = Path("/proc/self/fd")
        if fd_dir.exists():
            open_files = {os.readlink(fd) for fd in fd_dir.iterdir() if fd.exists()}
            assert str(path) not in open_files


def test_text_file_is_not_held_open_between_reads(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with open_source(path) as source:
        rows = source.rows(source.sheets[0].name)
        assert next(rows) == ("a", "b")
        rows.close()
        fd_dir = Path("/proc/self/fd")
        if fd_dir.exists():
            assert str(path) not in {os.readlink(fd) for fd in fd_dir.iterdir() if fd.exists()}


def test_rows_after_close_is_a_clear_error_for_text_too(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    source = open_source(path)
    name = source.sheets[0].name
    assert list(source.rows(name)) == [("a", "b"), ("1", "2")]
    source.close()
    with pytest.raises(ImportFileError):
        source.rows(name)
