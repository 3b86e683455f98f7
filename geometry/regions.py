"""The kinds of region the lessons compare, named once: slug, label, exponent, constructor.

A page's URL and its widgets carry the slug ("l1"); figures and text show the
label ("L1"); ``kind_of`` maps a constructed region back to its kind, so that
a style table (figures.style) can be keyed by the same slug.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from geometry.balls import ElasticNetBall, NormBall

__all__ = ["REGION_KINDS", "Region", "RegionKind", "kind_of"]

Region = NormBall | ElasticNetBall
"""Any constraint region the solvers accept."""


@dataclass(frozen=True)
class RegionKind:
    """One family of regions.

    Attributes
    ----------
    slug : str
        The stable name in URLs and code ("l1", "elasticnet").
    label : str
        The short name shown to people ("L1", "Elastic net").
    p : float or None
        The fixed exponent of a norm ball; None when it is chosen ("lp") or the
        region is not a norm ball (the elastic net).
    has_penalty_form : bool
        Whether the lessons also solve it as a penalty ``L(w) + lam R(w)``.
    """

    slug: str
    label: str
    p: float | None
    has_penalty_form: bool

    def make(self, radius: float, p: float = 0.5, l1_ratio: float = 0.5) -> Region:
        """The region of this kind with budget ``radius``.

        Parameters
        ----------
        radius : float
            The budget t > 0.
        p : float
            The exponent, used only by the "lp" kind.
        l1_ratio : float
            The L1 share, used only by the elastic net.
        """
        if self.slug == "elasticnet":
            return ElasticNetBall(radius=radius, l1_ratio=l1_ratio)
        return NormBall(p=self.p if self.p is not None else p, radius=radius)


REGION_KINDS: dict[str, RegionKind] = {
    kind.slug: kind
    for kind in (
        RegionKind("l1", "L1", 1.0, True),
        RegionKind("l2", "L2", 2.0, True),
        RegionKind("linf", "L∞", math.inf, False),
        RegionKind("lp", "Lp", None, False),
        RegionKind("elasticnet", "Elastic net", None, True),
    )
}


def kind_of(region: Region) -> str:
    """The slug of the kind a region belongs to ("lp" for any p other than 1, 2, inf)."""
    if isinstance(region, ElasticNetBall):
        return "elasticnet"
    if not isinstance(region, NormBall):
        raise ValueError(
            f"region must be a NormBall or ElasticNetBall, got {type(region).__name__}"
        )
    for kind in REGION_KINDS.values():
        if kind.p == region.p:
            return kind.slug
    return "lp"
