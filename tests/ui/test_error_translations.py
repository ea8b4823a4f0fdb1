"""Real errors from the services, shown with the real zh_CN catalogue installed: in Chinese,
with their {placeholders} filled — so what ``error_text`` looks up (context "errors", the
exact English source) is what tools/update_translations.py extracted and was translated."""

from __future__ import annotations

import dataclasses
import importlib
import re
import sys
import tarfile
from pathlib import Path

import pytest

from desktop.core import errors as error_types
from desktop.core.audit_records import ChainHead
from desktop.core.errors import (
    FieldErrors,
    InvalidInputError,
    LoginFailedError,
    LoginThrottledError,
    PermissionDeniedError,
    ShopNotFoundError,
    ShopVaultError,
    WrongSecretError,
)
from desktop.core.password_policy import password_problems, pin_problems
from desktop.core.roles import Permission, Role
from desktop.security.audit_chain import verify_chain
from desktop.services.accounts import check_secret, clean_username
from desktop.services.backup import restore_backup
from desktop.services.customer_views import CustomerDraft
from desktop.services.customers import CustomerService
from desktop.services.paths import ShopPaths
from desktop.services.session import Session
from desktop.services.vault import load_keyfile
from desktop.services.workspace import default_keyring
from desktop.ui import i18n
from desktop.ui.error_text import describe_error, error_text, translate_text

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import update_translations  # noqa: E402

CJK = re.compile(r"[\u4e00-\u9fff]")
# Two English words in a row: an untranslated sentence (or part of one) slipped through.
ENGLISH_WORDS = re.compile(r"\b[A-Za-z]{2,}[,;:]?\s+[A-Za-z]{2,}\b")
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
BAD_PASSWORD = "Wrong-password-99"


@pytest.fixture
def chinese(qapp):
    assert i18n.install_translators(qapp, i18n.CHINESE) == i18n.CHINESE
    # The conftest puts English back after each test.


def assert_chinese(text: str) -> None:
    assert CJK.search(text), text
    assert not ENGLISH_WORDS.search(text), text
    assert not PLACEHOLDER.search(text), text


def caught(call, *args, **kwargs) -> ShopVaultError:
    with pytest.raises(ShopVaultError) as info:
        call(*args, **kwargs)
    return info.value


# ---------------------------------------------------------------- the catalogue itself


def test_every_extracted_error_text_is_translated(chinese):
    texts = [text for _, text in update_translations.error_texts(ROOT)]
    assert len(texts) > 50
    untranslated = [text for text in texts if translate_text(text) == text]
    assert untranslated == []


def test_every_error_class_message_is_extracted():
    """The extractor finds every ShopVaultError subclass of the packages below the UI."""
    for package in update_translations.ERROR_SCAN_DIRS:
        for path in sorted((ROOT / package).rglob("*.py")):
            importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))
    extracted = {text for _, text in update_translations.error_texts(ROOT)}
    pending = [ShopVaultError]
    seen: set[type] = set()
    while pending:
        cls = pending.pop()
        seen.add(cls)
        pending.extend(sub for sub in cls.__subclasses__() if sub not in seen)
    assert {error_types.LoginFailedError, error_types.FieldErrors} <= seen
    missing = [cls.__qualname__ for cls in seen if cls.message not in extracted]
    assert missing == []


def test_problem_texts_of_the_policies_are_extracted():
    extracted = {text for _, text in update_translations.error_texts(ROOT)}
    samples = password_problems(" ab ") + password_problems("password") + pin_problems("12a")
    samples += pin_problems("1234") + [p.value for p in Permission]
    assert set(samples) <= extracted


# ---------------------------------------------------------------- errors without a shop


def test_weak_password_reads_in_chinese(chinese):
    error = caught(check_secret, "aaa", pin=False)
    assert isinstance(error, InvalidInputError)
    text = error_text(error)
    assert_chinese(text)
    assert text.startswith("密码：")
    assert "8" in text


