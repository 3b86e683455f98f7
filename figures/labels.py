"""The text a figure draws beside its data: numbers, zero statements, legends, its title.

Pure functions of the exact solution: "on an axis" comes from the solver's
exact zeros and face, never from rounding a float. The sentences the pages
print around the figures are the lessons' (``lessons.words``); these are the
figures' own, which ``constraint_figure`` draws and the live figure mirrors
(live/figure/text.js, checked against these by tests/test_live_figure.py).
"""

from __future__ import annotations

import numpy as np

from figures.names import region_name, sklearn_mix
from figures.style import region_style
from geometry import ElasticNetBall, NormBall
from geometry.regions import Region
from solvers import Solution

__all__ = [
    "SUBSCRIPT",
    "figure_title",
    "format_number",
    "format_point",
    "is_star",
    "region_legend",
    "zero_statement",
]

SUBSCRIPT = {0: "w1", 1: "w2"}


def format_number(value: float) -> str:
    """Four significant digits; an exact zero is printed as ``0``, a tiny non-zero is not."""
    if value == 0.0:
        return "0"
    if abs(value) < 1e-3 or abs(value) >= 1e4:
        return f"{value:.3e}"
    return f"{value:.4g}"


def format_point(w: np.ndarray) -> str:
    """``(a, b)`` with each coordinate as ``format_number`` prints it."""
    return "(" + ", ".join(format_number(float(x)) for x in w) + ")"


def zero_statement(solution: Solution) -> str:
    """``"w1 = 0"`` style statement of the exact zeros (empty when there are none)."""
    return " and ".join(f"{SUBSCRIPT[i]} = 0" for i in solution.zeros)


def is_star(region: Region) -> bool:
    """Whether the region is a non-convex p < 1 star (its corners are spikes)."""
    return isinstance(region, NormBall) and region.p < 1.0


def region_legend(region: Region) -> str:
    """The region's legend entry: its name and budget; for the elastic net, the mix in words."""
    style = region_style(region)
    text = f"{region_name(region)}: {style.norm_text} ≤ {region.radius:.3g}"
    if isinstance(region, ElasticNetBall):
        text += f" ({sklearn_mix(region.l1_ratio)})"
    return text


def figure_title(region: Region | None, solution: Solution) -> str:
    """A title that states the conclusion: where the optimum landed, and what follows."""
    if region is None:
        return "The penalty wins outright → w = 0"
    label = region_name(region)
    if not solution.active:
        return f"{label}: ŵ fits the budget, nothing to shrink"
    if solution.face == "vertex" and solution.zeros:
        axis = 2 - solution.zeros[0]
        tip = "spike" if is_star(region) else "corner"
        return f"{label}: {tip} on the w{axis} axis → {zero_statement(solution)}"
    if solution.zeros:
        return f"{label}: on an axis by coincidence, not a corner → {zero_statement(solution)}"
    if solution.face == "vertex":
        return f"{label}: a corner off the axes → no zeros"
    if solution.face == "edge":
        return f"{label}: an edge, not a corner → no zeros"
    return f"{label}: a smooth point off the axes → no zeros"
