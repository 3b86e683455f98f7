"""The floor page plus N static elements: what Streamlit itself costs per element on a rerun.

Served by ``benchmarks/element_cost.py``. The URL chooses the elements:
``?n=40&kind=header`` (header, markdown, caption, latex, slider, mixed), and
``&merged=1`` puts the same text in one st.markdown instead of N elements.
Nothing here depends on the slider except the one chart, so every millisecond
beyond the floor's is the cost of drawing unchanged elements again.
"""

import plotly.graph_objects as go
import streamlit as st

FORMULA = r"w^* = \operatorname{sign}(a)\,\max(|a| - \lambda,\ 0)"
# Each kind's text once, as its own element and as Markdown: the merged variant must
# carry exactly the text that the separate elements do.
TEXT = {
    "header": lambda i: f"Section {i}",
    "markdown": lambda i: f"Paragraph {i} with **bold** text. " * 3,
    "caption": lambda i: f"Caption {i}: a few words under a chart.",
    "latex": lambda i: FORMULA,
    "slider": lambda i: f"Slider {i}",
}
AS_MARKDOWN = {"header": "## {}", "latex": "$${}$$"}  # the others are plain text
DRAW = {
    "header": st.header,
    "markdown": st.markdown,
    "caption": st.caption,
    "latex": st.latex,
    "slider": lambda label: st.slider(label, 0.0, 1.0, 0.5, key=label),
}
KINDS = (*TEXT, "mixed")


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
    pieces = (AS_MARKDOWN.get(k, "{}").format(TEXT[k](i)) for i, k in enumerate(kinds))
    st.markdown("\n\n".join(pieces))
else:
    for i, k in enumerate(kinds):
        DRAW[k](TEXT[k](i))
