"""Check yourself: four common confusions, each answered with a figure the student can move."""

import streamlit as st

from lessons.questions import INTRO, QUESTIONS, Question
from ui.frame import PageFrame, page_frame
from ui.registry import PAGE
from ui.url_widgets import slider, url_select


def answer(question: Question) -> str | None:
    """The student's answer (kept in the URL too), and the verdict once they chose."""
    choice = url_select("Your answer", question.key, question.choices, default=None, radio=True)
    if choice == question.right:
        st.success(f"Right. {question.why}", icon=":material/check_circle:")
    elif choice is not None:
        st.warning(f"Not quite: look at the figure. {question.why}", icon=":material/lightbulb:")
    return choice


# Each figure depends only on its own question's controls: built once per value, so
# that moving one question's slider does not rebuild the other questions' figures.
# cache_resource hands back the same object; st.plotly_chart only reads it.
cached = st.cache_resource(max_entries=512, show_spinner=False)
FIGURES = {panel.chart_key: cached(panel.figure) for q in QUESTIONS.values() for panel in q.panels}


@st.fragment
def question_block(frame: PageFrame, number: int, question: Question) -> None:
    """One question with its answer, figure and controls.

    A fragment: moving its controls reruns only this block (the other questions'
    figures and the page around them stay as they are). Its values reach the URL
    as in a full run, and the Copy link button reads them there.
    """
    st.subheader(f"{number}. {question.text}")
    # Keyed so that on a phone the figure (right) comes above the answer (left).
    left, right = st.container(key=f"figure_first_{question.key}").columns([2, 3])
    with left:
        answer(question)
    with right:
        # The first figure first, its controls under it: on a projector the first
        # question's figure starts on the first screen.
        figure_slot = st.container()
        values = {}
        for k, panel in enumerate(question.panels):
            shown = [slider(spec) for spec in panel.sliders]
            values.update(zip((spec.key for spec in panel.sliders), shown, strict=True))
            figure = FIGURES[panel.chart_key](*shown)
            if k == 0:
                with figure_slot:
                    frame.chart(figure, panel.chart_key)
            else:  # later figures follow their own sliders
                frame.chart(figure, panel.chart_key)
        if question.caption is not None:
            st.caption(question.caption(values))
        if question.link is not None:
            link = question.link
            st.page_link(PAGE[link.page].script, label=link.label, icon=link.icon)


with page_frame("questions") as frame:
    if not frame.presenting:
        st.markdown(INTRO)

    for number, question in enumerate(QUESTIONS.values(), start=1):
        question_block(frame, number, question)
