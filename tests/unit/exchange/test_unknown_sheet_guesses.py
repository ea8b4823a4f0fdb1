"""Sheets no layout knows: numbered, Pinyin and compound headers get a guessed field that is
marked unsure, a header naming two fields gets none, 所在地区 joins the address, and of
several phone columns a row keeps its mobile number rather than a landline."""

from __future__ import annotations

from desktop.core.import_types import Cell, ImportTarget
from desktop.exchange.layouts import recognise
from desktop.exchange.row_values import OTHER_VALUES_LEFT_OUT
from desktop.exchange.rows import parse_rows
from desktop.exchange.synonyms import guess_field, header_key, known_headers
from tests.unit.exchange.layout_support import CST


def _fields(headers: list[str]) -> list[str | None]:
    return [entry.field for entry in recognise(headers).mapping]


def test_numbered_columns_get_their_field_and_are_marked_unsure() -> None:
    guess = recognise(["姓名", "手机1", "手机2", "生日"])
    assert [entry.field for entry in guess.mapping] == [
        "customer.name", "customer.phone", "customer.phone", "customer.birthday"]
    assert guess.unsure == (1, 2)
    assert guess_field("Phone 2") == "customer.phone"
    assert guess_field("电话二") == "customer.phone"


def test_pinyin_and_its_initials_are_guessed() -> None:
    guess = recognise(["xm", "dh", "sr", "xb", "dz", "bz", "序号"])
    assert [entry.field for entry in guess.mapping] == [
        "customer.name", "customer.phone", "customer.birthday", "customer.gender",
        "customer.address_detail", "customer.notes", None]
    assert guess.unsure == (0, 1, 2, 3, 4, 5)
    assert guess_field("ShouJi") == "customer.phone"
    assert {header_key(h) for h in ("xm", "sjh")} <= known_headers()  # finds the header row


def test_a_header_holding_one_fields_synonym_is_guessed_two_fields_none() -> None:
    assert guess_field("会员手机号码") == "customer.phone"
    assert guess_field("客户的生日") == "customer.birthday"
    assert guess_field("紧急联系人电话") is None  # 联系人 (a name) and 电话 (a phone)
    assert guess_field("跟进人") is None
    assert guess_field("手机") is None  # an exact synonym is no guess


def test_exact_synonyms_are_sure_unless_they_share_a_one_value_field() -> None:
    guess = recognise(["客户名称", "联系电话", "手机", "所在地区", "详细地址", "备注", "说明"])
    assert [entry.field for entry in guess.mapping] == [
        "customer.name", "customer.phone", "customer.phone", "customer.address_detail",
        "customer.address_detail", "customer.notes", "customer.notes"]
    # two phone columns keep one value: the user should look; addresses and notes join
    assert guess.unsure == (1, 2)


def test_a_known_layout_marks_nothing_unsure() -> None:
    guess = recognise(["会员卡号", "姓名", "性别", "手机号", "生日", "积分", "备注"])
    assert guess.layout is not None
    assert guess.unsure == ()


def test_of_several_phone_columns_the_mobile_wins_and_the_region_joins_the_address() -> None:
    headers = ["客户名称", "联系电话", "手机", "电话", "所在地区", "详细地址"]
    guess = recognise(headers)
    rows: list[tuple[Cell, ...]] = [
        ("张三", "021-62345678", "13812345678", None, "上海市 徐汇区", "漕溪北路88号"),
        ("李四", "13987654321", None, "0755-8888 9999", "广东省深圳市", "科技园1栋"),
        ("王五", "021-62345679", None, None, None, None),
        ("Alice", None, "+44 20 7946 0958", "+44 7911 123456", None, None),
    ]
    parsed = list(parse_rows(rows, first_row_number=2, mapping=guess.mapping,
                             target=ImportTarget.CUSTOMERS, layout=None, local_zone=CST))
    phones = [row.customer.phone if row.customer else None for row in parsed]
    assert phones == ["+8613812345678", "+8613987654321", "+862162345679", "+447911123456"]
    first = parsed[0].customer
    assert first is not None and first.address_detail == "上海市 徐汇区 漕溪北路88号"
    # The number not kept is not dropped unsaid: a warning (no value in it) says so.
    notes = [[(issue.field, issue.reason, dict(issue.params), issue.warning)
              for issue in row.issues] for row in parsed]
    left_out = [("customer.phone", OTHER_VALUES_LEFT_OUT, {"count": "1"}, True)]
    assert notes == [left_out, left_out, [], left_out]
