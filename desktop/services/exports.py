"""Reports that leave the shop (contract: export_api.py).

Masked by default for every role that may export (owner, manager); staff and auditor may not
export personal data. An unmasked export is the owner's alone, with the password re-entered
(checked like a login, so failures count toward its back-off) and a purpose, into a
password-protected .xlsx whose random password is returned once and kept nowhere.

Every export is in the audit log twice: ``export.started`` before the first byte (its number
is printed on the cover sheet) and ``export.finished`` with the rows, the file's SHA-256 and
size — or ``export.failed`` with why (cancelled, disk full, error). Files are written to a
temp name and renamed into place, so a failure leaves no file under the final name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import tzinfo
from pathlib import Path
from typing import BinaryIO, Final

from desktop.core.audit_records import AuditRecord
from desktop.core.crash_points import crash_point
from desktop.core.errors import (
    LoginFailedError,
    PermissionDeniedError,
    ShopVaultError,
    WrongSecretError,
)
from desktop.core.roles import Permission
from desktop.core.validation import clean_text
from desktop.exchange.export_csv import CsvReport
from desktop.exchange.export_protect import encrypt_workbook
from desktop.exchange.export_xlsx import XlsxReport
from desktop.services.customers import customer_target
from desktop.services.export_api import (
    ExportColumn,
    ExportFormat,
    ExportRequest,
    ExportResult,
    ProgressCallback,
    ReportKind,
)
from desktop.services.exports_columns import CATALOGUE
from desktop.services.exports_cover import (
    REPORT_TITLES,
    CoverFacts,
    Translate,
    cover_lines,
    report_filter_details,
)
from desktop.services.exports_files import (
    DiskFullError,
    check_target,
    file_password,
    final_file,
    private_folder,
    sha256_of,
    write_error,
    written_sha256,
)
from desktop.services.exports_pipeline import RowSink
from desktop.services.exports_pipeline import pump as pump_batches
from desktop.services.exports_pseudonym import shop_pseudonym_key
from desktop.services.exports_reports import ReportContext, ReportPlan, plan_report
from desktop.services.exports_rows import masked_words
from desktop.services.exports_sensitive import open_for_export
from desktop.services.order_views import Clock, utc_clock
from desktop.services.session import Session
from desktop.services.workspace import Workspace

MAX_PURPOSE: Final = 500
MAX_LOGGED: Final = 300


class UnmaskedCsvRefusedError(ShopVaultError):
    message = (
        "An unmasked export is written only as a password-protected .xlsx file; a CSV file "
        "cannot be protected. Choose .xlsx, or export masked."
    )


class PurposeRequiredError(ShopVaultError):
    message = "State the purpose of this unmasked export: who receives the data and why."


class UnknownFilterError(ShopVaultError):
    """A filter named on the command line that the report does not have."""

    message = "Unknown filter {key} for {kind}; use one of: {choices}."


class WrongOwnerPasswordError(WrongSecretError):
    message = "The owner password is not correct; nothing was exported."


def _same(text: str) -> str:
    return text


class ExportService:
    """Implements :class:`desktop.services.export_api.ExportServiceApi`. Run the export calls
    off the UI thread: they read through the calling thread's own database connection."""

    def __init__(self, workspace: Workspace, *, tz: tzinfo | None = None,
                 clock: Clock = utc_clock) -> None:
        self._workspace = workspace
        self._tz = tz
        self._clock = clock

    def columns(self, kind: ReportKind) -> tuple[ExportColumn, ...]:
        return tuple(column.column for column in CATALOGUE[kind])

    def can_export(self, session: Session) -> bool:
        return session.allows(Permission.EXPORT_MASKED)

    def can_export_unmasked(self, session: Session) -> bool:
        return session.allows(Permission.EXPORT_UNMASKED)

    def export(self, session: Session, request: ExportRequest,
               progress: ProgressCallback | None = None) -> ExportResult:
        session.require(Permission.EXPORT_MASKED)
        return self._run(session, request, progress, password=None)

    def export_unmasked(self, session: Session, request: ExportRequest, owner_password: str,
                        progress: ProgressCallback | None = None) -> ExportResult:
        self.check_unmasked_request(session, request)
        self.confirm_owner(session, owner_password)
        if "customer.resident_id" in request.columns:
            open_for_export(self._workspace, session, owner_password)
        return self._run(session, request, progress, password=file_password())

    def check_unmasked_request(self, session: Session, request: ExportRequest) -> None:
        """What can be refused before asking for the password: the role, CSV, no purpose."""
        session.require(Permission.EXPORT_UNMASKED)
        if request.fmt is ExportFormat.CSV:
            raise UnmaskedCsvRefusedError()
        if not clean_text(request.purpose):
            raise PurposeRequiredError()

    def export_subject_copy(self, session: Session, customer_id: int, out_xlsx: Path,
                            out_json: Path, progress: ProgressCallback | None = None,
                            translate: Translate | None = None,
                            owner_password: str | None = None) -> ExportResult:
        """The copy holds the whole resident ID: without the owner's field key open it
        raises FieldKeyNotOpenError, unless ``owner_password`` is given to open it."""
        from desktop.services.exports_subject import SubjectCopyWriter

        session.require(Permission.EXPORT_SUBJECT_COPY)
        if owner_password is not None and not self._workspace.field_keys.is_open_for(session):
            open_for_export(self._workspace, session, owner_password)
        writer = SubjectCopyWriter(self._workspace, session, self._tz, self._clock,
                                   translate or _same)
        return writer.write(customer_id, out_xlsx, out_json, progress)

    def confirm_owner(self, session: Session, password: str) -> None:
        """The logged-in owner's password, checked like a login (failures count toward the
        back-off; a throttled account gets LoginThrottledError)."""
        try:
            confirmed = self._workspace.accounts.login(session.user.username, password)
        except LoginFailedError:
            raise WrongOwnerPasswordError() from None
        if confirmed.user.id != session.user.id:
            raise PermissionDeniedError(role=session.user.role.value,
                                        action=Permission.EXPORT_UNMASKED.value)

    # ------------------------------------------------------------------ the run

    def _run(self, session: Session, request: ExportRequest, progress: ProgressCallback | None,
             password: str | None) -> ExportResult:
        masked = password is None
        tr: Translate = request.translate or _same
        pseudonym = shop_pseudonym_key(self._workspace).token if request.pseudonymous_key \
            else None
        plan = plan_report(ReportContext(self._workspace, session, masked, self._tz,
                                         self._clock, pseudonym, tr), request)
        check_target(request.out)
        purpose = masked_words(clean_text(request.purpose), masked)[:MAX_PURPOSE]
        target = _audit_target(request)
        started = self._workspace.trail.record(
            session.actor, "export.started", target,
            {"format": request.fmt.value, "masked": masked,
             "columns": ",".join(c.key for c in plan.columns),
             "pseudonym": request.pseudonymous_key,
             "purpose": mask_for_log(purpose), **_logged_filters(request)},
        )
        facts = CoverFacts(
            shop=self._workspace.shop_name, actor=session.actor, at=self._clock(),
            purpose=purpose, kind_title=REPORT_TITLES[request.kind], filters=plan.filters,
            sheet_rows=(), columns=[sheet_column.label for sheet in plan.sheets
                                    for sheet_column in sheet.columns],
            masked=masked, pseudonym=request.pseudonymous_key, audit_seq=started.seq,
        )
        try:
            sheet_rows, digest = self._write(request, plan, facts, password, progress, tr)
            digest, size = digest or sha256_of(request.out), request.out.stat().st_size
        except BaseException as exc:
            self._failed(session, started, exc)
            if isinstance(exc, OSError):
                raise write_error(exc, request.out) from None
            raise
        rows = sum(count for _, count in sheet_rows)
        self._workspace.trail.record(
            session.actor, "export.finished", target,
            {"export_seq": started.seq, "rows": rows, "sha256": digest, "bytes": size,
             "sheets": ", ".join(f"{name}={count}" for name, count in sheet_rows)},
        )
        return ExportResult(request.out, rows, started.seq, masked, password,
                            tuple(sheet_rows), digest)

    def _write(self, request: ExportRequest, plan: ReportPlan, facts: CoverFacts,
               password: str | None, progress: ProgressCallback | None, tr: Translate
               ) -> tuple[list[tuple[str, int]], str | None]:
        """The rows of each sheet written, and the file's SHA-256 when it was hashed while
        written (a CSV file: written straight through; else None, to be read back)."""
        home = self._workspace.shop.paths.home
        if request.fmt is ExportFormat.CSV:
            with final_file(request.out) as handle:
                csv_report = CsvReport(handle, request.csv_encoding.value, plan.sheets[0])
                pump(plan, [csv_report], progress)
                csv_report.finish()
                digest = written_sha256(handle)
            return [(plan.sheets[0].name, csv_report.rows)], digest
        with private_folder(home) as scratch:
            if password is None:
                with final_file(request.out) as handle:
                    return self._workbook(handle, scratch, plan, facts, progress, tr), None
            plain = scratch / "plain.xlsx"
            with plain.open("xb") as handle:
                sheet_rows = self._workbook(handle, scratch, plan, facts, progress, tr)
            with final_file(request.out) as handle:
                encrypt_workbook(plain, password, handle)
            return sheet_rows, None

    def _workbook(self, handle: BinaryIO, scratch: Path, plan: ReportPlan, facts: CoverFacts,
                  progress: ProgressCallback | None, tr: Translate) -> list[tuple[str, int]]:
        report = XlsxReport(handle, scratch, tr("Cover"))
        try:
            writers = [report.sheet(sheet) for sheet in plan.sheets]
            pump(plan, writers, progress)
            sheet_rows = [(writer.name, report.rows[writer.name]) for writer in writers]
            facts = _with_rows(facts, sheet_rows)
            report.finish(tr(facts.kind_title), cover_lines(facts, self._tz, tr))
        except BaseException:
            report.abandon()
            raise
        return sheet_rows

    def _failed(self, session: Session, started: AuditRecord, exc: BaseException) -> None:
        if isinstance(exc, OSError):
            full = isinstance(write_error(exc, Path()), DiskFullError)
            reason = "disk_full" if full else "write_error"
        else:
            reason = "error" if isinstance(exc, ShopVaultError) else "cancelled"
        try:
            self._workspace.trail.record(
                session.actor, "export.failed", started.target,
                {"export_seq": started.seq, "reason": reason},
            )
        except Exception:  # noqa: BLE001 - the export's own error is the one to report
            return


