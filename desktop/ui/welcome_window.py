"""The first window: what ShopVault is, whether a shop exists here, and how to start.

A stand-in until the full workspace arrives. It shows no personal data — only the shop
folder, which the owner chose — and never puts anything but the product name in its title.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QDir, QEvent, QSignalBlocker, QSize, Qt
from PySide6.QtGui import QAction, QFontDatabase, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import i18n

CREATE_COMMAND = "uv run main.py init --shop NAME --owner USER"
HELP_COMMAND = "uv run main.py --help"

_W = TypeVar("_W", bound=QWidget)

_CARD_MAX_WIDTH = 700
_PREFERRED_SIZE = QSize(960, 680)

_STYLE = """
#welcomeBackground { background: #eef1f5; }
#card {
    background: #ffffff;
    border: 1px solid #d8dde5;
    border-radius: 12px;
}
#card QLabel { color: #1f2933; background: transparent; }
#card QLabel#title { font-size: 24pt; font-weight: 700; color: #13202d; }
#card QLabel#description { font-size: 12pt; color: #52606d; }
#card QLabel#sectionHeading { font-size: 12pt; font-weight: 600; }
#card QLabel#hint { color: #52606d; }
#card QLabel#status { font-weight: 600; border-radius: 6px; padding: 8px 12px; }
#card QLabel#status[shopExists="true"] { background: #e6f4ea; color: #1e5e34; }
#card QLabel#status[shopExists="false"] { background: #fff4de; color: #7a4a00; }
#card QLabel#home { color: #3e4c59; padding: 0 12px; }
#card QLabel#command {
    background: #f4f5f7;
    border: 1px solid #e1e4e8;
    border-radius: 6px;
    padding: 6px 10px;
    color: #13202d;
}
#card QFrame#separator { background: #e4e7eb; border: none; max-height: 1px; }
"""


def _named(widget: _W, name: str) -> _W:
    widget.setObjectName(name)  # the style sheet and tests find widgets by these names
    return widget


class WelcomeWindow(QMainWindow):
    """Product name, one-line description, shop status, command-line help, language, Quit."""

    def __init__(
        self,
        shop_exists: bool,
        home: Path,
        language: str = i18n.ENGLISH,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._shop_exists = shop_exists
        self._home = home
        self._language = language
        self.setObjectName("welcomeWindow")
        self.setStyleSheet(_STYLE)
        self._build()
        self.retranslateUi()
        self._sync_language_combo()
        self.resize(self._initial_size())

    # ----------------------------------------------------------------- building

    def _build(self) -> None:
        card = _named(QFrame(), "card")
        card.setMaximumWidth(_CARD_MAX_WIDTH)
        card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(36, 30, 36, 26)
        layout.setSpacing(10)

        self.title_label = self._label("title")
        self.description_label = self._label("description")
        layout.addWidget(self.title_label)
        layout.addWidget(self.description_label)
        layout.addSpacing(4)
        separator = _named(QFrame(), "separator")
        separator.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(separator)
        layout.addSpacing(4)

        self.status_label = self._label("status")
        self.status_label.setProperty("shopExists", "true" if self._shop_exists else "false")
        self.home_label = self._label("home", selectable=True)
        self.home_label.setText(QDir.toNativeSeparators(str(self._home)))
        layout.addWidget(self.status_label)
        layout.addWidget(self.home_label)

        self.getting_started_label = self._label("sectionHeading")
        self.instructions_label = self._label("hint")
        self.create_caption_label = self._label("caption")
        self.create_command_label = self._command_label(CREATE_COMMAND)
        self.help_caption_label = self._label("caption")
        self.help_command_label = self._command_label(HELP_COMMAND)
        layout.addSpacing(8)
        for widget in (
            self.getting_started_label,
            self.instructions_label,
            self.create_caption_label,
            self.create_command_label,
            self.help_caption_label,
            self.help_command_label,
        ):
            layout.addWidget(widget)
        layout.addSpacing(10)
        layout.addLayout(self._build_bottom_row())

        background = _named(QWidget(), "welcomeBackground")
        outer = QVBoxLayout(background)
        outer.setContentsMargins(24, 24, 24, 24)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 100)
        row.addStretch(1)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)

        # Small screens scroll instead of clipping; big ones keep the card centred.
        scroll = _named(QScrollArea(), "welcomeScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(background)
        self.setCentralWidget(scroll)

        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.close)
        self.addAction(self.quit_action)

    def _build_bottom_row(self) -> QHBoxLayout:
        self.language_label = self._label("languageLabel", wrap=False)
        self.language_combo = _named(QComboBox(), "languageCombo")
        for code in i18n.SUPPORTED_LANGUAGES:
            self.language_combo.addItem(i18n.LANGUAGE_NAMES[code], code)
        self.language_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.language_combo.currentIndexChanged.connect(self._on_language_chosen)
        self.language_label.setBuddy(self.language_combo)

        self.quit_button = _named(QPushButton(), "quitButton")
        self.quit_button.setAutoDefault(False)
        self.quit_button.setMinimumWidth(96)
        self.quit_button.clicked.connect(self.close)

        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.language_label)
        row.addWidget(self.language_combo)
        row.addStretch(1)
        row.addWidget(self.quit_button)
        return row

    def _label(self, name: str, *, wrap: bool = True, selectable: bool = False) -> QLabel:
        label = _named(QLabel(), name)
        label.setTextFormat(Qt.TextFormat.PlainText)  # a path or name is never markup
        label.setWordWrap(wrap)
        if selectable:
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _command_label(self, command: str) -> QLabel:
        label = self._label("command", wrap=False, selectable=True)
        label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        label.setText(command)  # a command to type, not prose: never translated
        return label

    def _initial_size(self) -> QSize:
        screen = self.screen()
        if screen is None:
            return _PREFERRED_SIZE
        available = screen.availableGeometry().size()
        return _PREFERRED_SIZE.boundedTo(
            QSize(available.width() * 9 // 10, available.height() * 9 // 10)
        )

    # ------------------------------------------------------------- translation

    def retranslateUi(self) -> None:  # Qt's name for it, as in uic-generated code
        self.setWindowTitle(self.tr("ShopVault 客户保险箱"))  # product name only, never data
        self.title_label.setText(self.tr("ShopVault"))
        self.description_label.setText(
            self.tr("Your shop's customer records, encrypted on this computer.")
        )
        if self._shop_exists:
            self.status_label.setText(self.tr("A shop is set up in this folder:"))
        else:
            self.status_label.setText(self.tr("No shop has been set up in this folder yet:"))
        self.getting_started_label.setText(self.tr("Getting started"))
        self.instructions_label.setText(
            self.tr(
                "The full workspace is coming soon. For now, set up and use your shop from "
                "a terminal opened in the ShopVault program folder."
            )
        )
        self.create_caption_label.setText(
            self.tr(
                "Create your shop (replace NAME with the shop's name and USER with "
                "the owner's user name):"
            )
        )
        self.help_caption_label.setText(self.tr("See all commands:"))
        self.language_label.setText(self.tr("&Language:"))
        self.language_combo.setToolTip(self.tr("Language of the ShopVault window"))
        self.quit_button.setText(self.tr("&Quit"))
        self.quit_action.setText(self.tr("Quit ShopVault"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    # ---------------------------------------------------------------- language

    @property
    def language(self) -> str:
        return self._language

    def _on_language_chosen(self, index: int) -> None:
        code = self.language_combo.itemData(index)
        if not code or code == self._language:
            return
        app = QCoreApplication.instance()
        if app is None:
            return
        # Installing translators sends LanguageChange to every widget → retranslateUi().
        self._language = i18n.install_translators(app, code)
        self._sync_language_combo()

    def _sync_language_combo(self) -> None:
        index = self.language_combo.findData(self._language)
        if index >= 0:
            with QSignalBlocker(self.language_combo):
                self.language_combo.setCurrentIndex(index)
