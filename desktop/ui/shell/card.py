"""The look shared by the screens before the workspace: a centred white card on a calm
background, with the product name, a title, a line of explanation, the screen's own content
and a language switch at the bottom. Small windows scroll instead of clipping."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import i18n
from desktop.ui.shell.preferences import LanguageSwitch
from desktop.ui.shell.style import PRODUCT_NAME, add_field_rows, label, named

DEFAULT_CARD_WIDTH = 560


class CardScreen(QWidget):
    """Base of the gate screens. Subclasses fill ``self.body`` and implement
    ``retranslateUi()``, calling ``super().retranslateUi()``."""

    def __init__(
        self,
        languages: LanguageSwitch,
        *,
        card_width: int = DEFAULT_CARD_WIDTH,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._languages = languages
        self.card = named(QFrame(), "card")
        self.card.setMaximumWidth(card_width)
        # Not Maximum vertically: that caps the card at a height measured for a wider card,
        # and wrapped text then squeezes the fields. The layout gives it its height for width.
        self.card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self.card)
        layout.setContentsMargins(40, 32, 40, 24)
        layout.setSpacing(8)

        self.brand_label = label("brand", wrap=False)
        self.brand_label.setText(PRODUCT_NAME)
        self.title_label = label("title")
        self.subtitle_label = label("subtitle")
        layout.addWidget(self.brand_label)
        layout.addWidget(self.title_label)
        layout.addWidget(self.subtitle_label)
        layout.addSpacing(12)

        self.body = QVBoxLayout()
        self.body.setSpacing(8)
        layout.addLayout(self.body)
        layout.addSpacing(14)
        layout.addLayout(self._footer())

        background = named(QWidget(), "gateBackground")
        outer = QVBoxLayout(background)
        outer.setContentsMargins(24, 24, 24, 24)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card, 100)
        row.addStretch(1)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        scroll = named(QScrollArea(), "gateScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(background)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.addWidget(scroll)

        languages.changed.connect(self._sync_language_combo)

    def _footer(self) -> QHBoxLayout:
        self.language_label = label("hint", wrap=False)
        self.language_combo = named(QComboBox(), "languageCombo")
        for code in i18n.SUPPORTED_LANGUAGES:
            self.language_combo.addItem(i18n.LANGUAGE_NAMES[code], code)
        self.language_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.language_label.setBuddy(self.language_combo)
        self._sync_language_combo()
        self.language_combo.currentIndexChanged.connect(self._on_language_chosen)
        self.footer = QHBoxLayout()
        self.footer.setSpacing(8)
        self.footer.addWidget(self.language_label)
        self.footer.addWidget(self.language_combo)
        self.footer.addStretch(1)
        return self.footer

    def add_field(self, caption: QLabel, field: QWidget, error: QLabel | None = None) -> None:
        """A caption above its field, and the field's error line below it (hidden until
        there is an error)."""
        add_field_rows(self.body, caption, field, error)
        self.body.addSpacing(4)

    # ------------------------------------------------------------------ translation

    def retranslateUi(self) -> None:  # Qt's name for it, as in uic-generated code
        # Not self.tr(): that would look the text up under the subclass's name.
        self.language_label.setText(QCoreApplication.translate("CardScreen", "Language:"))
        self.language_combo.setToolTip(
            QCoreApplication.translate("CardScreen", "Language of the ShopVault window")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def _on_language_chosen(self, index: int) -> None:
        code = self.language_combo.itemData(index)
        if code:
            self._languages.switch(code)

    def _sync_language_combo(self) -> None:
        index = self.language_combo.findData(self._languages.language)
        if index >= 0:
            with QSignalBlocker(self.language_combo):
                self.language_combo.setCurrentIndex(index)


class PageStack(QWidget):
    """Shows one page at a time and is as tall as that page (a QStackedWidget is as tall as
    its tallest page, which left the short steps floating in a tall card)."""

    def __init__(self) -> None:
        super().__init__()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._pages: list[QWidget] = []
        self._current = -1

    def addWidget(self, page: QWidget) -> None:
        self._pages.append(page)
        self._layout.addWidget(page)
        page.setVisible(len(self._pages) - 1 == self._current)

    def count(self) -> int:
        return len(self._pages)

    def widget(self, index: int) -> QWidget:
        return self._pages[index]

    def currentIndex(self) -> int:
        return self._current

    def currentWidget(self) -> QWidget | None:
        return self._pages[self._current] if 0 <= self._current < len(self._pages) else None

    def setCurrentIndex(self, index: int) -> None:
        self._current = index
        for position, page in enumerate(self._pages):
            page.setVisible(position == index)
