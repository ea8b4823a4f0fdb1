"""Errors the user can be told about.

Each carries an English source text with ``{placeholders}``; the UI passes it through Qt's
translation (context ``"errors"``) and the CLI prints it as one line. Messages never contain
personal data or key material.
"""

from __future__ import annotations


class ShopVaultError(Exception):
    message = "Something went wrong."

    def __init__(self, message: str | None = None, **params: object) -> None:
        if message is not None:
            self.message = message
        self.params = params
        super().__init__(self.text())

    def text(self) -> str:
        return self.message.format(**self.params)


class ShopNotFoundError(ShopVaultError):
    message = "No shop found in {home}. Create one first (init)."


class ShopExistsError(ShopVaultError):
    message = "A shop already exists in {home}; it was left untouched."


class MissingFileError(ShopVaultError):
    message = "The file {path} is missing."


class DamagedFileError(ShopVaultError):
    message = "The file {path} is damaged and cannot be opened. It was left untouched."


class WrongKeyError(ShopVaultError):
    message = "The key does not open {path}: it belongs to another shop or the file was replaced."


class WrongSecretError(ShopVaultError):
    message = "The password or recovery code is not correct."


class KeyUnavailableError(ShopVaultError):
    message = (
        "This computer does not hold the key for the shop. "
        "Unlock it with the owner password or the recovery code."
    )


class LoginFailedError(ShopVaultError):
    message = "Unknown user name or wrong password."


class LoginThrottledError(ShopVaultError):
    message = "Too many failed attempts. Try again in {seconds} seconds."

    @property
    def retry_after(self) -> int:
        seconds = self.params["seconds"]
        assert isinstance(seconds, int)
        return seconds


class PermissionDeniedError(ShopVaultError):
    message = "Your role ({role}) may not do this: {action}."


class CheckAgainError:
    """Marks an error whose remedy is to check the rows again (the file changed after its rows
    were checked): a front end may start that check itself rather than only say so."""


class InvalidInputError(ShopVaultError):
    message = "{field}: {problem}"


class BackupError(ShopVaultError):
    message = "The backup {path} cannot be used: {problem}"


class FieldErrors(ShopVaultError):
    """Several fields of a form are wrong at once; ``errors`` maps field name → English
    problem text (translated by the UI under context "errors") shown at that field."""

    message = "Please correct the highlighted fields."

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__()
