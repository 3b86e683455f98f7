"""Constraint regions: two regions against the same loss, as constraints or as penalties."""

import streamlit as st

from figures.budget_path import budget_curves, budget_figure, lambda_range
from figures.captions import badge_text, cone_check, landing_sentence, readout_rows
from figures.constraint_regions import constraint_figure, view_limit
from geometry import QuadraticLoss
from pages.common import (
    BUDGET_RANGE,
    LOSS_DEFAULTS,
    MODES,
    PENALTY_OF,
    PENALTY_RANGE,
    PRESETS,
    REGIONS,
    PanelChoice,
    apply_preset,
    carry_solution_across_modes,
    matching_preset,
    page_setup,
    preset_link,
    solve_panel,
    url_select,
    url_slider,
    url_toggle,
)

DEFAULTS = {"left": "l1", "right": "l2"}

frame = page_setup("", "Why L1 lands on an axis and L2 does not")
if not frame.presenting:  # projected, the lecturer says this
    st.markdown(
        "Both panels minimise **the same loss** under a budget *t* on the size of *w*: by "
        "default the L1 diamond ‖w‖₁ ≤ t on the left and the L2 circle ‖w‖₂ ≤ t on the right. "
        "The answer is where the smallest loss ellipse first touches the region."
    )


def _on_preset() -> None:
    chosen = st.session_state.get("preset")
    if chosen:
        apply_preset(PRESETS[chosen])
    st.session_state["preset"] = None  # a button row, not a state: the sliders now hold it


st.pills(
    "Presets: the key situations in one click",
    list(PRESETS),
    format_func=lambda key: PRESETS[key].name,
    key="preset",
    on_change=_on_preset,
)
# Filled once the controls exist: which preset (if any) the page shows now.
preset_sentence = st.empty() if not frame.presenting else None

with st.sidebar:
    st.header("Controls")
    st.caption("Unconstrained optimum ŵ: where the loss is smallest")
    c1 = url_slider(
        "ŵ1",
        "c1",
        min_value=-3.0,
        max_value=3.0,
        default=LOSS_DEFAULTS["c1"],
        step=0.05,
        help="First coordinate of the loss's minimum (the OLS estimate).",
    )
    c2 = url_slider(
        "ŵ2",
        "c2",
        min_value=-3.0,
        max_value=3.0,
        default=LOSS_DEFAULTS["c2"],
        step=0.05,
        help="Second coordinate of the loss's minimum.",
    )
    st.caption("Shape of the loss ellipses")
    condition = url_slider(
        "Condition number",
        "cond",
        min_value=1.0,
        max_value=20.0,
        default=LOSS_DEFAULTS["cond"],
        step=0.5,
        fmt="%.1f",
        help="Steepest over flattest curvature: 1 gives circles, more gives "
        "longer, thinner ellipses (correlated features).",
    )
    angle = url_slider(
        "Rotation (degrees)",
        "angle",
        min_value=-90.0,
        max_value=90.0,
        default=LOSS_DEFAULTS["angle"],
        step=5.0,
        fmt="%.0f°",
        help="Direction of the ellipses' long axis, from the w1 axis.",
    )
    mode = url_select(
        "Form of the problem",
        "mode",
        MODES,
        default="constraint",
        radio=True,
        on_change=lambda: carry_solution_across_modes(DEFAULTS),
        help="Constraint: a budget R(w) ≤ t. Penalty: minimise L(w) + λ·R(w). Each λ gives "
        "the same w as some t; switching keeps the solution and shows the other number.",
    )
    show_cone = url_toggle(
        "Show why: the normal cone",
        "cone",
        default=True,
        help="Draw the pull of the loss, −∇L(w), and the directions that "
        "keep the optimum where it is.",
    )
    choices = {}
    for side in DEFAULTS:
        st.subheader(f"{side.capitalize()} panel")
        kind = url_select(
            "Region",
            f"{side}_region",
            REGIONS,
            default=DEFAULTS[side],
            help="L1: the diamond. L2: the circle. L∞: the square. Lp: any p from 0.3 to 10. "
            "Elastic net: a‖w‖₁ + (1 − a)‖w‖₂².",
        )
        p, l1_ratio = PanelChoice.p, PanelChoice.l1_ratio
        if kind == "lp":
            p = url_slider(
                "p",
                f"{side}_p",
                min_value=0.3,
                max_value=10.0,
                default=PanelChoice.p,
                step=0.05,
                help="The exponent: p < 1 is a non-convex star, p = 1 "
                "the diamond, 1 < p < 2 a rounded diamond (no corners), p > 2 "
                "towards the square.",
            )
        if kind == "elasticnet":
            l1_ratio = url_slider(
                "L1 share a",
                f"{side}_ratio",
                min_value=0.0,
                max_value=1.0,
                default=PanelChoice.l1_ratio,
                step=0.05,
                help="a‖w‖₁ + (1 − a)‖w‖₂² ≤ t: a = 1 is the diamond, a = 0 "
                "a circle; any a > 0 keeps corners on the axes.",
            )
        penalised = mode == "penalty" and kind in PENALTY_OF
        budget, weight = PanelChoice.budget, PanelChoice.penalty_weight
        if penalised:
            weight = url_slider(
                "Penalty weight λ",
                f"{side}_lam",
                min_value=PENALTY_RANGE[0],
                max_value=PENALTY_RANGE[1],
                default=PanelChoice.penalty_weight,
                step=0.05,
                help="Minimise L(w) + λ·R(w).",
            )
        else:
            budget = url_slider(
                "Budget t",
                f"{side}_t",
                min_value=BUDGET_RANGE[0],
                max_value=BUDGET_RANGE[1],
                default=PanelChoice.budget,
                step=0.05,
                help="The size of the region.",
            )
            if mode == "penalty":
                st.caption("This region has no penalty form here: it stays a constraint.")
        if st.session_state.get(f"{side}_clamped"):
            st.caption("The matching value lay outside the slider's range, so it was clamped.")
        choices[side] = PanelChoice(kind, p, l1_ratio, budget, weight)

