"""Every sentence of the Three weights page, computed from the model's numbers.

The badges and readouts under the scenes, the odds in words, the comparison
table, what the double cone does that the octahedron does not, and the Tour's
paragraph. Where a scene lands ("vertex: w2 = w3 = 0 exactly") is the scene's
own ``words`` (``lessons.three_weights.pieces``).
"""

from __future__ import annotations

from functools import lru_cache

from figures.labels import format_number, format_point
from figures.odds import percent
from lessons.three_weights.odds import (
    BUDGET_PER_WEIGHT,
    DIMENSION_COUNTS,
    DIMENSIONS,
    ODDS_BUDGET,
    ODDS_COUNT,
    ODDS_MAX_CONDITION,
    ODDS_SPREAD,
    vertex_or_edge_share,
    zero_weight_shares,
    zeros_by_dimension,
)
from lessons.three_weights.presets import Preset
from lessons.three_weights.scenes import Scene
from solvers import Solution
from studies.three_d import ThreeDOdds

__all__ = [
    "CENTRE_CAPTION",
    "GROUPS_INTRO",
    "INTRO",
    "ODDS_SPINNER",
    "SCENE_CAPTION",
    "SHAPE_CAPTION",
    "badge",
    "comparison_table",
    "dimension_caption",
    "dimension_sentence",
    "odds_summary",
    "preset_note",
    "readout",
    "structured_sentence",
    "tour_text",
    "zero_names",
]

INTRO = (
    "With three weights the L1 ball ‖w‖₁ ≤ t is an **octahedron**: on its vertices two "
    "weights are exactly 0, on its edges one, on its faces none. The optimum is where "
    "the loss ellipsoid touches it. **Drag a scene to turn it.**"
)
CENTRE_CAPTION = "Unconstrained optimum ŵ"
SHAPE_CAPTION = "Shape of the ellipsoids: a cigar along its long axis"
SCENE_CAPTION = (
    "Green: the piece of the boundary the optimum lies on. Grey: the loss's level set "
    "L(w) = L(w*), the ellipsoid that first touches the region (clipped to the cube when "
    "it is long). ○ ŵ: the unconstrained optimum. ◆ w*: the exact optimum."
)
GROUPS_INTRO = (
    "The group lasso's ball ‖(w1, w2)‖₂ + |w3| ≤ t treats (w1, w2) as one group: L1 "
    "between the group and w3, L2 within the group. It is a **double cone**: two tips "
    "on the w3 axis, where the whole group (w1, w2) is exactly 0, and a rim in the "
    "plane w3 = 0, where w3 is exactly 0. Structured sparsity: weights that belong "
    "together are kept or dropped together."
)
ODDS_SPINNER = f"Solving {ODDS_COUNT:,} random 3-D problems and n = 2..50…"


def badge(scene: Scene) -> tuple[str, str]:
    """The badge under a scene: its text and colour (green: a zero, grey: slack)."""
    solution = scene.solution
    colour = "green" if solution.zeros else ("gray" if not solution.active else "orange")
    return f"{scene.name.split(' (')[0]}: {scene.words}", colour


def zero_names(solution: Solution) -> str:
    """The weights exactly 0 ("w2, w3"), or "none"."""
    return ", ".join(f"w{i + 1}" for i in solution.zeros) or "none"


def readout(scene: Scene) -> str:
    """The table under a scene (markdown): w*, its exact zeros, the loss, the multiplier."""
    solution = scene.solution
    rows = [
        ("w*", format_point(solution.w)),
        ("exact zeros", zero_names(solution)),
        ("loss L(w*)", format_number(solution.loss)),
        ("KKT multiplier λ", format_number(solution.multiplier)),
    ]
    body = "\n".join(f"| {name} | {value} |" for name, value in rows)
    return f"| {scene.name} | |\n|---|---|\n{body}"


def preset_note(preset: Preset) -> str:
    """What the preset on show demonstrates (markdown)."""
    return f"**{preset.name}.** {preset.sentence}"


def odds_summary(odds: ThreeDOdds) -> str:
    """The 3-D odds in words (markdown): the setup, each piece's share, the zero weights."""
    lines = []
    for ball, shares, names in (
        ("L1", odds.l1, {"vertex": "a vertex", "edge": "an edge", "face": "a face"}),
        ("L2", odds.l2, {"smooth": "a smooth point"}),
    ):
        for key, name in {**names, "interior": "inside (slack)"}.items():
            share = shares[key]
            low, high = share.interval
            lines.append(
                f"- **{ball}**, {name}: {percent(share.value)} ({percent(low)} to {percent(high)})"
            )
    zeros = odds.zero_weights
    return (
        f"{ODDS_COUNT:,} random problems, each solved exactly (centres uniform in "
        f"[−{ODDS_SPREAD:g}, {ODDS_SPREAD:g}]³, bowls with condition numbers up "
        f"to {ODDS_MAX_CONDITION:g}, t = {ODDS_BUDGET:g}; 95% intervals):\n\n"
        + "\n".join(lines)
        + f"\n\nWeights exactly 0: **L1 {percent(zeros['L1'].value)}** of "
        f"{zeros['L1'].total:,}, **L2 {percent(zeros['L2'].value)}**."
    )


