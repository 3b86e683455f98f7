"""Exact optimisation over norm balls. Pure numpy/scipy; never imports streamlit or plotly."""

from solvers.batch import solve_constrained_batch
from solvers.constrained import solve_constrained
from solvers.penalized import solve_penalized
from solvers.solution import Solution

__all__ = ["Solution", "solve_constrained", "solve_constrained_batch", "solve_penalized"]
