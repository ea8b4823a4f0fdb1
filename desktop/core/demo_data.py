"""Deterministic, realistic demo records for trying the app out and for benchmarks.

Everything is drawn from a seeded :class:`random.Random`, so the same arguments give the same
records on every machine. The generators stream: a million customers never sit in memory.

Phone numbers and member numbers are unique per customer *index* (``start + n``) without
remembering what was issued: the index goes through a fixed affine permutation of the number
space, so two generator runs with disjoint index ranges never collide, whatever their seeds.
"""

from __future__ import annotations

import math
import random
from bisect import bisect
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from itertools import accumulate, chain
from typing import Final, TypeVar

from desktop.core.models import (
    Customer,
    Feedback,
    FeedbackKind,
    FeedbackStatus,
    Gender,
    Order,
    OrderItem,
    OrderStatus,
)

DEFAULT_SEED: Final = 20261129
CHINESE_SHARE: Final = 0.85
MAX_INDEX: Final = 100_000_000
"""Customer indices (``start + count``) stay below this; every phone space is larger."""

_T = TypeVar("_T")


def _words(text: str, sep: str | None = None) -> tuple[str, ...]:
    return tuple(text.split(sep))


class _Dice:
    """A seeded :class:`random.Random` with cheaper draws (this runs a million times)."""

    __slots__ = ("random", "rng")

    def __init__(self, label: str) -> None:
        self.rng = random.Random(label)  # noqa: S311 - demo data: reproducible on purpose
        self.random = self.rng.random

    def pick(self, items: Sequence[_T]) -> _T:
        return items[int(self.random() * len(items))]

    def between(self, low: int, high: int) -> int:
        """An integer in ``[low, high)``."""
        return low + int(self.random() * (high - low))


def _seeded(stream: str, ids: Iterable[int]) -> tuple[_Dice, Iterator[int]]:
    """Dice seeded with ``stream`` and the first id, and all the ids."""
    rest = iter(ids)
    first = next(rest, None)
    return _Dice(f"{stream}:{first}"), chain(() if first is None else (first,), rest)


_SURNAMES: Final = tuple(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤"
)
_COMPOUND_SURNAMES: Final = _words("欧阳 司马 诸葛 上官 东方 司徒 慕容 令狐 皇甫 尉迟 公孙 夏侯")
_COMPOUND_SHARE: Final = 0.02
_GIVEN_MALE: Final = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳建亮成峰博文志"
_GIVEN_FEMALE: Final = "芳娜敏静丽艳娟霞秀玲婷雪慧琳颖倩洁燕萍红丹梅璐欣怡佳悦涵萱雨思琪晶月妍诗梦"
_GIVEN_FIRST: Final = "子晓文雨嘉一欣佳思宇安心梓俊家雅春秋志海"

_LATIN_MALE: Final = _words("James Oliver William Jack Harry George Noah Leo Thomas Daniel Michael")
_LATIN_FEMALE: Final = _words("Olivia Amelia Emily Isla Ava Sophia Grace Lily Chloe Emma Charlotte")
_LATIN_SURNAMES: Final = _words(
    "Smith Johnson Williams Brown Jones Taylor Davies Evans Wilson Thomas Roberts Walker Wright "
    "Robinson Thompson White Hughes Edwards Green Hall Wood Harris Lewis Martin Jackson Clarke "
    "Turner Hill Scott Cooper Morris Ward Moore King Baker Patel Nguyen Kim O'Brien Murphy"
)

