"""Add or edit a customer: every ``CustomerDraft`` field, saved through the service in the
background. The service validates and normalises; each problem it names (``FieldErrors``)
is shown at its field — red border, translated message underneath — and nothing typed is
lost. Success closes the dialog.

Editing starts from the profile as the role sees it. A masked value left as it is keeps
what is stored (the service compares it with the masked form of the stored value); so does
the resident ID, which a role other than the owner only ever sees masked — it replaces it
by typing a new, whole ID.

The owner's field key opens a moment after the login; an edit form opened before shows the
ID masked. When the key opens (field_key_notices) the form asks for the whole ID and puts it
in the field if the field still shows the masked form; anything typed stays as typed (left
masked, the field keeps the stored ID on saving either way).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import FieldErrors
from desktop.core.roles import Role
from desktop.services.customer_api import CustomerServiceApi
from desktop.services.customer_views import CustomerDraft, CustomerProfile
from desktop.services.session import Session
from desktop.ui.error_text import describe_error, translate_text
from desktop.ui.field_key_notices import field_key_notices
from desktop.ui.models.customer_columns import format_cents
from desktop.ui.tasks import TaskContext, TaskSubmitter

FieldWidget = QLineEdit | QComboBox | QPlainTextEdit

# Red border for any invalid field (the application style sheet covers line edits only).
_INVALID_STYLE = """
QLineEdit[invalid="true"], QComboBox[invalid="true"], QPlainTextEdit[invalid="true"] {
    border: 1px solid #b42318;
    border-radius: 7px;
    background: #fffafa;
}
QLabel#fieldError { color: #b42318; }
"""


def _tr(text: str) -> str:
    return QCoreApplication.translate("CustomerDialog", text)


@dataclass(frozen=True, slots=True)
class _Spec:
    key: str
    """The ``CustomerDraft`` attribute (and the name ``FieldErrors`` uses)."""
    label: Callable[[], str]
    kind: str = "line"
    """line | gender | level (a line offering the shop's levels) | notes"""
    placeholder: Callable[[], str] = lambda: ""


FIELDS: tuple[_Spec, ...] = (
    _Spec("name", lambda: _tr("Name *")),
    _Spec("phone", lambda: _tr("Phone"), placeholder=lambda: _tr("e.g. 138 1234 5678")),
    _Spec("member_no", lambda: _tr("Member no."),
          placeholder=lambda: _tr("Optional")),
    _Spec("gender", lambda: _tr("Gender"), kind="gender"),
    _Spec("birthday", lambda: _tr("Birthday"),
          placeholder=lambda: _tr("1990-03-07, 1990/3/7, 1990年3月7日 or 03-07")),
    _Spec("resident_id", lambda: _tr("Resident ID"),
          placeholder=lambda: _tr("18 characters, e.g. 11010519491231002X")),
    _Spec("email", lambda: _tr("E-mail")),
    _Spec("wechat_id", lambda: _tr("WeChat ID")),
    _Spec("level", lambda: _tr("Level"), kind="level"),
    _Spec("points", lambda: _tr("Points")),
    _Spec("balance", lambda: _tr("Stored-value balance (¥)")),
    _Spec("province", lambda: _tr("Province")),
    _Spec("city", lambda: _tr("City")),
    _Spec("district", lambda: _tr("District")),
    _Spec("address_detail", lambda: _tr("Street address")),
    _Spec("tags", lambda: _tr("Tags"), placeholder=lambda: _tr("Separate with commas or 、")),
    _Spec("source", lambda: _tr("Source"), placeholder=lambda: _tr("e.g. walk-in, Taobao")),
    _Spec("notes", lambda: _tr("Notes"), kind="notes"),
)
LEFT_COLUMN = ("name", "phone", "member_no", "gender", "birthday", "resident_id", "email",
               "wechat_id", "level")
RIGHT_COLUMN = ("points", "balance", "province", "city", "district", "address_detail", "tags",
                "source", "")
FULL_WIDTH = ("notes",)

GENDERS = ("", "female", "male", "other")


def _gender_names() -> dict[str, str]:
    return {"": _tr("Not stated"), "female": _tr("Female"), "male": _tr("Male"),
            "other": _tr("Other")}


def draft_from_profile(profile: CustomerProfile) -> CustomerDraft:
    """The form's starting values for editing: what the role sees."""
    return CustomerDraft(
        name=profile.name, phone=profile.phone, member_no=profile.member_no,
        gender=profile.gender, birthday=profile.birthday, email=profile.email,
        wechat_id=profile.wechat_id, province=profile.province, city=profile.city,
        district=profile.district, address_detail=profile.address_detail, level=profile.level,
        points=str(profile.points), balance=format_cents(profile.balance_cents).replace("¥", ""),
        tags="、".join(profile.tags), notes=profile.notes, source=profile.source,
        resident_id=profile.resident_id,
    )


class CustomerDialog(QDialog):
    """Add (``customer is None``) or edit one customer. Emits ``saved(id)`` then closes."""

    saved = Signal(int)

    def __init__(
        self,
        service: CustomerServiceApi,
        session: Session,
        runner: TaskSubmitter,
        customer: CustomerProfile | None = None,
        levels: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customerDialog")
        self.setStyleSheet(_INVALID_STYLE)
        self._service = service
        self._session = session
        self._runner = runner
        self.customer_id = customer.id if customer is not None else None
        self._saving = False
        self._fetching_id = False
        self._dispose_when_done = False
        self._masked_resident_id = (
            customer.resident_id
            if customer is not None and customer.resident_id_masked
            and session.user.role is Role.OWNER else None
        )
        """The owner's form showing the ID masked: it waits for the field key."""
        self.captions: dict[str, QLabel] = {}
        self.inputs: dict[str, FieldWidget] = {}
        self.errors: dict[str, QLabel] = {}

        self.form_error = QLabel()
        self.form_error.setObjectName("formError")
        self.form_error.setWordWrap(True)
        self.form_error.setVisible(False)
        body = QWidget()
        body.setObjectName("customerForm")
        grid = QGridLayout(body)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(2)
        specs = {spec.key: spec for spec in FIELDS}
        for column, keys in enumerate((LEFT_COLUMN, RIGHT_COLUMN)):
            for number, key in enumerate(keys):
                if key:
                    self._add_field(grid, specs[key], 3 * number, column, levels)
        row = 3 * max(len(LEFT_COLUMN), len(RIGHT_COLUMN))
        for key in FULL_WIDTH:
            self._add_field(grid, specs[key], row, 0, levels, span=2)
            row += 3
        grid.setRowStretch(row, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)

        self.save_button = QPushButton()
        self.save_button.setObjectName("saveCustomer")
        self.save_button.setProperty("role", "primary")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelCustomer")
        self.cancel_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.addWidget(self.form_error)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

        self.save_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.retranslateUi()
        self.set_draft(CustomerDraft(name="") if customer is None else draft_from_profile(customer))
        self.resize(760, 700)
        if self._masked_resident_id is not None:
            field_key_notices().opened.connect(self._field_key_opened)

    def _add_field(
        self,
        grid: QGridLayout,
        spec: _Spec,
        row: int,
        column: int,
        levels: Sequence[str],
        span: int = 1,
    ) -> None:
        caption = QLabel()
        caption.setObjectName("fieldLabel")
        widget: FieldWidget
        if spec.kind == "gender":
            widget = QComboBox()
            for value in GENDERS:
                widget.addItem("", value)
            widget.currentIndexChanged.connect(lambda _=0, k=spec.key: self.set_field_error(k, ""))
        elif spec.kind == "notes":
            widget = QPlainTextEdit()
            widget.setTabChangesFocus(True)
            widget.setFixedHeight(68)
            widget.textChanged.connect(lambda k=spec.key: self.set_field_error(k, ""))
        else:
            widget = QLineEdit()
            widget.textEdited.connect(lambda _="", k=spec.key: self.set_field_error(k, ""))
            if spec.kind == "level":  # the shop's levels offered, a new one may be typed
                completer = QCompleter([level for level in levels if level], widget)
                completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
                widget.setCompleter(completer)
        widget.setObjectName(f"field_{spec.key}")
        caption.setBuddy(widget)
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.setVisible(False)
        grid.addWidget(caption, row, column, 1, span)
        grid.addWidget(widget, row + 1, column, 1, span)
        grid.addWidget(error, row + 2, column, 1, span)
        self.captions[spec.key] = caption
        self.inputs[spec.key] = widget
        self.errors[spec.key] = error

    # -------------------------------------------------------------------------- values

    def value(self, key: str) -> str:
        widget = self.inputs[key]
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QComboBox):
            return str(widget.currentData() or "")
        return widget.text()

    def set_value(self, key: str, text: str) -> None:
        widget = self.inputs[key]
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(text)
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(widget.findData(text), 0))
        else:
            widget.setText(text)

    def draft(self) -> CustomerDraft:
        return CustomerDraft(**{spec.key: self.value(spec.key) for spec in FIELDS})

    def set_draft(self, draft: CustomerDraft) -> None:
        for spec in FIELDS:
            self.set_value(spec.key, getattr(draft, spec.key))

    # ------------------------------------------------------------------------ errors

    def set_field_error(self, key: str, problem: str) -> None:
        """Show ``problem`` (already translated) under the field; "" clears it."""
        label, widget = self.errors[key], self.inputs[key]
        label.setText(problem)
        label.setVisible(bool(problem))
        invalid = "true" if problem else "false"
        if widget.property("invalid") != invalid:
            widget.setProperty("invalid", invalid)
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def field_errors(self) -> dict[str, str]:
        """Shown problems by field (for tests)."""
        return {key: label.text() for key, label in self.errors.items() if label.text()}

    def show_errors(self, errors: FieldErrors) -> None:
        for key in self.inputs:
            self.set_field_error(key, "")
        unplaced: list[str] = []
        for key, problem in errors.errors.items():
            text = translate_text(problem)
            if key in self.inputs:
                self.set_field_error(key, text)
            else:
                unplaced.append(text)
        summary = describe_error(errors)
        self.form_error.setText(" ".join([summary, *unplaced]))
        self.form_error.setVisible(True)
        first = next((key for key in self.inputs if key in errors.errors), None)
        if first is not None:
            self.inputs[first].setFocus()

    # ------------------------------------------------------------------------ saving

    def submit(self) -> None:
        if self._saving:
            return
        draft = self.draft()
        service, session, customer_id = self._service, self._session, self.customer_id
        self.save_button.setEnabled(False)
        self.form_error.setVisible(False)

        def save(_ctx: TaskContext) -> int:
            if customer_id is None:
                return service.add(session, draft)
            service.update(session, customer_id, draft)
            return customer_id

        self._saving = True
        self._runner.submit(
            save, on_success=self._saved, on_failure=self._failed, on_finished=self._done
        )

    def _done(self) -> None:
        self._saving = False
        if self._dispose_when_done:
            if not self._fetching_id:
                self.deleteLater()
            return
        self.save_button.setEnabled(True)

    def dispose(self) -> None:
        """Delete this closed dialog — once a save or fetch in flight has been answered."""
        if self._saving or self._fetching_id:
            self._dispose_when_done = True
        else:
            self.deleteLater()

    # ------------------------------------------------------------ the owner's field key

    @Slot()
    def _field_key_opened(self) -> None:
        customer_id = self.customer_id
        if self._masked_resident_id is None or customer_id is None or self._fetching_id:
            return
        service, session = self._service, self._session
        self._fetching_id = True
        # A failure leaves the masked form in the field, which keeps the stored ID on saving.
        self._runner.submit(
            lambda _ctx: service.profile(session, customer_id),
            on_success=self._show_whole_resident_id, on_failure=lambda _exc: None,
            on_finished=self._fetch_done,
        )

    def _show_whole_resident_id(self, profile: CustomerProfile) -> None:
        masked = self._masked_resident_id
        if masked is None or profile.resident_id_masked or self._saving:
            return  # the key is not open for this session (another shop's, or locked again)
        self._masked_resident_id = None
        if self.value("resident_id") == masked:
            self.set_value("resident_id", profile.resident_id)

    def _fetch_done(self) -> None:
        self._fetching_id = False
        if self._dispose_when_done and not self._saving:
            self.deleteLater()

    def _saved(self, customer_id: int) -> None:
        self.customer_id = customer_id
        self.saved.emit(customer_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, FieldErrors):
            self.show_errors(exc)
            return
        self.form_error.setText(describe_error(exc))
        self.form_error.setVisible(True)

    # ------------------------------------------------------------------- translation

    def retranslateUi(self) -> None:
        adding = self.customer_id is None
        self.setWindowTitle(_tr("Add customer") if adding else _tr("Edit customer"))
        for spec in FIELDS:
            self.captions[spec.key].setText(spec.label())
            widget = self.inputs[spec.key]
            if isinstance(widget, QLineEdit):
                widget.setPlaceholderText(spec.placeholder())
        gender = self.inputs["gender"]
        assert isinstance(gender, QComboBox)
        names = _gender_names()
        for index in range(gender.count()):
            gender.setItemText(index, names.get(str(gender.itemData(index)), ""))
        self.save_button.setText(_tr("Add customer") if adding else _tr("Save changes"))
        self.cancel_button.setText(_tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
