"""The Bayesian reading of one weight: the posterior's mode is the lasso, its mean is not."""

from __future__ import annotations

import plotly.graph_objects as go

from figures.style import INK, OCHRE, REGION_STYLES, axis_style, base_layout
from studies.one_weight import Posterior

__all__ = ["bayes_figure"]


def bayes_figure(posterior: Posterior, height: int = 420) -> go.Figure:
    """Priors and the Laplace-prior posterior, with its mode (MAP) and mean marked.

    ``posterior`` comes from ``studies.one_weight.laplace_posterior(a, lam)``; the
    data are one observation a ~ N(w, 1), so the data term is 0.5 (w - a)^2.
    """
    l1, l2 = REGION_STYLES["l1"], REGION_STYLES["l2"]
    mode, mean = posterior.mode, posterior.mean
    top = 1.05 * float(max(posterior.posterior.max(), posterior.laplace_prior.max(), 0.01))
    traces = [
        go.Scatter(
            x=posterior.w,
            y=posterior.laplace_prior,
            name="Laplace prior ∝ exp(−λ|w|)",
            line={"color": l1.colour, "dash": "dot", "width": 2.5},
        ),
        go.Scatter(
            x=posterior.w,
            y=posterior.gaussian_prior,
            name="Gaussian prior ∝ exp(−λw²)",
            line={"color": l2.colour, "dash": "dash", "width": 2.5},
        ),
        go.Scatter(
            x=posterior.w,
            y=posterior.posterior,
            name=f"posterior under the Laplace prior, data a = {posterior.a:g}",
            line={"color": INK, "width": 3},
        ),
        go.Scatter(
            x=[mode, mode],
            y=[0, top],
            mode="lines",
            name=f"posterior mode (MAP) = lasso = {mode:.4g}",
            line={"color": l1.colour, "width": 3},
        ),
        go.Scatter(
            x=[mean, mean],
            y=[0, top],
            mode="lines",
            name=f"posterior mean = {mean:.4g}",
            line={"color": OCHRE, "width": 3, "dash": "dashdot"},
        ),
    ]
    if mode == 0.0 and mean != 0.0:
        title = "The mode sits at exactly 0; the mean does not"
    elif mode == 0.0:
        title = "At a = 0 mode and mean are both 0"
    else:
        title = "Outside the dead zone the mode moves off 0 too; the mean is never 0"
    layout = base_layout(title, height, xaxis=axis_style("w"), yaxis=axis_style("density"))
    return go.Figure(data=traces, layout=layout)
