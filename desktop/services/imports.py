"""The import use cases behind the wizard and the ``import`` command (contract:
``import_api.py``).

Only owner and manager may import (``Permission.IMPORT``); every call checks it first. Row
labels are masked unless the role sees personal data unmasked. A run is all or nothing in one
transaction with its audit entry (``import.completed``, counts and file name only); undo
likewise (``import.undone``). The pipeline from parsed rows on is in ``imports_run``; files in
``imports_files``; templates in ``imports_templates``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop.core.import_types import FieldInfo, ImportTarget, RowIssue
from desktop.core.roles import Permission
from desktop.exchange.fields import FIELDS
from desktop.exchange.files_errors import ChangedSinceCheckError
from desktop.exchange.source_files import FileIdentity, SheetCache, open_source
from desktop.services import imports_files, imports_run, imports_templates
from desktop.services.import_api import (
    DryRunReport,
    FileOverview,
    ImportBatch,
    ImportCounts,
    ImportRequest,
    ImportResult,
    ProgressCallback,
    SheetPreview,
)
from desktop.services.imports_run import RowSource
from desktop.services.session import Session
from desktop.services.workspace import Workspace
from desktop.store.imports import BatchRow, list_batches


class ImportService:
    """Implements :class:`desktop.services.import_api.ImportServiceApi`."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace
        # The sheet calamine parsed last: inspect, preview, dry run and run of one file
        # parse it once. The run takes it out (and frees it once its rows are read).
        self._sheets = SheetCache()
        # The file whose rows the last dry run checked, as it was then: the run refuses it
        # if it changed since, rather than import what the owner has not seen.
        self._checked: tuple[Path, FileIdentity] | None = None

    def fields(self) -> tuple[FieldInfo, ...]:
        return FIELDS

    def inspect(self, session: Session, path: Path) -> FileOverview:
        session.require(Permission.IMPORT)
        with open_source(path, cache=self._sheets) as source:
            return imports_files.overview(source)

    def preview(
        self, session: Session, path: Path, sheet: str, header_row: int | None = None
    ) -> SheetPreview:
        session.require(Permission.IMPORT)
        with open_source(path, cache=self._sheets) as source:
            return imports_files.preview(source, sheet, header_row)

    # ------------------------------------------------------------------ templates

    def templates(self, session: Session) -> list[str]:
        session.require(Permission.IMPORT)
        return imports_templates.template_names(self._workspace.shop.db.settings)

    def save_template(self, session: Session, name: str, request: ImportRequest) -> None:
        session.require(Permission.IMPORT)
        db = self._workspace.shop.db
        with db.transaction():
            imports_templates.store_template(db.settings, name, request)
            self._workspace.trail.append(
                session.actor, "import.template_saved", "", {"target": request.target.value}
            )
        self._workspace.trail.anchor()

    def apply_template(self, session: Session, name: str, preview: SheetPreview) -> SheetPreview:
        session.require(Permission.IMPORT)
        return imports_templates.with_template(self._workspace.shop.db.settings, name, preview)

    def delete_template(self, session: Session, name: str) -> None:
        session.require(Permission.IMPORT)
        db = self._workspace.shop.db
        with db.transaction():
            imports_templates.delete_template(db.settings, name)
            self._workspace.trail.append(session.actor, "import.template_deleted", "", {})
        self._workspace.trail.anchor()

    def matching_template(self, session: Session, preview: SheetPreview) -> str | None:
        session.require(Permission.IMPORT)
        return imports_templates.matching_template(self._workspace.shop.db.settings, preview)

    # ------------------------------------------------------------------ dry run and run

    def forget_file(self) -> None:
        self._sheets.clear()
        self._checked = None

    def dry_run(
        self, session: Session, request: ImportRequest, progress: ProgressCallback | None = None
    ) -> DryRunReport:
        session.require(Permission.IMPORT)
        with open_source(request.path, cache=self._sheets) as source:
            self._checked = (request.path, source.identity)
            rows = RowSource(
                source.file_name, request.sheet, imports_files.parsed_rows(source, request),
                imports_files.expected_rows(source, request),
            )
            return imports_run.dry_run_rows(
                self._workspace, session, rows, request.target, request.policy, progress
            )

    def run(
        self, session: Session, request: ImportRequest, progress: ProgressCallback | None = None
    ) -> ImportResult:
        session.require(Permission.IMPORT)
        with open_source(request.path, cache=self._sheets.hand_over()) as source:
            if self._checked is not None and self._checked[0] == request.path and (
                self._checked[1] != source.identity
            ):
                raise ChangedSinceCheckError(source.file_name)
            rows = RowSource(
                source.file_name, request.sheet, imports_files.parsed_rows(source, request),
                imports_files.expected_rows(source, request),
            )
            return imports_run.run_rows(
                self._workspace, session, rows, request.target, request.policy, progress
            )

    def write_error_workbook(
        self, session: Session, request: ImportRequest, report: DryRunReport, out: Path,
        translate: Callable[[str], str] | None = None,
        describe: Callable[[Sequence[RowIssue]], str] | None = None,
    ) -> int:
        session.require(Permission.IMPORT)
        with open_source(request.path, cache=self._sheets) as source:
            return imports_files.write_error_workbook(source, request, report, out, translate,
                                                      describe)

    # ------------------------------------------------------------------ history and undo

    def batches(self, session: Session) -> list[ImportBatch]:
        session.require(Permission.IMPORT)
        return [_batch(row) for row in list_batches(self._workspace.shop.db.reader())]

    def undo(self, session: Session, batch_id: int) -> ImportCounts:
        return imports_run.undo(self._workspace, session, batch_id)


def _batch(row: BatchRow) -> ImportBatch:
    try:
        loaded = json.loads(row.counts)
    except ValueError:
        loaded = {}
    known = {
        name: int(value) for name, value in (loaded if isinstance(loaded, dict) else {}).items()
        if name in ImportCounts.__dataclass_fields__ and isinstance(value, int)
    }
    return ImportBatch(
        batch_id=row.id, file_name=row.file_name, imported_at=row.imported_at,
        imported_by=row.imported_by, counts=ImportCounts(**known), undone_at=row.undone_at,
        sheet=row.sheet, target=ImportTarget(row.target), undone_by=row.undone_by,
    )
