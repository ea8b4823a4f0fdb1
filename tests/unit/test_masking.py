"""The masking rule table (DESIGN §4): every row exactly, the edge cases around it, free-text
detection, and properties that must hold for any input."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.masking import (
    COMPOUND_SURNAMES,
    mask_address,
    mask_address_text,
    mask_bank_card,
    mask_birthday,
    mask_email,
    mask_free_text,
    mask_name,
    mask_phone,
    mask_resident_id,
    mask_wechat,
)
from desktop.core.masking_fields import FIELD_MASKS, mask_customer, masked_value
from desktop.core.models import Customer
from desktop.core.validation import resident_id_check_char

PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ------------------------------------------------------------------ DESIGN §4, row by row

DESIGN_TABLE = [
    (mask_name, "张三", "张*"),
    (mask_name, "张三丰", "张*丰"),
    (mask_name, "欧阳娜娜", "欧阳**"),
    (mask_name, "John Smith", "J*** S****"),
    (mask_phone, "13812345678", "138****5678"),
    (mask_phone, "+86 138 1234 5678", "138****5678"),
    (mask_phone, "+44 7700 900123", "+44 ******0123"),
    (mask_resident_id, "11010119900307123X", "110101********123X"),
    (mask_bank_card, "6222021234567890", "622202******7890"),
    (mask_email, "alice@example.com", "a****@example.com"),
    (mask_address_text, "北京市朝阳区建国路88号", "北京市朝阳区****"),
    (mask_birthday, "1990-03-07", "1990-**-**"),
    (mask_wechat, "wxid_abc123", "wx********"),
]


@pytest.mark.parametrize(("rule", "value", "masked"), DESIGN_TABLE)
def test_design_table_row(rule, value, masked):
    assert rule(value) == masked


@pytest.mark.parametrize(("rule", "value", "masked"), DESIGN_TABLE)
def test_masking_a_masked_value_changes_nothing(rule, value, masked):
    assert rule(masked) == masked


ALL_RULES = [
    mask_name, mask_phone, mask_resident_id, mask_bank_card, mask_email, mask_address_text,
    mask_birthday, mask_wechat, mask_free_text,
]


@pytest.mark.parametrize("rule", ALL_RULES)
@pytest.mark.parametrize("empty", [None, "", "   ", "\u3000", "\u200b"])
def test_empty_gives_empty(rule, empty):
    assert rule(empty) == ""


# ------------------------------------------------------------------ names


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("司马光", "司马*"),
        ("诸葛亮", "诸葛*"),
        ("上官婉儿", "上官**"),
        ("尉迟恭", "尉迟*"),
        ("令狐冲", "令狐*"),
        ("万俟卨", "万俟*"),
        ("歐陽娜娜", "歐陽**"),
        ("司马", "司*"),  # two characters: read as surname + given name, which shows less
        ("张", "张*"),  # a lone surname still looks masked
        ("李王小明", "李***"),  # 4+ characters, single surname: only the surname stays
        ("张 三", "张 *"),
        ("张先生", "张先生"),
        ("张三先生", "张*先生"),
        ("欧阳女士", "欧阳女士"),
        ("迪丽热巴·迪力木拉提", "迪***·*****"),
        ("Mary-Jane O'Neil", "M***-J*** O'N***"),
        ("J", "J*"),
        ("Lily 王小明", "L*** 王**"),
        ("张Wei", "张***"),
        ("김민수", "김**"),
        ("Ｊｏｈｎ", "J***"),
    ],
)
def test_name(name, masked):
    assert mask_name(name) == masked


def test_compound_surname_list_covers_the_common_ones():
    common = "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 "
    common += "闻人 南宫 独孤 澹台 公冶 太史 端木 申屠 赫连 呼延"
    for surname in common.split():
        assert surname in COMPOUND_SURNAMES
        assert mask_name(surname + "小明") == surname + "**"


# ------------------------------------------------------------------ phones


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("+8613812345678", "138****5678"),
        ("8613812345678", "138****5678"),
        ("0086 138-1234-5678", "138****5678"),
        ("(+86) 138 1234 5678", "138****5678"),
        ("１３８１２３４５６７８", "138****5678"),
        ("+447700900123", "+44 ******0123"),
        ("+1 650 253 0000", "+1 ******0000"),
        ("+1 312 555 1234", "+1 ******1234"),  # 11 digits starting 13, yet not a CN mobile
        ("+852 9123 4567", "+852 ****4567"),
        ("010-12345678", "010-****5678"),
        ("(020) 1234 5678", "020-****5678"),
        ("0755-1234567", "0755-***4567"),
        ("12345", "*****"),
        ("call me", "*******"),
        ("+999 123", "********"),
        ("138-****-5678", "*************"),  # unknown masked shape: hide it all
    ],
)
def test_phone(phone, masked):
    assert mask_phone(phone) == masked


# ------------------------------------------------------------------ documents and cards


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("11010119900307123x", "110101********123X"),
        ("110101 19900307 123X", "110101********123X"),
        ("110101900307123", "110101******123"),
        ("110101******123", "110101******123"),
        ("E12345678", "E******78"),
        ("11010119900307", "**************"),  # a truncated ID: its digits are all hidden
        ("1234", "****"),
    ],
)
def test_resident_id(value, masked):
    assert mask_resident_id(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("6222 0212 3456 7890", "622202******7890"),
        ("6222-0212-3456-7890-123", "622202*********0123"),
        ("123456789", "*****6789"),
        ("12345", "*****"),
        ("not a card", "********"),  # spaces are ignored
    ],
)
def test_bank_card(value, masked):
    assert mask_bank_card(value) == masked


# ------------------------------------------------------------------ e-mail, WeChat, birthday


@pytest.mark.parametrize(
    ("value", "masked"),
    [("a@x.cn", "a*@x.cn"), ("13812345678@qq.com", "1**********@qq.com"), ("no-at", "*****")],
)
def test_email(value, masked):
    assert mask_email(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"),
    [("zhangsan_1988_shop_vip", "zh********"), ("abc", "a********"), ("a", "********")],
)
def test_wechat_hides_the_length(value, masked):
    assert mask_wechat(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("--03-07", "****-**-**"),
        ("1990年3月7日", "1990-**-**"),
        ("3月7日", "****-**-**"),
        (date(1990, 3, 7).isoformat(), "1990-**-**"),
        ("unknown", "*******"),
    ],
)
def test_birthday(value, masked):
    assert mask_birthday(value) == masked


# ------------------------------------------------------------------ addresses


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("浙江省杭州市西湖区文三路100号", "浙江省杭州市西湖区****"),
        ("上海市浦东新区世纪大道100号", "上海市浦东新区****"),
        ("广东省东莞市南城街道鸿福路88号", "广东省东莞市****"),
        ("江苏省苏州市昆山市玉山镇1号", "江苏省苏州市昆山市****"),
        ("新疆维吾尔自治区乌鲁木齐市天山区解放路1号", "新疆维吾尔自治区乌鲁木齐市天山区****"),
        ("内蒙古自治区锡林郭勒盟正蓝旗上都镇", "内蒙古自治区锡林郭勒盟正蓝旗****"),
        ("吉林省延边朝鲜族自治州延吉市人民路1号", "吉林省延边朝鲜族自治州延吉市****"),
        ("北京市 朝阳区 建国路88号", "北京市 朝阳区****"),
        ("北京市朝阳门外大街5号", "北京市****"),  # no district: the street is not kept
        ("北京市朝阳区朝阳门外大街市场街5号", "北京市朝阳区****"),
        ("南京市玄武区中山路1号", "南京市玄武区****"),
        ("建国路88号", "****"),
        ("北京市朝阳区", "北京市朝阳区"),
        ("221B Baker Street, London NW1 6XE, UK", "****, London, UK"),
        ("1600 Amphitheatre Pkwy, Mountain View, CA 94043, USA", "****, Mountain View, CA, USA"),
        ("Flat 3, 12 High St, Cambridge CB2 1TN, UK", "****, Cambridge, UK"),
        ("10 Downing Street", "****"),
        ("221B, Baker Street, London", "****, London"),  # a street line without a number
    ],
)
def test_address_text(text, masked):
    assert mask_address_text(text) == masked
    assert mask_address_text(masked) == masked


def test_structured_address():
    assert mask_address("北京市", "北京市", "朝阳区", "建国路88号") == "北京市朝阳区****"
    assert mask_address("浙江省", "杭州市", "西湖区", "") == "浙江省杭州市西湖区"
    assert mask_address("", "", "", "北京市朝阳区建国路88号") == "北京市朝阳区****"
    assert mask_address(None, None, None, None) == ""
    assert mask_address("England", "London", "Camden", "221B Baker St") == (
        "****, Camden, London, England"
    )


# ------------------------------------------------------------------ free text


def test_free_text_chinese_note():
    note = (
        "客户张三，手机１３８１２３４５６７８，备用 +86 139-1234-5678；身份证110101199003071233，"
        "旧证110101900307123；卡号 6222 0212 3456 7894；邮箱 alice@example.com；"
        "微信：zhangsan88；金额 1234.50 元，2024-01-05 下单，订单号 2024010512345678901。"
    )
    assert mask_free_text(note) == (
        "客户张三，手机138****5678，备用 139****5678；身份证110101********1233，"
        "旧证110101******123；卡号 622202******7894；邮箱 a****@example.com；"
        "微信：zh********；金额 1234.50 元，2024-01-05 下单，订单号 202401*********8901。"
    )  # a 19-digit order number cannot be told from a card: masked like one


def test_free_text_english_note():
    note = (
        "Call John on +44 7700 900123 or 010-12345678; card 4111 1111 1111 1111, "
        "mail bob.smith@mail.co.uk, WeChat: bobsmith99. Paid 88.00 on 2024-01-05."
    )
    assert mask_free_text(note) == (
        "Call John on +44 ******0123 or 010-****5678; card 411111******1111, "
        "mail b********@mail.co.uk, WeChat: bo********. Paid 88.00 on 2024-01-05."
    )


def test_free_text_masks_a_mistyped_id_whose_birth_date_would_show():
    assert mask_free_text("ID 11010119900307123X ok") == "ID 110101********123X ok"


def test_free_text_leaves_ordinary_text_alone():
    text = "老客户，喜欢红色，2024年买过3次，每次约 ¥1,280.00。Prefers size 42, order #20240105."
    assert mask_free_text(text) == text


def test_free_text_keeps_the_original_spelling_around_a_match():
    assert mask_free_text("电话：１３８ １２３４ ５６７８（晚上）") == "电话：138****5678（晚上）"


# ------------------------------------------------------------------ the field table


def test_field_table_and_masked_value():
    assert masked_value("name", "张三丰") == "张*丰"
    assert masked_value("phone", "+8613812345678") == "138****5678"
    assert masked_value("email", None) == ""
    assert masked_value("id_number", "11010119900307123X") == "110101********123X"
    assert masked_value("bank_card", "6222021234567890") == "622202******7890"
    assert masked_value("city", "杭州市") == "杭州市"
    assert masked_value("address_detail", "建国路88号") == "****"
    # An unknown field is scanned as free text, never passed through.
    assert masked_value("something_new", "call 13812345678") == "call 138****5678"
    # Notes keep their own spelling (full-width punctuation) around what is masked.
    assert masked_value("notes", "电话：13812345678。") == "电话：138****5678。"
    for field in ("name", "phone", "email", "wechat_id", "birthday", "address_detail", "notes"):
        assert field in FIELD_MASKS


def test_mask_customer():
    customer = Customer(
        id=1, name="欧阳娜娜", member_no="13812345678", birthday="1990-03-07",
        phone="+8613812345678", email="nana@example.com", wechat_id="wxid_abc123",
        province="北京市", city="北京市", district="朝阳区", address_detail="建国路88号",
        tags=("VIP", "电话13912345678"), notes="身份证110101199003071233",
    )
    masked = mask_customer(customer)
    assert masked["name"] == "欧阳**"
    assert masked["member_no"] == "138****5678"
    assert masked["phone"] == "138****5678"
    assert masked["email"] == "n***@example.com"
    assert masked["wechat_id"] == "wx********"
    assert masked["birthday"] == "1990-**-**"
    assert masked["address"] == "北京市朝阳区****"
    assert masked["address_detail"] == "****"
    assert masked["tags"] == "VIP、电话139****5678"
    assert masked["notes"] == "身份证110101********1233"


# ------------------------------------------------------------------ properties

cn_mobiles = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)
SPELLINGS = (
    "{n}", "+86{n}", "+86 {a} {b} {c}", "86{n}", "0086-{a}-{b}-{c}", "({a}) {b}-{c}",
)


@PROPERTY
@given(cn_mobiles, st.sampled_from(SPELLINGS))
def test_cn_mobile_mask_hides_the_middle(number, spelling):
    written = spelling.format(n=number, a=number[:3], b=number[3:7], c=number[7:])
    masked = mask_phone(written)
    assert masked == number[:3] + "****" + number[7:]
    assert number not in masked
    if number[3:7] != number[7:]:
        assert number[3:7] not in masked
    in_text = mask_free_text(f"客户电话{written}，谢谢")
    assert number not in in_text.replace(" ", "").replace("-", "")
    assert masked in in_text


@st.composite
def resident_ids(draw: st.DrawFn) -> str:
    area = draw(st.integers(110000, 829999))
    born = draw(st.dates(date(1900, 1, 1), date(2024, 12, 31)))
    body = f"{area}{born:%Y%m%d}{draw(st.integers(0, 999)):03d}"
    return body + resident_id_check_char(body)


@PROPERTY
@given(resident_ids())
def test_resident_id_mask_never_shows_the_birth_date(value):
    birth = value[6:14]
    assert birth not in mask_resident_id(value)
    assert birth not in mask_resident_id(value.lower())
    assert birth not in mask_free_text(f"身份证号：{value}。")
    assert birth not in mask_free_text(f"ID number {value[:6]} {value[6:14]} {value[14:]} ok")


def _visible(text: str) -> int:
    return sum(1 for c in text if c not in "* ")


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(ALL_RULES),
    st.one_of(st.text(), st.from_regex(r"[\d +\-()@.*xX年月日]{0,30}", fullmatch=True)),
)
def test_masking_never_raises_and_never_reveals_more_when_repeated(rule, text):
    once = rule(text)
    assert isinstance(once, str)
    assert _visible(rule(once)) <= _visible(once)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([*sorted(FIELD_MASKS), "unknown"]), st.text())
def test_masked_value_is_total(field, text):
    assert isinstance(masked_value(field, text), str)


@pytest.mark.parametrize(
    ("member_no", "shown"),
    [
        ("M000997", "M000997"),
        ("VIP-2024-001", "VIP-2024-001"),
        ("000123", "000123"),
        ("13812345678", "138****5678"),
        ("138-1234-5678", "138****5678"),
        ("6222021234567890", "622202******7890"),
    ],
)
def test_member_numbers_stay_readable_unless_they_are_a_phone_or_card(member_no, shown):
    from desktop.core.masking_fields import masked_value

    assert masked_value("member_no", member_no) == shown
