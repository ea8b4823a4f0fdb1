"""The window's export service is imported on the first export, not with the window: who may
export and which columns there are is answered without it exactly as the real service
answers, and the exports reach it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop.core.models import Customer
from desktop.core.roles import Role
from desktop.services.export_api import ExportFormat, ExportRequest, ReportKind
from desktop.services.exports import ExportService
from desktop.services.session import Session
from desktop.ui.shell.deferred_export import DeferredExportService

ROOT = Path(__file__).resolve().parents[2]


def test_permissions_match_the_real_service(shop) -> None:
    sessions = [shop.owner]
    for name, role in (("zhao", Role.MANAGER), ("li", Role.STAFF), ("shen", Role.AUDITOR)):
        sessions.append(Session(shop.workspace.accounts.add_user(
            shop.owner, name, role, "Some-pass-4242")))
    deferred, real = DeferredExportService(shop.workspace), ExportService(shop.workspace)
    for session in sessions:
        assert deferred.can_export(session) == real.can_export(session), session.user.role
        assert (deferred.can_export_unmasked(session)
                == real.can_export_unmasked(session)), session.user.role
    for kind in ReportKind:
        assert deferred.columns(kind) == real.columns(kind)
    assert not deferred.loaded  # asking did not load the service


def test_calls_reach_the_real_service(shop, tmp_path: Path) -> None:
    db = shop.workspace.shop.db
    with db.transaction():
        db.customers.add(Customer(id=None, name="张三", phone="+8613812345678"))
    deferred = DeferredExportService(shop.workspace)
    out = tmp_path / "customers.csv"
    result = deferred.export(shop.owner, ExportRequest(ReportKind.CUSTOMERS, out,
                                                       fmt=ExportFormat.CSV))
    assert deferred.loaded
    assert result.rows == 1 and result.masked
    assert "13812345678" not in out.read_text(encoding="utf-8-sig")


def test_the_window_does_not_import_the_file_libraries() -> None:
    """What the login screen and the Customers page import leaves out the import and export
    services and their libraries (they are imported when first used)."""
    probe = (
        "import sys\n"
        "from desktop.app import load_services_before_qt\n"
        "load_services_before_qt()\n"
        "import desktop.ui.shell.controller\n"
        "late = ['xlsxwriter', 'openpyxl', 'python_calamine', 'msoffcrypto', 'pypinyin',\n"
        "        'charset_normalizer', 'desktop.services.exports', 'desktop.services.imports',\n"
        "        'desktop.ui.pages.import_page', 'desktop.ui.pages.orders_page']\n"
        "print([name for name in late if name in sys.modules])\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                          text=True, check=True, env={"QT_QPA_PLATFORM": "offscreen",
                                                      "PATH": "/usr/bin:/bin"})
    assert done.stdout.strip() == "[]", done.stdout + done.stderr
