from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from desktop.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "shopvault_zh_CN.ts"
QM_FILE = ROOT / "resources" / "translations" / "shopvault_zh_CN.qm"
EN_TS_FILE = ROOT / "resources" / "translations" / "shopvault_en.ts"
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


def ts_messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS_FILE).getroot()
    return [
        (context.findtext("name", ""), message.findtext("source", ""), message.find("translation"))
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def translated_texts(translation: ET.Element) -> list[str]:
    """The translation, or each plural form of a ``%n`` message (``<numerusform>``)."""
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def lrelease() -> str:
    tool = Path(sys.executable).parent / "pyside6-lrelease"
    return str(tool) if tool.exists() else "pyside6-lrelease"


def test_every_message_in_the_ts_is_finished():
    messages = ts_messages()
    assert messages, "no messages: was the .ts generated from the sources?"
    unfinished = [
        (context, source)
        for context, source, translation in messages
        if translation is None
        or translation.get("type")
        or not all(text.strip() for text in translated_texts(translation))
    ]
    assert unfinished == []


def test_translations_keep_their_placeholders():
    for context, source, translation in ts_messages():
        assert translation is not None
        for text in translated_texts(translation):
            assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(source)), (
                context,
                source,
            )
            assert ("%n" in text) == ("%n" in source), (context, source)


def test_committed_qm_is_built_from_the_committed_ts(tmp_path):
    assert QM_FILE.is_file()
    built = tmp_path / QM_FILE.name
    subprocess.run(
        [lrelease(), "-nounfinished", "-silent", str(TS_FILE), "-qm", str(built)],
        check=True,
    )
    assert built.read_bytes() == QM_FILE.read_bytes(), (
        "stale .qm: run `uv run python tools/update_translations.py`"
    )


def test_update_tool_check_passes():
    """Sources, .ts and .qm agree: no string added to the code without a translation."""
    result = subprocess.run(
        [sys.executable, "tools/update_translations.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("explicit", "env", "system", "expected"),
    [
        ("zh_CN", "en", "en_US", "zh_CN"),  # explicit argument wins
        ("en", "zh_CN", "zh_CN", "en"),
        ("zh-CN", None, "en_US", "zh_CN"),
        (None, "zh_CN", "en_US", "zh_CN"),  # then $SHOPVAULT_LANG
        (None, "en", "zh_CN", "en"),
        (None, "klingon", "zh_CN", "zh_CN"),  # unsupported env value ignored
        (None, None, "zh_CN", "zh_CN"),  # then the system locale
        (None, None, "zh_TW", "zh_CN"),  # any Chinese → Simplified Chinese
        (None, None, "en_GB", "en"),
        (None, None, "de_DE", "en"),
        (None, "", "C", "en"),
    ],
)
def test_language_precedence(explicit, env, system, expected):
    environ = {} if env is None else {"SHOPVAULT_LANG": env}
    chosen = i18n.choose_language(explicit, environ=environ, system_locale=QLocale(system))
    assert chosen == expected


def test_unsupported_explicit_language_is_refused():
    with pytest.raises(ValueError, match="Unsupported language"):
        i18n.choose_language("fr")


def test_translation_file_is_found_from_any_working_directory(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert i18n.app_translation_file(i18n.CHINESE) == QM_FILE


def test_english_catalogue_holds_the_plural_forms_only():
    messages = list(ET.parse(EN_TS_FILE).getroot().iter("message"))
    assert messages, "no English plurals: run tools/update_translations.py"
    for message in messages:
        source = message.findtext("source", "")
        assert message.get("numerus") == "yes", source
        translation = message.find("translation")
        assert translation is not None and not translation.get("type"), source
        one, many = translated_texts(translation)
        assert "(s)" not in one + many, source
        # The count is %n, or {count} where it is shown with the UI locale's separators.
        assert "%n" in many or "{count}" in many, source
        assert set(PLACEHOLDER.findall(one)) == set(PLACEHOLDER.findall(source)), source
        assert set(PLACEHOLDER.findall(many)) == set(PLACEHOLDER.findall(source)), source


@pytest.mark.parametrize(
    ("context", "source", "one", "two"),
    [
        ("SheetStep", "{count} row(s)", "{count} row", "{count} rows"),
        ("CheckStep", "{count} new feedback entry(s)", "{count} new feedback entry",
         "{count} new feedback entries"),
        ("ImportWizard", "Saved {count} row(s) with their reasons to {file}.",
         "Saved {count} row with its reason to {file}.",
         "Saved {count} rows with their reasons to {file}."),
        ("ImportHistory", "{count} customer(s)", "{count} customer", "{count} customers"),
    ],
)
def test_english_ui_says_1_row_and_2_rows(qapp, context, source, one, two):
    assert i18n.install_translators(qapp, i18n.ENGLISH) == i18n.ENGLISH
    assert QCoreApplication.translate(context, source, "", 1) == one
    assert QCoreApplication.translate(context, source, "", 2) == two
    i18n.install_translators(qapp, i18n.CHINESE)
    assert QCoreApplication.translate("SheetStep", "{count} row(s)", "", 2) == "{count} 行"


def test_update_tool_flags_a_plural_form_left_as_s():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import update_translations as tool
    finally:
        sys.path.pop(0)
    left = tool.Message("SheetStep", "%n row(s)", "", ("1 row", "%n row(s)"), "", numerus=True)
    done = tool.Message("SheetStep", "%n row(s)", "", ("1 row", "%n rows"), "", numerus=True)
    assert tool.message_problems([left]) and tool.message_problems([done]) == []
