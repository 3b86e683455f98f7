"""Tour: step by step from the question to real regression, a figure and a paragraph each."""

import streamlit as st

from lessons.tour import LEGACY_STEPS, STEP_LABELS, STEPS, built_step, start_warming
from ui.frame import page_frame
from ui.registry import PAGE
from ui.url_widgets import url_select

SLUGS = [step.slug for step in STEPS]
# The charts are keyed by their place, not by the step: Next and Back hand the same
# chart a new figure (Plotly.react in place, ui.plotly_chart), where a key per step
# made a new element and a full Plotly.newPlot on every press.
CHART_KEYS = ("tour_chart_0", "tour_chart_1")


def move(delta: int) -> None:
    current = SLUGS.index(st.session_state.get("step", SLUGS[0]))
    st.session_state["step"] = SLUGS[min(max(current + delta, 0), len(SLUGS) - 1)]


with page_frame("tour") as frame:
    # One row for finding your way (Back, the step, Next), on a phone too (ui.frame's
    # style keeps the columns of a "one_row" container side by side): the figure
    # starts high on a 1280 x 720 projector and on a 360 x 640 phone.
    nav = st.container(key="one_row_tour_nav")
    back, choose, forward = nav.columns([1, 2, 1], vertical_alignment="bottom")
    with choose:
        slug = url_select(
            "Step",
            "step",
            STEP_LABELS,
            default=SLUGS[0],
            help="Jump to any step.",
            aliases=LEGACY_STEPS,
            label_visibility="collapsed",
        )
    index = SLUGS.index(slug)
    step = STEPS[index]
    back.button(
        "Back",
        icon=":material/arrow_back:",
        on_click=move,
        args=(-1,),
        disabled=index == 0,
        width="stretch",
    )
    forward.button(
        "Next",
        icon=":material/arrow_forward:",
        on_click=move,
        args=(1,),
        disabled=index == len(STEPS) - 1,
        width="stretch",
    )
    st.subheader(STEP_LABELS[slug])
    # Projected, the figures come first (whole on a 1280 x 720 screen) and the text,
    # which the lecturer says, under them. On a phone too (the frame's below_on_phone
    # rule moves the text under its sibling): the first screen shows the figure.
    if frame.presenting:
        figures_row, text = st.container(), st.container()
    else:
        step_body = st.container()
        text = step_body.container(key="below_on_phone_tour_text")
        figures_row = step_body.container()
    # Built once per server for every visitor (lessons.tour.built): a press looks it up.
    built = built_step(slug)
    text.markdown(built.text)
    columns = figures_row.columns(len(built.figures))
    for k, (column, figure) in enumerate(zip(columns, built.figures, strict=True)):
        with column:
            # A step with one figure leaves no second chart: its key is not used this run.
            frame.chart(figure, CHART_KEYS[k], name=f"tour_{index + 1}_{k}", fixed=True)
    st.page_link(
        PAGE[step.page].script,
        label=f"Explore this on the full page: {step.page_title}",
        icon=":material/open_in_new:",
        query_params=step.query,
    )
    st.progress((index + 1) / len(STEPS), text=f"Step {index + 1} of {len(STEPS)}")
    # Last, so that the first visitor's page is out first: the other steps are built
    # in the background (once per server), nearest this one first.
    start_warming(slug)
