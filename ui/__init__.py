"""The Streamlit layer beside the page scripts: the page registry, the page frame,
and the widgets whose values live in the URL.

Only this package, pages/ and app.py import streamlit. The pages' models (what
to compute for given controls) are in lessons/, which has no Streamlit.
"""

__all__: list[str] = []  # its modules are imported by name
