"""The Tour's model: its steps (text, figures, where to go deeper), numbers computed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import numpy as np
import plotly.graph_objects as go

from figures.catchment_map import catchment_map_figure
from figures.constraint_regions import constraint_figure, view_limit
from figures.odds import percent
from figures.penalties import one_weight_problem_figure, penalty_and_slope_figure, units_figure
from figures.regression import coefficient_paths_figure
from geometry import NormBall
from lessons.loss_shape import DEFAULT_SHAPE, LossShape
from lessons.presets import PRESETS
from lessons.questions import units_counterexample
from solvers import solve_constrained
from studies.catchment import catchment_shares
from studies.catchment_map import catchment_map
from studies.ensembles import hessians_from_shape
from studies.one_weight import one_weight_problem, penalty_curves
from studies.regression import coefficient_paths, least_squares_loss, load_diabetes, path_facts


@dataclass(frozen=True)
class Step:
    """One stop of the tour.

    Attributes
    ----------
    slug : str
        Its stable name in the URL (``step=dead-zone``).
    title, text : str
        The heading and the paragraph (markdown).
    figures : callable
        Builds the step's figures (called once per process: the page caches it).
    page : str
        The registry key of the full page to explore it on.
    page_title : str
        How the link names that page.
    query : dict
        The full page's controls for this step, as URL values (slugs).
    """

    slug: str
    title: str
    text: str
    figures: Callable[[], list[go.Figure]]
    page: str
    page_title: str
    query: dict[str, str]


def _panels(shape: LossShape, cone: bool) -> list[go.Figure]:
    loss = shape.loss
    limit = view_limit(loss, 1.0)
    return [
        constraint_figure(loss, ball, solve_constrained(loss, ball), limit=limit, show_cone=cone)
        for ball in (NormBall(1, 1.0), NormBall(2, 1.0))
    ]


# The catchment step's bowl: condition number 6, long axis at 30 degrees.
CATCHMENT_BOWL = hessians_from_shape(np.array([6.0]), np.array([30.0]))[0]
CATCHMENT_SPREAD = 4.0
# "Usually" depends on how far the data's optimum lies from 0 against the budget:
# the same bowl, centres in discs of growing radius.
USUALLY_SPREADS = (1.5, 4.0, 100.0)


@cache
def usually_shares() -> dict[float, float]:
    """Exact share of centres (uniform in a disc of each radius) whose L1 optimum has a zero."""
    return {
        spread: catchment_shares(CATCHMENT_BOWL, NormBall(1, 1.0), "disk", spread).on_axis
        for spread in USUALLY_SPREADS
    }


def _catchment() -> list[go.Figure]:
    return [
        catchment_map_figure(
            catchment_map(CATCHMENT_BOWL, ball, "disk", CATCHMENT_SPREAD, resolution=300)
        )
        for ball in (NormBall(1, 1.0), NormBall(2, 1.0))
    ]


REGRESSION_FRACTIONS = np.linspace(0.01, 1.0, 100)
REGRESSION_MARK = 0.3


@cache
def regression_paths() -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The diabetes lasso and ridge paths at ``REGRESSION_FRACTIONS`` of the full size."""
    features, response, names = load_diabetes()
    lasso, ridge = coefficient_paths(least_squares_loss(features, response), REGRESSION_FRACTIONS)
    for path in (lasso, ridge):
        path.setflags(write=False)  # shared by every session
    return lasso, ridge, names


def _regression() -> list[go.Figure]:
    lasso, ridge, names = regression_paths()
    return [
        coefficient_paths_figure(REGRESSION_FRACTIONS, lasso, ridge, names, marked=REGRESSION_MARK)
    ]


def _names(items: list[str]) -> str:
    return ", ".join(items[:-1]) + f" and {items[-1]}" if len(items) > 1 else "".join(items)


def catchment_text() -> str:
    shares = usually_shares()
    share = percent(shares[CATCHMENT_SPREAD])
    by_spread = ", ".join(f"{percent(v)} within {s:g}" for s, v in shares.items())
    return (
        "Colour every possible centre by where its optimum lands. The centres that land on a "
        "corner fill wedges: each corner's cone of pulls, stretched by the loss. For this loss "
        f"and centres in the dotted disc of radius {CATCHMENT_SPREAD:g} that is exactly {share} "
        "of the disc, computed from the wedges' areas; for the circle the same sets are lines: "
        f"0%. “Usually” has no fixed value: for the same bowl it is {by_spread}, tending to "
        "100% as the data's signal grows against the budget, because the wedges widen away "
        "from the diamond while the edges' strips keep their width."
    )


