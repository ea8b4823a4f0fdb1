"""Per-PC preferences of the window (QSettings) and the live language switch.

Only harmless things live here: the UI language and the last user name that logged in to a
shop folder (to save typing at the counter). Shop data and settings stay in the database.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal

from desktop.ui import i18n

_LANGUAGE_KEY = "ui/language"


class Preferences:
    """A thin, typed layer over QSettings; tests pass a QSettings on a temporary file."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings if settings is not None else QSettings()

    def language(self) -> str | None:
        value = self._settings.value(_LANGUAGE_KEY)
        return i18n.normalise_language(value) if isinstance(value, str) and value else None

    def set_language(self, language: str) -> None:
        self._settings.setValue(_LANGUAGE_KEY, language)
        self._settings.sync()

    def last_user(self, home: Path) -> str:
        value = self._settings.value(_shop_key(home, "last_user"))
        return value if isinstance(value, str) else ""

    def set_last_user(self, home: Path, username: str) -> None:
        self._settings.setValue(_shop_key(home, "last_user"), username)
        self._settings.sync()


def _shop_key(home: Path, name: str) -> str:
    digest = hashlib.sha256(str(home).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"shops/{digest}/{name}"


def startup_language(preferences: Preferences) -> str:
    """``$SHOPVAULT_LANG`` (set for this run) > the saved preference > the system locale."""
    if os.environ.get(i18n.LANGUAGE_ENV, "").strip():
        return i18n.choose_language()
    saved = preferences.language()
    return saved if saved is not None else i18n.choose_language()


class LanguageSwitch(QObject):
    """Switches the UI language live and remembers the choice on this PC."""

    changed = Signal(str)

    def __init__(
        self, preferences: Preferences, language: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._preferences = preferences
        self._language = language

    @property
    def language(self) -> str:
        return self._language

    def switch(self, language: str) -> None:
        if language == self._language:
            return
        app = QCoreApplication.instance()
        if app is None:
            return
        # Installing translators sends LanguageChange to every widget → retranslateUi().
        self._language = i18n.install_translators(app, language)
        self._preferences.set_language(self._language)
        self.changed.emit(self._language)
