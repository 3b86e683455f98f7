"""The house rules that keep the project deployable and layered."""

import ast
import json
import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import TypeVar

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
LIVE = ROOT / "live"
# The project's Python packages (app.py beside them); every rule reaches into sub-packages.
PACKAGES = ("geometry", "solvers", "studies", "figures", "lessons", "ui", "pages", "data")
# A static import or re-export of a relative module: `import {a, b} from "./x.js"`,
# `import "./x.js"`, `export * from "../y/z.js"` (the clause may span lines).
_JS_IMPORT = re.compile(
    r"""^\s*(?:import|export)\s+(?:[\w$*{},\s]+?\s+from\s+)?["'](\.{1,2}/[^"']+)["']""", re.M
)
T = TypeVar("T")  # a module: a JavaScript file's path or a Python module's dotted name
# Command-line scripts run on import (they read their arguments and files): not browser modules.
_NODE_SCRIPTS = ("tools",)


def _pinned_requirements() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = re.fullmatch(r"([A-Za-z0-9_.-]+)==(\S+)", line).groups()
            pins[name.lower()] = version
    return pins


def test_requirements_pin_exactly_the_runtime_dependencies_of_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = [Requirement(spec) for spec in project["dependencies"]]
    pins = _pinned_requirements()
    assert sorted(pins) == sorted(r.name.lower() for r in requirements)
    for requirement in requirements:
        assert requirement.specifier.contains(pins[requirement.name.lower()]), requirement


def _imported_top_level_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_imports_flow_one_way_pages_figures_studies_solvers_geometry():
    forbidden = {
        "geometry": {
            "streamlit",
            "plotly",
            "solvers",
            "studies",
            "figures",
            "lessons",
            "ui",
            "pages",
        },
        "solvers": {"streamlit", "plotly", "studies", "figures", "lessons", "ui", "pages"},
        "studies": {"streamlit", "plotly", "figures", "lessons", "ui", "pages"},
        "data": {"streamlit", "plotly", "geometry", "solvers", "studies", "figures", "pages"},
        "figures": {"streamlit", "lessons", "ui", "pages"},
        # The pages' models: Streamlit-free, so that everything a page shows is testable.
        "lessons": {"streamlit", "ui", "pages"},
        "ui": {"pages"},
    }
    for package, banned in forbidden.items():
        files = sorted((ROOT / package).glob("**/*.py"))
        assert files, package
        for path in files:
            offending = _imported_top_level_modules(path) & banned
            assert not offending, f"{path.relative_to(ROOT)} imports {offending}"


def test_pages_holds_only_page_scripts_and_every_one_is_routed():
    from ui.registry import PAGES

    assert _imported_top_level_modules(ROOT / "app.py") == {"streamlit", "ui"}
    assert "navigation().run()" in (ROOT / "app.py").read_text()
    # A module in a sub-folder of pages/ would be an unrouted script too.
    scripts = {p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("**/*.py")}
    assert scripts == {page.script for page in PAGES}  # every page routed, and nothing else
    assert len({page.url_path for page in PAGES}) == len(PAGES)
    for path in (ROOT / "pages").glob("**/*.py"):
        imported = _imported_top_level_modules(path)
        assert "pages" not in imported, f"{path.name} imports another page"


def test_every_module_is_at_most_300_lines():
    for package in PACKAGES:
        for path in sorted((ROOT / package).glob("**/*.py")):
            lines = len(path.read_text().splitlines())
            assert lines <= 300, f"{path.relative_to(ROOT)} has {lines} lines"


def _project_modules() -> dict[str, Path]:
    """Every Python module of the project by dotted name (a package by its own name)."""
    modules = {"app": ROOT / "app.py"}
    for package in PACKAGES:
        for path in sorted((ROOT / package).glob("**/*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def _project_imports(name: str, path: Path, modules: dict[str, Path]) -> list[tuple[str, str]]:
    """What module ``name`` imports from the project: (module imported, name taken or "").

    ``import a.b`` gives ("a.b", ""); ``from a import b`` gives ("a.b", "") when
    ``a.b`` is a module, else ("a", "b"); relative imports are resolved against the
    importing module's package. Every import counts, inside functions and
    ``if TYPE_CHECKING:`` too.
    """
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tops = {*PACKAGES, "app"}  # figures/ has no __init__.py: a namespace package
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(a.name, "") for a in node.names if a.name.split(".")[0] in tops]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*base, *([node.module] if node.module else [])])
            else:
                base = node.module
            if base.split(".")[0] not in tops:
                continue  # __future__ and third-party packages
            for alias in node.names:
                child = f"{base}.{alias.name}"
                found.append((child, "") if child in modules else (base, alias.name))
    return found


