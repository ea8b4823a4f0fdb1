"""Composition root of the GUI: application, language, look, task runner, clipboard guard,
idle watcher and the controller that takes it from there (first run / unlock / login →
workspace).

``main.py`` calls :func:`run_gui` when no sub-command is given. Importing this module has no
side effects: no QApplication, no files touched, no database engine loaded, not even Qt (the
services and the shell are imported inside :func:`run_gui`, in the order
:func:`load_services_before_qt` explains).
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from pathlib import Path

from desktop.services.paths import ShopPaths, resolve_home

APP_NAME = "ShopVault"
ORGANIZATION_NAME = "ShopVault"

log = logging.getLogger(__name__)


def load_services_before_qt() -> None:
    """Import the layers under the window (services, store, security: ~300 modules) before
    PySide6 is imported.

    Once PySide6 is imported, it checks every module imported after it for its
    ``__feature__`` support by reading the module's whole source (``inspect.getsource``),
    which stays in ``linecache``: imported first, these modules cost the window ~13 MiB less
    for good. The import and export services are not among them: the window imports them
    when first used (``desktop.ui.shell.page_factories``).
    """
    import desktop.services.consents
    import desktop.services.customers
    import desktop.services.feedback
    import desktop.services.orders
    import desktop.services.ui_support  # noqa: F401


def run_gui(argv: list[str], home: Path | None = None, demo: bool = False) -> int:
    """Show the ShopVault window and run the event loop; return the exit code.

    ``argv`` are the command-line arguments after the program name and ShopVault's own
    options (Qt's own, such as ``-platform offscreen``, are honoured); ``home`` is
    ``--home`` if given. ``demo`` opens a throw-away demo shop in a temporary folder that is
    removed on exit, with nothing stored in the keyring. Reuses a running QApplication.
    """
    load_services_before_qt()
    from PySide6.QtWidgets import QApplication

    from desktop.ui import i18n

    existing = QApplication.instance()
    if existing is not None and not isinstance(existing, QApplication):
        raise RuntimeError("A non-GUI Qt application is already running in this process.")
    app = existing if existing is not None else QApplication([_program_name(), *argv])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION_NAME)

    from desktop.ui.clipboard_guard import ClipboardGuard
    from desktop.ui.idle_lock import IdleWatcher
    from desktop.ui.shell.controller import AppController
    from desktop.ui.shell.preferences import LanguageSwitch, Preferences, startup_language
    from desktop.ui.shell.style import apply_style
    from desktop.ui.tasks import TaskRunner

    preferences = Preferences()
    language = i18n.install_translators(app, startup_language(preferences))
    apply_style(app)
    languages = LanguageSwitch(preferences, language)

    demo_dir = Path(tempfile.mkdtemp(prefix="shopvault-demo-")) if demo else None
    if demo_dir is not None and home is not None:
        log.warning("--demo uses a temporary shop; --home is ignored")
    paths = ShopPaths(demo_dir / "shop" if demo_dir is not None else resolve_home(home))

    runner = TaskRunner()
    clipboard = ClipboardGuard()
    idle = IdleWatcher()
    controller = AppController(
        paths, runner=runner, clipboard=clipboard, idle=idle, languages=languages,
        preferences=preferences, demo=demo,
    )
    app.aboutToQuit.connect(controller.shutdown)
    try:
        idle.start()
        controller.window.show()
        controller.start()
        return app.exec()
    finally:
        app.aboutToQuit.disconnect(controller.shutdown)
        controller.shutdown()
        idle.stop()
        controller.window.deleteLater()
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)


def _program_name() -> str:
    return sys.argv[0] if sys.argv and sys.argv[0] else APP_NAME