# "province city weight district…": every district belongs to its city.
_CN_PLACE_LINES: Final = """\
北京市 北京市 9 东城区 西城区 朝阳区 海淀区 丰台区 通州区 昌平区
上海市 上海市 10 黄浦区 徐汇区 长宁区 静安区 普陀区 浦东新区 闵行区
天津市 天津市 4 和平区 河西区 南开区 河东区 滨海新区
重庆市 重庆市 5 渝中区 江北区 南岸区 沙坪坝区 渝北区
广东省 广州市 8 越秀区 天河区 海珠区 荔湾区 白云区 番禺区
广东省 深圳市 8 福田区 罗湖区 南山区 宝安区 龙岗区 龙华区
浙江省 杭州市 6 上城区 拱墅区 西湖区 滨江区 萧山区 余杭区
江苏省 南京市 5 玄武区 秦淮区 鼓楼区 建邺区 栖霞区 江宁区
江苏省 苏州市 5 姑苏区 虎丘区 吴中区 相城区 吴江区
四川省 成都市 6 锦江区 青羊区 金牛区 武侯区 成华区 双流区
湖北省 武汉市 5 江岸区 江汉区 硚口区 汉阳区 武昌区 洪山区
湖南省 长沙市 4 芙蓉区 天心区 岳麓区 开福区 雨花区
山东省 济南市 3 历下区 市中区 槐荫区 天桥区 历城区
山东省 青岛市 4 市南区 市北区 黄岛区 崂山区 李沧区
河南省 郑州市 4 中原区 二七区 金水区 管城回族区 惠济区
福建省 厦门市 3 思明区 湖里区 集美区 海沧区
陕西省 西安市 4 新城区 碑林区 莲湖区 雁塔区 未央区
辽宁省 沈阳市 3 和平区 沈河区 大东区 皇姑区 铁西区
安徽省 合肥市 3 瑶海区 庐阳区 蜀山区 包河区
云南省 昆明市 2 五华区 盘龙区 官渡区 西山区
广西壮族自治区 南宁市 2 兴宁区 青秀区 江南区 西乡塘区
"""
_CN_PLACES: Final = tuple(
    (fields[0], fields[1], fields[3:])
    for fields in (line.split() for line in _CN_PLACE_LINES.splitlines())
)
_CN_PLACE_WEIGHTS: Final = tuple(
    accumulate(int(line.split()[2]) for line in _CN_PLACE_LINES.splitlines())
)
_CN_STREETS: Final = _words(
    "人民路 解放路 中山路 建设路 和平路 新华路 长江路 黄河路 文化路 胜利路 友谊路 青年路 "
    "幸福路 光明路 东风路 学府路 科技路 湖滨路 滨江大道 迎宾大道 世纪大道"
)
_CN_ESTATES: Final = _words("阳光花园 翠苑 锦绣华庭 金色家园 碧桂园 万科城 绿城小区 海棠湾 紫荆苑")

_UK_PLACES: Final = (
    ("England", "London", "Camden"), ("England", "London", "Hackney"), ("Wales", "Cardiff", ""),
    ("England", "Manchester", ""), ("England", "Bristol", ""), ("Scotland", "Edinburgh", ""),
)
_UK_STREETS: Final = _words("High Street|Station Road|Church Lane|Victoria Road|Mill Lane", "|")
# (state, city, district, area code): the phone's area code matches the city.
_US_PLACES: Final = (
    ("California", "San Francisco", "", "415"), ("California", "Los Angeles", "", "213"),
    ("New York", "New York", "Manhattan", "212"), ("New York", "New York", "Brooklyn", "718"),
    ("Illinois", "Chicago", "", "312"), ("Washington", "Seattle", "", "206"),
    ("Texas", "Austin", "", "512"), ("Massachusetts", "Boston", "", "617"),
    ("Colorado", "Denver", "", "303"), ("Georgia", "Atlanta", "", "404"),
    ("Oregon", "Portland", "", "503"), ("Florida", "Miami", "", "305"),
)
_US_STREETS: Final = _words("Main St|Oak Ave|Market St|Maple Dr|Broadway|Elm St|Sunset Blvd", "|")

_CN_PREFIXES: Final = _words(
    "130 131 132 133 134 135 136 137 138 139 147 150 151 152 153 155 156 157 158 159 166 173 "
    "175 176 177 178 180 181 182 183 184 185 186 187 188 189 191 193 195 196 197 198 199"
)
_UK_PREFIXES: Final = ("71", "72", "73", "74", "75", "78")
_US_LOCAL_NUMBERS: Final = 8_000_000
"""Seven-digit local numbers NXX-XXXX with N in 2..9."""


