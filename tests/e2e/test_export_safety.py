"""A full disk, a cancel or a kill leaves no half file under the final name (and an older file
there untouched); the headless ``export`` command end to end."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest

from desktop.core.crash_points import DISK_FULL_ENV_VAR
from desktop.core.roles import Role
from desktop.services.export_api import ExportFormat, ExportRequest, ReportKind
from desktop.services.exports import ExportService
from desktop.services.exports_files import DiskFullError
from tests.e2e.export_support import csv_rows, leaks, open_workbook, seed, workbook_cells
from tests.support.shops import OWNER, OWNER_PASSWORD, cli_env, run_cli

OLD = b"the previous report"


class Cancelled(Exception):
    pass


@pytest.fixture
def seeded(shop):
    seed(shop.workspace)
    return shop


def _leftovers(folder: Path, shop) -> list[Path]:
    partials = [p for p in folder.iterdir() if p.name.endswith(".partial")]
    scratch = list((shop.paths.home / "tmp").glob("export-*"))
    return partials + scratch


def _last_audit(shop) -> dict[str, object]:
    entries = list(shop.workspace.shop.db.audit.iter_all())
    return {"action": entries[-1].action, **json.loads(entries[-1].details)}


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_full_disk_leaves_the_old_file_and_says_so(seeded, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   fmt: ExportFormat) -> None:
    out = tmp_path / f"report.{fmt.value}"
    out.write_bytes(OLD)
    monkeypatch.setenv(DISK_FULL_ENV_VAR, "export:write")
    with pytest.raises(DiskFullError) as caught:
        ExportService(seeded.workspace).export(seeded.owner, ExportRequest(
            ReportKind.ORDERS, out, fmt))
    assert caught.value.text().startswith(f"The disk is full; nothing was written to {out}")
    assert out.read_bytes() == OLD
    assert _leftovers(tmp_path, seeded) == []
    audit = _last_audit(seeded)
    assert audit["action"] == "export.failed" and audit["reason"] == "disk_full"


def test_full_disk_during_an_unmasked_export_leaves_no_plaintext(
    seeded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "clear.xlsx"
    monkeypatch.setenv(DISK_FULL_ENV_VAR, "export:write")
    with pytest.raises(DiskFullError):
        ExportService(seeded.workspace).export_unmasked(seeded.owner, ExportRequest(
            ReportKind.CUSTOMERS, out, purpose="audit"), OWNER_PASSWORD)
    assert not out.exists()
    assert _leftovers(tmp_path, seeded) == []


def test_raising_from_progress_cancels_and_leaves_nothing(seeded, tmp_path: Path) -> None:
    out = tmp_path / "customers.xlsx"
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done:
            raise Cancelled

    with pytest.raises(Cancelled):
        ExportService(seeded.workspace).export(seeded.owner, ExportRequest(
            ReportKind.CUSTOMERS, out), progress)
    assert seen == [(0, 5), (5, 5)]
    assert not out.exists() and _leftovers(tmp_path, seeded) == []
    assert _last_audit(seeded)["reason"] == "cancelled"


def _env(**extra: str) -> dict[str, str]:
    environment = cli_env()
    environment.pop(DISK_FULL_ENV_VAR, None)
    environment.update(extra)
    return environment


def _export(shop, *args: str, stdin: str = OWNER_PASSWORD + "\n", **env: str):
    return run_cli("--home", str(shop.paths.home), "--user", OWNER, "--password-stdin",
                   "export", *args, stdin=stdin, env=_env(**env))


@pytest.mark.parametrize("point", ["export:rows-written", "export:before-rename"])
def test_a_killed_export_leaves_no_file_under_the_final_name(seeded, tmp_path: Path,
                                                             point: str) -> None:
    out = tmp_path / "customers.xlsx"
    out.write_bytes(OLD)
    result = _export(seeded, "customers", "--out", str(out), SHOPVAULT_KILL_AT=point)
    assert result.returncode == -signal.SIGKILL
    assert out.read_bytes() == OLD


def test_cli_disk_full_is_one_clear_line(seeded, tmp_path: Path) -> None:
    out = tmp_path / "feedback.csv"
    result = _export(seeded, "feedback", "--out", str(out), **{DISK_FULL_ENV_VAR: "export:write"})
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"shopvault: The disk is full; nothing was written to {out}. Free some space and try "
        "again.")
    assert not out.exists()


def test_cli_exports_masked_with_filters_and_columns(seeded, tmp_path: Path) -> None:
    out = tmp_path / "hz.csv"
    result = _export(seeded, "customers", "--out", str(out), "--filter", "city=杭州市",
                     "--columns", "customer.name,customer.phone,customer.notes",
                     "--encoding", "gb18030", "--pseudonym")
    assert result.returncode == 0, result.stderr
    assert "Customers: 1" in result.stdout and "masked" in result.stdout
    rows = csv_rows(out, "gb18030")
    assert rows[0] == ["Customer key", "Name", "Phone", "Notes"]
    assert rows[1][1:] == ["欧阳**", "137****6789", "137****6789 call back"]


def test_cli_unmasked_prints_the_password_once_and_it_opens_the_file(seeded,
                                                                     tmp_path: Path) -> None:
    out = tmp_path / "orders.xlsx"
    result = _export(seeded, "orders", "--out", str(out), "--unmasked", "--purpose", "审计",
                     stdin=f"{OWNER_PASSWORD}\n{OWNER_PASSWORD}\n")
    assert result.returncode == 0, result.stderr
    password = result.stdout.strip().splitlines()[-1].strip()
    book = open_workbook(out, password)
    assert leaks(str(cell.value) for cell in workbook_cells(book))
    assert result.stdout.count(password) == 1


def test_cli_refusals_are_one_line_with_exit_codes(seeded, tmp_path: Path) -> None:
    seeded.workspace.accounts.add_user(seeded.owner, "li", Role.STAFF, "Staff-pass-77")
    csv_unmasked = _export(seeded, "customers", "--out", str(tmp_path / "c.csv"), "--unmasked",
                           "--purpose", "p")
    assert csv_unmasked.returncode == 1
    assert "password-protected .xlsx" in csv_unmasked.stderr
    staff = run_cli("--home", str(seeded.paths.home), "--user", "li",
                    "--recovery-code-stdin", "export", "customers", "--out",
                    str(tmp_path / "s.xlsx"), stdin=f"{seeded.recovery_code}\nStaff-pass-77\n",
                    env=_env())
    assert staff.returncode == 3 and staff.stderr.startswith("shopvault: Your role (staff)")
    bad_filter = _export(seeded, "orders", "--out", str(tmp_path / "o.xlsx"), "--filter",
                         "city=x")
    assert bad_filter.returncode == 1 and "Unknown filter city" in bad_filter.stderr
    for result in (csv_unmasked, staff, bad_filter):
        assert len(result.stderr.strip().splitlines()) == 1
    assert not list(tmp_path.glob("*.xlsx")) and not list(tmp_path.glob("*.csv"))


def test_cli_subject_copy_writes_xlsx_and_json(seeded, tmp_path: Path) -> None:
    result = _export(seeded, "subject", "1", "--out", str(tmp_path / "张三丰-copy"))
    assert result.returncode == 0, result.stderr
    document = json.loads((tmp_path / "张三丰-copy.json").read_text(encoding="utf-8"))
    assert document["customer"]["id"] == 1
    assert open_workbook(tmp_path / "张三丰-copy.xlsx").sheetnames[0] == "Cover"
