"""The rows an import inserts for its new customers (``desktop.store.imports``): made in Python
on a second thread while the import's thread inserts the chunk before
(``desktop.store.import_writer``)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from operator import itemgetter
from typing import Final

from desktop.core.packed_customers import FIELD_ORDER, FieldValues
from desktop.store.customers import normalised_tags
from desktop.store.import_search import NewNameGrams
from desktop.store.search_keys import name_keys

NAME_CACHE: Final = 4_096

# The values of a customer (FieldValues) written for a new customer, in CustomerRepository.columns
# order after the id (created_at, updated_at and the two search columns follow), each with
# what a new Customer holds where the field is None (None: NULL). In Python, not as
# ``ifnull(?, '')`` in the statement: that made the insert twice as slow.
_NEW_CUSTOMER_VALUES: Final = tuple(
    (itemgetter(FIELD_ORDER.index(column)), default) for column, default in (
        ("member_no", None), ("name", ""), ("gender", ""), ("birthday", None),
        ("phone", None), ("email", None), ("wechat_id", None), ("province", ""), ("city", ""),
        ("district", ""), ("address_detail", ""), ("level", ""), ("points", 0),
        ("balance_cents", 0), ("notes", ""), ("source", ""),
    )
)

_NAME: Final = itemgetter(FIELD_ORDER.index("name"))
_TAGS: Final = itemgetter(FIELD_ORDER.index("tags"))

Row = tuple[object, ...]


class NewCustomerRows:
    """Insert rows for new customers stamped ``now``, pinyin and grams computed once per name
    from a small cache of recent names (kept small: a cache of every name of a big import
    holds ~20 MB and hundreds of thousands of objects)."""

    def __init__(self, now: str) -> None:
        self._now = now
        self._keys: dict[str, tuple[str, str]] = {}

    def name_keys(self, name: str) -> tuple[str, str]:
        """(pinyin, initials) of ``name``."""
        found = self._keys.get(name)
        if found is None:
            if len(self._keys) >= NAME_CACHE:
                self._keys.clear()
            found = self._keys[name] = name_keys(name)
        return found

    def rows(
        self, first_id: int, chunk: Sequence[FieldValues], grams: NewNameGrams | None = None
    ) -> tuple[list[Row], list[tuple[int, str]]]:
        """The customers rows (ids from ``first_id`` on) and tag rows of ``chunk``; their
        names go to ``grams``."""
        numbers = range(first_id, first_id + len(chunk))
        names = [name or "" for name in map(_NAME, chunk)]
        searched = list(map(self.name_keys, names))
        if grams is not None:
            grams.add_names(first_id, names)
        now = repeat(self._now)
        # A row per customer, made column by column.
        rows = list(zip(
            numbers, *(
                map(value_of, chunk) if default is None
                else [value or default for value in map(value_of, chunk)]
                for value_of, default in _NEW_CUSTOMER_VALUES
            ),
            now, now, *zip(*searched, strict=True), strict=False,  # now: endless
        ))
        tags = [
            (number, tag)
            for number, their_tags in zip(numbers, map(_TAGS, chunk), strict=True)
            if their_tags for tag in normalised_tags(their_tags)
        ]
        return rows, tags
