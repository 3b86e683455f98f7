"""Widgets and state shared by the pages: every control keeps its value in the URL.

Streamlit's ``bind="query-params"`` ties a keyed widget to the query
parameter of the same name: a lecturer's prepared link reproduces the view.
Streamlit silently drops a URL value that is not a valid choice or lies
outside a slider's range; the widgets here look first, so that an
out-of-range number is clamped to the nearest end, anything unreadable falls
back to the default, and either way the page says so in a small note.

Every page is framed the same way: ``frame = page_setup(path)`` at the top
(the router hand-over, presentation mode, the toolbar), charts through
``frame.chart``, and ``frame.finish()`` at the end (notes about the link,
the link to this view).
"""

from __future__ import annotations

import math
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass

import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.navigation.page import StreamlitPage

from figures.style import adapt_figure, chart_config
from geometry import ElasticNetBall, NormBall, QuadraticLoss
from solvers import Solution, solve_constrained, solve_penalized

_ROUTED = "_routed_by_app"
_NOTES = "_url_notes"  # this run's notes about values read from the link
_VALUES = "_url_values"  # this run's controls: key -> (value as in the URL, default)
PRESENT = "present"
# "-white": draw the figures white even on a dark page, so that downloads suit slides.
EXPORT_FORMATS = {
    "png": "PNG figures",
    "svg": "SVG figures",
    "png-white": "PNG, white (slides)",
    "svg-white": "SVG, white (slides)",
}
_TRUE, _FALSE = ("true", "1", "yes", "on"), ("false", "0", "no", "off")
_LARGER_TEXT = """<style>
[data-testid="stMainBlockContainer"] { font-size: 1.3rem; padding-top: 4.5rem; }
[data-testid="stMainBlockContainer"] p, [data-testid="stMainBlockContainer"] li,
[data-testid="stMainBlockContainer"] td { font-size: 1.3rem; }
[data-testid="stMainBlockContainer"] h1 { font-size: 2.4rem; }
</style>"""


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
        st.Page("pages/tour.py", title="Tour", icon=":material/route:"),
        st.Page("pages/one_weight.py", title="One weight", icon=":material/show_chart:"),
        st.Page("pages/how_often.py", title="How often", icon=":material/casino:"),
        st.Page("pages/questions.py", title="Check yourself", icon=":material/quiz:"),
    ]
    return st.navigation(pages, position="top")


@dataclass
class PageFrame:
    """What every page shares: presentation mode, figure export, notes and the link.

    Attributes
    ----------
    path : str
        The page's URL path ("" for the first page).
    presenting : bool
        Presentation mode: larger type and lines, fewer words, sidebar collapsed.
    export_format : str
        "png" or "svg": what the camera button above each figure downloads.
    dark : bool
        Figures drawn for a dark page (unless white figures are asked for).
    """

    path: str
    presenting: bool
    export_format: str
    dark: bool
    notes: DeltaGenerator
    link: DeltaGenerator

    def chart(self, figure: go.Figure, key: str) -> None:
        """Show a figure, adapted to the mode and theme, with its export settings."""
        st.plotly_chart(
            adapt_figure(figure, presenting=self.presenting, dark=self.dark),
            key=key,
            config=chart_config(key, self.export_format),
        )

    def finish(self) -> None:
        """Notes about the link's values, and the link to this view."""
        notes = st.session_state.get(_NOTES, [])
        if notes:
            self.notes.caption("⚠️ From the link: " + " ".join(notes))
        with self.link.popover("Copy link", icon=":material/link:", width="stretch"):
            st.caption("Anyone who opens this link sees this view. Copy it with the icon.")
            st.code(share_link(self.path), language=None, wrap_lines=True)


