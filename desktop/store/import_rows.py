"""The rows an import inserts for its new customers (``desktop.store.imports``): made in Python
on a second thread while the import's thread inserts the chunk before
(``desktop.store.import_writer``)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from operator import attrgetter, itemgetter
from typing import Final

from desktop.core.import_types import CustomerFields
from desktop.store.customers import CustomerRepository, normalised_tags
from desktop.store.import_search import NewNameGrams
from desktop.store.search_keys import name_grams, name_keys, text_columns

NAME_CACHE: Final = 4_096

# The values of CustomerFields written for a new customer, in CustomerRepository.columns
# order after the id (created_at, updated_at and the two search columns follow), each with
# what a new Customer holds where the field is None (None: NULL). In Python, not as
# ``ifnull(?, '')`` in the statement: that made the insert twice as slow.
_NEW_CUSTOMER_VALUES: Final = tuple(
    (attrgetter(column), default) for column, default in (
        ("member_no", None), ("name", ""), ("gender", ""), ("birthday", None),
        ("phone", None), ("email", None), ("wechat_id", None), ("province", ""), ("city", ""),
        ("district", ""), ("address_detail", ""), ("level", ""), ("points", 0),
        ("balance_cents", 0), ("notes", ""), ("source", ""),
    )
)

_NAME: Final = attrgetter("name")
_TAGS: Final = attrgetter("tags")

Row = tuple[object, ...]

ROW_COLUMNS: Final = CustomerRepository.columns + CustomerRepository.search_columns
"""The columns of a row of :meth:`NewCustomerRows.rows`, in order."""

# Where the values the trigram index is made of sit in a row of NewCustomerRows.rows.
_TEXT_FIELDS: Final = tuple(
    CustomerRepository.columns.index(column)
    for column in ("id", "name", "email", "wechat_id", "member_no")
)


def text_rows(rows: Sequence[Row]) -> list[tuple[object, ...]]:
    """The trigram entries of new customers' ``rows``: the id and
    :func:`~desktop.store.search_keys.text_columns` of each, exactly what
    ``search_keys.fill_after_bulk_load`` derives in SQL from the stored rows (the entries
    of a contentless index must be removable with what :class:`SearchKeys` derives later)."""
    fields = itemgetter(*_TEXT_FIELDS)
    return [
        (customer_id, *text_columns(name, email, wechat_id, member_no))
        for customer_id, name, email, wechat_id, member_no in map(fields, rows)
    ]


class NewCustomerRows:
    """Insert rows for new customers stamped ``now``, pinyin and grams computed once per name
    from a small cache of recent names (kept small: a cache of every name of a big import
    holds ~20 MB and hundreds of thousands of objects)."""

    def __init__(self, now: str) -> None:
        self.now = now
        """The new customers' created_at and updated_at."""
        self._keys: dict[str, tuple[tuple[str, str], frozenset[str]]] = {}

    def name_keys(self, name: str) -> tuple[tuple[str, str], frozenset[str]]:
        """(pinyin, initials) and the name grams of ``name``."""
        found = self._keys.get(name)
        if found is None:
            if len(self._keys) >= NAME_CACHE:
                self._keys.clear()
            found = self._keys[name] = (name_keys(name), name_grams(name))
        return found

    def rows(
        self, first_id: int, chunk: Sequence[CustomerFields], grams: NewNameGrams | None = None
    ) -> tuple[list[Row], list[tuple[int, str]]]:
        """The customers rows (ids from ``first_id`` on) and tag rows of ``chunk``; each
        customer's name grams go to ``grams``."""
        numbers = range(first_id, first_id + len(chunk))
        searched: list[tuple[str, str]] = []
        keys_of = self.name_keys
        for number, name in zip(numbers, map(_NAME, chunk), strict=True):
            keys, customer_grams = keys_of(name or "")
            searched.append(keys)
            if grams is not None:
                grams.add(number, customer_grams)
        now = repeat(self.now)
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
