"""Constraint regions: the L1 diamond and the L2 circle against the same loss."""

import streamlit as st

from figures.captions import badge_text, landing_sentence, readout_rows
from figures.constraint_regions import constraint_figure, view_limit
from geometry import NormBall, QuadraticLoss
from pages.common import url_slider
from solvers import solve_constrained

st.title("Why L1 lands on an axis and L2 does not")
st.markdown(
    "Both panels minimise **the same loss** under a budget *t*: on the left the L1 "
    "diamond ‖w‖₁ ≤ t, on the right the L2 circle ‖w‖₂ ≤ t. The answer is where the "
    "smallest loss ellipse first touches the region. Move the controls in the sidebar."
)

with st.sidebar:
    st.header("Controls")
    st.caption("Unconstrained optimum ŵ: where the loss is smallest")
    c1 = url_slider(
        "ŵ1",
        "c1",
        min_value=-3.0,
        max_value=3.0,
        default=1.0,
        step=0.05,
        help="First coordinate of the loss's minimum (the OLS estimate).",
    )
    c2 = url_slider(
        "ŵ2",
        "c2",
        min_value=-3.0,
        max_value=3.0,
        default=2.0,
        step=0.05,
        help="Second coordinate of the loss's minimum.",
    )
    st.caption("Shape of the loss ellipses")
    condition = url_slider(
        "Condition number",
        "cond",
        min_value=1.0,
        max_value=20.0,
        default=4.0,
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
        default=-30.0,
        step=5.0,
        fmt="%.0f°",
        help="Direction of the ellipses' long axis, from the w1 axis.",
    )
    st.caption("Constraint")
    radius = url_slider(
        "Budget t",
        "t",
        min_value=0.1,
        max_value=3.0,
        default=1.0,
        step=0.05,
        help="Size of both regions: ‖w‖₁ ≤ t and ‖w‖₂ ≤ t.",
    )

loss = QuadraticLoss.from_shape((c1, c2), eigenvalues=(1.0, condition), angle_deg=angle)
balls = (NormBall(p=1, radius=radius), NormBall(p=2, radius=radius))
solutions = [solve_constrained(loss, ball) for ball in balls]
limit = view_limit(loss, radius)

for column, ball, solution in zip(st.columns(2, gap="medium"), balls, solutions, strict=True):
    with column:
        colour = "green" if solution.zeros else ("gray" if not solution.active else "orange")
        st.badge(f"{ball.label}: {badge_text(solution)}", color=colour)
        st.plotly_chart(
            constraint_figure(loss, ball, solution, limit=limit),
            key=f"figure_{ball.label}",
            config={"displaylogo": False},
        )
        table = "\n".join(f"| {name} | {value} |" for name, value in readout_rows(solution))
        st.markdown(f"| {ball.label} | value |\n|---|---|\n{table}")

st.subheader("What you are looking at")
st.latex(
    r"\min_{w}\ \tfrac12 (w-\hat w)^\top H\,(w-\hat w)"
    r"\quad\text{subject to}\quad \|w\|_p \le t,\qquad p \in \{1, 2\}"
)
st.markdown(
    "The loss is smallest at ŵ and grows in ellipses around it. Inflate the ellipse "
    "from ŵ until it first touches the region: that point is the answer. The diamond "
    "|w1| + |w2| ≤ t has its four **corners on the axes**, at (±t, 0) and (0, ±t), "
    "and the corners stick out, so a growing ellipse very often meets a corner first, "
    "and at a corner one weight is exactly zero. The circle has no corners: an ellipse "
    "touches it at a smooth point, which lies on an axis only by coincidence."
)
for ball, solution in zip(balls, solutions, strict=True):
    st.markdown(f"**{ball.label}.** {landing_sentence(ball, solution)}")
st.caption(
    "The multiplier λ is the penalty weight that gives the same w: w also minimises "
    "L(w) + λ‖w‖₁ (left) or L(w) + λ‖w‖₂² (right). Zeros are exact: the solver finds "
    "the face of the region the optimum lies on, it does not round."
)
