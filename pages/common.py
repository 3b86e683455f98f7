"""Widgets and state shared by the pages: every control keeps its value in the URL.

Streamlit's ``bind="query-params"`` ties a keyed widget to the query
parameter of the same name: a lecturer's prepared link reproduces the view,
and a value in the URL that is not a valid choice or lies outside a slider's
range is dropped by Streamlit in favour of the default, never passed on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from geometry import ElasticNetBall, NormBall, QuadraticLoss
from solvers import Solution, solve_constrained, solve_penalized

_ROUTED = "_routed_by_app"


def navigation() -> StreamlitPage:
    """The app's router: every lesson page, in the order of the course."""
    st.session_state[_ROUTED] = True
    pages = [
        st.Page(
            "pages/constraint_regions.py",
            title="Constraint regions",
            icon=":material/change_history:",
            default=True,
        ),
        st.Page("pages/one_weight.py", title="One weight", icon=":material/show_chart:"),
        st.Page("pages/how_often.py", title="How often", icon=":material/casino:"),
    ]
    return st.navigation(pages, position="top")


def page_setup() -> None:
    """Page config, and a hand-over to the router when Streamlit bypassed it.

    On a cold server whose first request is a deep link (/one_weight),
    Streamlit runs the page script directly in its legacy pages/ mode, without
    app.py. Registering the router once switches Streamlit to it for good; the
    rerun then arrives through app.py, on the same page, with its navigation.
    """
    st.set_page_config(page_title="Sparsity Lab", page_icon="🔷", layout="wide")
    if not st.session_state.get(_ROUTED):
        navigation()
        st.rerun()


def url_slider(
    label: str,
    key: str,
    *,
    min_value: float,
    max_value: float,
    default: float,
    step: float,
    help: str,
    fmt: str = "%.2f",
) -> float:
    """A float slider bound to the URL parameter ``key``, returned as a plain float."""
    value = st.slider(
        label,
        min_value=float(min_value),
        max_value=float(max_value),
        value=float(default),
        step=float(step),
        format=fmt,
        key=key,
        help=help,
        bind="query-params",
    )
    # Streamlit already bounds the slider; this guards the invariant the solvers rely on.
    return float(min(max(value, min_value), max_value))


def url_select(
    label: str,
    key: str,
    options: dict[str, str],
    *,
    default: str,
    help: str,
    on_change: Callable[[], None] | None = None,
    radio: bool = False,
) -> str:
    """A choice among ``options`` (URL value -> label) bound to the URL parameter ``key``."""
    widget = st.radio if radio else st.selectbox
    return widget(
        label,
        list(options),
        index=list(options).index(default),
        format_func=options.__getitem__,
        key=key,
        help=help,
        on_change=on_change,
        bind="query-params",
    )


# --- the regions compared on the Constraint regions page ------------------------------

# The labels are also what the URL carries (Streamlit binds the formatted
# option), so they are kept short.
REGIONS = {"l1": "L1", "l2": "L2", "linf": "L∞", "lp": "Lp", "elasticnet": "Elastic net"}
PENALTY_OF = {"l1": "l1", "l2": "l2", "elasticnet": "elasticnet"}  # regions with a penalty form
MODES = {"constraint": "Constraint", "penalty": "Penalty"}
# The classic picture: L1 lands on the w2 axis, L2 does not.
LOSS_DEFAULTS = {"c1": 1.0, "c2": 2.0, "cond": 4.0, "angle": -30.0}
BUDGET_RANGE = (0.1, 3.0)
PENALTY_RANGE = (0.0, 30.0)


@dataclass(frozen=True)
class PanelChoice:
    """What one panel shows: a region family, its shape parameter, and its strength."""

    kind: str
    p: float = 0.5
    l1_ratio: float = 0.5
    budget: float = 1.0
    penalty_weight: float = 1.0

    def region(self, budget: float) -> NormBall | ElasticNetBall:
        if self.kind == "elasticnet":
            return ElasticNetBall(radius=budget, l1_ratio=self.l1_ratio)
        p = {"l1": 1.0, "l2": 2.0, "linf": float("inf")}.get(self.kind, self.p)
        return NormBall(p=p, radius=budget)

    def uses_penalty(self, mode: str) -> bool:
        return mode == "penalty" and self.kind in PENALTY_OF


def solve_panel(
    loss: QuadraticLoss, choice: PanelChoice, mode: str
) -> tuple[NormBall | ElasticNetBall | None, Solution]:
    """The panel's exact solution and the region to draw (None when a penalty zeroes w)."""
    if choice.uses_penalty(mode):
        solution = solve_penalized(
            loss, PENALTY_OF[choice.kind], choice.penalty_weight, l1_ratio=choice.l1_ratio
        )
        region = choice.region(solution.radius) if solution.radius > 0.0 else None
        return region, solution
    region = choice.region(choice.budget)
    return region, solve_constrained(loss, region)


def loss_from_state() -> QuadraticLoss:
    """The loss the sidebar describes, from the widgets' session state."""
    value = {key: st.session_state.get(key, default) for key, default in LOSS_DEFAULTS.items()}
    return QuadraticLoss.from_shape(
        (value["c1"], value["c2"]),
        eigenvalues=(1.0, value["cond"]),
        angle_deg=value["angle"],
    )


def choice_from_state(side: str, defaults: dict[str, str]) -> PanelChoice:
    state = st.session_state
    return PanelChoice(
        kind=state.get(f"{side}_region", defaults[side]),
        p=state.get(f"{side}_p", PanelChoice.p),
        l1_ratio=state.get(f"{side}_ratio", PanelChoice.l1_ratio),
        budget=state.get(f"{side}_t", PanelChoice.budget),
        penalty_weight=state.get(f"{side}_lam", PanelChoice.penalty_weight),
    )


def carry_solution_across_modes(defaults: dict[str, str]) -> None:
    """On a mode switch, set each panel's new control so that its solution stays the same.

    Constraint -> penalty: lambda := the KKT multiplier at the current budget.
    Penalty -> constraint: t := the equivalent budget of the current penalty.
    Values are stored unrounded (a slider accepts a value between its steps); a
    value outside the slider's range is clamped and the panel says so.
    """
    state = st.session_state
    new_mode = state["mode"]
    old_mode = "penalty" if new_mode == "constraint" else "constraint"
    loss = loss_from_state()
    for side in defaults:
        choice = choice_from_state(side, defaults)
        state[f"{side}_clamped"] = False
        if choice.kind not in PENALTY_OF:
            continue  # such a panel stays in constraint mode
        _, solution = solve_panel(loss, choice, old_mode)
        if new_mode == "penalty":
            value, (low, high), key = solution.multiplier, PENALTY_RANGE, f"{side}_lam"
        else:
            value, (low, high), key = solution.radius, BUDGET_RANGE, f"{side}_t"
        state[key] = min(max(value, low), high)
        state[f"{side}_clamped"] = not low <= value <= high
