"""What the figures call things: the regions, and the elastic net's mix in its two conventions.

The lessons write the elastic net as ``lam (alpha ||w||_1 + (1 - alpha) ||w||_2^2)``,
alpha the L1 share (the letter a is the data's pull on the One weight page).
scikit-learn writes ``A (rho ||w||_1 + 0.5 (1 - rho) ||w||_2^2)``: its L2 term is
halved, so the same number is a different mix. Equal penalties need
``A rho = lam alpha`` and ``A (1 - rho) = 2 lam (1 - alpha)``, that is
``rho = alpha / (2 - alpha)`` and ``A = (2 - alpha) lam``.
"""

from __future__ import annotations

from geometry.regions import REGION_KINDS, Region, kind_of

__all__ = [
    "elastic_net_operator",
    "elastic_net_penalty",
    "region_name",
    "sklearn_l1_ratio",
    "sklearn_mix",
]


def region_name(region: Region) -> str:
    """The short name figures show: "L1", "L0.5", "Elastic net (α=0.3)"."""
    kind = kind_of(region)
    if kind == "elasticnet":
        return f"Elastic net (α={region.l1_ratio:g})"
    return f"L{region.p:g}" if kind == "lp" else REGION_KINDS[kind].label


def sklearn_l1_ratio(alpha: float) -> float:
    """scikit-learn's ``l1_ratio`` for the lessons' L1 share ``alpha``: ``alpha / (2 - alpha)``."""
    return alpha / (2.0 - alpha)


def sklearn_mix(alpha: float) -> str:
    """The mix as scikit-learn counts it, for a legend: "scikit-learn's l1_ratio 0.333"."""
    return f"scikit-learn's l1_ratio {sklearn_l1_ratio(alpha):.3g}"


def elastic_net_penalty(alpha: float) -> str:
    """The elastic net's penalty in symbols, for a legend."""
    return f"elastic net: λ(α|w| + (1−α)w²), α = {alpha:g} ({sklearn_mix(alpha)})"


def elastic_net_operator(alpha: float) -> str:
    """The elastic net's one-weight solution (shrinkage operator) in symbols, for a legend.

    On two lines: a legend beside the plot must not take its width.
    """
    operator = "sign(a)(|a| − αλ)₊ / (1 + 2λ(1 − α))"
    return f"elastic net: {operator},<br>α = {alpha:g} ({sklearn_mix(alpha)})"
