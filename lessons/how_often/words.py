"""Every sentence of the How often page, computed from the model's numbers."""

from __future__ import annotations

from collections.abc import Sequence

from figures.odds import percent
from studies import experiments as ex
from studies.catchment import CatchmentShares
from studies.odds import Share

INTRO = (
    "*“L1 usually gives sparse weights”*: how usually? Below, many random problems are "
    "solved **exactly**, and a weight counts as zero only when the solver puts it at "
    "exactly 0.0. Then the map at the bottom shows where the odds come from: the "
    "corners' catchment wedges."
)
HELP = {
    "setup": "Random bowls: condition number and tilt at random. Published: the a, b, c bowls "
    "of T. Parr's simulation (explained.ai, cited above). Symmetric: its round bowls "
    "(a = b, c = 0).",
    "published": "Parr's setup: centres uniform in [−10, 10]², budget 2, centres inside the "
    "region rejected.",
    "n": "Every one of them solved exactly, none approximated.",
    "domain": "Uniform in a disc of this radius or a square of this half-width.",
    "max_cond": "Random bowls only: elongation log-uniform from 1 (round) to this.",
    "outside": "A centre inside the region needs no shrinkage; the published simulation "
    "rejects them.",
    "tol": "A coarse tolerance is how some simulations count zeros. Watch L2.",
}
PUBLISHED_CAPTION = (
    "The published setup draws the problems of Terence Parr's simulation in [The "
    "difference between L1 and L2 regularization]"
    "(https://explained.ai/regularization/L1vsL2.html) (explained.ai, section 3.1): "
    "bowls a(w1 − c1)² + b(w2 − c2)² + c(w1 − c1)(w2 − c2) with a, b ~ U(0, 10) and "
    "c ~ U(−2, 2), centres (c1, c2) uniform in [−10, 10]², budget 2, centres inside the "
    "region drawn again. There each optimum was taken as the best of sampled boundary "
    "points, the axis points among them: the method whose L2 “zeros” the odds above "
    "show to be artefacts. Here every problem is solved exactly."
)
STAR_NOTE = (
    f"p < 1, a star that is not convex, is solved along its boundary for the first "
    f"{ex.STAR_SAMPLE:,} problems."
)
CURVES_CAPTION = (
    f"Each point from the first {ex.CURVE_SAMPLE:,} problems ({ex.STAR_SAMPLE_PER_P} for "
    "p < 1). Bars: 95% intervals. The elastic net's budget t is in its "
    "own units, α‖w‖₁ + (1 − α)‖w‖₂²: its region at the same t is not the diamond's size "
    "(its corners lie inside the diamond's for t > 1, outside for t < 1), so compare its "
    "curve's shape, not its height at one t."
)
MAP_INTRO = (
    "Fix one bowl shape and colour every possible centre by where its optimum lands. The "
    "centres that land on a corner of the diamond fill wedges: the normal cone at the "
    "corner, stretched by the bowl. For the circle the same sets are single lines: zero "
    "area."
)
BUDGET_TITLE = "Smaller budgets give more zeros"


def odds_text(l1_share: Share, l2_share: Share) -> str:
    """The L1 share with its interval, and the L2 count beside the odds chart."""
    low, high = l1_share.interval
    return (
        f"**L1:** {percent(l1_share.value)} of {l1_share.total:,} problems have an exact "
        f"zero (95% interval {percent(low)} to {percent(high)}).  \n"
        f"**L2:** {l2_share.hits:,} of {l2_share.total:,}"
        f"{': exactly none' if l2_share.hits == 0 else ''}. A round ball has no corner, so "
        "its optimum is on an axis only when the pull points exactly along it: data on a "
        "line, probability 0."
    )


def tolerance_text(fake: Share, sampled: Share) -> str:
    """What a coarse tolerance and a boundary-sampling solver would report for L2."""
    return (
        f"With that tolerance L2 would report **{percent(fake.value)}** “zeros” "
        f"({fake.hits:,} problems){', every one of them false' if fake.hits else ''}. "
        f"A solver that only tries 360 points of the circle reports "
        f"**{percent(sampled.value)}** exact zeros: the axis points are among its samples. "
        "Both are errors of method, not properties of L2."
    )


def scatter_caption(shown: int) -> str:
    """Under the scatter of where the first ``shown`` optima land."""
    return (
        f"The first {shown:,} problems. On the diamond the "
        "optima pile up on its four corners; on the circle they spread all around it."
    )


def map_text(domain: str, exact: CatchmentShares, monte_carlo: Share) -> str:
    """Under one catchment map: the exact share on an axis, and the Monte-Carlo check."""
    low, high = monte_carlo.interval
    return (
        f"Exact share of the {domain.lower()} landing on an "
        f"axis: **{percent(exact.on_axis)}** (inside the region: "
        f"{percent(exact.inside)}). Monte-Carlo with this bowl: "
        f"{percent(monte_carlo.value)}, 95% interval {percent(low)} to {percent(high)}."
    )


def usually_text(budget: float, shares: Sequence[tuple[float, float]]) -> str:
    """“Usually” has no fixed value: the diamond's exact share at growing spreads."""
    usually = ", ".join(f"{percent(v)} at spread {s:g}" for s, v in shares)
    return (
        f"“Usually” has no fixed value. For this bowl and budget t = {budget:g} the diamond's "
        f"exact share is {usually}: it tends to 100% as the data's optimum lies farther out "
        "against the budget, because the corners' wedges widen with distance while the "
        "edges' strips keep their width."
    )


def any_zero_caption(share: Share) -> str:
    """Under a metric of zero weights: the share of solutions with at least one zero."""
    return f"{percent(share.value)} of solutions have at least one zero."
