"""Where the browser tests put what a person looks at afterwards: logs and screenshots."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"  # git-ignored


def artifact_name(*parts: object) -> str:
    """A file name from ``parts`` joined by "_", anything else than [A-Za-z0-9_.-] as "-"."""
    text = "_".join(str(part) for part in parts if part != "")
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-")


def screenshot(page, name: str) -> Path:
    """A Playwright page's viewport, saved as tests/artifacts/<name>.png."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path
