"""Keystroke-to-paint benchmark: the real window over a real 1,000,000-customer shop.

Run:  .venv/bin/python -m bench.bench_keystroke --customers 1000000
See bench/README.md ("bench_keystroke") for what each figure means.

Real Qt widgets under QT_QPA_PLATFORM=offscreen: the app's controller, login screen, main
window and Customers page; the bench only types into the search box and watches the table's
viewport for the paint that shows the new rows.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.bench_search import make_queries, peak_rss_mib
from bench.bench_store import OUT, SEED, engine_info, percentiles, warm_os_cache
from bench.keystroke_shop import (
    OWNER,
    OWNER_PASSWORD,
    STAFF,
    STAFF_PASSWORD,
    ensure_shop,
    keyring_for,
    shop_paths,
)

ROLES = {"staff": (STAFF, STAFF_PASSWORD), "owner": (OWNER, OWNER_PASSWORD)}
KINDS = ("full phone 138 1234 5678", "full phone +86-138-1234-5678", "last-4",
         "2-char Chinese name", "3+ char substring", "pinyin initials", "pinyin full")
WAIT_S = 30.0
STALL_S = 10.0
"""A keystroke whose rows are not painted by then is recorded as a stall (and left out of
the percentiles, which would otherwise hide it)."""


# ---------------------------------------------------------------- the queries

def keystroke_queries(workdir: Path, count: int) -> dict[str, list[str]]:
    """bench_search's search texts (same seed) for this shop, the phone in two spellings."""
    from desktop.services.workspace import open_with_keyring

    workspace = open_with_keyring(shop_paths(workdir), keyring_for(workdir))
    try:
        base = make_queries(workspace.shop.db, count, SEED)
    finally:
        workspace.close()
    nationals = [re.sub(r"\D", "", text)[-11:] for text in base["full phone"]]
    return {
        KINDS[0]: [f"{n[:3]} {n[3:7]} {n[7:]}" for n in nationals],
        KINDS[1]: [f"+86-{n[:3]}-{n[3:7]}-{n[7:]}" for n in nationals],
        KINDS[2]: base["last-4"],
        KINDS[3]: base["2-char Chinese name"],
        KINDS[4]: base["3+ char substring"],
        KINDS[5]: base["pinyin initials"],
        KINDS[6]: base["pinyin full"],
    }


# ---------------------------------------------------------------- the window (child process)

class PaintClock:
    """Times the Customers table: when a search starts (the debounce fired), when its rows
    are in the model, and when the viewport has finished painting them."""

    def __init__(self) -> None:
        self.search_started: float | None = None
        self.rows_in: float | None = None
        self.painted: float | None = None
        self.armed = False

    def arm(self) -> None:
        self.search_started = self.rows_in = self.painted = None
        self.armed = True


