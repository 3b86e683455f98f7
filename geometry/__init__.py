"""Geometry of the lesson: quadratic losses, norm balls, their boundaries and corners.

Pure numpy; never imports streamlit or plotly.
"""

from geometry.balls import ElasticNetBall, NormBall
from geometry.group_lasso import GroupLassoBall
from geometry.normal_cone import NormalCone, normal_cone
from geometry.quadratic import QuadraticLoss

__all__ = [
    "ElasticNetBall",
    "GroupLassoBall",
    "NormBall",
    "NormalCone",
    "QuadraticLoss",
    "normal_cone",
]
