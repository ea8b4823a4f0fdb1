"""The export's column conversion of stored UTC instants to the system's local wall time
(``LocalTimes.column`` with no zone given) equals ``astimezone(None)`` without its tzinfo —
the per-value path — in zones with daylight saving, half-hour and odd offsets, across their
transitions."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.services.exports_rows import LocalTimes

ZONES = ("UTC", "Asia/Shanghai", "America/New_York", "Europe/London",
         "America/St_Johns", "Australia/Lord_Howe", "Pacific/Chatham")


@contextlib.contextmanager
def zone(name: str) -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


@pytest.fixture(params=ZONES)
def system_zone(request: pytest.FixtureRequest) -> Iterator[str]:
    with zone(request.param):
        yield request.param


def _per_value(iso: str) -> datetime | None:
    moment = datetime.fromisoformat(iso)
    return moment.astimezone(None).replace(tzinfo=None)


def _around_transitions(year: int) -> list[str]:
    """Every quarter hour of the days on which zones change their clocks."""
    days = [datetime(year, month, day, tzinfo=UTC) for month, day in
            ((3, 8), (3, 9), (3, 10), (3, 26), (3, 27), (3, 28), (3, 29), (3, 30), (3, 31),
             (4, 1), (4, 2), (4, 3), (4, 4), (4, 5), (4, 6), (9, 27), (9, 28), (9, 29),
             (10, 1), (10, 2), (10, 3), (10, 4), (10, 5), (10, 6), (10, 25), (10, 26),
             (10, 27), (10, 28), (10, 29), (10, 30), (10, 31), (11, 1), (11, 2), (11, 3))]
    return [(day + timedelta(minutes=15 * step)).isoformat()
            for day in days for step in range(96)]


def test_the_column_equals_the_per_value_conversion_across_clock_changes(
        system_zone: str) -> None:
    stored = _around_transitions(2025) + _around_transitions(1995)
    shown = LocalTimes(None).column(stored)
    assert shown == [_per_value(iso) for iso in stored]
    assert shown == [LocalTimes(None)(iso) for iso in stored]


@settings(max_examples=300, deadline=None)
@given(st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(9998, 12, 30),
                    timezones=st.timezones()), st.sampled_from(ZONES))
def test_any_stored_instant_reads_as_the_per_value_path_gives(moment: datetime,
                                                               system: str) -> None:
    iso = moment.isoformat()
    with zone(system):
        assert LocalTimes(None).column([iso]) == [LocalTimes(None)(iso)] == [_per_value(iso)]


def test_unparseable_naive_and_empty_values_keep_their_meaning() -> None:
    values: list[object] = ["not a time", "2025-03-01T08:00:00", "", None, 5]
    assert LocalTimes(None).column(values) == [
        None, LocalTimes(None)("2025-03-01T08:00:00"), None, None, LocalTimes(None)("5")]
