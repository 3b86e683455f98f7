"""The catchment map of one bowl shape: every possible centre classified, and the exact wedges.

Two independent answers to "which centres land on an axis?": a grid of
centres each classified by the exact solver (``catchment_grid``), and the
exact catchment sets from the normal cones (``axis_catchments``). The map
draws both, so that a student sees them agree.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from geometry.regions import Region
from studies.catchment import Catchment, axis_catchments
from studies.ensembles import Domain
from studies.experiments import catchment_grid, map_half_width

__all__ = ["CatchmentMap", "catchment_map"]


@dataclass(frozen=True)
class CatchmentMap:
    """Everything the catchment figure draws.

    Attributes
    ----------
    region : NormBall or ElasticNetBall
        The (convex) region.
    codes : ndarray of int, shape (rows, cols)
        Landing codes (``studies.landing``) of the centres of a grid over
        ``[-half_width, half_width]^2``, first row at the top.
    half_width : float
        Half-width of the mapped square.
    catchments : list of Catchment
        The exact sets of centres landing on each axis point (wedges or rays).
    domain : {"disk", "square"}
        The shape the random centres are drawn from.
    spread : float
        Its radius or half-width.
    """

    region: Region
    codes: np.ndarray
    half_width: float
    catchments: list[Catchment]
    domain: Domain
    spread: float


def catchment_map(
    hessian: np.ndarray, region: Region, domain: Domain, spread: float, resolution: int = 400
) -> CatchmentMap:
    """Classify a ``resolution`` x ``resolution`` grid of centres and find the exact catchments.

    Parameters
    ----------
    hessian : ndarray, shape (2, 2)
        The one bowl shape every centre shares.
    region : NormBall or ElasticNetBall
        A convex region (p >= 1).
    domain, spread : str, float
        Where the random centres of the page are drawn from; the map covers it.
    resolution : int
        Grid cells per side.
    """
    half_width = map_half_width(region.axis_intercept, spread)
    codes = catchment_grid(hessian, region, half_width, resolution)
    return CatchmentMap(region, codes, half_width, axis_catchments(hessian, region), domain, spread)
