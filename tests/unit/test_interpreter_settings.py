"""The counted interpreter settings: the strictest request while held, put back by the last
holder, from any thread, after errors too."""

from __future__ import annotations

import gc
import sys
import threading

import pytest

from desktop.core.interpreter_settings import collector_paused, switch_interval_at_most


@pytest.fixture(autouse=True)
def usual_settings():
    interval, enabled = sys.getswitchinterval(), gc.isenabled()
    sys.setswitchinterval(0.005)
    gc.enable()
    yield
    sys.setswitchinterval(interval)
    (gc.enable if enabled else gc.disable)()


def test_overlapping_holders_keep_the_collector_paused_until_the_last_ends():
    first, second = collector_paused(), collector_paused()
    first.__enter__()
    assert not gc.isenabled()
    second.__enter__()
    first.__exit__(None, None, None)  # the first ends while the second still works
    assert not gc.isenabled()
    second.__exit__(None, None, None)
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_an_error_inside_still_puts_everything_back():
    with pytest.raises(OSError), collector_paused(), switch_interval_at_most(0.0002):
        raise OSError("disk full")
    assert gc.isenabled()
    assert sys.getswitchinterval() == pytest.approx(0.005, rel=0.05)


def test_the_shortest_request_applies_and_the_usual_interval_comes_back_last():
    export, importing = switch_interval_at_most(0.0002), switch_interval_at_most(0.001)
    importing.__enter__()
    assert sys.getswitchinterval() == pytest.approx(0.001, rel=0.05)
    export.__enter__()
    assert sys.getswitchinterval() == pytest.approx(0.0002, rel=0.05)
    export.__exit__(None, None, None)  # the import goes on at its own interval
    assert sys.getswitchinterval() == pytest.approx(0.001, rel=0.05)
    importing.__exit__(None, None, None)
    assert sys.getswitchinterval() == pytest.approx(0.005, rel=0.05)


def test_a_request_longer_than_the_usual_interval_does_not_lengthen_it():
    with switch_interval_at_most(0.05):
        assert sys.getswitchinterval() == pytest.approx(0.005, rel=0.05)


def test_holders_on_many_threads_at_once_leave_the_usual_settings():
    start = threading.Barrier(8)

    def work(seconds: float) -> None:
        start.wait()
        for _ in range(200):
            with collector_paused(), switch_interval_at_most(seconds):
                assert not gc.isenabled()
                assert sys.getswitchinterval() <= seconds + 1e-9

    threads = [threading.Thread(target=work, args=(0.0002 * (n + 1),)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert gc.isenabled()
    assert sys.getswitchinterval() == pytest.approx(0.005, rel=0.05)
