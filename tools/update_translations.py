"""Regenerate ShopVault's translations from the sources, or check that they are complete.

    uv run python tools/update_translations.py          # update .ts from sources, build .qm
    uv run python tools/update_translations.py --check  # change nothing; exit 1 if stale

Update: ``pyside6-lupdate`` scans the sources (below) and merges new or changed strings into
``resources/translations/shopvault_<lang>.ts`` (strings gone from the code are dropped); then
``pyside6-lrelease`` builds the ``.qm`` the app loads. The English catalogue
(``shopvault_en.ts``) holds only the plural messages (``lupdate -pluralonly``): the sources
are English, but ``tr("%n row(s)", "", n)`` needs "1 row" / "%n rows" written out.
Translate new strings (marked ``type="unfinished"``) in Qt Linguist (``pyside6-linguist``)
or any editor, then run it again.

Check (for CI): fails when a source string is missing from a ``.ts`` or left over in it, a
message is unfinished or empty, a translation drops a ``{placeholder}`` or the ``&`` shortcut
of its source, a plural form still reads "(s)", or the committed ``.qm`` differs from what
lrelease builds from the ``.ts`` (compared by content, since a fresh clone does not keep
file times).

Sources scanned: every ``.py`` under ``desktop/ui``, ``desktop/app.py``, and any other ``.py``
under ``desktop/`` that calls ``QCoreApplication.translate`` or ``QT_TRANSLATE_NOOP``. To add
strings that are not in Qt calls, add an extractor to ``EXTRACTORS``: it returns
``(context, text)`` pairs, which are written to a generated stub of ``QT_TRANSLATE_NOOP`` calls
that lupdate scans too. The ``errors`` extractor (``error_texts``) collects, with ``ast``, the
texts ``desktop.ui.error_text`` translates: error messages, problem texts and field names from
``desktop/core``, ``services``, ``security`` and ``store`` (see the comment above it). The
``exportfile`` extractor collects the texts written into exported files (context
``ExportFile``; see the comment above ``export_file_texts``).
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from defusedxml import ElementTree as ET

# A sibling module: found because Python puts this script's folder on sys.path.
from translation_error_texts import ERROR_CONTEXT as ERROR_CONTEXT
from translation_error_texts import ERROR_SCAN_DIRS as ERROR_SCAN_DIRS
from translation_error_texts import EXTRACTOR_WARNINGS, error_texts

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS_DIR = ROOT / "resources" / "translations"
BASENAME = "shopvault"
LANGUAGES = ("zh_CN", "en")
PLURAL_ONLY_LANGUAGES = frozenset({"en"})
"""The source texts are English, so the English catalogue holds only the plural messages
(``tr("%n row(s)", "", n)``): their English forms, "1 row" / "%n rows"."""

SOURCE_DIRS = ("desktop/ui",)
SOURCE_FILES = ("desktop/app.py",)
SCAN_ROOT = "desktop"
TRANSLATE_MARKERS = ("QCoreApplication.translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP")
GENERATED_DIR = Path("build") / "translations"  # under the root; git-ignored extractor stubs

Extractor = Callable[[Path], Iterable[tuple[str, str]]]

PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
MNEMONIC = re.compile(r"&(?!&)\S")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    translations: tuple[str, ...]
    kind: str  # "" when finished, else "unfinished", "vanished", "obsolete"
    numerus: bool = False

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)


def ts_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"{BASENAME}_{language}.ts"


def qm_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"{BASENAME}_{language}.qm"


def source_files(root: Path = ROOT) -> list[Path]:
    """Files lupdate scans, relative to ``root``, sorted and without duplicates."""
    found: set[Path] = set()
    for directory in SOURCE_DIRS:
        found.update(p for p in (root / directory).rglob("*.py") if p.is_file())
    found.update(root / name for name in SOURCE_FILES if (root / name).is_file())
    for path in (root / SCAN_ROOT).rglob("*.py"):
        text = path.read_text(encoding="utf-8", errors="replace")
        if any(marker in text for marker in TRANSLATE_MARKERS):
            found.add(path)
    return sorted(p.relative_to(root) for p in found)


# ---------------------------------------------------------------- extractor: translate helpers
#
# lupdate only sees ``tr("…")`` / ``translate("Context", "…")`` with literal texts. A small
# helper such as ``def _tr(text): return QCoreApplication.translate("CustomerDialog", text)``
# hides its callers' texts from it, so this extractor finds such helpers (a function whose
# body calls ``translate`` with a literal context and one of its own parameters as the text)
# and collects the literal texts passed to them in the same module.


def _translate_helpers(tree: ast.Module) -> dict[str, tuple[str, int]]:
    """Helper name → (context, position of its text parameter)."""
    helpers: dict[str, tuple[str, int]] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        params = [a.arg for a in (*node.args.posonlyargs, *node.args.args)]
        if params and params[0] in ("self", "cls"):
            params = params[1:]
        for call in ast.walk(node):
            if (
                isinstance(call, ast.Call)
                and (getattr(call.func, "attr", None) or getattr(call.func, "id", None))
                == "translate"
                and len(call.args) >= 2
                and isinstance(call.args[0], ast.Constant)
                and isinstance(call.args[0].value, str)
                and isinstance(call.args[1], ast.Name)
                and call.args[1].id in params
            ):
                helpers[node.name] = (call.args[0].value, params.index(call.args[1].id))
    return helpers


def _literal_texts(node: ast.expr) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if node.value else []
    if isinstance(node, ast.IfExp):
        return _literal_texts(node.body) + _literal_texts(node.orelse)
    return []


def helper_texts(root: Path) -> list[tuple[str, str]]:
    """``(context, text)`` for the literal texts given to translate helpers in the sources."""
    found: set[tuple[str, str]] = set()
    for relative in source_files(root):
        tree = ast.parse((root / relative).read_text(encoding="utf-8"), filename=str(relative))
        helpers = _translate_helpers(tree)
        if not helpers:
            continue
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            name = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
            if name in helpers:
                context, position = helpers[name]
                if position < len(call.args):
                    found.update((context, text) for text in _literal_texts(call.args[position]))
    return sorted(found)


# ---------------------------------------------------------------- extractor: "exportfile"
#
# The texts written into exported files (sheet names, headers, cover lines, the words for
# codes such as an order status) are English sources in ``desktop/services``, translated by
# the translator the UI passes (``desktop.ui.pages.export_scope.file_text``, context
# ``ExportFile``). They are the literal ``tr("…")`` texts of the export modules, plus what
# ``desktop.services.exports_texts.export_source_texts()`` lists (column labels, titles,
# code labels: values that reach ``tr`` through variables). tests/ui/test_export_language.py
# records what a real export asks for and checks it is all in the catalogue.

EXPORT_FILE_CONTEXT = "ExportFile"
EXPORT_MODULES = "desktop/services/exports*.py"


def export_file_texts(root: Path) -> list[tuple[str, str]]:
    """``("ExportFile", text)`` for every English text an exported file may hold."""
    found: set[str] = set()
    for path in sorted(root.glob(EXPORT_MODULES)):
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if (
                isinstance(call, ast.Call)
                and (getattr(call.func, "id", None) or getattr(call.func, "attr", None)) == "tr"
                and call.args
            ):
                found.update(_literal_texts(call.args[0]))
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    from desktop.services.exports_texts import export_source_texts

    found.update(export_source_texts())
    return [(EXPORT_FILE_CONTEXT, text) for text in sorted(found)]


# ---------------------------------------------------------------- extractor: "auditwords"
#
# Role names and audit action labels live in one English table in
# ``desktop.core.audit_words``: the UI translates roles in context ``roles`` and actions in
# ``AuditWords``; exported files use the same English words through ``export_source_texts``.


def audit_word_texts(root: Path) -> list[tuple[str, str]]:
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    from desktop.core.audit_words import AUDIT_ACTION_LABELS, ROLE_LABELS

    found = {("roles", label) for label in ROLE_LABELS.values()}
    found.update(("AuditWords", label) for label in AUDIT_ACTION_LABELS.values())
    return sorted(found)


# (name, function(project root) -> [(context, source text), ...]); see the module docstring.
EXTRACTORS: tuple[tuple[str, Extractor], ...] = (
    ("errors", error_texts),
    ("helpers", helper_texts),
    ("exportfile", export_file_texts),
    ("auditwords", audit_word_texts),
)


def write_extractor_stubs(root: Path = ROOT) -> list[Path]:
    """Write one ``QT_TRANSLATE_NOOP`` stub per extractor; return them relative to ``root``."""
    stubs = []
    for name, extract in EXTRACTORS:
        lines = [f"# Generated by tools/update_translations.py from extractor {name!r}."]
        for context, text in extract(root):
            literals = (json.dumps(s, ensure_ascii=False) for s in (context, text))
            lines.append(f"QT_TRANSLATE_NOOP({', '.join(literals)})")
        stub = root / GENERATED_DIR / f"{name}.py"
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text("\n".join(lines) + "\n", encoding="utf-8")
        stubs.append(stub.relative_to(root))
    return stubs


def find_tool(name: str) -> str:
    """A PySide6 tool from this interpreter's environment first, then from PATH."""
    here = Path(sys.executable).parent
    tool = shutil.which(name, path=str(here)) or shutil.which(name)
    if tool is None:
        sys.exit(f"{name} not found: run this with the project's environment (uv run python …)")
    return tool


