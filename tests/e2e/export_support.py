"""Fixture customers with nasty notes, and the scanner that proves an exported file shows
none of their personal data in clear: every cell of every sheet, not a spot check."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import msoffcrypto
import openpyxl
from openpyxl.workbook import Workbook

from desktop.core.models import (
    Customer,
    Feedback,
    FeedbackKind,
    Gender,
    Order,
    OrderItem,
    OrderStatus,
)
from desktop.core.roles import Role
from desktop.services.export_api import ReportKind
from desktop.services.session import Session
from desktop.services.workspace import Workspace

HYPERLINK = '=HYPERLINK("http://x","y")'
FULLWIDTH_FORMULA = "＝1+1"


@dataclass(frozen=True)
class Person:
    customer: Customer
    secrets: tuple[str, ...]
    """Texts that must never appear in a masked export (compared without spaces/dashes)."""


def _person(name: str, phone: str, national: str, email: str, wechat: str,
            street: str, extra: tuple[str, ...] = (), **fields: object) -> Person:
    customer = Customer(id=None, name=name, phone=phone, email=email, wechat_id=wechat,
                        address_detail=street, **fields)  # type: ignore[arg-type]
    return Person(customer, (phone, national, email, wechat, street, name, *extra))


PEOPLE = (
    _person("张三丰", "+8613812345678", "13812345678", "zhangsf@example.com", "wxid_zsf12345",
            "建国路88号院3号楼1201", member_no="M001", gender=Gender.MALE,
            birthday="1985-06-15", province="北京市", city="北京市", district="朝阳区",
            notes=HYPERLINK, balance_cents=123456, tags=("VIP",), level="金卡",
            created_at="2024-01-05T02:30:00.000000+00:00"),
    _person("欧阳娜娜", "+8613723456789", "13723456789", "nana.oy@example.cn", "nana_oy88",
            "文三路553号", member_no="M002", gender=Gender.FEMALE, province="浙江省",
            city="杭州市", district="西湖区", notes="+86 137 2345 6789 call back",
            created_at="2024-02-10T10:00:00.000000+00:00"),
    _person("John Smith", "+447700900123", "07700900123", "john.smith@mail.co.uk",
            "johnsmith_uk", "221B Baker Street",
            ("110101199003071233", "j.smith@corp.example.com"), member_no="M003",
            city="London", province="England",
            notes="ID 110101199003071233, mail j.smith@corp.example.com",
            created_at="2024-03-01T09:00:00.000000+00:00"),
    _person("李四", "+8615012345678", "15012345678", "lisi@example.com", "wxid_lisi99",
            "世纪大道100号", ("13598765432",), member_no="M004", province="上海市",
            city="上海市", district="浦东新区",
            notes=f"{FULLWIDTH_FORMULA} 备用电话135-9876-5432，送到幸福小区3栋2单元501",
            created_at="2024-04-01T09:00:00.000000+00:00"),
    _person("王五", "+8618612345678", "18612345678", "wangwu@example.com", "wxid_ww5",
            "解放路9号", member_no="M005", balance_cents=-1250, province="广东省",
            city="广州市", district="越秀区", notes="-5 refund @boss\tcall",
            created_at="2024-05-01T09:00:00.000000+00:00"),
)


def seed(workspace: Workspace) -> list[int]:
    """The fixture customers, an order with items each (ship contact = the customer, notes
    with their phone) and a feedback each (content with their e-mail and street)."""
    db = workspace.shop.db
    ids = []
    with db.transaction():
        for index, person in enumerate(PEOPLE):
            c = person.customer
            customer_id = db.customers.add(c)
            ids.append(customer_id)
            order_id = db.orders.add(Order(
                id=None, order_no=f"20240105{index:011d}", channel="淘宝",
                customer_id=customer_id, status=OrderStatus.PAID,
                ordered_at=f"2024-0{index + 1}-05T04:00:00.000000+00:00",
                total_cents=9990 + 4500, discount_cents=500, shipping_cents=800,
                paid_cents=14790, ship_name=c.name, ship_phone=c.phone or "",
                ship_address=f"{c.province}{c.city}{c.district}{c.address_detail}",
                notes=f"联系 {c.phone} 或 {c.email}",
                items=(OrderItem("保温杯 500ml", 1, 9990, sku="CUP-500"),
                       OrderItem("=SUM(A1:A9)", 3, 1500, sku="-SKU")),
            ))
            db.feedback.add(Feedback(
                id=None, kind=FeedbackKind.COMPLAINT,
                content=f"我的邮箱 {c.email}，地址 {c.city} {c.address_detail}，微信 {c.wechat_id}",
                received_at=f"2024-0{index + 1}-06T04:00:00.000000+00:00",
                customer_id=customer_id, order_id=order_id, rating=2, channel="电话",
                resolution=f"已回电 {c.phone}",
            ))
    return ids


def sessions(workspace: Workspace) -> dict[Role, Session]:
    db = workspace.shop.db
    with db.transaction():
        return {role: Session(db.users.add(f"user_{role.value}", role, "unused-hash"))
                for role in (Role.MANAGER, Role.STAFF, Role.AUDITOR)}


# ---------------------------------------------------------------------- scanning


def _plain(text: str) -> str:
    return re.sub(r"[\s\-()]", "", unicodedata.normalize("NFKC", text)).lower()


def leaks(texts: Iterable[str]) -> list[str]:
    """Each fixture secret found in any of ``texts`` (as written or with spaces, dashes and
    full-width forms folded, so 138 1234 5678 and ＋86… count too)."""
    wanted = {_plain(secret): secret for person in PEOPLE for secret in person.secrets}
    found = []
    for text in texts:
        plain = _plain(text)
        found += [f"{original!r} in {text!r}" for key, original in wanted.items()
                  if key in plain]
    return found


@dataclass
class CellInfo:
    sheet: str
    coordinate: str
    value: object
    data_type: str
    number_format: str
    quote_prefix: bool


def workbook_cells(book: Workbook) -> Iterator[CellInfo]:
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                yield CellInfo(sheet.title, cell.coordinate, cell.value, cell.data_type,
                               cell.number_format, bool(cell.quotePrefix))


def open_workbook(path: Path, password: str | None = None) -> Workbook:
    if password is None:
        return openpyxl.load_workbook(path)
    plain = io.BytesIO()
    with path.open("rb") as handle:
        office = msoffcrypto.OfficeFile(handle)
        office.load_key(password=password)
        office.decrypt(plain)
    plain.seek(0)
    return openpyxl.load_workbook(plain)


def assert_no_live_formula(cells: Iterable[CellInfo]) -> None:
    for cell in cells:
        assert cell.data_type != "f", f"formula in {cell.sheet}!{cell.coordinate}"
        if isinstance(cell.value, str) and cell.value and cell.value[0] in "=+-@\t\r＝＋－＠":
            assert cell.quote_prefix, f"{cell.sheet}!{cell.coordinate} lacks the quote prefix"


def csv_rows(path: Path, encoding: str = "utf-8-sig") -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode(encoding), newline="")))


def libreoffice_csvs(path: Path, outdir: Path, profile: Path) -> list[Path]:
    """Every sheet of ``path`` converted by headless LibreOffice to UTF-8 CSV files."""
    outdir.mkdir(exist_ok=True)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
         "--outdir", str(outdir), str(path)],
        check=True, capture_output=True, timeout=180,
    )
    return sorted(outdir.glob(f"{path.stem}*.csv"))


# ---------------------------------------------------------------------- types

MONEY = {
    ReportKind.CUSTOMERS: {"Balance"},
    ReportKind.ORDERS: {"Goods total", "Discount", "Shipping", "Payable", "Paid", "Unit price",
                        "Amount"},
    ReportKind.FEEDBACK: set(),
}
TIMES = {ReportKind.CUSTOMERS: {"Added"}, ReportKind.ORDERS: {"Ordered"},
         ReportKind.FEEDBACK: {"Received"}}
TEXT = {ReportKind.CUSTOMERS: {"Phone", "Member no."},
        ReportKind.ORDERS: {"Order no.", "Recipient phone"},
        ReportKind.FEEDBACK: {"Order no."}}
ROWS = {ReportKind.CUSTOMERS: 5, ReportKind.ORDERS: 5, ReportKind.FEEDBACK: 5}



def columns_by_label(sheet: Any) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[1] if cell.value}


def assert_types(book: Workbook, kind: ReportKind) -> None:
    data = [sheet for sheet in book.worksheets[1:]]
    checked = {"money": 0, "time": 0, "text": 0}
    for sheet in data:
        labels = columns_by_label(sheet)
        for label, col in labels.items():
            values = [row[col - 1] for row in sheet.iter_rows(min_row=2)]
            for cell in values:
                if cell.value is None:
                    continue
                if label in MONEY[kind]:
                    assert cell.data_type == "n" and "¥" in cell.number_format, cell.coordinate
                    checked["money"] += 1
                elif label in TIMES[kind]:
                    assert isinstance(cell.value, datetime), (label, cell.value)
                    checked["time"] += 1
                elif label in TEXT[kind]:
                    assert cell.data_type == "s", (label, cell.value)
                    checked["text"] += 1
    assert checked["time"] and checked["text"]
    assert checked["money"] or not MONEY[kind]


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)
