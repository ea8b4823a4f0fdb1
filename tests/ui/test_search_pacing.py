"""The search box's pacing: each key a person types is searched at once; a burst faster
than hands type (a scanner, auto-repeat) is searched once, when it is over."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.ui.pages.search_pacing import BURST_GAP_MS, SEARCH_DELAY_MS, SearchPacer


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def advance(self, ms: float) -> None:
        self.now += ms / 1000

    def __call__(self) -> float:
        return self.now


def test_keys_typed_by_hand_are_each_searched_at_once(qtbot) -> None:
    clock = FakeClock()
    pacer = SearchPacer(clock=clock)
    fired: list[int] = []
    pacer.due.connect(lambda: fired.append(1))
    for typed in range(1, 5):
        clock.advance(BURST_GAP_MS + 60)
        pacer.changed()
        QCoreApplication.processEvents()  # a 0 ms timer: the next turn of the event loop
        assert len(fired) == typed
        assert not pacer.pending()


def test_a_burst_is_searched_once_when_it_is_over(qtbot) -> None:
    clock = FakeClock()
    pacer = SearchPacer(clock=clock)
    fired: list[int] = []
    pacer.due.connect(lambda: fired.append(1))
    for _ in range(12):  # a barcode scanner: a character every 5 ms
        pacer.changed()
        clock.advance(5)
        QCoreApplication.processEvents()
    assert fired == [1]  # the first character, before the burst showed itself
    assert pacer.pending()
    with qtbot.waitSignal(pacer.due, timeout=SEARCH_DELAY_MS * 20):
        pass
    assert fired == [1, 1]
    qtbot.wait(SEARCH_DELAY_MS * 2)
    assert fired == [1, 1]


def test_stop_cancels_a_waiting_search(qtbot) -> None:
    clock = FakeClock()
    pacer = SearchPacer(clock=clock)
    fired: list[int] = []
    pacer.due.connect(lambda: fired.append(1))
    pacer.changed()
    pacer.changed()  # same instant: a burst
    pacer.stop()
    qtbot.wait(SEARCH_DELAY_MS * 2)
    assert fired == []
