"""How often: the odds of an exact zero over many random problems, and the exact map behind them."""

from collections.abc import Iterator

import streamlit as st

from figures.catchment_map import catchment_map_figure
from figures.landing import landing_scatter_figure, nonzero_histogram
from figures.odds import OddsRow, odds_figure, p_curve_figure, percent, share_curve_figure
from lessons import how_often as lesson
from lessons.how_often import Ensemble
from ui import warm
from ui.frame import PageFrame, page_frame
from ui.url_widgets import slider, url_select, url_toggle


# Figures are the same for every visitor with the same controls: built once, each on the
# controls it depends on only. Memory per entry measured with tracemalloc (100,000 problems);
# the page's defaults and the warmed settings fill them to about 60 MB with the lesson's caches.
def cached(entries: int):
    return st.cache_resource(max_entries=entries, show_spinner="Solving…")


@cached(160)  # 53 kB per entry
def odds_chart(ensemble: Ensemble, budget: float, p: float, l1_ratio: float, outside: bool):
    """The odds of an exact zero under the four regions."""
    rows = lesson.odds(ensemble, budget, p, l1_ratio, outside)
    return odds_figure([OddsRow(region, share) for region, share in rows])


@cached(160)  # 147 kB per entry (3,000 points)
def scatter_figure(ensemble: Ensemble, budget: float):
    """Where the first problems' optima land, on the diamond and on the circle."""
    return landing_scatter_figure(lesson.scatter_panels(ensemble, budget))


@cached(160)  # 92 kB per entry
def budget_figure(ensemble: Ensemble, l1_ratio: float, outside: bool):
    """Share with an exact zero against the budget, for L1, L2 and the elastic net."""
    grid, curves = lesson.budget_curves(ensemble, l1_ratio, outside)
    return share_curve_figure(grid, curves, "budget t", lesson.BUDGET_TITLE)


@cached(160)  # 77 kB per entry
def p_figure(ensemble: Ensemble, budget: float, outside: bool):
    """Share with an exact zero against p."""
    return p_curve_figure(*lesson.p_curve(ensemble, budget, outside))


@cached(320)  # 71 kB per entry (a 400 x 400 raster of int8 codes)
def map_figure(condition: float, tilt: float, ball, spread: float, domain: str):
    """The catchment map of one region: 400 x 400 centres classified, exact wedges drawn."""
    return catchment_map_figure(lesson.catchment_map(condition, tilt, ball, spread, domain))


@cached(256)  # 53 kB per entry
def histogram(dim: int, spread: float, max_condition: float, budget: float):
    """Non-zero weights per solution of the random n-D problems."""
    odds = lesson.dimension_odds(dim, spread, max_condition, budget)
    return nonzero_histogram(odds.nonzeros, dim)


def load_published_setup() -> None:
    st.session_state.update(lesson.PUBLISHED_SETUP)


def ensemble_controls() -> Ensemble:
    help_ = lesson.HELP
    setup = url_select(
        "Loss shapes", "setup", lesson.SETUP_NAMES, default="random", help=help_["setup"]
    )
    st.button(
        "Load the published setup",
        on_click=load_published_setup,
        width="stretch",
        help=help_["published"],
    )
    count = url_select("Number of problems", "n", lesson.COUNTS, default="100000", help=help_["n"])
    spread = slider(lesson.SPREAD)
    domain = url_select(
        "Centres drawn from a", "domain", lesson.DOMAINS, default="disk", help=help_["domain"]
    )
    max_condition = url_select(
        "Largest condition number",
        "max_cond",
        lesson.CONDITIONS,
        default="100",
        help=help_["max_cond"],
    )
    return Ensemble(setup, int(count), spread, domain, float(max_condition))


@st.fragment
def tolerance_block(ensemble: Ensemble, budget: float) -> None:
    """The tolerance and what it would call zero (a fragment: nothing else depends on it)."""
    with warm.busy():
        tolerance = url_select(
            "Count |wᵢ| below this as zero",
            "tol",
            lesson.TOLERANCES,
            default="0",
            help=lesson.HELP["tol"],
        )
        fake = lesson.tolerance_share(ensemble, budget, float(tolerance))
        sampled = lesson.sampled_solver_share(ensemble, budget)
        st.markdown(lesson.tolerance_text(fake, sampled))


@st.fragment
def map_section(frame: PageFrame, ensemble: Ensemble, budget: float) -> None:
    """The catchment maps and their sliders (a fragment: the rest of the page ignores them)."""
    with warm.busy():
        left, right = st.columns(2)
        with left:
            map_condition = slider(lesson.MAP_CONDITION)
        with right:
            map_tilt = slider(lesson.MAP_TILT)
        for column, ball in zip(st.columns(2), lesson.map_balls(budget), strict=True):
            args = (map_condition, map_tilt, ball, ensemble.spread, ensemble.domain)
            exact = lesson.exact_catchment_shares(*args)
            monte_carlo = lesson.catchment_check(ensemble, ball, map_condition, map_tilt)
            with column:
                frame.chart(map_figure(*args), f"chart_map_{ball.p:g}")
                st.markdown(lesson.map_text(lesson.DOMAINS[ensemble.domain], exact, monte_carlo))

        shares = lesson.usually_shares(
            map_condition, map_tilt, budget, ensemble.spread, ensemble.domain
        )
        st.markdown(lesson.usually_text(budget, shares))


