"""The one masking rule table (DESIGN §4), used by screen, clipboard, print and export.

Every function is total: it never raises, ``None``/empty gives ``""``, and anything it cannot
recognise is masked *more*, never less (usually all stars of the same length). Masking an
already masked value returns a masked value that reveals nothing more, and for the shapes
these rules produce it returns the value unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import phonenumbers

from desktop.core.errors import InvalidInputError
from desktop.core.masking_text import Found, detection_view, find_identifiers, may_hold_identifiers
from desktop.core.validation import clean_text, parse_date

STAR = "*"
HIDDEN = "****"
"""Stands for a hidden part whose length must not show (street detail)."""

_HAN = "\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f"


def _is_han(ch: str) -> bool:
    cp = ord(ch)
    return 0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x3134F


def _stars(text: str) -> str:
    return STAR * len(text)


# ---------------------------------------------------------------- names

def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


COMPOUND_SURNAMES = frozenset(
    _words(
        """
    欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 闻人
    南宫 独孤 澹台 公冶 太史 端木 申屠 赫连 呼延 万俟 公羊 宗政 濮阳 淳于 单于 太叔 仲孙
    鲜于 闾丘 司空 亓官 司寇 子车 颛孙 巫马 公西 漆雕 乐正 壤驷 公良 拓跋 夹谷 宰父 谷梁
    段干 百里 东郭 南门 羊舌 微生 梁丘 左丘 东门 西门 第五 公户 公玉 公仪 公乘 完颜 纳兰
    歐陽 司馬 諸葛 東方 尉遲 公孫 長孫 軒轅 鍾離 聞人 南宮 獨孤 澹臺 赫連 萬俟 鮮於 閭丘
    顓孫 巫馬 樂正 壤駟 東郭 東門 西門 穀梁 鐘離 濮陽 淳於 單于 僕固 賀蘭 贺兰 仆固
        """
    )
)
"""Two-character Chinese surnames (simplified and traditional), kept whole when masking."""

_NAME_SEPARATORS = frozenset(" \t·•・‧.-'’‐‑_,")
HONORIFICS = ("先生", "女士", "小姐", "太太", "老师", "阿姨", "师傅")


def surname_length(name: str) -> int:
    """1, or 2 for a compound surname (only for names of 3+ characters: a 2-character name
    such as 司马 is read as surname + given name, which reveals less)."""
    letters = [c for c in name if c not in _NAME_SEPARATORS and not c.isspace()]
    return 2 if len(letters) >= 3 and "".join(letters[:2]) in COMPOUND_SURNAMES else 1


def mask_name(name: str | None) -> str:
    """张三→张*, 张三丰→张*丰, 欧阳娜娜→欧阳**, John Smith→J*** S****."""
    text = clean_text(name)
    if not text:
        return ""
    has_han = any(_is_han(c) for c in text)
    if has_han and not any(c.isalpha() and not _is_han(c) for c in text):
        return _mask_chinese_name(text)
    return _mask_words(text)


def _mask_chinese_name(text: str) -> str:
    honorific = ""
    for candidate in HONORIFICS:
        if text.endswith(candidate) and len(text) > len(candidate):
            text, honorific = text[: -len(candidate)].rstrip(), candidate
            break
    positions = [i for i, c in enumerate(text) if c not in _NAME_SEPARATORS and not c.isspace()]
    letters = "".join(text[i] for i in positions)
    if honorific and (len(letters) == 1 or letters in COMPOUND_SURNAMES):
        return text + honorific  # 张先生: only the surname is known
    if len(positions) == 1:
        return text + STAR + honorific
    keep = set(positions[: surname_length(text)])
    if len(positions) == 3 and len(keep) == 1:
        keep.add(positions[2])  # 张三丰 → 张*丰
    wanted = set(positions)
    masked = "".join(c if i in keep or i not in wanted else STAR for i, c in enumerate(text))
    return masked + honorific


def _mask_words(text: str) -> str:
    """Latin and other scripts: each word keeps its first character; separators stay."""
    out: list[str] = []
    word_start = True
    for c in text:
        if c in _NAME_SEPARATORS or c.isspace():
            out.append(c)
            word_start = True
        else:
            out.append(c if word_start else STAR)
            word_start = False
    if sum(1 for c in text if c not in _NAME_SEPARATORS and not c.isspace()) == 1:
        return "".join(out) + STAR  # a lone "J" would otherwise be shown whole
    return "".join(out)


# ---------------------------------------------------------------- phones

_PHONE_SEPARATORS = re.compile(r"[\s\-./()\[\]]")
_CN_MOBILE = re.compile(r"1[3-9]\d{9}")
_CN_LANDLINE = re.compile(r"(010|02\d|0[3-9]\d{2})(\d{7,8})")
_MASKED_PHONE = re.compile(
    r"1\d{2}\*{4}\d{4}|\+\d{1,3} \*+\d{4}|\+\d{1,3} \*+|0\d{2,3}-\*+\d{4}|\*+"
)


def _mask_cn_mobile(national: str) -> str:
    return national[:3] + STAR * 4 + national[-4:]


def mask_phone(phone: str | None) -> str:
    """CN mobile in any spelling → 138****5678; +44 7700 900123 → +44 ******0123;
    010-12345678 → 010-****5678; anything else → stars of the same length."""
    text = clean_text(phone)
    if not text:
        return ""
    if _MASKED_PHONE.fullmatch(text):
        return text
    compact = _PHONE_SEPARATORS.sub("", text)
    if not re.fullmatch(r"\+?[0-9]+", compact):
        return _stars(text)
    international = compact.startswith(("+", "00"))
    digits = compact[1:] if compact.startswith("+") else compact
    if international:
        digits = digits.removeprefix("00")
        if digits.startswith("86") and _CN_MOBILE.fullmatch(digits[2:]):
            return _mask_cn_mobile(digits[2:])
        return _mask_international(digits, text)
    candidates = (digits, digits[2:] if digits.startswith("86") else "", digits[1:])
    for national in candidates:
        if _CN_MOBILE.fullmatch(national):
            return _mask_cn_mobile(national)
    landline = _CN_LANDLINE.fullmatch(digits)
    if landline:
        area, local = landline.groups()
        return f"{area}-{STAR * (len(local) - 4)}{local[-4:]}"
    return _stars(text)


def _mask_international(digits: str, text: str) -> str:
    try:
        number = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        return _stars(text)
    national = phonenumbers.national_significant_number(number)
    if len(national) < 7:  # too short to show four digits and still hide enough
        return f"+{number.country_code} {_stars(national)}"
    return f"+{number.country_code} {STAR * (len(national) - 4)}{national[-4:]}"


# ---------------------------------------------------------------- identity documents, cards

_MASKED_ID = re.compile(r"\d{6}\*{8}[\dX]{4}|\d{6}\*{6}\d{3}|\*+")


def mask_resident_id(value: str | None) -> str:
    """11010119900307123X → 110101********123X; 15-digit legacy → 6 + ****** + 3. The birth
    date is never shown. Other documents (passports, permits) keep the first and last two
    characters when long enough; stray digit strings are all stars."""
    text = clean_text(value)
    if not text:
        return ""
    compact = re.sub(r"[\s\-]", "", text).upper()
    if _MASKED_ID.fullmatch(compact):
        return compact
    if re.fullmatch(r"[0-9]{17}[0-9X]", compact):
        return compact[:6] + STAR * 8 + compact[-4:]
    if re.fullmatch(r"[0-9]{15}", compact):
        return compact[:6] + STAR * 6 + compact[-3:]
    if re.fullmatch(r"[0-9*]+", compact) or len(compact) < 8:
        return _stars(compact)
    return compact[0] + STAR * (len(compact) - 3) + compact[-2:]


def mask_bank_card(value: str | None) -> str:
    """6222021234567890 → 622202******7890 (spaces and dashes ignored)."""
    text = clean_text(value)
    if not text:
        return ""
    compact = re.sub(r"[\s\-]", "", text)
    if re.fullmatch(r"[0-9]{6}\*+[0-9]{4}|\*+[0-9]{4}|\*+", compact):
        return compact
    if not re.fullmatch(r"[0-9]+", compact) or len(compact) < 8:
        return _stars(compact)
    if len(compact) >= 13:
        return compact[:6] + STAR * (len(compact) - 10) + compact[-4:]
    return STAR * (len(compact) - 4) + compact[-4:]


# ---------------------------------------------------------------- e-mail, WeChat, birthday


def mask_email(value: str | None) -> str:
    """alice@example.com → a****@example.com; a@x.cn → a*@x.cn."""
    text = clean_text(value)
    if not text:
        return ""
    local, at, domain = text.rpartition("@")
    if not at or not local or not domain:
        return _stars(text)
    return local[0] + STAR * max(len(local) - 1, 1) + "@" + domain


def mask_wechat(value: str | None) -> str:
    """wxid_abc123 → wx********: two characters, then always eight stars (length hidden)."""
    text = clean_text(value)
    if not text:
        return ""
    keep = 2 if len(text) >= 4 else (1 if len(text) >= 2 else 0)
    return text[:keep] + STAR * 8


def mask_birthday(value: str | None) -> str:
    """1990-03-07 → 1990-**-**; --03-07 → ****-**-**; only the year is ever shown."""
    text = clean_text(value)
    if not text:
        return ""
    if re.fullmatch(r"(?:[0-9]{4}|\*{4})-\*\*-\*\*", text):
        return text
    try:
        iso = parse_date(text, field="birthday")
    except InvalidInputError:
        return _stars(text)
    return "****-**-**" if iso.startswith("--") else iso[:4] + "-**-**"


# ---------------------------------------------------------------- addresses

_PROVINCE_NAMES = _words(
    "黑龙江 内蒙古 北京 天津 上海 重庆 河北 山西 辽宁 吉林 江苏 浙江 安徽 福建 江西 山东 "
    "河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 广西 西藏 宁夏 新疆 香港 澳门"
)
_NAME_CHAR = rf"(?:(?![区县旗市州盟路街巷弄号室栋幢])[{_HAN}])"
_DISTRICT_CHAR = rf"(?:(?![区县旗路街巷弄号室栋幢])[{_HAN}])"
_ADMIN_LEVELS = (
    re.compile(
        rf"(?:{'|'.join(_PROVINCE_NAMES)})"
        r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)?(?:市辖区)?"
    ),
    re.compile(rf"{_NAME_CHAR}{{1,12}}?自治州|{_NAME_CHAR}{{1,6}}?(?:地区|市|州|盟)"),
    re.compile(rf"{_DISTRICT_CHAR}{{1,14}}?(?:自治县|自治旗)|{_DISTRICT_CHAR}{{1,6}}?[区县旗市]"),
)
_STREET_OR_UNIT = re.compile(
    r"(?i)^(?:apt|apartment|flat|unit|suite|ste|room|rm|floor|fl|building|bldg|block|"
    r"po box|p\.o\. box|#)\b|\b(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|way|"
    r"boulevard|blvd|court|ct|place|pl|terrace|close|crescent|parkway|pkwy|highway|hwy|"
    r"square|sq)\.?$"
)


def _chinese_admin_prefix(text: str) -> str:
    pos = 0
    for level in _ADMIN_LEVELS:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        match = level.match(text, pos)
        if match:
            pos = match.end()
    return text[:pos].rstrip()


def mask_address_text(value: str | None) -> str:
    """北京市朝阳区建国路88号 → 北京市朝阳区****: kept down to district/county level.
    English: "221B Baker Street, London NW1 6XE, UK" → "****, London, UK" (street, unit and
    postcode hidden, city and region kept)."""
    text = clean_text(value)
    if not text:
        return ""
    if any(_is_han(c) for c in text):
        prefix = _chinese_admin_prefix(text)
        return prefix + (HIDDEN if text[len(prefix) :].strip() else "")
    parts = [p.strip() for p in text.split(",")]
    kept: list[str] = []
    for index, part in enumerate(parts):
        if index == 0 or part[:1].isdigit() or _STREET_OR_UNIT.search(part) or STAR in part:
            kept.clear()  # a street or unit line: it and everything before it is hidden
            continue
        words = [w for w in part.split() if not any(c.isdigit() for c in w)]
        if words:
            kept.append(" ".join(words))
    return ", ".join([HIDDEN, *kept])


def mask_address(
    province: str | None, city: str | None, district: str | None, detail: str | None
) -> str:
    """Structured address: regions kept, the street detail becomes ****."""
    parts: list[str] = []
    for part in (clean_text(province), clean_text(city), clean_text(district)):
        if part and part not in ("市辖区", "县") and (not parts or parts[-1] != part):
            parts.append(part)
    detail_text = clean_text(detail)
    if not parts:
        return mask_address_text(detail_text)
    hidden = HIDDEN if detail_text else ""
    if any(_is_han(c) for part in parts for c in part):
        return "".join(parts) + hidden
    return ", ".join(([hidden] if hidden else []) + parts[::-1])


# ---------------------------------------------------------------- free text

_MEMBER_NO_PHONE = re.compile(r"^\+?[\d\s-]{11,16}$")


def mask_member_no(value: str | None) -> str:
    """Member numbers stay readable (staff read them out at the counter), unless the shop uses
    a phone, ID or card number as the member number: then that number's own rule applies."""
    text = clean_text(value)
    compact = re.sub(r"[\s-]", "", text)
    if re.fullmatch(r"\d{17}[\dXx]|\d{15}", compact):
        return mask_resident_id(compact)
    if re.fullmatch(r"1[3-9]\d{9}", compact) or (
        compact.startswith("+") and _MEMBER_NO_PHONE.match(text)
    ):
        return mask_phone(text)
    if re.fullmatch(r"\d{12,19}", compact):
        return mask_bank_card(compact)
    return text


_FREE_TEXT_RULES: dict[Found, Callable[[str], str]] = {
    Found.EMAIL: mask_email,
    Found.HANDLE: mask_wechat,
    Found.RESIDENT_ID: mask_resident_id,
    Found.CARD: mask_bank_card,
    Found.STREET: lambda _: HIDDEN,
    Found.PHONE: mask_phone,
    Found.HIDDEN_DIGITS: _stars,
}


def mask_free_text(value: str | None) -> str:
    """Mask phone numbers, resident IDs, bank cards, e-mail addresses, WeChat and QQ IDs and
    street addresses found inside free text (notes, feedback), each by its own rule (a street
    part becomes ****, the region before it stays), and any other run of 12+ digits like a
    card (see :mod:`desktop.core.masking_text`); the rest is left as written."""
    if not clean_text(value):
        return ""
    original = value if isinstance(value, str) else str(value)
    if not may_hold_identifiers(original):
        return original
    text = detection_view(original)
    out: list[str] = []
    pos = 0
    for start, end, kind in find_identifiers(text):
        out += [original[pos:start], _FREE_TEXT_RULES[kind](text[start:end])]
        pos = end
    out.append(original[pos:])
    return "".join(out)
