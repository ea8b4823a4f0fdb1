"""What the window says when something goes wrong: translated, never a traceback.

Errors carry an English source text with ``{placeholders}`` (``desktop.core.errors``); they
are translated here under the context ``"errors"``, and so are the parameters that are
themselves source texts (a field name, a problem, a role). Anything else that escapes to the
UI becomes one generic, translated sentence; only its type name goes to the log, since an
exception's message may carry personal data.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from desktop.core.audit_words import ROLE_LABELS, action_words, role_words
from desktop.core.errors import ShopVaultError
from desktop.core.roles import Role

log = logging.getLogger(__name__)

CONTEXT = "errors"

# Parameters whose values are English source texts, translated like the message itself
# (``action`` is a ``Permission`` value). tools/update_translations.py extracts them all.
_TEXT_PARAMS = frozenset({"field", "problem", "action"})
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_FULL_WIDTH_END = ("。", "！", "？", "：")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def translate_text(text: str) -> str:
    """Translate one source text; a text of several sentences that is not in the catalogue
    as a whole (problems are often joined, e.g. two password problems) is translated
    sentence by sentence."""
    translated = _tr(text)
    if translated != text:
        return translated
    sentences = _SENTENCE_END.split(text.strip())
    if len(sentences) < 2:
        return translated
    return _join([_tr(sentence) for sentence in sentences])


def translated_problems(problems: Iterable[str]) -> list[str]:
    """``password_problems()``-style lists of source texts, translated one by one."""
    return [translate_text(problem) for problem in problems]


def joined_problems(problems: Iterable[str]) -> str:
    return _join(translated_problems(problems))


def _join(parts: list[str]) -> str:
    text = ""
    for part in parts:
        if text and not text.endswith(_FULL_WIDTH_END):
            text += " "
        text += part
    return text


def role_name(role: Role | str) -> str:
    """A role as people call it, translated (the words of ``desktop.core.audit_words``, which
    exports use too; tools/update_translations.py collects them under context ``roles``)."""
    return role_words(role.value if isinstance(role, Role) else str(role), _role_tr)


def _role_tr(text: str) -> str:
    return QCoreApplication.translate("roles", text)


def actor_name(actor: str) -> str:
    """``wang (owner)`` as the audit log names users, with the role translated and in the
    language's own brackets: "wang (Owner)", "wang（店主）". Any other actor (``system``, a
    bare user name) is shown as it is."""
    name, bracket, rest = actor.rpartition(" (")
    role = rest.removesuffix(")")
    if not bracket or role == rest or role not in ROLE_LABELS:
        return actor
    return QCoreApplication.translate("roles", "{name} ({role})").format(
        name=name, role=role_name(role))


def audit_action_name(action: str) -> str:
    """An audit action code in words (unknown codes as they are), context ``AuditWords``."""
    return action_words(action, lambda text: QCoreApplication.translate("AuditWords", text))


def error_text(error: ShopVaultError) -> str:
    """The error's message in the UI language, its parameters filled in."""
    params: dict[str, object] = {}
    for name, value in error.params.items():
        if name in _TEXT_PARAMS and isinstance(value, str):
            params[name] = translate_text(value)
        elif name == "role":
            params[name] = role_name(str(value))
        else:
            params[name] = value
    template = _tr(error.message)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        # A broken translation must not hide the error: fall back to the English source.
        log.warning("Translation of %s does not fit its parameters", type(error).__name__)
        try:
            return error.message.format(**params)
        except (KeyError, IndexError, ValueError):
            return error.message


def generic_error_text() -> str:
    return QCoreApplication.translate(
        "errors",
        "Something went wrong. Please try again; if it keeps happening, restart ShopVault.",
    )


def describe_error(error: BaseException) -> str:
    """Text for any exception that reached the UI: ShopVault errors as themselves, anything
    else as a generic message (its type name is logged, never its text)."""
    if isinstance(error, ShopVaultError):
        return error_text(error)
    log.error("Unexpected error reached the window: %s", type(error).__qualname__)
    return generic_error_text()