def page_setup(path: str, title: str) -> PageFrame:
    """Page config, the router hand-over, and the toolbar every page shares.

    On a cold server whose first request is a deep link (/one_weight),
    Streamlit runs the page script directly in its legacy pages/ mode, without
    app.py. Registering the router once switches Streamlit to it for good; the
    rerun then arrives through app.py, on the same page, with its navigation.

    Parameters
    ----------
    path : str
        The page's URL path, for the link to this view.
    title : str
        The page's title: a heading, or a line in the toolbar when presenting
        (the figures need the height of a projector).
    """
    st.session_state[_NOTES] = []
    st.session_state[_VALUES] = {}
    _guard_flag(PRESENT, "Presentation mode")
    presenting = bool(st.session_state.get(PRESENT, False))
    st.set_page_config(
        page_title="Sparsity Lab",
        page_icon="🔷",
        layout="wide",
        initial_sidebar_state="collapsed" if presenting else "auto",
    )
    if not st.session_state.get(_ROUTED):
        navigation()
        st.rerun()
    heading, present, export, link = st.columns([5, 2, 2, 2], vertical_alignment="center")
    with present:
        presenting = url_toggle(
            "Presentation",
            PRESENT,
            default=False,
            help="For projecting: larger type, thicker lines, fewer words. Open a link with "
            "present=true to start with the sidebar folded away.",
        )
    with export:
        export_format = url_select(
            "Figures download as",
            "export",
            EXPORT_FORMATS,
            default="png",
            help="The camera icon above each figure downloads it, at twice the screen's "
            "resolution. On a dark page, the white choices draw the figures white for slides.",
            label_visibility="collapsed",
        )
    if presenting:
        st.html(_LARGER_TEXT)  # a constant: nothing a user types reaches this HTML
        heading.markdown(f"**{title}**")
    notes = heading.container()
    if not presenting:
        st.title(title)
    theme = st.context.theme
    dark = bool(theme and theme.type == "dark") and not export_format.endswith("-white")
    return PageFrame(path, presenting, export_format.split("-")[0], dark, notes, link)


def _initial(name: str, key: str, default: object) -> dict:
    """The widget's default, unless session state already holds its value.

    Passing both makes Streamlit log a warning on every run after a value was
    set through session state (a clamped link value, a mode switch).
    """
    return {} if key in st.session_state else {name: default}


def _note(text: str) -> None:
    st.session_state.setdefault(_NOTES, []).append(text)


def _shown(raw: str) -> str:
    """A URL value quoted for a note: short, and unable to format the note as markdown."""
    clipped = raw if len(raw) <= 24 else raw[:24] + "…"
    return "“" + "".join("\\" + ch if ch in "\\`*_[]()<>#!|~$" else ch for ch in clipped) + "”"


def _url_value(key: str) -> str | None:
    """The link's value for a control not yet set in this session, else None."""
    if key in st.session_state:
        return None
    return st.query_params.get(key)


def _remember(key: str, value: str, default: str) -> None:
    st.session_state.setdefault(_VALUES, {})[key] = (value, default)


def parse_number(raw: str, low: float, high: float) -> tuple[float | None, str]:
    """Read a number from a link: (value clamped to [low, high], verdict)."""
    try:
        value = float(raw.strip())
    except (ValueError, AttributeError):
        return None, "unreadable"
    if not math.isfinite(value):
        return None, "unreadable"
    if value < low or value > high:
        return min(max(value, low), high), "clamped"
    return value, "ok"


def _guard_number(key: str, label: str, low: float, high: float, default: float) -> None:
    raw = _url_value(key)
    if raw is None:
        return
    value, verdict = parse_number(raw, low, high)
    if verdict == "unreadable":
        _note(f"{label} = {_shown(raw)} is not a number; using the default {default:g}.")
        del st.query_params[key]
    elif verdict == "clamped":
        _note(f"{label} = {_shown(raw)} is outside {low:g} to {high:g}; using {value:g}.")
        st.session_state[key] = value


