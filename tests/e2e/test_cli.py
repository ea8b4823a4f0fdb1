"""The command line, run as a real subprocess: commands, one-line errors, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.shops import OWNER_PASSWORD, cli_env, run_cli

STAFF_PASSWORD = "Staff-pass-77"


@pytest.fixture
def env() -> dict[str, str]:
    return cli_env()


@pytest.fixture
def home(tmp_path: Path, env: dict[str, str]) -> Path:
    shop_home = tmp_path / "shop"
    result = run_cli("--home", str(shop_home), "--password-stdin", "init", "--shop", "老王杂货",
                     "--owner", "wang", stdin=OWNER_PASSWORD + "\n", env=env)
    assert result.returncode == 0, result.stderr
    assert "RECOVERY CODE" in result.stdout
    return shop_home


def _as(home: Path, user: str, *args: str, stdin: str, env: dict[str, str]):
    return run_cli("--home", str(home), "--user", user, "--password-stdin", *args,
                   stdin=stdin, env=env)


def _one_line_error(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[0].startswith("shopvault: ")
    return lines[0]


def test_help_lists_every_command(env: dict[str, str]) -> None:
    result = run_cli("--help", env=env)
    assert result.returncode == 0
    for word in ("init", "users", "password", "key", "check", "audit", "backup", "restore",
                 "demo", "--home", "--user", "--password-stdin", "--recovery-code-stdin"):
        assert word in result.stdout


def test_users_and_roles_end_to_end(home: Path, env: dict[str, str]) -> None:
    added = _as(home, "wang", "users", "add", "li", "--role", "staff",
                stdin=f"{OWNER_PASSWORD}\n{STAFF_PASSWORD}\n", env=env)
    assert added.returncode == 0, added.stderr
    listed = _as(home, "wang", "users", "list", stdin=OWNER_PASSWORD + "\n", env=env)
    assert listed.returncode == 0
    assert "li" in listed.stdout and "staff" in listed.stdout and "owner" in listed.stdout
    # staff cannot manage users; without a keyring a staff password cannot unlock either
    denied = _as(home, "li", "users", "list", stdin=STAFF_PASSWORD + "\n", env=env)
    assert denied.returncode == 3
    assert "owner" in _one_line_error(denied)
    disabled = _as(home, "wang", "users", "disable", "li", stdin=OWNER_PASSWORD + "\n", env=env)
    assert disabled.returncode == 0


def test_staff_acts_with_the_recovery_code_unlocking(home: Path, env: dict[str, str]) -> None:
    _as(home, "wang", "users", "add", "li", "--role", "staff",
        stdin=f"{OWNER_PASSWORD}\n{STAFF_PASSWORD}\n", env=env)
    # The recovery code is only printed at init; read it from a second shop created here.
    other = home.parent / "other"
    created = run_cli("--home", str(other), "--password-stdin", "init", "--shop", "x",
                      "--owner", "boss", stdin=OWNER_PASSWORD + "\n", env=env)
    code = created.stdout.split("RECOVERY CODE")[1].split("\n")[1].strip()
    ok = run_cli("--home", str(other), "--user", "boss", "--recovery-code-stdin", "audit",
                 "verify", stdin=f"{code}\n{OWNER_PASSWORD}\n", env=env)
    assert ok.returncode == 0, ok.stderr
    assert "audit log: ok" in ok.stdout
    bad = run_cli("--home", str(other), "--user", "boss", "--recovery-code-stdin", "audit",
                  "verify", stdin=f"AAAAA-BBBBB\n{OWNER_PASSWORD}\n", env=env)
    assert bad.returncode == 3
    assert "recovery code" in _one_line_error(bad)


def test_wrong_password_damaged_and_missing_have_their_own_messages(
    home: Path, env: dict[str, str], tmp_path: Path
) -> None:
    wrong = _as(home, "wang", "check", stdin="Not-the-password-1\n", env=env)
    wrong_line = _one_line_error(wrong)
    assert wrong.returncode == 3

    missing = _as(tmp_path / "nowhere", "wang", "check", stdin=OWNER_PASSWORD + "\n", env=env)
    missing_line = _one_line_error(missing)
    assert missing.returncode == 5 and "No shop found" in missing_line

    db = home / "shop.db"
    raw = bytearray(db.read_bytes())
    raw[200:260] = bytes(60)
    db.write_bytes(bytes(raw))
    damaged = _as(home, "wang", "check", stdin=OWNER_PASSWORD + "\n", env=env)
    damaged_line = _one_line_error(damaged)
    assert damaged.returncode == 4 and "damaged" in damaged_line
    assert len({wrong_line, missing_line, damaged_line}) == 3
    assert bytes(raw) == db.read_bytes()


def test_check_audit_rotate_backup_restore(home: Path, env: dict[str, str], tmp_path: Path) -> None:
    check = _as(home, "wang", "check", stdin=OWNER_PASSWORD + "\n", env=env)
    assert check.returncode == 0, check.stderr
    assert "database: ok" in check.stdout and "audit log: ok" in check.stdout
    rotated = _as(home, "wang", "key", "rotate", stdin=OWNER_PASSWORD + "\n", env=env)
    assert rotated.returncode == 0, rotated.stderr
    archive = tmp_path / "shop.svbackup"
    backup = _as(home, "wang", "backup", str(archive), stdin=OWNER_PASSWORD + "\n", env=env)
    assert backup.returncode == 0, backup.stderr and archive.exists()
    restored_home = tmp_path / "new-pc"
    restore = run_cli("--home", str(restored_home), "--password-stdin", "restore", str(archive),
                      stdin=OWNER_PASSWORD + "\n", env=env)
    assert restore.returncode == 0, restore.stderr
    after = _as(restored_home, "wang", "audit", "verify", stdin=OWNER_PASSWORD + "\n", env=env)
    assert after.returncode == 0 and "audit log: ok" in after.stdout


def test_password_change_via_cli(home: Path, env: dict[str, str]) -> None:
    changed = _as(home, "wang", "password", "change",
                  stdin=f"{OWNER_PASSWORD}\nAnother-good-pass-3\n", env=env)
    assert changed.returncode == 0, changed.stderr
    old = _as(home, "wang", "check", stdin=OWNER_PASSWORD + "\n", env=env)
    assert old.returncode == 3
    new = _as(home, "wang", "check", stdin="Another-good-pass-3\n", env=env)
    assert new.returncode == 0


def test_weak_password_and_existing_shop_are_refused(home: Path, env: dict[str, str]) -> None:
    again = run_cli("--home", str(home), "--password-stdin", "init", "--shop", "x", "--owner",
                    "wang", stdin=OWNER_PASSWORD + "\n", env=env)
    assert again.returncode == 1 and "already exists" in _one_line_error(again)
    weak = run_cli("--home", str(home.parent / "weak"), "--password-stdin", "init", "--shop",
                   "x", "--owner", "wang", stdin="123\n", env=env)
    assert weak.returncode == 1 and "8 characters" in _one_line_error(weak)
    empty_stdin = _as(home, "wang", "check", stdin="", env=env)
    assert empty_stdin.returncode == 1 and "Standard input ended" in _one_line_error(empty_stdin)


def test_demo_data_owner_only(home: Path, env: dict[str, str]) -> None:
    loaded = _as(home, "wang", "demo", "--customers", "300", stdin=OWNER_PASSWORD + "\n", env=env)
    assert loaded.returncode == 0, loaded.stderr
    assert "Added 300 demo customers" in loaded.stdout
    again = _as(home, "wang", "demo", "--customers", "200", stdin=OWNER_PASSWORD + "\n", env=env)
    assert again.returncode == 0, again.stderr  # numbering continues; no clash
    too_many = _as(home, "wang", "demo", "--customers", "0", stdin=OWNER_PASSWORD + "\n",
                   env=env)
    assert too_many.returncode == 1 and "from 1 to 2,000,000" in _one_line_error(too_many)
