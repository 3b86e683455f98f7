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


def test_imports_flow_one_way_pages_figures_solvers_geometry():
    forbidden = {
        "geometry": {"streamlit", "plotly", "solvers", "figures", "pages"},
        "solvers": {"streamlit", "plotly", "figures", "pages"},
        "figures": {"streamlit", "pages"},
    }
    for package, banned in forbidden.items():
        files = sorted((ROOT / package).glob("*.py"))
        assert files, package
        for path in files:
            offending = _imported_top_level_modules(path) & banned
            assert not offending, f"{path.relative_to(ROOT)} imports {offending}"


def test_the_entry_point_only_routes():
    # The router itself lives in pages/common.py, so that a page Streamlit runs
    # directly (a cold deep link) can hand over to it.
    assert _imported_top_level_modules(ROOT / "app.py") == {"streamlit", "pages"}
    assert "navigation().run()" in (ROOT / "app.py").read_text()
    assert "st.navigation(" in (ROOT / "pages" / "common.py").read_text()
    listed = set(
        re.findall(r'st\.Page\(\s*"(pages/\w+\.py)"', (ROOT / "pages" / "common.py").read_text())
    )
    lessons = {f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py") if p.name != "common.py"}
    assert listed == lessons  # every lesson page is routed, and nothing else


def test_no_unsafe_html_anywhere():
    for path in [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]:
        assert "unsafe_allow_html" not in path.read_text(), path
