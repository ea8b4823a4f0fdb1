"""A stored column the customer report shows NULL and "" alike in (so the column read gives
"" for NULL, ``CustomerColumns(empty_for_null=…)``): rows made with "" in place of None are
the same rows, batch for batch, for every column it names."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.demo_data import generate_customers
from desktop.services.export_api import ReportKind
from desktop.services.exports_columns import CATALOGUE
from desktop.services.exports_customer_rows import customer_rows
from desktop.services.exports_rows import LocalTimes, Masker
from desktop.store.customers import TAG_SEPARATOR, CustomerRepository, customer_row
from desktop.store.export_columns import TAGS

ALL = CATALOGUE[ReportKind.CUSTOMERS]
NAMES = [*CustomerRepository.columns, TAGS]
PEOPLE = list(generate_customers(40))


def _records(blanks: list[set[str]]) -> list[tuple[object, ...]]:
    records = []
    for index, (person, blank) in enumerate(zip(PEOPLE, blanks, strict=False), start=1):
        stored = dataclasses.replace(person, id=index)
        tags = TAG_SEPARATOR.join(person.tags) if person.tags else None
        record = [*customer_row(stored), tags]
        records.append(tuple(None if name in blank else value
                             for name, value in zip(NAMES, record, strict=True)))
    return records


@settings(max_examples=150, deadline=None)
@given(masked=st.booleans(), pseudonym=st.booleans(),
       blanks=st.lists(st.sets(st.sampled_from(NAMES[1:])), min_size=1, max_size=40))
def test_rows_are_the_same_with_empty_text_for_null(masked: bool, pseudonym: bool,
                                                    blanks: list[set[str]]) -> None:
    build = customer_rows(ALL, Masker(masked), LocalTimes(None),
                          (lambda cid: f"k{cid}") if pseudonym else None)
    alike = build.shows_null_as_empty()
    assert {"phone", "email", "birthday", "member_no", TAGS} <= alike
    records = _records(blanks)
    emptied = [tuple("" if value is None and name in alike else value
                     for name, value in zip(NAMES, record, strict=True))
               for record in records]
    assert build(emptied) == build(records)
