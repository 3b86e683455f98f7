"""Constraint regions: two regions against the same loss, as constraints or as penalties."""

from dataclasses import replace

import streamlit as st

from figures.budget_path import budget_figure
from figures.captions import badge_text, cone_check, landing_sentence, readout_rows
from figures.constraint_regions import constraint_figure, view_limit
from lessons.constraint_regions import (
    BUDGET_RANGE,
    CENTRE,
    CONDITION,
    MODES,
    REGION_LABELS,
    ROTATION,
    SIDES,
    PanelChoice,
    carry_across_modes,
    panel_sliders,
    solve_panel,
    view_extent,
)
from lessons.live_figure import LivePanel, budget_path, budget_sides, live_payload, needs_path
from lessons.loss_shape import DEFAULT_SHAPE, LossShape
from lessons.presets import PRESETS, matching_preset
from studies.budget_path import budget_curves, lambda_range, lasso_end
from ui.frame import page_frame
from ui.live_figure import KEY as LIVE_KEY
from ui.live_figure import apply_release, live_figure
from ui.url_widgets import link_list, slider, url_select, url_toggle

REGION_HELP = (
    "L1: the diamond. L2: the circle. L∞: the square. Lp: any p from 0.3 to 10. "
    "Elastic net: α‖w‖₁ + (1 − α)‖w‖₂²."
)


def on_preset() -> None:
    """A preset button sets every control (a callback: before the widgets exist)."""
    chosen = st.session_state.get("preset")
    if chosen:
        st.session_state.update(PRESETS[chosen].full_state())
    st.session_state["preset"] = None  # a button row, not a state: the sliders now hold it


def on_mode_change() -> None:
    """Switching constraint <-> penalty keeps each panel's solution."""
    state = st.session_state
    loss = LossShape.from_state(state, DEFAULT_SHAPE).loss
    for side in SIDES:
        state[f"{side}_clamped"] = False
    for carried in carry_across_modes(loss, state, state["mode"]):
        state[carried.key] = carried.value
        state[f"{carried.key.split('_')[0]}_clamped"] = carried.clamped


def loss_controls() -> LossShape:
    st.caption("Unconstrained optimum ŵ: where the loss is smallest")
    c1, c2 = (slider(spec) for spec in CENTRE)
    st.caption("Shape of the loss ellipses")
    return LossShape(c1, c2, slider(CONDITION), slider(ROTATION))


def panel_controls(side: str, mode: str) -> PanelChoice:
    st.subheader(f"{side.capitalize()} panel")
    kind = url_select(
        "Region", f"{side}_region", REGION_LABELS, default=SIDES[side], help=REGION_HELP
    )
    sliders = panel_sliders(side)
    values = {"kind": kind}
    if kind == "lp":
        values["p"] = slider(sliders["p"])
    if kind == "elasticnet":
        values["l1_ratio"] = slider(sliders["l1_ratio"])
    if PanelChoice(**values).uses_penalty(mode):
        values["penalty_weight"] = slider(sliders["penalty_weight"])
    else:
        values["budget"] = slider(sliders["budget"])
        if mode == "penalty":
            st.caption("This region has no penalty form here: it stays a constraint.")
    if st.session_state.get(f"{side}_clamped"):
        st.caption("The matching value lay outside the slider's range, so it was clamped.")
    return PanelChoice(**values)


@st.cache_data(max_entries=64, show_spinner=False)
def cached_budget_path(shape: LossShape, choice: PanelChoice) -> list[list[object]]:
    """Play's exact path for a panel the browser cannot solve (Lp): one solve per budget step."""
    any_budget = replace(choice, budget=1.0, penalty_weight=1.0)  # the path spans every t
    return budget_path(shape.loss, any_budget, BUDGET_RANGE[1])


@st.cache_data(max_entries=64, show_spinner=False)
def cached_budget_curves(shape: LossShape, lam_max: float):
    """The t(lambda) curves depend only on the loss and the lambda range."""
    return budget_curves(shape.loss, lam_max)


