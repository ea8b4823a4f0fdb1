from __future__ import annotations

import getpass
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from desktop import app as desktop_app
from desktop.ui import i18n
from desktop.ui.welcome_window import WelcomeWindow

PRODUCT_TITLE = "ShopVault 客户保险箱"
DESCRIPTION_EN = "Your shop's customer records, encrypted on this computer."
DESCRIPTION_ZH = "店铺的客户资料，加密保存在这台电脑上。"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def make_window(qtbot, tmp_path):
    def make(shop_exists: bool = False, home: Path | None = None) -> WelcomeWindow:
        window = WelcomeWindow(shop_exists=shop_exists, home=home or tmp_path / "home")
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def choose(window: WelcomeWindow, language: str) -> None:
    window.language_combo.setCurrentIndex(window.language_combo.findData(language))


def test_window_shows_product_name_and_description(make_window):
    window = make_window()

    assert window.isVisible()
    assert window.windowTitle() == PRODUCT_TITLE
    assert window.title_label.text() == "ShopVault"
    assert window.description_label.text() == DESCRIPTION_EN
    assert "uv run main.py init --shop NAME --owner USER" in window.create_command_label.text()
    assert window.help_command_label.text() == "uv run main.py --help"


def test_title_carries_no_personal_data(qtbot, make_window, tmp_path):
    home = tmp_path / "张三的店" / "13812345678"
    window = make_window(shop_exists=True, home=home)

    for language, description in ((i18n.CHINESE, DESCRIPTION_ZH), (i18n.ENGLISH, DESCRIPTION_EN)):
        choose(window, language)
        qtbot.waitUntil(lambda d=description: window.description_label.text() == d)
        title = window.windowTitle()
        assert title == PRODUCT_TITLE
        assert str(home) not in title
        assert "张三" not in title
        assert "13812345678" not in title
        assert getpass.getuser() not in title


def test_language_switch_retranslates_live_and_back(qtbot, make_window):
    window = make_window()
    assert window.language == i18n.ENGLISH

    choose(window, i18n.CHINESE)
    assert window.language == i18n.CHINESE
    # Qt posts LanguageChange to each window; changeEvent → retranslateUi on delivery.
    qtbot.waitUntil(lambda: window.description_label.text() == DESCRIPTION_ZH)
    assert window.quit_button.text() == "退出(&Q)"
    assert window.language_label.text() == "语言(&L)："

    choose(window, i18n.ENGLISH)
    assert window.language == i18n.ENGLISH
    qtbot.waitUntil(lambda: window.description_label.text() == DESCRIPTION_EN)
    assert window.quit_button.text() == "&Quit"


def test_window_follows_a_language_change_made_elsewhere(qtbot, qapp, make_window):
    window = make_window(shop_exists=True)

    i18n.install_translators(qapp, i18n.CHINESE)

    qtbot.waitUntil(lambda: window.status_label.text() == "已在以下文件夹中建立店铺：")


def test_language_names_stay_in_their_own_language(qtbot, make_window):
    window = make_window()
    choose(window, i18n.CHINESE)
    qtbot.waitUntil(lambda: window.description_label.text() == DESCRIPTION_ZH)
    names = [window.language_combo.itemText(i) for i in range(window.language_combo.count())]
    assert names == ["简体中文", "English"]


def test_window_built_after_install_starts_in_that_language(qtbot, qapp, tmp_path):
    assert i18n.install_translators(qapp, "zh_CN") == i18n.CHINESE
    window = WelcomeWindow(shop_exists=False, home=tmp_path, language=i18n.CHINESE)
    qtbot.addWidget(window)
    assert window.description_label.text() == DESCRIPTION_ZH
    assert window.language_combo.currentData() == i18n.CHINESE


def test_built_qm_loads_and_translates_a_known_string():
    translator = QTranslator()
    assert translator.load(str(i18n.app_translation_file(i18n.CHINESE)))
    assert translator.translate("WelcomeWindow", "&Quit") == "退出(&Q)"
    assert translator.translate("WelcomeWindow", DESCRIPTION_EN) == DESCRIPTION_ZH


def test_chinese_installs_app_and_qt_translators_and_a_cjk_font(qapp):
    i18n.install_translators(qapp, i18n.CHINESE)
    installed = qapp.findChildren(QTranslator, "shopvault-translator")
    assert len(installed) >= 1  # ours; plus qtbase_zh_CN where PySide6 ships it
    if cjk := i18n.installed_cjk_families():
        assert qapp.font().families()[0] == cjk[0]

    i18n.install_translators(qapp, i18n.ENGLISH)
    assert qapp.findChildren(QTranslator, "shopvault-translator") == []


@pytest.mark.parametrize(
    ("exists", "expected"),
    [
        (True, "A shop is set up in this folder:"),
        (False, "No shop has been set up in this folder yet:"),
    ],
)
def test_status_reflects_whether_a_shop_exists(make_window, tmp_path, exists, expected):
    window = make_window(shop_exists=exists, home=tmp_path / "shop home")

    assert window.status_label.text() == expected
    assert window.home_label.text() == str(tmp_path / "shop home")


def test_run_gui_shows_the_window_and_returns_the_exit_code(qapp, tmp_path, monkeypatch):
    (tmp_path / "shop.db").write_bytes(b"")
    monkeypatch.setenv("SHOPVAULT_HOME", str(tmp_path))
    monkeypatch.setenv("SHOPVAULT_LANG", "zh_CN")
    seen: list[WelcomeWindow] = []

    def inspect_and_quit() -> None:
        try:
            seen.extend(w for w in QApplication.topLevelWidgets() if isinstance(w, WelcomeWindow))
            for window in seen:
                assert window.isVisible()
                assert window.status_label.text() == "已在以下文件夹中建立店铺："
                window.close()
        finally:
            qapp.exit(7)  # never leave the loop running, even when an assertion fails

    QTimer.singleShot(0, inspect_and_quit)
    assert desktop_app.run_gui([]) == 7
    assert len(seen) == 1
    assert qapp.applicationName() == "ShopVault"
    assert qapp.organizationName() == "ShopVault"


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
