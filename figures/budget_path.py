"""How the budget shrinks as the penalty grows: t(lambda) for the lasso and ridge.

Draws the curves ``studies.budget_path.budget_curves`` computed: the lasso's
budget reaches 0 at a finite lambda, ridge's only tends to 0.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from figures.style import GRID, PAPER, REGION_STYLES, base_layout

__all__ = ["budget_figure"]


def budget_figure(
    curves: dict[str, tuple[np.ndarray, np.ndarray]],
    marks: list[tuple[str, float, float]],
    lasso_end: float,
    height: int = 370,
) -> go.Figure:
    """t against lambda for the lasso and ridge, with the panels' current points marked.

    Parameters
    ----------
    curves : dict
        ``studies.budget_path.budget_curves(loss, lam_max)``.
    marks : list of (penalty, lambda, t)
        Points to mark ("l1" or "l2"), e.g. the two panels' current solutions.
    lasso_end : float
        ``studies.budget_path.lasso_end(loss)``: where the lasso's budget reaches 0.
    height : int
        Figure height in pixels.
    """
    traces = []
    for penalty, name in (("l1", "L1: t = ‖w(λ)‖₁"), ("l2", "L2: t = ‖w(λ)‖₂")):
        style = REGION_STYLES[penalty]
        lams, budgets = curves[penalty]
        traces.append(
            go.Scatter(
                x=lams,
                y=budgets,
                mode="lines",
                name=name,
                line={"color": style.colour, "width": 3, "dash": style.dash},
            )
        )
    for penalty, lam, t in marks:
        style = REGION_STYLES[penalty]
        traces.append(
            go.Scatter(
                x=[lam],
                y=[t],
                mode="markers",
                showlegend=False,
                marker={
                    "symbol": style.marker,
                    "size": 14,
                    "color": style.colour,
                    "line": {"width": 2, "color": PAPER},
                },
                hovertemplate=f"λ = {lam:.3g}, t = {t:.3g}<extra></extra>",
            )
        )
    # The shared layout: a title that wraps on a phone, the legend in a band of its
    # own under the axis (beside the title, on a phone it ran into it).
    layout = base_layout(
        f"The lasso's budget hits 0 at λ = {lasso_end:.3g}; ridge's never does",
        height,
        xaxis={"title": {"text": "penalty weight λ"}, "gridcolor": GRID, "rangemode": "tozero"},
        yaxis={"title": {"text": "equivalent budget t"}, "gridcolor": GRID, "rangemode": "tozero"},
    )
    return go.Figure(data=traces, layout=layout)
