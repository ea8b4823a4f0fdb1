from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from desktop.services.paths import ShopPaths, resolve_home


def test_explicit_home_wins_over_the_environment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SHOPVAULT_HOME", str(tmp_path / "env"))
    assert resolve_home(tmp_path / "explicit") == (tmp_path / "explicit").resolve()
    assert resolve_home() == (tmp_path / "env").resolve()


@pytest.mark.parametrize("value", [None, "", "   "])
def test_default_is_the_per_user_data_folder(monkeypatch, value) -> None:
    if value is None:
        monkeypatch.delenv("SHOPVAULT_HOME", raising=False)
    else:
        monkeypatch.setenv("SHOPVAULT_HOME", value)
    assert resolve_home() == platformdirs.user_data_path("ShopVault", "ShopVault", roaming=True)


def test_a_shop_exists_when_its_files_do(tmp_path: Path) -> None:
    paths = ShopPaths(tmp_path)
    assert not paths.exists()
    paths.keyfile.write_text("{}")
    assert paths.exists()
