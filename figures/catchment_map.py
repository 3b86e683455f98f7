"""The catchment map: every possible loss centre coloured by where its optimum lands.

The raster is the exact solver's verdict on a grid of centres; over it, the
exact catchment sets from the normal cones (wedges of positive area at the
corners of the diamond, rays of zero area on the circle). The two agree.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from figures.landing import region_outline
from figures.names import region_name
from figures.raster import codes_png
from figures.style import (
    GREEN,
    INK,
    PALE_GREEN,
    PALE_GREY,
    YELLOW,
    axis_style,
    base_layout,
)
from studies.catchment_map import CatchmentMap
from studies.ensembles import Domain
from studies.landing import INSIDE, OFF_AXIS, ON_W1_AXIS, ON_W2_AXIS

__all__ = ["MAP_COLOURS", "catchment_map_figure"]

# The two axes in two greens, so that the map reads even in grey (light vs
# dark); the centres inside the region in yellow, the rest pale grey.
MAP_COLOURS = {INSIDE: YELLOW, ON_W1_AXIS: GREEN, ON_W2_AXIS: PALE_GREEN, OFF_AXIS: PALE_GREY}
_MAP_NAMES = {
    INSIDE: "centre inside: no shrinkage",
    ON_W1_AXIS: "lands on the w1 axis (w2 = 0)",
    ON_W2_AXIS: "lands on the w2 axis (w1 = 0)",
    OFF_AXIS: "lands off the axes: no zero",
}


def _domain_outline(domain: Domain, spread: float) -> go.Scatter:
    if domain == "disk":
        angle = np.linspace(0.0, 2.0 * np.pi, 181)
        x, y = spread * np.cos(angle), spread * np.sin(angle)
    else:
        x = spread * np.array([-1, 1, 1, -1, -1])
        y = spread * np.array([-1, -1, 1, 1, -1])
    return go.Scatter(
        x=x,
        y=y,
        mode="lines",
        line={"color": INK, "dash": "dot", "width": 1.5},
        name="where the random centres are drawn",
        hoverinfo="skip",
    )


def catchment_map_figure(grid: CatchmentMap, height: int = 470) -> go.Figure:
    """Each possible centre coloured by where its optimum lands, with the exact catchments.

    Parameters
    ----------
    grid : CatchmentMap
        ``studies.catchment_map.catchment_map(hessian, region, domain, spread)``.
    height : int
        Figure height in pixels.
    """
    region, half_width, catchments = grid.region, grid.half_width, grid.catchments
    reach = 3.0 * half_width
    figure = go.Figure()
    for code, name in _MAP_NAMES.items():
        # Legend swatches for the raster's colours, outlined: they are fills.
        figure.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                marker={
                    "symbol": "square",
                    "size": 13,
                    "color": MAP_COLOURS[code],
                    "line": {"color": INK, "width": 1},
                },
                name=name,
            )
        )
    edges: list[np.ndarray] = []
    for catchment in catchments:
        for direction in catchment.directions:
            edges += [catchment.apex, catchment.apex + reach * direction, np.full(2, np.nan)]
    if edges:
        line = np.array(edges)
        kind = "wedge edges" if catchments[0].has_area else "rays of zero area"
        figure.add_trace(
            go.Scatter(
                x=line[:, 0],
                y=line[:, 1],
                mode="lines",
                line={"color": INK, "width": 2},
                name=f"exact catchments ({kind})",
                hoverinfo="skip",
            )
        )
    figure.add_trace(region_outline(region, width=3, showlegend=True))
    figure.add_trace(_domain_outline(grid.domain, grid.spread))
    figure.update_layout(
        base_layout(
            f"{region_name(region)}: where each possible centre's optimum lands",
            height,
            images=[
                {
                    "source": codes_png(grid.codes, MAP_COLOURS),
                    "xref": "x",
                    "yref": "y",
                    "x": -half_width,
                    "y": half_width,
                    "sizex": 2 * half_width,
                    "sizey": 2 * half_width,
                    "sizing": "stretch",
                    "layer": "below",
                }
            ],
            margin={"l": 55, "r": 10, "t": 50, "b": 130},
        )
    )
    # constrain="domain": equal aspect by shrinking the plot, not by widening the range.
    figure.update_xaxes(
        axis_style("c1 (centre of the loss)", range=[-half_width, half_width], constrain="domain")
    )
    figure.update_yaxes(
        axis_style(
            "c2", range=[-half_width, half_width], scaleanchor="x", scaleratio=1, constrain="domain"
        )
    )
    return figure
