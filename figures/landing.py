"""Where optima land: a sample of 2-D optima per region, and non-zero counts in n dimensions.

"On an axis" is the landing code the exact solver gave (``studies.landing``),
never a rounded coordinate.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from figures.names import region_name
from figures.style import (
    AXIS_HIGHLIGHT,
    GREY,
    OLIVE,
    REGION_STYLES,
    axis_style,
    base_layout,
    region_style,
    translucent,
)
from figures.titles import stack_title
from geometry.regions import Region
from studies.landing import INSIDE, OFF_AXIS, on_axis

__all__ = ["landing_scatter_figure", "nonzero_histogram", "region_outline"]


def region_outline(region: Region, width: float, showlegend: bool) -> go.Scatter:
    """The region's boundary in its own colour and dash."""
    style = region_style(region)
    outline = region.boundary(361)
    return go.Scatter(
        x=outline[:, 0],
        y=outline[:, 1],
        mode="lines",
        line={"color": style.colour, "dash": style.dash, "width": width},
        name=f"{region_name(region)} region",
        hoverinfo="skip",
        showlegend=showlegend,
    )


def _scatter_title(region: Region, codes: np.ndarray) -> str:
    hits = np.count_nonzero(on_axis(codes))
    # Two lines: one is wider than a panel of a phone-wide figure.
    return f"{region_name(region)}: {hits:,} of {codes.size:,}<br>on an axis"


def landing_scatter_figure(
    panels: list[tuple[Region, np.ndarray, np.ndarray]], height: int = 430
) -> go.Figure:
    """Where a sample of optima land, one panel per region, coloured by landing.

    ``panels`` holds ``(region, solutions (N, 2), landing codes (N,))``.
    """
    figure = make_subplots(
        rows=1,
        cols=len(panels),
        subplot_titles=[_scatter_title(region, codes) for region, _, codes in panels],
        horizontal_spacing=0.08,
    )
    for column, (region, solutions, codes) in enumerate(panels, start=1):
        figure.add_trace(region_outline(region, width=2, showlegend=False), row=1, col=column)
        landed = on_axis(codes)
        groups = [
            (codes == INSIDE, OLIVE, "circle", 4, "centre inside: w = ŵ, no shrinkage"),
            (codes == OFF_AXIS, GREY, "circle-open", 6, "on the boundary, no zero"),
            (landed, AXIS_HIGHLIGHT, "diamond", 13, "exact zero: on an axis"),
        ]
        for mask, colour, symbol, size, name in groups:
            figure.add_trace(
                go.Scatter(
                    x=solutions[mask, 0],
                    y=solutions[mask, 1],
                    mode="markers",
                    marker={"color": colour, "symbol": symbol, "size": size},
                    name=name,
                    legendgroup=name,
                    showlegend=column == 1,
                    hovertemplate="w = (%{x:.4g}, %{y:.4g})<extra></extra>",
                ),
                row=1,
                col=column,
            )
        # Many optima share each corner: say how many, or they look like one dot.
        corners = solutions[landed]
        for point in np.unique(corners, axis=0):
            count = int(np.count_nonzero(np.all(corners == point, axis=1)))
            figure.add_annotation(
                x=point[0],
                y=point[1],
                text=f"<b>{count:,}</b>",
                showarrow=False,
                # Beside the corner and clear of the axis line through it; a corner on
                # the w1 axis gets it above and just outside (further out, on a phone it
                # covered the tick label "0" of its own panel or of the next).
                xshift=14 * np.sign(point[0]) if point[0] else 22,
                yshift=16 * np.sign(point[1]) if point[1] else 18,
                font={"color": AXIS_HIGHLIGHT, "size": 14},
                row=1,
                col=column,
            )
        reach = 1.3 * region.axis_intercept
        axis = f"x{column if column > 1 else ''}"
        figure.update_xaxes(axis_style("w1", range=[-reach, reach]), row=1, col=column)
        # One w2 title: the next panel's stood between the panels, on the L1 diamond's corner.
        figure.update_yaxes(
            axis_style("w2" if column == 1 else "", range=[-reach, reach], scaleanchor=axis),
            row=1,
            col=column,
        )
    figure.update_layout(
        base_layout("Where a sample of the optima land", height, margin={"t": 100, "b": 70})
    )
    figure.update_annotations(font={"size": 14})
    # The title above the panels' two-line titles (projected, it ran into them).
    layout = figure.layout.to_plotly_json()
    stack_title(layout)
    figure.update_layout(title=layout["title"], margin=layout["margin"])
    return figure


def nonzero_histogram(counts: dict[str, np.ndarray], dim: int, height: int = 360) -> go.Figure:
    """How many weights are non-zero per solution, for the L1 and the L2 ball in ``dim`` dims.

    ``counts`` is ``{"L1": ..., "L2": ...}``: each solution's number of non-zero weights.
    """
    figure = go.Figure(
        layout=base_layout(
            f"Non-zero weights per solution, {dim} weights",
            height,
            barmode="overlay",
            margin={"l": 60, "r": 15, "t": 50, "b": 90},
        )
    )
    for name, nonzeros in counts.items():
        style = REGION_STYLES[name.lower()]
        tally = np.bincount(nonzeros, minlength=dim + 1)
        figure.add_trace(
            go.Bar(
                x=np.arange(dim + 1),
                y=tally,
                name=f"{name} ball",
                marker={
                    "color": translucent(style.colour),
                    "line": {"color": style.colour, "width": 1.5},
                    "pattern": {"shape": style.pattern, "fgcolor": style.colour},
                },
            )
        )
    figure.update_xaxes(axis_style("non-zero weights", range=[-0.6, dim + 0.6], zeroline=False))
    figure.update_yaxes(axis_style("problems"))
    return figure
