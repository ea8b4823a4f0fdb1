"""Loading one customer's profile tabs (basics, history, latest orders and feedback,
consents) in the background, with only the newest request allowed to answer.

The owner's field key opens a moment after the login: a profile loaded before shows the
resident ID masked. The loader then loads it once more when the key is open (announced by
field_key_notices, or found open when a load started before it answers)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Slot

from desktop.core.roles import Role
from desktop.services.consents import ConsentService, ConsentView
from desktop.services.customer_api import CustomerServiceApi
from desktop.services.customer_views import CustomerProfile, HistoryEntry
from desktop.services.feedback import FeedbackService
from desktop.services.order_views import FeedbackFilter, FeedbackRow, OrderFilter, OrderRow
from desktop.services.orders import OrderService
from desktop.services.session import Session
from desktop.services.workspace import Workspace
from desktop.ui.field_key_notices import field_key_notices
from desktop.ui.tasks import Cancellable, TaskContext, TaskSubmitter

PROFILE_ITEMS = 50
"""Latest orders and feedback shown in the profile tabs."""


@dataclass(frozen=True, slots=True)
class ProfileData:
    profile: CustomerProfile
    history: list[HistoryEntry]
    orders: list[OrderRow]
    feedback: list[FeedbackRow]
    consents: list[ConsentView]


@dataclass(frozen=True, slots=True)
class _Request:
    customer_id: int
    on_loaded: Callable[[ProfileData], None]
    on_failed: Callable[[BaseException], None]


class ProfileLoader(QObject):
    def __init__(
        self,
        workspace: Workspace,
        service: CustomerServiceApi,
        session: Session,
        runner: TaskSubmitter,
    ) -> None:
        super().__init__()
        self._workspace = workspace
        self._service = service
        self._orders = OrderService(workspace)
        self._feedback = FeedbackService(workspace)
        self._consents = ConsentService(workspace)
        self._session = session
        self._runner = runner
        self._task: Cancellable | None = None
        self._generation = 0
        self._waiting_for_key: _Request | None = None
        """The last profile answered with the resident ID masked for lack of the owner's
        key: loaded again when it opens."""
        field_key_notices().opened.connect(self._field_key_opened)

    def load(
        self,
        customer_id: int,
        on_loaded: Callable[[ProfileData], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        """Load in the background; an earlier unfinished load is cancelled and never answers."""
        self.cancel()
        generation = self._generation
        request = _Request(customer_id, on_loaded, on_failed)
        key_was_open = self._key_open()
        service, orders, feedback, consents, session = (
            self._service, self._orders, self._feedback, self._consents, self._session
        )

        def load(ctx: TaskContext) -> ProfileData:
            profile = service.profile(session, customer_id)
            ctx.check_cancelled()
            history = service.history(session, customer_id)
            ctx.check_cancelled()
            own = OrderFilter(customer_id=customer_id)
            order_rows = orders.page(session, own, limit=PROFILE_ITEMS).rows
            ctx.check_cancelled()
            said = FeedbackFilter(customer_id=customer_id)
            feedback_rows = feedback.page(session, said, limit=PROFILE_ITEMS).rows
            ctx.check_cancelled()
            given = consents.list_for_customer(session, customer_id)
            return ProfileData(profile, history, order_rows, feedback_rows, given)

        def answer(deliver: Callable[[], None]) -> None:
            if generation == self._generation:
                self._task = None
                deliver()

        def loaded(data: ProfileData) -> None:
            on_loaded(data)
            if (generation != self._generation or key_was_open
                    or not self._masked_for_owner(data.profile)):
                return
            if self._key_open():  # opened while this load ran
                self._reload(request)
            else:
                self._waiting_for_key = request

        answered: list[bool] = []
        handle = self._runner.submit(
            load,
            on_success=lambda data: answer(lambda: loaded(data)),
            on_failure=lambda exc: answer(lambda: on_failed(exc)),
            on_finished=lambda: answered.append(True),
        )
        if not answered:  # a synchronous runner has answered already
            self._task = handle

    def cancel(self) -> None:
        self._generation += 1
        self._waiting_for_key = None
        if self._task is not None:
            self._task.cancel()
            self._task = None

    # ------------------------------------------------------------------ the owner's key

    def _masked_for_owner(self, profile: CustomerProfile) -> bool:
        return profile.resident_id_masked and self._session.user.role is Role.OWNER

    def _key_open(self) -> bool:
        return self._workspace.field_keys.is_open_for(self._session)

    def _reload(self, request: _Request) -> None:
        self.load(request.customer_id, request.on_loaded, request.on_failed)

    @Slot()
    def _field_key_opened(self) -> None:
        request = self._waiting_for_key
        if request is not None and self._key_open():
            self._reload(request)