def pump(plan: ReportPlan, writers: Sequence[RowSink], progress: ProgressCallback | None
         ) -> None:
    """Stream every batch of ``plan`` into its sheet writers (read here, masked and written
    on a writer thread: ``exports_pipeline``), reporting progress between batches (raising
    from ``progress`` stops here)."""
    pump_batches(plan.batches, plan.total, writers, progress)
    crash_point("export:rows-written")


def _audit_target(request: ExportRequest) -> str:
    """A report of one customer's orders or feedback is logged on that customer, so it shows
    in their history (who took their data); any other report on ``export:<kind>``."""
    flt = request.orders if request.kind is ReportKind.ORDERS else (
        request.feedback if request.kind is ReportKind.FEEDBACK else None)
    if flt is not None and flt.customer_id is not None:
        return customer_target(flt.customer_id)
    return f"export:{request.kind.value}"


def _with_rows(facts: CoverFacts, sheet_rows: list[tuple[str, int]]) -> CoverFacts:
    return replace(facts, sheet_rows=tuple(sheet_rows))


def _logged_filters(request: ExportRequest) -> dict[str, str | int | bool]:
    """The report's filters as codes (readable later in any language), typed text masked."""
    return {key: mask_for_log(value) if isinstance(value, str) else value
            for key, value in report_filter_details(request, True).items()}


def mask_for_log(text: str) -> str:
    """What the user typed (a purpose, a search) as the audit log keeps it: masked, since
    auditors read the log."""
    return masked_words(text, True)[:MAX_LOGGED]