def _space(size: int, wanted: int) -> tuple[int, int]:
    """``size`` and a multiplier near ``wanted`` coprime to it: i ↦ i·m + c mod size is 1:1."""
    while math.gcd(wanted, size) != 1:
        wanted += 1
    return size, wanted


_CN_SPACE, _CN_MULT = _space(len(_CN_PREFIXES) * 10**8, 2_654_435_761)
_UK_SPACE, _UK_MULT = _space(len(_UK_PREFIXES) * 10**8, 1_597_334_677)
_US_SPACE, _US_MULT = _space(len(_US_PLACES) * _US_LOCAL_NUMBERS, 40_503_551)


def _spread_last4(group: int, number: int) -> int:
    """Shuffle the last 4 digits of ``number`` keyed by its other digits: still 1:1 (affine
    mod 10⁴ for fixed leading digits), but last-4 searches see an even spread."""
    high, low = divmod(number, 10_000)
    key = ((high * 64 + group) * 2_654_435_761 >> 13) % 10_000
    return high * 10_000 + (low * 7_001 + key) % 10_000


def cn_mobile(index: int) -> str:
    """The E.164 Chinese mobile number of customer ``index`` (a bijection on indices)."""
    group, subscriber = divmod((index * _CN_MULT + 7_919_113) % _CN_SPACE, 10**8)
    return f"+86{_CN_PREFIXES[group]}{_spread_last4(group, subscriber):08d}"


def uk_mobile(index: int) -> str:
    group, subscriber = divmod((index * _UK_MULT + 3_141_592) % _UK_SPACE, 10**8)
    return f"+44{_UK_PREFIXES[group]}{_spread_last4(group, subscriber):08d}"


def us_phone(index: int) -> tuple[str, tuple[str, str, str, str]]:
    """A US number and the place whose area code it carries."""
    group, local = divmod((index * _US_MULT + 2_718_281) % _US_SPACE, _US_LOCAL_NUMBERS)
    place = _US_PLACES[group]
    return f"+1{place[3]}{2_000_000 + _spread_last4(group, local):07d}", place


_LEVELS: Final = ("普通", "银卡", "金卡", "钻石")
_LEVEL_WEIGHTS: Final = tuple(accumulate((60, 25, 11, 4)))
_LEVEL_POINTS: Final = ((0, 2_000), (2_000, 10_000), (10_000, 50_000), (50_000, 200_000))
_CN_TAGS: Final = _words(
    "老客户 新客户 高价值 价格敏感 爱美妆 母婴 数码 宠物 节日礼品 复购 直播间 会员日 需回访 批发"
)
_EN_TAGS: Final = _words("VIP|wholesale|newsletter|overseas|gift buyer|returning", "|")
_CN_NOTES: Final = _words("喜欢周末到店 只用顺丰快递 对坚果过敏，食品类请注意 请勿晚上9点后致电 "
                          "公司采购，需开增值税专票 生日当月送优惠券 老顾客介绍来的")
_EN_NOTES: Final = _words("Prefers e-mail contact|Ships to office on weekdays|Allergic to nuts|"
                          "Asked for gift wrapping|Wholesale enquiries via phone only", "|")
_CN_SOURCES: Final = _words("门店 淘宝 京东 拼多多 抖音 小程序 转介绍 导入")
_EN_SOURCES: Final = ("Shopify", "store", "referral", "import")
_CN_MAIL_DOMAINS: Final = ("qq.com", "163.com", "126.com", "foxmail.com", "sina.com")
_EN_MAIL_DOMAINS: Final = ("gmail.com", "outlook.com", "yahoo.co.uk", "icloud.com")
_HANDLE_CHARS: Final = "abcdefghijklmnopqrstuvwxyz0123456789"