def _import_graph() -> dict[str, set[str]]:
    modules = _project_modules()
    return {
        name: {imported for imported, _ in _project_imports(name, path, modules)}
        for name, path in modules.items()
    }


def _strongly_connected(graph: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's strongly connected components of ``graph`` (every vertex in one)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    components: list[set[str]] = []

    def visit(vertex: str) -> None:
        index[vertex] = low[vertex] = len(index)
        stack.append(vertex)
        for target in sorted(graph.get(vertex, ())):
            if target not in index:
                visit(target)
                low[vertex] = min(low[vertex], low[target])
            elif target in stack:
                low[vertex] = min(low[vertex], index[target])
        if low[vertex] == index[vertex]:
            member = stack.pop()
            component = {member}
            while member != vertex:
                member = stack.pop()
                component.add(member)
            components.append(component)

    for vertex in sorted(graph):
        if vertex not in index:
            visit(vertex)
    return components


def test_no_import_cycle_among_the_python_modules():
    graph = _import_graph()
    assert sum(len(imported) for imported in graph.values()) > 200  # the parser finds imports
    for component in _strongly_connected(graph):
        if len(component) > 1 or any(v in graph[v] for v in component):
            inside = {v: graph[v] & component for v in component}
            raise AssertionError("import cycle: " + " -> ".join(_cycle(inside)))


def _is_private(part: str) -> bool:
    return part.startswith("_") and not (part.startswith("__") and part.endswith("__"))


def test_no_module_imports_a_private_name_or_module_of_another():
    # A name two modules share is public where it lives: no `from x import _y`,
    # no `import x._y`, relative or absolute. Third-party private keywords are no import.
    modules = _project_modules()
    offences = set()
    for name, path in modules.items():
        for imported, taken in _project_imports(name, path, modules):
            if any(map(_is_private, [*imported.split("."), taken])):
                dotted = f"{imported}.{taken}" if taken else imported
                offences.add((path.relative_to(ROOT).as_posix(), dotted))
    assert not offences, sorted(offences)


def test_tests_and_benchmarks_use_only_public_names_of_the_project():
    # What a test calls is what the app's code may call: a private helper worth testing
    # is a public name of a module of its own.
    modules = _project_modules()
    offences = set()
    for folder in ("tests", "benchmarks"):
        for path in sorted((ROOT / folder).glob("**/*.py")):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            for imported, taken in _project_imports(name, path, modules):
                if any(map(_is_private, [*imported.split("."), taken])):
                    offences.add((path.relative_to(ROOT).as_posix(), f"{imported}.{taken}"))
    assert not offences, sorted(offences)


def test_each_page_takes_from_lessons_only_its_own_lesson():
    # A page reads one lesson's public face; what lessons share, the lesson lists.
    modules = _project_modules()
    for path in sorted((ROOT / "pages").glob("*.py")):
        own = f"lessons.{path.stem}"
        taken = {
            imported
            for imported, _ in _project_imports(f"pages.{path.stem}", path, modules)
            if imported.split(".")[0] == "lessons"
        }
        assert taken == {own}, f"{path.name} imports {sorted(taken)}"


def test_the_installed_package_reads_its_data_outside_a_checkout(tmp_path):
    import subprocess
    import sys

    # Run from an empty folder, with the checkout off sys.path: the installed
    # (editable) package must find diabetes.csv through importlib.resources.
    code = (
        f"import sys; sys.path = [p for p in sys.path if p not in ('', {str(ROOT)!r})];"
        "from data import load_diabetes; X, y, names = load_diabetes();"
        "print(X.shape, y.shape, len(names))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "(442, 10) (442,) 10"


def test_no_unsafe_html_anywhere():
    for path in [ROOT / "app.py", *sorted(ROOT.glob("pages/*.py")), *sorted(ROOT.glob("ui/*.py"))]:
        assert "unsafe_allow_html" not in path.read_text(), path


def test_visitors_never_see_tracebacks():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showErrorDetails"] == "none"


def _live_modules() -> list[Path]:
    """Every JavaScript module under live/, its tests aside."""
    return sorted(p for p in LIVE.rglob("*.js") if "tests" not in p.relative_to(LIVE).parts)


def test_every_live_module_is_at_most_300_lines():
    modules = _live_modules()
    assert len(modules) > 20
    for path in modules:
        lines = len(path.read_text().splitlines())
        assert lines <= 300, f"{path.relative_to(ROOT)} has {lines} lines"


def _relative_imports(path: Path) -> set[Path]:
    return {(path.parent / spec).resolve() for spec in _JS_IMPORT.findall(path.read_text())}


def _cycle(graph: dict[T, set[T]]) -> list[T] | None:
    """One import cycle in ``graph`` (as the list of modules around it), or None."""
    done: set[T] = set()
    trail: list[T] = []

    def visit(module: T) -> list[T] | None:
        if module in trail:
            return [*trail[trail.index(module) :], module]
        if module in done:
            return None
        trail.append(module)
        for imported in sorted(graph.get(module, ())):
            found = visit(imported)
            if found:
                return found
        trail.pop()
        done.add(module)
        return None

    return next((c for c in map(visit, sorted(graph)) if c), None)


def test_live_modules_import_one_way_without_cycles():
    graph = {path.resolve(): _relative_imports(path) for path in _live_modules()}
    assert sum(len(imported) for imported in graph.values()) > 30  # the parser finds imports
    for module, imported in graph.items():
        for target in imported:
            assert target.is_file(), f"{module.relative_to(ROOT)} imports missing {target}"
    cycle = _cycle(graph)
    assert cycle is None, " -> ".join(str(p.relative_to(ROOT)) for p in cycle)


_IMPORT_ALL = """
const failures = [];
if (typeof document !== "undefined" || typeof window !== "undefined") {
  failures.push("this Node has a DOM: the check would prove nothing");
}
for (const url of JSON.parse(process.argv[1])) {
  try {
    await import(url);
  } catch (error) {
    failures.push(`${url}: ${error}`);
  }
}
process.stdout.write(JSON.stringify(failures));
"""


def test_every_live_browser_module_imports_in_node_without_a_dom():
    # No DOM access at import: each module can be loaded (and its pure parts
    # tested) in Node, which has no document or window.
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI"):
            pytest.fail("CI=true but no node on PATH")
        pytest.skip("no node on this machine")
    modules = [p for p in _live_modules() if p.relative_to(LIVE).parts[0] not in _NODE_SCRIPTS]
    urls = json.dumps([p.as_uri() for p in modules])
    result = subprocess.run(
        [node, "--input-type=module", "-e", _IMPORT_ALL, urls],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert json.loads(result.stdout) == []


def _declared_exports(path: Path) -> tuple[list[str] | None, set[str]]:
    """A module's ``__all__`` (None without one) and every name its top level binds."""
    exports, bound = None, set()
    for node in ast.parse(path.read_text(), filename=str(path)).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            bound.add(node.name)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            bound.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = {t.id for t in targets if isinstance(t, ast.Name)}
            bound |= names
            if "__all__" in names:
                exports = ast.literal_eval(node.value)
    return exports, bound


def test_every_lower_module_says_what_it_exports_and_exports_what_others_import():
    # geometry/, solvers/, studies/, figures/ and ui/: the layers every lesson builds on.
    modules = _project_modules()
    layers = ("geometry", "solvers", "studies", "figures", "ui")
    lower = {n: p for n, p in modules.items() if n.split(".")[0] in layers}
    exports = {}
    for name, path in lower.items():
        declared, bound = _declared_exports(path)
        assert declared is not None, f"{path.relative_to(ROOT)} has no __all__"
        assert set(declared) <= bound, f"{name}.__all__ names unbound {set(declared) - bound}"
        exports[name] = set(declared)
    importers = dict(modules)
    for path in [*ROOT.glob("tests/**/*.py"), *ROOT.glob("benchmarks/**/*.py")]:
        importers[".".join(path.relative_to(ROOT).with_suffix("").parts)] = path
    missing = set()
    for name, path in importers.items():
        for imported, taken in _project_imports(name, path, modules):
            public = taken and not _is_private(taken)
            if public and imported in exports and taken not in exports[imported]:
                missing.add(f"{path.relative_to(ROOT)} imports {imported}.{taken}")
    assert not missing, sorted(missing)
