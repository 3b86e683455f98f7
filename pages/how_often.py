"""How often: the odds of an exact zero over many random problems, and the exact map behind them."""

import numpy as np
import streamlit as st

from figures.how_often import (
    OddsRow,
    catchment_map_figure,
    landing_scatter_figure,
    nonzero_histogram,
    odds_figure,
    p_curve_figure,
    percent,
    share_curve_figure,
)
from geometry import ElasticNetBall, NormBall
from pages.common import page_setup, url_select, url_slider, url_toggle
from studies import experiments as ex
from studies.catchment import catchment_shares
from studies.ensembles import hessians_from_shape
from studies.landing import landing_batch
from studies.odds import Share, near_zero
from studies.sampled_boundary import sampled_boundary_solutions

SETUP_NAMES = {
    "random": "Random bowls",
    "published": "Published a, b, c",
    "symmetric": "Symmetric bowls",
}
COUNTS = {"1000": "1,000", "10000": "10,000", "100000": "100,000"}
CONDITIONS = {"1": "1 (round)", "10": "10", "100": "100", "1000": "1000"}
TOLERANCES = {"0": "exact (== 0.0)", "1e-9": "1e-9", "1e-6": "1e-6", "1e-3": "1e-3", "0.01": "0.01"}
DOMAINS = {"disk": "Disc", "square": "Square"}
SCATTER_SAMPLE = 1_500
SAMPLED_SOLVER_SAMPLE = 5_000

# Arrays are cached as shared objects (never copied, never mutated here).
cached = st.cache_resource(max_entries=16, show_spinner="Solving…")
draw_problems = cached(ex.draw_problems)
solve_and_classify = cached(
    lambda key, t, p: ex.solve_and_classify(draw_problems(*key), NormBall(p, t))
)
region_codes = cached(lambda key, region: ex.region_codes(draw_problems(*key), region))
budget_curves = cached(
    lambda key, a, outside: ex.shares_against_budget(
        draw_problems(*key), ex.budget_grid(key[2]), a, outside
    )
)
p_curve = cached(lambda key, t, outside: ex.shares_against_p(draw_problems(*key), t, outside))


@cached
def sampled_solver_share(key: tuple, t: float) -> Share:
    """Share of "exact zeros" from the best-of-360-boundary-points method on the L2 circle."""
    sample = draw_problems(*key).head(SAMPLED_SOLVER_SAMPLE)
    solutions = sampled_boundary_solutions(sample.centers, sample.hessians, NormBall(2, t), 360)
    return Share.of(near_zero(solutions, 0.0))


@cached
def scatter_figure(key: tuple, t: float):
    """Where the first problems' optima land: built once per set of problems and budget."""
    panels = []
    for p in (1.0, 2.0):
        w, codes = solve_and_classify(key, t, p)
        panels.append((NormBall(p, t), w[:SCATTER_SAMPLE], codes[:SCATTER_SAMPLE]))
    return landing_scatter_figure(panels)


@cached
def budget_figure(key: tuple, a: float, outside: bool):
    """Share with an exact zero against the budget, for L1, L2 and the elastic net."""
    curves = budget_curves(key, a, outside)
    regions = {"L1": NormBall(1, 1.0), "L2": NormBall(2, 1.0), "EN": ElasticNetBall(1.0, a)}
    return share_curve_figure(
        ex.budget_grid(key[2]),
        [(regions[name], shares) for name, shares in curves.items()],
        "budget t",
        "Smaller budgets give more zeros",
    )


@cached
def p_figure(key: tuple, t: float, outside: bool):
    """Share with an exact zero against p."""
    return p_curve_figure(list(ex.P_GRID), p_curve(key, t, outside))


@cached
def histogram(dim: int, spread: float, max_condition: float, t: float):
    """Non-zero weights per solution of the random n-D problems."""
    odds = dimension_experiment(dim, 200, spread, max_condition, t, 0)
    return nonzero_histogram(odds.nonzeros, dim)


@cached
def map_figure(p: float, t: float, condition: float, angle: float, spread: float, domain: str):
    """The catchment map of one region: 400 x 400 centres classified, exact wedges drawn."""
    hessian = hessians_from_shape(np.array([condition]), np.array([angle]))[0]
    return catchment_map_figure(hessian, NormBall(p, t), domain, spread)