@st.fragment
def weights_section(frame: PageFrame, ensemble: Ensemble, budget: float) -> None:
    """n weights: its slider, the zero shares and the histogram (a fragment)."""
    with warm.busy():
        dim = int(slider(lesson.DIMENSION))
        odds = lesson.dimension_odds(dim, ensemble.spread, ensemble.max_condition, budget)
        left, right = st.columns([2, 3])
        with left:
            for name in ("L1", "L2"):
                coordinates = odds.zero_coordinates[name]
                st.metric(
                    f"{name}: weights exactly zero",
                    percent(coordinates.value),
                    help=f"{coordinates.hits:,} of {coordinates.total:,} weights",
                )
                st.caption(lesson.any_zero_caption(odds.any_zero[name]))
        with right:
            chart = histogram(dim, ensemble.spread, ensemble.max_condition, budget)
            frame.chart(chart, "chart_dim")


def compute(setting: dict) -> Iterator[None]:
    """Fill the caches for the page at ``setting`` (controls off their defaults), as a run would.

    A generator: it pauses after each piece, where the warming thread waits for the pages.
    """
    values = {spec.key: spec.default for spec in lesson.WARM_SLIDERS}
    values |= {"setup": "random", "n": "100000", "domain": "disk", "max_cond": "100"}
    values |= {"outside": False, **setting}
    ensemble = Ensemble(
        values["setup"], int(values["n"]), values["spread"], values["domain"],
        float(values["max_cond"]),
    )  # fmt: skip
    budget, outside = values["t"], values["outside"]
    yield odds_chart(ensemble, budget, values["p"], values["en_a"], outside)
    yield lesson.tolerance_share(ensemble, budget, 0.0)
    yield lesson.sampled_solver_share(ensemble, budget)
    yield scatter_figure(ensemble, budget)
    yield budget_figure(ensemble, values["en_a"], outside)
    yield p_figure(ensemble, budget, outside)
    condition, tilt = values["map_cond"], values["map_angle"]
    for ball in lesson.map_balls(budget):
        args = (condition, tilt, ball, ensemble.spread, ensemble.domain)
        yield lesson.exact_catchment_shares(*args)
        yield lesson.catchment_check(ensemble, ball, condition, tilt)
        yield map_figure(*args)
    yield lesson.usually_shares(condition, tilt, budget, ensemble.spread, ensemble.domain)
    yield histogram(int(values["dim"]), ensemble.spread, ensemble.max_condition, budget)


with page_frame("how_often") as frame:
    warm.start("how_often", lesson.warm_settings(), compute)
    if not frame.presenting:  # projected, the lecturer says this
        st.markdown(lesson.INTRO)
    with st.sidebar:
        st.header("Random problems")
        ensemble = ensemble_controls()
        budget = slider(lesson.BUDGET)
        outside = url_toggle(
            "Count only centres outside the region",
            "outside",
            default=False,
            help=lesson.HELP["outside"],
        )
        st.header("Other regions")
        p, l1_ratio = slider(lesson.LP_EXPONENT), slider(lesson.EN_SHARE)

    rows = lesson.odds(ensemble, budget, p, l1_ratio, outside)
    st.header("The odds")
    left, right = st.columns([3, 2])
    with left:
        frame.chart(odds_chart(ensemble, budget, p, l1_ratio, outside), "chart_odds")
    with right:
        (_, l1_share), (_, l2_share) = rows[:2]
        st.markdown(lesson.odds_text(l1_share, l2_share))
        if p < 1.0:
            st.caption(lesson.STAR_NOTE)
        tolerance_block(ensemble, budget)

    if not frame.presenting:  # under the odds, so that the odds chart is on the first screen
        st.caption(lesson.PUBLISHED_CAPTION)

    st.header("Where the optima land")
    frame.chart(scatter_figure(ensemble, budget), "chart_scatter")
    st.caption(lesson.scatter_caption(min(lesson.SCATTER_SAMPLE, ensemble.count)))

    st.header("Against the budget and against p")
    left, right = st.columns(2)
    with left:
        frame.chart(budget_figure(ensemble, l1_ratio, outside), "chart_budget")
    with right:
        frame.chart(p_figure(ensemble, budget, outside), "chart_p")
    st.caption(lesson.CURVES_CAPTION)

    st.header("The map behind the odds")
    st.markdown(lesson.MAP_INTRO)
    map_section(frame, ensemble, budget)

    st.header("More weights")
    weights_section(frame, ensemble, budget)