def install_clock(app: Any, page: Any, clock: PaintClock) -> None:
    from PySide6.QtCore import QEvent, QObject

    model, table = page.model, page.table
    original_set_filter = model.set_filter

    def set_filter(flt: Any) -> None:
        if clock.armed and flt != model.current_filter and clock.search_started is None:
            clock.search_started = time.perf_counter()
        original_set_filter(flt)

    model.set_filter = set_filter  # the page calls it through the instance

    def rows_in() -> None:
        if clock.armed and clock.search_started is not None and clock.rows_in is None:
            clock.rows_in = time.perf_counter()

    model.first_screen_ready.connect(rows_in)

    class PaintFilter(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (event.type() == QEvent.Type.Paint and clock.armed
                    and clock.rows_in is not None and clock.painted is None):
                table.viewportEvent(event)  # paint now, so the time includes the painting
                clock.painted = time.perf_counter()
                return True
            return False

    paint_filter = PaintFilter(table)
    table.viewport().installEventFilter(paint_filter)
    page._bench_paint_filter = paint_filter  # keep it alive


def rss_mib() -> float:
    """This process's resident set now (VmRSS)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


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


def pump_until(app: Any, done: Callable[[], bool], timeout_s: float = WAIT_S) -> bool:
    """Run the event loop until ``done()``: event-driven (a 1 ms check timer), so the GUI
    thread sleeps while the worker runs, as it would in the app."""
    from PySide6.QtCore import QEventLoop, QTimer

    if done():
        return True
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout_s

    def check() -> None:
        if done() or time.perf_counter() > deadline:
            loop.quit()

    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    return done()


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
               warmup: int, language: str = "zh_CN") -> dict[str, Any]:
    """Log in as ``role`` in a fresh process, time the first screen, then (if ``queries``)
    type every query into the search box key by key."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.ui import i18n
    from desktop.ui.clipboard_guard import ClipboardGuard
    from desktop.ui.idle_lock import IdleWatcher
    from desktop.ui.pages.customer_table import CustomerTable
    from desktop.ui.pages.customers_page import SEARCH_DELAY_MS, CustomersPage
    from desktop.ui.shell.controller import AppController, State
    from desktop.ui.shell.preferences import LanguageSwitch, Preferences
    from desktop.ui.shell.style import apply_style
    from desktop.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication(["bench"])
    # As run_gui does: the translators and the application font with its CJK fallback
    # (without it every Chinese glyph goes through fontconfig's fallback: twice the paint).
    language = i18n.install_translators(app, language)
    apply_style(app)
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
                return True
            return False

    original_logged_in = controller.logged_in

    def logged_in(session: Any, minutes: int) -> None:
        marks["password_checked"] = time.perf_counter()
        collections.start()
        if os.environ.get("BENCH_PROFILE_LOGIN"):
            import cProfile

            cProfile.runctx("original_logged_in(session, minutes)", globals(), locals(),
                            os.environ["BENCH_PROFILE_LOGIN"])
        else:
            original_logged_in(session, minutes)
        marks["window_built"] = time.perf_counter()
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
    result: dict[str, Any] = {
        "role": role,
        "login_check_ms": (marks["password_checked"] - marks["login_clicked"]) * 1e3,
        "window_built_ms": (marks["window_built"] - marks["password_checked"]) * 1e3,
        "login_to_first_paint_ms": (marks["painted"] - marks["password_checked"]) * 1e3,
        "click_to_first_paint_ms": (marks["painted"] - marks["login_clicked"]) * 1e3,
        "gc_during_login_to_first_paint_ms": collections.total_ms,
        "peak_rss_after_login_mib": peak_rss_mib(),
        "peak_rss_before_login_mib": memory["peak_before_login"],
        "rss_at_first_paint_mib": memory["at_first_paint"],
    }
    if queries is None:
        controller.shutdown()
        return result

    window = controller.main_window
    assert window is not None
    page = window.page("customers")
    assert isinstance(page, CustomersPage)
    clock = PaintClock()
    install_clock(app, page, clock)
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
        for length in range(1, len(text) + 1):
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
            record(text, length, {
                "key_to_paint": clock.painted - pressed,
                "search_to_paint": clock.painted - clock.search_started,
                "debounce": clock.search_started - pressed,
                "paint": clock.painted - (clock.rows_in or clock.painted),
            })
        settle()

    # Warm up on a few queries of each kind (not recorded).
    for kind in KINDS:
        for text in queries[kind][:warmup]:
            type_query(text, lambda *_args: None)
    result["warmup_stalls"] = list(stalls)
    stalls.clear()
    per_kind: dict[str, Any] = {}
    for kind in KINDS:
        samples: dict[str, list[float]] = {"key_to_paint": [], "search_to_paint": [],
                                           "debounce": [], "paint": [], "last_key_to_paint": []}

        def record(text: str, length: int, times: dict[str, float],
                   samples: dict[str, list[float]] = samples) -> None:
            for name, seconds in times.items():
                samples[name].append(seconds)
            if length == len(text):
                samples["last_key_to_paint"].append(times["key_to_paint"])

        gc.collect()
        for text in queries[kind][warmup:]:
            type_query(text, record)
        per_kind[kind] = {name: percentiles(values) for name, values in samples.items()
                          if values}
        per_kind[kind]["examples"] = queries[kind][warmup:warmup + 3]
    result["keystrokes"] = per_kind
    result["stalls"] = stalls
    result["peak_rss_mib"] = peak_rss_mib()
    result["rows_shown"] = page.model.rowCount()
    controller.shutdown()
    return result


# ---------------------------------------------------------------- query part beside plain sqlite

def query_part_child(db_file: Path, key_hex: str | None, texts: list[str]) -> dict[str, Any]:
    """The store level of every typed prefix (``CustomerSearch.page`` + ``rows_by_ids`` of
    the first 50), on the shop's SQLCipher file or bench_search's plain one."""
    import sqlite3

    from bench.bench_store import plain_engine, sqlcipher_engine
    from desktop.store.customer_search import CustomerSearch, SearchFilter, SortKey
    from desktop.store.database import READER_CACHE_MIB

    warm_os_cache(db_file)
    engine = (sqlcipher_engine(bytes.fromhex(key_hex)) if key_hex
              else plain_engine("sqlite3", sqlite3))
    search = CustomerSearch(engine.open(db_file, READER_CACHE_MIB))
    times: list[float] = []
    for text in texts[: min(30, len(texts))]:  # warm-up
        search.rows_by_ids(search.page(SearchFilter(text=text), SortKey.NEWEST, 200).ids[:50])
    gc.disable()
    try:
        for text in texts:
            started = time.perf_counter()
            found = search.page(SearchFilter(text=text), SortKey.NEWEST, 200)
            search.rows_by_ids(found.ids[:50])
            times.append(time.perf_counter() - started)
    finally:
        gc.enable()
    return {"times": times}


def prefixes(texts: list[str]) -> list[str]:
    return [t[:n].strip() for t in texts for n in range(1, len(t) + 1) if t[:n].strip()]


def shop_db_key(workdir: Path) -> str:
    """The shop's raw database key, unwrapped with the vault key as the app does."""
    from desktop.services.workspace import open_with_keyring

    workspace = open_with_keyring(shop_paths(workdir), keyring_for(workdir))
    try:
        return workspace.shop.db_key.hex()
    finally:
        workspace.close()


def missing_search_indexes(plain: Path) -> list[str]:
    """Indexes the search names (INDEXED BY) that a kept plain.db of an older schema lacks."""
    import sqlite3

    from desktop.store.search_terms import SCAN_INDEX

    conn = sqlite3.connect(f"file:{plain}?mode=ro", uri=True)
    try:
        found = {row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        conn.close()
    return [name for name in (SCAN_INDEX,) if name not in found]


def query_parts(workdir: Path, search_dir: Path | None, queries: dict[str, list[str]],
                customers: int) -> dict[str, Any]:
    plain = search_dir / "plain.db" if search_dir else None
    if plain is None or not plain.exists():
        return {}
    meta = json.loads((search_dir / "meta.json").read_text()) if search_dir else {}
    if meta.get("customers") != customers or not meta.get("orders", False):
        print(f"{plain} holds other data; no plain sqlite3 column", flush=True)
        return {}
    missing = missing_search_indexes(plain)
    if missing:
        print(f"{plain} predates the search indexes {', '.join(missing)} (an older schema):"
              " no plain sqlite3 column; bring a copy up to date with"
              " desktop.store.migrations.migrate or rebuild it with bench_search", flush=True)
        return {}
    key = shop_db_key(workdir)
    out: dict[str, Any] = {}
    for kind in KINDS:
        texts = prefixes(queries[kind])
        per_engine = {}
        for engine, (path, key_hex) in {"SQLCipher": (shop_paths(workdir).db, key),
                                        "sqlite3": (plain, None)}.items():
            run = child(["--child-query-part", str(path), "--key", key_hex or ""],
                        stdin=json.dumps(texts))
            per_engine[engine] = percentiles(run["times"])
        out[kind] = per_engine
    return out


# ---------------------------------------------------------------- driver

def child(extra: list[str], stdin: str = "") -> dict[str, Any]:
    # An installed app runs from compiled bytecode: let the children cache theirs (outside
    # the source tree) even where the environment says PYTHONDONTWRITEBYTECODE.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPYCACHEPREFIX": str(OUT / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = subprocess.run([sys.executable, "-m", "bench.bench_keystroke", *extra],
                         input=stdin, capture_output=True, text=True, env=env, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"child {extra[:2]} failed:\n{out.stderr[-3000:]}")
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def run(args: argparse.Namespace) -> dict[str, Any]:
    workdir = args.workdir or OUT / f"keystroke-{args.customers}"
    meta = ensure_shop(workdir, args.customers, args.rebuild)
    typing = args.queries > 0  # --queries 0: the login runs only
    queries: dict[str, list[str]] = {}
    if typing:
        queries = keystroke_queries(workdir, args.queries + args.warmup)
        (workdir / "keystroke-queries.json").write_text(
            json.dumps(queries, ensure_ascii=False), encoding="utf-8")
    warm_os_cache(shop_paths(workdir).db)
    report: dict[str, Any] = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "args": {k: str(v) for k, v in vars(args).items()}, "engines": engine_info(),
        "shop": meta, "roles": {}, "logins": {},
    }
    for role in args.roles:
        print(f"{role}: login to first paint, {args.login_runs} fresh processes …", flush=True)
        logins = [child(["--child-role", role, "--workdir", str(workdir),
                         "--language", args.language]) for _ in range(args.login_runs)]
        report["logins"][role] = {
            key: statistics.median(run[key] for run in logins)
            for key in logins[0] if key != "role"} | {
            "max_login_to_first_paint_ms": max(r["login_to_first_paint_ms"] for r in logins)}
        if not typing:
            continue
        print(f"{role}: typing {args.queries} queries per kind …", flush=True)
        report["roles"][role] = child(
            ["--child-role", role, "--workdir", str(workdir), "--type", "--warmup",
             str(args.warmup), "--language", args.language])
    if not typing:
        return report
    search_dir = args.search_workdir or OUT / f"search-{args.customers}"
    print("query part: SQLCipher shop beside bench_search's plain sqlite3 …", flush=True)
    report["query_part"] = query_parts(
        workdir, search_dir, {k: v[args.warmup:] for k, v in queries.items()}, args.customers)
    return report


