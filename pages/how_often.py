"""How often: the odds of an exact zero over many random problems, and the exact map behind them."""

import streamlit as st

from figures.catchment_map import catchment_map_figure
from figures.landing import landing_scatter_figure, nonzero_histogram
from figures.odds import OddsRow, odds_figure, p_curve_figure, percent, share_curve_figure
from geometry import ElasticNetBall, NormBall
from lessons import how_often as model
from lessons.how_often import Ensemble
from studies import experiments as ex
from ui.frame import page_frame
from ui.url_widgets import slider, url_select, url_toggle

# Figures are the same for every visitor with the same controls: built once.
cached = st.cache_resource(max_entries=16, show_spinner="Solving…")


@cached
def scatter_figure(ensemble: Ensemble, budget: float):
    """Where the first problems' optima land, on the diamond and on the circle."""
    panels = []
    for p in (1.0, 2.0):
        w, codes = model.solved(ensemble, budget, p)
        sample = slice(0, model.SCATTER_SAMPLE)
        panels.append((NormBall(p, budget), w[sample], codes[sample]))
    return landing_scatter_figure(panels)


@cached
def budget_figure(ensemble: Ensemble, l1_ratio: float, outside: bool):
    """Share with an exact zero against the budget, for L1, L2 and the elastic net."""
    grid, curves = model.shares_against_budget(ensemble, l1_ratio, outside)
    regions = {"L1": NormBall(1, 1.0), "L2": NormBall(2, 1.0), "EN": ElasticNetBall(1.0, l1_ratio)}
    return share_curve_figure(
        grid,
        [(regions[name], shares) for name, shares in curves.items()],
        "budget t",
        "Smaller budgets give more zeros",
    )


@cached
def p_figure(ensemble: Ensemble, budget: float, outside: bool):
    """Share with an exact zero against p."""
    return p_curve_figure(list(ex.P_GRID), model.shares_against_p(ensemble, budget, outside))


@cached
def map_figure(condition: float, tilt: float, ball: NormBall, spread: float, domain: str):
    """The catchment map of one region: 400 x 400 centres classified, exact wedges drawn."""
    return catchment_map_figure(model.catchment_map(condition, tilt, ball, spread, domain))


@cached
def histogram(dim: int, spread: float, max_condition: float, budget: float):
    """Non-zero weights per solution of the random n-D problems."""
    odds = model.dimension_odds(dim, spread, max_condition, budget)
    return nonzero_histogram(odds.nonzeros, dim)


def load_published_setup() -> None:
    st.session_state.update(model.PUBLISHED_SETUP)


def ensemble_controls() -> Ensemble:
    setup = url_select(
        "Loss shapes",
        "setup",
        model.SETUP_NAMES,
        default="random",
        help="Random bowls: condition number and tilt at random. Published: the a, b, c bowls "
        "of T. Parr's simulation (explained.ai, cited above). Symmetric: its round bowls "
        "(a = b, c = 0).",
    )
    st.button(
        "Load the published setup",
        on_click=load_published_setup,
        width="stretch",
        help="Parr's setup: centres uniform in [−10, 10]², budget 2, centres inside the region "
        "rejected.",
    )
    count = url_select(
        "Number of problems",
        "n",
        model.COUNTS,
        default="100000",
        help="Every one of them solved exactly, none approximated.",
    )
    spread = slider(model.SPREAD)
    domain = url_select(
        "Centres drawn from a",
        "domain",
        model.DOMAINS,
        default="disk",
        help="Uniform in a disc of this radius or a square of this half-width.",
    )
    max_condition = url_select(
        "Largest condition number",
        "max_cond",
        model.CONDITIONS,
        default="100",
        help="Random bowls only: elongation log-uniform from 1 (round) to this.",
    )
    return Ensemble(setup, int(count), spread, domain, float(max_condition))


