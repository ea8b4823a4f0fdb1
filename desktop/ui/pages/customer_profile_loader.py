"""Loading one customer's profile tabs (basics, history, latest orders and feedback,
consents) in the background, with only the newest request allowed to answer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from desktop.services.consents import ConsentService, ConsentView
from desktop.services.customer_api import CustomerServiceApi
from desktop.services.customer_views import CustomerProfile, HistoryEntry
from desktop.services.feedback import FeedbackService
from desktop.services.order_views import FeedbackFilter, FeedbackRow, OrderFilter, OrderRow
from desktop.services.orders import OrderService
from desktop.services.session import Session
from desktop.services.workspace import Workspace
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


class ProfileLoader:
    def __init__(
        self,
        workspace: Workspace,
        service: CustomerServiceApi,
        session: Session,
        runner: TaskSubmitter,
    ) -> None:
        self._service = service
        self._orders = OrderService(workspace)
        self._feedback = FeedbackService(workspace)
        self._consents = ConsentService(workspace)
        self._session = session
        self._runner = runner
        self._task: Cancellable | None = None
        self._generation = 0

    def load(
        self,
        customer_id: int,
        on_loaded: Callable[[ProfileData], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        """Load in the background; an earlier unfinished load is cancelled and never answers."""
        self.cancel()
        generation = self._generation
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

        answered: list[bool] = []
        handle = self._runner.submit(
            load,
            on_success=lambda data: answer(lambda: on_loaded(data)),
            on_failure=lambda exc: answer(lambda: on_failed(exc)),
            on_finished=lambda: answered.append(True),
        )
        if not answered:  # a synchronous runner has answered already
            self._task = handle

    def cancel(self) -> None:
        self._generation += 1
        if self._task is not None:
            self._task.cancel()
            self._task = None
