"""What Python sends the live figure of the Constraint regions page (Streamlit-free).

The browser draws both panels as SVG and, while a handle moves, solves the
panels it can solve exactly (``live/solvers``: L1, L2, L∞ and the elastic net,
as constraints). Everything it shows at rest comes from here: Python's exact
solutions, the words of ``lessons.words`` (computed once per panel), the palette of
``figures.style`` (dark and presentation variants applied), the sliders'
ranges and steps (a handle snaps to them, so a drag ends on a state the URL
holds exactly), and, for panels the browser cannot solve, the solution path
Play draws.

The data is plain JSON: floats as JSON numbers (an exact zero stays 0.0,
every other double round-trips exactly), no NumPy types.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from figures.constraint_regions import LEVEL_MULTIPLES
from figures.labels import figure_title
from figures.style import (
    AXIS_HIGHLIGHT,
    CONE,
    CONTOUR,
    DARK_VARIANT,
    FONT_FAMILY,
    GRID,
    INK,
    PAPER,
    PRESENT_CONTOUR,
    REGION_STYLES,
    region_style,
)
from geometry import QuadraticLoss
from geometry.regions import Region
from lessons.constraint_regions.controls import (
    CENTRE,
    CONDITION,
    REGION_LABELS,
    ROTATION,
    SIDES,
    panel_sliders,
)
from lessons.constraint_regions.model import VIEW_MARGIN, VIEW_SCALE, PanelChoice
from lessons.constraint_regions.words import HINT, LP_NOTE, PENALTY_NOTE, PENDING_NOTE
from lessons.loss_shape import LossShape
from lessons.words import PanelWords, badge_colour, badge_text, panel_words
from solvers import Solution, solve_constrained

LIVE_KINDS = ("l1", "l2", "linf", "elasticnet")
"""The regions the browser's solve2d solves exactly (live/solvers/validate.js REGION_KINDS).

The browser reads it per panel, as each panel's ``live``."""
VIEW_KEYS = ("c1", "c2", "cond", "angle", "left_t", "right_t")
"""The controls a handle moves, by session-state (and URL) key (sent as ``viewKeys``)."""
PLAY_STEP = 0.05  # the budget slider's step: Play's precomputed paths are sampled on it
PLAY_SECONDS = 3.5  # each way, t_max -> 0 and back


@dataclass(frozen=True)
class LivePanel:
    """One panel as the page computed it: the choice, and the exact solution drawn."""

    side: str
    choice: PanelChoice
    region: Region | None
    solution: Solution
    penalised: bool

    @cached_property
    def words(self) -> PanelWords:
        """Its label, badge (text and colour), title and legend: computed once, for the page
        and the payload alike."""
        return panel_words(self.choice.kind, self.region, self.solution)


def _colour(colour: str, dark: bool) -> str:
    return DARK_VARIANT.get(colour, colour) if dark else colour


def palette(*, dark: bool, presenting: bool) -> dict[str, str]:
    """The figure's colours, as the Plotly panels would get them after adapt_figure."""
    contour = PRESENT_CONTOUR if presenting else CONTOUR
    colours = {
        "paper": PAPER,
        "ink": INK,
        "grid": GRID,
        "contour": contour,
        "axisHighlight": AXIS_HIGHLIGHT,
        "cone": CONE,
    }
    out = {name: _colour(value, dark) for name, value in colours.items()}
    out["font"] = FONT_FAMILY
    return out


def _style(kind: str, region: Region | None, dark: bool) -> dict[str, str]:
    style = region_style(region) if region is not None else REGION_STYLES[kind]
    return {
        "colour": _colour(style.colour, dark),
        "fill": _colour(style.fill, dark),
        "dash": style.dash,
        "marker": style.marker,
    }


def _region_data(choice: PanelChoice, region: Region | None) -> dict[str, object] | None:
    if region is None:
        return None
    return {
        "kind": choice.kind,
        "radius": float(region.radius),
        "p": float(choice.p),
        "l1Ratio": float(choice.l1_ratio),
    }


def _solution_data(solution: Solution) -> dict[str, object]:
    return {
        "w": [float(x) for x in solution.w],
        "zeros": list(solution.zeros),
        "face": solution.face,
        "multiplier": float(solution.multiplier),
        "loss": float(solution.loss),
        "active": bool(solution.active),
    }


