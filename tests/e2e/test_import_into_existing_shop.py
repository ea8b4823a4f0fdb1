"""Importing into a shop that already has data: the second month's export, a corrected
membership sheet, a feedback log after the orders. Real .xlsx/.csv files made here, real
SQLCipher shops, through ``ImportService`` as the wizard and the ``import`` command use it."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path

import xlsxwriter  # type: ignore[import-untyped]

from desktop.core.import_types import ImportTarget, MatchPolicy, RowAction
from desktop.exchange.plan_reasons import (
    ACCOUNT_ADDED,
    CONFLICT_EMAIL_FILE,
    CONFLICT_EMAIL_SHOP,
    CONFLICT_PHONE_SHOP,
    CONFLICT_SHOP,
    DUPLICATE_ROW,
    DUPLICATE_VALUE_NOT_USED,
    FIELD_FILLED,
    FIELD_KEPT,
    FIELD_REPLACED,
    IN_SHOP_KEPT,
    IN_SHOP_SKIPPED,
    IN_SHOP_UNCHANGED,
    ORDER_KEPT,
    ORDER_UNCHANGED,
    TAGS_ADDED,
)
from desktop.services.customer_views import CustomerDraft
from desktop.services.customers import CustomerService
from desktop.services.import_api import DryRunReport, ImportCounts, ImportRequest
from desktop.services.imports import ImportService
from tests.support.shops import ShopFixture

MEMBER_HEADER = ["会员卡号", "姓名", "手机号", "邮箱", "旺旺", "积分", "储值余额", "备注"]
FIRST_SHEET = [
    ["M001", "张三", "13800000001", "zhang@example.com", "tb_zhang", 100, "10.00", "老客"],
    ["M002", "李四", "13800000002", "li@example.com", "tb_li", 0, "", ""],
    ["M003", "王五", "13800000003", "", "", "", "", ""],
]
CORRECTED_SHEET = [
    ["M001", "张三", "13800000001", "zhang@example.com", "tb_zhang", 200, "20.00", "改过"],
    ["M002", "李四", "13800000002", "li@example.com", "tb_li", 5, "3.00", "新备注"],
    ["M003", "王五", "13800000003", "", "", 7, "", ""],
]
CUSTOMER_COLUMNS = "member_no, name, phone, email, points, balance_cents, notes"


def membership_xlsx(path: Path, rows: Sequence[Sequence[object]],
                    header: Sequence[str] = MEMBER_HEADER) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("会员")
    sheet.write_row(0, 0, header)
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            if isinstance(value, int):
                sheet.write_number(number, column, value)
            elif value:
                sheet.write_string(number, column, str(value))
    book.close()
    return path


def request_for(service: ImportService, shop: ShopFixture, path: Path,
                policy: MatchPolicy = MatchPolicy.FILL_EMPTY) -> ImportRequest:
    overview = service.inspect(shop.owner, path)
    preview = service.preview(shop.owner, path, overview.suggested_sheet)
    return ImportRequest(path, preview.sheet, preview.header_row, preview.target,
                         preview.mapping, policy, preview.layout)


def notes(report: DryRunReport, row: int) -> list[tuple[str, str]]:
    """(field, reason) of every issue on a row of the dry run."""
    (outcome,) = [outcome for outcome in report.rows if outcome.row == row]
    return [(issue.field, issue.reason) for issue in outcome.issues]


def customers(shop: ShopFixture) -> list[tuple[object, ...]]:
    return shop.workspace.shop.db.conn.execute(
        f"SELECT {CUSTOMER_COLUMNS} FROM customers ORDER BY id").fetchall()


def shop_with_first_sheet(shop: ShopFixture, tmp_path: Path) -> ImportService:
    service = ImportService(shop.workspace)
    first = request_for(service, shop, membership_xlsx(tmp_path / "会员.xlsx", FIRST_SHEET))
    assert service.run(shop.owner, first).counts.customers_created == 3
    return service


# ---------------------------------------------------------------- a corrected membership sheet


def test_the_same_sheet_again_changes_nothing_under_any_policy(
    shop: ShopFixture, tmp_path: Path
) -> None:
    service = shop_with_first_sheet(shop, tmp_path)
    stored = customers(shop)
    path = membership_xlsx(tmp_path / "again.xlsx", FIRST_SHEET)
    for policy in MatchPolicy:
        report = service.dry_run(shop.owner, request_for(service, shop, path, policy))
        assert report.counts == ImportCounts(skipped=3), policy
        reason = IN_SHOP_SKIPPED if policy is MatchPolicy.SKIP else IN_SHOP_UNCHANGED
        assert [notes(report, row) for row in (2, 3, 4)] == [[("", reason)]] * 3
        service.run(shop.owner, request_for(service, shop, path, policy))
    assert customers(shop) == stored


def test_fill_empty_says_what_it_keeps_instead_of_nothing_to_change(
    shop: ShopFixture, tmp_path: Path
) -> None:
    service = shop_with_first_sheet(shop, tmp_path)
    path = membership_xlsx(tmp_path / "corrected.xlsx", CORRECTED_SHEET)
    report = service.dry_run(shop.owner, request_for(service, shop, path))
    assert report.counts == ImportCounts(updated=1, skipped=2, customers_updated=1)
    assert [outcome.action for outcome in report.rows] == [
        RowAction.SKIP, RowAction.UPDATE, RowAction.SKIP]
    assert notes(report, 2) == [("", IN_SHOP_KEPT), ("customer.points", FIELD_KEPT),
                                ("customer.balance", FIELD_KEPT), ("customer.notes", FIELD_KEPT)]
    # Zero points and a zero balance are kept: they may have been spent in the shop.
    assert notes(report, 3) == [("customer.notes", FIELD_FILLED),
                                ("customer.points", FIELD_KEPT),
                                ("customer.balance", FIELD_KEPT)]
    assert notes(report, 4) == [("", IN_SHOP_KEPT), ("customer.points", FIELD_KEPT)]
    service.run(shop.owner, request_for(service, shop, path))
    assert customers(shop) == [
        ("M001", "张三", "+8613800000001", "zhang@example.com", 100, 1000, "老客"),
        ("M002", "李四", "+8613800000002", "li@example.com", 0, 0, "新备注"),
        ("M003", "王五", "+8613800000003", None, 0, 0, ""),
    ]


def test_overwrite_replaces_and_says_so_field_by_field_and_undo_restores_exactly(
    shop: ShopFixture, tmp_path: Path
) -> None:
    service = shop_with_first_sheet(shop, tmp_path)
    before = customers(shop)
    request = request_for(service, shop, membership_xlsx(tmp_path / "c.xlsx", CORRECTED_SHEET),
                          MatchPolicy.OVERWRITE)
    report = service.dry_run(shop.owner, request)
    assert report.counts == ImportCounts(updated=3, customers_updated=3)
    assert notes(report, 2) == [("customer.points", FIELD_REPLACED),
                                ("customer.balance", FIELD_REPLACED),
                                ("customer.notes", FIELD_REPLACED)]
    result = service.run(shop.owner, request)
    assert result.counts == report.counts
    assert customers(shop)[0] == (
        "M001", "张三", "+8613800000001", "zhang@example.com", 200, 2000, "改过")
    assert service.undo(shop.owner, result.batch_id) == ImportCounts(customers_updated=3)
    assert customers(shop) == before


def test_tags_and_a_platform_account_added_to_a_stored_customer_are_named(
    shop: ShopFixture, tmp_path: Path
) -> None:
    service = shop_with_first_sheet(shop, tmp_path)
    path = membership_xlsx(tmp_path / "tags.xlsx", [["M003", "tb_wang", "老客, 茶叶"]],
                           header=["会员卡号", "旺旺", "标签"])
    report = service.dry_run(shop.owner, request_for(service, shop, path))
    assert report.counts == ImportCounts(updated=1, customers_updated=1)
    assert notes(report, 2) == [("customer.tags", TAGS_ADDED),
                                ("customer.platform_account", ACCOUNT_ADDED)]
    service.run(shop.owner, request_for(service, shop, path))
    again = service.dry_run(shop.owner, request_for(service, shop, path))
    assert notes(again, 2) == [("", IN_SHOP_UNCHANGED)]


# ---------------------------------------------------------------- who is who


CONFLICTS = [
    ["M002", "甲", "13800000001", "", "", "", "", "phone of M001, member number of M002"],
    ["", "", "", "ZHANG@EXAMPLE.COM", "", 300, "", ""],  # M001's e-mail, other case
    ["", "张三", "13800000099", "", "", "", "", "same name, another phone"],
    ["", "丙", "13800000002", "", "tb_zhang", "", "", "M002's phone, M001's buyer nick"],
    ["M003", "", "", "li@example.com", "", "", "", "M003 given M002's e-mail"],
]


def test_rows_naming_two_stored_customers_are_rejected_with_their_reason(
    shop: ShopFixture, tmp_path: Path
) -> None:
    service = shop_with_first_sheet(shop, tmp_path)
    before = customers(shop)
    request = request_for(service, shop, membership_xlsx(tmp_path / "x.xlsx", CONFLICTS),
                          MatchPolicy.OVERWRITE)
    report = service.dry_run(shop.owner, request)
    assert [(outcome.row, outcome.action) for outcome in report.rows] == [
        (2, RowAction.ERROR), (3, RowAction.UPDATE), (4, RowAction.CREATE),
        (5, RowAction.ERROR), (6, RowAction.ERROR)]
    assert notes(report, 2) == [("", CONFLICT_SHOP)]
    assert notes(report, 3) == [("customer.points", FIELD_REPLACED)]
    assert notes(report, 5) == [("", CONFLICT_SHOP)]
    assert notes(report, 6) == [("", CONFLICT_EMAIL_SHOP)]
    result = service.run(shop.owner, request)
    assert result.counts == ImportCounts(created=1, updated=1, rejected=3,
                                         customers_created=1, customers_updated=1)
    assert [(issue.row, issue.reason) for issue in result.errors] == [
        (2, CONFLICT_SHOP), (5, CONFLICT_SHOP), (6, CONFLICT_EMAIL_SHOP)]
    after = customers(shop)
    assert after[0] == (*before[0][:4], 300, *before[0][5:])  # found by e-mail, any case
    assert after[1:3] == before[1:3], "no customer got another's e-mail or member number"
    assert after[3] == (None, "张三", "+8613800000099", None, 0, 0, "same name, another phone")
    conn = shop.workspace.shop.db.conn
    assert conn.execute("SELECT count(*) FROM customers WHERE email = 'li@example.com'"
                        ).fetchone() == (1,)


def test_a_member_who_changed_phone_gets_the_new_one_only_when_the_owner_asks(
    shop: ShopFixture, tmp_path: Path
) -> None:
    """张三 (M001) has a new phone. "Fill empty" and "skip" never change a phone: the row is
    rejected with a reason that names the way out; "replace with the file's values" gives
    M001 the new phone, and undoing that import gives the old one back."""
    service = shop_with_first_sheet(shop, tmp_path)
    before = customers(shop)
    path = membership_xlsx(tmp_path / "new-phone.xlsx", [
        ["M001", "张三", "13800000055", "", "", "", "", ""],
        ["", "李四改", "13800000002", "li@example.com", "", "", "", ""],  # M002 by phone
    ])
    for policy in (MatchPolicy.FILL_EMPTY, MatchPolicy.SKIP):
        report = service.dry_run(shop.owner, request_for(service, shop, path, policy))
        assert notes(report, 2) == [("", CONFLICT_PHONE_SHOP)], policy

    request = request_for(service, shop, path, MatchPolicy.OVERWRITE)
    report = service.dry_run(shop.owner, request)
    assert [(outcome.row, outcome.action) for outcome in report.rows] == [
        (2, RowAction.UPDATE), (3, RowAction.UPDATE)]
    assert notes(report, 2) == [("customer.phone", FIELD_REPLACED)]
    result = service.run(shop.owner, request)
    assert result.counts == ImportCounts(updated=2, customers_updated=2)
    after = customers(shop)
    assert after[0] == (before[0][0], "张三", "+8613800000055", *before[0][3:])
    assert after[1][:3] == ("M002", "李四改", "+8613800000002")
    assert shop.workspace.shop.db.conn.execute(
        "SELECT member_no FROM customers WHERE substr(phone, -4) = '0055'").fetchall() == [
        ("M001",)]

    service.undo(shop.owner, result.batch_id)
    assert customers(shop) == before


def test_a_file_giving_one_e_mail_to_two_customers_rejects_the_second_row(
    shop: ShopFixture, tmp_path: Path
) -> None:
    service = ImportService(shop.workspace)
    path = membership_xlsx(tmp_path / "new.xlsx", [
        ["", "赵一", "13900000001", "", "", "", "", ""],
        ["", "钱二", "13900000002", "family@example.com", "", "", "", ""],
        ["", "赵一", "13900000001", "family@example.com", "", "", "", ""],
    ])
    result = service.run(shop.owner, request_for(service, shop, path))
    assert result.counts == ImportCounts(created=2, rejected=1, customers_created=2)
    assert [(issue.row, issue.reason, issue.params) for issue in result.errors] == [
        (4, CONFLICT_EMAIL_FILE, {"row": "3"})]
    assert shop.workspace.shop.db.conn.execute(
        "SELECT name FROM customers WHERE email = 'family@example.com'").fetchall() == [("钱二",)]


def test_a_later_row_of_the_same_customer_says_which_of_its_values_are_not_used(
    shop: ShopFixture, tmp_path: Path
) -> None:
    service = shop_with_first_sheet(shop, tmp_path)
    path = membership_xlsx(tmp_path / "dup.xlsx", [
        ["M004", "孙四", "13800000004", "", "", 10, "", ""],
        ["", "孙四", "13800000004", "sun@example.com", "", 99, "", ""],  # fills the e-mail
        ["M001", "张三", "", "", "", 100, "", ""],
        ["", "", "13800000001", "", "", 500, "", "第二行"],
    ])
    report = service.dry_run(shop.owner, request_for(service, shop, path))
    assert [(outcome.row, outcome.action, outcome.same_as_row) for outcome in report.rows] == [
        (2, RowAction.CREATE, None), (3, RowAction.DUPLICATE, 2), (4, RowAction.SKIP, None),
        (5, RowAction.DUPLICATE, 4)]
    assert notes(report, 3) == [("", DUPLICATE_ROW), ("customer.points", DUPLICATE_VALUE_NOT_USED)]
    assert notes(report, 5) == [("", DUPLICATE_ROW), ("customer.points", DUPLICATE_VALUE_NOT_USED)]
    # Rows 4 and 5 are one person through the shop's M001 (member number, phone); row 5's
    # note is for an empty field of row 4, but the shop has one.
    assert notes(report, 4) == [("", IN_SHOP_KEPT), ("customer.notes", FIELD_KEPT)]
    service.run(shop.owner, request_for(service, shop, path))
    assert shop.workspace.shop.db.conn.execute(
        "SELECT email, points FROM customers WHERE member_no = 'M004'").fetchone() == (
        "sun@example.com", 10)


# ---------------------------------------------------------------- the second month's orders


ORDER_NO = "4402367891234567890"  # 19 digits
TAOBAO_HEADER = ["订单编号", "买家会员名", "买家实际支付金额", "订单状态", "收货人姓名", "收货地址",
                 "联系手机", "订单创建时间", "宝贝标题", "宝贝总数量"]


def taobao_orders_csv(path: Path, status: str, paid: str = "198.00") -> Path:
    rows = [
        [f"\t{ORDER_NO}", "tb_buyer", paid, status, "张三", "浙江省 杭州市 西湖区 文三路1号",
         "13800000001", "2025-05-01 10:00:00", "龙井茶", "1"],
        [f"\t{ORDER_NO[:-1]}1", "tb_new", "50.00", "买家已付款", "新人",
         "浙江省 杭州市 西湖区 文三路2号", "13800000077", "2025-05-02 11:00:00", "茶壶", "1"],
    ]
    with path.open("w", encoding="gb18030", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(TAOBAO_HEADER)
        writer.writerows(rows)
    return path


def order_states(shop: ShopFixture) -> list[tuple[object, ...]]:
    return shop.workspace.shop.db.conn.execute(
        "SELECT o.order_no, o.status, o.paid_cents, c.phone, count(i.id) FROM orders o"
        " LEFT JOIN customers c ON c.id = o.customer_id"
        " LEFT JOIN order_items i ON i.order_id = o.id GROUP BY o.id ORDER BY o.id").fetchall()


def test_the_next_months_export_updates_order_status_and_undo_says_what_it_restored(
    shop: ShopFixture, tmp_path: Path
) -> None:
    service = ImportService(shop.workspace)
    first = request_for(service, shop, taobao_orders_csv(tmp_path / "五月.csv", "卖家已发货"))
    assert first.target is ImportTarget.ORDERS
    assert service.run(shop.owner, first).counts == ImportCounts(
        created=2, orders_created=2, customers_created=2)
    shipped = order_states(shop)
    assert shipped == [(ORDER_NO, "shipped", 19800, "+8613800000001", 1),
                       (f"{ORDER_NO[:-1]}1", "paid", 5000, "+8613800000077", 1)]

    june = taobao_orders_csv(tmp_path / "六月.csv", "交易成功")
    kept = service.dry_run(shop.owner, request_for(service, shop, june))
    assert kept.counts == ImportCounts(skipped=2)
    assert notes(kept, 2) == [("", ORDER_KEPT), ("order.status", FIELD_KEPT)]
    assert notes(kept, 3) == [("", ORDER_UNCHANGED)]

    completed = service.run(shop.owner, request_for(service, shop, june, MatchPolicy.OVERWRITE))
    assert completed.counts == ImportCounts(updated=1, skipped=1, orders_updated=1)
    refund = request_for(service, shop, taobao_orders_csv(tmp_path / "七月.csv", "退款成功", "0"),
                         MatchPolicy.OVERWRITE)
    report = service.dry_run(shop.owner, refund)
    assert notes(report, 2) == [("order.status", FIELD_REPLACED), ("order.paid", FIELD_REPLACED)]
    refunded = service.run(shop.owner, refund)
    assert order_states(shop)[0] == (ORDER_NO, "refunded", 0, "+8613800000001", 1)
    assert shop.workspace.shop.db.conn.execute("SELECT count(*) FROM orders").fetchone() == (2,)

    assert service.undo(shop.owner, refunded.batch_id) == ImportCounts(orders_updated=1)
    assert order_states(shop)[0] == (ORDER_NO, "completed", 19800, "+8613800000001", 1)
    assert service.undo(shop.owner, completed.batch_id) == ImportCounts(orders_updated=1)
    assert order_states(shop) == shipped
    audit = list(shop.workspace.shop.db.audit.iter_all())
    assert [entry.action for entry in audit[-4:]] == [
        "import.completed", "import.completed", "import.undone", "import.undone"]
    assert json.loads(audit[-2].details)["orders_restored"] == 1
    assert json.loads(audit[-3].details)["orders_updated"] == 1
    assert [batch.counts.orders_updated for batch in service.batches(shop.owner)][:2] == [1, 1]


# ---------------------------------------------------------------- undo after later changes


def test_undo_of_an_older_import_keeps_what_a_newer_import_or_the_owner_changed(
    shop: ShopFixture, tmp_path: Path
) -> None:
    service = shop_with_first_sheet(shop, tmp_path)
    before = customers(shop)
    points = request_for(service, shop, membership_xlsx(tmp_path / "points.xlsx", [
        ["M001", "", "", "", "", 150, "", ""], ["M002", "", "", "", "", 8, "", ""],
        ["M003", "", "", "wang@example.com", "", 9, "", ""]]), MatchPolicy.OVERWRITE)
    older = service.run(shop.owner, points).batch_id
    notes_sheet = request_for(service, shop, membership_xlsx(tmp_path / "notes.xlsx", [
        ["M001", "", "", "", "", "", "", "VIP"]]), MatchPolicy.OVERWRITE)
    newer = service.run(shop.owner, notes_sheet).batch_id
    (m002,) = [cid for cid, in shop.workspace.shop.db.conn.execute(
        "SELECT id FROM customers WHERE member_no = 'M002'")]
    CustomerService(shop.workspace).update(shop.owner, m002, CustomerDraft(
        name="李四", phone="13800000002", member_no="M002", email="li@example.com", points="8",
        notes="店长改的"))

    # M001 was changed by the newer import since, M002 by the owner: both are left as they
    # are, and the undo says so; M003 gets back what it had (its e-mail empty again).
    assert service.undo(shop.owner, older) == ImportCounts(customers_updated=1, skipped=2)
    stored = customers(shop)
    assert stored[0][4:] == (150, 1000, "VIP")
    assert stored[1][4:] == (8, 0, "店长改的")
    assert stored[2] == before[2]
    undone = json.loads(list(shop.workspace.shop.db.audit.iter_all())[-1].details)
    assert (undone["customers_restored"], undone["kept_changed_since"]) == (1, 2)
    assert service.undo(shop.owner, newer) == ImportCounts(customers_updated=1)
    assert customers(shop)[0][4:] == (150, 1000, "老客")


def test_an_e_mail_two_stored_customers_already_share_is_no_conflict_for_either(
    shop: ShopFixture, tmp_path: Path
) -> None:
    """A shop may hold one e-mail twice (a couple, typed in by hand): a row that is the
    second of them by phone, with that e-mail, is that customer."""
    manual = CustomerService(shop.workspace)
    for name, phone in (("周一", "13700000001"), ("周二", "13700000002")):
        manual.add(shop.owner, CustomerDraft(name=name, phone=phone, email="home@example.com"))
    service = ImportService(shop.workspace)
    path = membership_xlsx(tmp_path / "couple.xlsx", [
        ["Z002", "周二", "13700000002", "HOME@example.com", "", "", "", ""]])
    result = service.run(shop.owner, request_for(service, shop, path))
    assert result.counts == ImportCounts(updated=1, customers_updated=1)
    assert shop.workspace.shop.db.conn.execute(
        "SELECT name, member_no FROM customers ORDER BY id").fetchall() == [
        ("周一", None), ("周二", "Z002")]


# ---------------------------------------------------------------- feedback around the orders


def feedback_log_xlsx(path: Path) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("反馈")
    sheet.write_row(0, 0, ["日期", "客户", "手机号", "类型", "内容", "订单号"])
    sheet.write_row(1, 0, ["2025/5/3", "张三", "13800000001", "投诉", "快递太慢", ORDER_NO])
    sheet.write_row(2, 0, ["2025/5/4", "", "", "建议", "多进货", f"{ORDER_NO[:-1]}1"])
    book.close()
    return path


def feedback_links(shop: ShopFixture) -> list[tuple[object, ...]]:
    return shop.workspace.shop.db.conn.execute(
        "SELECT f.content, c.phone, o.order_no FROM feedback f"
        " LEFT JOIN customers c ON c.id = f.customer_id"
        " LEFT JOIN orders o ON o.id = f.order_id ORDER BY f.id").fetchall()


def test_a_feedback_log_after_the_orders_links_them_and_is_not_repeated(
    shop: ShopFixture, tmp_path: Path
) -> None:
    service = ImportService(shop.workspace)
    service.run(shop.owner, request_for(service, shop, taobao_orders_csv(
        tmp_path / "五月.csv", "卖家已发货")))
    log = request_for(service, shop, feedback_log_xlsx(tmp_path / "反馈.xlsx"))
    assert log.target is ImportTarget.FEEDBACK
    assert service.run(shop.owner, log).counts == ImportCounts(created=2, feedback_created=2)
    assert feedback_links(shop) == [("快递太慢", "+8613800000001", ORDER_NO),
                                    ("多进货", "+8613800000077", f"{ORDER_NO[:-1]}1")]
    assert service.run(shop.owner, log).counts == ImportCounts(skipped=2)


def test_a_feedback_log_imported_before_its_orders_is_not_repeated_after_them(
    shop: ShopFixture, tmp_path: Path
) -> None:
    service = shop_with_first_sheet(shop, tmp_path)  # 张三 13800000001 is a customer
    log = request_for(service, shop, feedback_log_xlsx(tmp_path / "反馈.xlsx"))
    first = service.run(shop.owner, log)
    assert first.counts == ImportCounts(created=1, rejected=1, feedback_created=1)
    assert feedback_links(shop) == [("快递太慢", "+8613800000001", None)]
    service.run(shop.owner, request_for(service, shop, taobao_orders_csv(
        tmp_path / "五月.csv", "卖家已发货")))
    again = service.dry_run(shop.owner, log)
    assert [(outcome.row, outcome.action) for outcome in again.rows] == [
        (2, RowAction.SKIP), (3, RowAction.CREATE)]
    service.run(shop.owner, log)
    assert [content for content, *_ in feedback_links(shop)] == ["快递太慢", "多进货"]


def test_the_command_counts_the_orders_an_import_updates_and_its_undo_restores(
    shop: ShopFixture, tmp_path: Path
) -> None:
    from tests.e2e.test_import_files import _cli

    shop.workspace.close()
    first = _cli(shop, str(taobao_orders_csv(tmp_path / "五月.csv", "卖家已发货")), "--json")
    assert first.returncode == 0, first.stderr
    june = taobao_orders_csv(tmp_path / "六月.csv", "交易成功")
    done = _cli(shop, str(june), "--policy", MatchPolicy.OVERWRITE.value, "--json")
    assert done.returncode == 0, done.stderr
    counts = json.loads(done.stdout)
    assert (counts["orders_created"], counts["orders_updated"]) == (0, 1)
    said = _cli(shop, str(june), "--policy", MatchPolicy.OVERWRITE.value, "--dry-run")
    assert "orders created 0, updated 0;" in said.stdout  # the second time: nothing changes

    undone = _cli(shop, "undo", str(counts["batch_id"]), "--json")
    assert undone.returncode == 0, undone.stderr
    assert json.loads(undone.stdout)["orders_restored"] == 1
