"""Tour: nine steps from the question to real regression, each a prepared figure and a paragraph."""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from figures.constraint_regions import constraint_figure, view_limit
from figures.how_often import catchment_map_figure, percent
from figures.one_weight import one_weight_problem_figure, penalty_and_slope_figure, units_figure
from figures.regression import coefficient_paths_figure
from geometry import NormBall, QuadraticLoss
from pages.common import PRESETS, page_setup, url_select
from solvers import solve_constrained
from studies.catchment import catchment_shares
from studies.ensembles import hessians_from_shape
from studies.regression import coefficient_paths, least_squares_loss, load_diabetes


@dataclass(frozen=True)
class Step:
    """One stop of the tour: a title, a paragraph, figures, and where to go deeper."""

    title: str
    text: str
    figures: Callable[[], list[go.Figure]]
    page: str
    page_title: str
    query: dict[str, str]


def _panels(c: tuple[float, float], cond: float, angle: float, cone: bool) -> list[go.Figure]:
    loss = QuadraticLoss.from_shape(c, eigenvalues=(1.0, cond), angle_deg=angle)
    limit = view_limit(loss, 1.0)
    return [
        constraint_figure(loss, ball, solve_constrained(loss, ball), limit=limit, show_cone=cone)
        for ball in (NormBall(1, 1.0), NormBall(2, 1.0))
    ]


def _catchment() -> list[go.Figure]:
    hessian = hessians_from_shape(np.array([6.0]), np.array([30.0]))[0]
    return [
        catchment_map_figure(hessian, ball, "disk", 4.0, resolution=300)
        for ball in (NormBall(1, 1.0), NormBall(2, 1.0))
    ]


def _regression() -> list[go.Figure]:
    features, response, names = load_diabetes()
    fractions = np.linspace(0.01, 1.0, 100)
    lasso, ridge = coefficient_paths(least_squares_loss(features, response), fractions)
    return [coefficient_paths_figure(fractions, lasso, ridge, names, marked=0.3)]


_SHARE = catchment_shares(
    hessians_from_shape(np.array([6.0]), np.array([30.0]))[0], NormBall(1, 1.0), "disk", 4.0
)
EDGE = PRESETS["edge"].state

