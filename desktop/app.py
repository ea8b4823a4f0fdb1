"""Composition root of the GUI: paths → (later: unlock → store → services) → window.

``main.py`` calls :func:`run_gui` when no sub-command is given. Importing this module has no
side effects: no QApplication, no files touched, no database engine loaded.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop.services.paths import ShopPaths, resolve_home
from desktop.ui import i18n
from desktop.ui.welcome_window import WelcomeWindow

APP_NAME = "ShopVault"
ORGANIZATION_NAME = "ShopVault"


def run_gui(argv: list[str], home: Path | None = None) -> int:
    """Show the ShopVault window and run the event loop; return the exit code.

    ``argv`` are the command-line arguments after the program name and ShopVault's own
    options; ``home`` is ``--home`` if given (Qt's own options such
    as ``-platform offscreen`` are honoured). Reuses a running QApplication if there is one.
    """
    existing = QApplication.instance()
    if existing is not None and not isinstance(existing, QApplication):
        raise RuntimeError("A non-GUI Qt application is already running in this process.")
    app = existing if existing is not None else QApplication([_program_name(), *argv])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION_NAME)

    language = i18n.install_translators(app)
    paths = ShopPaths(resolve_home(home))
    window = WelcomeWindow(shop_exists=paths.exists(), home=paths.home, language=language)
    window.show()
    return app.exec()


def _program_name() -> str:
    return sys.argv[0] if sys.argv and sys.argv[0] else APP_NAME
