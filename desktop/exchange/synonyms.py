"""Column names, Chinese and English, that suggest a field when a sheet matches no known layout.

Headers are compared by :func:`header_key`: NFKC (full-width → half-width), lower case, and
without spaces, punctuation, brackets or a trailing unit such as ``(元)``, so ``手机号码``,
``手机 号码``, ``【手机号码】``, ``Phone Number`` and ``phone_number`` meet their synonym.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_NOISE = re.compile(
    r"[\s\u3000\u200b-\u200d\ufeff_\-./\\:：,，;；'\"“”‘’()（）\[\]【】{}<>《》*#·・]+"
)
_UNIT = re.compile(r"[(（\[【](元|件|个|rmb|cny|¥|分|kg|次)[)）\]】]$")


def header_key(header: object) -> str:
    text = unicodedata.normalize("NFKC", "" if header is None else str(header)).lower()
    text = _UNIT.sub("", text.strip())
    return _NOISE.sub("", text)


_SYNONYMS: dict[str, tuple[str, ...]] = {
    "customer.member_no": (
        "会员卡号", "卡号", "会员编号", "会员号", "会员id", "会员编码", "客户编号", "客户编码",
        "客户id", "vip卡号", "member no", "member number", "membership number", "card number",
        "card no", "member id", "customer id", "customer no", "customer number",
    ),
    "customer.name": (
        "姓名", "客户姓名", "会员姓名", "客户名称", "客户名", "名字", "顾客姓名", "联系人",
        "name", "full name", "customer name", "member name", "contact", "contact name",
        "billing name", "reviewer name", "客户",
    ),
    "customer.first_name": ("名", "first name", "firstname", "given name", "billing first name"),
    "customer.last_name": ("姓", "last name", "lastname", "surname", "family name",
                           "billing last name"),
    "customer.gender": ("性别", "gender", "sex", "称呼"),
    "customer.birthday": (
        "生日", "出生日期", "出生年月", "出生年月日", "生日日期", "birthday", "birth date",
        "date of birth", "dob", "birthdate",
    ),
    "customer.phone": (
        "手机号", "手机", "手机号码", "联系电话", "电话", "电话号码", "联系方式", "移动电话",
        "会员手机", "客户电话", "客户手机", "联系手机", "phone", "phone number", "mobile",
        "mobile phone", "mobile number", "cell", "cellphone", "tel", "telephone",
        "billing phone", "contact number",
    ),
    "customer.email": (
        "邮箱", "电子邮箱", "电子邮件", "邮件", "email", "e-mail", "email address",
        "e-mail address", "mail", "billing email", "reviewer email",
    ),
    "customer.wechat_id": ("微信号", "微信", "微信id", "wechat", "wechat id", "weixin"),
    "customer.platform_account": (
        "买家会员名", "买家昵称", "买家账号", "买家帐号", "旺旺", "旺旺号", "旺旺名", "会员名",
        "用户名", "昵称", "下单帐号", "下单账号", "用户昵称", "username", "user name",
        "user login", "nickname", "buyer nick", "buyer id", "account",
    ),
    "customer.id_number": (
        "身份证号", "身份证", "身份证号码", "证件号码", "证件号", "id number", "id card",
        "id card number", "resident id",
    ),
    "customer.province": (
        "省", "省份", "所在省", "province", "state", "region", "billing province",
    ),
    "customer.city": ("市", "城市", "所在市", "所在城市", "city", "billing city"),
    "customer.district": ("区", "区县", "县区", "区/县", "district", "county"),
    "customer.address_detail": (
        "地址", "联系地址", "详细地址", "家庭地址", "住址", "通讯地址", "街道地址", "所在地区",
        "所在地", "地区", "省市区", "address",
        "street", "street address", "address1", "address line 1", "address2",
        "address line 2", "billing address", "billing address1", "billing address2",
    ),
    "customer.level": (
        "会员等级", "等级", "会员级别", "级别", "客户等级", "卡类型", "会员卡类型", "level",
        "tier", "membership level", "member level", "vip level",
    ),
    "customer.points": (
        "积分", "当前积分", "可用积分", "剩余积分", "会员积分", "points", "loyalty points",
        "point balance",
    ),
    "customer.balance": (
        "储值余额", "余额", "卡内余额", "账户余额", "储值", "储值金额", "会员余额", "卡余额",
        "balance", "stored value", "store credit", "account balance",
    ),
    "customer.tags": ("标签", "客户标签", "会员标签", "tags", "tag", "labels"),
    "customer.notes": ("备注", "客户备注", "会员备注", "说明", "note", "notes", "remark",
                       "remarks", "comment", "comments"),
    "customer.source": ("来源", "客户来源", "渠道来源", "source", "lead source", "referral"),
    "order.order_no": (
        "订单号", "订单编号", "订单id", "单号", "订单号码", "order no", "order number",
        "order id", "order", "order #", "order name",
    ),
    "order.channel": ("渠道", "销售渠道", "平台", "下单渠道", "channel", "sales channel",
                      "platform"),
    "order.status": (
        "订单状态", "状态", "交易状态", "付款状态", "status", "order status", "financial status",
        "payment status",
    ),
    "order.fulfillment_status": ("发货状态", "物流状态", "fulfillment status",
                                 "fulfilment status", "shipping status"),
    "order.cancelled_at": ("取消时间", "cancelled at", "canceled at"),
    "order.ordered_at": (
        "下单时间", "订单时间", "创建时间", "订单创建时间", "下单日期", "订单日期", "成交时间",
        "购买日期", "购买时间", "order date", "date", "created at", "order time",
        "ordered at", "purchase date",
    ),
    "order.paid_at": ("付款时间", "支付时间", "付款日期", "paid at", "payment date",
                      "date paid"),
    "order.total": (
        "订单金额", "订单总额", "总金额", "总价", "金额", "合计金额", "消费金额", "order total",
        "total", "amount", "total amount", "grand total",
    ),
    "order.discount": ("优惠", "优惠金额", "折扣", "折扣金额", "discount", "discount amount",
                       "discount total"),
    "order.shipping": ("运费", "邮费", "快递费", "shipping", "shipping fee", "shipping cost",
                       "shipping total", "freight"),
    "order.paid": ("实付金额", "实收金额", "实付", "支付金额", "付款金额", "实际支付金额",
                   "paid", "amount paid", "paid amount"),
    "order.ship_name": ("收货人", "收货人姓名", "收件人", "收件人姓名", "recipient",
                        "shipping name", "ship to name", "consignee"),
    "order.ship_phone": ("收货人电话", "收货人手机", "收件人电话", "收件人手机",
                         "shipping phone", "recipient phone"),
    "order.ship_address": ("收货地址", "收件地址", "收货人地址", "配送地址", "shipping address",
                           "ship to address", "delivery address", "shipping street"),
    "order.notes": ("订单备注", "买家留言", "卖家备注", "商家备注", "留言", "order notes",
                    "order note", "customer note"),
    "item.product_name": (
        "商品", "商品名称", "商品名", "产品", "产品名称", "品名", "宝贝标题", "宝贝名称",
        "货品名称", "product", "product name", "item", "item name", "lineitem name",
        "product title", "title",
    ),
    "item.quantity": ("数量", "购买数量", "商品数量", "件数", "订购数量", "qty", "quantity",
                      "lineitem quantity", "item quantity"),
    "item.sku": ("sku", "商品编码", "商家编码", "货号", "商品货号", "款号", "sku code",
                 "product code", "item sku", "lineitem sku", "外部系统编号"),
    "item.unit_price": ("单价", "价格", "商品单价", "售价", "unit price", "price",
                        "lineitem price", "item price"),
    "item.amount": ("小计", "商品金额", "商品总价", "line total", "line amount", "subtotal",
                    "item total"),
    "feedback.kind": ("类型", "反馈类型", "问题类型", "类别", "type", "feedback type",
                      "category", "kind"),
    "feedback.title": ("标题", "评价标题", "review title", "subject", "headline"),
    "feedback.content": (
        "内容", "反馈内容", "问题描述", "投诉内容", "评价内容", "评价", "评论", "意见", "描述",
        "content", "body", "review", "review body", "feedback", "message", "description",
        "details",
    ),
    "feedback.rating": ("评分", "星级", "评星", "打分", "rating", "stars", "score"),
    "feedback.channel": ("反馈渠道", "反馈来源", "feedback channel"),
    "feedback.status": ("处理状态", "跟进状态", "feedback status", "resolution status"),
    "feedback.received_at": (
        "日期", "反馈日期", "反馈时间", "登记日期", "登记时间", "接收时间", "投诉时间",
        "评价时间", "review date", "received at", "submitted at", "feedback date",
    ),
    "feedback.resolution": ("处理结果", "处理意见", "处理方式", "回复", "回复内容", "解决方案",
                            "resolution", "reply", "response", "answer", "outcome"),
    "feedback.order_no": ("关联订单", "关联订单号", "related order"),
    "feedback.product": ("相关商品", "评价商品", "product handle", "reviewed product"),
}

SYNONYMS: dict[str, str] = {}
"""header_key(spelling) → field key; the first field listing a spelling keeps it."""
for _key, _spellings in _SYNONYMS.items():
    for _spelling in _spellings:
        SYNONYMS.setdefault(header_key(_spelling), _key)


# Headers that belong to a field of another target when the sheet is of this target, e.g. a
# feedback log's 日期 is when the feedback came in, an order sheet's 备注 is about the order.
_BY_TARGET: dict[str, dict[str, str]] = {
    "orders": {
        "备注": "order.notes", "note": "order.notes", "notes": "order.notes",
        "remark": "order.notes", "remarks": "order.notes", "日期": "order.ordered_at",
        "时间": "order.ordered_at", "商品总价": "order.total", "客户地址": "order.ship_address",
        "地址": "order.ship_address",
    },
    "feedback": {
        "状态": "feedback.status", "status": "feedback.status", "订单号": "feedback.order_no",
        "订单编号": "feedback.order_no", "order": "feedback.order_no",
        "order no": "feedback.order_no", "order number": "feedback.order_no",
        "商品": "feedback.product", "product": "feedback.product",
        "商品名称": "feedback.product", "渠道": "feedback.channel", "来源": "feedback.channel",
        "channel": "feedback.channel", "source": "feedback.channel", "date": "feedback.received_at",
        "时间": "feedback.received_at", "title": "feedback.title", "备注": "feedback.resolution",
    },
}
TARGET_SYNONYMS: dict[str, dict[str, str]] = {
    target: {header_key(spelling): key for spelling, key in table.items()}
    for target, table in _BY_TARGET.items()
}


def suggest_field(header: object, target: str | None = None) -> str | None:
    """The field a column with this header most likely holds, or None."""
    key = header_key(header)
    if not key:
        return None
    if target is not None and key in TARGET_SYNONYMS.get(target, {}):
        return TARGET_SYNONYMS[target][key]
    return SYNONYMS.get(key)


# Hand-kept sheets name columns in Pinyin or its initials (xm = 姓名, sjh = 手机号). Only
# spellings that stand for one field; a guess from them is shown as one to check.
_PINYIN: dict[str, tuple[str, ...]] = {
    "customer.member_no": ("hykh", "huiyuankahao", "kh", "kahao", "hybh", "huiyuanbianhao"),
    "customer.name": ("xm", "xingming", "khmc", "kehumingcheng", "khxm", "kehuxingming",
                      "mingzi", "lxr", "lianxiren"),
    "customer.gender": ("xb", "xingbie"),
    "customer.birthday": ("sr", "shengri", "csrq", "chushengriqi"),
    "customer.phone": ("sj", "shouji", "sjh", "shoujihao", "sjhm", "shoujihaoma", "dh",
                       "dianhua", "lxdh", "lianxidianhua", "dhhm", "dianhuahaoma"),
    "customer.email": ("yx", "youxiang", "dzyx", "dianziyouxiang"),
    "customer.wechat_id": ("wx", "weixin", "wxh", "weixinhao"),
    "customer.id_number": ("sfz", "shenfenzheng", "sfzh", "shenfenzhenghao"),
    "customer.address_detail": ("dz", "dizhi", "xxdz", "xiangxidizhi", "lxdz"),
    "customer.level": ("dj", "dengji", "hydj", "huiyuandengji"),
    "customer.points": ("jf", "jifen"),
    "customer.balance": ("ye", "yue", "czye", "chuzhiyue"),
    "customer.tags": ("bq", "biaoqian"),
    "customer.notes": ("bz", "beizhu"),
    "customer.source": ("ly", "laiyuan"),
}
PINYIN: dict[str, str] = {
    spelling: key for key, spellings in _PINYIN.items() for spelling in spellings
}
_NUMBERED = re.compile(r"^(.+?)(?:\d+|[一二三四五六七八九]|[甲乙丙])$")
_OWNER = re.compile(r"^(?:客户|会员|顾客|用户|买家)的?")
_GUESS_MIN = 2  # a header must hold a synonym at least this long to be guessed from it


def guess_field(header: object, target: str | None = None) -> str | None:
    """A less sure field for a header no synonym names exactly: a numbered synonym
    (``手机1``, ``Phone 2``), a Pinyin spelling (``xm``, ``shouji``), or a header that holds
    exactly one field's synonym (``会员手机号码``, ``客户的生日``). None when unsure which."""
    key = header_key(header)
    if not key or suggest_field(header, target) is not None:
        return None
    numbered = _NUMBERED.match(key)
    if numbered and (field := suggest_field(numbered.group(1), target)) is not None:
        return field
    if key in PINYIN:
        return PINYIN[key]
    owned = _OWNER.sub("", key)  # 客户的生日 is the customer's birthday, not a name
    if owned and owned != key and (field := suggest_field(owned, target)) is not None:
        return field
    key = owned or key
    held = {
        field for spelling, field in SYNONYMS.items()
        if len(spelling) >= _GUESS_MIN and spelling in key and not spelling.isascii()
    }
    return held.pop() if len(held) == 1 else None


def known_headers(extra: Iterable[str] = ()) -> frozenset[str]:
    """Every header key that names a field (for finding the header row)."""
    keys = set(SYNONYMS) | set(PINYIN)
    for table in TARGET_SYNONYMS.values():
        keys.update(table)
    keys.update(header_key(spelling) for spelling in extra)
    keys.discard("")
    return frozenset(keys)
