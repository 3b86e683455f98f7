"""The lesson's experiments on top of the exact solvers: random ensembles, landing, odds,
catchment wedges, the sampled-boundary error and the regression data.

Pure numpy/scipy; never imports streamlit or plotly. Imports flow one way:
pages -> figures -> studies -> solvers -> geometry.
"""

__all__: list[str] = []  # its modules are imported by name
