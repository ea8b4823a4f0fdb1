"""Importing real files (generated here: .xlsx with XlsxWriter, CSV in GBK and UTF-8) into
real shops, through the service and through the ``import`` command as a subprocess: exact
counts, re-import, undo, error workbook, templates, a kill mid-import, roles."""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import signal
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter  # type: ignore[import-untyped]

from desktop.core.errors import PermissionDeniedError
from desktop.core.import_types import ImportTarget, MatchPolicy, RowAction
from desktop.core.roles import Role
from desktop.core.validation import DATE_IMPOSSIBLE
from desktop.exchange.cells import EXCEL_ROUNDED
from desktop.services.import_api import ImportCounts, ImportRequest
from desktop.services.imports import ImportService
from desktop.services.imports_run import CRASH_BEFORE_COMMIT
from desktop.services.session import Session
from desktop.services.workspace import default_keyring, open_with_password
from tests.support.shops import OWNER, OWNER_PASSWORD, ShopFixture, run_cli

TAOBAO_ORDER_NO = "4402367891234567890"


def membership_xlsx(path: Path) -> Path:
    """A hand-kept 会员登记表: a title row, the header, members (one twice, one without any
    identifier, one whose name looks like a formula), a blank row and a total row."""
    book = xlsxwriter.Workbook(str(path))
    notes = book.add_worksheet("说明")
    notes.write_row(0, 0, ["本表由店长维护"])
    sheet = book.add_worksheet("会员")
    sheet.write_row(0, 0, ["老王杂货店会员登记表"])
    sheet.write_row(1, 0, ["会员卡号", "姓名", "性别", "手机号", "生日", "积分", "储值余额",
                           "备注"])
    rows = [
        ["VIP001", "张三", "男", 13800000001, "1990/3/7", 120, "¥1,234.50", "老客"],
        ["VIP002", "李四", "女", "138 0000 0002", "1985年1月5日", 0, "88.00元", ""],
        ["", "张三", "", 13800000001, "", "", "", "第二次登记"],
        [],
        ["VIP004", "王五", "", "", "", 10, "", ""],
        ["", "赵六", "", "", "", "", "", "=1+2 没有联系方式"],
        ["VIP006", "=HYPERLINK(\"http://x\")", "", 13800000006, "", "", "", ""],
        ["合计", "", "", "", "", 130, "", ""],
    ]
    for offset, row in enumerate(rows, start=2):
        for column, value in enumerate(row):
            if isinstance(value, int):
                sheet.write_number(offset, column, value)
            else:
                sheet.write_string(offset, column, value)
    book.close()
    return path


EXPECTED_MEMBERS = ImportCounts(created=4, duplicates=1, rejected=1, skipped_blank=1,
                                skipped_summary=1, customers_created=4)


