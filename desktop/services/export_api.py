"""The contract of the export service the export dialog and the CLI use (implemented in
exports.py). DESIGN §4/§5: masked by default for every role, formula-injection-safe, a cover
sheet in every workbook, every export audited; unmasked only for the owner, with the password
re-entered and a purpose, into a password-protected .xlsx.

Long calls take ``progress(done, total)``; raising from it (the UI's cancel) stops the
export and leaves no file under the final name. Labels and reasons are English source texts
the UI translates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from desktop.services.customer_views import CustomerFilter, CustomerSort
from desktop.services.order_views import FeedbackFilter, OrderFilter
from desktop.services.session import Session

ProgressCallback = Callable[[int, int], None]


class ReportKind(StrEnum):
    CUSTOMERS = "customers"
    ORDERS = "orders"  # with their items
    FEEDBACK = "feedback"


class ExportFormat(StrEnum):
    XLSX = "xlsx"
    CSV = "csv"


class CsvEncoding(StrEnum):
    UTF8_BOM = "utf-8-sig"  # Excel opens Chinese text correctly
    GB18030 = "gb18030"  # for older Chinese Excel / WPS set-ups, on request


@dataclass(frozen=True, slots=True)
class ExportColumn:
    key: str  # stable, e.g. "customer.phone"
    label: str  # English source text; the UI translates it
    personal: bool  # masked unless the export is unmasked
    default: bool  # chosen unless the user unticks it


@dataclass(frozen=True, slots=True)
class ExportRequest:
    kind: ReportKind
    out: Path
    fmt: ExportFormat = ExportFormat.XLSX
    columns: tuple[str, ...] = ()  # ExportColumn keys in order; empty = the defaults
    purpose: str = ""  # why the data leaves the shop; stated on the cover sheet and audited
    customers: CustomerFilter | None = None  # what the user has on screen, or chosen
    customer_sort: CustomerSort | None = None
    orders: OrderFilter | None = None
    feedback: FeedbackFilter | None = None
    csv_encoding: CsvEncoding = CsvEncoding.UTF8_BOM
    pseudonymous_key: bool = False  # add a keyed, per-shop customer key column for joining
    translate: Callable[[str], str] | None = None
    """Translates the English source texts written into the file (sheet names, headers, the
    cover); None writes them in English. The UI passes its translator."""


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    rows: int  # data rows written (for orders: item rows and order rows as reported)
    audit_seq: int  # the export's entry in the audit log (also on the cover sheet)
    masked: bool
    file_password: str | None = None  # unmasked exports only: shown once, never stored
    sheet_rows: tuple[tuple[str, int], ...] = ()  # data rows per sheet, as on the cover
    sha256: str = ""  # of the file written (also in the audit log)


class ExportServiceApi(Protocol):
    """Every call checks the session (PermissionDeniedError): owner and manager export masked;
    staff and auditor may not export personal data."""

    def columns(self, kind: ReportKind) -> tuple[ExportColumn, ...]: ...

    def can_export(self, session: Session) -> bool: ...

    def can_export_unmasked(self, session: Session) -> bool: ...

    def export(
        self, session: Session, request: ExportRequest, progress: ProgressCallback | None = None
    ) -> ExportResult:
        """Masked export; written to a temp name and renamed; audited."""

    def export_unmasked(
        self,
        session: Session,
        request: ExportRequest,
        owner_password: str,
        progress: ProgressCallback | None = None,
    ) -> ExportResult:
        """Owner only, password re-checked, purpose required; a password-protected .xlsx
        whose password is in the result; audited with columns, row count and file hash."""

    def export_subject_copy(
        self,
        session: Session,
        customer_id: int,
        out_xlsx: Path,
        out_json: Path,
        progress: ProgressCallback | None = None,
    ) -> ExportResult:
        """Everything held about one person (profile, orders, feedback, consents, who accessed
        or revealed their data) as .xlsx and JSON — PIPL Art. 45, GDPR Art. 15/20. Owner only;
        audited."""
