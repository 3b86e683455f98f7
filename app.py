"""Sparsity Lab: the entry point is only a router over the lesson pages (see ui/registry.py)."""

import streamlit as st

from ui.registry import navigation

st.set_page_config(page_title="Sparsity Lab", page_icon="🔷", layout="wide")
navigation().run()
