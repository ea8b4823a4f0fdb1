"""The customers table model over the real customer service on a real (encrypted) shop."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from desktop.core.roles import Role
from desktop.services.customer_views import CustomerFilter, CustomerSort
from desktop.services.customers import CustomerService
from desktop.services.demo import load_demo_data
from desktop.services.session import Session
from desktop.ui.models import customers_model
from desktop.ui.models.customer_columns import COLUMNS, column_of, format_cents
from desktop.ui.models.customers_model import CACHED_WINDOWS, WINDOW, CustomersModel
from desktop.ui.tasks import SynchronousTaskRunner, TaskRunner

DEMO_CUSTOMERS = 2_000
ALL_ROLES = range(int(Qt.ItemDataRole.UserRole) + 11)


@pytest.fixture
def demo(shop):
    load_demo_data(shop.workspace, shop.owner, DEMO_CUSTOMERS)
    return shop


def staff_session(shop) -> Session:
    user = shop.workspace.accounts.add_user(shop.owner, "xiaoli", Role.STAFF, "Staff-pass-42")
    return Session(user)


def with_tester(model: CustomersModel) -> CustomersModel:
    model._tester = QAbstractItemModelTester(  # kept alive as long as the model
        model, QAbstractItemModelTester.FailureReportingMode.Fatal
    )
    return model


def make_model(shop, session: Session, runner=None, *, tester: bool = True) -> CustomersModel:
    """The model over the real service; with ``QAbstractItemModelTester`` watching every
    change unless ``tester`` is False (it checks every row after each reset: ~0.3 s)."""
    model = CustomersModel(CustomerService(shop.workspace), session,
                           runner or SynchronousTaskRunner())
    return with_tester(model) if tester else model


def column_texts(model: CustomersModel, key: str) -> list[str]:
    column = column_of(key)
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_money_is_shown_from_integer_cents():
    assert format_cents(123450) == "¥1,234.50"
    assert format_cents(5) == "¥0.05"
    assert format_cents(0) == "¥0.00"
    assert format_cents(-300) == "-¥3.00"


def test_first_screen_then_the_rest_streamed_in_chunks(demo, monkeypatch):
    monkeypatch.setattr(customers_model, "STREAM_CHUNK", 700)
    runner = SynchronousTaskRunner(deferred=True)
    model = make_model(demo, demo.owner, runner)
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))

    model.reload()
    assert model.rowCount() == 0 and model.loading and model.waiting_first_screen
    runner.wait_for_all()

    assert model.complete and not model.loading
    assert model.rowCount() == DEMO_CUSTOMERS
    assert inserted[0][0] == customers_model.FIRST_PAGE  # appended after the first screen
    assert len(inserted) == 3  # one insert per chunk (636 + 700 + 600), not one reset
    ids = [model.data(model.index(row, 0), Qt.ItemDataRole.UserRole) for row in range(2000)]
    assert len(set(ids)) == DEMO_CUSTOMERS  # the overlap with the first screen was skipped
    service = CustomerService(demo.workspace)
    every = [i for chunk in service.iter_ids(demo.owner, CustomerFilter(), CustomerSort.NEWEST)
             for i in chunk]
    assert ids == every

    # A new query cancels the running one; only the last one's answer is shown.
    model.sort(column_of("points"), Qt.SortOrder.DescendingOrder)
    model.set_filter(CustomerFilter(text="no such customer 9d8f7"))
    model.set_filter(CustomerFilter(level="金卡"))
    runner.wait_for_all()
    assert model.complete and 0 < model.rowCount() < DEMO_CUSTOMERS
    assert set(column_texts(model, "level")) == {"金卡"}
    points = [int(text.replace(",", "")) for text in column_texts(model, "points")]
    assert points == sorted(points, reverse=True)


def test_a_newer_search_stops_the_stream_inside_its_query(demo, monkeypatch):
    """The stream hands the store a ``cancelled`` that turns true when a newer search
    starts, so the store can stop the chunk it is reading (not only between chunks)."""
    monkeypatch.setattr(customers_model, "STREAM_CHUNK", 300)
    looks: list[Callable[[], bool]] = []

    class Watched(CustomerService):
        def iter_ids(self, *args, cancelled=None, **kwargs):
            assert cancelled is not None
            looks.append(cancelled)
            for number, chunk in enumerate(super().iter_ids(*args, cancelled=cancelled,
                                                            **kwargs)):
                if number == 1 and len(looks) == 1:  # types while the 2nd chunk is read
                    assert not cancelled()
                    model.set_filter(CustomerFilter(level="金卡"))
                    assert cancelled()
                yield chunk

    runner = SynchronousTaskRunner(deferred=True)
    model = with_tester(CustomersModel(Watched(demo.workspace), demo.owner, runner))
    model.reload()
    runner.wait_for_all()
    assert len(looks) == 2  # the first stream, stopped; then the newer search's
    assert looks[0]() and not looks[1]()
    assert model.complete and 0 < model.rowCount() < DEMO_CUSTOMERS
    assert set(column_texts(model, "level")) == {"金卡"}


def test_background_streaming_on_the_thread_pool(demo, qtbot):
    runner = TaskRunner()
    model = make_model(demo, demo.owner, runner)
    with qtbot.waitSignal(model.count_known, timeout=10_000) as counted:
        model.reload()
    assert counted.args == [DEMO_CUSTOMERS]
    assert model.complete and model.rowCount() == DEMO_CUSTOMERS
    runner.wait_for_all(5_000)


def test_row_windows_are_fetched_on_demand_and_kept_in_a_small_lru(demo):
    # No model tester here: it reads every row it is told about, which would fetch windows.
    model = make_model(demo, demo.owner, tester=False)
    model.reload()
    assert model.cached_windows() == [0]  # the first screen came with its rows
    service = CustomerService(demo.workspace)
    for row in (0, DEMO_CUSTOMERS - 1, 1000, 450, 1999, 5):
        customer_id = model.data(model.index(row, 0), Qt.ItemDataRole.UserRole)
        expected = service.rows(demo.owner, [customer_id])[0]
        assert model.data(model.index(row, column_of("member_no"))) == expected.member_no
        assert model.data(model.index(row, column_of("name"))) == expected.name
        assert model.data(model.index(row, column_of("balance"))) == format_cents(
            expected.balance_cents
        )
    assert set(model.cached_windows()) == {0, 1999 // WINDOW, 1000 // WINDOW, 450 // WINDOW}
    for row in range(0, DEMO_CUSTOMERS, WINDOW):
        model.data(model.index(row, 1))
    assert len(model.cached_windows()) == CACHED_WINDOWS
    assert model.cached_windows()[-1] == (DEMO_CUSTOMERS - 1) // WINDOW

    model.clear()  # the window locks
    assert model.rowCount() == 0
    assert model.cached_windows() == []
    assert not model.loading


def test_sorting_is_a_new_query(demo):
    model = make_model(demo, demo.owner, tester=False)
    model.reload()
    applied: list[tuple[int, Qt.SortOrder]] = []
    model.sort_applied.connect(lambda column, order: applied.append((column, order)))
    newest = [model.customer_id(row) for row in range(50)]

    model.sort(column_of("points"), Qt.SortOrder.AscendingOrder)  # points: highest first only
    assert model.current_sort is CustomerSort.POINTS
    assert applied[-1] == (column_of("points"), Qt.SortOrder.DescendingOrder)
    points = [int(text.replace(",", "")) for text in column_texts(model, "points")]
    assert points == sorted(points, reverse=True)
    assert model.rowCount() == DEMO_CUSTOMERS

    model.sort(column_of("member_no"), Qt.SortOrder.AscendingOrder)
    numbers = column_texts(model, "member_no")
    assert numbers == sorted(numbers)

    model.sort(column_of("created_at"), Qt.SortOrder.AscendingOrder)
    assert model.current_sort is CustomerSort.OLDEST
    model.sort(column_of("created_at"), Qt.SortOrder.DescendingOrder)
    assert [model.customer_id(row) for row in range(50)] == newest

    model.sort(column_of("phone"), Qt.SortOrder.AscendingOrder)  # not sortable: unchanged
    assert model.current_sort is CustomerSort.NEWEST
    assert applied[-1] == (column_of("created_at"), Qt.SortOrder.DescendingOrder)


def full_phone_finder(shop) -> Callable[[str], list[str]]:
    """Every full phone of the shop (from the owner's unmasked view), as digit strings;
    returns a function listing those found in a text in any spelling."""
    service = CustomerService(shop.workspace)
    ids = [i for chunk in service.iter_ids(shop.owner, CustomerFilter(), CustomerSort.NEWEST)
           for i in chunk]
    phones = {
        re.sub(r"\D", "", row.phone)
        for start in range(0, len(ids), 500)
        for row in service.rows(shop.owner, ids[start : start + 500])
        if row.phone
    }
    assert len(phones) > DEMO_CUSTOMERS * 0.9
    # The national number (last 10–11 digits) is the secret part; 7+ digits in a row of it
    # would already be more than the mask shows.
    nationals = {digits[-10:] for digits in phones}

    def found(text: str) -> list[str]:
        digits = re.sub(r"\D", "", text)
        return [n for n in nationals if n in digits] if len(digits) >= 10 else []

    return found


def test_staff_model_never_returns_a_full_phone_in_any_role(demo):
    finds_phone = full_phone_finder(demo)
    model = make_model(demo, staff_session(demo), tester=False)
    model.reload()
    assert model.rowCount() == DEMO_CUSTOMERS
    sample = sorted({*range(0, DEMO_CUSTOMERS, 23), *range(0, 40), DEMO_CUSTOMERS - 1})
    phone_column = column_of("phone")
    shown_masked = 0
    for row in sample:
        for column in range(len(COLUMNS)):
            index = model.index(row, column)
            for role in ALL_ROLES:
                value = model.data(index, role)
                if value is None:
                    continue
                assert not finds_phone(str(value)), (row, column, role)
            text = model.data(index)
            if column == phone_column and text:
                assert "*" in text
                shown_masked += 1
    assert shown_masked > len(sample) * 0.9
    for column in range(len(COLUMNS)):
        for role in ALL_ROLES:
            header = model.headerData(column, Qt.Orientation.Horizontal, role)
            assert header is None or not finds_phone(str(header))
    assert model.data(QModelIndex()) is None
