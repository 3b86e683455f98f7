"""The Tour's own sentences: each of its stops' paragraph, the numbers computed where quoted.

The stops of the other lessons bring their words with them (their ``tour_step()``).
"""

from __future__ import annotations

from figures.odds import percent
from lessons.tour.figures import (
    CATCHMENT_SPREAD,
    REGRESSION_MARK,
    regression_paths,
    ridge_crossings,
    usually_shares,
)
from studies.regression import path_facts

__all__ = [
    "catchment_text",
    "corners_text",
    "edge_hit_text",
    "normal_cone_text",
    "question_text",
    "regression_text",
]


def question_text() -> str:
    """The first stop: the question, and the two panels below it."""
    return (
        "L1 regularisation gives weights that are *exactly* zero; L2 gives small weights that "
        "are not. Below, the same loss (its ellipses) is minimised inside the L1 diamond and "
        "inside the L2 circle of the same size. The diamond's answer sits on an axis: w1 = 0. "
        "Why, and how often? The next steps answer with one weight, then two, then many."
    )


def corners_text() -> str:
    """The corners stop: the diamond's corners sit on the axes."""
    return (
        "In two dimensions the budget ‖w‖₁ ≤ t is a diamond whose corners sit on the axes. "
        "Inflate the loss ellipse from its centre ✕ until it first touches the region: the "
        "first contact is very often a corner, and at a corner one weight is exactly 0. The "
        "circle has no corners, so its contact point is almost never on an axis."
    )


def normal_cone_text() -> str:
    """The normal-cone stop: a corner holds a whole wedge of pulls."""
    return (
        "At the optimum the loss pulls with −∇L(w) (the arrow). On a smooth boundary the "
        "region can push back only along one direction, the normal: the pull must point "
        "exactly that way. At a corner it can push back along a whole wedge of directions "
        "(shaded), so every pull inside the wedge keeps the optimum on the corner."
    )


def edge_hit_text() -> str:
    """The edge-hit stop: corners win often, not always."""
    return (
        "With the centre close enough to a diagonal the ellipse meets an edge of the diamond "
        "first, and the L1 solution has no zero at all. How close depends on how far the "
        "centre is: for round contours an edge catches a strip as wide as itself, a corner a "
        "wedge that widens with distance. Corners win often, not always."
    )


def _names(items: list[str]) -> str:
    return ", ".join(items[:-1]) + f" and {items[-1]}" if len(items) > 1 else "".join(items)


def catchment_text() -> str:
    """The catchment stop: the exact share of the disc the corners' wedges catch."""
    shares = usually_shares()
    share = percent(shares[CATCHMENT_SPREAD])
    by_spread = ", ".join(f"{percent(v)} within {s:g}" for s, v in shares.items())
    return (
        "Colour every possible centre by where its optimum lands. The centres that land on a "
        "corner fill wedges: each corner's cone of pulls, stretched by the loss. For this loss "
        f"and centres in the dotted disc of radius {CATCHMENT_SPREAD:g} that is exactly {share} "
        "of the disc, computed from the wedges' areas; for the circle the same sets are lines: "
        f"0%. “Usually” has no fixed value: for the same bowl it is {by_spread}, tending to "
        "100% as the data's signal grows against the budget, because the wedges widen away "
        "from the diamond while the edges' strips keep their width."
    )


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _crossing_words(counts: dict[str, int]) -> str:
    """ "each once", or "s2 twice, the others once"."""
    if set(counts.values()) == {1}:
        return "each once"
    several = [f"{name} {_times(n)}" for name, n in counts.items() if n > 1]
    ones = "the others once" if 1 in counts.values() else ""
    return ", ".join([*several, ones] if ones else several)


def regression_text() -> str:
    """The regression stop: the lasso's zeros and ridge's sign changes on the diabetes data."""
    facts = path_facts(*regression_paths())
    changing, growing = facts["ridge_sign_changes"], facts["ridge_growing"]
    leaving = facts["lasso_leaving"]
    crossings = ridge_crossings()
    come_back = (
        f" (not for good: {_names(leaving)} enters, leaves the model and comes back)"
        if leaving
        else ""
    )
    return (
        "Ten measurements predicting diabetes progression (Efron et al. 2004). As the budget "
        "grows from 0, the lasso lets coefficients in one at a time and keeps the others at "
        f"exactly 0{come_back}; the title counts the zeros at "
        f"{REGRESSION_MARK:.0%} of the full size. Ridge keeps every coefficient non-zero "
        f"except at isolated budgets: {len(changing)} of them ({_names(changing)}) change sign "
        f"along the path ({_crossing_words(crossings)}), so each is exactly 0 only at the "
        "budgets where it crosses, which no one would call a sparse model. Nor does ridge "
        f"shrink each weight: {len(growing)} of the ten grow somewhere "
        "as the budget shrinks, while the weight moves between correlated features."
    )
