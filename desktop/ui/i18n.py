"""UI language: choosing it, loading translations, and a font that can show Chinese.

Source strings are English. Simplified Chinese comes from
``resources/translations/shopvault_zh_CN.qm`` (built from the ``.ts`` beside it by
``tools/update_translations.py``) plus Qt's own ``qtbase_zh_CN`` for standard dialogs.
English loads ``shopvault_en.qm``, which holds only the English plural forms
("1 row" / "%n rows" for ``tr("%n row(s)", "", n)``).

Nothing happens at import time; every function takes the application it acts on.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

CHINESE = "zh_CN"
ENGLISH = "en"
SUPPORTED_LANGUAGES = (CHINESE, ENGLISH)

# Shown in the language switch in their own language (endonyms), whatever the current UI
# language is: someone who cannot read the current language must still find their own.
LANGUAGE_NAMES = {CHINESE: "简体中文", ENGLISH: "English"}

LANGUAGE_ENV = "SHOPVAULT_LANG"
TRANSLATION_BASENAME = "shopvault"

# First one installed wins; these cover Linux, Windows, macOS and Adobe/Google installs.
CJK_FONT_FAMILIES = ("Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC")

_TRANSLATOR_NAME = "shopvault-translator"


def translations_dir() -> Path:
    """``resources/translations`` of this checkout (independent of the working directory)."""
    return Path(__file__).resolve().parents[2] / "resources" / "translations"


def app_translation_file(language: str) -> Path:
    return translations_dir() / f"{TRANSLATION_BASENAME}_{language}.qm"


def normalise_language(value: str) -> str | None:
    """Map "zh_CN", "zh-Hans-CN", "zh_TW.UTF-8", "en_GB", … to a supported language, else None."""
    tag = value.strip().replace("-", "_").lower()
    if tag.startswith("zh"):
        return CHINESE
    if tag == "en" or tag.startswith("en_") or tag in {"c", "posix"}:
        return ENGLISH
    return None


def choose_language(
    language: str | None = None,
    environ: Mapping[str, str] | None = None,
    system_locale: QLocale | None = None,
) -> str:
    """Explicit ``language`` > ``$SHOPVAULT_LANG`` > system locale (any Chinese → zh_CN).

    An explicit language that is not supported raises ``ValueError``; an unsupported
    environment value is ignored with a warning, and an unknown locale means English.
    """
    if language is not None:
        chosen = normalise_language(language)
        if chosen is None:
            supported = ", ".join(SUPPORTED_LANGUAGES)
            raise ValueError(f"Unsupported language {language!r}; use one of: {supported}.")
        return chosen

    env_value = (os.environ if environ is None else environ).get(LANGUAGE_ENV, "").strip()
    if env_value:
        chosen = normalise_language(env_value)
        if chosen is not None:
            return chosen
        log.warning("Ignoring %s=%r: not one of %s", LANGUAGE_ENV, env_value, SUPPORTED_LANGUAGES)

    locale = QLocale.system() if system_locale is None else system_locale
    ui_languages = locale.uiLanguages()
    tag = ui_languages[0] if ui_languages else locale.name()
    if locale.language() == QLocale.Language.Chinese or tag.lower().startswith("zh"):
        return CHINESE
    return ENGLISH


def install_translators(app: QCoreApplication, language: str | None = None) -> str:
    """Choose the UI language and (re)install its translators on ``app``; return it.

    Safe to call again to switch language live: the previous ShopVault translators are
    removed first, and Qt sends ``QEvent.LanguageChange`` to every widget, whose
    ``changeEvent`` retranslates it.
    """
    chosen = choose_language(language)
    _remove_translators(app)
    app_file = app_translation_file(chosen)
    if not _install(app, app_file):
        log.warning("UI translation %s could not be loaded; showing English", app_file)
    if chosen != ENGLISH:
        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        qt_file = qt_dir / f"qtbase_{chosen}.qm"
        if qt_file.is_file() and not _install(app, qt_file):
            log.warning("Qt translation %s could not be loaded", qt_file)
    if isinstance(app, QApplication):
        apply_font_fallback(app, chosen)
    return chosen


def ui_locale() -> QLocale:
    """The locale of the UI language installed now, whatever the system's own locale is:
    numbers read "99,600" in the language the user reads the window in."""
    app = QCoreApplication.instance()
    translators = app.findChildren(QTranslator, _TRANSLATOR_NAME) if app is not None else []
    if any(normalise_language(t.language()) == CHINESE for t in translators):
        return QLocale(CHINESE)
    return QLocale("en_US")


def installed_cjk_families() -> list[str]:
    available = set(QFontDatabase.families())
    return [family for family in CJK_FONT_FAMILIES if family in available]


def apply_font_fallback(app: QApplication, language: str) -> None:
    """Give the application font a Simplified-Chinese fallback so Han text never shows boxes.

    For Chinese the CJK font comes first (consistent Chinese and Latin glyphs, and SC glyph
    shapes rather than a Japanese font chosen by the system); for English it only backs up
    the system font. Without any CJK font installed the font is left alone.
    """
    cjk = installed_cjk_families()
    if not cjk:
        log.info("No Simplified Chinese font found among %s", CJK_FONT_FAMILIES)
        return
    font = QFont(app.font())
    base = [f for f in font.families() if f not in CJK_FONT_FAMILIES] or [font.family()]
    families = [*cjk, *base] if language == CHINESE else [*base, *cjk]
    if font.families() != families:
        font.setFamilies(families)
        app.setFont(font)


def _install(app: QCoreApplication, path: Path) -> bool:
    translator = QTranslator(app)  # parented: lives exactly as long as the application
    translator.setObjectName(_TRANSLATOR_NAME)
    if translator.load(str(path)) and app.installTranslator(translator):
        return True
    translator.setParent(None)  # back to Python ownership: freed with this wrapper
    return False


def _remove_translators(app: QCoreApplication) -> None:
    for translator in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        app.removeTranslator(translator)
        translator.setParent(None)  # back to Python ownership: freed with this wrapper
