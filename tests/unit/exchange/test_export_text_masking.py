"""Street addresses written inside notes and feedback are masked like a structured address
(region kept, street hidden), next to phones, IDs and e-mails found by the validators."""

from __future__ import annotations

import pytest

from desktop.core.address_text import street_spans
from desktop.core.masking import mask_free_text


@pytest.mark.parametrize(("text", "masked"), [
    ("送到北京市朝阳区建国路88号院3号楼1201，谢谢", "送到北京市朝阳区****，谢谢"),
    ("地址：浙江省杭州市西湖区文三路５５３号", "地址：浙江省杭州市西湖区****"),
    ("住幸福小区3栋2单元501 电话13812345678", "**** 电话138****5678"),
    ("Deliver to 221B Baker Street, London", "Deliver to ****, London"),
    ("ship to 12 High St. tomorrow", "ship to **** tomorrow"),
    ("ID 110101199003071233, mail j.smith@corp.example.com",
     "ID 110101********1233, mail j******@corp.example.com"),
])
def test_addresses_inside_text_are_masked(text: str, masked: str) -> None:
    assert mask_free_text(text) == masked


@pytest.mark.parametrize("text", [
    "老客户，喜欢红色，2024年买过3次，每次约 ¥1,280.00。",
    "Prefers size 42, order #20240105.",
    "走了5公里，路上3次堵车",
    '=HYPERLINK("http://x","y")',
])
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert mask_free_text(text) == text
    assert street_spans(text) == []
