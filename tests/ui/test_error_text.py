"""Errors as the window says them: translated (params too), never a traceback or data."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QTranslator

from desktop.core.errors import (
    InvalidInputError,
    LoginThrottledError,
    PermissionDeniedError,
    ShopVaultError,
    WrongSecretError,
)
from desktop.core.password_policy import password_problems
from desktop.services.accounts import check_secret
from desktop.ui.error_text import (
    describe_error,
    error_text,
    joined_problems,
    role_name,
    translated_problems,
)

CATALOGUE = {
    ("errors", "{field}: {problem}"): "{field}：{problem}",
    ("errors", "password"): "密码",
    ("errors", "Use at least 8 characters."): "至少使用 8 个字符。",
    ("errors", "Use more different characters."): "请使用更多不同的字符。",
    ("errors", "Too many failed attempts. Try again in {seconds} seconds."):
        "失败次数过多，请 {seconds} 秒后再试。",
    ("errors", "Your role ({role}) may not do this: {action}."):
        "您的角色（{role}）不能执行：{action}。",
    ("errors", "The password or recovery code is not correct."): "{oops} 密码不正确。",
    ("roles", "Staff"): "店员",
}


class FakeChinese(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):
        return CATALOGUE.get((context, source))  # None: not translated here


@pytest.fixture
def chinese(qapp):
    translator = FakeChinese()
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def joined_password_error() -> InvalidInputError:
    with pytest.raises(InvalidInputError) as caught:
        check_secret("abc", pin=False)
    return caught.value


def test_english_sources_pass_through_with_params(qapp):
    assert error_text(LoginThrottledError(seconds=4)) == (
        "Too many failed attempts. Try again in 4 seconds."
    )
    assert error_text(joined_password_error()) == (
        "password: Use at least 8 characters. Use more different characters."
    )


def test_message_field_and_joined_problems_are_translated(chinese):
    assert error_text(joined_password_error()) == "密码：至少使用 8 个字符。请使用更多不同的字符。"
    assert error_text(LoginThrottledError(seconds=4)) == "失败次数过多，请 4 秒后再试。"
    assert translated_problems(password_problems("abc")) == [
        "至少使用 8 个字符。", "请使用更多不同的字符。",
    ]
    assert joined_problems(password_problems("abc")) == "至少使用 8 个字符。请使用更多不同的字符。"


def test_role_params_and_names_are_translated(chinese):
    error = PermissionDeniedError(role="staff", action="export_masked")
    assert error_text(error) == "您的角色（店员）不能执行：export_masked。"
    assert role_name("staff") == "店员"


def test_a_broken_translation_falls_back_to_the_english_source(chinese, caplog):
    with caplog.at_level(logging.WARNING):
        assert error_text(WrongSecretError()) == "The password or recovery code is not correct."


def test_unexpected_errors_become_one_generic_sentence_and_log_the_type_only(qapp, caplog):
    with caplog.at_level(logging.ERROR):
        text = describe_error(KeyError("13812345678 张三"))
    assert text.startswith("Something went wrong.")
    assert "138" not in text
    assert "KeyError" in caplog.text
    assert "13812345678" not in caplog.text
    assert describe_error(ShopVaultError()) == "Something went wrong."
