"""Three weights: the octahedron's vertices, edges and faces, against the sphere and the cones."""

import streamlit as st

from figures.labels import format_number, format_point
from figures.odds import percent
from figures.three_d import scene_figure
from figures.three_d_odds import dimension_figure, landing_odds_figure
from lessons import three_weights as model
from lessons.three_weights import PRESETS, Shape3D
from ui.frame import page_frame
from ui.url_widgets import link_list, slider, url_select

# The same controls give the same figures for every visitor: built once.
cached = st.cache_resource(max_entries=64, show_spinner=False)


@cached
def scene_chart(shape: Shape3D, kind: str, budget: float, l1_ratio: float):
    return scene_figure(model.scene(shape, kind, budget, l1_ratio))


@st.cache_resource(show_spinner="Solving 20,000 random 3-D problems and n = 2..50…")
def odds_charts():
    """The 3-D odds and the zeros against n: one fixed ensemble, computed once per server."""
    odds, by_dimension = model.three_d_odds(), model.zeros_by_dimension()
    dims = [entry.dim for entry in by_dimension]
    l1 = model.zero_weight_shares(by_dimension, "L1")
    l2 = model.zero_weight_shares(by_dimension, "L2")
    scaled = model.zero_weight_shares(model.zeros_by_dimension(scaled=True), "L1")
    figure = dimension_figure(dims, l1, l2, l1_scaled=scaled, per_weight=model.BUDGET_PER_WEIGHT)
    return landing_odds_figure(odds), figure


def on_preset() -> None:
    """A preset sets every control (a callback: before the widgets exist)."""
    chosen = st.session_state.get("preset3")
    if chosen:
        st.session_state.update(PRESETS[chosen].full_state())
    st.session_state["preset3"] = None  # a row of buttons, not a state


def badge(scene) -> None:
    solution = scene.solution
    colour = "green" if solution.zeros else ("gray" if not solution.active else "orange")
    st.badge(f"{scene.name.split(' (')[0]}: {scene.words}", color=colour)


def zero_names(solution) -> str:
    return ", ".join(f"w{i + 1}" for i in solution.zeros) or "none"


def readout(scene) -> str:
    solution = scene.solution
    rows = [
        ("w*", format_point(solution.w)),
        ("exact zeros", zero_names(solution)),
        ("loss L(w*)", format_number(solution.loss)),
        ("KKT multiplier λ", format_number(solution.multiplier)),
    ]
    return "\n".join(f"| {name} | {value} |" for name, value in rows)


