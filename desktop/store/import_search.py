"""The name grams of the customers an import adds, written in bulk once all their rows are in
(their trigram entries go in chunk by chunk, right after each chunk's rows:
``desktop.store.import_writer``).

The one place an import writes the search tables (``desktop.store.search_keys``) for new
customers; updated customers go through :class:`~desktop.store.search_keys.SearchKeys`. Runs
in the import's transaction.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Final

from desktop.store.connection import Connection
from desktop.store.search_keys import name_grams

# One statement per gram, its ids unpacked by SQLite: a row per gram and customer bound
# from Python (~400,000 for 100,000 names) cost twice as much.
_INSERT_NAME_GRAMS: Final = (
    "INSERT INTO customer_name_grams (gram, created_at, customer_id)"
    " SELECT ?, ?, value FROM json_each(?)"
)
_CHUNK: Final = 500  # grams per executemany: short C calls, so a UI thread gets the GIL

GramRow = tuple[str, str, str]
"""A gram, the customers' created_at and their ids as a JSON array
(:meth:`NewNameGrams.id_lists`)."""


class NewNameGrams:
    """The name grams of the customers an import adds (all created at ``created_at``),
    written in the table's key order (gram, created_at, id), so each page of
    ``customer_name_grams`` is written once. An id list per gram instead of a row per gram and
    customer: ~500,000 of those for 100,000 names, which a temporary table and its sort held
    twice over.

    The names are gathered while the rows are made and their grams computed only in
    :meth:`id_lists`: the import's second thread makes the rows while the import's thread
    inserts them, and was the slower of the two by ~0.2 s of a 100,000-row import; after the
    last chunk it waits on the index rebuild anyway (~0.7 s), time the grams now use."""

    def __init__(self, created_at: str) -> None:
        self._created_at = created_at
        self._ids: dict[str, array[int]] = {}
        self._names: list[tuple[int, Sequence[str]]] = []

    def add_names(self, first_id: int, names: Sequence[str]) -> None:
        """The names of the customers with ids ``first_id``, ``first_id + 1`` … in order."""
        self._names.append((first_id, names))

    def _add(self, customer_id: int, grams: Iterable[str]) -> None:
        ids = self._ids
        for gram in grams:
            bucket = ids.get(gram)
            if bucket is None:
                ids[gram] = array("q", (customer_id,))  # no int object per id held
            else:
                bucket.append(customer_id)  # ids come in ascending order

    def id_lists(self) -> Iterator[GramRow]:
        """(gram, the customers' created_at, its ids as a JSON array) in key order; each
        gram's ids are freed as read."""
        self._add_gathered_names()
        created_at = self._created_at
        for gram in sorted(self._ids):
            ids = self._ids.pop(gram).tolist()
            yield gram, created_at, json.dumps(ids, separators=(",", ":"))

    def _add_gathered_names(self) -> None:
        gathered, self._names = self._names, []
        add = self._add
        for first_id, names in gathered:
            for customer_id, name in enumerate(names, first_id):
                add(customer_id, name_grams(name))


def write_name_grams(conn: Connection, id_lists: Sequence[GramRow]) -> None:
    """Write the grams of ``NewNameGrams.id_lists`` (made on the import's second thread while
    this one rebuilds the indexes, see desktop.store.import_writer)."""
    for start in range(0, len(id_lists), _CHUNK):
        conn.executemany(_INSERT_NAME_GRAMS, id_lists[start:start + _CHUNK])