STEPS = [
    Step(
        "The question",
        "L1 regularisation gives weights that are *exactly* zero; L2 gives small weights that "
        "are not. Below, the same loss (its ellipses) is minimised inside the L1 diamond and "
        "inside the L2 circle of the same size. The diamond's answer sits on an axis: w1 = 0. "
        "Why, and how often? The next steps answer with one weight, then two, then many.",
        lambda: _panels((1.0, 2.0), 4.0, -30.0, cone=False),
        "pages/constraint_regions.py",
        "Constraint regions",
        {},
    ),
    Step(
        "One weight: the pull of each penalty",
        "Top: the penalties |w| and w². Bottom: how hard each pulls w towards 0. The L1 pull "
        "is λ however small w is, and at w = 0 it can be anything in [−λ, λ]. The L2 pull 2λw "
        "fades to nothing as w shrinks: it slows down before reaching 0 and never gets there.",
        lambda: [penalty_and_slope_figure(1.0, 0.5, height=460)],
        "pages/one_weight.py",
        "One weight",
        {},
    ),
    Step(
        "The dead zone",
        "Minimise ½(w − a)² + λ|w|: the data pull with force a. Whenever |a| ≤ λ the penalty's "
        "interval [−λ, λ] absorbs the pull and the minimum stays at exactly 0, a whole range "
        "of data with the same answer (left, a = 0.6, λ = 1). With w² (right) the minimum is "
        "a/(1 + 2λ): small, never zero unless a is.",
        lambda: [one_weight_problem_figure(0.6, 1.0, kind) for kind in ("l1", "l2")],
        "pages/one_weight.py",
        "One weight",
        {"a": "0.6"},
    ),
    Step(
        "Two weights: the diamond's corners",
        "In two dimensions the budget ‖w‖₁ ≤ t is a diamond whose corners sit on the axes. "
        "Inflate the loss ellipse from its centre ✕ until it first touches the region: the "
        "first contact is very often a corner, and at a corner one weight is exactly 0. The "
        "circle has no corners, so its contact point is almost never on an axis.",
        lambda: _panels((1.0, 2.0), 4.0, -30.0, cone=False),
        "pages/constraint_regions.py",
        "Constraint regions",
        {"cone": "false"},
    ),
    Step(
        "The reason: a corner holds a whole wedge of pulls",
        "At the optimum the loss pulls with −∇L(w) (the arrow). On a smooth boundary the "
        "region can push back only along one direction, the normal: the pull must point "
        "exactly that way. At a corner it can push back along a whole wedge of directions "
        "(shaded), so every pull inside the wedge keeps the optimum on the corner.",
        lambda: _panels((1.0, 2.0), 4.0, -30.0, cone=True),
        "pages/constraint_regions.py",
        "Constraint regions",
        {},
    ),
    Step(
        "Not always: an edge hit",
        "With the centre near a diagonal the ellipse meets an edge of the diamond first, and "
        "the L1 solution has no zero at all. Corners win often, not always.",
        lambda: _panels((EDGE["c1"], EDGE["c2"]), EDGE["cond"], EDGE["angle"], cone=True),
        "pages/constraint_regions.py",
        "Constraint regions",
        PRESETS["edge"].query(),
    ),
    Step(
        "How often: the catchment wedges",
        "Colour every possible centre by where its optimum lands. The centres that land on a "
        "corner fill wedges: each corner's cone of pulls, stretched by the loss. For this "
        f"loss and centres in the dotted disc that is exactly {percent(_SHARE.on_axis)} of the "
        "disc, computed from the wedges' areas. For the circle the same sets are lines: 0%.",
        _catchment,
        "pages/how_often.py",
        "How often",
        {"n": "10,000"},
    ),
    Step(
        "The |w| < 1 argument is not the reason",
        "A common answer: for |w| < 1, |w| > w², so L1 pushes small weights harder. Measure "
        "w in other units and the crossing point moves anywhere you like, while the exact "
        "zeros stay exactly where they were. What matters is the kink at 0, not the size of "
        "|w| against w².",
        lambda: [units_figure(1.0, 10.0)],
        "pages/one_weight.py",
        "One weight",
        {"units": "10"},
    ),
    Step(
        "What it means for real regression",
        "Ten measurements predicting diabetes progression (Efron et al. 2004). As the budget "
        "grows from 0, the lasso lets coefficients in one at a time and keeps the others at "
        "exactly 0 (the title counts them at 30% of the full size). Ridge keeps all ten, "
        "every one shrunk, none removed: a model you would still need to prune by hand.",
        _regression,
        "pages/how_often.py",
        "How often (many weights)",
        {"dim": "10"},
    ),
]
STEP_NAMES = {str(k): f"{k}. {step.title}" for k, step in enumerate(STEPS, start=1)}

cached_figures = st.cache_resource(max_entries=len(STEPS), show_spinner=False)(
    lambda index: STEPS[index].figures()
)


def _move(delta: int) -> None:
    current = int(st.session_state.get("step", "1"))
    st.session_state["step"] = str(min(max(current + delta, 1), len(STEPS)))


frame = page_setup("tour", "A guided tour: why L1 gives exact zeros")
chosen = url_select("Step", "step", STEP_NAMES, default="1", help="Jump to any step.")
index = int(chosen) - 1
step = STEPS[index]

st.subheader(STEP_NAMES[chosen])
st.markdown(step.text)
back, where, forward = st.columns([1, 3, 1], vertical_alignment="center")
back.button(
    "Back",
    icon=":material/arrow_back:",
    on_click=_move,
    args=(-1,),
    disabled=index == 0,
    width="stretch",
)
with where:
    st.page_link(
        step.page,
        label=f"Explore this on the full page: {step.page_title}",
        icon=":material/open_in_new:",
        query_params=step.query,
    )
forward.button(
    "Next",
    icon=":material/arrow_forward:",
    on_click=_move,
    args=(1,),
    disabled=index == len(STEPS) - 1,
    width="stretch",
)
figures = cached_figures(index)
for column, (k, figure) in zip(st.columns(len(figures)), enumerate(figures), strict=True):
    with column:
        frame.chart(figure, f"tour_{index + 1}_{k}")

st.progress((index + 1) / len(STEPS), text=f"Step {index + 1} of {len(STEPS)}")
frame.finish()
