"""The search entries an import writes in bulk (desktop.store.import_search) are exactly those
the one-at-a-time path derives for the same customers, in a real SQLCipher shop."""

from __future__ import annotations

import pytest

from desktop.core.import_types import CustomerFields, ImportTarget, MatchPolicy, ParsedRow, RowKind
from desktop.services.customer_views import CustomerDraft
from desktop.services.customers import CustomerService
from desktop.services.imports_run import RowSource, run_rows
from desktop.store.import_search import NewNameGrams
from desktop.store.search_keys import gram_rows, name_keys
from tests.support.shops import ShopFixture

NAMES = ("张伟", "张伟", "王小明", "欧阳娜娜", "Lily Green", "张·伟", "李", "王明")


def _rows() -> list[ParsedRow]:
    return [
        ParsedRow(number, RowKind.DATA, customer=CustomerFields(
            name=name, phone=f"+86139000000{number:02d}", member_no=f"M{number:03d}"))
        for number, name in enumerate(NAMES, start=2)
    ]


@pytest.mark.parametrize("bulk_from", [3, 10_000])  # the index-rebuilding load, and not
def test_imported_name_grams_and_pinyin_match_the_one_at_a_time_path(
    shop: ShopFixture, monkeypatch: pytest.MonkeyPatch, bulk_from: int
) -> None:
    monkeypatch.setattr("desktop.store.imports.BULK_LOAD_FROM", bulk_from)
    # A customer stored before the import shares grams with the imported ones.
    CustomerService(shop.workspace).add(shop.owner, CustomerDraft(name="张伟强",
                                                                 phone="13700000001"))
    result = run_rows(shop.workspace, shop.owner, RowSource("会员.xlsx", "Sheet1", _rows()),
                      ImportTarget.CUSTOMERS, MatchPolicy.FILL_EMPTY)
    assert result.counts.customers_created == len(NAMES)
    conn = shop.workspace.shop.db.conn
    stored = conn.execute("SELECT id, name, created_at, name_pinyin, name_initials"
                          " FROM customers ORDER BY id").fetchall()
    assert len(stored) == len(NAMES) + 1
    expected = sorted(gram_rows((cid, name, created) for cid, name, created, _, _ in stored))
    grams = conn.execute("SELECT gram, created_at, customer_id FROM customer_name_grams"
                         " ORDER BY gram, created_at, customer_id").fetchall()
    assert grams == expected
    assert [(pinyin, initials) for *_, pinyin, initials in stored] == [
        name_keys(name) for _, name, *_ in stored
    ]
    fts_rows = conn.execute("SELECT count(*) FROM customer_text_fts WHERE customer_text_fts"
                            " MATCH '\"王小明\"'").fetchone()[0]
    assert fts_rows == 1


def test_new_name_grams_come_out_in_key_order_with_every_id() -> None:
    grams = NewNameGrams("2026-01-01T00:00:00")
    grams.add_names(7, ["张伟", "王伟"])
    grams.add_names(9, ["张", "Li Wei"])  # a Latin name has no grams
    lists = list(grams.id_lists())
    assert [gram for gram, _, _ in lists] == sorted(gram for gram, _, _ in lists)
    assert {(gram, created, ids) for gram, created, ids in lists} == {
        ("张", "2026-01-01T00:00:00", "[7,9]"), ("伟", "2026-01-01T00:00:00", "[7,8]"),
        ("张伟", "2026-01-01T00:00:00", "[7]"), ("王", "2026-01-01T00:00:00", "[8]"),
        ("王伟", "2026-01-01T00:00:00", "[8]"),
    }
    assert list(grams.id_lists()) == []  # handed out once
