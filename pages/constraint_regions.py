"""Constraint regions: two regions against the same loss, as constraints or as penalties."""

from dataclasses import replace

import streamlit as st

from figures.budget_path import budget_figure
from figures.constraint_regions import constraint_figure
from lessons import constraint_regions as lesson
from lessons.constraint_regions import PRESETS, LossShape
from ui.frame import page_frame
from ui.live_figure import KEY as LIVE_KEY
from ui.live_figure import apply_release, live_figure
from ui.url_widgets import choice, link_list, slider, toggle


def on_preset() -> None:
    """A preset button sets every control (a callback: before the widgets exist)."""
    chosen = st.session_state.get("preset")
    if chosen:
        st.session_state.update(PRESETS[chosen].full_state())
    st.session_state["preset"] = None  # a button row, not a state: the sliders now hold it


def on_mode_change() -> None:
    """Switching constraint <-> penalty keeps each panel's solution."""
    state = st.session_state
    loss = LossShape.from_state(state, lesson.DEFAULT_SHAPE).loss
    for side in lesson.SIDES:
        state[f"{side}_clamped"] = False
    for carried in lesson.carry_across_modes(loss, state, state["mode"]):
        state[carried.key] = carried.value
        state[f"{carried.key.split('_')[0]}_clamped"] = carried.clamped


def loss_controls() -> LossShape:
    st.caption(lesson.CENTRE_CAPTION)
    c1, c2 = (slider(spec) for spec in lesson.CENTRE)
    st.caption(lesson.SHAPE_CAPTION)
    return LossShape(c1, c2, slider(lesson.CONDITION), slider(lesson.ROTATION))


def panel_controls(side: str, mode: str) -> lesson.PanelChoice:
    st.subheader(lesson.panel_heading(side))
    kind = choice(lesson.region_choice(side))
    sliders = lesson.panel_sliders(side)
    values = {"kind": kind}
    if kind == "lp":
        values["p"] = slider(sliders["p"])
    if kind == "elasticnet":
        values["l1_ratio"] = slider(sliders["l1_ratio"])
    if lesson.PanelChoice(**values).uses_penalty(mode):
        values["penalty_weight"] = slider(sliders["penalty_weight"])
    else:
        values["budget"] = slider(sliders["budget"])
        if mode == "penalty":
            st.caption(lesson.NO_PENALTY_FORM)
    if st.session_state.get(f"{side}_clamped"):
        st.caption(lesson.CLAMPED)
    return lesson.PanelChoice(**values)


@st.cache_data(max_entries=64, show_spinner=False)
def cached_budget_path(shape: LossShape, choice: lesson.PanelChoice) -> list[list[object]]:
    """Play's exact path for a panel the browser cannot solve (Lp): one solve per budget step."""
    any_budget = replace(choice, budget=1.0, penalty_weight=1.0)  # the path spans every t
    return lesson.budget_path(shape.loss, any_budget, lesson.BUDGET_RANGE[1])


@st.cache_data(max_entries=64, show_spinner=False)
def cached_budget_curves(shape: LossShape, lam_max: float):
    """The t(lambda) curves depend only on the loss and the lambda range."""
    return lesson.penalty_budget_curves(shape.loss, lam_max)


with page_frame("constraint_regions") as frame:
    if not frame.presenting:  # projected, the lecturer says this
        st.markdown(lesson.INTRO)
    # The presets and the live figure in one container: on a phone the presets go under
    # the figure (keyed for frame's CSS), so that the first screen shows the L1 panel.
    presets_and_figure = st.container()
    presets_and_figure.container(key="below_on_phone_presets").pills(
        lesson.PRESETS_LABEL,
        list(PRESETS),
        format_func=lambda key: PRESETS[key].name,
        key="preset",
        on_change=on_preset,
        label_visibility="collapsed" if frame.presenting else "visible",  # room for the figure
    )
    apply_release(LIVE_KEY, lesson.budget_sides(st.session_state))  # a state set in the session

    with st.sidebar:
        st.header("Controls")
        shape = loss_controls()
        mode = choice(lesson.MODE, on_change=on_mode_change)
        show_cone = toggle(lesson.SHOW_CONE)
        choices = {side: panel_controls(side, mode) for side in lesson.SIDES}

    loss = shape.loss
    panels = {side: lesson.solve_panel(loss, choice, mode) for side, choice in choices.items()}
    limit = lesson.panels_view_limit(loss, panels)
    live_panels = [
        lesson.LivePanel(side, choices[side], region, solution, choices[side].uses_penalty(mode))
        for side, (region, solution) in panels.items()
    ]
    paths = {
        p.side: cached_budget_path(shape, p.choice) for p in live_panels if lesson.needs_path(p)
    }
    with presets_and_figure:
        live_figure(
            lesson.live_payload(
                shape,
                live_panels,
                limit=limit,
                show_cone=show_cone,
                presenting=frame.presenting,
                dark=frame.dark,
                paths=paths,
            ),
            budget_sides=lesson.budget_sides(st.session_state),
        )
    # What the preset shows, under the figure: the figure itself starts on the first screen.
    shown = lesson.matching_preset(st.session_state)
    if shown is not None:
        st.info(lesson.preset_note(shown.name, shown.sentence), icon=":material/school:")
    if mode == "penalty":
        st.caption(lesson.PENALTY_FORM_NOTE)
    for column, panel in zip(st.columns(2, gap="medium"), live_panels, strict=True):
        with column:
            st.badge(lesson.badge_line(panel.words), color=panel.words.colour)
            st.markdown(lesson.readout_table(panel.words.label, panel.solution))
            if show_cone:
                form = panel.choice.penalty_form()
                st.caption(lesson.cone_check(loss, panel.region, panel.solution, **form))
    # Built and sent only when asked for: two Plotly charts (even in a closed expander)
    # cost every move of a slider about 100 ms in the browser.
    if toggle(lesson.PLOTLY_CHARTS):
        for column, panel in zip(st.columns(2, gap="medium"), live_panels, strict=True):
            with column:
                figure = constraint_figure(
                    loss, panel.region, panel.solution, limit=limit, show_cone=show_cone
                )
                frame.chart(figure, f"figure_{panel.side}")

    st.subheader("What you are looking at")
    st.latex(lesson.PROBLEM_LATEX)
    st.markdown(lesson.EXPLANATION)
    for panel in live_panels:
        sentence = lesson.landing_sentence(
            panel.region, panel.solution, **panel.choice.penalty_form()
        )
        st.markdown(lesson.side_sentence(panel.side, sentence))
    st.caption(lesson.CORNERS_CAPTION)

    st.subheader("Budget and penalty are two names for one knob")
    marks = lesson.budget_marks(choices, panels)
    curves, end = cached_budget_curves(shape, lesson.penalty_range(loss, marks))
    frame.chart(budget_figure(curves, marks, end), "budget_path")
    st.caption(lesson.BUDGET_CAPTION)
    if not frame.presenting:
        with st.expander(lesson.PRESET_LINKS):
            st.markdown(link_list("", {p.name: p.query() for p in PRESETS.values()}))
