"""The lasso and ridge coefficient paths of a real regression, side by side."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from figures.style import (
    AXIS_HIGHLIGHT,
    BLUE,
    GREEN,
    INK,
    OCHRE,
    PURPLE,
    SKY,
    VERMILLION,
    axis_style,
    base_layout,
)

__all__ = ["coefficient_paths_figure"]

# Ten features need ten distinguishable lines: the palette's seven, then
# again dashed (colour and line style together, never colour alone).
_COLOURS = (BLUE, VERMILLION, GREEN, PURPLE, OCHRE, SKY, INK)


def coefficient_paths_figure(
    fractions: np.ndarray,
    lasso: np.ndarray,
    ridge: np.ndarray,
    names: list[str],
    marked: float | None = None,
    height: int = 460,
) -> go.Figure:
    """Coefficients against the budget (fraction of the unconstrained size), lasso | ridge.

    The lasso panel's title counts the exact zeros at ``marked`` (a fraction), drawn as a line.
    """
    index = int(np.argmin(np.abs(fractions - marked))) if marked is not None else None
    titles = ["Lasso (L1 budget)", "Ridge (L2 budget)"]
    if index is not None:
        titles = [
            f"Lasso: {int(np.sum(lasso[index] == 0.0))} of {len(names)} exactly 0",
            f"Ridge: {int(np.sum(ridge[index] == 0.0))} of {len(names)} exactly 0",
        ]
    figure = make_subplots(rows=1, cols=2, subplot_titles=titles, horizontal_spacing=0.1)
    for column, path in ((1, lasso), (2, ridge)):
        for j, name in enumerate(names):
            figure.add_trace(
                go.Scatter(
                    x=fractions,
                    y=path[:, j],
                    mode="lines",
                    name=name,
                    legendgroup=name,
                    showlegend=column == 1,
                    line={
                        "color": _COLOURS[j % len(_COLOURS)],
                        "dash": "solid" if j < len(_COLOURS) else "dash",
                        "width": 2,
                    },
                    hovertemplate=f"{name}: " + "%{y:.3g} at %{x:.2f}<extra></extra>",
                ),
                row=1,
                col=column,
            )
        if index is not None:
            figure.add_vline(
                x=float(fractions[index]),
                line={"color": AXIS_HIGHLIGHT, "width": 2, "dash": "dot"},
                row=1,
                col=column,
            )
        figure.update_xaxes(
            axis_style("budget: fraction of the unconstrained size", range=[0, 1.02]),
            row=1,
            col=column,
        )
        figure.update_yaxes(axis_style("coefficient"), row=1, col=column)
    figure.update_layout(
        base_layout(
            "Diabetes data: the lasso holds coefficients at exactly 0; ridge shrinks but holds "
            "none there",
            height,
            margin={"l": 60, "r": 15, "t": 80, "b": 110},
        )
    )
    return figure
