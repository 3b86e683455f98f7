"""The Real data page's words: the data's source, the readouts and the experiments' sentences.

Every number in them comes from the exact fits (``lessons.real_data.model``,
``lessons.real_data.experiments``).
"""

from __future__ import annotations

from lessons.real_data.experiments import Pair, Subsample
from lessons.real_data.model import Fits
from studies.cross_validation import CVResult

SOURCE = (
    "442 diabetes patients, ten baseline measurements and disease progression a year later: "
    "Efron, Hastie, Johnstone & Tibshirani, “Least Angle Regression”, *Annals of Statistics* "
    "32 (2004), data of their Table 1; the 64-predictor model is their section 4's: the ten "
    "main effects, 45 interactions and 9 squares (not sex²)."
)


def data_caption(patients: int, predictors: int) -> str:
    """The sidebar's one line about the data."""
    return f"{patients} diabetes patients, {predictors} predictors (Efron et al. 2004)."


def data_note(patients: int, predictors: int) -> str:
    """The data's size and source, under the figures (markdown)."""
    return f"**{patients} patients, {predictors} predictors.** " + SOURCE


def headline(cv: CVResult, p: int) -> str:
    """The cross-validation's headline: the lasso's exact zeros at λ_1se and λ_min (markdown)."""
    return (
        f"Cross-validated, the lasso puts **{cv.zeros_1se} of the {p}** weights at exactly 0 "
        f"at λ_1se = {cv.lambda_1se:.3g} (and {cv.zeros_min} of {p} at λ_min = "
        f"{cv.lambda_min:.3g})."
    )


def paths_title(fits: Fits, lam: float, what: str) -> str:
    """The paths figure's title: the data ``what``, and the lasso's zeros at the marker."""
    zeros = fits.zeros_at(lam)["lasso"]
    return f"{what}: at the marker the lasso has {zeros} of {fits.p} weights exactly 0"


def zeros_sentence(fits: Fits, lam: float) -> str:
    """The marker's readout: each method's exact zeros at ``lam`` (markdown)."""
    zeros = fits.zeros_at(lam)
    return (
        f"At the marker, λ = {lam:.3g}: the lasso has **{zeros['lasso']} of {fits.p}** weights "
        f"exactly 0, the elastic net (α = {fits.l1_ratio:g}) **{zeros['enet']}**, ridge "
        f"**{zeros['ridge']}**."
    )


def _w(value: float) -> str:
    return "exactly 0" if value == 0.0 else f"{value:.3f}"


def pair_sentence(pair: Pair, lam: float) -> str:
    """What the three methods do with the pair at ``lam``, from the exact weights (markdown)."""
    w = pair.weights(lam)
    name, copy = f"`{pair.feature}`", "its copy"
    lo, lc = w["lasso"]
    if lo == 0.0 and lc == 0.0:
        lasso = "the lasso has both at exactly 0 (λ is too large for either)"
    elif lo == 0.0 or lc == 0.0:
        kept, value = (copy, lc) if lo == 0.0 else (name, lo)
        dropped = name if lo == 0.0 else copy
        lasso = f"the lasso keeps {kept} ({value:.3f}) and puts {dropped} at **exactly 0**"
    else:
        lasso = f"the lasso keeps both ({lo:.3f} and {lc:.3f}): at this λ neither is cut"
    ro, rc = w["ridge"]
    eo, ec = w["enet"]
    ratio = ro / rc if rc != 0.0 else float("inf")
    return (
        f"At λ = {lam:.3g} and correlation {pair.correlation:.3f}: {lasso}. Ridge splits the "
        f"weight: {name} {_w(ro)}, its copy {_w(rc)} (ratio {ratio:.3f}). The elastic net "
        f"(α = {pair.fits.l1_ratio:g}) gives {name} {_w(eo)} and its copy {_w(ec)}. "
        + entry_sentence(pair)
    )


def entry_sentence(pair: Pair) -> str:
    """Which of the pair the lasso takes first, and down to which λ it keeps only one."""
    feature, copy = pair.entries()
    span = pair.one_only()
    if span is None:
        return "On the lasso path neither ever enters."
    first = "`" + pair.feature + "`" if copy is None or (feature or 0.0) >= copy else "the copy"
    high, low = span
    return (
        f"On the lasso path {first} enters first, at λ = {high:.3g}, and from there down to "
        f"λ = {low:.3g} the lasso keeps **exactly one** of the two. Which one enters first is "
        "decided by the noise's chance correlation with the response: change its seed."
    )


def subsample_sentence(fit: Subsample) -> str:
    """What the lasso and ridge do with more features than patients, from the exact path."""
    most, n = fit.lasso_most_nonzero(), fit.n
    if fit.floor > 0.0:
        end = (
            f"down to λ = {fit.floor:g} (just above 0: at n − 1 = p the Gram matrix is "
            "singular to rounding)"
        )
    elif fit.rank < fit.p:
        # Rank < p: the λ = 0 problem (least squares) has infinitely many solutions.
        end = (
            "to its end as λ → 0⁺ (with more features than the rank the λ = 0 problem has "
            "infinitely many solutions; the path's limit is the one with the smallest ℓ1 norm)"
        )
    else:
        end = "down to λ = 0 (least squares, unique here)"
    return (
        f"{n} patients, {fit.p} features. Centring (the intercept) leaves the data rank "
        f"{fit.rank} ≤ n − 1 = {n - 1}. Along the whole exact lasso path, {end}, at "
        f"most **{most}** weights are non-zero at any λ: the active columns stay linearly "
        f"independent, so never more than the rank. Ridge: **{fit.ridge_fewest_nonzero()} of "
        f"{fit.p}** non-zero at every λ of the grid."
    )
