"""ShopVault (客户保险箱). Without a command the desktop app starts; see --help."""

from __future__ import annotations

import os
import sys


def main(argv: list[str]) -> int:
    os.umask(0o077)  # the shop's files, backups and exports are for this user only
    from desktop.cli import build_parser

    parser = build_parser()
    # A GUI-only option: the sub-commands (desktop.cli.run) do not know it.
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a throw-away demo shop with made-up customers (desktop app only; nothing "
        "is kept, nothing is stored in the keyring)",
    )
    args, qt_args = parser.parse_known_args(argv)
    if args.command is None and not any(a in ("-h", "--help") for a in argv):
        from desktop.app import run_gui

        return run_gui(qt_args, home=args.home, demo=args.demo)
    if args.demo:
        parser.error("--demo opens the desktop app; it cannot be combined with a command")
    from desktop.cli import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
