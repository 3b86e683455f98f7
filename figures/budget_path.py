"""How the budget shrinks as the penalty grows: t(lambda) for the lasso and ridge.

Every penalty weight lambda gives a solution w(lambda), and with it the
budget t = ||w(lambda)|| under which the constrained problem has the same
answer. For the lasso t reaches 0 at a finite lambda (= ||grad L(0)||_inf);
for ridge it only tends to 0.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from figures.style import FONT_FAMILY, GRID, INK, L1_STYLE, L2_STYLE
from geometry import QuadraticLoss
from solvers import solve_penalized

_POINTS = 80


def budget_curves(loss: QuadraticLoss, lam_max: float) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """lambda grid and budgets: ``{"l1": (lams, ||w||_1), "l2": (lams, ||w||_2)}``."""
    lams = np.linspace(0.0, lam_max, _POINTS)
    return {
        penalty: (lams, np.array([solve_penalized(loss, penalty, lam).radius for lam in lams]))
        for penalty in ("l1", "l2")
    }


def lasso_end(loss: QuadraticLoss) -> float:
    """The smallest lambda at which the lasso gives w = 0: ``||grad L(0)||_inf = ||H c||_inf``."""
    return float(np.max(np.abs(loss.linear_term)))


def lambda_range(loss: QuadraticLoss, marks: list[tuple[str, float, float]]) -> float:
    """Right end of the lambda axis: past the lasso's end and the marks, rounded up to 1-2-5.

    Rounding makes the range (and so a cached set of curves) change in steps, not
    with every movement of a slider.
    """
    needed = 1.15 * max([lasso_end(loss)] + [lam for _, lam, _ in marks])
    decade = 10.0 ** np.floor(np.log10(needed))
    return float(next(m * decade for m in (1.0, 2.0, 5.0, 10.0) if m * decade >= needed))


def budget_figure(
    loss: QuadraticLoss,
    marks: list[tuple[str, float, float]],
    curves: dict[str, tuple[np.ndarray, np.ndarray]] | None = None,
    height: int = 330,
) -> go.Figure:
    """t against lambda for the lasso and ridge, with the panels' current points marked.

    Parameters
    ----------
    loss : QuadraticLoss
        The current loss.
    marks : list of (penalty, lambda, t)
        Points to mark ("l1" or "l2"), e.g. the two panels' current solutions.
    curves : dict, optional
        ``budget_curves(loss, lambda_range(loss, marks))``, if the caller has them cached.
    height : int
        Figure height in pixels.
    """
    end = lasso_end(loss)
    if curves is None:
        curves = budget_curves(loss, lambda_range(loss, marks))
    traces = []
    for penalty, style, name in (
        ("l1", L1_STYLE, "L1: t = ‖w(λ)‖₁"),
        ("l2", L2_STYLE, "L2: t = ‖w(λ)‖₂"),
    ):
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
        style = L1_STYLE if penalty == "l1" else L2_STYLE
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
                    "line": {"width": 2, "color": "white"},
                },
                hovertemplate=f"λ = {lam:.3g}, t = {t:.3g}<extra></extra>",
            )
        )
    layout = {
        "height": height,
        "margin": {"l": 60, "r": 15, "t": 50, "b": 55},
        "title": {
            "text": f"The lasso's budget hits 0 at λ = {end:.3g}; ridge's never does",
            "font": {"size": 16},
            "x": 0.0,
            "xanchor": "left",
        },
        "font": {"family": FONT_FAMILY, "color": INK, "size": 13},
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "xaxis": {"title": {"text": "penalty weight λ"}, "gridcolor": GRID, "rangemode": "tozero"},
        "yaxis": {
            "title": {"text": "equivalent budget t"},
            "gridcolor": GRID,
            "rangemode": "tozero",
        },
        "legend": {"orientation": "h", "x": 1.0, "xanchor": "right", "y": 1.0, "yanchor": "bottom"},
    }
    return go.Figure(data=traces, layout=layout)