shown = matching_preset()
if shown is not None and preset_sentence is not None:
    preset_sentence.info(f"**{shown.name}.** {shown.sentence}", icon=":material/school:")

loss = QuadraticLoss.from_shape((c1, c2), eigenvalues=(1.0, condition), angle_deg=angle)
panels = {side: solve_panel(loss, choice, mode) for side, choice in choices.items()}
extent = max(
    (region.axis_intercept for region, _ in panels.values() if region is not None), default=0.0
)
limit = view_limit(loss, extent)

for column, (side, (region, solution)) in zip(
    st.columns(2, gap="medium"), panels.items(), strict=True
):
    with column:
        name = region.label if region is not None else REGIONS[choices[side].kind]
        colour = "green" if solution.zeros else ("gray" if not solution.active else "orange")
        st.badge(f"{name}: {badge_text(solution)}", color=colour)
        frame.chart(
            constraint_figure(loss, region, solution, limit=limit, show_cone=show_cone),
            f"figure_{side}",
        )
        rows = [*readout_rows(solution), ("budget t", f"{solution.radius:.4g}")]
        table = "\n".join(f"| {quantity} | {value} |" for quantity, value in rows)
        st.markdown(f"| {name} | value |\n|---|---|\n{table}")
        if show_cone:
            st.caption(cone_check(loss, region, solution))

if shown is not None and frame.presenting:  # under the figures, which need the height
    st.info(f"**{shown.name}.** {shown.sentence}", icon=":material/school:")

st.subheader("What you are looking at")
st.latex(
    r"\min_{w}\ L(w) = \tfrac12 (w-\hat w)^\top H\,(w-\hat w)"
    r"\quad\text{subject to}\quad R(w) \le t"
    r"\qquad\Longleftrightarrow\qquad \min_w\ L(w) + \lambda\, R(w)"
)
st.markdown(
    "The loss is smallest at ŵ and grows in ellipses around it. Inflate the ellipse from ŵ "
    "until it first touches the region: that point is the answer. The diamond has its "
    "**corners on the axes**, at (±t, 0) and (0, ±t), and at a corner one weight is exactly "
    "zero. Why corners win so often: at the optimum the loss pulls with −∇L(w), and the "
    "region pushes back along its *normal cone*. On a smooth boundary that cone is a single "
    "ray, so the pull must point exactly along it; at a corner it is a whole wedge, and "
    "every pull inside the wedge holds the optimum there. For the L1 penalty the same fact "
    "reads: −∇L(w) ∈ λ·∂‖w‖₁, and the subgradient of |w_i| at 0 is the whole interval "
    "[−1, 1]."
)
for side, (region, solution) in panels.items():
    st.markdown(f"**{side.capitalize()}.** {landing_sentence(region, solution)}")
st.caption(
    "Every region with corners on the axes gives exact zeros: L1, the p < 1 stars and the "
    "elastic net. Rounded shapes (1 < p < 2 looks much like the elastic net, but has no "
    "corners), the circle and the square do not. Zeros are exact: the solver finds the "
    "face of the region the optimum lies on, it does not round."
)

st.subheader("Budget and penalty are two names for one knob")
marks = [
    (choice.kind, panels[side][1].multiplier, panels[side][1].radius)
    for side, choice in choices.items()
    if choice.kind in ("l1", "l2")
]


@st.cache_data(max_entries=64, show_spinner=False)
def cached_budget_curves(c1: float, c2: float, condition: float, angle: float, lam_max: float):
    """The t(lambda) curves depend only on the loss and the lambda range: cache them."""
    shape = QuadraticLoss.from_shape((c1, c2), eigenvalues=(1.0, condition), angle_deg=angle)
    return budget_curves(shape, lam_max)


curves = cached_budget_curves(c1, c2, condition, angle, lambda_range(loss, marks))
frame.chart(budget_figure(loss, marks, curves), "budget_path")
st.caption(
    "For each penalty weight λ the solution w(λ) has a size t = R(w(λ)); the constrained "
    "problem with that budget has the same solution, with KKT multiplier λ. The markers are "
    "the panels above (L1 and L2 panels only)."
)
if not frame.presenting:
    with st.expander("Links to every preset (for slides and handouts)"):
        lines = [f"{preset.name}:\n  {preset_link(preset)}" for preset in PRESETS.values()]
        st.code("\n".join(lines), language=None, wrap_lines=True)
frame.finish()
