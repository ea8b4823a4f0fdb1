"""The composition root: run_gui, --demo, the language at start, no import side effects."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtWidgets import QApplication

import main as entry_point
from desktop import app as desktop_app
from desktop.ui import i18n
from desktop.ui.shell.first_run import FirstRunWizard
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.shell.shell_window import ShellWindow

ROOT = Path(__file__).resolve().parents[2]


def shell_windows() -> list[ShellWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, ShellWindow)]


def run_and_inspect(qapp, inspect, *, timeout_s: float = 15.0, **run_gui_args) -> int:
    """Run the app; call ``inspect(window)`` until it returns True, then quit with 7."""
    deadline = time.monotonic() + timeout_s
    failure: list[BaseException] = []

    def poll() -> None:
        try:
            windows = [w for w in shell_windows() if w.isVisible()]
            if windows and inspect(windows[0]):
                qapp.exit(7)
                return
            if time.monotonic() > deadline:
                raise TimeoutError("the expected screen never came")
            QTimer.singleShot(50, poll)
        except BaseException as exc:  # noqa: BLE001 — never leave the loop running
            failure.append(exc)
            qapp.exit(1)

    QTimer.singleShot(0, poll)
    code = desktop_app.run_gui([], **run_gui_args)
    if failure:
        raise failure[0]
    return code


def test_run_gui_starts_the_first_run_on_a_fresh_pc(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("SHOPVAULT_HOME", str(tmp_path / "new shop"))
    monkeypatch.setenv("SHOPVAULT_LANG", "en")
    monkeypatch.setenv("SHOPVAULT_KEYRING", "none")

    def on_first_run(window: ShellWindow) -> bool:
        assert window.windowTitle() == "ShopVault 客户保险箱"
        return isinstance(window.current_screen(), FirstRunWizard)

    assert run_and_inspect(qapp, on_first_run) == 7
    assert qapp.applicationName() == "ShopVault"
    assert qapp.organizationName() == "ShopVault"
    assert not (tmp_path / "new shop").exists()  # nothing is created before the wizard ends


def test_demo_opens_a_throw_away_shop_logged_in_as_owner(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("SHOPVAULT_LANG", "en")
    made: list[Path] = []
    real_mkdtemp = tempfile.mkdtemp

    def recording_mkdtemp(*args, **kwargs):
        path = real_mkdtemp(*args, dir=tmp_path, **kwargs)
        made.append(Path(path))
        return path

    monkeypatch.setattr(tempfile, "mkdtemp", recording_mkdtemp)
    seen: dict[str, object] = {}

    def on_main(window: ShellWindow) -> bool:
        main = window.current_screen()
        if not isinstance(main, MainWindow):
            return False
        seen["title"] = window.windowTitle()
        seen["user"] = main.session.user.username
        seen["customers"] = main.context.workspace.shop.db.customers.count()
        seen["remembered"] = main.context.workspace.is_remembered()
        return True

    assert run_and_inspect(qapp, on_main, demo=True) == 7
    assert seen == {
        "title": "ShopVault 客户保险箱 — Demo shop",
        "user": "demo",
        "customers": 1_000,
        "remembered": False,
    }
    assert len(made) == 1 and not made[0].exists()  # removed on exit


def test_demo_option_is_in_the_help_and_only_for_the_app(capsys):
    with pytest.raises(SystemExit) as help_exit:
        entry_point.main(["--help"])
    assert help_exit.value.code == 0
    assert "--demo" in capsys.readouterr().out

    with pytest.raises(SystemExit) as usage:
        entry_point.main(["--demo", "users", "list"])
    assert usage.value.code == 2


def test_chinese_installs_app_and_qt_translators_and_a_cjk_font(qapp):
    i18n.install_translators(qapp, i18n.CHINESE)
    installed = qapp.findChildren(QTranslator, "shopvault-translator")
    assert len(installed) >= 1  # ours; plus qtbase_zh_CN where PySide6 ships it
    if cjk := i18n.installed_cjk_families():
        assert qapp.font().families()[0] == cjk[0]

    i18n.install_translators(qapp, i18n.ENGLISH)
    [english] = qapp.findChildren(QTranslator, "shopvault-translator")  # the plural forms only
    assert english.language() == "en_US" and english.filePath().endswith("shopvault_en.qm")


def test_importing_the_app_has_no_side_effects():
    probe = (
        "import sys, desktop.app\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "assert QCoreApplication.instance() is None, 'QApplication created at import'\n"
        "assert 'sqlcipher3' not in sys.modules, 'sqlcipher3 imported by the GUI root'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
