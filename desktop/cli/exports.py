"""The ``export`` sub-command: the same reports as the export dialog, headless.

    export customers|orders|feedback --out FILE [--format xlsx|csv] [--masked|--unmasked]
        [--purpose TEXT] [--columns a,b] [--filter KEY=VALUE ...]
        [--encoding utf-8-sig|gb18030] [--pseudonym]
    export subject CUSTOMER_ID --out FILE      (FILE.xlsx and FILE.json)

Filters — customers: search, tag, level, city, added-from, added-to; orders: from, to,
status, channel, customer; feedback: kind, status, from, to, customer. An unmasked export
asks for the owner password again (the next stdin line with --password-stdin) and prints the
file's password once. Files are written in English (sheet names, headers, the cover, words
such as order statuses); the desktop app writes them in its window's language.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, Final

from desktop.cli.base import EXIT_OK, Cli, with_user
from desktop.core.errors import InvalidInputError
from desktop.services.customer_views import CustomerFilter, CustomerSort
from desktop.services.export_api import CsvEncoding, ExportFormat, ExportRequest, ReportKind
from desktop.services.exports import ExportService, UnknownFilterError
from desktop.services.order_views import FeedbackFilter, OrderFilter
from desktop.services.session import Session
from desktop.services.workspace import Workspace

FILTER_KEYS: Final = {
    ReportKind.CUSTOMERS: ("search", "tag", "level", "city", "added-from", "added-to"),
    ReportKind.ORDERS: ("from", "to", "status", "channel", "customer"),
    ReportKind.FEEDBACK: ("kind", "status", "from", "to", "customer"),
}


def _filters(kind: ReportKind, raw: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for item in raw:
        key, sep, value = item.partition("=")
        key = key.strip().lower()
        if not sep or key not in FILTER_KEYS[kind]:
            raise UnknownFilterError(key=key or item, kind=kind.value,
                                     choices=", ".join(FILTER_KEYS[kind]))
        found[key] = value.strip()
    return found


def _day(value: str | None, field: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInputError(field=field, problem="Enter the date as YYYY-MM-DD.") from None


def _customer_id(value: str | None) -> int | None:
    if not value:
        return None
    if not value.isdigit():
        raise InvalidInputError(field="customer", problem="Give the customer's record number.")
    return int(value)


def request_from_args(args: argparse.Namespace) -> ExportRequest:
    kind = ReportKind(args.report)
    f = _filters(kind, args.filter or [])
    columns = tuple(c.strip() for c in (args.columns or "").split(",") if c.strip())
    out = Path(args.out)
    fmt = ExportFormat(args.format) if args.format else (
        ExportFormat.CSV if out.suffix.lower() == ".csv" else ExportFormat.XLSX)
    common: dict[str, Any] = {
        "kind": kind, "out": out, "fmt": fmt, "columns": columns, "purpose": args.purpose or "",
        "csv_encoding": CsvEncoding(args.encoding), "pseudonymous_key": args.pseudonym,
    }
    if kind is ReportKind.CUSTOMERS:
        return ExportRequest(
            **common, customer_sort=CustomerSort.NEWEST,
            customers=CustomerFilter(
                text=f.get("search", ""), tag=f.get("tag"), level=f.get("level"),
                city=f.get("city"), added_from=f.get("added-from"), added_to=f.get("added-to")),
        )
    if kind is ReportKind.ORDERS:
        return ExportRequest(**common, orders=OrderFilter(
            date_from=_day(f.get("from"), "from"), date_to=_day(f.get("to"), "to"),
            status=f.get("status") or None, channel=f.get("channel") or None,
            customer_id=_customer_id(f.get("customer"))))
    return ExportRequest(**common, feedback=FeedbackFilter(
        kind=f.get("kind") or None, status=f.get("status") or None,
        date_from=_day(f.get("from"), "from"), date_to=_day(f.get("to"), "to"),
        customer_id=_customer_id(f.get("customer"))))


def _export(cli: Cli, ws: Workspace, session: Session) -> int:
    request = request_from_args(cli.args)
    service = ExportService(ws)
    if cli.args.unmasked:
        service.check_unmasked_request(session, request)
        password = cli.secrets.ask("Owner password again, for the unmasked export: ")
        result = service.export_unmasked(session, request, password)
    else:
        result = service.export(session, request)
    counts = ", ".join(f"{name}: {count}" for name, count in result.sheet_rows)
    state = "masked" if result.masked else "NOT masked"
    cli.say(f"Wrote {result.path} ({counts}; {state}; audit entry #{result.audit_seq}).")
    if result.file_password:
        cli.say("The file is password-protected. Its password (shown only this once; give it "
                "to the recipient separately from the file):")
        cli.say(f"    {result.file_password}")
    return EXIT_OK


def _subject(cli: Cli, ws: Workspace, session: Session) -> int:
    out = Path(cli.args.out)
    xlsx = out if out.suffix.lower() == ".xlsx" else out.with_name(out.name + ".xlsx")
    result = ExportService(ws).export_subject_copy(
        session, _customer_id(cli.args.customer) or 0, xlsx, xlsx.with_suffix(".json"),
        owner_password=cli.last_password)
    cli.say(f"Wrote {result.path} and {xlsx.with_suffix('.json')} "
            f"(audit entry #{result.audit_seq}).")
    return EXIT_OK


def add_commands(commands: argparse._SubParsersAction[Any]) -> None:
    """Register the ``export`` sub-command on the top-level parser."""
    export = commands.add_parser(
        "export", help="export a report (masked unless --unmasked) or a customer's data copy",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    reports = export.add_subparsers(dest="report", metavar="REPORT", required=True)
    for kind in ReportKind:
        report = reports.add_parser(kind.value, help=f"the {kind.value} report")
        report.add_argument("--out", required=True, help="the file to write")
        report.add_argument("--format", choices=[f.value for f in ExportFormat],
                            help="default: from the file name, else xlsx")
        mode = report.add_mutually_exclusive_group()
        mode.add_argument("--masked", action="store_true", help="masked (the default)")
        mode.add_argument("--unmasked", action="store_true",
                          help="owner only: clear data in a password-protected .xlsx")
        report.add_argument("--purpose", help="why the data leaves the shop (required unmasked)")
        report.add_argument("--columns", help="comma-separated column keys (default: the "
                            "usual ones), e.g. customer.name,customer.phone")
        report.add_argument("--filter", action="append", metavar="KEY=VALUE",
                            help="keys: " + ", ".join(FILTER_KEYS[kind]))
        report.add_argument("--encoding", choices=[e.value for e in CsvEncoding],
                            default=CsvEncoding.UTF8_BOM.value, help="for CSV")
        report.add_argument("--pseudonym", action="store_true",
                            help="add the shop's pseudonymous customer key column")
        report.set_defaults(handler=with_user(_export))
    subject = reports.add_parser(
        "subject", help="everything held about one customer (.xlsx and .json; owner)")
    subject.add_argument("customer", help="the customer's record number")
    subject.add_argument("--out", required=True, help="FILE: writes FILE.xlsx and FILE.json")
    subject.set_defaults(handler=with_user(_subject))
