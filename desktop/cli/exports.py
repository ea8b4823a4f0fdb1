"""The ``export`` sub-command."""

from __future__ import annotations

import argparse
from typing import Any


def add_commands(commands: argparse._SubParsersAction[Any]) -> None:
    """Register the ``export`` sub-command on the top-level parser."""
