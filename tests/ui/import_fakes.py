"""An in-memory ``ImportServiceApi`` for widget tests of the import wizard.

It behaves like the contract says, on a tiny scale: a membership sheet with a title row,
mapping suggested from header names, a dry run that depends on the mapping and the policy,
an all-or-nothing run that reports progress per row (a progress callback that raises stops
it with nothing kept), batches and undo. The end-to-end test uses the real service.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop.core.import_types import FieldInfo, ImportTarget, MatchPolicy, RowAction, RowIssue
from desktop.core.roles import Permission
from desktop.services.import_api import (
    ColumnMapping,
    DryRunReport,
    FileOverview,
    ImportBatch,
    ImportCounts,
    ImportRequest,
    ImportResult,
    ProgressCallback,
    RowOutcome,
    SheetChoice,
    SheetPreview,
)
from desktop.services.session import Session

FIELDS = (
    FieldInfo("member_no", ImportTarget.CUSTOMERS, "Member number", identifier=True),
    FieldInfo("name", ImportTarget.CUSTOMERS, "Name"),
    FieldInfo("phone", ImportTarget.CUSTOMERS, "Mobile", identifier=True),
    FieldInfo("email", ImportTarget.CUSTOMERS, "E-mail", identifier=True),
    FieldInfo("birthday", ImportTarget.CUSTOMERS, "Birthday"),
    FieldInfo("points", ImportTarget.CUSTOMERS, "Points"),
    FieldInfo("notes", ImportTarget.CUSTOMERS, "Notes"),
    FieldInfo("order_no", ImportTarget.ORDERS, "Order number"),
    FieldInfo("total", ImportTarget.ORDERS, "Order total"),
    FieldInfo("content", ImportTarget.FEEDBACK, "Feedback text"),
)
SYNONYMS = {"会员卡号": "member_no", "姓名": "name", "手机号": "phone", "生日": "birthday",
            "积分": "points", "备注": "notes"}
TITLE = ("老王杂货店会员登记表 2024", "", "", "", "", "")
HEADER = ("会员卡号", "姓名", "手机号", "生日", "积分", "备注")
DATA = (
    ("V001", "张三", "13812345678", "1990-03-07", "120", "老顾客"),
    ("V002", "李四", "13987654321", "1985/5/1", "80", ""),
    ("V003", "王五", "", "", "10", "没有手机号"),  # no phone: rejected unless member no. mapped
    ("V004", "赵六", "13812345678", "", "5", "同一手机号"),  # same phone as row 3: duplicate
    ("V005", "孙七", "13700001111", "2月30日", "0", ""),  # impossible date: warning only
    ("", "", "", "", "", ""),  # blank
    ("合计", "", "", "", "215", ""),  # summary
)
NO_IDENTIFIER = "The row has no mobile, member number, e-mail or platform account."
BAD_DATE = "{value} is not a real date; the birthday is left empty."
EXISTING_PHONE = "13987654321"  # the shop already has this customer


class FakeImportService:
    def __init__(self) -> None:
        self.customers: dict[str, str] = {EXISTING_PHONE: "李四"}  # phone → name
        self.template_store: dict[str, tuple[ColumnMapping, ...]] = {}
        self.batch_list: list[ImportBatch] = []
        self.created_by_batch: dict[int, list[str]] = {}
        self.calls: list[str] = []
        self.runs = 0
        self.forgotten = 0

    def _check(self, session: Session) -> None:
        session.require(Permission.IMPORT)

    def fields(self) -> tuple[FieldInfo, ...]:
        return FIELDS

    def inspect(self, session: Session, path: Path) -> FileOverview:
        self._check(session)
        self.calls.append("inspect")
        sheets = (
            SheetChoice("说明", 3, None, 0.0),
            SheetChoice("会员", len(DATA) + 2, ImportTarget.CUSTOMERS, 0.9),
        )
        return FileOverview(path.name, "xlsx", None, sheets, "会员")

    def preview(self, session: Session, path: Path, sheet: str,
                header_row: int | None = None) -> SheetPreview:
        self._check(session)
        self.calls.append(f"preview:{sheet}:{header_row}")
        rows = (TITLE, HEADER, *DATA)
        header = 1 if header_row is None else header_row
        mapping = tuple(ColumnMapping(c, text, SYNONYMS.get(text))
                        for c, text in enumerate(rows[header]))
        return SheetPreview(sheet, header, rows, "membership_cn" if header == 1 else None,
                            "Hand-kept membership sheet", ImportTarget.CUSTOMERS, mapping)

    def forget_file(self) -> None:
        self.forgotten += 1

    def templates(self, session: Session) -> list[str]:
        self._check(session)
        return sorted(self.template_store)

    def save_template(self, session: Session, name: str, request: ImportRequest) -> None:
        self._check(session)
        self.template_store[name] = request.mapping

    def apply_template(self, session: Session, name: str, preview: SheetPreview) -> SheetPreview:
        self._check(session)
        saved = {m.header: m.field for m in self.template_store[name]}
        mapping = tuple(dataclasses.replace(m, field=saved.get(m.header, m.field))
                        for m in preview.mapping)
        return dataclasses.replace(preview, mapping=mapping, template=name)

    def delete_template(self, session: Session, name: str) -> None:
        self._check(session)
        del self.template_store[name]

    def matching_template(self, session: Session, preview: SheetPreview) -> str | None:
        self._check(session)
        return None

    def _outcomes(self, request: ImportRequest) -> tuple[list[RowOutcome], ImportCounts]:
        fields = {m.field: m.column for m in request.mapping if m.field}
        rows = (TITLE, HEADER, *DATA)[request.header_row + 1:]
        outcomes: list[RowOutcome] = []
        seen: dict[str, int] = {}
        counts = dict.fromkeys(("created", "updated", "duplicates", "rejected", "skipped",
                                "skipped_blank", "skipped_summary"), 0)
        for offset, row in enumerate(rows):
            number = request.header_row + 2 + offset

            def value(key: str, row: tuple[str, ...] = row) -> str:
                return row[fields[key]] if key in fields else ""

            if not any(row):
                counts["skipped_blank"] += 1
                outcomes.append(RowOutcome(number, RowAction.SKIP, ""))
                continue
            if row[0] == "合计":
                counts["skipped_summary"] += 1
                outcomes.append(RowOutcome(number, RowAction.SKIP, ""))
                continue
            key = value("phone") or value("member_no")
            label = (value("name")[:1] + "*") if value("name") else "?"
            if not key:
                counts["rejected"] += 1
                outcomes.append(RowOutcome(number, RowAction.ERROR, label,
                                           (RowIssue(number, "", NO_IDENTIFIER),)))
                continue
            if key in seen:
                counts["duplicates"] += 1
                outcomes.append(RowOutcome(number, RowAction.DUPLICATE, label,
                                           same_as_row=seen[key]))
                continue
            seen[key] = number
            issues: tuple[RowIssue, ...] = ()
            if value("birthday") == "2月30日":
                issues = (RowIssue(number, "birthday", BAD_DATE, {"value": "2月30日"},
                                   warning=True),)
            if key in self.customers:
                action = (RowAction.SKIP if request.policy is MatchPolicy.SKIP
                          else RowAction.UPDATE)
                counts["skipped" if action is RowAction.SKIP else "updated"] += 1
            else:
                action = RowAction.CREATE
                counts["created"] += 1
            outcomes.append(RowOutcome(number, action, label, issues))
        return outcomes, ImportCounts(**counts, customers_created=counts["created"],
                                      customers_updated=counts["updated"])

    def dry_run(self, session: Session, request: ImportRequest,
                progress: ProgressCallback | None = None) -> DryRunReport:
        self._check(session)
        self.calls.append("dry_run")
        outcomes, counts = self._outcomes(request)
        for done in range(len(outcomes)):
            if progress is not None:
                progress(done + 1, len(outcomes))
        return DryRunReport(counts, outcomes)

    def run(self, session: Session, request: ImportRequest,
            progress: ProgressCallback | None = None) -> ImportResult:
        self._check(session)
        self.calls.append("run")
        outcomes, counts = self._outcomes(request)
        fields = {m.field: m.column for m in request.mapping if m.field}
        rows = (TITLE, HEADER, *DATA)
        staged: dict[str, str] = {}
        for done, outcome in enumerate(outcomes, start=1):
            if progress is not None:
                progress(done, len(outcomes))  # may raise: nothing below is kept
            if outcome.action is RowAction.CREATE:
                row = rows[outcome.row - 1]
                key = row[fields["phone"]] if "phone" in fields and row[fields["phone"]] else (
                    row[fields["member_no"]])
                staged[key] = row[fields["name"]] if "name" in fields else ""
        self.customers.update(staged)  # the "commit"
        self.runs += 1
        batch_id = len(self.batch_list) + 1
        self.created_by_batch[batch_id] = list(staged)
        self.batch_list.insert(0, ImportBatch(batch_id, request.path.name,
                                              "2026-11-29T04:30:00Z", session.user.username,
                                              counts, None))
        errors = tuple(issue for outcome in outcomes for issue in outcome.issues
                       if not issue.warning)
        return ImportResult(batch_id, counts, errors)

    def write_error_workbook(self, session: Session, request: ImportRequest,
                             report: DryRunReport, out: Path,
                             translate: Callable[[str], str] | None = None,
                             describe: Callable[[Sequence[RowIssue]], str] | None = None
                             ) -> int:
        self._check(session)
        rows = [o for o in report.rows if o.action is RowAction.ERROR]
        reason = (translate or str)(NO_IDENTIFIER)
        if describe is not None:
            reason = describe(rows[0].issues) if rows else ""
        out.write_text("\n".join(f"{o.row}\t{reason}" for o in rows), encoding="utf-8")
        return len(rows)

    def batches(self, session: Session) -> list[ImportBatch]:
        self._check(session)
        return list(self.batch_list)

    def undo(self, session: Session, batch_id: int) -> ImportCounts:
        self._check(session)
        created = self.created_by_batch.pop(batch_id)
        for key in created:
            del self.customers[key]
        for index, batch in enumerate(self.batch_list):
            if batch.batch_id == batch_id:
                self.batch_list[index] = dataclasses.replace(
                    batch, undone_at="2026-11-29T05:00:00Z")
                return ImportCounts(customers_created=len(created),
                                    customers_updated=batch.counts.customers_updated)
        raise KeyError(batch_id)
