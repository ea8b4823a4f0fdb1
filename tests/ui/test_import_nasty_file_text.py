"""Refusals a QA pass added to the import's file layer, as the owner reads them in Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.exchange.files_errors import UnclosedQuoteError
from desktop.exchange.source_files import open_source
from desktop.ui import i18n
from desktop.ui.error_text import error_text


@pytest.fixture
def chinese(qapp):
    assert i18n.install_translators(qapp, i18n.CHINESE) == i18n.CHINESE


def test_an_unclosed_quote_names_the_file_and_row_in_chinese(chinese, tmp_path: Path) -> None:
    path = tmp_path / "会员.csv"
    path.write_text('会员卡号,姓名\nVIP001,张三\nVIP002,"李四\nVIP003,王五\n', encoding="utf-8")
    with pytest.raises(UnclosedQuoteError) as caught:
        open_source(path)
    text = error_text(caught.value)
    assert text.startswith("无法导入 会员.csv：第 3 行有个单元格以引号（\"）开头")
    assert "{" not in text
