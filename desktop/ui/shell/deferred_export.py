"""The export service for the window's pages, imported on the first export.

``desktop.services.exports`` brings XlsxWriter, msoffcrypto, the CSV writer and the report
plans (~13 MiB, ~100 modules; ~0.3 s to import) that the window does not need until someone
exports. What the GUI thread asks before that — may this user export (the pages' Export
buttons), which columns are there (the export dialog's form) — is answered here from the
same permissions and column catalogue as the service (``tests/ui/test_deferred_export.py``
keeps the answers equal); the exports themselves go to the real service, imported on the
first one, on the task's worker thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from desktop.core.roles import Permission
from desktop.services.export_api import (
    ExportColumn,
    ExportRequest,
    ExportResult,
    ExportServiceApi,
    ProgressCallback,
    ReportKind,
)
from desktop.services.exports_columns import CATALOGUE
from desktop.services.session import Session
from desktop.services.workspace import Workspace


class DeferredExportService:
    """:class:`ExportServiceApi` over ``ExportService(workspace)``, made when first needed."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace
        self._service: ExportServiceApi | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._service is not None

    def _real(self) -> ExportServiceApi:
        with self._lock:
            if self._service is None:
                from desktop.services.exports import ExportService

                self._service = ExportService(self._workspace)
            return self._service

    def can_export(self, session: Session) -> bool:
        return session.allows(Permission.EXPORT_MASKED)

    def can_export_unmasked(self, session: Session) -> bool:
        return session.allows(Permission.EXPORT_UNMASKED)

    def columns(self, kind: ReportKind) -> tuple[ExportColumn, ...]:
        return tuple(column.column for column in CATALOGUE[kind])

    def export(self, session: Session, request: ExportRequest,
               progress: ProgressCallback | None = None) -> ExportResult:
        return self._real().export(session, request, progress)

    def export_unmasked(self, session: Session, request: ExportRequest, owner_password: str,
                        progress: ProgressCallback | None = None) -> ExportResult:
        return self._real().export_unmasked(session, request, owner_password, progress)

    def export_subject_copy(self, session: Session, customer_id: int, out_xlsx: Path,
                            out_json: Path, progress: ProgressCallback | None = None,
                            translate: Callable[[str], str] | None = None) -> ExportResult:
        return self._real().export_subject_copy(session, customer_id, out_xlsx, out_json,
                                                progress, translate)