@cached
def catchment_check(key: tuple, ball: NormBall, hessian: np.ndarray) -> np.ndarray:
    """Landing codes of the drawn centres, every one with the map's bowl."""
    return landing_batch(draw_problems(*key).centers, hessian, ball)


dimension_experiment = cached(ex.dimension_experiment)


def _load_published_setup() -> None:
    """The published simulation: centres U(-10, 10)^2, budget 2, centres inside rejected."""
    st.session_state.update(setup="published", spread=10.0, domain="square", t=2.0, outside=True)


frame = page_setup("how_often", "How often does L1 give an exact zero?")
if not frame.presenting:  # projected, the lecturer says this
    st.markdown(
        "*“L1 usually gives sparse weights”*: how usually? Below, many random problems are solved "
        "**exactly**, and a weight counts as zero only when the solver puts it at exactly 0.0. "
        "Then the map at the bottom shows where the odds come from: the corners' catchment wedges."
    )

with st.sidebar:
    st.header("Random problems")
    setup = url_select(
        "Loss shapes",
        "setup",
        SETUP_NAMES,
        default="random",
        help="Random bowls: condition number and tilt at random. Published: the a, b, c "
        "setup of a well-known simulation. Symmetric: round bowls (a = b, c = 0).",
    )
    st.button(
        "Load the published setup",
        on_click=_load_published_setup,
        width="stretch",
        help="Centres uniform in [-10, 10]², budget 2, centres inside the region rejected.",
    )
    count = int(
        url_select(
            "Number of problems",
            "n",
            COUNTS,
            default="100000",
            help="Solved exactly, all of them, on every change.",
        )
    )
    spread = url_slider(
        "Centre spread",
        "spread",
        min_value=0.5,
        max_value=10.0,
        default=4.0,
        step=0.5,
        help="How far from 0 the loss centres are drawn.",
        fmt="%.1f",
    )
    domain = url_select(
        "Centres drawn from a",
        "domain",
        DOMAINS,
        default="disk",
        help="Uniform in a disc of this radius or a square of this half-width.",
    )
    max_condition = float(
        url_select(
            "Largest condition number",
            "max_cond",
            CONDITIONS,
            default="100",
            help="Random bowls only: elongation log-uniform from 1 (round) to this.",
        )
    )
    budget = url_slider(
        "Budget t",
        "t",
        min_value=0.25,
        max_value=5.0,
        default=1.0,
        step=0.25,
        help="The size of each region.",
    )
    outside = url_toggle(
        "Count only centres outside the region",
        "outside",
        default=False,
        help="A centre inside the region needs no shrinkage; published setups reject those draws.",
    )
    st.header("Other regions")
    p = url_slider(
        "p of the Lp ball",
        "p",
        min_value=0.3,
        max_value=3.0,
        default=0.5,
        step=0.1,
        help="p < 1: a star with sharper corners; p > 1: a round ball.",
        fmt="%.1f",
    )
    l1_ratio = url_slider(
        "Elastic net's L1 share a",
        "en_a",
        min_value=0.1,
        max_value=0.9,
        default=0.5,
        step=0.1,
        help="a|w|₁ + (1−a)|w|₂² ≤ t",
        fmt="%.1f",
    )

key = (setup, count, spread, domain, max_condition, 0)
l1_w, l1_codes = solve_and_classify(key, budget, 1.0)
l2_w, l2_codes = solve_and_classify(key, budget, 2.0)
lp_ball = NormBall(p=p, radius=budget)
en_ball = ElasticNetBall(radius=budget, l1_ratio=l1_ratio)
rows = [
    OddsRow(NormBall(1, budget), ex.zero_share(l1_codes, outside)),
    OddsRow(NormBall(2, budget), ex.zero_share(l2_codes, outside)),
    OddsRow(lp_ball, ex.zero_share(region_codes(key, lp_ball), outside)),
    OddsRow(en_ball, ex.zero_share(region_codes(key, en_ball), outside)),
]

st.header("The odds")
left, right = st.columns([3, 2])
with left:
    frame.chart(odds_figure(rows), "chart_odds")
