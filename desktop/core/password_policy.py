"""What makes a password or PIN acceptable. Problems are English source texts (translated by
the UI under context "errors")."""

from __future__ import annotations

MIN_PASSWORD_LENGTH = 8
PIN_LENGTHS = range(4, 9)

_COMMON = frozenset(
    {
        "password", "password1", "12345678", "123456789", "1234567890", "11111111",
        "88888888", "66666666", "qwertyui", "qwerty123", "abcd1234", "a1234567",
        "iloveyou", "admin123", "woaini1314", "aaaaaaaa", "00000000", "87654321",
        "shopvault", "11223344", "123123123", "abc12345", "1qaz2wsx", "zxcvbnm1",
    }
)


def password_problems(password: str) -> list[str]:
    problems: list[str] = []
    if len(password) < MIN_PASSWORD_LENGTH:
        problems.append("Use at least 8 characters.")
    if password.strip() != password:
        problems.append("Do not start or end the password with a space.")
    if password and len(set(password)) < 4:
        problems.append("Use more different characters.")
    if password.lower() in _COMMON:
        problems.append("This password is too common; choose another.")
    return problems


def pin_problems(pin: str) -> list[str]:
    problems: list[str] = []
    if not pin.isascii() or not pin.isdigit() or len(pin) not in PIN_LENGTHS:
        problems.append("A PIN is 4 to 8 digits.")
    elif len(set(pin)) == 1 or pin in "0123456789" or pin in "9876543210":
        problems.append("This PIN is too easy to guess.")
    return problems
