"""Notes, tags and levels through the whole customer-row pipeline of an export (a batch at a
time: the columns transposed, the per-column memo, the free-text fast path) equal the
reference free-text masker, for text with phones (also spelled in Chinese numerals), ID
numbers, e-mails, WeChat IDs and street addresses written inside it."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.masking import mask_free_text
from desktop.core.models import Customer
from desktop.services.export_api import ReportKind
from desktop.services.exports_columns import CATALOGUE
from desktop.services.exports_customer_rows import customer_rows
from desktop.services.exports_rows import LocalTimes, Masker
from desktop.store.customers import TAG_SEPARATOR, customer_row

PERSONAL = [
    "13812345678", "+86 138 1234 5678", "138-1234-5678", "＋８６１３８１２３４５６７８",
    "11010119900307123X", "110101199003071234", "bob.smith@example.com", "a@b.cn",
    "微信 wxid_abc123", "wechat: bob_the_builder", "北京市朝阳区建国路88号",
    "解放路985号碧桂园15栋1单元1504室", "204 High Street",
    "一三八一二三四五六七八", "幺三八 幺二三四 五六七八", "壹叁捌-壹贰叁肆-伍陆柒捌",
]
PLAIN = ["老客户", "只用顺丰", "VIP", "请", "电话", "地址：", "，", "。", " ", "\n", "call",
         "tomorrow", "=", "'", "-", "#", "(", ")", "7", "号", "路", "6222 0212 3456 7890 123",
         "一", "二三", "幺"]
PART = st.sampled_from(PERSONAL + PLAIN)
NOTE = st.lists(PART, max_size=6).map("".join)
COLUMNS = [c for c in CATALOGUE[ReportKind.CUSTOMERS]
           if c.key in ("customer.notes", "customer.level", "customer.tags")]


def _record(notes: str, level: str, tags: tuple[str, ...], customer_id: int
            ) -> tuple[object, ...]:
    customer = dataclasses.replace(Customer(None, name="张三"), id=customer_id, notes=notes,
                                   level=level)
    return (*customer_row(customer), TAG_SEPARATOR.join(tags) if tags else None)


@settings(max_examples=300, deadline=None)
@given(notes=st.lists(st.tuples(NOTE, NOTE, st.lists(NOTE.filter(bool), max_size=3)),
                      min_size=1, max_size=8))
def test_notes_levels_and_tags_mask_as_the_reference(
        notes: list[tuple[str, str, list[str]]]) -> None:
    build = customer_rows(COLUMNS, Masker(masked=True), LocalTimes(None), None)
    records = [_record(n, lv, tuple(t), i) for i, (n, lv, t) in enumerate(notes, start=1)]
    for _ in range(2):  # the second time from the memo
        rows = build(records + records[:1])
        expected = [
            (mask_free_text(lv) if lv else "",
             "、".join(mask_free_text(t) for t in tags),
             mask_free_text(n) if n else "")
            for n, lv, tags in (*notes, notes[0])
        ]
        assert [tuple(row) for row in rows] == expected


def test_each_kind_of_personal_data_is_masked_inside_a_note() -> None:
    build = customer_rows(COLUMNS, Masker(masked=True), LocalTimes(None), None)
    rows = build([_record(f"备注：{part}，谢谢", part, (part,), i)
                  for i, part in enumerate(PERSONAL, start=1)])
    for part, (level, tags, notes) in zip(PERSONAL, rows, strict=True):
        assert part not in str(notes) and part not in str(level) and part not in str(tags)
        assert notes == mask_free_text(f"备注：{part}，谢谢")
