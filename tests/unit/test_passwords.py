"""Argon2 in a process of its own: login hashes are checked and key-encryption keys derived
there, with the answers in-process Argon2 gives, and in-process when that process cannot run."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from argon2.low_level import Type, hash_secret_raw

from desktop.security import argon2_process, passwords
from desktop.security.envelope import KdfParams, derive_kek
from desktop.security.passwords import hash_secret, needs_rehash, verify_secret


@pytest.fixture(scope="module")
def stored() -> str:
    return hash_secret("Correct-horse-42")


def test_right_and_wrong_secrets(stored: str) -> None:
    assert verify_secret(stored, "Correct-horse-42")
    assert not verify_secret(stored, "Correct-horse-43")
    assert not verify_secret(stored, "")


def test_secret_is_compared_as_nfc(stored: str) -> None:
    composed = hash_secret("caf\u00e9-密码-42")
    assert verify_secret(composed, "cafe\u0301-密码-42")


def test_secrets_with_newlines_and_nul_bytes_are_whole() -> None:
    stored = hash_secret("line one\nline two\x00end")
    assert verify_secret(stored, "line one\nline two\x00end")
    assert not verify_secret(stored, "line one")
    assert not verify_secret(stored, "line one\nline two")


@pytest.mark.parametrize("bad", ["", "garbage", "$argon2id$junk", "$argon2i$v=19$m=8", "é"])
def test_damaged_hashes_never_match(bad: str) -> None:
    assert not verify_secret(bad, "anything")


def test_dummy_hash_has_the_login_parameters() -> None:
    # An unknown user's answer must take as long as a wrong password's.
    assert not needs_rehash(passwords._DUMMY_HASH)
    assert verify_secret(passwords._DUMMY_HASH, "not a real password")


def test_falls_back_to_checking_here_when_the_process_cannot_start(
    stored: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(argon2_process, "CHILD_SCRIPT", tmp_path / "missing.py")
    assert argon2_process.verify(stored, b"Correct-horse-42") is None
    assert verify_secret(stored, "Correct-horse-42")
    assert not verify_secret(stored, "wrong")
    salt = bytes(range(16))
    assert derive_kek("Correct-horse-42", salt, KdfParams()) == in_process_kek(
        "Correct-horse-42", salt)


def in_process_kek(secret: str, salt: bytes) -> bytes:
    params = KdfParams()
    return hash_secret_raw(secret.encode(), salt, time_cost=params.time_cost,
                           memory_cost=params.memory_kib, parallelism=params.parallelism,
                           hash_len=32, type=Type.ID)


@pytest.mark.parametrize("secret", ["Correct-horse-42", "密码 with\nnewline\x00"])
def test_derived_keys_equal_in_process_argon2(secret: str) -> None:
    salt = bytes(range(16, 32))
    derived = argon2_process.derive_raw(secret.encode(), salt, time_cost=3, memory_kib=65536,
                                        parallelism=4, length=32)
    assert derived == in_process_kek(secret, salt)
    assert derive_kek(secret, salt, KdfParams()) == derived


def test_child_answers_directly(stored: str) -> None:
    def ask(request: bytes) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([sys.executable, "-I", str(argon2_process.CHILD_SCRIPT)],
                              input=request, capture_output=True, check=False)

    assert ask(stored.encode() + b"\nCorrect-horse-42").stdout == b"1"
    assert ask(stored.encode() + b"\nwrong").stdout == b"0"
    assert ask(b"no newline here").returncode != 0


def test_argon2_does_not_raise_this_process_peak_memory(stored: str) -> None:
    """The point of the separate process: Argon2id's 64 MiB is not this process's."""
    script = textwrap.dedent(f"""
        from pathlib import Path
        from desktop.security.envelope import KdfParams, derive_kek
        from desktop.security.passwords import verify_secret

        def peak_kib():
            for line in Path("/proc/self/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])

        before = peak_kib()
        assert verify_secret({stored!r}, "Correct-horse-42")
        assert len(derive_kek("Correct-horse-42", bytes(16), KdfParams())) == 32
        print(peak_kib() - before)
    """)
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=root, check=True)
    grown_kib = int(done.stdout.strip())
    assert grown_kib < 16 * 1024, f"peak grew by {grown_kib} KiB"