def test_weak_pin_and_bad_user_name_read_in_chinese(chinese):
    for error in (caught(check_secret, "1111", pin=True), caught(clean_username, "lao wang")):
        assert isinstance(error, InvalidInputError)
        assert_chinese(error_text(error))


def test_throttled_login_fills_in_the_seconds(chinese):
    text = error_text(LoginThrottledError(seconds=42))
    assert_chinese(text)
    assert "42" in text


def test_missing_shop_names_its_folder(chinese, tmp_path):
    error = caught(load_keyfile, ShopPaths(tmp_path / "nowhere"))
    assert isinstance(error, ShopNotFoundError)
    text = error_text(error)
    assert str(tmp_path / "nowhere") in text
    assert_chinese(text.replace(str(tmp_path / "nowhere"), ""))


def test_a_file_that_is_not_a_backup_reads_in_chinese(chinese, tmp_path):
    archive = tmp_path / "not-a-backup.svbackup"
    with tarfile.open(archive, "w:") as tar:
        tar.add(__file__, arcname="something.txt")
    error = caught(
        restore_backup,
        ShopPaths(tmp_path / "shop"),
        archive,
        keyring=default_keyring(),
        password=BAD_PASSWORD,
    )
    text = error_text(error)
    assert archive.name in text
    assert_chinese(text.replace(archive.name, ""))


def test_audit_chain_problem_reads_in_chinese(chinese):
    report = verify_chain([], ChainHead(seq=3, hash=bytes(32)))
    assert not report.ok
    text = translate_text(report.problem).format(seq=report.first_bad_seq)
    assert_chinese(text)
    assert "1" in text


# ---------------------------------------------------------------- errors from a real shop


def test_wrong_login_reads_in_chinese(chinese, shop):
    error = caught(shop.workspace.accounts.login, "wang", BAD_PASSWORD)
    assert isinstance(error, LoginFailedError)
    assert_chinese(describe_error(error))


def test_wrong_current_password_reads_in_chinese(chinese, shop):
    error = caught(
        shop.workspace.accounts.change_password, shop.owner, BAD_PASSWORD, "New-horse-4242"
    )
    assert isinstance(error, WrongSecretError)
    assert_chinese(describe_error(error))


def test_customer_form_problems_read_in_chinese(chinese, shop):
    service = CustomerService(shop.workspace)
    draft = CustomerDraft(name="", phone="138-1234-56789x", email="not an address")
    error = caught(service.add, shop.owner, draft)
    assert isinstance(error, FieldErrors)
    assert {"name", "phone", "email"} <= set(error.errors)
    assert_chinese(describe_error(error))
    for problem in error.errors.values():
        assert_chinese(translate_text(problem))


def test_bad_birthday_and_amount_read_in_chinese(chinese, shop):
    service = CustomerService(shop.workspace)
    base = CustomerDraft(name="王小明", phone="13812345678")
    draft = dataclasses.replace(base, birthday="2024-02-30", balance="1,23.4", points="-5")
    error = caught(service.add, shop.owner, draft)
    assert isinstance(error, FieldErrors)
    assert {"birthday", "balance", "points"} <= set(error.errors)
    for problem in error.errors.values():
        assert_chinese(translate_text(problem))


def test_permission_denied_names_role_and_action_in_chinese(chinese, shop):
    staff = Session(
        shop.workspace.accounts.add_user(shop.owner, "xiaoli", Role.STAFF, "Staff-pass-77")
    )
    service = CustomerService(shop.workspace)
    error = caught(service.reveal, staff, 1, "phone", "客户来电")
    assert isinstance(error, PermissionDeniedError)
    text = error_text(error)
    assert_chinese(text)
    assert "店员" in text
    assert "查看完整信息" in text


def test_reveal_without_reason_reads_in_chinese(chinese, shop):
    service = CustomerService(shop.workspace)
    customer_id = service.add(shop.owner, CustomerDraft(name="王小明", phone="13812345678"))
    error = caught(service.reveal, shop.owner, customer_id, "phone", "  ")
    assert isinstance(error, InvalidInputError)
    text = error_text(error)
    assert_chinese(text)
    assert text.startswith("原因：")