_EPOCH_START: Final = int(datetime(2018, 1, 1, tzinfo=UTC).timestamp())
_EPOCH_END: Final = int(datetime(2026, 11, 1, tzinfo=UTC).timestamp())
_BIRTH_FIRST: Final = date(1955, 1, 1).toordinal()
_BIRTH_LAST: Final = date(2006, 12, 31).toordinal()


def _weighted(rng: _Dice, items: Sequence[_T], cum_weights: Sequence[int]) -> _T:
    return items[bisect(cum_weights, rng.random() * cum_weights[-1])]


def _iso(seconds: int, micros: int) -> str:
    moment = datetime.fromtimestamp(seconds, UTC).replace(microsecond=micros)
    return moment.isoformat(timespec="microseconds")


def _moment(rng: _Dice, after: int = _EPOCH_START) -> tuple[int, str]:
    seconds = rng.between(after, max(after + 1, _EPOCH_END))
    return seconds, _iso(seconds, rng.between(0, 1_000_000))


def _handle(rng: _Dice, length: int) -> str:
    return rng.pick(_HANDLE_CHARS[:26]) + "".join(rng.rng.choices(_HANDLE_CHARS, k=length - 1))


def _chinese_name(rng: _Dice, gender: Gender) -> str:
    """A surname (2 % compound, e.g. 欧阳) and a one- or two-character given name."""
    surname = rng.pick(_COMPOUND_SURNAMES if rng.random() < _COMPOUND_SHARE else _SURNAMES)
    pool = {Gender.FEMALE: _GIVEN_FEMALE, Gender.MALE: _GIVEN_MALE}.get(
        gender, _GIVEN_FEMALE + _GIVEN_MALE
    )
    if rng.random() < 0.3:
        return surname + rng.pick(pool)
    first = rng.pick(_GIVEN_FIRST) if rng.random() < 0.35 else rng.pick(pool)
    return surname + first + rng.pick(pool)


def _birthday(rng: _Dice) -> str | None:
    roll = rng.random()
    if roll < 0.2:
        return None
    born = date.fromordinal(rng.between(_BIRTH_FIRST, _BIRTH_LAST + 1))
    return f"--{born:%m-%d}" if roll < 0.25 else born.isoformat()


def _gender(rng: _Dice) -> Gender:
    roll = rng.random()
    return Gender.UNKNOWN if roll < 0.04 else Gender.FEMALE if roll < 0.55 else Gender.MALE


_Contact = tuple[str, str, str | None, str | None, tuple[str, str, str, str]]
"""name, phone, e-mail, WeChat ID, (province, city, district, detail)."""


def _chinese_contact(rng: _Dice, index: int, gender: Gender) -> _Contact:
    province, city, districts = _weighted(rng, _CN_PLACES, _CN_PLACE_WEIGHTS)
    street = f"{rng.pick(_CN_STREETS)}{rng.between(1, 999)}号"
    if rng.random() < 0.7:
        street += (
            f"{rng.pick(_CN_ESTATES)}{rng.between(1, 30)}栋{rng.between(1, 6)}单元"
            f"{rng.between(1, 33)}{rng.between(1, 5):02d}室"
        )
    roll = rng.random()
    wechat = None
    if roll < 0.35:
        wechat = f"wxid_{rng.rng.getrandbits(56):014x}"
    elif roll < 0.6:
        wechat = _handle(rng, rng.between(6, 16))
    email = None
    if rng.random() < 0.15:
        email = f"{rng.between(10_000_000, 3_000_000_000)}@qq.com"
    elif rng.random() < 0.15:
        email = f"{_handle(rng, rng.between(5, 12))}@{rng.pick(_CN_MAIL_DOMAINS)}"
    address = (province, city, rng.pick(districts), street)
    return _chinese_name(rng, gender), cn_mobile(index), email, wechat, address


