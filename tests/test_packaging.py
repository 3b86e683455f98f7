"""The house rules that keep the project deployable and layered."""

import ast
import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]


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
        files = sorted((ROOT / package).glob("*.py"))
        assert files, package
        for path in files:
            offending = _imported_top_level_modules(path) & banned
            assert not offending, f"{path.relative_to(ROOT)} imports {offending}"


def test_pages_holds_only_page_scripts_and_every_one_is_routed():
    from ui.registry import PAGES

    assert _imported_top_level_modules(ROOT / "app.py") == {"streamlit", "ui"}
    assert "navigation().run()" in (ROOT / "app.py").read_text()
    scripts = {f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py")}
    assert scripts == {page.script for page in PAGES}  # every page routed, and nothing else
    assert len({page.url_path for page in PAGES}) == len(PAGES)
    for path in (ROOT / "pages").glob("*.py"):
        imported = _imported_top_level_modules(path)
        assert "pages" not in imported, f"{path.name} imports another page"


def test_every_module_is_at_most_300_lines():
    packages = ("geometry", "solvers", "studies", "figures", "lessons", "ui", "pages", "data")
    for package in packages:
        for path in sorted((ROOT / package).glob("*.py")):
            lines = len(path.read_text().splitlines())
            assert lines <= 300, f"{path.relative_to(ROOT)} has {lines} lines"


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
