"""Headless sub-commands over the same services as the GUI.

Global options come before the command. Secrets are read from a prompt, or — with
``--password-stdin`` / ``--recovery-code-stdin`` — one per line from standard input, in the
order the command needs them (see ``--help``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from desktop.cli import exports, imports
from desktop.cli.base import (
    EXIT_CHECK_FAILED,
    EXIT_ERROR,
    EXIT_OK,
    EXIT_USAGE,
    STDIN_ORDER,
    Cli,
    exit_code_for,
    with_user,
)
from desktop.core.errors import ShopVaultError
from desktop.core.roles import Role
from desktop.services.accounts import check_secret
from desktop.services.session import Session
from desktop.services.workspace import (
    VerifyReport,
    Workspace,
    new_workspace,
    open_with_recovery_code,
)


def _cmd_init(cli: Cli) -> int:
    password = cli.secrets.ask("New owner password: ", confirm=True)
    workspace, _session, code = new_workspace(
        cli.paths, cli.args.shop, cli.args.owner, password,
        keyring=cli.keyring, remember=not cli.args.no_remember,
    )
    remembered = workspace.is_remembered()
    workspace.close()
    cli.say(f"Shop created in {cli.paths.home}")
    cli.say("")
    cli.say("RECOVERY CODE (shown only this once; write it down and keep it safe):")
    cli.say(f"    {code}")
    cli.say("")
    cli.say("With it, or with the owner password, the shop opens on a new computer.")
    if not remembered:
        cli.say("This computer's keyring does not hold the key: unlocking will ask for the "
                "owner password.")
    return EXIT_OK


def _users_add(cli: Cli, ws: Workspace, session: Session) -> int:
    kind = "PIN" if cli.args.pin else "password"
    secret = cli.secrets.ask(f"New {kind} for {cli.args.name}: ", confirm=True)
    user = ws.accounts.add_user(session, cli.args.name, Role(cli.args.role), secret,
                                pin=cli.args.pin)
    cli.say(f"Added {user.username} ({user.role.value}).")
    return EXIT_OK


def _users_list(cli: Cli, ws: Workspace, session: Session) -> int:
    users = ws.accounts.list_users(session)
    width = max([len(u.username) for u in users] + [8])
    cli.say(f"{'USER':<{width}}  {'ROLE':<8}  {'LOGIN':<8}  STATUS")
    for user in users:
        status = "disabled" if user.disabled else "active"
        login = "PIN" if user.uses_pin else "password"
        cli.say(f"{user.username:<{width}}  {user.role.value:<8}  {login:<8}  {status}")
    return EXIT_OK


def _users_disable(cli: Cli, ws: Workspace, session: Session) -> int:
    user = ws.accounts.disable_user(session, cli.args.name)
    cli.say(f"Disabled {user.username}.")
    return EXIT_OK


def _password_change(cli: Cli, ws: Workspace, session: Session) -> int:
    # The login password just given is the current one; ask only for the new one.
    new = cli.secrets.ask("New password: ", confirm=True)
    ws.accounts.change_password(session, cli.last_password, new)
    cli.say("Password changed.")
    return EXIT_OK


def _password_reset(cli: Cli) -> int:
    # The recovery code opens the shop first, so a wrong one is refused before anything else
    # is asked; the service checks it again when it re-wraps the keys.
    code = cli.secrets.ask("Recovery code: ")
    workspace = open_with_recovery_code(cli.paths, code, cli.keyring)
    try:
        new = cli.secrets.ask("New owner password: ", confirm=True)
        check_secret(new, pin=False)
        owner = workspace.accounts.reset_owner_password(code, new)
    finally:
        workspace.close()
    cli.say(f"The owner password of {owner.username} was reset. Log in with the new password.")
    cli.say("Your recovery code has not changed: keep the paper copy; it still works.")
    return EXIT_OK


def _key_rotate(cli: Cli, ws: Workspace, session: Session) -> int:
    ws.rotate_key(session)
    cli.say("The database was re-encrypted under a new key.")
    return EXIT_OK


def _check(cli: Cli, ws: Workspace, session: Session) -> int:
    report = ws.check(session)
    for problem in report.integrity_problems:
        cli.say(f"database: {problem}")
    cli.say("database: ok" if not report.integrity_problems else "database: DAMAGED")
    _say_audit(cli, report.audit)
    return EXIT_OK if report.ok else EXIT_CHECK_FAILED


def _say_audit(cli: Cli, report: VerifyReport) -> None:
    if report.ok:
        cli.say(f"audit log: ok ({report.entries} entries, chain and anchor intact)")
    else:
        cli.say("audit log: BROKEN — " + report.problem.format(seq=report.first_bad_seq))


def _audit_verify(cli: Cli, ws: Workspace, session: Session) -> int:
    report = ws.verify_audit(session)
    _say_audit(cli, report)
    return EXIT_OK if report.ok else EXIT_CHECK_FAILED


def _backup(cli: Cli, ws: Workspace, session: Session) -> int:
    from desktop.services.backup import create_backup

    info = create_backup(ws, session, Path(cli.args.path))
    cli.say(f"Backup written and verified: {info.path} ({info.size} bytes)")
    return EXIT_OK


def _restore(cli: Cli) -> int:
    from desktop.services.backup import restore_backup

    if cli.args.recovery_code_stdin:
        kwargs = {"recovery_code": cli.secrets.ask("Recovery code: ")}
    else:
        kwargs = {"password": cli.secrets.ask("Owner password: ")}
    workspace = restore_backup(cli.paths, Path(cli.args.path), keyring=cli.keyring, **kwargs)
    try:
        remembered = workspace.remember_on_this_pc() if not cli.args.no_remember else False
    finally:
        workspace.close()
    cli.say(f"Restored into {cli.paths.home}.")
    if remembered:
        cli.say("The key is now remembered in this computer's keyring.")
    return EXIT_OK


def _demo(cli: Cli, ws: Workspace, session: Session) -> int:
    from desktop.services.demo import load_demo_data

    result = load_demo_data(ws, session, cli.args.customers, progress=None)
    cli.say(
        f"Added {result.customers} demo customers, {result.orders} orders and "
        f"{result.feedback} feedback entries."
    )
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="ShopVault (客户保险箱): encrypted customer records for small shops. "
        "Without a command, the desktop app starts.",
        epilog=STDIN_ORDER,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--home", type=Path, help="the shop's folder (default: SHOPVAULT_HOME, "
                        "else the per-user data folder)")
    parser.add_argument("--user", help="act as this user (commands that touch data)")
    secret = parser.add_mutually_exclusive_group()
    secret.add_argument("--password-stdin", action="store_true",
                        help="read passwords from standard input, one per line")
    secret.add_argument("--recovery-code-stdin", action="store_true",
                        help="unlock with the recovery code read from standard input")
    parser.add_argument("--remember", action="store_true",
                        help="after unlocking without the keyring, remember the key on this PC")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    init = commands.add_parser("init", help="create a shop and its owner account")
    init.add_argument("--shop", required=True, help="the shop's name")
    init.add_argument("--owner", required=True, help="the owner's user name")
    init.add_argument("--no-remember", action="store_true",
                      help="do not keep the key in this PC's keyring")
    init.set_defaults(handler=_cmd_init)

    users = commands.add_parser("users", help="manage user accounts (owner)")
    users_commands = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    add = users_commands.add_parser("add", help="add a user")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=[r.value for r in Role if r != Role.OWNER])
    add.add_argument("--pin", action="store_true", help="staff log in with a 4-8 digit PIN")
    add.set_defaults(handler=with_user(_users_add))
    users_commands.add_parser("list", help="list users").set_defaults(
        handler=with_user(_users_list))
    disable = users_commands.add_parser("disable", help="disable a user")
    disable.add_argument("name")
    disable.set_defaults(handler=with_user(_users_disable))

    password = commands.add_parser("password", help="change your password, or reset the "
                                   "owner's with the recovery code")
    password_commands = password.add_subparsers(dest="password_command", metavar="ACTION",
                                                required=True)
    password_commands.add_parser("change", help="change the password of --user").set_defaults(
        handler=with_user(_password_change))
    password_commands.add_parser(
        "reset", help="forgot the owner password: set a new one with the recovery code "
        "(asks for the code, then the new password)",
        description="Set a new owner password with the recovery code shown at set-up. The "
        "recovery code stays the same. Scripts: main.py --recovery-code-stdin password reset, "
        "with the code and the new password on two lines. A wrong code changes nothing "
        "(exit code 3).").set_defaults(handler=_password_reset)

    key = commands.add_parser("key", help="database key (owner)")
    key_commands = key.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    key_commands.add_parser("rotate", help="re-encrypt the database under a new key"
                            ).set_defaults(handler=with_user(_key_rotate))

    commands.add_parser("check", help="check the database and the audit log").set_defaults(
        handler=with_user(_check))
    audit = commands.add_parser("audit", help="the audit log")
    audit_commands = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    audit_commands.add_parser("verify", help="verify the audit chain").set_defaults(
        handler=with_user(_audit_verify))

    backup = commands.add_parser("backup", help="write an encrypted backup (owner)")
    backup.add_argument("path", help="archive file or folder to write it in")
    backup.set_defaults(handler=with_user(_backup))
    restore = commands.add_parser(
        "restore", help="restore a backup with the owner password or recovery code")
    restore.add_argument("path")
    restore.add_argument("--no-remember", action="store_true",
                         help="do not keep the key in this PC's keyring")
    restore.set_defaults(handler=_restore)

    demo = commands.add_parser("demo", help="add realistic demo customers (owner)")
    demo.add_argument("--customers", type=int, default=1000, help="how many (default 1000)")
    demo.set_defaults(handler=with_user(_demo))

    imports.add_commands(commands)
    exports.add_commands(commands)
    return parser


def run(argv: Sequence[str], *, out: TextIO | None = None, err: TextIO | None = None,
        stdin: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    args = parser.parse_args(list(argv))
    if args.command is None:
        parser.print_help(out)
        return EXIT_USAGE
    cli = Cli(args, out, stdin or sys.stdin)
    try:
        code: int = args.handler(cli)
        return code
    except ShopVaultError as error:
        print(f"shopvault: {error.text()}", file=err)
        return exit_code_for(error)
    except KeyboardInterrupt:
        print("shopvault: interrupted; nothing was changed by the unfinished step.", file=err)
        return 130
    except Exception as error:  # noqa: BLE001 - last line of defence: one line, no traceback
        # The exception text may quote personal data; only its type is shown.
        print(f"shopvault: unexpected {type(error).__name__}; nothing further was changed.",
              file=err)
        return EXIT_ERROR