with page_frame("how_often") as frame:
    if not frame.presenting:  # projected, the lecturer says this
        st.markdown(
            "*“L1 usually gives sparse weights”*: how usually? Below, many random problems are "
            "solved **exactly**, and a weight counts as zero only when the solver puts it at "
            "exactly 0.0. Then the map at the bottom shows where the odds come from: the "
            "corners' catchment wedges."
        )
    with st.sidebar:
        st.header("Random problems")
        ensemble = ensemble_controls()
        budget = slider(model.BUDGET)
        outside = url_toggle(
            "Count only centres outside the region",
            "outside",
            default=False,
            help="A centre inside the region needs no shrinkage; the published simulation "
            "rejects them.",
        )
        st.header("Other regions")
        p, l1_ratio = slider(model.LP_EXPONENT), slider(model.EN_SHARE)

    rows = model.odds(ensemble, budget, p, l1_ratio, outside)
    st.header("The odds")
    left, right = st.columns([3, 2])
    with left:
        frame.chart(odds_figure([OddsRow(region, share) for region, share in rows]), "chart_odds")
    with right:
        (_, l1_share), (_, l2_share) = rows[:2]
        low, high = l1_share.interval
        st.markdown(
            f"**L1:** {percent(l1_share.value)} of {l1_share.total:,} problems have an exact "
            f"zero (95% interval {percent(low)} to {percent(high)}).  \n"
            f"**L2:** {l2_share.hits:,} of {l2_share.total:,}"
            f"{': exactly none' if l2_share.hits == 0 else ''}. A round ball has no corner, so "
            "its optimum is on an axis only when the pull points exactly along it: data on a "
            "line, probability 0."
        )
        if p < 1.0:
            st.caption(
                f"p < 1, a star that is not convex, is solved along its boundary for the first "
                f"{ex.STAR_SAMPLE:,} problems."
            )
        tolerance = url_select(
            "Count |wᵢ| below this as zero",
            "tol",
            model.TOLERANCES,
            default="0",
            help="A coarse tolerance is how some simulations count zeros. Watch L2.",
        )
        fake = model.tolerance_share(ensemble, budget, float(tolerance))
        sampled = model.sampled_solver_share(ensemble, budget)
        st.markdown(
            f"With that tolerance L2 would report **{percent(fake.value)}** “zeros” "
            f"({fake.hits:,} problems){', every one of them false' if fake.hits else ''}. "
            f"A solver that only tries 360 points of the circle reports "
            f"**{percent(sampled.value)}** exact zeros: the axis points are among its samples. "
            "Both are errors of method, not properties of L2."
        )

    if not frame.presenting:  # under the odds, so that the odds chart is on the first screen
        st.caption(
            "The published setup draws the problems of Terence Parr's simulation in [The "
            "difference between L1 and L2 regularization]"
            "(https://explained.ai/regularization/L1vsL2.html) (explained.ai, section 3.1): "
            "bowls a(w1 − c1)² + b(w2 − c2)² + c(w1 − c1)(w2 − c2) with a, b ~ U(0, 10) and "
            "c ~ U(−2, 2), centres (c1, c2) uniform in [−10, 10]², budget 2, centres inside the "
            "region drawn again. There each optimum was taken as the best of sampled boundary "
            "points, the axis points among them: the method whose L2 “zeros” the odds above "
            "show to be artefacts. Here every problem is solved exactly."
        )

    st.header("Where the optima land")
    frame.chart(scatter_figure(ensemble, budget), "chart_scatter")
    st.caption(
        f"The first {min(model.SCATTER_SAMPLE, ensemble.count):,} problems. On the diamond the "
        "optima pile up on its four corners; on the circle they spread all around it."
    )

    st.header("Against the budget and against p")
    left, right = st.columns(2)
    with left:
        frame.chart(budget_figure(ensemble, l1_ratio, outside), "chart_budget")
    with right:
        frame.chart(p_figure(ensemble, budget, outside), "chart_p")
    st.caption(
        f"Each point from the first {ex.CURVE_SAMPLE:,} problems ({ex.STAR_SAMPLE_PER_P} for "
        "p < 1). Bars: 95% intervals. The elastic net's budget t is in its "
        "own units, α‖w‖₁ + (1 − α)‖w‖₂²: its region at the same t is not the diamond's size "
        "(its corners lie inside the diamond's for t > 1, outside for t < 1), so compare its "
        "curve's shape, not its height at one t."
    )

    st.header("The map behind the odds")
    st.markdown(
        "Fix one bowl shape and colour every possible centre by where its optimum lands. The "
        "centres that land on a corner of the diamond fill wedges: the normal cone at the "
        "corner, stretched by the bowl. For the circle the same sets are single lines: zero "
        "area."
    )
    left, right = st.columns(2)
    with left:
        map_condition = slider(model.MAP_CONDITION)
    with right:
        map_tilt = slider(model.MAP_TILT)
    for column, ball in zip(st.columns(2), (NormBall(1, budget), NormBall(2, budget)), strict=True):
        args = (map_condition, map_tilt, ball, ensemble.spread, ensemble.domain)
        exact = model.exact_catchment_shares(*args)
        monte_carlo = model.catchment_check(ensemble, ball, map_condition, map_tilt)
        low, high = monte_carlo.interval
        with column:
            frame.chart(map_figure(*args), f"chart_map_{ball.p:g}")
            st.markdown(
                f"Exact share of the {model.DOMAINS[ensemble.domain].lower()} landing on an "
                f"axis: **{percent(exact.on_axis)}** (inside the region: "
                f"{percent(exact.inside)}). Monte-Carlo with this bowl: "
                f"{percent(monte_carlo.value)}, 95% interval {percent(low)} to {percent(high)}."
            )

    diamond = NormBall(1, budget)
    spreads = sorted({ensemble.spread, *(k * budget for k in (2.0, 10.0, 100.0))})
    shares = [
        model.exact_catchment_shares(map_condition, map_tilt, diamond, s, ensemble.domain).on_axis
        for s in spreads
    ]
    usually = ", ".join(
        f"{percent(v)} at spread {s:g}" for s, v in zip(spreads, shares, strict=True)
    )
    st.markdown(
        f"“Usually” has no fixed value. For this bowl and budget t = {budget:g} the diamond's "
        f"exact share is {usually}: it tends to 100% as the data's optimum lies farther out "
        "against the budget, because the corners' wedges widen with distance while the "
        "edges' strips keep their width."
    )

    st.header("More weights")
    dim = int(slider(model.DIMENSION))
    odds = model.dimension_odds(dim, ensemble.spread, ensemble.max_condition, budget)
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
        frame.chart(histogram(dim, ensemble.spread, ensemble.max_condition, budget), "chart_dim")
