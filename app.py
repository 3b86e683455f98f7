"""Sparsity Lab: the entry point is only a router over the lesson pages (see ui/registry.py)."""

import streamlit as st

from ui.registry import navigation
from ui.warm_up import start_warm_up

st.set_page_config(page_title="Sparsity Lab", page_icon="🔷", layout="wide")
start_warm_up()  # once per process: fixed ensembles, computed in the background
navigation().run()
