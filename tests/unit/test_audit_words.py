"""One table of words for audit actions and roles, shared by the UI and exported files."""

from __future__ import annotations

import re
from pathlib import Path

from desktop.core.audit_words import (
    ACTOR_FORMAT,
    AUDIT_ACTION_LABELS,
    action_words,
    actor_words,
    role_words,
)

ROOT = Path(__file__).resolve().parents[2]
# An audit entry is written as trail.record(actor, "action", …), trail.append(…) or a
# service's own _audit(session, "action", …) / record(session, "action", …).
_WRITES = re.compile(
    r"\.(?:record|append|_audit)\(\s*(?:[\w.]+(?:\([^)]*\))?|f\"[^\"]*\"),\s*\"([a-z_.]+)\""
)


def audit_actions_in_the_sources() -> set[str]:
    found: set[str] = set()
    for folder in ("desktop/services", "desktop/ui"):
        for path in (ROOT / folder).rglob("*.py"):
            found.update(_WRITES.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_audit_action_the_app_writes_has_words():
    written = audit_actions_in_the_sources()
    assert {"customer.revealed", "order.added", "export.subject_copy", "login.ok"} <= written
    assert sorted(written - AUDIT_ACTION_LABELS.keys()) == []


def test_words_go_through_the_given_translate():
    def shout(text: str) -> str:
        return text.upper()

    assert action_words("customer.revealed", shout) == "REVEALED A FIELD"
    assert action_words("something.new", shout) == "something.new"  # unknown: as stored
    assert role_words("owner", shout) == "OWNER" and role_words("guest", shout) == "guest"


def test_an_actor_is_worded_in_the_languages_own_brackets():
    chinese = {"Owner": "店主", "Staff": "店员", ACTOR_FORMAT: "{name}（{role}）"}

    def translate(text: str) -> str:
        return chinese.get(text, text)

    assert actor_words("wang (owner)", translate) == "wang（店主）"
    assert actor_words("li (staff) (staff)", translate) == "li (staff)（店员）"
    assert actor_words("wang (owner)", lambda text: text) == "wang (Owner)"
    assert actor_words("system", translate) == "system"