def dimension_caption() -> str:
    """The caption under the zeros-against-n figure: its problems, then what it shows."""
    return (
        "The same kind of problems with n = 2 to 50 weights ("
        + ", ".join(
            f"{count} per n for n = {dims[0]}..{dims[-1]}" for dims, count in DIMENSION_COUNTS
        )
        + "), solved exactly. "
        + dimension_sentence()
    )


def comparison_table(compared: list[Scene]) -> str:
    """The four regions side by side (markdown): w*, where it lands, its exact zeros."""
    rows = [
        ("w*", [format_point(s.solution.w) for s in compared]),
        ("where", [s.words.split(":")[0] for s in compared]),
        ("exact zeros", [zero_names(s.solution) for s in compared]),
    ]
    header = "| | " + " | ".join(s.short_name for s in compared) + " |\n|---" + "|---" * 4 + "|"
    table = "\n".join(f"| {name} | " + " | ".join(values) + " |" for name, values in rows)
    return f"{header}\n{table}"


def dimension_sentence() -> str:
    """What the two budgets show: how much of the rise in zeros with n is geometry."""
    fixed = zero_weight_shares(zeros_by_dimension(), "L1")
    scaled = zero_weight_shares(zeros_by_dimension(scaled=True), "L1")
    rise_fixed = 100 * (fixed[-1].value - fixed[0].value)
    rise_scaled = 100 * (scaled[-1].value - scaled[0].value)
    first, last = DIMENSIONS[0], DIMENSIONS[-1]
    l2_zero = any(
        share.hits
        for odds in (False, True)
        for share in zero_weight_shares(zeros_by_dimension(odds), "L2")
    )
    return (
        f"At a fixed budget t = {ODDS_BUDGET:g} the share of L1 zeros rises by "
        f"{rise_fixed:.0f} points from n = {first} to {last}, but the centres' ‖ŵ‖₁ grows "
        f"like n (on average {_times_n(ODDS_SPREAD / 2)} here), so the same t is an ever smaller "
        f"budget for the signal and zeroes more weights for that reason alone. With the "
        f"budget grown with the signal, t = n·{BUDGET_PER_WEIGHT:g} (the dotted curve), the "
        f"share still rises, by {rise_scaled:.0f} points: that part is geometry, the ball's "
        "low-dimensional pieces (vertices, edges and their higher-dimensional kin) sticking "
        "out more as n grows. The rest of the rise is the budget shrinking against the "
        "signal." + ("" if l2_zero else " L2 gives no exact zero at either budget.")
    )


def structured_sentence(l1: Scene, group: Scene) -> str:
    """What the double cone does that the octahedron does not, for these two solutions."""
    if not group.solution.active:
        return "The budget is slack for the double cone: nothing is shrunk, nothing is zeroed."
    zeros = {"vertex": "the whole group (w1, w2) is exactly 0", "edge": "w3 is exactly 0"}
    l1_zeros = " and ".join(f"w{i + 1}" for i in l1.solution.zeros)
    l1_part = f"L1 zeroes {l1_zeros}, one weight at a time" if l1_zeros else "L1 zeroes nothing"
    if group.solution.face in zeros:
        return (
            f"Here {zeros[group.solution.face]}: the double cone zeroes (w1, w2) together or "
            f"not at all, and w3 on its own. {l1_part}, with no regard for which weights "
            "belong together."
        )
    return (
        "Here the double cone is met on a sheet: no group is zero. Its kinks are the tips "
        "(where the group (w1, w2) is 0) and the rim (where w3 is 0), nowhere else: within "
        f"the group it is as round as L2, so w1 and w2 are zero together or not at all. {l1_part}."
    )


@lru_cache(maxsize=1)
def tour_text() -> str:
    """The Tour's paragraph, "usually" given as the share in the page's own ensemble."""
    share = vertex_or_edge_share()
    low, high = share.interval
    return (
        "In 3-D the L1 ball is an octahedron. Its 6 vertices sit on the axes (two weights "
        "exactly 0), its 12 edges in the coordinate planes (one weight 0), and only its 8 "
        "faces hold no zero. Vertices and edges stick out, so the growing loss ellipsoid "
        f"touches one of them first in {percent(share.value)} of the page's "
        f"{ODDS_COUNT:,} random problems ({percent(low)} to {percent(high)}): here a vertex, "
        "w2 = w3 = 0. The sphere has no such pieces. Drag the scene to turn it."
    )


def _times_n(factor: float) -> str:
    """``factor`` times n in words: "n" for 1, "1.5·n" otherwise."""
    return "n" if factor == 1.0 else f"{factor:g}·n"
