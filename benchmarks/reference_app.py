"""The floor for the browser benchmarks: a bare Streamlit page, one slider and one small chart.

Served by its own ``streamlit run benchmarks/reference_app.py`` on another port (same
Streamlit, same config, same browser); what the app costs beyond Streamlit itself is
its time divided by this page's.
"""

import plotly.graph_objects as go
import streamlit as st

x = st.slider("x", 0.0, 1.0, 0.5, step=0.01, key="x")
st.plotly_chart(go.Figure(go.Scatter(x=[0, x], y=[0, 1])), key="chart")
