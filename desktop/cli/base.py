"""What every sub-command shares: exit codes, where secrets come from, acting as a user."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import TextIO

from desktop.core.errors import (
    BackupError,
    DamagedFileError,
    KeyUnavailableError,
    LoginFailedError,
    LoginThrottledError,
    MissingFileError,
    PermissionDeniedError,
    ShopExistsError,
    ShopNotFoundError,
    ShopVaultError,
    WrongKeyError,
    WrongSecretError,
)
from desktop.services.paths import ShopPaths, resolve_home
from desktop.services.session import Session
from desktop.services.workspace import (
    Workspace,
    default_keyring,
    open_with_keyring,
    open_with_password,
    open_with_recovery_code,
)

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_DENIED, EXIT_DAMAGED, EXIT_MISSING, EXIT_CHECK_FAILED = (
    0, 1, 2, 3, 4, 5, 6,
)

_EXIT_CODES: list[tuple[type[ShopVaultError], int]] = [
    (WrongSecretError, EXIT_DENIED),
    (LoginFailedError, EXIT_DENIED),
    (LoginThrottledError, EXIT_DENIED),
    (PermissionDeniedError, EXIT_DENIED),
    (KeyUnavailableError, EXIT_DENIED),
    (DamagedFileError, EXIT_DAMAGED),
    (WrongKeyError, EXIT_DAMAGED),
    (BackupError, EXIT_DAMAGED),
    (MissingFileError, EXIT_MISSING),
    (ShopNotFoundError, EXIT_MISSING),
    (ShopExistsError, EXIT_ERROR),
]

STDIN_ORDER = """\
secrets on standard input, one per line, in this order:
  --recovery-code-stdin: the recovery code first (or restore's only secret)
  then the password of --user (the owner's new password for init; the owner password
  for restore; it also unlocks the shop when this PC's keyring has no key and --user is
  the owner)
  then, for 'users add', the new user's password or PIN; for 'password change', the new
  password
  'password reset' (forgotten owner password, no --user): the recovery code, then the new
  owner password
"""


class Secrets:
    """Where passwords come from: stdin lines (scripts) or a hidden prompt (people)."""

    def __init__(self, from_stdin: bool, stdin: TextIO) -> None:
        self.from_stdin = from_stdin
        self._stdin = stdin

    def ask(self, prompt: str, *, confirm: bool = False) -> str:
        if self.from_stdin:
            line = self._stdin.readline()
            if not line:
                raise ShopVaultError("Standard input ended before the secret for: {what}",
                                     what=prompt.rstrip(": "))
            return line.rstrip("\r\n")
        if not sys.stdin.isatty():
            raise ShopVaultError(
                "No terminal to ask for a secret; use --password-stdin or --recovery-code-stdin."
            )
        first = getpass.getpass(prompt)
        if confirm and getpass.getpass("Again: ") != first:
            raise ShopVaultError("The two entries differ.")
        return first


class Cli:
    def __init__(self, args: argparse.Namespace, out: TextIO, stdin: TextIO) -> None:
        self.args = args
        self.out = out
        self.paths = ShopPaths(resolve_home(args.home))
        self.keyring = default_keyring()
        self.secrets = Secrets(args.password_stdin or args.recovery_code_stdin, stdin)
        self.last_password = ""

    def say(self, text: str = "") -> None:
        print(text, file=self.out)

    def _wants_to_remember(self, workspace: Workspace) -> bool:
        if self.args.remember:
            return True
        if self.secrets.from_stdin or not sys.stdin.isatty():
            return False
        if not workspace.can_remember():
            return False
        answer = input("Remember the key on this computer, so it unlocks without the owner "
                       "password? [y/N] ")
        return answer.strip().lower() in ("y", "yes", "是")

    def open_as_user(self) -> tuple[Workspace, Session]:
        user = self.args.user
        if not user:
            raise ShopVaultError("Name the user to act as with --user NAME.")
        if self.args.recovery_code_stdin:
            workspace = open_with_recovery_code(
                self.paths, self.secrets.ask("Recovery code: "), self.keyring
            )
            password = self.secrets.ask(f"Password for {user}: ")
        else:
            try:
                workspace = open_with_keyring(self.paths, self.keyring)
                password = self.secrets.ask(f"Password for {user}: ")
            except KeyUnavailableError:
                password = self.secrets.ask(f"Password for {user}: ")
                try:
                    workspace = open_with_password(self.paths, password, self.keyring)
                except WrongSecretError as exc:
                    raise KeyUnavailableError(
                        "This computer does not hold the shop's key and the password given does "
                        "not unlock it: act as the owner, or use --recovery-code-stdin."
                    ) from exc
        self.last_password = password
        try:
            if workspace.shop.unlocked_by != "keyring" and self._wants_to_remember(workspace):
                if workspace.remember_on_this_pc():
                    self.say("The key is now remembered in this computer's keyring.")
                else:
                    self.say("No keyring is available; the key was not remembered.")
            session = workspace.accounts.login(user, password)
            workspace.field_keys.ensure_for_owner(session, password)
            return workspace, session
        except BaseException:
            workspace.close()
            raise


def with_user(action: Callable[[Cli, Workspace, Session], int]) -> Callable[[Cli], int]:
    def run(cli: Cli) -> int:
        workspace, session = cli.open_as_user()
        try:
            return action(cli, workspace, session)
        finally:
            workspace.close()

    return run


def exit_code_for(error: ShopVaultError) -> int:
    for kind, code in _EXIT_CODES:
        if isinstance(error, kind):
            return code
    return EXIT_ERROR
