"""An in-memory stand-in for the export service (``ExportServiceApi``) for the dialog's
widget tests: it checks the role like the real one, writes a small real file, reports
progress (so a test can cancel from it) and can be told to fail."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.errors import ShopVaultError, WrongSecretError
from desktop.core.roles import Permission
from desktop.services.export_api import (
    ExportColumn,
    ExportRequest,
    ExportResult,
    ProgressCallback,
    ReportKind,
)
from desktop.services.session import Session

OWNER_PASSWORD = "Correct-horse-42"
FILE_PASSWORD = "kV7-pQ2x-9mRt"

COLUMNS: dict[ReportKind, tuple[ExportColumn, ...]] = {
    ReportKind.CUSTOMERS: (
        ExportColumn("customer.member_no", "Member no.", personal=False, default=True),
        ExportColumn("customer.name", "Name", personal=True, default=True),
        ExportColumn("customer.phone", "Phone", personal=True, default=True),
        ExportColumn("customer.email", "E-mail", personal=True, default=False),
        ExportColumn("customer.city", "City", personal=False, default=True),
        ExportColumn("customer.points", "Points", personal=False, default=True),
        ExportColumn("customer.notes", "Notes", personal=True, default=False),
    ),
    ReportKind.ORDERS: (
        ExportColumn("order.order_no", "Order no.", personal=False, default=True),
        ExportColumn("order.ship_phone", "Shipping phone", personal=True, default=True),
        ExportColumn("item.product_name", "Product", personal=False, default=True),
    ),
    ReportKind.FEEDBACK: (
        ExportColumn("feedback.kind", "Kind", personal=False, default=True),
        ExportColumn("feedback.content", "Content", personal=True, default=True),
    ),
}


@dataclass
class FakeExportService:
    rows: int = 1_234
    fail_with: ShopVaultError | None = None
    requests: list[ExportRequest] = field(default_factory=list)
    subject_calls: list[tuple[int, Path, Path]] = field(default_factory=list)
    passwords: list[str] = field(default_factory=list)
    progress_steps: int = 4
    release: threading.Event | None = None
    """If set, the export waits for it after its first progress report."""
    on_step: Callable[[], None] | None = None
    """Called after each progress report (a test looks at the dialog meanwhile)."""

    def columns(self, kind: ReportKind) -> tuple[ExportColumn, ...]:
        return COLUMNS[kind]

    def can_export(self, session: Session) -> bool:
        return session.allows(Permission.EXPORT_MASKED)

    def can_export_unmasked(self, session: Session) -> bool:
        return session.allows(Permission.EXPORT_UNMASKED)

    def export(self, session: Session, request: ExportRequest,
               progress: ProgressCallback | None = None) -> ExportResult:
        session.require(Permission.EXPORT_MASKED)
        return self._write(request, progress, masked=True)

    def export_unmasked(self, session: Session, request: ExportRequest, owner_password: str,
                        progress: ProgressCallback | None = None) -> ExportResult:
        session.require(Permission.EXPORT_UNMASKED)
        self.passwords.append(owner_password)
        if owner_password != OWNER_PASSWORD:
            raise WrongSecretError()
        return self._write(request, progress, masked=False)

    def export_subject_copy(self, session: Session, customer_id: int, out_xlsx: Path,
                            out_json: Path,
                            progress: ProgressCallback | None = None) -> ExportResult:
        session.require(Permission.EXPORT_SUBJECT_COPY)
        self.subject_calls.append((customer_id, out_xlsx, out_json))
        self._steps(progress)
        out_xlsx.write_bytes(b"xlsx")
        out_json.write_text("{}", encoding="utf-8")
        return ExportResult(out_xlsx, 1, 99, masked=False)

    def _write(self, request: ExportRequest, progress: ProgressCallback | None, *,
               masked: bool) -> ExportResult:
        self.requests.append(request)
        if self.fail_with is not None:
            raise self.fail_with
        self._steps(progress)
        request.out.write_text("fake export", encoding="utf-8")
        return ExportResult(request.out, self.rows, 42, masked=masked,
                            file_password=None if masked else FILE_PASSWORD)

    def _steps(self, progress: ProgressCallback | None) -> None:
        for step in range(self.progress_steps + 1):
            if progress is not None:
                progress(step * self.rows // self.progress_steps, self.rows)
            if self.on_step is not None:
                self.on_step()
            if step == 0 and self.release is not None:
                self.release.wait(10)
