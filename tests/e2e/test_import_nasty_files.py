"""The ``import`` command (a real subprocess, a real shop) on files a QA pass found mishandled:
each either imports exactly or ends with one line naming the file and the problem."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.support.shops import OWNER, OWNER_PASSWORD, ShopFixture, cli_env, run_cli
from tests.unit.exchange.test_files_nasty import workbook_with_unused_sheets

JSON_KEYS = {"created", "updated", "duplicates", "rejected", "skipped_blank", "skipped_summary",
             "orders_created", "feedback_created", "errors"}


def import_cli(shop: ShopFixture, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("--home", str(shop.paths.home), "--user", OWNER, "--password-stdin",
                   "import", *args, stdin=OWNER_PASSWORD + "\n", env=cli_env(RUST_BACKTRACE="0"))


def one_line_refusal(result: subprocess.CompletedProcess[str], file_name: str) -> str:
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"shopvault: Cannot import {file_name}: ")
    return lines[0]


def customers_in(shop: ShopFixture) -> int:
    count = shop.workspace.shop.db.conn.execute("SELECT count(*) FROM customers").fetchone()
    return int(count[0])


def test_a_workbook_with_excels_unused_sheets_imports(shop: ShopFixture, tmp_path: Path) -> None:
    path = workbook_with_unused_sheets(tmp_path / "会员 登记表.xlsx")
    dry = import_cli(shop, str(path), "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    assert dry.stderr == ""
    found = json.loads(dry.stdout)
    assert JSON_KEYS <= found.keys()
    assert (found["created"], found["rejected"], found["errors"]) == (1, 0, [])
    done = import_cli(shop, str(path))
    assert done.returncode == 0, done.stderr
    assert "created 1," in done.stdout
    assert customers_in(shop) == 1
