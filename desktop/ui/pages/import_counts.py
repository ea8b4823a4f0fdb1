"""An import's counts in words: the one place that knows which numbers of ``ImportCounts``
people are told about, in which order, and which are shown even when nothing happened.

Each screen brings its own words (a Past-imports cell, the check step's extra line, the
summary's list); the words stay in that screen's translation context.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from enum import Enum

from desktop.services.import_api import ImportCounts
from desktop.ui.i18n import ui_locale


class Counted(Enum):
    CREATED = "created"
    UPDATED = "updated"
    DUPLICATES = "duplicates"
    SKIPPED = "skipped"
    ORDERS = "orders"
    ORDERS_UPDATED = "orders_updated"
    FEEDBACK = "feedback"
    BLANK = "blank"
    REJECTED = "rejected"


def number_text(number: int) -> str:
    """A count as people read it in the UI language: 99600 → "99,600"."""
    return ui_locale().toString(number)


def counted_values(counts: ImportCounts) -> dict[Counted, int]:
    """Every count people are told about, in the order they are told."""
    return {
        Counted.CREATED: counts.customers_created,
        Counted.UPDATED: counts.customers_updated,
        Counted.DUPLICATES: counts.duplicates,
        Counted.SKIPPED: counts.skipped,
        Counted.ORDERS: counts.orders_created,
        Counted.ORDERS_UPDATED: counts.orders_updated,
        Counted.FEEDBACK: counts.feedback_created,
        Counted.BLANK: counts.skipped_blank + counts.skipped_summary,
        Counted.REJECTED: counts.rejected,
    }


Words = Mapping[Counted, Callable[[int], str]]
"""What to say for each count a screen mentions (given the number)."""


def count_lines(
    counts: ImportCounts, words: Words, always: Collection[Counted] = ()
) -> list[tuple[str, int]]:
    """(words, number) for each count in ``words`` that is not zero or is in ``always``."""
    return [
        (words[kind](value), value)
        for kind, value in counted_values(counts).items()
        if kind in words and (value or kind in always)
    ]


def counts_line(counts: ImportCounts, words: Words, always: Collection[Counted] = ()) -> str:
    """The same as one line: "12 new · 3 updated · 2 orders"."""
    return " · ".join(text for text, _value in count_lines(counts, words, always))