with page_frame("three_weights") as frame:
    if not frame.presenting:
        st.markdown(
            "With three weights the L1 ball ‖w‖₁ ≤ t is an **octahedron**: on its vertices two "
            "weights are exactly 0, on its edges one, on its faces none. The optimum is where "
            "the loss ellipsoid touches it. **Drag a scene to turn it.**"
        )
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
        st.caption("Unconstrained optimum ŵ")
        centre = [slider(spec) for spec in model.CENTRE]
        st.caption("Shape of the ellipsoids: a cigar along its long axis")
        shape = Shape3D(
            *centre, slider(model.CONDITION), slider(model.AZIMUTH), slider(model.ELEVATION)
        )
        st.header("The regions")
        budget = slider(model.BUDGET)
        second = url_select(
            "Beside the octahedron",
            "second",
            model.SECOND,
            default="l2",
            help="The L2 sphere (no corners) or the elastic-net ball: corners on the axes (two "
            "weights 0) and twelve curved creases in the coordinate planes (one weight 0, with "
            "positive probability, as on the octahedron's edges), smooth between.",
        )
        l1_ratio = slider(model.EN_SHARE)

    views = [model.scene(shape, kind, budget, l1_ratio) for kind in ("l1", second)]
    scene_columns = presets_and_scenes.columns(2, gap="medium")
    for column, scene in zip(scene_columns, views, strict=True):
        with column:
            frame.chart(scene_chart(shape, scene.kind, budget, l1_ratio), f"scene_{scene.kind}")
            if not frame.presenting:  # projected, the figure's title says it, larger
                # Under the scene, as on the main page: the scene starts on the first screen.
                badge(scene)
                st.markdown(f"| {scene.name} | |\n|---|---|\n{readout(scene)}")
    # What the preset shows, under the scenes: the scenes start on the first screen.
    shown = model.matching_preset(st.session_state)
    if shown is not None and not frame.presenting:
        st.info(f"**{shown.name}.** {shown.sentence}", icon=":material/school:")
    st.caption(
        "Green: the piece of the boundary the optimum lies on. Grey: the loss's level set "
        "L(w) = L(w*), the ellipsoid that first touches the region (clipped to the cube when "
        "it is long). ○ ŵ: the unconstrained optimum. ◆ w*: the exact optimum."
    )

    st.header("How often in 3-D")
    odds = model.three_d_odds()
    landing_chart, dimension_chart = odds_charts()
    left, right = st.columns([3, 2])
    with left:
        frame.chart(landing_chart, "chart_landing")
    with right:
        lines = []
        for ball, shares, names in (
            ("L1", odds.l1, {"vertex": "a vertex", "edge": "an edge", "face": "a face"}),
            ("L2", odds.l2, {"smooth": "a smooth point"}),
        ):
            for key, name in {**names, "interior": "inside (slack)"}.items():
                share = shares[key]
                low, high = share.interval
                lines.append(
                    f"- **{ball}**, {name}: {percent(share.value)} "
                    f"({percent(low)} to {percent(high)})"
                )
        zeros = odds.zero_weights
        st.markdown(
            f"{model.ODDS_COUNT:,} random problems, each solved exactly (centres uniform in "
            f"[−{model.ODDS_SPREAD:g}, {model.ODDS_SPREAD:g}]³, bowls with condition numbers up "
            f"to {model.ODDS_MAX_CONDITION:g}, t = {model.ODDS_BUDGET:g}; 95% intervals):\n\n"
            + "\n".join(lines)
            + f"\n\nWeights exactly 0: **L1 {percent(zeros['L1'].value)}** of "
            f"{zeros['L1'].total:,}, **L2 {percent(zeros['L2'].value)}**."
        )
    frame.chart(dimension_chart, "chart_dimension")
    if not frame.presenting:
        st.caption(
            "The same kind of problems with n = 2 to 50 weights ("
            + ", ".join(
                f"{count} per n for n = {dims[0]}..{dims[-1]}"
                for dims, count in model.DIMENSION_COUNTS
            )
            + "), solved exactly. "
            + model.dimension_sentence()
        )

    st.header("Beyond the textbook: groups of weights")
    if not frame.presenting:
        st.markdown(
            "The group lasso's ball ‖(w1, w2)‖₂ + |w3| ≤ t treats (w1, w2) as one group: L1 "
            "between the group and w3, L2 within the group. It is a **double cone**: two tips "
            "on the w3 axis, where the whole group (w1, w2) is exactly 0, and a rim in the "
            "plane w3 = 0, where w3 is exactly 0. Structured sparsity: weights that belong "
            "together are kept or dropped together."
        )
    compared = model.comparison(shape, budget, l1_ratio)  # L1, L2, elastic net, group lasso
    l1_scene, group_scene = compared[0], compared[-1]
    left, right = st.columns(2, gap="medium")
    with left:
        frame.chart(scene_chart(shape, "group", budget, l1_ratio), "scene_group")
        badge(group_scene)
    with right:
        rows = [
            ("w*", [format_point(s.solution.w) for s in compared]),
            ("where", [s.words.split(":")[0] for s in compared]),
            ("exact zeros", [zero_names(s.solution) for s in compared]),
        ]
        header = "| | " + " | ".join(s.short_name for s in compared) + " |\n|---" + "|---" * 4 + "|"
        table = "\n".join(f"| {name} | " + " | ".join(values) + " |" for name, values in rows)
        st.markdown(f"{header}\n{table}")
        st.markdown(model.structured_sentence(l1_scene, group_scene))

    if not frame.presenting:
        with st.expander("Links to every preset (for slides and handouts)"):
            st.markdown(link_list("three_weights", {p.name: p.query() for p in PRESETS.values()}))
