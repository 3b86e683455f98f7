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
from figures.titles import panel_title, stack_title

__all__ = ["coefficient_paths_figure"]

# Ten features need ten distinguishable lines: the palette's seven, then
# again dashed (colour and line style together, never colour alone).
_COLOURS = (BLUE, VERMILLION, GREEN, PURPLE, OCHRE, SKY, INK)
_SPACING = 0.1  # between the two panels, a share of the plot's width
_PANEL_TITLE_SIZE = 14
_AXIS_SIZE = 13


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
    The panels' titles and x-axis titles are in lines that fit a phone's panel, the
    figure's title above them (``figures.titles``).
    """
    index = int(np.argmin(np.abs(fractions - marked))) if marked is not None else None
    titles = ["Lasso (L1 budget)", "Ridge (L2 budget)"]
    if index is not None:
        titles = [
            f"Lasso: {int(np.sum(lasso[index] == 0.0))} of {len(names)} exactly 0",
            f"Ridge: {int(np.sum(ridge[index] == 0.0))} of {len(names)} exactly 0",
        ]
    titles = [panel_title(title, 2, _SPACING, _PANEL_TITLE_SIZE) for title in titles]
    figure = make_subplots(rows=1, cols=2, subplot_titles=titles, horizontal_spacing=_SPACING)
    figure.update_annotations(font_size=_PANEL_TITLE_SIZE)
    # In 13 px type its two lines fit under a phone's panel (in 14 px, three).
    budget = panel_title("budget: fraction of the unconstrained size", 2, _SPACING, _AXIS_SIZE)
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
            axis_style(budget, range=[0, 1.02]), title_font_size=_AXIS_SIZE, row=1, col=column
        )
        # One y-axis title: the right panel's stood between the panels, over the left one.
        figure.update_yaxes(axis_style("coefficient" if column == 1 else ""), row=1, col=column)
    figure.update_layout(
        base_layout(
            "The lasso holds coefficients at exactly 0; ridge shrinks but holds none there "
            "(diabetes data)",
            height,
            margin={"l": 60, "r": 15, "b": 110},
        )
    )
    layout = figure.layout.to_plotly_json()
    stack_title(layout)
    figure.update_layout(title=layout["title"], margin=layout["margin"])
    return figure
