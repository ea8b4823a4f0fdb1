"""The application's look (``resources/styles/app.qss``) and small widget helpers.

Widgets get object names and dynamic properties; the style sheet decides how they look.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

log = logging.getLogger(__name__)

_W = TypeVar("_W", bound=QWidget)

PRODUCT_NAME = "ShopVault 客户保险箱"  # the product's name in both languages: never translated
CHECKBOX_TEXT_INDENT = 26  # indicator (16 px, app.qss) + spacing (8 px) + border


def style_sheet_path() -> Path:
    return Path(__file__).resolve().parents[3] / "resources" / "styles" / "app.qss"


def load_style_sheet() -> str:
    """The sheet, with ``@STYLES@`` (the folder of its images) made absolute."""
    path = style_sheet_path()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        log.warning("Style sheet not loaded (%s); using the platform look", type(exc).__name__)
        return ""
    return text.replace("@STYLES@", path.parent.as_posix())


def apply_style(app: QApplication) -> None:
    """Fusion (the same on every platform, so the style sheet behaves alike) plus our sheet."""
    app.setStyle("Fusion")
    app.setStyleSheet(load_style_sheet())


def window_title(shop_name: str = "") -> str:
    """The product name, and the shop's name once known: never anything about customers."""
    name = " ".join(shop_name.split())
    return f"{PRODUCT_NAME} — {name}" if name else PRODUCT_NAME


def named(widget: _W, name: str) -> _W:
    widget.setObjectName(name)  # the style sheet and the tests find widgets by these names
    return widget


def label(name: str, *, wrap: bool = True, selectable: bool = False) -> QLabel:
    widget = named(QLabel(), name)
    widget.setTextFormat(Qt.TextFormat.PlainText)  # names and paths are never markup
    widget.setWordWrap(wrap)
    if selectable:
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


def add_field_rows(
    layout: QBoxLayout, caption: QLabel, field: QWidget, error: QLabel | None = None
) -> None:
    """A caption above its field (its buddy: the shortcut focuses the field), and the field's
    error line below it, hidden until there is an error."""
    caption.setBuddy(field.focusProxy() or field)
    layout.addWidget(caption)
    layout.addWidget(field)
    if error is not None:
        error.setVisible(False)
        layout.addWidget(error)


def button(name: str, role: str = "secondary") -> QPushButton:
    widget = named(QPushButton(), name)
    widget.setProperty("role", role)
    widget.setAutoDefault(False)
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    return widget


def separator() -> QFrame:
    line = named(QFrame(), "separator")
    line.setFrameShape(QFrame.Shape.HLine)
    return line


def set_property(widget: QWidget, name: str, value: object) -> None:
    """Set a dynamic property the style sheet selects on, and re-apply the style."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def show_field_error(field: QLineEdit | None, error_label: QLabel, text: str) -> None:
    """Show ``text`` under a field (empty text hides it) and mark the field invalid."""
    error_label.setText(text)
    error_label.setVisible(bool(text))
    if field is not None:
        set_property(field, "invalid", "true" if text else "false")
