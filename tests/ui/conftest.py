"""Qt widget tests run headless: the offscreen platform, English unless a test switches."""

from __future__ import annotations

import os

# Before any QApplication exists (pytest-qt creates it lazily in the qapp fixture).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtWidgets import QApplication

from desktop.ui import i18n
from tests.ui.shell_support import controller_factory, create_shared_shop


@pytest.fixture(autouse=True)
def _english_ui(monkeypatch: pytest.MonkeyPatch, qapp: QApplication):
    """No test sees the developer's $SHOPVAULT_LANG, and none leaves Chinese installed.
    Every test starts in English as the app shows it: with the English plural forms."""
    monkeypatch.delenv(i18n.LANGUAGE_ENV, raising=False)
    i18n.install_translators(qapp, i18n.ENGLISH)
    yield
    app = QApplication.instance()
    if app is not None:
        i18n.install_translators(app, i18n.ENGLISH)


@pytest.fixture
def new_controller(qtbot, tmp_path):
    """A fresh controller (the app's start) on a shop home in ``tmp_path``."""
    yield from controller_factory(qtbot, tmp_path)


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """One shop per test module, made once (Argon2id and demo data are slow); tests copy or
    only read it."""
    return create_shared_shop(tmp_path_factory.mktemp("shared") / "shop")