def _guard_choice(key: str, label: str, options: dict[str, str], default: str | None) -> None:
    raw = _url_value(key)
    if raw is None:
        return
    by_label = {text.casefold(): value for value, text in options.items()}
    chosen = raw if raw in options else by_label.get(raw.strip().casefold())
    if chosen is None:
        fallback = options[default] if default is not None else "no choice"
        _note(f"{label} = {_shown(raw)} is not one of the choices; using {fallback}.")
        del st.query_params[key]
    elif options[chosen] != raw:
        st.session_state[key] = chosen  # a key ("l1") or another spelling of a label


def _guard_flag(key: str, label: str) -> None:
    raw = _url_value(key)
    if raw is None:
        return
    word = raw.strip().casefold()
    if word in _TRUE + _FALSE:
        st.session_state[key] = word in _TRUE
    else:
        _note(f"{label} = {_shown(raw)} is neither true nor false; using off.")
        del st.query_params[key]


def url_toggle(label: str, key: str, *, default: bool, help: str) -> bool:
    """An on/off switch bound to the URL parameter ``key``."""
    _guard_flag(key, label)
    value = st.toggle(
        label, **_initial("value", key, default), key=key, help=help, bind="query-params"
    )
    _remember(key, "true" if value else "false", "true" if default else "false")
    return bool(value)


def view_url(path: str, query: dict[str, str]) -> str:
    """The full URL of a page of this app with these query parameters."""
    base = (st.context.url or "http://localhost:8501").rstrip("/")
    encoded = urllib.parse.urlencode(query, quote_via=urllib.parse.quote)
    return f"{base}/{path}" + (f"?{encoded}" if encoded else "")


def share_link(path: str) -> str:
    """The URL of this view: every control that differs from its default, plus the mode."""
    values = st.session_state.get(_VALUES, {})
    return view_url(
        path, {key: value for key, (value, default) in values.items() if value != default}
    )


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
    _guard_number(key, label, min_value, max_value, default)
    value = st.slider(
        label,
        min_value=float(min_value),
        max_value=float(max_value),
        **_initial("value", key, float(default)),
        step=float(step),
        format=fmt,
        key=key,
        help=help,
        bind="query-params",
    )
    # Streamlit already bounds the slider; this guards the invariant the solvers rely on.
    value = float(min(max(value, min_value), max_value))
    _remember(key, repr(value), repr(float(default)))  # repr: the shortest exact text
    return value


def url_select(
    label: str,
    key: str,
    options: dict[str, str],
    *,
    default: str | None,
    help: str | None = None,
    on_change: Callable[[], None] | None = None,
    radio: bool = False,
    label_visibility: str = "visible",
) -> str | None:
    """A choice among ``options`` (value -> label) bound to the URL parameter ``key``.

    The URL carries the label (that is what Streamlit binds); a link may also
    give the value itself or the label in another case. ``default=None``
    starts with nothing chosen (an unanswered question).
    """
    _guard_choice(key, label, options, default)
    widget = st.radio if radio else st.selectbox
    choice = widget(
        label,
        list(options),
        **_initial("index", key, None if default is None else list(options).index(default)),
        format_func=options.__getitem__,
        key=key,
        help=help,
        on_change=on_change,
        bind="query-params",
        label_visibility=label_visibility,
    )
    _remember(key, options.get(choice, ""), options.get(default, ""))
    return choice


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


# --- presets of the Constraint regions page -------------------------------------------


@dataclass(frozen=True)
class Preset:
    """A named situation: the state of the Constraint regions page, and why it matters."""

    name: str
    sentence: str
    state: dict[str, object]  # control key -> value, on top of the page's defaults

    def full_state(self) -> dict[str, object]:
        """Every control of the page: the defaults, then this preset's values."""
        return {**PAGE_DEFAULTS, **self.state}

    def query(self) -> dict[str, str]:
        """The URL parameters of this preset (values that differ from the defaults)."""
        labels = {"left_region": REGIONS, "right_region": REGIONS, "mode": MODES}
        query = {}
        for key, value in self.state.items():
            if value == PAGE_DEFAULTS[key]:
                continue
            if key in labels:
                query[key] = labels[key][value]
            elif isinstance(value, bool):
                query[key] = "true" if value else "false"
            else:
                query[key] = f"{value:g}"
        return query