with page_frame("constraint_regions") as frame:
    if not frame.presenting:  # projected, the lecturer says this
        st.markdown(
            "Both panels minimise **the same loss** under a budget *t* on the size of *w*: by "
            "default the L1 diamond ‖w‖₁ ≤ t on the left and the L2 circle ‖w‖₂ ≤ t on the "
            "right. The answer is where the smallest loss ellipse first touches the region."
        )
    st.pills(
        "Presets: the key situations in one click",
        list(PRESETS),
        format_func=lambda key: PRESETS[key].name,
        key="preset",
        on_change=on_preset,
        label_visibility="collapsed" if frame.presenting else "visible",  # room for the figure
    )
    apply_release(LIVE_KEY, budget_sides(st.session_state))  # a figure state set in session state

    with st.sidebar:
        st.header("Controls")
        shape = loss_controls()
        mode = url_select(
            "Form of the problem",
            "mode",
            MODES,
            default="constraint",
            radio=True,
            on_change=on_mode_change,
            help="Constraint: a budget R(w) ≤ t. Penalty: minimise L(w) + λ·R(w). Each λ "
            "gives the same w as some t; switching keeps the solution and shows the other "
            "number.",
        )
        show_cone = url_toggle(
            "Show why: the normal cone",
            "cone",
            default=True,
            help="Draw the pull of the loss, −∇L(w), and the directions that keep the "
            "optimum where it is.",
        )
        choices = {side: panel_controls(side, mode) for side in SIDES}

    loss = shape.loss
    panels = {side: solve_panel(loss, choice, mode) for side, choice in choices.items()}
    limit = view_limit(loss, view_extent(panels))
    live_panels = [
        LivePanel(side, choices[side], region, solution, choices[side].uses_penalty(mode))
        for side, (region, solution) in panels.items()
    ]
    paths = {p.side: cached_budget_path(shape, p.choice) for p in live_panels if needs_path(p)}
    live_figure(
        live_payload(
            shape,
            live_panels,
            limit=limit,
            show_cone=show_cone,
            presenting=frame.presenting,
            dark=frame.dark,
            paths=paths,
        ),
        budget_sides=budget_sides(st.session_state),
    )
    # What the preset shows, under the figure: the figure itself starts on the first screen.
    shown = matching_preset(st.session_state)
    if shown is not None:
        st.info(f"**{shown.name}.** {shown.sentence}", icon=":material/school:")
    if mode == "penalty":
        st.caption(
            "Penalty form: while you drag, the browser solves only the panels that are "
            "constraints; a penalised panel moves only ŵ and is recomputed on release (λ stays as "
            "the slider sets it, so it has no budget handle). Play sweeps the constraints' t."
        )
    for column, (side, (region, solution)) in zip(
        st.columns(2, gap="medium"), panels.items(), strict=True
    ):
        with column:
            name = region.label if region is not None else REGION_LABELS[choices[side].kind]
            colour = "green" if solution.zeros else ("gray" if not solution.active else "orange")
            st.badge(f"{name}: {badge_text(solution)}", color=colour)
            rows = [*readout_rows(solution), ("budget t", f"{solution.radius:.4g}")]
            table = "\n".join(f"| {quantity} | {value} |" for quantity, value in rows)
            st.markdown(f"| {name} | value |\n|---|---|\n{table}")
            if show_cone:
                st.caption(cone_check(loss, region, solution, **choices[side].penalty_form()))
    # Built and sent only when asked for: two Plotly charts (even in a closed expander)
    # cost every move of a slider about 100 ms in the browser.
    if url_toggle(
        "The same panels as Plotly charts: hover for values, zoom, camera export",
        "plotly",
        default=False,
        help="The live figure above, drawn again by Plotly: hover a point for its "
        "coordinates, zoom into the corner, download a figure from its camera icon.",
    ):
        for column, (side, (region, solution)) in zip(
            st.columns(2, gap="medium"), panels.items(), strict=True
        ):
            with column:
                frame.chart(
                    constraint_figure(loss, region, solution, limit=limit, show_cone=show_cone),
                    f"figure_{side}",
                )

    st.subheader("What you are looking at")
    st.latex(
        r"\min_{w}\ L(w) = \tfrac12 (w-\hat w)^\top H\,(w-\hat w)"
        r"\quad\text{subject to}\quad R(w) \le t"
        r"\qquad\Longleftrightarrow\qquad \min_w\ L(w) + \lambda\, R(w)"
    )
    st.markdown(
        "The loss is smallest at ŵ and grows in ellipses around it. Inflate the ellipse from "
        "ŵ until it first touches the region: that point is the answer. The diamond has its "
        "**corners on the axes**, at (±t, 0) and (0, ±t), and at a corner one weight is "
        "exactly zero. Why corners win so often: at the optimum the loss pulls with −∇L(w), "
        "and the region pushes back along its *normal cone*. On a smooth boundary that cone "
        "is a single ray, so the pull must point exactly along it; at a corner it is a whole "
        "wedge, and every pull inside the wedge holds the optimum there. For the L1 penalty "
        "the same fact reads: −∇L(w) ∈ λ·∂‖w‖₁, and the subgradient of |w_i| at 0 is the "
        "whole interval [−1, 1]."
    )
    for side, (region, solution) in panels.items():
        sentence = landing_sentence(region, solution, **choices[side].penalty_form())
        st.markdown(f"**{side.capitalize()}.** {sentence}")
    st.caption(
        "Every region with corners on the axes gives exact zeros for a whole set of centres "
        "of positive area: L1, the p < 1 stars and the elastic net. Rounded shapes (1 < p < 2 "
        "looks much like the elastic net, but has no corners), the circle and the square give "
        "them only for centres on lines, by coincidence. Zeros are exact: the solver finds the "
        "face of the region the optimum lies on, it does not round."
    )

    st.subheader("Budget and penalty are two names for one knob")
    marks = [
        (choice.kind, panels[side][1].multiplier, panels[side][1].radius)
        for side, choice in choices.items()
        if choice.kind in ("l1", "l2")
    ]
    curves = cached_budget_curves(shape, lambda_range(loss, marks))
    frame.chart(budget_figure(curves, marks, lasso_end(loss)), "budget_path")
    st.caption(
        "For each penalty weight λ the solution w(λ) has a size t: ‖w(λ)‖₁ for the lasso, "
        "‖w(λ)‖₂ for ridge (whose penalty is λ‖w‖₂²). The constrained problem with that budget "
        "has the same solution, with KKT multiplier λ (for ridge, of the constraint written "
        "‖w‖₂² ≤ t²). The markers are the panels above (L1 and L2 panels only)."
    )
    if not frame.presenting:
        with st.expander("Links to every preset (for slides and handouts)"):
            st.markdown(link_list("", {p.name: p.query() for p in PRESETS.values()}))
