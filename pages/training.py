"""Training: why SGD and Adam give no exact zeros, and which optimisers do."""

import pandas as pd
import streamlit as st

from lessons import training as lesson
from lessons.training import DiabetesSettings, RaceSettings
from ui.frame import page_frame
from ui.live_race import apply_release, live_race
from ui.url_widgets import slider, url_choices, url_select

# Same controls, same figures for every visitor: built once per process.
cached = st.cache_resource(max_entries=32, show_spinner="Training…")
zeros_figure = cached(lambda settings, shown, height: lesson.zeros_figure_for(
    lesson.lesson_race(settings), shown, height))  # fmt: skip
diabetes_zeros = cached(lesson.diabetes_zeros_figure)
diabetes_sweep = cached(lesson.diabetes_sweep_figure)
# The Plotly charts' height: beside the race and beside each other, tall enough that a title
# of four lines and a legend of eight still leave the plot its room; projected, 1280 x 720.
TALL, PROJECTED = 620, 450


def shown_optimisers() -> tuple[str, ...]:
    return url_choices(
        "Optimisers shown",
        "opt",
        lesson.OPTIMISERS,
        default=lesson.DEFAULT_SHOWN,
        help="Drawn in the figures and listed in the tables; click one to add or remove it.",
        flags="show_",  # links from before the pills: show_adam=false
    )


def race_settings() -> RaceSettings:
    start = (slider(lesson.START[0]), slider(lesson.START[1]))
    step, lam = slider(lesson.STEP), slider(lesson.LAM)
    iterations = int(slider(lesson.ITERATIONS))
    batch = url_select(
        "SGD batch size",
        "batch",
        lesson.BATCHES,
        default="8",
        help="Samples per SGD step, of the 64 whose full-batch loss is the drawn one.",
    )
    adam = url_select(
        "Adam learning rate α", "adam_lr", lesson.ADAM_RATES, default="0.1",
        help="Adam's step: at most about α per weight, whatever the gradient's scale; "
        "smaller where the gradient's sign flips, near the kink.",
    )  # fmt: skip
    seed = int(slider(lesson.SEED))
    return RaceSettings(start, step, lam, iterations, int(batch), seed, float(adam))


def diabetes_settings(step: float, seed: int) -> DiabetesSettings:
    lam, epochs = (
        slider(lesson.DIABETES_LAM_SLIDER),
        int(slider(lesson.EPOCHS)),
    )
    batch = url_select(
        "Batch size (SGD, Adam)", "d_batch", lesson.DIABETES_BATCHES, default="32",
        help="Patients per minibatch step.",
    )  # fmt: skip
    adam = url_select(
        "Adam learning rate α", "d_adam_lr", lesson.DIABETES_ADAM_RATES, default="0.3",
        help="Adam's step on the diabetes weights (they run up to about 25).",
    )  # fmt: skip
    return DiabetesSettings(step, lam, epochs, int(batch), seed, float(adam))


def table(rows: list[dict[str, str]]) -> None:
    st.table(pd.DataFrame(rows).set_index("optimiser"))


with page_frame("training") as frame:
    # The intro, the heading and the race in one container: on a phone the intro goes
    # under the figures (keyed for frame's CSS), so that the first screen shows the race.
    race_block = st.container()
    if not frame.presenting:  # projected, the lecturer says this
        race_block.container(key="below_on_phone_intro").markdown(lesson.INTRO)
    apply_release()  # a released start (or one set in the session) before its sliders exist
    with st.sidebar:
        st.header("Race on the lesson's bowl")
        shown = shown_optimisers()
        settings = race_settings()
        st.header("Diabetes lasso")
        d_settings = diabetes_settings(settings.step, settings.seed)
    height = PROJECTED if frame.presenting else TALL
    race = lesson.lesson_race(settings)

    race_block.header("The race on the lesson's bowl")
    if not shown:
        race_block.info(lesson.CHOOSE_OPTIMISER)
    else:
        # Projected, each figure gets the screen's width: its title, in larger type, fits.
        with race_block:
            left, right = (
                (st.container(), st.container()) if frame.presenting else st.columns([3, 2])
            )
        with left:
            payload = lesson.race_payload(
                race, settings, shown, presenting=frame.presenting, dark=frame.dark
            )
            live_race(payload)
        with right:
            frame.chart(zeros_figure(settings, shown, height), "chart_zeros")
        table(lesson.race_table(race, shown))
        for note in race.notes:
            st.caption(f"ℹ️ {note}")
    if not frame.presenting:  # under the race, so that the race starts on the first screen
        st.caption(lesson.race_caption(race, settings))
    if shown:
        texts = lesson.explanations(race, settings)
        with st.expander("Why each update can or cannot land on 0", expanded=not frame.presenting):
            st.markdown(lesson.STRICT_ZERO)
            for slug in shown:
                st.markdown(f"**{lesson.OPTIMISERS[slug]}.** {texts[slug]}")

    st.header("The diabetes lasso: exact zeros after K epochs")
    tau = 10.0 ** slider(lesson.LOG_TAU)
    diabetes = lesson.diabetes_race(d_settings, tau)
    if not frame.presenting:
        st.markdown(lesson.diabetes_intro(diabetes, d_settings))
    for note in diabetes.notes:
        st.caption(f"ℹ️ {note}")
    if shown:
        left, right = (st.container(), st.container()) if frame.presenting else st.columns(2)
        with left:
            frame.chart(diabetes_zeros(d_settings, shown, height), "chart_diabetes")
        with right:
            frame.chart(diabetes_sweep(d_settings, tau, shown, height), "chart_sweep")
        table(lesson.threshold_table(diabetes, shown))
