"""Three weights: the octahedron's vertices, edges and faces, against the sphere and the cones."""

import streamlit as st

from figures.three_d import scene_figure
from figures.three_d_odds import dimension_figure, landing_odds_figure
from lessons import three_weights as lesson
from ui.frame import page_frame
from ui.url_widgets import choice, link_list, slider

PRESETS = lesson.PRESETS

# The same controls give the same figures for every visitor: built once.
cached = st.cache_resource(max_entries=64, show_spinner=False)


@cached
def scene_chart(shape: lesson.Shape3D, kind: str, budget: float, l1_ratio: float):
    return scene_figure(lesson.scene(shape, kind, budget, l1_ratio))


@st.cache_resource(show_spinner=lesson.ODDS_SPINNER)
def odds_charts():
    """The 3-D odds and the zeros against n: one fixed ensemble, computed once per server."""
    odds, by_dimension = lesson.three_d_odds(), lesson.zeros_by_dimension()
    dims = [entry.dim for entry in by_dimension]
    l1 = lesson.zero_weight_shares(by_dimension, "L1")
    l2 = lesson.zero_weight_shares(by_dimension, "L2")
    scaled = lesson.zero_weight_shares(lesson.zeros_by_dimension(scaled=True), "L1")
    figure = dimension_figure(dims, l1, l2, l1_scaled=scaled, per_weight=lesson.BUDGET_PER_WEIGHT)
    return landing_odds_figure(odds), figure


def on_preset() -> None:
    """A preset sets every control (a callback: before the widgets exist)."""
    chosen = st.session_state.get("preset3")
    if chosen:
        st.session_state.update(PRESETS[chosen].full_state())
    st.session_state["preset3"] = None  # a row of buttons, not a state


def badge(scene: lesson.Scene) -> None:
    text, colour = lesson.badge(scene)
    st.badge(text, color=colour)


with page_frame("three_weights") as frame:
    if not frame.presenting:
        st.markdown(lesson.INTRO)
    # The presets and the scenes in one container: on a phone the presets go under
    # the scenes (keyed for frame's CSS), so the first screen shows the octahedron.
    presets_and_scenes = st.container()
    presets_and_scenes.container(key="below_on_phone_presets").pills(
        "Presets: where the ellipsoid touches",
        list(PRESETS),
        format_func=lambda key: PRESETS[key].name,
        key="preset3",
        on_change=on_preset,
    )

    with st.sidebar:
        st.header("The loss")
        st.caption(lesson.CENTRE_CAPTION)
        centre = [slider(spec) for spec in lesson.CENTRE]
        st.caption(lesson.SHAPE_CAPTION)
        shape = lesson.Shape3D(
            *centre, slider(lesson.CONDITION), slider(lesson.AZIMUTH), slider(lesson.ELEVATION)
        )
        st.header("The regions")
        budget = slider(lesson.BUDGET)
        second = choice(lesson.SECOND)
        l1_ratio = slider(lesson.EN_SHARE)

    views = [lesson.scene(shape, kind, budget, l1_ratio) for kind in ("l1", second)]
    scene_columns = presets_and_scenes.columns(2, gap="medium")
    for column, scene in zip(scene_columns, views, strict=True):
        with column:
            frame.chart(scene_chart(shape, scene.kind, budget, l1_ratio), f"scene_{scene.kind}")
            if not frame.presenting:  # projected, the figure's title says it, larger
                # Under the scene, as on the main page: the scene starts on the first screen.
                badge(scene)
                st.markdown(lesson.readout(scene))
    # What the preset shows, under the scenes: the scenes start on the first screen.
    shown = lesson.matching_preset(st.session_state)
    if shown is not None and not frame.presenting:
        st.info(lesson.preset_note(shown), icon=":material/school:")
    st.caption(lesson.SCENE_CAPTION)

    st.header("How often in 3-D")
    odds = lesson.three_d_odds()
    landing_chart, dimension_chart = odds_charts()
    left, right = st.columns([3, 2])
    with left:
        frame.chart(landing_chart, "chart_landing")
    with right:
        st.markdown(lesson.odds_summary(odds))
    frame.chart(dimension_chart, "chart_dimension")
    if not frame.presenting:
        st.caption(lesson.dimension_caption())

    st.header("Beyond the textbook: groups of weights")
    if not frame.presenting:
        st.markdown(lesson.GROUPS_INTRO)
    compared = lesson.comparison(shape, budget, l1_ratio)  # L1, L2, elastic net, group lasso
    l1_scene, group_scene = compared[0], compared[-1]
    left, right = st.columns(2, gap="medium")
    with left:
        frame.chart(scene_chart(shape, "group", budget, l1_ratio), "scene_group")
        badge(group_scene)
    with right:
        st.markdown(lesson.comparison_table(compared))
        st.markdown(lesson.structured_sentence(l1_scene, group_scene))

    if not frame.presenting:
        with st.expander("Links to every preset (for slides and handouts)"):
            st.markdown(link_list("three_weights", {p.name: p.query() for p in PRESETS.values()}))
