"""Every sentence of the Constraint regions page and of its live figure.

What the page says about each panel's solution (badge, readout, landing sentence,
optimality check) is shared with other lessons: ``lessons.words``. Here are the
page's own: its introduction, the controls' help, the notes, and the rows of a
panel's readout table.
"""

from __future__ import annotations

from lessons.words import PanelWords, readout_rows
from solvers import Solution

INTRO = (
    "Both panels minimise **the same loss** under a budget *t* on the size of *w*: by "
    "default the L1 diamond ‖w‖₁ ≤ t on the left and the L2 circle ‖w‖₂ ≤ t on the "
    "right. The answer is where the smallest loss ellipse first touches the region."
)
CENTRE_CAPTION = "Unconstrained optimum ŵ: where the loss is smallest"
SHAPE_CAPTION = "Shape of the loss ellipses"
PRESETS_LABEL = "Presets: the key situations in one click"
REGION_HELP = (
    "L1: the diamond. L2: the circle. L∞: the square. Lp: any p from 0.3 to 10. "
    "Elastic net: α‖w‖₁ + (1 − α)‖w‖₂²."
)
MODE_HELP = (
    "Constraint: a budget R(w) ≤ t. Penalty: minimise L(w) + λ·R(w). Each λ "
    "gives the same w as some t; switching keeps the solution and shows the other "
    "number."
)
CONE_HELP = (
    "Draw the pull of the loss, −∇L(w), and the directions that keep the optimum where it is."
)
PLOTLY_LABEL = "The same panels as Plotly charts: hover for values, zoom, camera export"
PLOTLY_HELP = (
    "The live figure above, drawn again by Plotly: hover a point for its "
    "coordinates, zoom into the corner, download a figure from its camera icon."
)
NO_PENALTY_FORM = "This region has no penalty form here: it stays a constraint."
CLAMPED = "The matching value lay outside the slider's range, so it was clamped."
PENALTY_FORM_NOTE = (
    "Penalty form: while you drag, the browser solves only the panels that are "
    "constraints; a penalised panel moves only ŵ and is recomputed on release (λ stays as "
    "the slider sets it, so it has no budget handle). Play sweeps the constraints' t."
)
PROBLEM_LATEX = (
    r"\min_{w}\ L(w) = \tfrac12 (w-\hat w)^\top H\,(w-\hat w)"
    r"\quad\text{subject to}\quad R(w) \le t"
    r"\qquad\Longleftrightarrow\qquad \min_w\ L(w) + \lambda\, R(w)"
)
EXPLANATION = (
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
CORNERS_CAPTION = (
    "Every region with corners on the axes gives exact zeros for a whole set of centres "
    "of positive area: L1, the p < 1 stars and the elastic net. Rounded shapes (1 < p < 2 "
    "looks much like the elastic net, but has no corners), the circle and the square give "
    "them only for centres on lines, by coincidence. Zeros are exact: the solver finds the "
    "face of the region the optimum lies on, it does not round."
)
BUDGET_CAPTION = (
    "For each penalty weight λ the solution w(λ) has a size t: ‖w(λ)‖₁ for the lasso, "
    "‖w(λ)‖₂ for ridge (whose penalty is λ‖w‖₂²). The constrained problem with that budget "
    "has the same solution, with KKT multiplier λ (for ridge, of the constraint written "
    "‖w‖₂² ≤ t²). The markers are the panels above (L1 and L2 panels only)."
)
PRESET_LINKS = "Links to every preset (for slides and handouts)"
# The live figure's notes.
HINT = (
    "Drag ✕ (ŵ), the dot on the w1 axis (the budget t) or the square at the end of the "
    "ellipses' long axis (their shape); or Tab to a handle and use the arrow keys."
)
PENALTY_NOTE = (
    "A penalty: while you drag, only ŵ moves here; the solution is recomputed on release "
    "(the browser solves the constraint form only)."
)
LP_NOTE = (
    "Lp with p ≠ 1, 2, ∞: while you drag, only ŵ moves here; the solution is recomputed on release."
)
PENDING_NOTE = "Solution updates on release."


def panel_heading(side: str) -> str:
    """The sidebar heading of one panel's controls: "Left panel"."""
    return f"{side.capitalize()} panel"


def preset_note(name: str, sentence: str) -> str:
    """What the preset shown teaches, under the figure."""
    return f"**{name}.** {sentence}"


def badge_line(words: PanelWords) -> str:
    """The panel's badge: its name and whether the solution is sparse, exactly."""
    return f"{words.label}: {words.badge}"


def readout_table(label: str, solution: Solution) -> str:
    """The panel's readout as a Markdown table, the budget t last."""
    rows = [*readout_rows(solution), ("budget t", f"{solution.radius:.4g}")]
    table = "\n".join(f"| {quantity} | {value} |" for quantity, value in rows)
    return f"| {label} | value |\n|---|---|\n{table}"


def side_sentence(side: str, sentence: str) -> str:
    """A panel's landing sentence, named by its side: "**Left.** ..."."""
    return f"**{side.capitalize()}.** {sentence}"
