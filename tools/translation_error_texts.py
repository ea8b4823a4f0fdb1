"""The ``errors`` extractor of ``update_translations.py``: every source text
``desktop.ui.error_text`` may look up, found with ``ast`` where it is written (see below)."""

from __future__ import annotations

import ast
from pathlib import Path

# ---------------------------------------------------------------- extractor: "errors"
#
# ``desktop.ui.error_text`` translates a ShopVaultError as ``translate("errors", e.message)``
# and its ``field`` / ``problem`` / ``action`` parameters as source texts of their own (a text
# of several sentences, e.g. joined password problems, sentence by sentence). Those texts
# live in plain Python below the UI, so they are found with ``ast`` where they are written:
#
#   * class-level ``message = "…"`` in any class (the ShopVaultError subclasses);
#   * the public module-level string constants (and strings in public module-level lists,
#     tuples, sets and dict values) of the problem-text modules in ERROR_CONSTANT_MODULES;
#   * whatever is passed as a ``field`` / ``problem`` argument: by keyword, positionally to a
#     function, method or dataclass of the same module whose parameter has that name
#     (``_problem(path, "…")``, ``VerifyReport(n, seq, "…")``), or as its default value;
#   * the values of field → problem maps: dict literals given to ``FieldErrors(…)``,
#     ``errors[…] = …`` / ``errors = {…}`` assignments, dicts returned by functions annotated
#     ``-> dict[str, str]``, and ``problems.append(…)`` / ``problems = […]``;
#   * the values of the enums in ERROR_ENUM_VALUES (PermissionDeniedError's ``{action}``).
#
# A value is a string literal, a module-level constant (of this module or imported from
# another scanned one), a ``+`` of those, or either branch of ``a if c else b``. Anything
# else (a variable passed through, ``str(exc.params[…])``) is a pass-through and skipped;
# an f-string cannot be translated and is reported as a warning.

ERROR_CONTEXT = "errors"
ERROR_SCAN_DIRS = (
    "desktop/core",
    "desktop/services",
    "desktop/security",
    "desktop/store",
    "desktop/exchange",
)
ERROR_CONSTANT_MODULES = (
    "desktop/core/validation.py",
    "desktop/core/password_policy.py",
    "desktop/exchange/cells.py",
    "desktop/exchange/rows.py",
    "desktop/exchange/layouts_catalog.py",
    "desktop/exchange/plan.py",
    "desktop/exchange/plan_reasons.py",
    "desktop/exchange/plan_changes.py",
    "desktop/services/imports_files.py",
)
ERROR_ENUM_VALUES = (("desktop/core/roles.py", "Permission"),)
ERROR_TEXT_PARAMS = frozenset({"field", "problem", "reason", "label"})
_ERROR_MAPS = frozenset({"errors"})  # names of field → problem dicts
_PROBLEM_LISTS = frozenset({"problems"})
EXTRACTOR_WARNINGS: list[str] = []


class _Module:
    """One parsed source file: its module-level string constants and imported names."""

    def __init__(self, root: Path, path: Path) -> None:
        self.root = root
        self.path = path
        self.tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        self.constants: dict[str, ast.expr] = {}
        self.imports: dict[str, tuple[str, str]] = {}  # alias → (dotted module, name)
        for node in self.tree.body:
            target, value = _simple_assignment(node)
            if target is not None and value is not None:
                self.constants[target] = value
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    self.imports[alias.asname or alias.name] = (node.module, alias.name)

    @property
    def where(self) -> str:
        return self.path.relative_to(self.root).as_posix()


def _simple_assignment(node: ast.stmt) -> tuple[str | None, ast.expr | None]:
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target = node.targets[0]
        return (target.id if isinstance(target, ast.Name) else None), node.value
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return node.target.id, node.value
    return None, None