def table(report: dict[str, Any]) -> str:
    roles = list(report["roles"])
    if not roles:
        return "\n".join([f"N = {report['shop']['customers']:,} customers in a real shop "
                          f"(demo data, seed {SEED}); UI in {report['args']['language']}; "
                          "login runs only (--queries 0)", *login_lines(report)])
    lines = [f"N = {report['shop']['customers']:,} customers in a real shop (demo data, seed "
             f"{SEED}); UI in {report['args']['language']}; {report['args']['queries']} queries"
             " per kind typed key by key, every prefix searched (a slow typist); times in ms,"
             " p50 / p95"]
    head = ["query kind", *(f"{r}: key→paint" for r in roles),
            *(f"{r}: search→paint" for r in roles), f"{roles[0]}: paint", "last key→paint",
            "query part SQLCipher", "plain sqlite3", "ratio p95"]
    rows = [head]
    for kind in KINDS:
        cells = [kind]
        for level in ("key_to_paint", "search_to_paint"):
            for role in roles:
                stats = report["roles"][role]["keystrokes"][kind][level]
                cells.append(f"{stats['p50_ms']:.1f} / {stats['p95_ms']:.1f}")
        paint = report["roles"][roles[0]]["keystrokes"][kind]["paint"]
        cells.append(f"{paint['p50_ms']:.1f} / {paint['p95_ms']:.1f}")
        last = report["roles"][roles[0]]["keystrokes"][kind]["last_key_to_paint"]
        cells.append(f"{last['p50_ms']:.1f} / {last['p95_ms']:.1f}")
        part = report.get("query_part", {}).get(kind)
        if part:
            c, p = part["SQLCipher"], part["sqlite3"]
            cells += [f"{c['p50_ms']:.2f} / {c['p95_ms']:.2f}",
                      f"{p['p50_ms']:.2f} / {p['p95_ms']:.2f}",
                      f"{c['p95_ms'] / p['p95_ms']:.2f}×"]
        else:
            cells += ["–", "–", "–"]
        rows.append(cells)
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines.append("")
    for n, row in enumerate(rows):
        lines.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                               for i, (c, w) in enumerate(zip(row, widths, strict=True))))
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append("")
    first = report["roles"][roles[0]]["keystrokes"][KINDS[0]]
    lines.append(f"debounce (key → search starts), {roles[0]}: "
                 f"p50 {first['debounce']['p50_ms']:.1f} ms; painting the rows: "
                 f"p50 {first['paint']['p50_ms']:.1f} / p95 {first['paint']['p95_ms']:.1f} ms")
    lines += login_lines(report)
    for role in roles:
        measured = report["roles"][role]
        stalled = measured["stalls"] + measured["warmup_stalls"]
        lines.append(f"peak RSS after typing, {role}: {measured['peak_rss_mib']:.0f} MiB; "
                     f"keystrokes with no paint within {STALL_S:.0f} s: {len(stalled)}"
                     + (f" (e.g. {stalled[0]['text'][:stalled[0]['prefix']]!r})"
                        if stalled else ""))
    return "\n".join(lines)