def units_text() -> str:
    return (
        "A common answer: for |w| < 1, |w| > w², so L1 pushes small weights harder. The real "
        "difference is the slope at 0: w² is flat there (its pull vanishes), |w| has a kink "
        "(its pull stays λ). The size comparison proves nothing: near 0, |w| ≫ w² in any "
        "units, and measuring w in other units moves the crossing anywhere (below). Sharper "
        f"still: {units_counterexample()}."
    )


def ridge_crossings() -> dict[str, int]:
    """How often each ridge coefficient changes sign along the path (those that do)."""
    _, ridge, names = regression_paths()
    counts = {}
    for j, name in enumerate(names):
        signs = np.sign(ridge[:, j])
        signs = signs[signs != 0.0]
        if crossings := int(np.count_nonzero(signs[1:] != signs[:-1])):
            counts[name] = crossings
    return counts


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _crossing_words(counts: dict[str, int]) -> str:
    """ "each once", or "s2 twice, the others once"."""
    if set(counts.values()) == {1}:
        return "each once"
    several = [f"{name} {_times(n)}" for name, n in counts.items() if n > 1]
    ones = "the others once" if 1 in counts.values() else ""
    return ", ".join([*several, ones] if ones else several)


def regression_text() -> str:
    facts = path_facts(*regression_paths())
    changing, growing = facts["ridge_sign_changes"], facts["ridge_growing"]
    leaving = facts["lasso_leaving"]
    crossings = ridge_crossings()
    come_back = (
        f" (not for good: {_names(leaving)} enters, leaves the model and comes back)"
        if leaving
        else ""
    )
    return (
        "Ten measurements predicting diabetes progression (Efron et al. 2004). As the budget "
        "grows from 0, the lasso lets coefficients in one at a time and keeps the others at "
        f"exactly 0{come_back}; the title counts the zeros at "
        f"{REGRESSION_MARK:.0%} of the full size. Ridge keeps every coefficient non-zero "
        f"except at isolated budgets: {len(changing)} of them ({_names(changing)}) change sign "
        f"along the path ({_crossing_words(crossings)}), so each is exactly 0 only at the "
        "budgets where it crosses, which no one would call a sparse model. Nor does ridge "
        f"shrink each weight: {len(growing)} of the ten grow somewhere "
        "as the budget shrinks, while the weight moves between correlated features."
    )


EDGE = LossShape.from_state(PRESETS["edge"].state, DEFAULT_SHAPE)
DEAD_ZONE_PULL, DEAD_ZONE_LAM = 0.6, 1.0  # the dead-zone step's one-weight problem

