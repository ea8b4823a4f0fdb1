"""The window's process of `bench_keystroke`: the app's controller, login screen, main window
and Customers page under QT_QPA_PLATFORM=offscreen over the benchmark's shop; it times the
login to the first painted rows, notes where the memory is at each step, and (if asked) types
the queries key by key. Imports only what the app imports before it measures (the bench's
SQLite and demo-data helpers are not loaded here), so its memory is the app's.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.keystroke_shop import (
    OWNER,
    OWNER_PASSWORD,
    STAFF,
    STAFF_PASSWORD,
    keyring_for,
    shop_paths,
)
from bench.process_memory import MemoryMarks, peak_rss_mib, rss_mib

ROLES = {"staff": (STAFF, STAFF_PASSWORD), "owner": (OWNER, OWNER_PASSWORD)}
KINDS = ("full phone 138 1234 5678", "full phone +86-138-1234-5678", "last-4",
         "2-char Chinese name", "3+ char substring", "pinyin initials", "pinyin full")
WAIT_S = 30.0
STALL_S = 10.0
KEY_INTERVAL_S = 0.15
"""The typist: a key no sooner than this after the one before (~6–7 keys a second, a quick
counter typist; the page searches each key at once and treats faster input as a burst, see
desktop/ui/pages/search_pacing.py). The next key waits for the previous key's rows as well."""
"""A keystroke whose rows are not painted by then is recorded as a stall (and left out of
the percentiles, which would otherwise hide it)."""