def taobao_csv(path: Path) -> Path:
    header = ["订单编号", "买家会员名", "买家应付货款", "买家实际支付金额", "订单状态",
              "收货人姓名", "收货地址", "联系手机", "订单创建时间", "宝贝标题", "宝贝总数量"]
    rows = [
        [f"\t{TAOBAO_ORDER_NO}", "tb_buyer1", "198.00", "198.00", "交易成功", "张三",
         "浙江省 杭州市 西湖区 文三路1号", "13800000001", "2025-05-01 10:00:00", "龙井茶", "1"],
        [f"\t{TAOBAO_ORDER_NO}", "tb_buyer1", "198.00", "198.00", "交易成功", "张三",
         "浙江省 杭州市 西湖区 文三路1号", "13800000001", "2025-05-01 10:00:00", "茶杯", "2"],
        ["\t4402367891234567891", "tb_buyer2", "50.00", "50.00", "等待买家付款", "李四",
         "浙江省 杭州市 上城区 1号", "13800000002", "2025-05-02 11:00:00", "茶壶", "1"],
    ]
    with path.open("w", encoding="gb18030", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def request_for(service: ImportService, session: Session, path: Path,
                policy: MatchPolicy = MatchPolicy.FILL_EMPTY) -> ImportRequest:
    overview = service.inspect(session, path)
    preview = service.preview(session, path, overview.suggested_sheet)
    return ImportRequest(path, preview.sheet, preview.header_row, preview.target,
                         preview.mapping, policy, preview.layout)


def test_membership_workbook_imports_exactly_once(shop: ShopFixture, tmp_path: Path) -> None:
    service = ImportService(shop.workspace)
    path = membership_xlsx(tmp_path / "会员登记表.xlsx")
    overview = service.inspect(shop.owner, path)
    assert overview.suggested_sheet == "会员"
    preview = service.preview(shop.owner, path, "会员")
    assert (preview.header_row, preview.layout, preview.target) == (
        1, "membership_sheet", ImportTarget.CUSTOMERS)
    request = request_for(service, shop.owner, path)
    dry = service.dry_run(shop.owner, request)
    assert dry.counts == EXPECTED_MEMBERS
    errors = {row.row: row for row in dry.rows if row.action is RowAction.ERROR}
    assert list(errors) == [8]
    result = service.run(shop.owner, request)
    assert result.counts == EXPECTED_MEMBERS
    assert [(issue.row, issue.field) for issue in result.errors] == [(8, "")]
    conn = shop.workspace.shop.db.conn
    assert conn.execute("SELECT name, phone, points, balance_cents FROM customers"
                        " WHERE member_no = 'VIP001'").fetchone() == (
        "张三", "+8613800000001", 120, 123450)
    assert conn.execute("SELECT notes FROM customers WHERE member_no = 'VIP001'"
                        ).fetchone() == ("老客",), "the duplicate row fills only empty fields"
    assert conn.execute("SELECT name FROM customers WHERE member_no = 'VIP006'"
                        ).fetchone() == ('=HYPERLINK("http://x")',)
    again = service.run(shop.owner, request)
    assert again.counts == ImportCounts(skipped=4, duplicates=1, rejected=1, skipped_blank=1,
                                        skipped_summary=1)
    assert conn.execute("SELECT count(*) FROM customers").fetchone() == (4,)
    assert [batch.counts.created for batch in service.batches(shop.owner)] == [0, 4]


def test_error_workbook_holds_the_rejected_rows_with_reasons(
    shop: ShopFixture, tmp_path: Path
) -> None:
    service = ImportService(shop.workspace)
    path = membership_xlsx(tmp_path / "members.xlsx")
    request = request_for(service, shop.owner, path)
    report = service.dry_run(shop.owner, request)
    out = tmp_path / "errors.xlsx"
    assert service.write_error_workbook(shop.owner, request, report, out,
                                        translate=lambda text: f"[{text}]") == 1
    sheet = openpyxl.load_workbook(out).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:2] == ["会员卡号", "姓名"] and rows[0][-1] == "[Problems]"
    assert rows[1][7] == "=1+2 没有联系方式", "a formula-like cell stays text"
    assert sheet.cell(2, 8).data_type == "s" and sheet.cell(2, 8).quotePrefix
    assert rows[1][1] == "赵六" and rows[1][-1] == (
        "[This row has no phone, member number, e-mail or platform account.]")
    assert len(rows) == 2
    assert not list(tmp_path.glob(".*.partial"))


