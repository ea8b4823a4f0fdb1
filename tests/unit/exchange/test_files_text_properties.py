"""Property: any table written as CSV/TSV in a supported encoding reads back cell for cell."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop.exchange.source_files import open_source

CELL_TEXT = st.text(
    alphabet=st.sampled_from(
        [*"张王李赵会员手机号备注绿茶䶮龘𠀀abcXYZ019 .-_@#'\"", ",", "\t", ";", "\n", "\u3000"]
    ),
    max_size=12,
)


@st.composite
def tables(draw: st.DrawFn) -> list[list[str]]:
    width = draw(st.integers(2, 6))
    header = draw(
        st.lists(
            st.text(alphabet="姓名手机会员卡号abc", min_size=1, max_size=4),
            min_size=width,
            max_size=width,
        )
    )
    body = draw(
        st.lists(st.lists(CELL_TEXT, min_size=width, max_size=width), min_size=1, max_size=15)
    )
    return [header, *body]


def expected(rows: list[list[str]]) -> list[tuple[str | None, ...]]:
    result = []
    for row in rows:
        cells = [value or None for value in row]
        while cells and cells[-1] is None:
            cells.pop()
        result.append(tuple(cells))
    return result


@settings(
    max_examples=150, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    rows=tables(),
    codec=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
    delimiter=st.sampled_from([",", "\t", ";"]),
)
# Cases hypothesis found: a short GBK file charset-normalizer took for Big5; cells of bare
# tabs in a comma-separated file, which split into more (narrower) rows by tab.
@example(rows=[["a", "会"], ["", ""]], codec="gb18030", delimiter=",")
@example(
    rows=[
        ["a"] * 5,
        *[["", "", "", "", "\t"]] * 3,
        ["", "", "", "", "\t\n\t0"],
        ["", "", "", "", "\t\n\t"],
    ],
    codec="utf-8",
    delimiter=",",
)
@example(rows=[["a", "a", "a"], ["", ",,\n", ',,"']], codec="utf-8", delimiter="\t")
def test_round_trip(rows, codec, delimiter):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "table.csv"
        path.write_bytes(buffer.getvalue().encode(codec))
        with open_source(path) as source:
            read = list(source.rows(source.sheets[0].name))
            assert source.sheets[0].rows == len(rows)
    assert read == expected(rows)
