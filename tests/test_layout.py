"""The package's layout: no import cycles, imports at the top of each module, ``__all__`` everywhere,
and every module importable on its own.

The modules are read with ``ast``, not imported (except in the last test), so a module that would
fail to import is still checked.
"""

import ast
import json
import os
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src"
PACKAGE = SOURCE / "analysis"


def _module_name(path: Path) -> str:
    parts = path.relative_to(SOURCE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}
PACKAGES = {name for name, path in MODULES.items() if path.name == "__init__.py"}


@cache
def _tree(name: str) -> ast.Module:
    return ast.parse(MODULES[name].read_text(encoding="utf-8"), filename=str(MODULES[name]))


def _where(name: str, node: ast.AST) -> str:
    return f"{MODULES[name].relative_to(ROOT)}:{node.lineno}"


def _is_type_checking(node: ast.AST) -> bool:
    """Whether ``node`` is ``if TYPE_CHECKING:`` (or ``if typing.TYPE_CHECKING:``)."""
    if not isinstance(node, ast.If):
        return False
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.Module):
    """Yield ``(node, inside)`` for every import in ``tree`` outside ``if TYPE_CHECKING:`` blocks,
    ``inside`` being the innermost function or class around it (None at module level)."""

    def walk(node, inside):
        for child in ast.iter_child_nodes(node):
            if _is_type_checking(child):
                for orelse in child.orelse:  # the else branch runs
                    yield from walk_one(orelse, inside)
                continue
            yield from walk_one(child, inside)

    def walk_one(node, inside):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node, inside
        scope = node if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)) else inside
        yield from walk(node, scope)

    yield from walk(tree, None)


def _absolute(name: str, node: ast.ImportFrom) -> str:
    """The module a ``from ... import`` names, relative imports resolved against module ``name``."""
    if not node.level:
        return node.module or ""
    package = name if name in PACKAGES else name.rpartition(".")[0]
    for _ in range(node.level - 1):
        package = package.rpartition(".")[0]
    return f"{package}.{node.module}" if node.module else package


def _reexports(package: str) -> dict[str, tuple[str, str]] | None:
    """For a package whose ``__init__`` only re-exports names from the package's own modules (a
    docstring, ``from <its submodule> import ...``, ``__all__`` and ``__version__``, nothing else),
    return ``{name: (the submodule it comes from, its name there)}``; None for a package with code of
    its own."""
    names = {}
    for node in _tree(package).body:
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            continue
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and [getattr(t, "id", None) for t in
                                                               (node.targets if isinstance(node, ast.Assign) else [node.target])] == ["__all__"]:
            continue
        if isinstance(node, ast.ImportFrom):
            source = _absolute(package, node)
            if source.startswith(package + ".") and source in MODULES:
                names.update({alias.asname or alias.name: (source, alias.name) for alias in node.names})
                continue
        if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["__version__"]:
            continue
        return None
    return names


REEXPORTS = {package: _reexports(package) for package in sorted(PACKAGES)}


def _origin(package: str, name: str) -> str:
    """The module that a re-exporting package's ``name`` comes from, followed through packages that
    re-export it in turn (``analysis`` → ``analysis.corpus`` → ``analysis.corpus.load``)."""
    source, original = REEXPORTS[package][name]
    if f"{source}.{original}" in MODULES:  # the name is a submodule
        return f"{source}.{original}"
    if REEXPORTS.get(source) and original in REEXPORTS[source]:
        return _origin(source, original)
    return source


def _targets(name: str, node: ast.Import | ast.ImportFrom) -> set[str]:
    """The package's modules that an import statement in module ``name`` depends on.

    ``from analysis.x import y`` depends on module ``analysis.x.y`` where that is a module, else on
    ``analysis.x``. A package whose ``__init__`` only re-exports its own modules' names is looked
    through: ``from analysis.x import f`` depends on the module of ``analysis.x`` that defines ``f``,
    so that the re-export does not make a cycle between the package and its own modules.
    """
    found = set()
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name == "analysis" or alias.name.startswith("analysis."):
                found.add(alias.name)
        return {target for target in found if target in MODULES}
    source = _absolute(name, node)
    if source != "analysis" and not source.startswith("analysis."):
        return set()
    for alias in node.names:
        if f"{source}.{alias.name}" in MODULES:
            found.add(f"{source}.{alias.name}")
        elif REEXPORTS.get(source) and alias.name in REEXPORTS[source]:
            found.add(_origin(source, alias.name))
        elif source in MODULES:
            found.add(source)
    return found