def test_error_workbook_lists_a_rejected_rows_warnings_after_its_errors(
    shop: ShopFixture, tmp_path: Path
) -> None:
    """All that is wrong with a left-out row, to fix it in one pass; a row with only a
    warning was imported, so it is not in the workbook."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "手机号", "生日", "身份证号"])
    sheet.append(["关羽", "13812345678", "2024/13/01", "4.40106E+17"])
    sheet.append(["赵云", "13812340000", "1990-02-30", None])
    path = tmp_path / "members.xlsx"
    book.save(path)
    service = ImportService(shop.workspace)
    request = request_for(service, shop.owner, path)
    report = service.dry_run(shop.owner, request)
    out = tmp_path / "errors.xlsx"
    assert service.write_error_workbook(shop.owner, request, report, out) == 1
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert [row[0] for row in rows] == ["姓名", "关羽"]
    assert rows[1][-1] == f"{EXCEL_ROUNDED}; Warning: {DATE_IMPOSSIBLE}"


def test_taobao_orders_csv_one_order_per_number(shop: ShopFixture, tmp_path: Path) -> None:
    service = ImportService(shop.workspace)
    request = request_for(service, shop.owner, taobao_csv(tmp_path / "ExportOrderList.csv"))
    assert (request.layout, request.target) == ("taobao_orders", ImportTarget.ORDERS)
    # A request without the layout (as a front end may build it) gets it from the header.
    result = service.run(shop.owner, dataclasses.replace(request, layout=None))
    assert result.counts == ImportCounts(created=2, duplicates=1, orders_created=2,
                                         customers_created=2)
    conn = shop.workspace.shop.db.conn
    assert conn.execute(
        "SELECT o.order_no, o.channel, count(i.id), c.phone FROM orders o"
        " JOIN order_items i ON i.order_id = o.id LEFT JOIN customers c ON c.id = o.customer_id"
        " GROUP BY o.id ORDER BY o.id").fetchall() == [
        (TAOBAO_ORDER_NO, "淘宝", 2, "+8613800000001"),
        ("4402367891234567891", "淘宝", 1, "+8613800000002")]
    again = service.run(shop.owner, request)
    assert (again.counts.created, again.counts.orders_created, again.counts.skipped) == (0, 0, 2)


def test_templates_map_columns_by_header_text(shop: ShopFixture, tmp_path: Path) -> None:
    service = ImportService(shop.workspace)
    path = membership_xlsx(tmp_path / "m.xlsx")
    request = request_for(service, shop.owner, path)
    ignore_notes = tuple(m if m.header != "备注" else type(m)(m.column, m.header, None)
                         for m in request.mapping)
    service.save_template(shop.owner, "月度会员表", ImportRequest(
        path, request.sheet, request.header_row, request.target, ignore_notes))
    assert service.templates(shop.owner) == ["月度会员表"]
    preview = service.apply_template(shop.owner, "月度会员表",
                                     service.preview(shop.owner, path, "会员"))
    assert {m.header: m.field for m in preview.mapping}["备注"] is None
    assert {m.header: m.field for m in preview.mapping}["手机号"] == "customer.phone"


@pytest.fixture
def manager_and_staff(shop: ShopFixture) -> dict[Role, Session]:
    accounts = shop.workspace.accounts
    return {role: Session(accounts.add_user(shop.owner, f"{role.value}1", role,
                                            "Another-horse-77"))
            for role in (Role.MANAGER, Role.STAFF, Role.AUDITOR)}


def test_roles(shop: ShopFixture, tmp_path: Path,
               manager_and_staff: dict[Role, Session]) -> None:
    service = ImportService(shop.workspace)
    path = membership_xlsx(tmp_path / "m.xlsx")
    for role in (Role.STAFF, Role.AUDITOR):
        with pytest.raises(PermissionDeniedError):
            service.inspect(manager_and_staff[role], path)
        with pytest.raises(PermissionDeniedError):
            service.batches(manager_and_staff[role])
    manager = manager_and_staff[Role.MANAGER]
    report = service.dry_run(manager, request_for(service, manager, path))
    assert report.rows[0].label == "张* 138****0001"


# ---------------------------------------------------------------- the command line


def _env(kill_at: str = "") -> dict[str, str]:
    env = dict(os.environ, SHOPVAULT_KEYRING="none")
    env.pop("SHOPVAULT_KILL_AT", None)
    if kill_at:
        env["SHOPVAULT_KILL_AT"] = kill_at
    return env


def _cli(shop: ShopFixture, *args: str, kill_at: str = "", user: str = OWNER,
         password: str = OWNER_PASSWORD):
    return run_cli("--home", str(shop.paths.home), "--user", user, "--password-stdin",
                   "import", *args, stdin=password + "\n", env=_env(kill_at))


def test_cli_json_then_list_and_undo(shop: ShopFixture, tmp_path: Path) -> None:
    shop.workspace.close()
    path = membership_xlsx(tmp_path / "m.xlsx")
    dry = _cli(shop, str(path), "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["batch_id"] is None
    done = _cli(shop, str(path), "--json")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert {key: found[key] for key in (
        "created", "updated", "duplicates", "rejected", "skipped", "skipped_blank",
        "skipped_summary", "orders_created", "feedback_created")} == {
        "created": 4, "updated": 0, "duplicates": 1, "rejected": 1, "skipped": 0,
        "skipped_blank": 1, "skipped_summary": 1, "orders_created": 0, "feedback_created": 0}
    assert found["errors"] == [{"row": 8, "field": "",
                                "reason": "This row has no phone, member number, e-mail or "
                                "platform account."}]
    listed = _cli(shop, "list")
    assert listed.returncode == 0 and "m.xlsx" in listed.stdout
    undone = _cli(shop, "undo", str(found["batch_id"]))
    assert undone.returncode == 0, undone.stderr
    assert "removed 4 customers" in undone.stdout
    template = _cli(shop, str(path), "--template", "nope")
    assert template.returncode == 1 and "nope" in template.stderr
    by_hand = _cli(shop, str(path), "--sheet", "会员", "--header-row", "2", "--dry-run")
    assert by_hand.returncode == 0 and "created 4," in by_hand.stdout, by_hand.stdout  # undone
    twice = _cli(shop, "undo", str(found["batch_id"]))
    assert twice.returncode == 1 and twice.stderr.count("\n") == 1
    workspace = open_with_password(shop.paths, OWNER_PASSWORD, default_keyring())
    try:
        assert workspace.shop.db.conn.execute("SELECT count(*) FROM customers").fetchone() == (0,)
        assert workspace.trail.verify().ok
    finally:
        workspace.close()


def test_cli_refuses_staff_and_bad_files_in_one_line(shop: ShopFixture, tmp_path: Path) -> None:
    shop.workspace.accounts.add_user(shop.owner, "li", Role.STAFF, "Staff-pass-77")
    shop.workspace.close()
    path = membership_xlsx(tmp_path / "m.xlsx")
    refused = _cli(shop, str(path), user="li", password="Staff-pass-77")
    assert refused.returncode == 3 and refused.stderr.startswith("shopvault: ")
    bad = tmp_path / "fake.xlsx"
    bad.write_bytes(b"")
    broken = _cli(shop, str(bad))
    assert broken.returncode != 0 and "Traceback" not in broken.stderr
    assert len(broken.stderr.strip().splitlines()) == 1 and "fake.xlsx" in broken.stderr


@pytest.mark.slow
def test_kill_inside_the_import_transaction_changes_nothing(
    shop: ShopFixture, tmp_path: Path
) -> None:
    conn = shop.workspace.shop.db.conn
    before = conn.execute("SELECT count(*) FROM customers").fetchone()
    audit_before = shop.workspace.shop.db.audit.count()
    shop.workspace.close()
    path = membership_xlsx(tmp_path / "m.xlsx")
    killed = _cli(shop, str(path), kill_at=CRASH_BEFORE_COMMIT)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    workspace = open_with_password(shop.paths, OWNER_PASSWORD, default_keyring())
    try:
        db = workspace.shop.db
        assert db.conn.execute("SELECT count(*) FROM customers").fetchone() == before
        assert db.conn.execute("SELECT count(*) FROM import_batches").fetchone() == (0,)
        assert db.integrity_problems() == []
        report = workspace.trail.verify()
        assert report.ok
        actions = [record.action for record in db.audit.iter_all()]
        assert "import.completed" not in actions
        assert db.audit.count() >= audit_before
    finally:
        workspace.close()


def shopify_customers_csv(path: Path) -> Path:
    header = ["Customer ID", "First Name", "Last Name", "Email", "Accepts Email Marketing",
              "Default Address Company", "Default Address Address1",
              "Default Address Address2", "Default Address City",
              "Default Address Province Code", "Default Address Country Code",
              "Default Address Zip", "Default Address Phone", "Phone",
              "Accepts SMS Marketing", "Total Spent", "Total Orders", "Note", "Tax Exempt",
              "Tags"]
    rows = [
        ["7012345678901", "Alice", "Smith", "Alice@Example.com", "yes", "", "1 Main St", "",
         "Springfield", "IL", "US", "62701", "", "+1 217 555 0101", "no", "120.00", "3",
         "", "no", "vip, newsletter"],
        ["7012345678902", "Bob", "Jones", "bob@example.com", "no", "", "", "", "", "", "", "",
         "", "", "no", "0.00", "0", "", "no", ""],
        ["7012345678901", "Alice", "Smith", "alice@example.com", "yes", "", "", "", "", "", "",
         "", "", "", "no", "120.00", "3", "second export line", "no", ""],
        ["7012345678903", "", "", "", "no", "", "", "", "", "", "", "", "", "", "no", "0.00",
         "0", "", "no", ""],
    ]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_shopify_customers_csv_with_platform_accounts(shop: ShopFixture, tmp_path: Path) -> None:
    service = ImportService(shop.workspace)
    request = request_for(service, shop.owner, shopify_customers_csv(tmp_path / "customers.csv"))
    assert (request.layout, request.target) == ("shopify_customers", ImportTarget.CUSTOMERS)
    result = service.run(shop.owner, request)
    # the Customer ID alone identifies the third person (a platform account)
    assert result.counts == ImportCounts(created=3, duplicates=1, customers_created=3)
    conn = shop.workspace.shop.db.conn
    assert conn.execute(
        "SELECT c.name, c.email, c.phone, a.platform, a.account FROM customers c"
        " JOIN customer_accounts a ON a.customer_id = c.id ORDER BY c.id").fetchall() == [
        ("Alice Smith", "Alice@example.com", "+12175550101", "shopify", "7012345678901"),
        ("Bob Jones", "bob@example.com", None, "shopify", "7012345678902"),
        ("", None, None, "shopify", "7012345678903")]
    assert service.run(shop.owner, request).counts.created == 0


def feedback_log_xlsx(path: Path) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("客户反馈")
    sheet.write_row(0, 0, ["日期", "客户", "电话", "类型", "内容", "处理结果"])
    sheet.write_row(1, 0, ["2025/5/3", "张三", "13800000001", "投诉", "快递太慢", "已道歉"])
    sheet.write_row(2, 0, ["2025/5/3", "张三", "13800000001", "投诉", "快递太慢", "已道歉"])
    sheet.write_row(3, 0, ["2025/5/4", "路人", "", "咨询", "营业时间？", ""])
    sheet.write_row(4, 0, ["2025/5/5", "李四", "13800000002", "建议", "多进点绿茶", ""])
    book.close()
    return path


def test_feedback_log_links_to_customers_and_is_not_repeated(
    shop: ShopFixture, tmp_path: Path
) -> None:
    service = ImportService(shop.workspace)
    service.run(shop.owner, request_for(service, shop.owner,
                                        membership_xlsx(tmp_path / "m.xlsx")))
    request = request_for(service, shop.owner, feedback_log_xlsx(tmp_path / "反馈登记.xlsx"))
    assert (request.layout, request.target) == ("feedback_log", ImportTarget.FEEDBACK)
    result = service.run(shop.owner, request)
    assert result.counts == ImportCounts(created=2, duplicates=1, rejected=1,
                                         feedback_created=2)
    assert [(issue.row, issue.reason) for issue in result.errors] == [(4, (
        "This row has no phone, member number, e-mail, platform account or known order "
        "number."))]
    conn = shop.workspace.shop.db.conn
    assert conn.execute(
        "SELECT c.member_no, f.kind, f.content FROM feedback f JOIN customers c"
        " ON c.id = f.customer_id ORDER BY f.id").fetchall() == [
        ("VIP001", "complaint", "快递太慢"), ("VIP002", "suggestion", "多进点绿茶")]
    again = service.run(shop.owner, request)
    assert (again.counts.created, again.counts.skipped) == (0, 2)


def jd_orders_xlsx(path: Path) -> Path:
    """A 京东 order export: one row per item; the order number as a number cell (19 digits
    do not fit a double, so JD writes it as text — here as text)."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("订单")
    sheet.write_row(0, 0, ["订单号", "商品ID", "商品名称", "订购数量", "下单时间", "订单金额",
                           "应付金额", "订单状态", "客户姓名", "客户地址", "联系电话", "下单账号",
                           "京东价"])
    sheet.write_row(1, 0, ["3012345678901234567", "100012", "保温杯", "1", "2025-06-01 09:00:00",
                           "129.00", "129.00", "完成", "王五", "北京市朝阳区", "13800000005",
                           "jd_wang", "99.00"])
    sheet.write_row(2, 0, ["3012345678901234567", "100013", "杯刷", "1", "2025-06-01 09:00:00",
                           "129.00", "129.00", "完成", "王五", "北京市朝阳区", "13800000005",
                           "jd_wang", "30.00"])
    sheet.write_row(3, 0, ["3012345678901234568", "100012", "保温杯", "2", "2025-06-02 10:00:00",
                           "198.00", "198.00", "等待出库", "", "", "", "", "99.00"])
    book.close()
    return path


