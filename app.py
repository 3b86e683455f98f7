"""Sparsity Lab: the entry point is only a router over the lesson pages."""

import streamlit as st

st.set_page_config(page_title="Sparsity Lab", page_icon="🔷", layout="wide")

pages = [
    st.Page(
        "pages/constraint_regions.py",
        title="Constraint regions",
        icon=":material/change_history:",
        default=True,
    ),
]
st.navigation(pages).run()