def import_graph() -> dict[str, set[str]]:
    """``{module: the package's modules it imports}``, for every module under src/analysis; imports
    inside functions count (they are dependencies all the same), ``if TYPE_CHECKING:`` ones do not."""
    graph = {}
    for name in MODULES:
        edges = set()
        for node, _ in _imports(_tree(name)):
            edges |= _targets(name, node)
        edges.discard(name)
        graph[name] = edges
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One shortest cycle for each strongly connected group of modules, as a chain a → b → … → a."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def connect(node):  # Tarjan's algorithm
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            connect(node)

    cycles = []
    for group in groups:
        start = min(group)
        # breadth-first from start back to start, within the group: the shortest cycle through it
        paths, seen = [[start]], {start}
        while paths:
            path = paths.pop(0)
            targets = sorted(graph[path[-1]] & group)
            if start in targets:
                cycles.append(path + [start])
                break
            for target in targets:
                if target not in seen:
                    seen.add(target)
                    paths.append(path + [target])
    return cycles


def test_the_cycle_finder_finds_a_cycle_and_its_chain():
    assert find_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert find_cycles({"a": {"b"}, "b": set()}) == []


def test_import_targets_resolve_modules_and_look_through_reexporting_packages():
    graph = import_graph()
    assert "analysis.plots" in REEXPORTS and REEXPORTS["analysis.plots"]  # plots/__init__ only re-exports
    # the root package re-exports load_corpus from its corpus.load module
    assert _origin("analysis", "load_corpus") == "analysis.corpus.load"
    assert all(target in MODULES for targets in graph.values() for target in targets)


def test_no_import_cycles():
    cycles = find_cycles(import_graph())
    assert not cycles, "import cycles:\n" + "\n".join(" → ".join(cycle) for cycle in cycles)


def test_every_import_is_at_module_level():
    offenders = []
    for name in MODULES:
        for node, inside in _imports(_tree(name)):
            if inside is not None:
                what = ", ".join(alias.name for alias in node.names)
                source = f"from {'.' * getattr(node, 'level', 0)}{getattr(node, 'module', '') or ''} " \
                    if isinstance(node, ast.ImportFrom) else ""
                offenders.append(f"{_where(name, node)} in {inside.name if hasattr(inside, 'name') else 'lambda'}(): "
                                 f"{source}import {what}")
    assert not offenders, f"{len(offenders)} imports inside a function or class:\n" + "\n".join(offenders)


def _module_level_names(tree: ast.Module) -> tuple[set[str], bool]:
    """The names a module binds at module level, and whether it has a ``from ... import *``."""
    names, star = set(), False

    def bind(target):
        if isinstance(target, ast.Name):
            names.add(target.id)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                bind(element)
        elif isinstance(target, ast.Starred):
            bind(target.value)

    def visit(body):
        nonlocal star
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    bind(target)
            elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
                bind(node.target)
            elif isinstance(node, ast.Import):
                names.update(alias.asname or alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if alias.name == "*":
                        star = True
                    names.add(alias.asname or alias.name)
            elif isinstance(node, (ast.For, ast.AsyncFor, ast.With, ast.AsyncWith)):
                if hasattr(node, "target"):
                    bind(node.target)
                for item in getattr(node, "items", []):
                    if item.optional_vars is not None:
                        bind(item.optional_vars)
                visit(node.body)
                visit(getattr(node, "orelse", []))
            elif isinstance(node, ast.If):
                visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try) or type(node).__name__ == "TryStar":
                visit(node.body)
                for handler in node.handlers:
                    if handler.name:
                        names.add(handler.name)
                    visit(handler.body)
                visit(node.orelse)
                visit(node.finalbody)
            elif isinstance(node, ast.Expr) and isinstance(node.value, ast.NamedExpr):
                bind(node.value.target)
    visit(tree.body)
    return names, star