def test_jd_orders_group_items_and_keep_19_digit_numbers(
    shop: ShopFixture, tmp_path: Path
) -> None:
    service = ImportService(shop.workspace)
    request = request_for(service, shop.owner, jd_orders_xlsx(tmp_path / "jd.xlsx"))
    assert (request.layout, request.target) == ("jd_orders", ImportTarget.ORDERS)
    result = service.run(shop.owner, request)
    assert result.counts == ImportCounts(created=2, duplicates=1, orders_created=2,
                                         customers_created=1)
    conn = shop.workspace.shop.db.conn
    assert conn.execute(
        "SELECT o.order_no, o.channel, count(i.id), sum(i.quantity), o.customer_id IS NULL"
        " FROM orders o JOIN order_items i ON i.order_id = o.id GROUP BY o.id ORDER BY o.id"
    ).fetchall() == [("3012345678901234567", "京东", 2, 2, 0),
                     ("3012345678901234568", "京东", 1, 2, 1)]
    assert conn.execute("SELECT platform, account FROM customer_accounts").fetchall() == [
        ("jd", "jd_wang")]


def judgeme_csv(path: Path) -> Path:
    header = ["title", "body", "rating", "review_date", "source", "curated", "reviewer_name",
              "reviewer_email", "product_id", "product_handle", "reply", "reply_date",
              "picture_urls", "ip_address", "location", "metaobject_handle"]
    rows = [
        ["Great tea", "Lovely aroma", "5", "06/01/2025", "web", "ok", "Alice Smith",
         "alice@example.com", "1", "longjing", "", "", "", "", "", ""],
        ["Slow", "Took two weeks", "2", "06/02/2025", "web", "ok", "Carol",
         "carol@example.com", "1", "longjing", "Sorry!", "06/03/2025", "", "", "", ""],
        ["Great tea", "Lovely aroma", "5", "06/01/2025", "web", "ok", "Alice Smith",
         "alice@example.com", "1", "longjing", "", "", "", "", "", ""],
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_judgeme_reviews_link_to_customers_by_email(shop: ShopFixture, tmp_path: Path) -> None:
    service = ImportService(shop.workspace)
    service.run(shop.owner, request_for(
        service, shop.owner, shopify_customers_csv(tmp_path / "customers.csv")))
    request = request_for(service, shop.owner, judgeme_csv(tmp_path / "reviews.csv"))
    assert (request.layout, request.target) == ("judgeme_reviews", ImportTarget.FEEDBACK)
    result = service.run(shop.owner, request)
    # Alice is matched (e-mail, any case); Carol is new and becomes a customer
    assert result.counts == ImportCounts(created=2, duplicates=1, feedback_created=2,
                                         customers_created=1)
    conn = shop.workspace.shop.db.conn
    assert conn.execute(
        "SELECT c.name, f.kind, f.rating, substr(f.received_at, 1, 10) FROM feedback f"
        " JOIN customers c ON c.id = f.customer_id ORDER BY f.id").fetchall() == [
        ("Alice Smith", "review", 5, "2025-06-01"), ("Carol", "review", 2, "2025-06-02")]
    assert service.run(shop.owner, request).counts.created == 0