def budget_path(loss: QuadraticLoss, choice: PanelChoice, t_max: float) -> list[list[object]]:
    """Play's path for a panel the browser cannot solve: [t, w1, w2, badge, colour, title].

    The budgets run from ``t_max`` down to 0 on the slider's grid; each point is
    ``solve_constrained``'s exact answer, and t = 0 is w = 0 exactly.
    """
    count = round(t_max / PLAY_STEP)
    label = REGION_LABELS[choice.kind]
    at_zero = [
        0.0,
        0.0,
        0.0,
        "w = 0 exactly: every weight is zero",
        "green",
        f"{label}: t = 0 → w = 0",
    ]
    samples = []
    for k in range(count + 1):
        t = round(t_max - k * PLAY_STEP, 10)
        if t <= 0.0:
            samples.append(at_zero)
            continue
        region = choice.region(t)
        solution = solve_constrained(loss, region)
        samples.append(
            [
                t,
                float(solution.w[0]),
                float(solution.w[1]),
                badge_text(solution),
                badge_colour(solution),
                figure_title(region, solution),
            ]
        )
    if samples[-1][0] != 0.0:
        samples.append(at_zero)
    return samples


def needs_path(panel: LivePanel) -> bool:
    """Whether Play needs Python's path for this panel: a constraint the browser cannot solve."""
    return not panel.penalised and panel.choice.kind not in LIVE_KINDS


def _range(spec) -> dict[str, float]:
    return {"low": spec.low, "high": spec.high, "step": spec.step}


def live_payload(
    shape: LossShape,
    panels: list[LivePanel],
    *,
    limit: float,
    show_cone: bool,
    presenting: bool,
    dark: bool,
    paths: Mapping[str, list[list[object]]] | None = None,
) -> dict[str, object]:
    """The component's data: everything the browser draws, as JSON-ready values.

    Parameters
    ----------
    shape : LossShape
        The loss the sliders describe.
    panels : list of LivePanel
        The panels, left to right, with Python's exact solutions.
    limit : float
        The shared half-width of the view (``model.panels_view_limit``).
    show_cone, presenting, dark : bool
        The page's cone toggle, presentation mode and dark figures.
    paths : mapping, optional
        ``side -> budget_path(...)`` for the panels ``needs_path`` names.
    """
    paths = paths or {}
    loss = shape.loss
    view = {"c1": shape.c1, "c2": shape.c2, "cond": shape.condition, "angle": shape.angle}
    panel_data = []
    for panel in panels:
        choice, region, solution, words = panel.choice, panel.region, panel.solution, panel.words
        view[f"{panel.side}_t"] = float(choice.budget)
        live = not panel.penalised and choice.kind in LIVE_KINDS
        if panel.penalised:
            note = PENALTY_NOTE
        elif not live:
            note = LP_NOTE
        else:
            note = ""
        panel_data.append(
            {
                "side": panel.side,
                "kind": choice.kind,
                "label": words.label,
                "region": _region_data(choice, region),
                "live": live,
                "budgetHandle": not panel.penalised,
                "solution": _solution_data(solution),
                "localMinima": [[float(x) for x in m] for m in solution.local_minima],
                "title": words.title,
                "badge": words.badge,
                "colour": words.colour,
                "legend": words.legend,
                "style": _style(choice.kind, region, dark),
                "path": paths.get(panel.side),
                "note": note,
                "pendingNote": PENDING_NOTE if not live else "",
            }
        )
    budget = panel_sliders("left")["budget"]
    return {
        "name": "constraint-regions",
        "view": view,
        "hessian": [[float(x) for x in row] for row in np.asarray(loss.hessian)],
        "limit": float(limit),
        "showCone": bool(show_cone),
        "presenting": bool(presenting),
        "dark": bool(dark),
        "palette": palette(dark=dark, presenting=presenting),
        "panels": panel_data,
        "specs": {
            "c": _range(CENTRE[0]),
            "cond": _range(CONDITION),
            "angle": _range(ROTATION),
            "t": _range(budget),
        },
        # Python's constants, sent rather than written again in JavaScript.
        "viewKeys": list(VIEW_KEYS),
        "levelMultiples": list(LEVEL_MULTIPLES),
        "viewRule": {"scale": VIEW_SCALE, "margin": VIEW_MARGIN},
        "playSeconds": PLAY_SECONDS,
        "hint": HINT,
    }


def budget_sides(state: Mapping[str, object]) -> tuple[str, ...]:
    """The panels with a budget handle in ``state`` (those solved as constraints)."""
    mode = str(state.get("mode", "constraint"))
    choices = {side: PanelChoice.from_state(state, side) for side in SIDES}
    return tuple(side for side, choice in choices.items() if not choice.uses_penalty(mode))


def release_values(view: Mapping[str, object], budget_sides: tuple[str, ...]) -> dict[str, object]:
    """The raw values a release reports, by slider key (only the controls a handle can move).

    Unknown keys, the ``seq`` stamp, and the budgets of panels without a budget
    handle (penalties) are left out; the caller validates what remains.
    """
    allowed = {"c1", "c2", "cond", "angle", *(f"{side}_t" for side in budget_sides)}
    return {key: value for key, value in view.items() if key in allowed}
