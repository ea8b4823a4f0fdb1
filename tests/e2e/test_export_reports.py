"""Reports from a real shop, per report and role: every cell of every sheet scanned for the
fixture customers' phones, IDs, e-mails, WeChat IDs and street addresses; no live formula;
money, dates and text with their types; LibreOffice opens the workbooks."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.core.errors import PermissionDeniedError
from desktop.core.roles import Role
from desktop.services.export_api import (
    CsvEncoding,
    ExportFormat,
    ExportRequest,
    ReportKind,
)
from desktop.services.exports import ExportService
from desktop.services.session import Session
from tests.e2e.export_support import (
    FULLWIDTH_FORMULA,
    HYPERLINK,
    ROWS,
    assert_no_live_formula,
    assert_types,
    columns_by_label,
    csv_rows,
    leaks,
    libreoffice_csvs,
    open_workbook,
    seed,
    sessions,
    workbook_cells,
)


@dataclass
class Env:
    service: ExportService
    sessions: dict[Role, Session]
    ids: list[int]
    out: Path


@pytest.fixture
def env(shop, tmp_path: Path) -> Env:
    ids = seed(shop.workspace)
    roles = sessions(shop.workspace)
    roles[Role.OWNER] = shop.owner
    out = tmp_path / "out"
    out.mkdir()
    return Env(ExportService(shop.workspace), roles, ids, out)


@pytest.mark.parametrize("kind", list(ReportKind))
@pytest.mark.parametrize("role", [Role.OWNER, Role.MANAGER])
def test_masked_workbook_shows_no_personal_data(env: Env, kind: ReportKind, role: Role) -> None:
    out = env.out / f"{kind.value}.xlsx"
    result = env.service.export(env.sessions[role], ExportRequest(
        kind, out, purpose="对账 call 13812345678", pseudonymous_key=True))
    assert result.masked and result.file_password is None
    assert result.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()  # (read back)
    book = open_workbook(out)
    cells = list(workbook_cells(book))
    assert leaks(str(cell.value) for cell in cells) == []
    assert_no_live_formula(cells)
    assert_types(book, kind)
    assert book.sheetnames[0] == "Cover"
    cover = {row[0].value: row[1].value for row in book["Cover"].iter_rows(min_row=3)
             if row[0].value}
    role_word = {Role.OWNER: "Owner", Role.MANAGER: "Manager"}[role]  # the UI's word
    assert cover["Exported by"] == f"{env.sessions[role].user.username} ({role_word})"
    assert cover["Audit entry"] == f"#{result.audit_seq}"
    assert "Masked" in cover["Masking"]
    assert "138****5678" in cover["Purpose"]
    data_sheet = book.worksheets[1]
    assert cover[f"Rows: {data_sheet.title}"] == str(ROWS[kind])
    assert data_sheet.freeze_panes == "A2"
    assert data_sheet.auto_filter.ref


def test_customer_workbook_keeps_nasty_notes_as_inert_text(env: Env) -> None:
    out = env.out / "customers.xlsx"
    env.service.export(env.sessions[Role.OWNER], ExportRequest(ReportKind.CUSTOMERS, out))
    book = open_workbook(out)
    sheet = book["Customers"]
    labels = columns_by_label(sheet)
    notes = {row[labels["Notes"] - 1].value: row[labels["Notes"] - 1]
             for row in sheet.iter_rows(min_row=2)}
    assert notes[HYPERLINK].data_type == "s" and notes[HYPERLINK].quotePrefix
    fullwidth = next(cell for text, cell in notes.items() if text and
                     text.startswith(FULLWIDTH_FORMULA))
    assert fullwidth.quotePrefix
    assert "135****5432" in fullwidth.value and "幸福小区" not in fullwidth.value
    balances = [row[labels["Balance"] - 1].value for row in sheet.iter_rows(min_row=2)]
    assert -12.5 in balances  # a real negative amount stays a number
    assert "137****6789 call back" in notes


@pytest.mark.parametrize("kind", list(ReportKind))
@pytest.mark.parametrize("encoding", list(CsvEncoding))
def test_masked_csv_shows_no_personal_data(env: Env, kind: ReportKind,
                                           encoding: CsvEncoding) -> None:
    out = env.out / f"{kind.value}.csv"
    result = env.service.export(env.sessions[Role.MANAGER], ExportRequest(
        kind, out, ExportFormat.CSV, csv_encoding=encoding, pseudonymous_key=True))
    raw = out.read_bytes()
    assert result.sha256 == hashlib.sha256(raw).hexdigest()  # hashed while written
    if encoding is CsvEncoding.UTF8_BOM:
        assert raw.startswith(b"\xef\xbb\xbf")
    rows = csv_rows(out, encoding.value)
    assert len(rows) > 1
    fields = [field for row in rows for field in row]
    assert leaks(fields) == []
    for field in fields:
        if field and field[0] in "=+-@\t\r＝＋－＠":
            float(field)  # only a number may start like a formula; text starts with '


@pytest.mark.parametrize("kind", list(ReportKind))
@pytest.mark.parametrize("role", [Role.STAFF, Role.AUDITOR])
def test_staff_and_auditor_cannot_export(env: Env, kind: ReportKind, role: Role) -> None:
    out = env.out / "denied.xlsx"
    assert not env.service.can_export(env.sessions[role])
    with pytest.raises(PermissionDeniedError):
        env.service.export(env.sessions[role], ExportRequest(kind, out))
    assert not out.exists()


def test_manager_may_export_masked_only(env: Env) -> None:
    manager = env.sessions[Role.MANAGER]
    assert env.service.can_export(manager) and not env.service.can_export_unmasked(manager)
    with pytest.raises(PermissionDeniedError):
        env.service.export_unmasked(manager, ExportRequest(
            ReportKind.CUSTOMERS, env.out / "x.xlsx", purpose="p"), "whatever")


def test_filters_narrow_the_report(env: Env) -> None:
    from desktop.services.customer_views import CustomerFilter
    from desktop.services.order_views import FeedbackFilter

    out = env.out / "hz.csv"
    result = env.service.export(env.sessions[Role.OWNER], ExportRequest(
        ReportKind.CUSTOMERS, out, ExportFormat.CSV, columns=("customer.city", "customer.name"),
        customers=CustomerFilter(city="杭州市")))
    assert result.rows == 1
    assert csv_rows(out)[1] == ["杭州市", "欧阳**"]
    out = env.out / "fb.xlsx"
    from datetime import date
    result = env.service.export(env.sessions[Role.OWNER], ExportRequest(
        ReportKind.FEEDBACK, out, feedback=FeedbackFilter(date_from=date(2024, 2, 1),
                                                           date_to=date(2024, 3, 31))))
    assert result.rows == 2


def test_pseudonymous_key_is_stable_and_distinct(env: Env) -> None:
    keys = []
    for attempt in range(2):
        out = env.out / f"k{attempt}.csv"
        env.service.export(env.sessions[Role.MANAGER], ExportRequest(
            ReportKind.CUSTOMERS, out, ExportFormat.CSV, columns=("customer.member_no",),
            pseudonymous_key=True))
        keys.append(csv_rows(out)[1:])
    assert keys[0] == keys[1]
    tokens = [row[0] for row in keys[0]]
    assert len(set(tokens)) == len(tokens) == 5
    assert all(len(token) == 19 and token.count("-") == 3 for token in tokens)
    assert not any(str(i) == token for i in env.ids for token in tokens)


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed; .ci/run installs it")
def test_libreoffice_opens_every_report_and_its_csv_shows_no_personal_data(
    env: Env, tmp_path: Path
) -> None:
    files = []
    for kind in ReportKind:
        out = env.out / f"{kind.value}.xlsx"
        env.service.export(env.sessions[Role.MANAGER], ExportRequest(
            kind, out, pseudonymous_key=True))
        files.append(out)
    texts = []
    for path in files:
        converted = libreoffice_csvs(path, tmp_path / "lo", tmp_path / "lo-profile")
        assert len(converted) >= 2, f"LibreOffice did not convert {path.name}"
        for csv_file in converted:
            texts += [field for row in csv_rows(csv_file, "utf-8") for field in row]
    assert leaks(texts) == []
    assert HYPERLINK in texts  # shown as the text it is, not evaluated to "y"