def _english_contact(rng: _Dice, index: int, gender: Gender) -> _Contact:
    first = rng.pick(_LATIN_FEMALE if gender is Gender.FEMALE else _LATIN_MALE)
    last = rng.pick(_LATIN_SURNAMES)
    local_part = f"{first}.{last}".lower().replace("'", "")
    email = f"{local_part}{rng.between(1, 10_000)}@{rng.pick(_EN_MAIL_DOMAINS)}"
    if index % 2:
        phone = uk_mobile(index)
        province, city, district = rng.pick(_UK_PLACES)
        street = f"{rng.between(1, 300)} {rng.pick(_UK_STREETS)}"
    else:
        phone, (province, city, district, _) = us_phone(index)
        street = f"{rng.between(100, 9_999)} {rng.pick(_US_STREETS)}"
        if rng.random() < 0.4:
            street += f", Apt {rng.between(1, 40)}"
    return f"{first} {last}", phone, email, None, (province, city, district, street)


def _customer(rng: _Dice, index: int) -> Customer:
    chinese = rng.random() < CHINESE_SHARE
    gender = _gender(rng)
    contact = _chinese_contact if chinese else _english_contact
    name, phone, email, wechat, (province, city, district, detail) = contact(rng, index, gender)
    level = _weighted(rng, range(len(_LEVELS)), _LEVEL_WEIGHTS)
    balance = 0
    if rng.random() < 0.3 + 0.15 * level:
        balance = rng.between(50, 5_000) * 100 + rng.pick((0, 0, 0, 50, rng.between(0, 100)))
    created_s, created = _moment(rng)
    tags, notes, sources = (
        (_CN_TAGS, _CN_NOTES, _CN_SOURCES) if chinese else (_EN_TAGS, _EN_NOTES, _EN_SOURCES)
    )
    return Customer(
        id=None,
        name=name,
        member_no=f"M{index + 1:06d}",
        gender=gender,
        birthday=_birthday(rng),
        phone=phone,
        email=email,
        wechat_id=wechat,
        province=province,
        city=city,
        district=district,
        address_detail=detail,
        level=_LEVELS[level],
        points=rng.between(*_LEVEL_POINTS[level]),
        balance_cents=balance,
        tags=tuple(sorted(rng.rng.sample(tags, rng.pick((0, 0, 1, 1, 2, 3))))),
        notes=rng.pick(notes) if rng.random() < 0.25 else "",
        source=rng.pick(sources),
        created_at=created,
        updated_at=created if rng.random() < 0.5 else _moment(rng, created_s + 1)[1],
    )


def generate_customers(
    count: int, seed: int = DEFAULT_SEED, *, start: int = 0
) -> Iterator[Customer]:
    """``count`` customers with indices ``start …``; about 85 % Chinese, 15 % English-speaking.

    Member numbers are ``M{index + 1:06d}``; phones are unique per index (see module doc).
    """
    if start < 0 or count < 0 or start + count > MAX_INDEX:
        raise ValueError(f"customer indices must lie in 0..{MAX_INDEX}")
    rng = _Dice(f"customers:{seed}:{start}")
    for index in range(start, start + count):
        yield _customer(rng, index)


_CHANNELS: Final = ("淘宝", "京东", "拼多多", "门店", "抖音", "小程序", "Shopify")
_CHANNEL_WEIGHTS: Final = tuple(accumulate((30, 20, 15, 20, 8, 5, 2)))
_CN_PRODUCTS: Final = (
    ("保温杯 500ml", "CUP-500", 8_900), ("纯棉T恤", "TS-COT", 5_900),
    ("蓝牙耳机", "BT-EAR", 19_900), ("保湿面霜 50g", "SK-CRM50", 12_800),
    ("洗发水 750ml", "HC-SH750", 4_590), ("手机壳", "PH-CASE", 2_990),
    ("坚果礼盒", "FD-NUTS", 9_900), ("猫粮 2kg", "PET-CAT2", 8_800),
    ("婴儿湿巾 80抽×6", "BB-WIPE6", 3_990), ("龙井茶 250g", "TEA-LJ250", 16_800),
    ("帆布包", "BAG-CNV", 4_500), ("电动牙刷", "HC-TB01", 15_900),
)
_EN_PRODUCTS: Final = (
    ("Ceramic Mug", "MUG-CER", 1_450), ("Linen Tote Bag", "BAG-LIN", 2_200),
    ("Green Tea Sampler", "TEA-SMP", 1_890), ("Phone Case", "PH-CASE", 1_299),
)
_STATUSES: Final = tuple(OrderStatus)
_STATUS_WEIGHTS: Final = tuple(accumulate((4, 6, 8, 70, 7, 5)))
_UNPAID: Final = frozenset({OrderStatus.PENDING, OrderStatus.CANCELLED})
_ORDER_NO_SPACE, _ORDER_NO_MULT = _space(10**12, 961_748_941)
MAX_ORDERS_PER_CUSTOMER: Final = 16


