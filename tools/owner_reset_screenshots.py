"""Screenshots of "Forgot the owner password?" (login link, dialog, its errors, the login
screen after the reset), in English and 简体中文:

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python tools/owner_reset_screenshots.py \\
        --out /work/shots/owner-reset

Each language runs in a process of its own; the shop is a throw-away one in a temporary
folder with its key in a file-backed test keyring (no real keyring is touched).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workspace_screenshots import LANGUAGES, SHOP_NAME, USERS, Shooter

from bench.keystroke_shop import FileKeyring

NEW_PASSWORD = "Fresh-start-2026"  # noqa: S105 - a throw-away shop's password


def shoot(out: Path, language: str) -> None:
    from desktop.services.paths import ShopPaths
    from desktop.services.workspace import new_workspace
    from desktop.ui.shell.controller import State

    work = Path(tempfile.mkdtemp(prefix="owner-reset-shots-"))
    keyring = FileKeyring(work / "keyring.json")
    workspace, _owner, code = new_workspace(ShopPaths(work / "shop"), SHOP_NAME,
                                            *USERS["owner"], keyring=keyring, remember=True)
    workspace.close()
    s = Shooter(out, language, LANGUAGES[language])
    c = s.controller(work / "shop", keyring, work / "prefs.ini")
    c.start()
    s.wait(lambda: c.state is State.LOGIN)
    s.shot("1-login")

    c.login_view.forgot_button.click()
    dialog = c.owner_reset.dialog
    assert dialog is not None
    s.wait(dialog.isVisible)
    s.shot("2-dialog")

    dialog.code_field.setText("abcde fghij")
    dialog.password_field.setText("short")
    dialog.confirm_field.setText("short")
    dialog.reset_button.click()
    s.shot("3-weak-password")

    dialog.password_field.setText(NEW_PASSWORD)
    dialog.confirm_field.setText(NEW_PASSWORD + "x")
    dialog.reset_button.click()
    s.shot("4-mismatch")

    dialog.confirm_field.setText(NEW_PASSWORD)
    dialog.reset_button.click()
    s.app.processEvents()
    busy = out / f"{language}-5-busy.png"  # at once: the wrong code is found in under a second
    dialog.grab().save(str(busy))
    s.taken.append(busy.name)
    s.wait(lambda: not dialog.busy)
    s.shot("6-wrong-code")

    dialog.code_field.setText(code.lower().replace("-", " "))
    dialog.reset_button.click()
    s.wait(lambda: not dialog.isVisible())
    s.shot("7-login-after-reset")
    c.shutdown()
    print("\n".join(s.taken))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--language", choices=sorted(LANGUAGES))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.language:
        shoot(args.out, args.language)
        return
    for language in LANGUAGES:  # a clean QApplication per language
        command = [sys.executable, __file__, "--out", str(args.out), "--language", language]
        subprocess.run(command, check=True)  # noqa: S603 - this script, our arguments


if __name__ == "__main__":
    main()
