"""Small public data sets shipped with the app, read as package data.

``importlib.resources`` finds the files inside the installed package as well
as in a checkout (Streamlit Community Cloud runs the checkout itself), so no
code depends on where the repository lies. Each file's source is named in
``data/README.md``.
"""

from __future__ import annotations

import io
from importlib import resources

import numpy as np

__all__ = ["load_diabetes"]


def load_diabetes() -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The diabetes data of Efron, Hastie, Johnstone and Tibshirani (2004).

    Returns
    -------
    features : ndarray of shape (442, 10)
        Raw, unscaled baseline measurements (age, sex, bmi, bp, s1..s6).
    response : ndarray of shape (442,)
        Disease progression one year later.
    names : list of str
        The ten feature names, in column order.
    """
    text = resources.files(__package__).joinpath("diabetes.csv").read_text(encoding="utf-8")
    header, _, body = text.partition("\n")
    table = np.loadtxt(io.StringIO(body), delimiter=",")
    names = header.strip().split(",")
    return table[:, :-1], table[:, -1], names[:-1]