STEPS: tuple[Step, ...] = (
    Step(
        "question",
        "The question",
        "L1 regularisation gives weights that are *exactly* zero; L2 gives small weights that "
        "are not. Below, the same loss (its ellipses) is minimised inside the L1 diamond and "
        "inside the L2 circle of the same size. The diamond's answer sits on an axis: w1 = 0. "
        "Why, and how often? The next steps answer with one weight, then two, then many.",
        lambda: _panels(DEFAULT_SHAPE, cone=False),
        "constraint_regions",
        "Constraint regions",
        {},
    ),
    Step(
        "penalty-pull",
        "One weight: the pull of each penalty",
        "Top: the penalties |w| and w². Bottom: how hard each pulls w towards 0. The L1 pull "
        "is λ however small w is, and at w = 0 it can be anything in [−λ, λ]. The L2 pull 2λw "
        "fades to nothing as w shrinks, so it can balance the data's pull only at a w that is "
        "not 0 (unless a = 0): against a pull a the optimum stops at a/(1 + 2λ).",
        lambda: [penalty_and_slope_figure(penalty_curves(1.0, 0.5), height=460)],
        "one_weight",
        "One weight",
        {},
    ),
    Step(
        "dead-zone",
        "The dead zone",
        "Minimise ½(w − a)² + λ|w|: the data pull with force a. Whenever |a| ≤ λ the penalty's "
        "interval [−λ, λ] absorbs the pull and the minimum stays at exactly 0, a whole range "
        f"of data with the same answer (left, a = {DEAD_ZONE_PULL:g}, λ = {DEAD_ZONE_LAM:g}). "
        "With w² (right) the minimum is a/(1 + 2λ): small, never zero unless a is.",
        lambda: [
            one_weight_problem_figure(one_weight_problem(DEAD_ZONE_PULL, DEAD_ZONE_LAM, kind))
            for kind in ("l1", "l2")
        ],
        "one_weight",
        "One weight",
        {"a": f"{DEAD_ZONE_PULL:g}"},
    ),
    Step(
        "corners",
        "Two weights: the diamond's corners",
        "In two dimensions the budget ‖w‖₁ ≤ t is a diamond whose corners sit on the axes. "
        "Inflate the loss ellipse from its centre ✕ until it first touches the region: the "
        "first contact is very often a corner, and at a corner one weight is exactly 0. The "
        "circle has no corners, so its contact point is almost never on an axis.",
        lambda: _panels(DEFAULT_SHAPE, cone=False),
        "constraint_regions",
        "Constraint regions",
        {"cone": "false"},
    ),
    Step(
        "normal-cone",
        "The reason: a corner holds a whole wedge of pulls",
        "At the optimum the loss pulls with −∇L(w) (the arrow). On a smooth boundary the "
        "region can push back only along one direction, the normal: the pull must point "
        "exactly that way. At a corner it can push back along a whole wedge of directions "
        "(shaded), so every pull inside the wedge keeps the optimum on the corner.",
        lambda: _panels(DEFAULT_SHAPE, cone=True),
        "constraint_regions",
        "Constraint regions",
        {},
    ),
    Step(
        "edge-hit",
        "Not always: an edge hit",
        "With the centre close enough to a diagonal the ellipse meets an edge of the diamond "
        "first, and the L1 solution has no zero at all. How close depends on how far the "
        "centre is: for round contours an edge catches a strip as wide as itself, a corner a "
        "wedge that widens with distance. Corners win often, not always.",
        lambda: _panels(EDGE, cone=True),
        "constraint_regions",
        "Constraint regions",
        PRESETS["edge"].query(),
    ),
    Step(
        "catchment",
        "How often: the catchment wedges",
        "",  # computed: see catchment_text
        _catchment,
        "how_often",
        "How often",
        {"n": "10000"},
    ),
    Step(
        "units",
        "The |w| < 1 argument is not the reason",
        "",  # computed: see units_text
        lambda: [units_figure(1.0, 10.0)],
        "one_weight",
        "One weight",
        {"units": "10"},
    ),
    Step(
        "regression",
        "What it means for real regression",
        "",  # computed: see regression_text
        _regression,
        "how_often",
        "How often (many weights)",
        {"dim": "10"},
    ),
)
STEP = {step.slug: step for step in STEPS}
STEP_LABELS = {step.slug: f"{k}. {step.title}" for k, step in enumerate(STEPS, start=1)}
TEXTS: dict[str, Callable[[], str]] = {
    "catchment": catchment_text,
    "units": units_text,
    "regression": regression_text,
}

# Links printed before the slugs carried the step's number or its label then:
# "step=3" or "step=3. The dead zone". Frozen here, whatever the steps become.
_LEGACY = (
    ("question", "The question"),
    ("penalty-pull", "One weight: the pull of each penalty"),
    ("dead-zone", "The dead zone"),
    ("corners", "Two weights: the diamond's corners"),
    ("normal-cone", "The reason: a corner holds a whole wedge of pulls"),
    ("edge-hit", "Not always: an edge hit"),
    ("catchment", "How often: the catchment wedges"),
    ("units", "The |w| < 1 argument is not the reason"),
    ("regression", "What it means for real regression"),
)
LEGACY_STEPS = {
    **{str(k): slug for k, (slug, _) in enumerate(_LEGACY, start=1)},
    **{f"{k}. {title}": slug for k, (slug, title) in enumerate(_LEGACY, start=1)},
}


def step_text(step: Step) -> str:
    """The step's paragraph, with its numbers computed where it quotes any."""
    return TEXTS[step.slug]() if step.slug in TEXTS else step.text
