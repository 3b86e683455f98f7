"""The layout gate's pages and sizes, and one fresh load of a page at a size, measured once.

- ``PAGE_PATHS``: every page of the app; ``MAIN_FIGURES``: each page's main figure.
- ``Measurements``: what a fresh load of a page at a viewport looks like (chart boxes,
  text boxes, overlaps, touch targets..., measured by measure.js), measured once per
  page and size and shared by the read-only checks of tests/test_browser_pages.py.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from tests.browser.artifacts import artifact_name
from tests.browser.page import AppPage, Browsing, ConsoleEntry
from ui.registry import PAGES

# The pages whose layout this gate measures, by URL path ("" is the first page): all.
PAGE_PATHS: tuple[str, ...] = (
    "",
    "tour",
    "one_weight",
    "three_weights",
    "how_often",
    "real_data",
    "training",
    "questions",
)
assert set(PAGE_PATHS) <= {page.url_path for page in PAGES}

# The page's main figure, as the keys of its charts (Streamlit gives each keyed
# element's container the class st-key-<key>). A page not listed here: its first chart.
MAIN_FIGURES: dict[str, tuple[str, ...]] = {
    "": ("live_figure",),  # both panels of the live figure (not its buttons): the lesson
    "tour": ("tour_chart_0", "tour_chart_1"),  # step 1 (the default): the L1 and L2 panels
    "three_weights": ("scene_l1", "scene_l2"),  # the octahedron and the sphere beside it
    "one_weight": ("ow_penalties",),  # the first live chart (live/one_weight): the slopes
    "training": ("live_race",),  # the live race's drawing (not its toolbar)
}

DESKTOP_SIZES = ((1280, 720), (1440, 900))
PHONE_SIZES = ((390, 844), (360, 640))
MIN_TOUCH_PX = 44  # WCAG 2.5.5 / Apple HIG: the smaller side of a touch target
# "The first screen shows part of the main figure": at least this much of its height,
# so that a one-pixel sliver at the bottom edge does not count.
MIN_VISIBLE_PART_PX = 50


def page_name(path: str) -> str:
    return path or "constraint_regions"


@dataclass
class Load:
    """A fresh load of one page at one viewport: what was measured and what was logged."""

    path: str
    width: int
    height: int
    present: bool
    mobile: bool
    data: dict
    console: list[ConsoleEntry]
    runs: int
    screenshots: list[Path] = field(default_factory=list)
    sidebar: dict | None = None  # on a phone: the sidebar's targets once opened

    def main_figures(self) -> list[dict]:
        """The page's main figure: its charts by key, or else the page's first chart."""
        charts = self.data["charts"]
        wanted = MAIN_FIGURES.get(self.path)
        if wanted is None:
            return charts[:1]
        found = [chart for key in wanted for chart in charts if chart["key"] == key]
        others = [
            *self.data.get("livePanels", []),
            *self.data.get("liveRace", []),
            *self.data.get("keyed", []),
        ]
        return found or [e for key in wanted for e in others if e["key"] == key][:1]

    def first_figure(self) -> dict | None:
        """The first figure a reader meets: the live figure's first panel (or the live
        race), else the main chart."""
        panels = [*self.data.get("livePanel", []), *self.data.get("liveRace", [])]
        if panels:
            return min(panels, key=lambda p: p["box"]["y"])
        figures = self.main_figures()
        return figures[0] if figures else None

    def targets(self) -> list[dict]:
        found = list(self.data["targets"])
        if self.sidebar is not None:
            found += [t for t in self.sidebar["targets"] if t["where"] == "sidebar"]
        return found


def inside_fraction(box: dict, width: float, height: float) -> tuple[float, float]:
    """(share of the box's area inside the first screen, visible height in px)."""
    visible_w = max(0.0, min(box["x"] + box["w"], width) - max(box["x"], 0.0))
    visible_h = max(0.0, min(box["y"] + box["h"], height) - max(box["y"], 0.0))
    area = box["w"] * box["h"]
    return (visible_w * visible_h / area if area else 0.0), visible_h


class Measurements:
    """Fresh loads of a page at a size, each measured once, shared by the read-only checks.

    Each load is a new navigation, so a new Streamlit session; the loads of one kind of
    device share a browser context only for its HTTP and code caches (a new context
    re-parses Plotly's 4 MB of JavaScript: 10 s a page on a loaded 2-core machine).
    """

    def __init__(self, browsing: Browsing) -> None:
        self.browsing = browsing
        self._loads: dict[tuple, Load] = {}
        self._devices: dict[bool, AppPage] = {}

    def get(self, path: str, width: int, height: int, *, present: bool = False) -> Load:
        key = (path, width, height, present)
        if key not in self._loads:
            self._loads[key] = self._measure(path, width, height, present, mobile=width < 500)
        return self._loads[key]

    def loads(self) -> list[Load]:
        return list(self._loads.values())

    def _measure(self, path: str, width: int, height: int, present: bool, mobile: bool) -> Load:
        if mobile not in self._devices:
            self._devices[mobile] = self.browsing.new_page(width, height, mobile=mobile)
        page = self._devices[mobile]
        page.page.set_viewport_size({"width": width, "height": height})
        logged = len(page.console)
        page.goto(path + (("&" if "?" in path else "?") + "present=true" if present else ""))
        data = page.measure()
        name = artifact_name(page_name(path), f"{width}x{height}", "present" if present else "")
        load = Load(path, width, height, present, mobile, data, [], page.runs())
        load.screenshots.append(page.screenshot(name))
        if mobile and not data["sidebarOpen"]:
            self._measure_sidebar(page, load, name)
        if (width, height) in ((1440, 900), (390, 844)) and not present:
            load.screenshots.append(page.screenshot_whole(name + "_whole"))
        load.console = page.console[logged:]
        return load

    @staticmethod
    def _measure_sidebar(page: AppPage, load: Load, name: str) -> None:
        """On a phone the sidebar starts folded: open it, measure its targets, fold it."""
        opener = page.page.locator('[data-testid="stExpandSidebarButton"]')
        if not opener.count():
            return
        opener.first.click()
        page.page.locator('[data-testid="stSidebar"][data-collapsed="false"]').wait_for()
        page.settle(page.runs())
        load.sidebar = page.measure()
        load.screenshots.append(page.screenshot(name + "_sidebar"))
        page.page.get_by_role("button", name="Collapse sidebar").click()
        page.page.locator('[data-testid="stSidebar"][data-collapsed="true"]').wait_for(
            state="attached"
        )
        page.settle(page.runs())


def describe(items: list[dict], limit: int = 12) -> str:
    shown = [json.dumps(item, ensure_ascii=False) for item in items[:limit]]
    more = f"\n... and {len(items) - limit} more" if len(items) > limit else ""
    return "\n".join(shown) + more
