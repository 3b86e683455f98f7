"""The One weight page's controls: three sliders and the units of w, described as data."""

from __future__ import annotations

from lessons.controls import Choice, Slider

__all__ = ["LAM", "PULL", "RATIO", "UNITS"]

PULL = Slider(
    key="a",
    label="Data's pull a",
    low=-3.0,
    high=3.0,
    step=0.05,
    default=0.8,
    help="The unpenalised optimum: where the data alone would put w.",
)
LAM = Slider(
    key="lam",
    label="Penalty weight λ",
    low=0.0,
    high=3.0,
    step=0.05,
    default=1.0,
    help="How hard the penalty pulls towards 0.",
)
RATIO = Slider(
    key="ratio",
    label="Elastic net's L1 share α",
    low=0.0,
    high=1.0,
    step=0.05,
    default=0.5,
    help="The elastic net penalty is λ(α|w| + (1 − α)w²); α is its L1 share.",
)


UNITS = Choice(
    key="units",
    label="Units of w",
    options={s: s for s in ("0.01", "0.1", "1", "10", "100")},
    default="1",
    help="Measure the weight in other units, w_new = s·w (s = 100: metres to centimetres).",
)