def order_no(channel_index: int, day: str, customer_id: int, nth: int) -> str:
    """A 19-digit platform order number, unique per (customer id, nth) for ids < 6.25e10."""
    sequence = customer_id * MAX_ORDERS_PER_CUSTOMER + nth
    serial = (sequence * _ORDER_NO_MULT + 104_729) % _ORDER_NO_SPACE
    return f"{channel_index + 1}{day}{serial:012d}"


def _poisson(rng: _Dice, mean: float, cap: int) -> int:
    limit, product, count = math.exp(-mean), rng.random(), 0
    while product > limit and count < cap:
        count += 1
        product *= rng.random()
    return count


def _order(rng: _Dice, customer_id: int, nth: int) -> Order:
    channel_index = _weighted(rng, range(len(_CHANNELS)), _CHANNEL_WEIGHTS)
    channel = _CHANNELS[channel_index]
    catalogue = _EN_PRODUCTS if channel == "Shopify" else _CN_PRODUCTS
    items = tuple(
        OrderItem(product_name=name, quantity=rng.pick((1, 1, 1, 2, 3)),
                  unit_price_cents=price, sku=sku)
        for name, sku, price in rng.rng.sample(catalogue, rng.pick((1, 1, 2, 3)))
    )
    total = sum(item.amount_cents for item in items)
    discount = rng.pick((0, 0, 0, 500, 1_000, total // 10 // 100 * 100))
    shipping = 0 if channel == "门店" else rng.pick((0, 0, 800, 1_000, 1_200))
    status = _weighted(rng, _STATUSES, _STATUS_WEIGHTS)
    seconds, ordered_at = _moment(rng)
    day = datetime.fromtimestamp(seconds, UTC).strftime("%y%m%d")
    return Order(
        id=None,
        order_no=order_no(channel_index, day, customer_id, nth),
        channel=channel,
        customer_id=customer_id,
        status=status,
        ordered_at=ordered_at,
        total_cents=total,
        discount_cents=discount,
        shipping_cents=shipping,
        paid_cents=0 if status in _UNPAID else total - discount + shipping,
        notes=rng.pick(("", "", "", "", "请尽快发货", "送人用，不要放发票", "Gift wrap please")),
        items=items,
    )


def generate_orders(
    customer_ids: Iterable[int], seed: int = DEFAULT_SEED, *, per_customer_mean: float = 1.5
) -> Iterator[Order]:
    """Poisson(``per_customer_mean``) orders (at most 16) per customer, 1–3 items each.

    The output depends on ``seed`` and on the sequence of ids (the stream is seeded with the
    first id), so calling it batch by batch is as reproducible as one call.
    """
    rng, ids = _seeded(f"orders:{seed}", customer_ids)
    for customer_id in ids:
        for nth in range(_poisson(rng, per_customer_mean, MAX_ORDERS_PER_CUSTOMER)):
            yield _order(rng, customer_id, nth)


_KINDS: Final = tuple(FeedbackKind)
_KIND_WEIGHTS: Final = tuple(accumulate((45, 15, 25, 15)))
_FEEDBACK_TEXT: Final = """\
review zh 质量很好，物流也快，好评！|包装有点破损，但商品没问题。|回购第三次了，一如既往的好。
review en Great quality, fast delivery.|Item as described, thanks!|Colour differs from the photo.
complaint zh 快递三天没有更新物流信息。|收到的商品少了一件。|商品有划痕，要求换货。
complaint en Parcel arrived damaged.|Charged twice for one order.|Still waiting for my refund.
inquiry zh 请问什么时候补货？|可以开发票吗？|会员积分怎么兑换？|支持七天无理由退货吗？
inquiry en Do you ship to Ireland?|When will this be back in stock?|Can I change my address?
suggestion zh 希望增加更多颜色可选。|建议周末延长营业时间。|希望支持顺丰到付。
suggestion en Please offer plastic-free packaging.|A loyalty app would be nice.
"""
_CONTENT: Final = {
    (FeedbackKind(kind), language): tuple(text.split("|"))
    for kind, language, text in (line.split(" ", 2) for line in _FEEDBACK_TEXT.splitlines())
}
_RESOLUTIONS: Final = {"zh": ("已补发", "已退款", "已电话回访，客户满意", "已解答"),
                       "en": ("Refund issued", "Replacement sent", "Answered by e-mail")}
_FEEDBACK_CHANNELS: Final = ("电话", "微信", "门店", "邮件", "淘宝", "京东")
_RATINGS: Final = (5, 4, 3, 2, 1)
_FEEDBACK_STATUS_WEIGHTS: Final = tuple(accumulate((20, 10, 70)))
_RATING_WEIGHTS: Final = tuple(accumulate((50, 30, 10, 5, 5)))


def generate_feedback(
    customer_ids: Iterable[int], seed: int = DEFAULT_SEED, *, per_customer_mean: float = 0.3,
    orders: Iterable[Order] = (),
) -> Iterator[Feedback]:
    """Reviews, complaints, inquiries and suggestions; ~15 % in English.

    Reviews and complaints of a customer who has stored ``orders`` (with ids) refer to one of
    them. Reproducible per ``seed`` and id sequence, like :func:`generate_orders`.
    """
    by_customer: dict[int, list[Order]] = {}
    for order in orders:
        if order.id is not None and order.customer_id is not None:
            by_customer.setdefault(order.customer_id, []).append(order)
    rng, ids = _seeded(f"feedback:{seed}", customer_ids)
    for customer_id in ids:
        for _ in range(_poisson(rng, per_customer_mean, 8)):
            yield _feedback(rng, customer_id, by_customer.get(customer_id, ()))


def _feedback(rng: _Dice, customer_id: int, orders: Sequence[Order]) -> Feedback:
    kind = _weighted(rng, _KINDS, _KIND_WEIGHTS)
    language = "en" if rng.random() > CHINESE_SHARE else "zh"
    linkable = orders and kind in (FeedbackKind.REVIEW, FeedbackKind.COMPLAINT)
    order = rng.pick(orders) if linkable else None
    rating = None
    if kind is FeedbackKind.REVIEW:
        rating = _weighted(rng, _RATINGS, _RATING_WEIGHTS)
    elif kind is FeedbackKind.COMPLAINT and rng.random() < 0.6:
        rating = rng.pick((1, 2))
    ordered = datetime.fromisoformat(order.ordered_at).timestamp() if order else _EPOCH_START
    received_s, received = _moment(rng, int(ordered) + 3_600)
    status = _weighted(rng, tuple(FeedbackStatus), _FEEDBACK_STATUS_WEIGHTS)
    resolved = status is FeedbackStatus.RESOLVED
    return Feedback(
        id=None,
        kind=kind,
        content=rng.pick(_CONTENT[kind, language]),
        received_at=received,
        customer_id=customer_id,
        order_id=None if order is None else order.id,
        rating=rating,
        channel=order.channel if order else rng.pick(_FEEDBACK_CHANNELS),
        status=status,
        resolution=rng.pick(_RESOLUTIONS[language]) if resolved else "",
        resolved_at=_iso(received_s + rng.between(3_600, 7 * 86_400), 0) if resolved else None,
    )