def run_lupdate(
    sources: list[Path], ts_file: Path, *, quiet: bool = False, plural_only: bool = False
) -> None:
    command = [
        find_tool("pyside6-lupdate"),
        *(str(s) for s in sources),
        "-ts",
        str(ts_file),
        "-no-obsolete",
        "-locations",
        "relative",
        "-source-language",
        "en",
    ]
    if plural_only:
        command.append("-pluralonly")
    if quiet:
        command.append("-silent")
    subprocess.run(command, cwd=ROOT, check=True)  # noqa: S603 - our tool, our arguments


def run_lrelease(ts_file: Path, qm_file: Path, *, quiet: bool = False) -> None:
    command = [find_tool("pyside6-lrelease"), "-nounfinished", str(ts_file), "-qm", str(qm_file)]
    if quiet:
        command.append("-silent")
    subprocess.run(command, cwd=ROOT, check=True)  # noqa: S603 - our tool, our arguments


def read_messages(ts_file: Path) -> list[Message]:
    messages = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        context_name = context.findtext("name", default="")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                texts: tuple[str, ...] = ()
                kind = "unfinished"
            else:
                forms = translation.findall("numerusform")
                texts = tuple(f.text or "" for f in forms) if forms else (translation.text or "",)
                kind = translation.get("type", "")
            messages.append(
                Message(
                    context=context_name,
                    source=message.findtext("source", default=""),
                    comment=message.findtext("comment", default=""),
                    translations=texts,
                    kind=kind,
                    numerus=message.get("numerus") == "yes",
                )
            )
    return messages


