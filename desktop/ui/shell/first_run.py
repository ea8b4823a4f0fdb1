"""First run: language → shop and owner → this PC → recovery code. Ends logged in as owner.

The wizard only collects and checks the form; the controller creates the shop in the
background (``create_requested``) and reports back with ``show_recovery_code`` or
``show_create_error``, and with ``set_demo_progress`` while demo data loads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import ShopVaultError
from desktop.services.accounts import clean_username
from desktop.services.ui_support import MAX_SHOP_NAME_LENGTH, clean_shop_name
from desktop.ui import i18n
from desktop.ui.clipboard_guard import ClipboardGuard
from desktop.ui.error_text import translate_text
from desktop.ui.shell.card import CardScreen, PageStack
from desktop.ui.shell.new_password_fields import NewPasswordFields
from desktop.ui.shell.preferences import LanguageSwitch
from desktop.ui.shell.recovery_code_panel import RecoveryCodePanel
from desktop.ui.shell.style import (
    CHECKBOX_TEXT_INDENT,
    add_field_rows,
    button,
    label,
    named,
    set_property,
    show_field_error,
)

WIZARD_CARD_WIDTH = 660
DEMO_CUSTOMERS = 1_000

LANGUAGE, SHOP, THIS_PC, RECOVERY = range(4)


@dataclass(frozen=True)
class NewShopForm:
    shop_name: str
    owner: str
    password: str = field(repr=False)
    remember: bool
    demo_customers: int


def _page(*widgets: QWidget) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(8)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return page


class FirstRunWizard(CardScreen):
    create_requested = Signal(object)
    """A :class:`NewShopForm`."""
    finished = Signal()

    def __init__(
        self,
        languages: LanguageSwitch,
        clipboard: ClipboardGuard,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(languages, card_width=WIZARD_CARD_WIDTH, parent=parent)
        self._languages = languages
        self._can_remember = True
        self._creating = False
        self._created = False
        self._demo_pending = False
        self._demo_problem = ""

        self.step_labels = [label("step", wrap=False) for _ in range(4)]
        steps = QHBoxLayout()
        steps.setSpacing(14)
        for step_label in self.step_labels:
            steps.addWidget(step_label)
        steps.addStretch(1)
        self.body.addLayout(steps)
        self.body.addSpacing(6)

        self.pages = named(PageStack(), "wizardPages")
        self.pages.addWidget(self._language_page())
        self.pages.addWidget(self._shop_page())
        self.pages.addWidget(self._this_pc_page())
        self.recovery_panel = RecoveryCodePanel(clipboard)
        self.recovery_panel.confirmed_changed.connect(lambda _c: self._update_buttons())
        self.recovery_intro = label("notice")
        self.demo_progress = named(QProgressBar(), "demoProgress")
        self.demo_status = label("hint")
        self.pages.addWidget(
            _page(self.recovery_intro, self.recovery_panel, self.demo_progress, self.demo_status)
        )
        self.body.addWidget(self.pages)

        self.error_label = label("formError")
        self.error_label.setVisible(False)
        self.busy_bar = named(QProgressBar(), "createProgress")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setVisible(False)
        self.busy_text = label("hint")
        self.busy_text.setVisible(False)
        self.body.addWidget(self.error_label)
        self.body.addWidget(self.busy_bar)
        self.body.addWidget(self.busy_text)

        self.back_button = button("backButton")
        self.next_button = button("nextButton", "primary")
        self.next_button.setDefault(True)
        self.back_button.clicked.connect(self._back)
        self.next_button.clicked.connect(self._next)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.next_button)
        self.body.addSpacing(4)
        self.body.addLayout(row)
        # The language step has its own, bigger switch.
        self.language_label.setVisible(False)
        self.language_combo.setVisible(False)
        languages.changed.connect(self._sync_language_buttons)
        self._go(LANGUAGE)

    # ------------------------------------------------------------------ pages

    def _language_page(self) -> QWidget:
        self.language_intro = label("subtitle")
        self.language_buttons = QButtonGroup(self)
        row = QHBoxLayout()
        row.setSpacing(0)
        for index, code in enumerate(i18n.SUPPORTED_LANGUAGES):
            choice = button(f"language_{code}")
            choice.setCheckable(True)
            choice.setProperty("segment", True)
            choice.setProperty("edge", "first" if index == 0 else "last")
            choice.setText(i18n.LANGUAGE_NAMES[code])  # endonyms: never translated
            choice.setMinimumWidth(140)
            self.language_buttons.addButton(choice, index)
            row.addWidget(choice)
        row.addStretch(1)
        self.language_buttons.idClicked.connect(
            lambda index: self._languages.switch(i18n.SUPPORTED_LANGUAGES[index])
        )
        self._sync_language_buttons()
        self.privacy_note = label("hint")
        page = _page(self.language_intro, self.privacy_note)
        layout = page.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(1, row)
        layout.insertSpacing(2, 8)
        return page

    def _shop_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)

        def add(caption: QLabel, widget: QWidget, error: QLabel) -> None:
            add_field_rows(layout, caption, widget, error)

        self.shop_caption, self.shop_error = label("fieldLabel", wrap=False), label("fieldError")
        self.shop_edit = named(QLineEdit(), "shopNameEdit")
        self.shop_edit.setMaxLength(MAX_SHOP_NAME_LENGTH)
        add(self.shop_caption, self.shop_edit, self.shop_error)

        self.owner_caption, self.owner_error = label("fieldLabel", wrap=False), label("fieldError")
        self.owner_edit = named(QLineEdit(), "ownerEdit")
        self.owner_edit.setMaxLength(64)
        self.owner_hint = label("hint")
        add(self.owner_caption, self.owner_edit, self.owner_error)
        layout.addWidget(self.owner_hint)

        self.new_password = NewPasswordFields("passwordEdit", "confirmEdit")
        layout.addWidget(self.new_password)
        # The screen's tests and the flow reach the pieces by these names.
        self.password_field = self.new_password.password_field
        self.password_error = self.new_password.password_error
        self.confirm_field = self.new_password.confirm_field
        self.confirm_error = self.new_password.confirm_error
        self.strength = self.new_password.strength

        self._clear_on_edit(self.shop_edit, self.shop_error)
        self._clear_on_edit(self.owner_edit, self.owner_error)
        for edit in (self.shop_edit, self.owner_edit):
            edit.returnPressed.connect(self.focusNextChild)
        self.new_password.returnPressed.connect(self._next)
        layout.addStretch(1)
        return page

    def _this_pc_page(self) -> QWidget:
        self.remember_check = named(QCheckBox(), "rememberCheck")
        self.remember_note = label("hint")
        self.demo_check = named(QCheckBox(), "demoCheck")
        self.demo_note = label("hint")
        for note in (self.remember_note, self.demo_note):
            note.setIndent(CHECKBOX_TEXT_INDENT)  # lines up with the checkbox's text
        return _page(self.remember_check, self.remember_note, self.demo_check, self.demo_note)

    @staticmethod
    def _clear_on_edit(edit: QLineEdit, error: QLabel) -> None:
        edit.textEdited.connect(lambda _text: show_field_error(edit, error, ""))

    # ------------------------------------------------------------- controller API

    @property
    def step(self) -> int:
        return self.pages.currentIndex()

    def set_can_remember(self, available: bool) -> None:
        self._can_remember = available
        self.remember_check.setEnabled(available)
        self.remember_check.setChecked(available)
        self.retranslateUi()

    def set_creating(self, creating: bool) -> None:
        self._creating = creating
        self.busy_bar.setVisible(creating)
        self.busy_text.setVisible(creating)
        self.pages.setEnabled(not creating)
        self._update_buttons()

    def show_create_error(self, text: str) -> None:
        self.set_creating(False)
        show_field_error(None, self.error_label, text)

    def show_recovery_code(self, code: str, shop_name: str, *, demo_pending: bool) -> None:
        self._created = True
        self._demo_pending = demo_pending
        self.new_password.clear()
        self.recovery_panel.show_code(code, shop_name)
        self.demo_progress.setVisible(demo_pending)
        self.demo_status.setVisible(demo_pending)
        self.demo_progress.setRange(0, 0)
        self.set_creating(False)
        self._go(RECOVERY)

    def set_demo_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.demo_progress.setRange(0, total)
            self.demo_progress.setValue(done)

    def demo_finished(self, problem: str = "") -> None:
        """Demo data is in (or, with a translated ``problem``, could not be loaded)."""
        self._demo_pending = False
        self._demo_problem = problem
        self.demo_progress.setVisible(False)
        self.demo_status.setVisible(bool(problem))
        self.retranslateUi()

    def forget_secrets(self) -> None:
        self.new_password.clear()
        self.recovery_panel.forget()

    # ------------------------------------------------------------------ flow

    def _go(self, step: int) -> None:
        self.pages.setCurrentIndex(step)
        show_field_error(None, self.error_label, "")
        self.retranslateUi()
        focus = {SHOP: self.shop_edit, THIS_PC: self.next_button}.get(step)
        if focus is not None:
            focus.setFocus()

    def _back(self) -> None:
        if self.step in (SHOP, THIS_PC) and not self._creating:
            self._go(self.step - 1)

    def _next(self) -> None:
        if self._creating:
            return
        if self.step == LANGUAGE:
            self._go(SHOP)
        elif self.step == SHOP:
            if self._check_shop_page():
                self._go(THIS_PC)
        elif self.step == THIS_PC:
            self._request_create()
        elif self.step == RECOVERY and self._can_finish():
            self.finished.emit()

    def _check_shop_page(self) -> bool:
        first_bad: QWidget | None = None
        try:
            clean_shop_name(self.shop_edit.text())
            show_field_error(self.shop_edit, self.shop_error, "")
        except ShopVaultError as error:
            show_field_error(self.shop_edit, self.shop_error, self._problem(error))
            first_bad = first_bad or self.shop_edit
        try:
            clean_username(self.owner_edit.text())
            show_field_error(self.owner_edit, self.owner_error, "")
        except ShopVaultError as error:
            show_field_error(self.owner_edit, self.owner_error, self._problem(error))
            first_bad = first_bad or self.owner_edit
        bad_password = self.new_password.check()  # always: every problem shows at once
        first_bad = first_bad or bad_password
        if first_bad is not None:
            first_bad.setFocus()
        return first_bad is None

    @staticmethod
    def _problem(error: ShopVaultError) -> str:
        problem = error.params.get("problem")
        return translate_text(problem) if isinstance(problem, str) else translate_text(
            error.message
        )

    def _request_create(self) -> None:
        show_field_error(None, self.error_label, "")
        self.set_creating(True)
        self.create_requested.emit(
            NewShopForm(
                shop_name=self.shop_edit.text(),
                owner=self.owner_edit.text().strip(),
                password=self.new_password.password(),
                remember=self._can_remember and self.remember_check.isChecked(),
                demo_customers=DEMO_CUSTOMERS if self.demo_check.isChecked() else 0,
            )
        )

    def _can_finish(self) -> bool:
        return self._created and self.recovery_panel.confirmed and not self._demo_pending

    def _update_buttons(self) -> None:
        step = self.step
        self.back_button.setText(self.tr("&Back"))
        self.back_button.setVisible(step in (SHOP, THIS_PC))
        self.back_button.setEnabled(not self._creating)
        if step == THIS_PC:
            self.next_button.setText(
                self.tr("Creating…") if self._creating else self.tr("&Create shop")
            )
            self.next_button.setEnabled(not self._creating)
        elif step == RECOVERY:
            self.next_button.setText(self.tr("&Finish"))
            self.next_button.setEnabled(self._can_finish())
        else:
            self.next_button.setText(self.tr("&Next"))
            self.next_button.setEnabled(True)

    def _sync_language_buttons(self) -> None:
        index = i18n.SUPPORTED_LANGUAGES.index(self._languages.language)
        choice = self.language_buttons.button(index)
        if choice is not None:
            with QSignalBlocker(self.language_buttons):
                choice.setChecked(True)

    # ------------------------------------------------------------------ texts

    def retranslateUi(self) -> None:
        super().retranslateUi()
        step = self.pages.currentIndex()
        names = (
            self.tr("1  Language"),
            self.tr("2  Shop and owner"),
            self.tr("3  This PC"),
            self.tr("4  Recovery code"),
        )
        for index, (step_label, name) in enumerate(zip(self.step_labels, names, strict=True)):
            step_label.setText(name)
            state = "current" if index == step else "done" if index < step else "todo"
            set_property(step_label, "state", state)
        titles = (
            (self.tr("Welcome to ShopVault"),
             self.tr("Set up your shop in four short steps. Choose the language first.")),
            (self.tr("Your shop and its owner"),
             self.tr("The owner account can do everything, including adding staff later.")),
            (self.tr("On this PC"),
             self.tr("Two choices about this computer. You can change the first one later.")),
            (self.tr("Your recovery code"),
             self.tr("Shown only this once. It opens the shop if the owner password is lost.")),
        )
        title, subtitle = titles[step]
        self.title_label.setText(title)
        self.subtitle_label.setText(subtitle)
        self.language_intro.setText(self.tr("Language of the ShopVault window:"))
        self.privacy_note.setText(
            self.tr(
                "Your customer records stay on this computer, encrypted. Nothing is sent "
                "anywhere."
            )
        )
        self.shop_caption.setText(self.tr("&Shop name"))
        self.owner_caption.setText(self.tr("&Owner's user name"))
        self.owner_hint.setText(self.tr("Used to log in, e.g. wang or laowang. No spaces."))
        self.new_password.set_captions(self.tr("Owner &password"),
                                       self.tr("&Repeat the password"))
        self.remember_check.setText(self.tr("&Remember the key on this PC"))
        if self._can_remember:
            self.remember_note.setText(
                self.tr("Staff can log in on this computer without the owner unlocking the "
                        "shop first. The key is kept in the system keyring, never in a file.")
            )
        else:
            self.remember_note.setText(
                self.tr("Not available: this computer has no keyring. The shop will ask for "
                        "the owner password or the recovery code each time it starts.")
            )
        self.demo_check.setText(self.tr("&Load demo data ({count} sample customers)").format(
            count=f"{DEMO_CUSTOMERS:,}"
        ))
        self.demo_note.setText(
            self.tr("Made-up customers, orders and feedback to try ShopVault with. Leave it "
                    "off for the shop you will really use.")
        )
        self.busy_text.setText(
            self.tr("Creating your shop and sealing its keys. This takes a few seconds…")
        )
        self.recovery_intro.setText(
            self.tr("Write this code down on paper or print it, and keep it away from the "
                    "computer. ShopVault cannot show it again.")
        )
        self.demo_status.setText(
            self._demo_problem or self.tr("Loading demo data in the background…")
        )
        self._update_buttons()