PAGE_DEFAULTS: dict[str, object] = {
    **LOSS_DEFAULTS,
    "mode": "constraint",
    "cone": True,
    **{f"{side}_region": kind for side, kind in (("left", "l1"), ("right", "l2"))},
    **{
        f"{side}_{name}": getattr(PanelChoice, field)
        for side in ("left", "right")
        for name, field in (
            ("p", "p"),
            ("ratio", "l1_ratio"),
            ("t", "budget"),
            ("lam", "penalty_weight"),
        )
    },
}

PRESETS: dict[str, Preset] = {
    "corner": Preset(
        "Corner hit",
        "The textbook picture: the smallest ellipse that reaches the diamond touches it at a "
        "corner, so w1 is exactly 0. The circle has no corners: both weights stay non-zero.",
        {},
    ),
    "edge": Preset(
        "Edge hit",
        "It happens: with the centre near the diagonal the ellipse touches an edge of the "
        "diamond, and the L1 solution has no zero at all. Corners win often, not always.",
        {"c1": 1.5, "c2": 1.3, "cond": 1.0, "angle": 0.0},
    ),
    "inside": Preset(
        "Centre inside",
        "The unconstrained optimum already fits the budget: nothing is shrunk, nothing is "
        "zeroed, by either region. Regularisation only acts when it binds.",
        {"c1": 0.3, "c2": 0.4},
    ),
    "correlated": Preset(
        "Correlated features",
        "Two strongly correlated features make long, thin ellipses along the anti-diagonal. "
        "With a small budget L1 keeps one feature and drops the other; L2 splits the weight "
        "almost equally between them.",
        {"c1": 1.6, "c2": 1.2, "cond": 20.0, "angle": -45.0, "left_t": 0.25, "right_t": 0.25},
    ),
    "round": Preset(
        "Nearly round loss",
        "Almost circular contours: L1 still lands on a corner here, as it does for most "
        "centres away from the diagonals, but not for all (try the Edge hit).",
        {"c1": 2.0, "c2": 0.5, "cond": 1.2, "angle": 10.0},
    ),
    "star": Preset(
        "p < 1",
        "The p = 0.5 star has sharper corners than the diamond: it lands on an axis where "
        "L1 lands on an edge. But it is not convex, so there can be several local optima.",
        {
            "c1": 1.5,
            "c2": 1.3,
            "cond": 1.0,
            "angle": 0.0,
            "left_region": "lp",
            "left_p": 0.5,
            "right_region": "l1",
        },
    ),
    "elasticnet": Preset(
        "Elastic net",
        "Any L1 share a > 0 keeps the corners on the axes, so the elastic net still gives "
        "exact zeros, while its rounded sides spread weight like L2.",
        {
            "c1": 0.3,
            "c2": 2.5,
            "cond": 1.0,
            "angle": 0.0,
            "left_region": "elasticnet",
            "left_ratio": 0.5,
        },
    ),
}


def preset_link(preset: Preset) -> str:
    """The full URL of a preset on the Constraint regions page."""
    return view_url("", preset.query())


def apply_preset(preset: Preset) -> None:
    """Set every control of the page to the preset (a callback: before the widgets exist)."""
    for key, value in preset.full_state().items():
        st.session_state[key] = value


def matching_preset() -> Preset | None:
    """The preset whose state the page shows now, if any."""
    state = st.session_state
    for preset in PRESETS.values():
        if all(state.get(key, PAGE_DEFAULTS[key]) == v for key, v in preset.full_state().items()):
            return preset
    return None
