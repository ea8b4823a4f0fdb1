"""The plain-text tables the benchmarks print (and keep in their JSON)."""

from __future__ import annotations

from collections.abc import Collection, Sequence


def text_table(head: Sequence[str], rows: Sequence[Sequence[object]],
               left: Collection[int] = (0,)) -> list[str]:
    """``head`` and ``rows`` in columns as wide as their widest cell, two spaces apart, a
    dashed line under the head. The head and the ``left`` columns (negative numbers count
    from the end) are left-aligned, every other cell right-aligned (figures)."""
    texts = [[str(cell) for cell in row] for row in rows]
    widths = [max(len(row[i]) for row in [list(head), *texts]) for i in range(len(head))]
    flush_left = {i % len(head) for i in left}
    lines = ["  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)),
             "  ".join("-" * w for w in widths)]
    for row in texts:
        lines.append("  ".join(cell.ljust(w) if i in flush_left else cell.rjust(w)
                               for i, (cell, w) in enumerate(zip(row, widths, strict=True))))
    return lines
