"""Many customers' fields held packed: one ``bytes`` object per customer (``marshal`` of its
values, a :class:`CustomerFields` being the tuple of them) instead of a ``CustomerFields``
and a ``str`` or ``int`` object per value.

An import holds every new customer of the file from the row that names them until the store
has written them. Unpacked, 100,000 customers of a membership sheet are ~45 MiB of small
objects, alive at the import's peak next to calamine's whole sheet; packed they are ~15 MiB
(figures in ``bench/README.md``). Packing costs ~0.5 µs a customer, reading one back ~0.6 µs
(the store takes them as plain value tuples, the planner as ``CustomerFields``).

Every value of a ``CustomerFields`` is ``None``, a ``str``, an ``int`` or a tuple of ``str``,
all of which ``marshal`` keeps exactly. The bytes never leave the process.
"""

from __future__ import annotations

import marshal
from collections.abc import Iterable, Iterator
from operator import itemgetter
from typing import Any, Final, NamedTuple

from desktop.core.import_types import CustomerFields

FIELD_ORDER: Final = CustomerFields._fields
"""The order of a customer's values in a :data:`FieldValues` tuple."""

FieldValues = tuple[Any, ...]
"""A customer's values in :data:`FIELD_ORDER` (``tuple(fields)`` of a ``CustomerFields``)."""


class CustomerIdentifiers(NamedTuple):
    """A packed customer's identifiers alone (cheaper to read back than all its fields)."""

    phone: str | None
    member_no: str | None
    email: str | None
    platform: str | None
    platform_account: str | None


_IDENTIFIERS: Final = itemgetter(*map(FIELD_ORDER.index, CustomerIdentifiers._fields))


def pack(fields: CustomerFields) -> bytes:
    return marshal.dumps(tuple(fields))  # marshal takes plain tuples only


def unpack(packed: bytes) -> CustomerFields:
    return CustomerFields._make(values_of(packed))


def values_of(packed: bytes) -> FieldValues:
    # Only bytes :func:`pack` made in this process are ever read here.
    values: FieldValues = marshal.loads(packed)  # noqa: S302
    return values


def identifiers_of(packed: bytes) -> CustomerIdentifiers:
    return CustomerIdentifiers._make(_IDENTIFIERS(values_of(packed)))


class PackedCustomers:
    """A list of customers' fields, each held packed; read back one by one as
    ``CustomerFields`` or taken from the front in bulk as :data:`FieldValues`."""

    __slots__ = ("_packed",)

    def __init__(self, customers: Iterable[CustomerFields] = ()) -> None:
        self._packed: list[bytes] = [pack(fields) for fields in customers]

    def append_packed(self, packed: bytes) -> None:
        """Append a customer already packed (by :func:`pack`)."""
        self._packed.append(packed)

    def take_values(self, count: int) -> list[FieldValues]:
        """Remove the first ``count`` customers and return their values."""
        taken = self._packed[:count]
        del self._packed[:count]
        return list(map(values_of, taken))

    def release(self, step: int) -> None:
        """Forget every customer, ``step`` at a time (freeing 100,000 objects in one C call
        holds the GIL for tens of milliseconds)."""
        while self._packed:
            del self._packed[-step:]

    def __len__(self) -> int:
        return len(self._packed)

    def __getitem__(self, index: int) -> CustomerFields:
        return unpack(self._packed[index])

    def __iter__(self) -> Iterator[CustomerFields]:
        return map(unpack, self._packed)

    def __repr__(self) -> str:
        return f"PackedCustomers({len(self)} customers)"
