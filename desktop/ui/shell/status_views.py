"""Two plain gate screens: "working on it" (with progress) and "this went wrong"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QWidget

from desktop.ui.shell.card import CardScreen
from desktop.ui.shell.preferences import LanguageSwitch
from desktop.ui.shell.style import button, label, named

TextFn = Callable[[], str]


class BusyView(CardScreen):
    """A title, a sentence and a progress bar (indeterminate until progress is known).

    Texts are given as functions so they follow a language switch.
    """

    def __init__(self, languages: LanguageSwitch, parent: QWidget | None = None) -> None:
        super().__init__(languages, parent=parent)
        self.progress = named(QProgressBar(), "busyProgress")
        self.progress.setTextVisible(False)
        self.detail_label = label("hint")
        self.body.addWidget(self.progress)
        self.body.addWidget(self.detail_label)
        self._title: TextFn = str
        self._text: TextFn = str
        self._done = 0
        self._total = 0
        self.retranslateUi()

    def show_work(self, title: TextFn, text: TextFn) -> None:
        self._title, self._text = title, text
        self.set_progress(0, 0)
        self.retranslateUi()

    def set_progress(self, done: int, total: int) -> None:
        self._done, self._total = done, total
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        else:
            self.progress.setRange(0, 0)  # busy indicator
        self._update_detail()

    def _update_detail(self) -> None:
        if self._total > 0:
            percent = min(100, self._done * 100 // self._total)
            self.detail_label.setText(self.tr("{percent}% done").format(percent=percent))
        else:
            self.detail_label.setText(self.tr("This takes a moment."))

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.title_label.setText(self._title())
        self.subtitle_label.setText(self._text())
        self._update_detail()


class ProblemView(CardScreen):
    """What went wrong, what to do about it, and Try again / Quit."""

    retry_requested = Signal()
    quit_requested = Signal()

    def __init__(self, languages: LanguageSwitch, parent: QWidget | None = None) -> None:
        super().__init__(languages, parent=parent)
        self.message_label = label("formError", selectable=True)
        self.advice_label = label("hint")
        self.folder_label = label("folder", selectable=True)
        self.retry_button = button("retryButton", "primary")
        self.quit_button = button("quitButton")
        self.retry_button.clicked.connect(self.retry_requested)
        self.quit_button.clicked.connect(self.quit_requested)
        self.body.addWidget(self.message_label)
        self.body.addWidget(self.advice_label)
        self.body.addWidget(self.folder_label)
        self.body.addSpacing(8)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.quit_button)
        row.addWidget(self.retry_button)
        self.body.addLayout(row)
        self._message: TextFn = str
        self._advice: TextFn = str
        self._folder = ""
        self.retranslateUi()

    def show_problem(self, message: TextFn, advice: TextFn, folder: str = "") -> None:
        self._message, self._advice = message, advice
        self._folder = folder
        self.folder_label.setVisible(bool(folder))
        self.retranslateUi()

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.title_label.setText(self.tr("The shop cannot be opened"))
        self.subtitle_label.setText(self.tr("Nothing was changed."))
        self.message_label.setText(self._message())
        advice = self._advice()
        self.advice_label.setText(advice)
        self.advice_label.setVisible(bool(advice))
        self.folder_label.setText(self.tr("Shop folder: {folder}").format(folder=self._folder))
        self.retry_button.setText(self.tr("Try again"))
        self.quit_button.setText(self.tr("Quit"))
