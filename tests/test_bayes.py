"""The Bayesian reading: MAP = lasso, and a posterior mean checked against its closed form."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.special import log_ndtr
from scipy.stats import norm

from solvers.bayes import (
    gaussian_map,
    gaussian_prior_density,
    laplace_map,
    laplace_posterior_density,
    laplace_posterior_mean,
    laplace_prior_density,
)


def closed_form_posterior_mean(a: float, lam: float) -> float:
    """E[w | a] for a ~ N(w, 1), p(w) ∝ exp(-lam |w|): a mixture of two truncated normals.

    On w > 0 the kernel is exp(lam^2/2 - a lam) N(w; a - lam, 1), on w < 0
    exp(lam^2/2 + a lam) N(w; a + lam, 1). With m± = a ∓ lam the masses are
    Φ(m+) and Φ(-m-), and the truncated means m+ + φ(m+)/Φ(m+), m- - φ(m-)/Φ(-m-).
    """
    plus, minus = a - lam, a + lam
    log_weight_plus = -a * lam + log_ndtr(plus)
    log_weight_minus = a * lam + log_ndtr(-minus)
    shift = max(log_weight_plus, log_weight_minus)
    weight_plus = math.exp(log_weight_plus - shift)
    weight_minus = math.exp(log_weight_minus - shift)
    mean_plus = plus + math.exp(norm.logpdf(plus) - log_ndtr(plus))
    mean_minus = minus - math.exp(norm.logpdf(minus) - log_ndtr(-minus))
    return (weight_plus * mean_plus + weight_minus * mean_minus) / (weight_plus + weight_minus)


@given(a=st.floats(-6.0, 6.0), lam=st.floats(0.05, 4.0))
def test_numerical_posterior_mean_matches_the_closed_form(a, lam):
    numeric = laplace_posterior_mean(a, lam)
    exact = closed_form_posterior_mean(a, lam)
    assert numeric == pytest.approx(exact, rel=1e-9, abs=1e-11)


@given(a=st.floats(-6.0, 6.0).filter(lambda x: abs(x) > 1e-3), lam=st.floats(0.05, 4.0))
def test_the_mode_can_be_exactly_zero_but_the_mean_is_not(a, lam):
    mode, mean = laplace_map(a, lam), laplace_posterior_mean(a, lam)
    assert (mode == 0.0) == (abs(a) <= lam)
    assert mean != 0.0 and np.sign(mean) == np.sign(a)
    # The mean shrinks a too, but less than all the way to the mode's zero.
    assert abs(mean) < abs(a)


def test_densities_integrate_to_one_and_the_gaussian_prior_matches_ridge():
    for lam in (0.3, 1.0, 2.5):
        w = np.linspace(-60 / lam, 60 / lam, 800_001)  # the Laplace tail beyond is e^-60
        step = w[1] - w[0]
        assert np.sum(laplace_prior_density(w, lam)) * step == pytest.approx(1.0, rel=1e-6)
        assert np.sum(gaussian_prior_density(w, lam)) * step == pytest.approx(1.0, rel=1e-6)
        for a in (-2.0, 0.3, 1.7):
            density = laplace_posterior_density(w, a, lam)
            assert np.sum(density) * step == pytest.approx(1.0, rel=1e-6)
            assert gaussian_map(a, lam) == pytest.approx(a / (1 + 2 * lam), rel=1e-15)


def test_symmetric_data_give_a_zero_mean():
    assert laplace_posterior_mean(0.0, 1.0) == pytest.approx(0.0, abs=1e-13)
