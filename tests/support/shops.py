"""Fixtures that create real shops (real SQLCipher files, real key files) in tmp_path."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.services.paths import ShopPaths
from desktop.services.session import Session
from desktop.services.workspace import Workspace, default_keyring, new_workspace

OWNER = "wang"
OWNER_PASSWORD = "Correct-horse-42"
REPO_ROOT = Path(__file__).resolve().parents[2]


@dataclass
class ShopFixture:
    paths: ShopPaths
    recovery_code: str
    workspace: Workspace
    owner: Session

    def reopen_closed(self) -> None:
        self.workspace.close()


@pytest.fixture
def shop(tmp_path: Path, no_keyring: None) -> Iterator[ShopFixture]:
    """A new shop with its owner logged in, on a PC without a keyring."""
    paths = ShopPaths(tmp_path / "shop")
    workspace, owner, code = new_workspace(
        paths, "老王杂货店", OWNER, OWNER_PASSWORD, keyring=default_keyring(), remember=False
    )
    fixture = ShopFixture(paths, code, workspace, owner)
    yield fixture
    workspace.close()


def cli_env(**extra: str) -> dict[str, str]:
    """The environment for ``run_cli``: no keyring (each command asks for its secret) and no
    kill point left over from another test."""
    environment = dict(os.environ)
    environment["SHOPVAULT_KEYRING"] = "none"
    environment.pop("SHOPVAULT_KILL_AT", None)
    environment.update(extra)
    return environment


def run_cli(
    *args: str, stdin: str = "", env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``main.py`` in a real subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, str(REPO_ROOT / "main.py"), *args],
        input=stdin, capture_output=True, text=True, env=env, timeout=timeout,
        cwd=REPO_ROOT, check=False,
    )
