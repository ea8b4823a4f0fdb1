"""Headless sub-commands over the same services as the GUI (``uv run main.py --help``)."""

from desktop.cli.base import exit_code_for
from desktop.cli.commands import build_parser, run

__all__ = ["build_parser", "exit_code_for", "run"]
