"""The ``import`` sub-command: the wizard's import, headless.

    import FILE [--sheet NAME] [--template NAME] [--header-row N] [--policy P] [--dry-run]
                [--json]
    import list
    import undo BATCH_ID
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Final

from desktop.cli.base import EXIT_OK, Cli, with_user
from desktop.core.errors import ShopVaultError
from desktop.core.import_types import MatchPolicy, RowAction, RowIssue
from desktop.services.import_api import ImportCounts, ImportRequest
from desktop.services.imports import ImportService
from desktop.services.imports_files import EmptySheetError
from desktop.services.session import Session
from desktop.services.workspace import Workspace

TEXT_ERRORS_SHOWN: Final = 20
JSON_COUNTS: Final = (
    "created", "updated", "duplicates", "rejected", "skipped", "skipped_blank",
    "skipped_summary", "orders_created", "orders_updated", "feedback_created",
    "customers_created", "customers_updated",
)


def add_commands(commands: argparse._SubParsersAction[Any]) -> None:
    """Register the ``import`` sub-command on the top-level parser."""
    parser = commands.add_parser(
        "import", help="import customers, orders or feedback from .xlsx/.csv (owner, manager)",
        description="Import FILE all or nothing; 'import list' shows past imports, "
        "'import undo BATCH_ID' undoes one (records changed since are left as they are). "
        "A file named 'list' or 'undo' is given as ./list or ./undo.",
    )
    parser.add_argument("file", metavar="FILE | list | undo", help="the file to import")
    parser.add_argument("batch", nargs="?", metavar="BATCH_ID", help="for undo: the import")
    parser.add_argument("--sheet", help="the sheet to import (default: the one suggested)")
    parser.add_argument("--template", help="apply a saved column mapping by name")
    parser.add_argument("--header-row", type=int, metavar="N",
                        help="the row holding the column names (1 = first; default: found)")
    parser.add_argument("--policy", choices=[p.value for p in MatchPolicy],
                        default=MatchPolicy.FILL_EMPTY.value,
                        help="what to do with customers and orders already in the shop "
                        "(default: fill_empty)")
    parser.add_argument("--dry-run", action="store_true",
                        help="say what would happen; change nothing")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object with the counts and errors")
    parser.set_defaults(handler=_dispatch)


def _dispatch(cli: Cli) -> int:
    args = cli.args
    if args.file == "list" and args.batch is None:
        return with_user(_list)(cli)
    if args.file == "undo":
        if args.batch is None or not args.batch.isdigit():
            raise ShopVaultError("Name the import to undo: import undo BATCH_ID (see import list).")
        return with_user(_undo)(cli)
    if args.batch is not None:
        raise ShopVaultError("Give one file to import.")
    if args.header_row is not None and args.header_row < 1:
        raise ShopVaultError("--header-row counts from 1 (the first row of the sheet).")
    return with_user(_import)(cli)


def _import(cli: Cli, ws: Workspace, session: Session) -> int:
    args = cli.args
    service = ImportService(ws)
    path = Path(args.file)
    sheet = args.sheet or service.inspect(session, path).suggested_sheet
    header_row = None if args.header_row is None else args.header_row - 1
    preview = service.preview(session, path, sheet, header_row)
    if not any(cell.strip() for row in preview.top_rows for cell in row):
        raise EmptySheetError(sheet=preview.sheet, file=path.name)  # as the wizard says
    if args.template:
        preview = service.apply_template(session, args.template, preview)
        if preview.template_missing:
            print(f"Template {preview.template}: columns not in this sheet: "
                  f"{', '.join(preview.template_missing)}; their fields stay empty.",
                  file=sys.stderr)
    request = ImportRequest(
        path=path, sheet=preview.sheet, header_row=preview.header_row, target=preview.target,
        mapping=preview.mapping, policy=MatchPolicy(args.policy), layout=preview.layout,
    )
    batch_id: int | None = None
    if args.dry_run:
        report = service.dry_run(session, request)
        counts = report.counts
        errors = tuple(
            issue for row in report.rows if row.action is RowAction.ERROR
            for issue in row.issues if not issue.warning
        )
    else:
        result = service.run(session, request)
        counts, errors, batch_id = result.counts, result.errors, result.batch_id
    if args.json:
        cli.say(json.dumps(_json(counts, errors, batch_id, args.dry_run), ensure_ascii=False))
        return EXIT_OK
    mapped_by = f"template {preview.template}" if preview.template else preview.layout_name
    cli.say(f"{path.name}, sheet {preview.sheet} ({mapped_by}, "
            f"{preview.target.value}){' — dry run, nothing changed' if args.dry_run else ''}:")
    cli.say(_counts_line(counts))
    for issue in errors[:TEXT_ERRORS_SHOWN]:
        cli.say(f"  row {issue.row}{f' [{issue.field}]' if issue.field else ''}: {issue.text()}")
    if len(errors) > TEXT_ERRORS_SHOWN:
        cli.say(f"  … and {len(errors) - TEXT_ERRORS_SHOWN} more problems (use --json).")
    if batch_id is not None:
        cli.say(f"Import {batch_id} done. To undo it: import undo {batch_id}")
    return EXIT_OK


def _json(
    counts: ImportCounts, errors: tuple[RowIssue, ...], batch_id: int | None, dry_run: bool
) -> dict[str, object]:
    found: dict[str, object] = {name: getattr(counts, name) for name in JSON_COUNTS}
    found["errors"] = [
        {"row": issue.row, "field": issue.field, "reason": issue.text()} for issue in errors
    ]
    found["batch_id"] = batch_id
    found["dry_run"] = dry_run
    return found


def _counts_line(counts: ImportCounts) -> str:
    return (
        f"created {counts.created}, updated {counts.updated}, duplicates {counts.duplicates}, "
        f"skipped {counts.skipped}, rejected {counts.rejected}, blank rows "
        f"{counts.skipped_blank}, total or repeated header rows {counts.skipped_summary}; "
        f"customers created "
        f"{counts.customers_created}, updated {counts.customers_updated}; orders created "
        f"{counts.orders_created}, updated {counts.orders_updated}; feedback created "
        f"{counts.feedback_created}"
    )


def _list(cli: Cli, ws: Workspace, session: Session) -> int:
    batches = ImportService(ws).batches(session)
    if not batches:
        cli.say("No imports yet.")
        return EXIT_OK
    cli.say(f"{'ID':>5}  {'WHEN (UTC)':<19}  {'BY':<20}  {'CREATED':>7}  {'UPDATED':>7}  FILE")
    for batch in batches:
        when = batch.imported_at[:19].replace("T", " ")
        state = f" (undone {batch.undone_at[:10]})" if batch.undone_at else ""
        cli.say(f"{batch.batch_id:>5}  {when:<19}  {batch.imported_by:<20}  "
                f"{batch.counts.created:>7}  {batch.counts.updated:>7}  "
                f"{batch.file_name}{state}")
    return EXIT_OK


def _undo(cli: Cli, ws: Workspace, session: Session) -> int:
    batch_id = int(cli.args.batch)
    counts = ImportService(ws).undo(session, batch_id)
    if cli.args.json:
        cli.say(json.dumps({
            "batch_id": batch_id, "customers_removed": counts.customers_created,
            "customers_restored": counts.customers_updated,
            "orders_removed": counts.orders_created, "orders_restored": counts.orders_updated,
            "feedback_removed": counts.feedback_created, "kept_changed_since": counts.skipped,
        }))
        return EXIT_OK
    cli.say(f"Import {batch_id} undone: removed {counts.customers_created} customers, "
            f"{counts.orders_created} orders, {counts.feedback_created} feedback entries; "
            f"restored {counts.customers_updated} customers, {counts.orders_updated} orders.")
    if counts.skipped:
        cli.say(f"{counts.skipped} records were changed after the import and were left as "
                "they are.")
    return EXIT_OK

