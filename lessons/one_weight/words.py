"""Every sentence of the One weight page, computed from the model's numbers.

Also the one-weight units counterexample (``units_counterexample``), which the
Check yourself answers and the Tour quote too.
"""

from __future__ import annotations

import math

from lessons.one_weight.model import Answers, lasso_in_units
from studies.one_weight import BIG_L2, SMALL_L1, l2_smaller_below

__all__ = [
    "INTRO",
    "MANY_WEIGHTS_CAPTION",
    "SHRINKAGE_CAPTION",
    "SLOPES_CAPTION",
    "bayes_sentence",
    "dead_zone_sentence",
    "lasso_badge",
    "power_of_ten",
    "ridge_badge",
    "units_counterexample",
    "units_sentence",
]

INTRO = (
    "With one weight the whole story fits on a line. Minimise **½(w − a)² + penalty(w)**: "
    "the data pull *w* towards *a*, the penalty pulls it towards 0. The L1 penalty pulls "
    "with "
    "the same force λ however small *w* already is, so a whole range of data leaves the "
    "answer at exactly 0. The L2 pull fades as *w* shrinks, so it never finishes the job."
)
SLOPES_CAPTION = (
    "Below: the force each penalty exerts towards 0. For L1 it is ±λ right up to w = 0, and at "
    "0 itself the subgradient is the whole interval [−λ, λ] (the green bar): any pull from the "
    "data of size at most λ is balanced there. For L2 the force 2λw shrinks with w and is 0 "
    "at 0."
)
SHRINKAGE_CAPTION = (
    "Each curve is the penalised estimate as a function of the unpenalised one, for an "
    "orthonormal design (every coefficient separately). Soft thresholding (lasso) is flat at 0 "
    "over the whole dead zone; proportional shrinkage (ridge) passes through 0 only at a = 0; "
    "hard thresholding (best subset) keeps or kills; the elastic net does both: threshold, "
    "then shrink."
)
MANY_WEIGHTS_CAPTION = (
    "An orthonormal design decouples the coefficients: each one is shrunk by the operator "
    "above, and the lasso sets exactly those with |OLS| ≤ λ to zero."
)


def power_of_ten(value: float) -> str:
    """``10⁻⁶`` for 1e-6 (any exact power of ten); other numbers as ``%g``."""
    exponent = round(math.log10(value))
    if math.isclose(value, 10.0**exponent, rel_tol=1e-12):
        digits = str(exponent).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
        return f"10{digits}"
    return f"{value:g}"


def units_counterexample() -> str:
    """The sentence: L2 the larger penalty almost everywhere, still no zeros; L1 still zeros."""
    below = power_of_ten(l2_smaller_below())
    return (
        f"{BIG_L2:g}·w² is larger than {SMALL_L1:g}·|w| everywhere except |w| ≤ {below}, yet "
        f"the {BIG_L2:g}·w² penalty gives no zeros (it divides the data's pull by "
        f"1 + 2·{BIG_L2:g} = {1.0 + 2.0 * BIG_L2:g}) and the {SMALL_L1:g}·|w| penalty still sets "
        f"every pull |a| ≤ {SMALL_L1:g} to exactly 0"
    )


def lasso_badge(answers: Answers) -> tuple[str, str]:
    """The L1 badge: its text and colour (green on an exact zero)."""
    zero = answers.lasso == 0.0
    text = f"L1: w* = {answers.lasso:.4g}" + (" exactly: |a| ≤ λ" if zero else "")
    return text, "green" if zero else "orange"


def ridge_badge(answers: Answers) -> tuple[str, str]:
    """The L2 badge: its text and colour (orange unless ridge is exactly 0)."""
    zero = answers.ridge == 0.0
    return f"L2: w* = {answers.ridge:.4g}" + ("" if zero else ": shrunk, not zero"), (
        "green" if zero else "orange"
    )


def dead_zone_sentence(answers: Answers) -> str:
    """Section 2: whether ``a`` is in the dead zone, and what lasso and ridge do with it."""
    a, lam, lasso, ridge = answers.a, answers.lam, answers.lasso, answers.ridge
    return f"Here a = {a:g} and λ = {lam:g}: " + (
        f"|a| ≤ λ, so a is **inside the dead zone** and the lasso answer is exactly 0. Ridge "
        f"still gives {ridge:.4g}."
        if answers.inside
        else f"|a| > λ, so the lasso moves a towards 0 by exactly λ, to {lasso:.4g}; "
        f"ridge divides it by 1 + 2λ = {1 + 2 * lam:g}, to {ridge:.4g}."
    )


def units_sentence(answers: Answers, scale: float) -> str:
    """Section 4: the |w| < 1 argument, and the same zeros in units ``scale``."""
    a, lam = answers.a, answers.lam
    new_lasso = lasso_in_units(a, lam, scale)
    return (
        "The usual argument: *for |w| < 1, w² is smaller than |w|, so L2 punishes small weights "
        "less and lets them live.* The real reason is the kink: the slope of w² is 0 at 0, so "
        "its pull fades as w shrinks, while |w| keeps a slope of ±λ that does not fade and has "
        "the whole interval [−λ, λ] of slopes at 0. Which penalty is larger proves nothing. "
        "Near 0, |w| ≫ w² in any units, and the size comparison can be turned round: "
        f"{units_counterexample()}. The number 1 depends on the units, too. Measure w in units "
        f"s (here s = {scale:g}) and the two penalties cross at |w_new| = s"
        f"{'' if scale == 1.0 else ', not at 1'}, while "
        "the exact zeros do not change at all: in the new units the data pull is "
        f"a·s = {a * scale:g}, the L1 weight is λ·s = {lam * scale:g}, and the lasso answer is "
        f"{new_lasso:.4g} = s × {answers.lasso:.4g}."
    )


def bayes_sentence(answers: Answers) -> str:
    """Section 6: the posterior mode is the lasso, the mean is not; Gaussian: both ridge."""
    return (
        f"Regularisation computes a posterior **mode** (MAP), here with the likelihood "
        f"∝ exp(−½(w − a)²). With the Laplace prior "
        f"(∝ exp(−λ|w|), the L1 penalty) the mode is the lasso answer, **{answers.mode:.4g}**; "
        f"the posterior **mean** under the very same prior is **{answers.mean:.4g}**, which is 0 "
        f"only when a = 0. With the Gaussian prior (∝ exp(−λw²), the L2 penalty) mode and mean "
        f"coincide: {answers.gaussian:.4g}. Exact zeros come from the posterior mode (MAP) under "
        "a prior with a kink at 0, not from the prior believing that weights are zero: the "
        "Laplace prior puts no mass on w = 0 exactly."
    )