def _declared_all(tree: ast.Module) -> list[str] | None:
    """The names in the module's ``__all__`` (its ``=``, ``+=`` and ``.extend`` of literal strings),
    None when it has none."""
    declared = None
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(target, ast.Name) and target.id == "__all__" for target in targets):
                values = list(ast.literal_eval(node.value))  # a computed __all__ fails here: write it out
                declared = (declared or []) + values if isinstance(node, ast.AugAssign) else values
        elif (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
              and isinstance(node.value.func, ast.Attribute) and node.value.func.attr == "extend"
              and getattr(node.value.func.value, "id", None) == "__all__"):
            declared = (declared or []) + list(ast.literal_eval(node.value.args[0]))
    return declared


def test_every_module_defines_all_and_every_name_in_it_exists():
    missing_all, missing_names = [], []
    for name in MODULES:
        tree = _tree(name)
        declared = _declared_all(tree)
        if declared is None:
            missing_all.append(f"{MODULES[name].relative_to(ROOT)} ({name})")
            continue
        bound, star = _module_level_names(tree)
        absent = [item for item in declared if item not in bound and not (name in PACKAGES and f"{name}.{item}" in MODULES)]
        if absent and not star:
            missing_names.append(f"{MODULES[name].relative_to(ROOT)}: {', '.join(absent)}")
    message = []
    if missing_all:
        message.append(f"{len(missing_all)} modules without __all__:\n  " + "\n  ".join(missing_all))
    if missing_names:
        message.append("names in __all__ that the module does not define:\n  " + "\n  ".join(missing_names))
    assert not message, "\n".join(message)


# analysis.__main__ runs the command line when imported (`python -m analysis`): not imported here.
IMPORTABLE = [name for name in MODULES if name != "analysis.__main__"]

# One fresh interpreter imports the libraries the package imports (never the package itself), then
# forks a child per module that imports that module alone: each module starts from no module of the
# package, as in its own interpreter, without paying pandas' and scikit-learn's import 80 times.
FORK_IMPORTS = r"""
import importlib, json, os, sys

for library in sys.argv[1].split(","):
    try:
        importlib.import_module(library)
    except Exception:
        pass
assert not [name for name in sys.modules if name == "analysis" or name.startswith("analysis.")]
errors = {}
for name in sys.argv[2:]:
    read, write = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(read)
        try:
            module = importlib.import_module(name)
            missing = [item for item in getattr(module, "__all__", []) if not hasattr(module, item)]
            message = f"__all__ names that the module lacks: {missing}" if missing else ""
        except BaseException as error:
            message = f"{type(error).__name__}: {error}"
        os.write(write, message.encode("utf-8"))
        os._exit(0)
    os.close(write)
    received = b""
    while chunk := os.read(read, 65536):
        received += chunk
    os.close(read)
    _, status = os.waitpid(child, 0)
    message = received.decode("utf-8") or ("" if status == 0 else f"the import ended the process (status {status})")
    if message:
        errors[name] = message
print("\n" + json.dumps(errors))
"""


def _libraries() -> list[str]:
    """The modules outside the package that its modules import at module level."""
    found = set()
    for name in MODULES:
        for node, inside in _imports(_tree(name)):
            if inside is not None or (isinstance(node, ast.ImportFrom) and node.level):
                continue
            for module in ([alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module]):
                if module and module.split(".")[0] != "analysis":
                    found.add(module)
    return sorted(found)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (Linux, macOS)")
def test_every_module_imports_on_its_own_in_a_fresh_interpreter():
    environment = {**os.environ, "MPLBACKEND": "Agg"}
    done = subprocess.run([sys.executable, "-c", FORK_IMPORTS, ",".join(_libraries()), *IMPORTABLE],
                          capture_output=True, text=True, timeout=600, env=environment, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    errors = json.loads(done.stdout.strip().splitlines()[-1])
    failed = [f"{name}: {error}" for name, error in errors.items()]
    assert not failed, f"{len(failed)} modules fail to import on their own:\n" + "\n".join(failed)
