"""``password reset``: a forgotten owner password replaced with the recovery code, as a real
subprocess on a real shop."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.shops import OWNER_PASSWORD, cli_env, run_cli

NEW_PASSWORD = "Fresh-start-2026"


@pytest.fixture
def env() -> dict[str, str]:
    return cli_env()


@pytest.fixture
def created(tmp_path: Path, env: dict[str, str]) -> tuple[Path, str]:
    """A shop made with ``init``: its folder and the recovery code it printed."""
    home = tmp_path / "shop"
    result = run_cli("--home", str(home), "--password-stdin", "init", "--shop", "老王杂货",
                     "--owner", "wang", stdin=OWNER_PASSWORD + "\n", env=env)
    assert result.returncode == 0, result.stderr
    found = re.search(r"^\s+([A-Z0-9]{5}(?:-[A-Z0-9]{5})+)\s*$", result.stdout, re.MULTILINE)
    assert found, result.stdout
    return home, found.group(1)


def _check_as_owner(home: Path, password: str, env: dict[str, str]) -> int:
    return run_cli("--home", str(home), "--user", "wang", "--password-stdin", "check",
                   stdin=password + "\n", env=env).returncode


def _reset(home: Path, stdin: str, env: dict[str, str]):
    return run_cli("--home", str(home), "--recovery-code-stdin", "password", "reset",
                   stdin=stdin, env=env)


def test_the_recovery_code_sets_a_new_owner_password(
    created: tuple[Path, str], env: dict[str, str]
) -> None:
    home, code = created
    # typed the way people copy it from paper: lower case, spaces instead of dashes
    typed = code.lower().replace("-", " ")
    result = _reset(home, f"{typed}\n{NEW_PASSWORD}\n", env)
    assert result.returncode == 0, result.stderr
    assert "owner password of wang was reset" in result.stdout
    assert "recovery code has not changed" in result.stdout
    assert NEW_PASSWORD not in result.stdout + result.stderr
    assert _check_as_owner(home, NEW_PASSWORD, env) == 0
    assert _check_as_owner(home, OWNER_PASSWORD, env) == 3
    audit = run_cli("--home", str(home), "--user", "wang", "--password-stdin", "audit",
                    "verify", stdin=NEW_PASSWORD + "\n", env=env)
    assert audit.returncode == 0 and "audit log: ok" in audit.stdout
    # the same code still works afterwards
    again = _reset(home, f"{code}\nSecond-new-pass-77\n", env)
    assert again.returncode == 0, again.stderr
    assert _check_as_owner(home, "Second-new-pass-77", env) == 0


def test_a_wrong_code_changes_nothing(created: tuple[Path, str], env: dict[str, str]) -> None:
    home, _code = created
    key_before = (home / "shop.key").read_bytes()
    result = _reset(home, f"AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA\n{NEW_PASSWORD}\n", env)
    assert result.returncode == 3
    lines = result.stderr.strip().splitlines()
    assert lines == ["shopvault: The password or recovery code is not correct."]
    assert (home / "shop.key").read_bytes() == key_before
    assert _check_as_owner(home, OWNER_PASSWORD, env) == 0
    assert _check_as_owner(home, NEW_PASSWORD, env) == 3


def test_a_weak_new_password_is_refused_with_the_reason(
    created: tuple[Path, str], env: dict[str, str]
) -> None:
    home, code = created
    result = _reset(home, f"{code}\nshort\n", env)
    assert result.returncode == 1
    assert "8 characters" in result.stderr and "Traceback" not in result.stderr
    assert _check_as_owner(home, OWNER_PASSWORD, env) == 0


def test_without_a_terminal_or_stdin_flag_it_says_how(
    created: tuple[Path, str], env: dict[str, str]
) -> None:
    home, _code = created
    result = run_cli("--home", str(home), "password", "reset", stdin="", env=env)
    assert result.returncode == 1
    assert "--recovery-code-stdin" in result.stderr
