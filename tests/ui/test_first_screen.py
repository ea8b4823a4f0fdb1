"""What the first screen after a login leaves for later: the Customers page shows its list
before it builds the profile panel, and the warm-up done during the password check leaves
no window behind. (The time it saves is measured by ``bench/bench_keystroke.py``.)"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMainWindow

from desktop.services.demo import load_demo_data
from desktop.ui.clipboard_guard import ClipboardGuard
from desktop.ui.pages.customer_profile import CustomerProfilePanel
from desktop.ui.pages.customers_page import CustomersPage
from desktop.ui.shell.warm_up import warm_up_once
from desktop.ui.tasks import SynchronousTaskRunner


def test_the_profile_panel_takes_its_place_with_the_first_profile(shop, qtbot) -> None:
    load_demo_data(shop.workspace, shop.owner, 50)
    page = CustomersPage(shop.workspace, shop.owner, SynchronousTaskRunner(),
                         ClipboardGuard())
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    assert page.model.rowCount() == 50
    assert not isinstance(page.splitter.widget(1), CustomerProfilePanel)  # not built yet

    qtbot.waitUntil(lambda: isinstance(page.splitter.widget(1), CustomerProfilePanel))
    panel = page.splitter.widget(1)
    assert panel is page.profile_panel
    qtbot.waitUntil(lambda: page.profile_panel.profile is not None)
    assert page.profile_panel.profile is not None
    assert page.profile_panel.profile.id == page.selected_customer_id()
    assert page.model.customer_id(0) == page.selected_customer_id()
    assert page.splitter.count() == 2


def test_an_empty_list_shows_an_empty_card_and_asks_for_no_profile(shop, qtbot) -> None:
    page = CustomersPage(shop.workspace, shop.owner, SynchronousTaskRunner(),
                         ClipboardGuard())
    qtbot.addWidget(page)
    page.show()
    qtbot.wait(150)  # longer than the profile delay: nothing is selected, nothing loads
    assert page.model.rowCount() == 0
    assert page.selected_customer_id() is None
    assert not isinstance(page.splitter.widget(1), CustomerProfilePanel)
    page.clear_sensitive()  # locking with no panel built yet
    page.restore_after_unlock()
    assert page.selected_customer_id() is None


def test_the_warm_up_leaves_no_window_behind(qtbot) -> None:
    def scratch_windows() -> list[QMainWindow]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)]

    before = len(scratch_windows())
    warm_up_once.__wrapped__()  # the real work, even if this process warmed up already
    warm_up_once()
    warm_up_once()  # the second and later calls do nothing
    qtbot.waitUntil(lambda: len(scratch_windows()) == before)
    assert not any(w.isVisible() for w in scratch_windows())