def message_problems(messages: Iterable[Message]) -> list[str]:
    """Unfinished, empty or inconsistent translations, one line each."""
    problems = []
    for m in messages:
        where = f"[{m.context}] {m.source!r}"
        if m.kind:
            problems.append(f"{where}: {m.kind}")
            continue
        if not m.translations or not all(t.strip() for t in m.translations):
            problems.append(f"{where}: empty translation")
            continue
        if m.numerus and any("(s)" in text for text in m.translations):
            problems.append(f"{where}: a plural form still reads '(s)': {m.translations}")
        wanted = set(PLACEHOLDER.findall(m.source))
        for text in m.translations:
            if set(PLACEHOLDER.findall(text)) != wanted:
                problems.append(f"{where}: placeholders {sorted(wanted)} not kept in {text!r}")
            if MNEMONIC.search(m.source) and not MNEMONIC.search(text):
                problems.append(f"{where}: keyboard shortcut (&) missing in {text!r}")
    return problems


def check_language(language: str, sources: list[Path], workdir: Path) -> list[str]:
    ts_file, qm_file = ts_path(language), qm_path(language)
    if not ts_file.is_file():
        return [f"{ts_file.relative_to(ROOT)} is missing: run tools/update_translations.py"]
    problems = []
    committed = read_messages(ts_file)

    updated_ts = workdir / ts_file.name
    shutil.copyfile(ts_file, updated_ts)
    run_lupdate(sources, updated_ts, quiet=True,
                plural_only=language in PLURAL_ONLY_LANGUAGES)
    updated = read_messages(updated_ts)
    new = {m.key for m in updated} - {m.key for m in committed}
    gone = {m.key for m in committed} - {m.key for m in updated}
    problems += [f"[{c}] {s!r}: in the sources but not in {ts_file.name}" for c, s, _ in new]
    problems += [f"[{c}] {s!r}: in {ts_file.name} but no longer in the sources" for c, s, _ in gone]
    problems += message_problems(m for m in updated if m.key not in new)

    built_qm = workdir / qm_file.name
    run_lrelease(ts_file, built_qm, quiet=True)
    if not qm_file.is_file():
        problems.append(f"{qm_file.relative_to(ROOT)} is missing")
    elif qm_file.read_bytes() != built_qm.read_bytes():
        problems.append(f"{qm_file.relative_to(ROOT)} is stale: it was not built from the .ts")
    return problems


def check(sources: list[Path]) -> int:
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="shopvault-i18n-") as tmp:
        for language in LANGUAGES:
            problems += [f"{language}: {p}" for p in check_language(language, sources, Path(tmp))]
    if problems:
        print("Translations are not up to date:", *problems, sep="\n  ", file=sys.stderr)
        print(
            "Fix: uv run python tools/update_translations.py, translate, run it again.",
            file=sys.stderr,
        )
        return 1
    print(f"Translations complete and built ({', '.join(LANGUAGES)}).")
    return 0


def update(sources: list[Path]) -> int:
    TRANSLATIONS_DIR.mkdir(parents=True, exist_ok=True)
    for warning in dict.fromkeys(EXTRACTOR_WARNINGS):
        print(f"warning: {warning}", file=sys.stderr)
    for language in LANGUAGES:
        run_lupdate(sources, ts_path(language), plural_only=language in PLURAL_ONLY_LANGUAGES)
        run_lrelease(ts_path(language), qm_path(language))
        todo = message_problems(read_messages(ts_path(language)))
        if todo:
            print(
                f"{language}: {len(todo)} message(s) still to translate or fix:", *todo, sep="\n  "
            )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; exit 1 if translations are incomplete or stale",
    )
    args = parser.parse_args(argv)
    sources = source_files() + write_extractor_stubs()
    return check(sources) if args.check else update(sources)


if __name__ == "__main__":
    sys.exit(main())
