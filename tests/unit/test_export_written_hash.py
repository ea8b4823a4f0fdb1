"""The export file's SHA-256 taken while it is written equals the file's, and is given up
(None: the caller reads the file back) once the writer moves around in the file."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from desktop.services.exports_files import final_file, written_sha256


def test_straight_through_writes_are_hashed_as_written(tmp_path: Path) -> None:
    out = tmp_path / "a.csv"
    with final_file(out) as handle:
        assert written_sha256(handle) == hashlib.sha256(b"").hexdigest()
        text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
        text.write("名字,电话\r\n" * 5_000)
        text.flush()
        text.detach()
        handle.write(b"tail")
        digest = written_sha256(handle)
    assert digest == hashlib.sha256(out.read_bytes()).hexdigest()


def test_a_seek_gives_the_hash_up(tmp_path: Path) -> None:
    with final_file(tmp_path / "b.xlsx") as handle:
        handle.write(b"PK header, filled in later")
        handle.seek(0)
        handle.write(b"PK")
        assert written_sha256(handle) is None
    assert written_sha256(io.BytesIO()) is None  # not an export file
