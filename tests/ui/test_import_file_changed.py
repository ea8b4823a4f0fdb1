"""The owner checked a file's rows, then saved a change to it in Excel before clicking Import:
the wizard does not import rows nobody checked, and does not leave the owner at a dead end
either — it checks the file as it is now, says why, and the next click imports that."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from desktop.services.imports import ImportService
from desktop.ui import i18n
from desktop.ui.pages.import_wizard import CHECK, DONE, HEADER, MAPPING, ImportWizard
from desktop.ui.tasks import SynchronousTaskRunner
from tests.support.shops import ShopFixture

MEMBERS = [["姓名", "手机号", "会员卡号"], ["张三", "13812345678", "V001"],
           ["李四", "13912345678", "V002"]]


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _customers(shop: ShopFixture) -> int:
    return int(shop.workspace.shop.db.conn.execute("SELECT count(*) FROM customers").fetchone()[0])


@pytest.mark.parametrize("language", [i18n.ENGLISH, i18n.CHINESE])
def test_a_file_changed_after_the_check_is_checked_again_not_imported_unseen(
    qtbot, qapp, shop: ShopFixture, tmp_path: Path, language: str
) -> None:
    i18n.install_translators(qapp, language)
    try:
        path = _write(tmp_path / "会员登记表.csv", MEMBERS)
        wizard = ImportWizard(ImportService(shop.workspace), shop.owner, SynchronousTaskRunner())
        qtbot.addWidget(wizard)
        wizard.open_file(path)
        for expected in (HEADER, MAPPING, CHECK):
            wizard.next_button.click()
            assert wizard.step == expected, wizard.error.text()
        assert wizard.report is not None and wizard.report.counts.created == 2

        _write(path, [*MEMBERS, ["王五", "13712345678", "V003"]])  # saved again in Excel
        wizard.next_button.click()

        assert _customers(shop) == 0
        assert wizard.step == CHECK
        assert wizard.report is not None and wizard.report.counts.created == 3
        assert not wizard.error.isVisibleTo(wizard)
        expected_notice = {
            i18n.ENGLISH: "The file was changed after its rows were checked",
            i18n.CHINESE: "文件在检查之后被修改过",
        }[language]
        assert wizard.notice.isVisibleTo(wizard)
        assert wizard.notice.text().startswith(expected_notice)

        wizard.next_button.click()
        assert wizard.step == DONE, wizard.error.text()
        assert _customers(shop) == 3
    finally:
        i18n.install_translators(qapp, i18n.ENGLISH)
