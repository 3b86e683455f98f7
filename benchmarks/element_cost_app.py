"""The floor page plus N static elements: what Streamlit itself costs per element on a rerun.

Served by ``benchmarks/element_cost.py``. The URL chooses the elements:
``?n=40&kind=header`` (header, markdown, caption, latex, slider, mixed), and
``&merged=1`` puts the same text in one st.markdown instead of N elements.
Nothing here depends on the slider except the one chart, so every millisecond
beyond the floor's is the cost of drawing unchanged elements again.
"""

import plotly.graph_objects as go
import streamlit as st

KINDS = ("header", "markdown", "caption", "latex", "slider", "mixed")
FORMULA = r"w^* = \operatorname{sign}(a)\,\max(|a| - \lambda,\ 0)"


def bounded_count(text: str | None) -> int:
    try:
        return min(max(int(text or 0), 0), 200)
    except ValueError:
        return 0


x = st.slider("x", 0.0, 1.0, 0.5, step=0.01, key="x")
st.plotly_chart(go.Figure(go.Scatter(x=[0, x], y=[0, 1])), key="chart")

count = bounded_count(st.query_params.get("n"))
kind = st.query_params.get("kind", "mixed")
kind = kind if kind in KINDS else "mixed"
kinds = [KINDS[i % 4] if kind == "mixed" else kind for i in range(count)]

if st.query_params.get("merged") == "1":
    pieces = {
        "header": lambda i: f"## Section {i}",
        "markdown": lambda i: f"Paragraph {i} with **bold** text. " * 3,
        "caption": lambda i: f"Caption {i}: a few words under a chart.",
        "latex": lambda i: f"$${FORMULA}$$",
        "slider": lambda i: f"Slider {i}",
    }
    st.markdown("\n\n".join(pieces[k](i) for i, k in enumerate(kinds)))
else:
    for i, k in enumerate(kinds):
        if k == "header":
            st.header(f"Section {i}")
        elif k == "markdown":
            st.markdown(f"Paragraph {i} with **bold** text. " * 3)
        elif k == "caption":
            st.caption(f"Caption {i}: a few words under a chart.")
        elif k == "latex":
            st.latex(FORMULA)
        else:
            st.slider(f"Slider {i}", 0.0, 1.0, 0.5, key=f"s{i}")