with right:
    l1_share, l2_share = rows[0].share, rows[1].share
    low, high = l1_share.interval
    st.markdown(
        f"**L1:** {percent(l1_share.value)} of {l1_share.total:,} problems have an exact zero "
        f"(95% interval {percent(low)} to {percent(high)}).  \n"
        f"**L2:** {l2_share.hits:,} of {l2_share.total:,}: exactly none. A round ball has no "
        "corner, so its optimum is on an axis only when the pull points exactly along it."
    )
    if p < 1.0:
        st.caption(f"p < 1 is solved one problem at a time: the first {ex.STAR_SAMPLE:,} problems.")
    tolerance = float(
        url_select(
            "Count |wᵢ| below this as zero",
            "tol",
            TOLERANCES,
            default="0",
            help="A coarse tolerance is how some simulations count zeros. Watch L2.",
        )
    )
    fake = Share.of(near_zero(l2_w, tolerance))
    sampled_share = sampled_solver_share(key, budget)
    st.markdown(
        f"With that tolerance L2 would report **{percent(fake.value)}** “zeros” "
        f"({fake.hits:,} problems){', every one of them false' if fake.hits else ''}. "
        "A solver that only tries 360 points of the circle reports "
        f"**{percent(sampled_share.value)}** "
        "exact zeros: the axis points are among its samples. Both are errors of method, "
        "not properties of L2."
    )

st.header("Where the optima land")
frame.chart(scatter_figure(key, budget), "chart_scatter")
st.caption(
    f"The first {min(SCATTER_SAMPLE, count):,} problems. On the diamond the optima pile up "
    "on its four corners; on the circle they spread all around it."
)

st.header("Against the budget and against p")
left, right = st.columns(2)
with left:
    frame.chart(budget_figure(key, l1_ratio, outside), "chart_budget")
with right:
    frame.chart(p_figure(key, budget, outside), "chart_p")
st.caption(
    f"Each point from the first {ex.CURVE_SAMPLE:,} problems ({ex.STAR_SAMPLE_PER_P} for p < 1, "
    "solved one by one). Bars: 95% intervals."
)

st.header("The map behind the odds")
st.markdown(
    "Fix one bowl shape and colour every possible centre by where its optimum lands. The "
    "centres that land on a corner of the diamond fill wedges: the normal cone at the corner, "
    "stretched by the bowl. For the circle the same sets are single lines: zero area."
)
left, right = st.columns(2)
with left:
    map_condition = url_slider(
        "Map: condition number",
        "map_cond",
        min_value=1.0,
        max_value=50.0,
        default=6.0,
        step=1.0,
        fmt="%.0f",
        help="How elongated the bowl is.",
    )
with right:
    map_angle = url_slider(
        "Map: tilt (degrees)",
        "map_angle",
        min_value=0.0,
        max_value=180.0,
        default=30.0,
        step=5.0,
        fmt="%.0f",
        help="Direction of the long axis.",
    )
hessian = hessians_from_shape(np.array([map_condition]), np.array([map_angle]))[0]
columns = st.columns(2)
for column, ball in zip(columns, (NormBall(1, budget), NormBall(2, budget)), strict=True):
    exact = catchment_shares(hessian, ball, domain, spread)
    with column:
        frame.chart(
            map_figure(ball.p, budget, map_condition, map_angle, spread, domain),
            f"chart_map_{ball.p:g}",
        )
        monte_carlo = ex.zero_share(catchment_check(key, ball, hessian), False)
        low, high = monte_carlo.interval
        st.markdown(
            f"Exact share of the {DOMAINS[domain].lower()} landing on an axis: "
            f"**{percent(exact.on_axis)}** (inside the region: {percent(exact.inside)}). "
            f"Monte-Carlo with this bowl: {percent(monte_carlo.value)}, 95% interval "
            f"{percent(low)} to {percent(high)}."
        )

st.header("More weights")
dim = int(
    url_slider(
        "Number of weights n",
        "dim",
        min_value=2,
        max_value=50,
        default=10,
        step=1,
        fmt="%.0f",
        help="Random n-dimensional bowls, 200 problems.",
    )
)
odds = dimension_experiment(dim, 200, spread, max_condition, budget, 0)
left, right = st.columns([2, 3])
with left:
    for name in ("L1", "L2"):
        coordinates, anyzero = odds.zero_coordinates[name], odds.any_zero[name]
        st.metric(
            f"{name}: weights exactly zero",
            percent(coordinates.value),
            help=f"{coordinates.hits:,} of {coordinates.total:,} weights",
        )
        st.caption(f"{percent(anyzero.value)} of solutions have at least one zero.")
with right:
    frame.chart(histogram(dim, spread, max_condition, budget), "chart_dim")
frame.finish()
