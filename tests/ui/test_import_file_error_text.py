"""The import file layer's refusals, shown with the real zh_CN catalogue: in Chinese, with
the file's name filled in and the fix spelled out."""

from __future__ import annotations

import re

import pytest

from desktop.exchange import files_errors
from desktop.exchange.source_files import ImportFileError, open_source
from desktop.ui import i18n
from desktop.ui.error_text import error_text

CJK = re.compile(r"[\u4e00-\u9fff]")
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


@pytest.fixture
def chinese(qapp):
    assert i18n.install_translators(qapp, i18n.CHINESE) == i18n.CHINESE


@pytest.mark.parametrize("problem", files_errors.problems)
def test_every_problem_reads_in_chinese(chinese, problem):
    text = error_text(ImportFileError("会员登记表.xlsx", problem=problem))
    assert text.startswith("无法导入 会员登记表.xlsx：")
    assert CJK.search(text.removeprefix("无法导入 会员登记表.xlsx："))
    assert not PLACEHOLDER.search(text)
    assert "the file" not in text and "it is" not in text


def test_a_real_refusal_reads_in_chinese(chinese, tmp_path):
    path = tmp_path / "空表.xlsx"
    path.write_bytes(b"")
    with pytest.raises(ImportFileError) as caught:
        open_source(path)
    assert error_text(caught.value) == "无法导入 空表.xlsx：文件是空的。请选择存有数据的那个文件。"
