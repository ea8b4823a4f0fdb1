"""Recognise which export or hand-kept sheet a header row belongs to and map its columns.

A known layout (see :mod:`desktop.exchange.layouts_catalog`) is recognised when the headers
contain most of one of its signatures; its own column table decides the mapping and the
synonyms fill in columns it does not list. Any other sheet gets a target guessed from its
headers and a mapping suggested from the synonyms. Every column appears in the mapping, in
order; columns nothing matched map to None.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.import_types import ColumnMapping, ImportTarget
from desktop.exchange.fields import field_info, fields_for
from desktop.exchange.layouts_catalog import LAYOUTS, LAYOUTS_BY_ID, UNKNOWN_LAYOUT_NAME, Layout
from desktop.exchange.row_values import JOIN_WITH, TAGS
from desktop.exchange.synonyms import guess_field, header_key, suggest_field

_FEEDBACK_CORE = ("feedback.content", "feedback.kind", "feedback.rating")
RECOGNISED = 0.7  # share of a signature's headers a sheet needs to be that layout


@dataclass(frozen=True)
class LayoutGuess:
    layout: str | None  # a layout id, e.g. "taobao_orders"; None when no layout matched
    layout_name: str  # English source text
    target: ImportTarget
    mapping: tuple[ColumnMapping, ...]
    score: float  # 0..1, how sure the guess is
    unsure: tuple[int, ...] = ()  # columns whose suggested field the user should check


def layout_by_id(layout_id: str | None) -> Layout | None:
    return LAYOUTS_BY_ID.get(layout_id) if layout_id else None


def _header_text(header: object) -> str:
    return "" if header is None else str(header).strip()


def _layout_score(layout: Layout, keys: set[str]) -> float:
    best = 0.0
    for signature in layout.signatures:
        hits = sum(header_key(header) in keys for header in signature)
        best = max(best, hits / len(signature))
    return best


def best_layout(headers: Sequence[object]) -> tuple[Layout | None, float]:
    keys = {header_key(header) for header in headers} - {""}
    scored = [(_layout_score(layout, keys), index) for index, layout in enumerate(LAYOUTS)]
    score, index = max(scored, key=lambda pair: (pair[0], -pair[1]))
    return (LAYOUTS[index], score) if score >= RECOGNISED else (None, score)


def _allowed(key: str | None, target: ImportTarget) -> bool:
    return key is not None and field_info(key) in fields_for(target)


def suggest_mapping(
    headers: Sequence[object], target: ImportTarget, layout: Layout | None = None
) -> tuple[ColumnMapping, ...]:
    """One ColumnMapping per column: the layout's own field for a header it lists, else the
    synonym's field when it suits ``target``, else a guessed one (see ``guess_field``), else
    None."""
    return _suggest(headers, target, layout)[0]


def _suggest(
    headers: Sequence[object], target: ImportTarget, layout: Layout | None
) -> tuple[tuple[ColumnMapping, ...], tuple[int, ...]]:
    """The mapping and the columns whose field was only guessed."""
    table = {header_key(header): key for header, key in layout.columns} if layout else {}
    mapping, guessed = [], []
    for column, header in enumerate(headers):
        key = header_key(header)
        if key in table:
            field: str | None = table[key]
        else:
            field = suggest_field(header, target.value)
            if field is None and (field := guess_field(header, target.value)) is not None:
                guessed.append(column)
            if not _allowed(field, target):
                field = None
        mapping.append(ColumnMapping(column=column, header=_header_text(header), field=field))
    kept = tuple(column for column in guessed if mapping[column].field is not None)
    return tuple(mapping), kept


def _shared_single_values(mapping: Sequence[ColumnMapping]) -> tuple[int, ...]:
    """Columns on a field that takes one value from several columns (not a joined text):
    only one of them counts for each row, so the user should look."""
    uses = Counter(m.field for m in mapping if m.field)
    return tuple(
        m.column for m in mapping
        if m.field and uses[m.field] > 1 and m.field not in JOIN_WITH and m.field != TAGS
    )


def recognise(headers: Sequence[str]) -> LayoutGuess:
    """The known layout these headers belong to, else a synonym-based suggestion (whose
    guessed and shared columns are marked unsure)."""
    layout, score = best_layout(headers)
    if layout is not None:
        mapping = suggest_mapping(headers, layout.target, layout)
        return LayoutGuess(layout.layout_id, layout.name, layout.target, mapping, score)
    target, target_score = _target_from_synonyms(headers)
    chosen = target or ImportTarget.CUSTOMERS
    mapping, guessed = _suggest(headers, chosen, None)
    unsure = tuple(sorted(set(guessed) | set(_shared_single_values(mapping))))
    return LayoutGuess(None, UNKNOWN_LAYOUT_NAME, chosen, mapping, target_score, unsure)


def _own_field(header: object, target: ImportTarget) -> bool:
    """True when the header suggests a field that belongs to ``target`` itself."""
    key = suggest_field(header, target.value)
    return key is not None and field_info(key).target is target


def _target_from_synonyms(headers: Sequence[object]) -> tuple[ImportTarget | None, float]:
    named = [header for header in headers if header_key(header)]
    if not named:
        return None, 0.0
    counts = {
        target: sum(_own_field(header, target) for header in named) for target in ImportTarget
    }
    order_no = any(suggest_field(header, "orders") == "order.order_no" for header in named)
    feedback_text = any(
        suggest_field(header, "feedback") in _FEEDBACK_CORE for header in named
    )
    customer_fields = counts[ImportTarget.CUSTOMERS]
    candidates: list[tuple[int, ImportTarget]] = []
    if order_no and counts[ImportTarget.ORDERS] >= 2:
        candidates.append((counts[ImportTarget.ORDERS], ImportTarget.ORDERS))
    if feedback_text and counts[ImportTarget.FEEDBACK] >= 2:
        candidates.append((counts[ImportTarget.FEEDBACK], ImportTarget.FEEDBACK))
    if customer_fields >= 2:
        candidates.append((customer_fields, ImportTarget.CUSTOMERS))
    if not candidates:
        return None, 0.0
    hits, target = max(candidates, key=lambda pair: pair[0])
    mapped = hits if target is ImportTarget.CUSTOMERS else hits + customer_fields
    return target, round(min(1.0, mapped / len(named)), 3)


def suggest_target(headers: Sequence[object]) -> tuple[ImportTarget | None, float]:
    """Whether a sheet with these headers looks like customers, orders or feedback, and how
    sure that is (0..1); (None, 0.0) when it looks like none of them."""
    layout, score = best_layout(headers)
    if layout is not None:
        return layout.target, round(score, 3)
    return _target_from_synonyms(headers)