class _ErrorTextFinder:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.modules: dict[Path, _Module | None] = {}
        self.found: set[str] = set()

    def module(self, path: Path) -> _Module | None:
        if path not in self.modules:
            self.modules[path] = _Module(self.root, path) if path.is_file() else None
        return self.modules[path]

    # -- values ------------------------------------------------------------------------

    def strings(self, node: ast.expr | None, module: _Module, depth: int = 0) -> list[str]:
        """The source texts an expression can evaluate to (see the comment above)."""
        if node is None or depth > 8:
            return []
        if isinstance(node, ast.Constant):
            return [node.value] if isinstance(node.value, str) and node.value.strip() else []
        if isinstance(node, ast.IfExp):
            return self.strings(node.body, module, depth + 1) + self.strings(
                node.orelse, module, depth + 1
            )
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left = self.strings(node.left, module, depth + 1)
            right = self.strings(node.right, module, depth + 1)
            return [a + b for a in left for b in right] if len(left) == len(right) == 1 else []
        if isinstance(node, ast.JoinedStr):
            EXTRACTOR_WARNINGS.append(
                f"{module.where}:{node.lineno}: an f-string error text cannot be translated; "
                "use a constant text with {placeholders}"
            )
            return []
        if isinstance(node, ast.Name):
            return self.resolve(node.id, module, depth + 1)
        return []

    def resolve(self, name: str, module: _Module, depth: int) -> list[str]:
        if name in module.constants:
            return self.strings(module.constants[name], module, depth)
        if name in module.imports:
            dotted, original = module.imports[name]
            other = self.module(self.root / (dotted.replace(".", "/") + ".py"))
            if other is not None:
                return self.resolve(original, other, depth)
        return []

    def add(self, node: ast.expr | None, module: _Module) -> None:
        self.found.update(self.strings(node, module))

    def add_values(self, node: ast.expr | None, module: _Module) -> None:
        """The values of a dict literal, the items of a list/tuple/set literal."""
        if isinstance(node, ast.Dict):
            for value in node.values:
                self.add(value, module)
        elif isinstance(node, ast.List | ast.Tuple | ast.Set):
            for item in node.elts:
                self.add(item, module)

    # -- positions ---------------------------------------------------------------------

    def scan(self, module: _Module) -> None:
        signatures = _signatures(module.tree)
        for node in ast.walk(module.tree):
            if isinstance(node, ast.ClassDef):
                for statement in node.body:
                    target, value = _simple_assignment(statement)
                    if target == "message":
                        self.add(value, module)
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                self.scan_function(node, module)
            elif isinstance(node, ast.Call):
                self.scan_call(node, module, signatures)
            elif isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    self.scan_assignment(target, node.value, module)

    def scan_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef, module: _Module) -> None:
        arguments = node.args
        positional = [*arguments.posonlyargs, *arguments.args]
        defaults = [None] * (len(positional) - len(arguments.defaults)) + arguments.defaults
        pairs = [*zip(positional, defaults, strict=True)]
        pairs += zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True)
        for argument, default in pairs:
            if argument.arg in ERROR_TEXT_PARAMS:
                self.add(default, module)
        if node.returns is not None and ast.unparse(node.returns) == "dict[str, str]":
            for inner in ast.walk(node):
                if isinstance(inner, ast.Return):
                    self.add_values(inner.value, module)

    def scan_call(self, node: ast.Call, module: _Module, signatures: dict[str, set[int]]) -> None:
        for keyword in node.keywords:
            if keyword.arg in ERROR_TEXT_PARAMS:
                self.add(keyword.value, module)
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        for index in signatures.get(name or "", ()):
            if index < len(node.args):
                self.add(node.args[index], module)
        if name == "FieldErrors" and node.args:
            self.add_values(node.args[0], module)
        if (
            name == "append"
            and isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id in _PROBLEM_LISTS
            and node.args
        ):
            self.add(node.args[0], module)

    def scan_assignment(self, target: ast.expr, value: ast.expr | None, module: _Module) -> None:
        if isinstance(target, ast.Tuple | ast.List):
            if isinstance(value, ast.Tuple | ast.List) and len(value.elts) == len(target.elts):
                for sub_target, sub_value in zip(target.elts, value.elts, strict=True):
                    self.scan_assignment(sub_target, sub_value, module)
        elif isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
            if target.value.id in _ERROR_MAPS:
                self.add(value, module)
        elif isinstance(target, ast.Name) and target.id in _ERROR_MAPS | _PROBLEM_LISTS:
            self.add_values(value, module)

    def scan_constants(self, module: _Module) -> None:
        for name, value in module.constants.items():
            if not name.startswith("_"):
                self.add(value, module)
                self.add_values(value, module)

    def scan_enum(self, module: _Module, class_name: str) -> None:
        for node in module.tree.body:
            if isinstance(node, ast.ClassDef) and node.name == class_name:
                for statement in node.body:
                    target, value = _simple_assignment(statement)
                    if target is not None and not target.startswith("_"):
                        self.add(value, module)


def _signatures(tree: ast.Module) -> dict[str, set[int]]:
    """Callable name → positions of its ``field``/``problem`` parameters, for the functions,
    methods (``self`` not counted) and dataclasses defined in this module."""
    positions: dict[str, set[int]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            names = [a.arg for a in (*node.args.posonlyargs, *node.args.args)]
            if names and names[0] in ("self", "cls"):
                names = names[1:]
        elif isinstance(node, ast.ClassDef) and any(
            "dataclass" in ast.unparse(d) for d in node.decorator_list
        ):
            names = [
                s.target.id
                for s in node.body
                if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
            ]
        else:
            continue
        wanted = {i for i, name in enumerate(names) if name in ERROR_TEXT_PARAMS}
        if wanted:
            positions.setdefault(node.name, set()).update(wanted)
    return positions


def error_texts(root: Path) -> list[tuple[str, str]]:
    """``(\"errors\", text)`` for every source text ``desktop.ui.error_text`` may look up."""
    finder = _ErrorTextFinder(root)
    for directory in ERROR_SCAN_DIRS:
        for path in sorted((root / directory).rglob("*.py")):
            module = finder.module(path)
            if module is not None:
                finder.scan(module)
    for name in ERROR_CONSTANT_MODULES:
        module = finder.module(root / name)
        if module is not None:
            finder.scan_constants(module)
    for name, class_name in ERROR_ENUM_VALUES:
        module = finder.module(root / name)
        if module is not None:
            finder.scan_enum(module, class_name)
    return [(ERROR_CONTEXT, text) for text in sorted(finder.found)]
