"""The Tour's stop on the Real data page: its text from one cached 10-fold CV, built when shown."""

from __future__ import annotations

import numpy as np

from figures.real_data_counts import cv_figure, zero_count_figure
from lessons.real_data.controls import MIX
from lessons.real_data.model import design_cv, design_fits, marker_lambda, ridge_zeros_anywhere
from lessons.real_data.paths import zero_curves
from lessons.real_data.words import headline
from lessons.tour_step import TourStep


def _tour_figures():
    fits = design_fits("quadratic", MIX.default)
    cv = design_cv("quadratic", 1.0, 10, 0)
    lam = marker_lambda(np.log10(cv.lambda_1se))
    return [zero_count_figure(zero_curves(fits), lam, fits.p), cv_figure(cv, fits.p)]


def _tour_text() -> str:
    cv = design_cv("quadratic", 1.0, 10, 0)
    fits = design_fits("quadratic", MIX.default)
    ridge = ridge_zeros_anywhere(fits)
    return (
        "A real data set with many features: 442 diabetes patients and 64 predictors (ten "
        "measurements, their interactions and squares; Efron et al. 2004). "
        + headline(cv, 64)
        + f" Ridge has {ridge if ridge else 'no'} exact zero{'s' if ridge != 1 else ''} at any "
        f"λ from 10⁻⁴ to 10. “Most weights are zero” is what L1 does here, at the λ the "
        "data choose."
    )


def tour_step() -> TourStep:
    """The Tour's stop on this page: its text from one cached 10-fold CV, when shown."""
    return TourStep(
        slug="real-data",
        title="Real data: most of the 64 weights are exactly 0",
        text=_tour_text,
        figures=_tour_figures,
        page="real_data",
        page_title="Real data",
    )
