"""A recipient's address the platform masked in part (淘宝 ``浙江省 杭州市 西湖区 文***路***号``,
京东 ``北京朝阳区建国路****``): the province, city and district it still shows are kept."""

from __future__ import annotations

import re

from desktop.core.import_types import Cell
from desktop.exchange import cells
from desktop.exchange.cells import Converted, Note
from desktop.exchange.plan_reasons import ADDRESS_PARTLY_HIDDEN

# up to the last province / city / district / county (or banner, prefecture) the text names
_REGION_PART = re.compile(r"^.*[省市区县旗州盟]")


def shipping_address(cell: Cell) -> Converted[str]:
    converted = cells.personal_text(cell)
    if converted.value is not None or not any(
        note.reason == cells.MASKED_VALUE for note in converted.notes
    ):
        return converted
    written = cells.text(cell) or ""
    shown = _REGION_PART.match(written.split("*", 1)[0]) if "*" in written else None
    if shown is None:
        return converted
    return Converted(shown.group().strip(), (Note(ADDRESS_PARTLY_HIDDEN, warning=True),))