def login_lines(report: dict[str, Any]) -> list[str]:
    lines = []
    for role, login in report["logins"].items():
        lines.append(
            f"login as {role} → first rows painted (after the password check), median of "
            f"{report['args']['login_runs']}: {login['login_to_first_paint_ms']:.1f} ms "
            f"(max {login['max_login_to_first_paint_ms']:.1f}; window and page built "
            f"{login['window_built_ms']:.0f} ms; garbage collector "
            f"{login['gc_during_login_to_first_paint_ms']:.0f} ms; password check "
            f"{login['login_check_ms']:.0f} ms, click → paint "
            f"{login['click_to_first_paint_ms']:.0f} ms; peak RSS "
            f"{login['peak_rss_after_login_mib']:.0f}"
            f" MiB, {login['peak_rss_before_login_mib']:.0f} MiB before the login; RSS at the"
            f" first paint {login['rss_at_first_paint_mib']:.0f} MiB)")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=15, help="typed queries per kind")
    parser.add_argument("--warmup", type=int, default=2, help="unrecorded queries per kind")
    parser.add_argument("--login-runs", type=int, default=3)
    parser.add_argument("--roles", nargs="+", choices=list(ROLES), default=list(ROLES))
    parser.add_argument("--workdir", type=Path, default=None,
                        help="where the shop is built and reused (default bench/out/"
                             "keystroke-N)")
    parser.add_argument("--search-workdir", type=Path, default=None,
                        help="bench_search's databases, for the plain sqlite3 column "
                             "(default bench/out/search-N)")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--language", default="zh_CN", choices=["zh_CN", "en"],
                        help="UI language of the window (default: a Chinese shop's)")
    parser.add_argument("--child-role", choices=list(ROLES), help=argparse.SUPPRESS)
    parser.add_argument("--type", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child-query-part", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--key", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_role:
        queries = None
        if args.type:
            queries = json.loads((args.workdir / "keystroke-queries.json").read_text(
                encoding="utf-8"))
        print(json.dumps(role_child(args.workdir, args.child_role, queries, args.warmup,
                                    args.language)))
        return 0
    if args.child_query_part:
        texts = json.loads(sys.stdin.read())
        print(json.dumps(query_part_child(args.child_query_part, args.key or None, texts)))
        return 0
    report = run(args)
    text = table(report)
    print()
    print(text)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    OUT.mkdir(parents=True, exist_ok=True)
    out = OUT / f"bench_keystroke-{args.customers}-{stamp}.json"
    out.write_text(json.dumps({**report, "table": text}, indent=2, default=str) + "\n",
                   encoding="utf-8")
    print(f"\nJSON: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
