"""The contract of the import service the wizard and the CLI use (implemented in imports.py).

Flow: ``inspect`` a file → ``preview`` a sheet (header row found, layout recognised, mapping
suggested) → the user edits the mapping → ``dry_run`` labels every row → ``run`` imports all
or nothing → later ``undo`` the whole import. Only owner and manager may import.

Long calls take ``progress(done, total)``; raising from it (e.g. the UI's cancel) stops the
call and nothing stays. Reasons and problems are English source texts with ``{placeholders}``
like :class:`desktop.core.errors.ShopVaultError`, so the UI translates them the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from desktop.core.import_types import (
    ColumnMapping,
    FieldInfo,
    ImportTarget,
    MatchPolicy,
    RowAction,
    RowIssue,
)
from desktop.services.session import Session

__all__ = [
    "ColumnMapping", "DryRunReport", "FieldInfo", "FileOverview", "ImportBatch", "ImportCounts",
    "ImportRequest", "ImportResult", "ImportServiceApi", "ImportTarget", "MatchPolicy",
    "ProgressCallback", "RowAction", "RowIssue", "RowOutcome", "SheetChoice", "SheetPreview",
]

ProgressCallback = Callable[[int, int], None]
"""``progress(done, total)``: ``done`` of ``total`` steps of the whole operation (reading,
checking and, for a run, saving), a share to show as such — not a count of rows."""


@dataclass(frozen=True, slots=True)
class SheetChoice:
    name: str
    rows: int | None  # None when unknown without reading the whole sheet
    looks_like: ImportTarget | None
    score: float  # how sure looks_like is, 0..1


@dataclass(frozen=True, slots=True)
class FileOverview:
    file_name: str  # the name only, never the folder
    kind: str  # "xlsx", "csv" or "tsv": what the content is, whatever the extension says
    encoding: str | None  # for text files, e.g. "utf-8-sig", "gb18030", "utf-16"
    sheets: tuple[SheetChoice, ...]
    suggested_sheet: str


@dataclass(frozen=True, slots=True)
class SheetPreview:
    sheet: str
    header_row: int  # 0-based index into the sheet's rows (title rows above it are skipped)
    top_rows: tuple[tuple[str, ...], ...]  # the first rows as display text, for choosing
    layout: str | None  # a recognised layout's id, e.g. "taobao_orders"; None if unknown
    layout_name: str  # English source text, e.g. "Taobao / Tmall order list"
    target: ImportTarget
    mapping: tuple[ColumnMapping, ...]
    # columns whose field was guessed (no layout, no exact synonym) or that share a field
    # with another column that takes one value: the wizard asks the user to check them
    unsure_columns: tuple[int, ...] = ()
    template: str = ""  # the saved template applied, if any
    template_missing: tuple[str, ...] = ()  # its columns this sheet does not have


@dataclass(frozen=True, slots=True)
class ImportRequest:
    path: Path
    sheet: str
    header_row: int
    target: ImportTarget
    mapping: tuple[ColumnMapping, ...]
    policy: MatchPolicy = MatchPolicy.FILL_EMPTY
    layout: str | None = None  # SheetPreview.layout: platform, time zone, date order


@dataclass(frozen=True, slots=True)
class RowOutcome:
    row: int  # 1-based, as the spreadsheet shows it
    action: RowAction
    label: str  # who or what the row is, masked per the importer's role
    issues: tuple[RowIssue, ...] = ()  # errors, and warnings on rows that still import
    same_as_row: int | None = None  # for DUPLICATE: the first row it merges into


@dataclass(frozen=True, slots=True)
class ImportCounts:
    created: int = 0
    updated: int = 0
    duplicates: int = 0
    rejected: int = 0
    skipped: int = 0  # matched an existing record the policy leaves alone
    skipped_blank: int = 0
    skipped_summary: int = 0  # 合计/Total rows, and the header repeated inside the data
    orders_created: int = 0
    feedback_created: int = 0
    customers_created: int = 0  # customers the import adds (buyers of orders included)
    customers_updated: int = 0  # stored customers it changes (buyers of orders included)
    orders_updated: int = 0  # stored orders it changes (status, amounts, items …)


@dataclass(frozen=True, slots=True)
class DryRunReport:
    counts: ImportCounts
    rows: Sequence[RowOutcome]


@dataclass(frozen=True, slots=True)
class ImportResult:
    batch_id: int
    counts: ImportCounts
    errors: tuple[RowIssue, ...]


@dataclass(frozen=True, slots=True)
class ImportBatch:
    batch_id: int
    file_name: str
    imported_at: str  # UTC ISO-8601
    imported_by: str
    counts: ImportCounts
    undone_at: str | None
    sheet: str = ""
    target: ImportTarget | None = None
    undone_by: str | None = None


class ImportServiceApi(Protocol):
    """Every call checks that the session may import (PermissionDeniedError); bad files raise
    a ShopVaultError naming the file and the problem."""

    def fields(self) -> tuple[FieldInfo, ...]: ...

    def inspect(self, session: Session, path: Path) -> FileOverview: ...

    def preview(
        self, session: Session, path: Path, sheet: str, header_row: int | None = None
    ) -> SheetPreview:
        """``header_row`` None: found automatically; else the mapping is suggested for it."""

    def templates(self, session: Session) -> list[str]: ...

    def save_template(self, session: Session, name: str, request: ImportRequest) -> None: ...

    def apply_template(self, session: Session, name: str, preview: SheetPreview) -> SheetPreview:
        """The preview with the template's mapping applied by header text (names ignore
        case); ``template_missing`` lists the template's columns the sheet lacks.
        TemplateNotFoundError, or TemplateDoesNotFitError when it has none of them."""

    def delete_template(self, session: Session, name: str) -> None: ...

    def matching_template(self, session: Session, preview: SheetPreview) -> str | None:
        """The saved template made from a sheet with the same headers, if any."""

    def forget_file(self) -> None:
        """Drop the parsed sheet kept between the steps of one import (inspect, preview,
        dry run); call it when the import is abandoned. A run drops it by itself."""
        ...

    def dry_run(
        self, session: Session, request: ImportRequest, progress: ProgressCallback | None = None
    ) -> DryRunReport: ...

    def run(
        self, session: Session, request: ImportRequest, progress: ProgressCallback | None = None
    ) -> ImportResult:
        """All or nothing; audited."""

    def write_error_workbook(
        self, session: Session, request: ImportRequest, report: DryRunReport, out: Path,
        translate: Callable[[str], str] | None = None,
        describe: Callable[[Sequence[RowIssue]], str] | None = None,
    ) -> int:
        """The file's rows that have errors, as they were, plus a column with the reasons;
        .xlsx written atomically. Returns how many rows it holds. ``translate`` turns an
        English text (a reason before its placeholders are filled, the sheet and column
        names) into the user's language; ``describe``, if given, words one row's errors
        as the screen does (with the field each is about)."""

    def batches(self, session: Session) -> list[ImportBatch]: ...

    def undo(self, session: Session, batch_id: int) -> ImportCounts:
        """Remove what the import created and restore what it updated; audited. All or
        nothing. Records changed since the import are left as they are. Returned counts:
        ``customers_created`` / ``orders_created`` / ``feedback_created`` = removed,
        ``customers_updated`` / ``orders_updated`` = restored, ``skipped`` = left because
        changed since."""
