"""What Python sends the One weight page's live charts (Streamlit-free).

The browser draws each chart as SVG and, while a handle (the data's pull a,
the penalty weight λ) moves, computes every curve itself from the closed
forms (``live/one_weight``: the same operations as ``solvers.shrinkage``, the
posterior in closed form). At rest it draws Python's answers: the minimisers,
the posterior mode and mean (``reference``, from ``lessons.one_weight.answers``).
Here are also the sliders' ranges and steps (a handle snaps to them, so that
a drag ends on a state the URL holds exactly), the palette of
``figures.style`` (dark and presentation variants applied) and the legend
words that depend only on α (the browser writes those that follow a and λ).

Plain JSON: floats as JSON numbers (an exact zero stays 0.0), no NumPy types.
"""

from __future__ import annotations

from collections.abc import Mapping

from figures.names import elastic_net_operator, elastic_net_penalty
from figures.style import (
    AXIS_HIGHLIGHT,
    CONE,
    CONTOUR,
    DARK_VARIANT,
    FONT_FAMILY,
    GRID,
    INK,
    OCHRE,
    PAPER,
    PRESENT_CONTOUR,
    PURPLE,
    REGION_STYLES,
)
from figures.titles import phone_label
from lessons.controls import Slider
from lessons.one_weight.controls import LAM, PULL, RATIO
from lessons.one_weight.model import Answers

__all__ = ["HINT", "LIVE_CHARTS", "VIEW_KEYS", "live_payload", "release_values", "slider_specs"]

LIVE_CHARTS = ("penalties", "problem_l1", "problem_l2", "shrinkage", "posterior")
"""The charts the browser draws (live/one_weight/models.js MODELS), by payload ``panel``."""
VIEW_KEYS = ("a", "lam", "ratio")
"""The controls the charts follow, by session-state (and URL) key."""
HINT = (
    "Drag a (the ring) or λ (the green knob) on any of these charts, or focus one "
    "with Tab and use the arrow keys: every chart follows; the text follows on release."
)


def _colour(colour: str, dark: bool) -> str:
    return DARK_VARIANT.get(colour, colour) if dark else colour


def palette(*, dark: bool, presenting: bool) -> dict[str, str]:
    """The charts' colours, as the Plotly figures would get them after ``adapt_figure``."""
    colours = {
        "paper": PAPER,
        "ink": INK,
        "grid": GRID,
        "contour": PRESENT_CONTOUR if presenting else CONTOUR,
        "axisHighlight": AXIS_HIGHLIGHT,
        "cone": CONE,
        "purple": PURPLE,
        "ochre": OCHRE,
    }
    out = {name: _colour(value, dark) for name, value in colours.items()}
    out["font"] = FONT_FAMILY
    return out


def _styles(dark: bool) -> dict[str, dict[str, str]]:
    return {
        kind: {
            "colour": _colour(REGION_STYLES[kind].colour, dark),
            "dash": REGION_STYLES[kind].dash,
            "marker": REGION_STYLES[kind].marker,
        }
        for kind in ("l1", "l2", "elasticnet")
    }


def slider_specs() -> dict[str, Slider]:
    """The sliders a release may set, by key."""
    return {spec.key: spec for spec in (PULL, LAM, RATIO)}


def _range(spec: Slider) -> dict[str, float]:
    return {"low": spec.low, "high": spec.high, "step": spec.step}


def live_payload(
    panel: str, answers: Answers, l1_ratio: float, *, presenting: bool, dark: bool
) -> dict[str, object]:
    """One chart's data: everything the browser draws, as JSON-ready values.

    Parameters
    ----------
    panel : str
        One of ``LIVE_CHARTS``.
    answers : Answers
        Python's exact answers for the page's a and λ (``lessons.one_weight.answers``).
    l1_ratio : float
        The elastic net's L1 share α.
    presenting, dark : bool
        Presentation mode and dark figures.
    """
    if panel not in LIVE_CHARTS:
        raise ValueError(f"panel must be one of {LIVE_CHARTS}, got {panel!r}")
    return {
        "name": f"one-weight-{panel.replace('_', '-')}",
        "panel": panel,
        "view": {"a": float(answers.a), "lam": float(answers.lam), "ratio": float(l1_ratio)},
        "reference": {
            "l1": float(answers.lasso),
            "l2": float(answers.ridge),
            "mode": float(answers.mode),
            "mean": float(answers.mean),
        },
        "words": {
            "enetPenalty": phone_label(elastic_net_penalty(l1_ratio)),
            "enetOperator": phone_label(elastic_net_operator(l1_ratio)),
        },
        "specs": {key: _range(spec) for key, spec in slider_specs().items()},
        "viewKeys": list(VIEW_KEYS),
        "palette": palette(dark=dark, presenting=presenting),
        "styles": _styles(dark),
        "presenting": bool(presenting),
        "dark": bool(dark),
        # Said once, under the first chart.
        "hint": HINT if panel == LIVE_CHARTS[0] else "",
    }


def release_values(view: Mapping[str, object]) -> dict[str, object]:
    """The raw values a release reports, by slider key (unknown keys and ``seq`` left out)."""
    return {key: value for key, value in view.items() if key in VIEW_KEYS}