class PaintClock:
    """Times the Customers table: when a search starts (the debounce fired), when its rows
    are in the model, and when the viewport has finished painting them."""

    def __init__(self) -> None:
        self.search_started: float | None = None
        self.rows_in: float | None = None
        self.painted: float | None = None
        self.task_started: float | None = None
        self.task_ended: float | None = None
        self.paints: dict[str, int] = {}
        self.waited_for = ""
        self.blockers: dict[str, list[float]] = {}
        """Per task found running when a search was queued: how long the search waited."""
        self.cpu_search_started = self.cpu_rows_in = self.cpu_painted = 0.0
        """The GUI thread's CPU time (time.thread_time) at the same three moments."""
        self.armed = False
        self.gc_ms = 0.0
        """Time in Python's garbage collector (any thread) since arm()."""
        self._gc_began: float | None = None
        self.profiler: Any = None
        """A cProfile.Profile run from each search's start to its paint (BENCH_PROFILE_TYPING)."""

    def arm(self) -> None:
        self.search_started = self.rows_in = self.painted = None
        self.task_started = self.task_ended = None
        self.gc_ms = 0.0
        self.armed = True

    def on_gc(self, phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_began = time.perf_counter()
        elif self._gc_began is not None:
            if self.armed and self.painted is None:
                self.gc_ms += (time.perf_counter() - self._gc_began) * 1e3
            self._gc_began = None


def install_clock(app: Any, page: Any, clock: PaintClock) -> None:
    from PySide6.QtCore import QEvent, QObject

    model, table = page.model, page.table
    original_set_filter = model.set_filter

    def set_filter(flt: Any) -> None:
        if clock.armed and flt != model.current_filter and clock.search_started is None:
            clock.search_started = time.perf_counter()
            clock.cpu_search_started = time.thread_time()
            if clock.profiler is not None:
                clock.profiler.enable()
        original_set_filter(flt)

    model.set_filter = set_filter  # the page calls it through the instance

    runner = model._runner
    original_submit = runner.submit

    def submit(fn: Any, **callbacks: Any) -> Any:
        # When the first screen's task starts and ends on the worker (after search_started).
        def timed(ctx: Any) -> Any:
            if clock.armed and clock.search_started is not None and clock.task_started is None:
                clock.task_started = time.perf_counter()
                try:
                    return fn(ctx)
                finally:
                    clock.task_ended = time.perf_counter()
            return fn(ctx)

        if getattr(fn, "__name__", "") != "first_screen":
            return original_submit(fn, **callbacks)
        running = getattr(runner, "_running", None)  # WorkspaceTasks: the task it waits for
        clock.waited_for = getattr(getattr(running, "fn", None), "__qualname__", "")
        return original_submit(timed, **callbacks)

    runner.submit = submit

    def rows_in() -> None:
        if clock.armed and clock.search_started is not None and clock.rows_in is None:
            clock.rows_in = time.perf_counter()
            clock.cpu_rows_in = time.thread_time()

    # At the reset that puts the rows in, before the page's first_screen_ready handler (which
    # selects the first row and may paint at once).
    model.modelReset.connect(rows_in)

    class PaintFilter(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (event.type() == QEvent.Type.Paint and clock.armed
                    and clock.rows_in is not None and clock.painted is None):
                table.viewportEvent(event)  # paint now, so the time includes the painting
                clock.painted = time.perf_counter()
                clock.cpu_painted = time.thread_time()
                if clock.profiler is not None:
                    clock.profiler.disable()
                wake()
                return True
            return False

    class AllPaints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (event.type() == QEvent.Type.Paint and clock.armed
                    and clock.rows_in is not None and clock.painted is None):
                rect = event.rect()
                key = f"{type(watched).__name__}#{watched.objectName()}"
                clock.paints[key] = clock.paints.get(key, 0) + rect.width() * rect.height()
            return False

    if os.environ.get("BENCH_COUNT_PAINTS"):
        all_paints = AllPaints(app)
        app.installEventFilter(all_paints)
        page._bench_all_paints = all_paints

    paint_filter = PaintFilter(table)
    table.viewport().installEventFilter(paint_filter)
    page._bench_paint_filter = paint_filter  # keep it alive


class GcClock:
    """Time spent in Python's cyclic garbage collector between start() and stop()."""

    def __init__(self) -> None:
        self.total_ms = 0.0
        self._began: float | None = None

    def start(self) -> None:
        gc.callbacks.append(self._on_gc)

    def stop(self) -> None:
        if self._on_gc in gc.callbacks:
            gc.callbacks.remove(self._on_gc)

    def _on_gc(self, phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            self._began = time.perf_counter()
        elif self._began is not None:
            self.total_ms += (time.perf_counter() - self._began) * 1e3
            self._began = None


_waits: list[Callable[[], None]] = []
"""The check of each pump_until running (innermost last), for wake()."""
CHECK_INTERVAL_MS = 20
"""How often pump_until looks at ``done()`` by itself. Not 1 ms: a Python call on the GUI
thread every millisecond takes the GIL from the worker ~1,000 times a second, which the app
never does (it slowed the first screen's query several-fold on a busy machine); what the
bench waits for calls wake() instead."""


def pump_until(app: Any, done: Callable[[], bool], timeout_s: float = WAIT_S) -> bool:
    """Run the event loop until ``done()``, so the GUI thread sleeps while the worker runs,
    as it would in the app. Looked at every CHECK_INTERVAL_MS and on each wake()."""
    from PySide6.QtCore import QEventLoop, QTimer

    if done():
        return True
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout_s

    def check() -> None:
        if done() or time.perf_counter() > deadline:
            loop.quit()

    timer = QTimer()
    timer.setInterval(CHECK_INTERVAL_MS)
    timer.timeout.connect(check)
    timer.start()
    _waits.append(check)
    try:
        loop.exec()
    finally:
        _waits.remove(check)
        timer.stop()
    return done()


def wake() -> None:
    """Something a pump_until may be waiting for has happened: let it look now."""
    if _waits:
        _waits[-1]()


def type_character(box: Any, char: str) -> None:
    """A key press for ASCII; for Chinese, the input method's commit (what a pinyin IME
    sends when a character is chosen)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    if char.isascii():
        QTest.keyClick(box, char)
    else:
        event = QInputMethodEvent("", [])
        event.setCommitString(char)
        QApplication.sendEvent(box, event)


def role_child(workdir: Path, role: str, queries: dict[str, list[str]] | None,
               warmup: int, language: str = "zh_CN",
               probe: Callable[[Any, Any], dict[str, Any]] | None = None) -> dict[str, Any]:
    """Log in as ``role`` in a fresh process, time the first screen, then (if ``queries``)
    type every query into the search box key by key. ``probe(app, page)``, if given, runs
    instead of the typing once the list is complete; its result is the ``probe`` entry."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.app import load_services_before_qt

    load_services_before_qt()  # as run_gui does, before Qt
    from PySide6.QtCore import QEvent, QObject, QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.ui import i18n
    from desktop.ui.clipboard_guard import ClipboardGuard
    from desktop.ui.idle_lock import IdleWatcher
    from desktop.ui.pages.customer_table import CustomerTable
    from desktop.ui.pages.customers_page import CustomersPage
    from desktop.ui.pages.search_pacing import SEARCH_DELAY_MS
    from desktop.ui.shell.controller import AppController, State
    from desktop.ui.shell.preferences import LanguageSwitch, Preferences
    from desktop.ui.shell.style import apply_style
    from desktop.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication(["bench"])
    # As run_gui does: the translators and the application font with its CJK fallback
    # (without it every Chinese glyph goes through fontconfig's fallback: twice the paint).
    language = i18n.install_translators(app, language)
    apply_style(app)
    memory_marks = MemoryMarks()
    memory_marks.mark("Qt + app imported")
    preferences = Preferences(QSettings(str(workdir / "prefs.ini"), QSettings.Format.IniFormat))
    controller = AppController(
        shop_paths(workdir), runner=TaskRunner(), clipboard=ClipboardGuard(),
        idle=IdleWatcher(timeout_seconds=0), languages=LanguageSwitch(preferences, language),
        preferences=preferences, keyring=keyring_for(workdir))
    controller.window.resize(1440, 900)
    controller.window.show()
    controller.start()
    if not pump_until(app, lambda: controller.state is State.LOGIN):
        raise RuntimeError(f"no login screen (state {controller.state})")
    memory_marks.mark("login screen")

    marks: dict[str, float] = {}
    memory: dict[str, float] = {}
    collections = GcClock()

    class FirstPaint(QObject):
        """On the customers table's viewport: the first paint showing rows."""

        def __init__(self, table: CustomerTable) -> None:
            super().__init__(table)
            self.table = table

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if ("painted" not in marks and event.type() == QEvent.Type.Paint
                    and self.table.model().rowCount() > 0):
                self.table.viewportEvent(event)
                marks["painted"] = time.perf_counter()
                collections.stop()
                memory["at_first_paint"] = rss_mib()
                memory_marks.mark("first paint")
                wake()
                return True
            return False

    original_logged_in = controller.logged_in

    def logged_in(session: Any, minutes: int) -> None:
        marks["password_checked"] = time.perf_counter()
        memory_marks.mark("password checked")
        collections.start()
        if os.environ.get("BENCH_PROFILE_LOGIN"):
            import cProfile

            cProfile.runctx("original_logged_in(session, minutes)", globals(), locals(),
                            os.environ["BENCH_PROFILE_LOGIN"])
        else:
            original_logged_in(session, minutes)
        marks["window_built"] = time.perf_counter()
        memory_marks.mark("window built")
        # No paint can have happened yet: the event loop has not run since the login task.
        window = controller.main_window
        page = window.page("customers") if window is not None else None
        if isinstance(page, CustomersPage):
            page.table.viewport().installEventFilter(FirstPaint(page.table))

    controller.logged_in = logged_in  # the login task's callback calls it on the instance
    user, secret = ROLES[role]
    view = controller.login_view
    view.user_edit.setText(user)
    view.secret_field.setText(secret)
    profile_to = os.environ.get("BENCH_PROFILE_LOGIN_TO_PAINT")
    if profile_to:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    memory["peak_before_login"] = peak_rss_mib()
    marks["login_clicked"] = time.perf_counter()
    view.login_button.click()
    if not pump_until(app, lambda: "painted" in marks):
        raise RuntimeError("the customers table never painted rows")
    if profile_to:
        profiler.disable()
        profiler.dump_stats(profile_to)
    peak_at_first_paint = peak_rss_mib()
    window = controller.main_window
    page = window.page("customers") if window is not None else None
    assert isinstance(page, CustomersPage)
    # The first screen goes on streaming the ids of everyone below it (1,000,000 at 8 bytes,
    # read through a reader connection and its page cache): its memory a moment later.
    pump_until(app, lambda: page.model.complete and not controller.tasks.busy, 120)
    memory_marks.mark("list complete")
    result: dict[str, Any] = {
        "role": role,
        "login_check_ms": (marks["password_checked"] - marks["login_clicked"]) * 1e3,
        "window_built_ms": (marks["window_built"] - marks["password_checked"]) * 1e3,
        "login_to_first_paint_ms": (marks["painted"] - marks["password_checked"]) * 1e3,
        "click_to_first_paint_ms": (marks["painted"] - marks["login_clicked"]) * 1e3,
        "gc_during_login_to_first_paint_ms": collections.total_ms,
        "peak_rss_after_login_mib": peak_at_first_paint,
        "peak_rss_list_complete_mib": peak_rss_mib(),
        "memory_marks": memory_marks.marks,
        "peak_rss_before_login_mib": memory["peak_before_login"],
        "rss_at_first_paint_mib": memory["at_first_paint"],
    }
    if probe is not None:
        result["probe"] = probe(app, page)
    if queries is None:
        controller.shutdown()
        return result

    clock = PaintClock()
    profile_typing = os.environ.get("BENCH_PROFILE_TYPING")
    if profile_typing:
        import cProfile

        clock.profiler = cProfile.Profile()
    install_clock(app, page, clock)
    gc.callbacks.append(clock.on_gc)
    stalls: list[dict[str, Any]] = []
    box = page.search_edit
    box.setFocus()

    def settle() -> None:
        pump_until(app, lambda: page.model.complete and not controller.tasks.busy, 120)

    def clear_box() -> None:
        box.clear()
        page._apply_filter()  # no need to wait out the debounce for the empty box
        settle()

    def type_query(text: str, record: Callable[[str, int, dict[str, float]], None]) -> None:
        clear_box()
        pressed = -KEY_INTERVAL_S
        for length in range(1, len(text) + 1):
            next_key = pressed + KEY_INTERVAL_S
            pump_until(app, lambda next_key=next_key: time.perf_counter() >= next_key, 5)
            clock.arm()
            pressed = time.perf_counter()
            type_character(box, text[length - 1])
            quiet_after = pressed + SEARCH_DELAY_MS / 1e3 + 0.3
            if not pump_until(app, lambda quiet_after=quiet_after: clock.painted is not None
                              or (clock.search_started is None
                                  and time.perf_counter() > quiet_after), STALL_S):
                clock.armed = False
                stalls.append({"text": text, "prefix": length,
                               "waited_s": time.perf_counter() - pressed})
                settle()
                continue
            clock.armed = False
            if clock.painted is None or clock.search_started is None:
                continue  # the prefix meant the same search as before (e.g. a space)
            if clock.task_started is not None:
                clock.blockers.setdefault(clock.waited_for or "-", []).append(
                    round((clock.task_started - clock.search_started) * 1e3, 1))
            record(text, length, {
                "key_to_paint": clock.painted - pressed,
                "search_to_paint": clock.painted - clock.search_started,
                "debounce": clock.search_started - pressed,
                "paint": clock.painted - (clock.rows_in or clock.painted),
                "gui_cpu_search_to_paint": clock.cpu_painted - clock.cpu_search_started,
                **({"queue_wait": clock.task_started - clock.search_started,
                    "worker": clock.task_ended - clock.task_started,
                    "to_gui": (clock.rows_in or clock.painted) - clock.task_ended}
                   if clock.task_started is not None and clock.task_ended is not None
                   else {}),
                "gui_cpu_paint": clock.cpu_painted - (clock.cpu_rows_in or clock.cpu_painted),
                "gc": clock.gc_ms / 1e3,
            })
        settle()

    # Warm up on a few queries of each kind (not recorded).
    kinds = [kind for kind in KINDS if kind in queries]
    for kind in kinds:
        for text in queries[kind][:warmup]:
            type_query(text, lambda *_args: None)
    result["warmup_stalls"] = list(stalls)
    stalls.clear()
    per_kind: dict[str, Any] = {}
    from bench.bench_store import percentiles

    for kind in kinds:
        samples: dict[str, list[float]] = {
            "key_to_paint": [], "search_to_paint": [], "debounce": [], "paint": [],
            "gui_cpu_search_to_paint": [], "gui_cpu_paint": [], "last_key_to_paint": [],
            "queue_wait": [], "worker": [], "to_gui": [], "gc": []}
        each: list[dict[str, Any]] = []

        def record(text: str, length: int, times: dict[str, float],
                   samples: dict[str, list[float]] = samples,
                   each: list[dict[str, Any]] = each) -> None:
            for name, seconds in times.items():
                samples[name].append(seconds)
            each.append({"prefix": text[:length],
                         **{name: round(seconds * 1e3, 2) for name, seconds in times.items()}})
            if length == len(text):
                samples["last_key_to_paint"].append(times["key_to_paint"])

        gc.collect()
        for text in queries[kind][warmup:]:
            type_query(text, record)
        per_kind[kind] = {name: percentiles(values) for name, values in samples.items()
                          if values}
        per_kind[kind]["examples"] = queries[kind][warmup:warmup + 3]
        per_kind[kind]["each"] = each
    result["keystrokes"] = per_kind
    result["stalls"] = stalls
    result["peak_rss_mib"] = peak_rss_mib()
    result["rows_shown"] = page.model.rowCount()
    result["paints"] = clock.paints
    result["queue_blockers_ms"] = clock.blockers
    if clock.profiler is not None:
        clock.profiler.dump_stats(profile_typing)
    controller.shutdown()
    return result
