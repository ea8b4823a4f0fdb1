"""Password protection of an .xlsx (ECMA-376 agile encryption via msoffcrypto-tool): the file
Excel, WPS and LibreOffice open after asking for the password."""

from __future__ import annotations

from pathlib import Path
from typing import IO, BinaryIO, cast

import msoffcrypto.format.ooxml  # type: ignore[import-untyped]


def encrypt_workbook(plain: Path, password: str, out: BinaryIO) -> None:
    """Write the workbook ``plain`` to ``out``, encrypted under ``password``."""
    with plain.open("rb") as source:
        office = msoffcrypto.format.ooxml.OOXMLFile(source)
        office.encrypt(password, cast(IO[bytes], out))
