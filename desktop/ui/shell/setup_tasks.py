"""The two ways a shop comes into being in the window: the first-run wizard and ``--demo``.

Both run their slow steps (key derivation, shop creation, demo data) through the
controller's :class:`WorkspaceTasks` queue and end logged in as the owner.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.services import ui_support
from desktop.services.session import Session
from desktop.services.workspace import Workspace
from desktop.ui.error_text import describe_error
from desktop.ui.shell.first_run import NewShopForm
from desktop.ui.tasks import TaskContext

if TYPE_CHECKING:
    from desktop.ui.shell.controller import AppController

log = logging.getLogger(__name__)

DEMO_CUSTOMERS = 1_000


class SetupTasks(QObject):
    def __init__(self, controller: AppController) -> None:
        super().__init__(controller)
        self._c = controller
        self._owner: Session | None = None
        controller.wizard.create_requested.connect(self._create)
        controller.wizard.finished.connect(self._wizard_finished)

    # -------------------------------------------------------------- first run

    def start_first_run(self) -> None:
        from desktop.ui.shell.controller import State

        c = self._c
        c._set_state(State.FIRST_RUN)
        c.window.show_screen(c.wizard)
        c.tasks.submit(
            lambda _ctx: ui_support.keyring_available(c.keyring),
            on_success=c.wizard.set_can_remember,
            on_failure=lambda _error: c.wizard.set_can_remember(False),
        )

    def _create(self, form: NewShopForm) -> None:
        c = self._c

        def work(_ctx: TaskContext) -> ui_support.CreatedShop:
            return ui_support.create_shop(
                c.paths, c.keyring, shop_name=form.shop_name, owner=form.owner,
                password=form.password, remember=form.remember,
            )

        def done(created: ui_support.CreatedShop) -> None:
            self._owner = created.owner
            c.workspace_opened(created.workspace, ui_support.clean_shop_name(form.shop_name))
            if form.remember and not created.remembered:
                c._notice_after_login = self.tr(
                    "The key could not be remembered on this PC; the shop will ask to be "
                    "unlocked next time."
                )
            c.wizard.show_recovery_code(
                created.recovery_code, c.shop_name, demo_pending=form.demo_customers > 0
            )
            if form.demo_customers > 0:
                self._load_demo(created.workspace, created.owner, form.demo_customers,
                                for_wizard=True)

        c.tasks.submit(work, on_success=done,
                       on_failure=lambda error: c.wizard.show_create_error(describe_error(error)))

    def _wizard_finished(self) -> None:
        c = self._c
        c.wizard.forget_secrets()
        owner, workspace = self._owner, c.workspace
        if owner is None or workspace is None:
            return
        self._owner = None
        self._enter(workspace, owner)

    def _enter(self, workspace: Workspace, owner: Session) -> None:
        c = self._c
        c.tasks.submit(
            lambda _ctx: ui_support.auto_lock_minutes(workspace),
            on_success=lambda minutes: c.logged_in(owner, minutes),
            on_failure=c.show_problem,
        )

    # ------------------------------------------------------------------- demo

    def start_demo(self) -> None:
        c = self._c
        name = self.tr("Demo shop")
        c.show_busy(lambda: self.tr("Preparing a demo shop"),
                    lambda: self.tr("A throw-away shop with made-up customers. Nothing is "
                                    "kept after you quit."))

        def done(result: tuple[Workspace, Session]) -> None:
            workspace, owner = result
            c.workspace_opened(workspace, name)
            self._load_demo(workspace, owner, DEMO_CUSTOMERS, for_wizard=False)

        c.tasks.submit(lambda _ctx: ui_support.create_demo_shop(c.paths, name),
                       on_success=done, on_failure=c.show_problem)

    def _load_demo(
        self, workspace: Workspace, owner: Session, customers: int, *, for_wizard: bool
    ) -> None:
        c = self._c

        def work(ctx: TaskContext) -> int:
            def progress(done: int) -> None:
                ctx.check_cancelled()  # raising from progress rolls the whole load back
                ctx.report_progress(done, customers)

            return ui_support.load_demo_customers(workspace, owner, customers, progress)

        def on_progress(done: int, total: int) -> None:
            if for_wizard:
                c.wizard.set_demo_progress(done, total)
            else:
                c.busy_view.set_progress(done, total)

        def finished_ok(loaded: int) -> None:
            if for_wizard:
                c.wizard.demo_finished()
            else:
                self._enter(workspace, owner)
            log.info("Demo data loaded: %d customers", loaded)

        def failed(error: BaseException) -> None:
            text = describe_error(error)
            if for_wizard:
                c.wizard.demo_finished(self.tr("Demo data could not be loaded: {reason}")
                                       .format(reason=text))
            else:
                c._notice_after_login = text
                self._enter(workspace, owner)

        if not for_wizard:
            c.busy_view.show_work(lambda: self.tr("Preparing a demo shop"),
                                  lambda: self.tr("Adding {count} made-up customers…").format(
                                      count=f"{customers:,}"))
        c.tasks.submit(work, on_success=finished_ok, on_failure=failed,
                       on_cancelled=lambda: failed(RuntimeError("cancelled")),
                       on_progress=on_progress)
