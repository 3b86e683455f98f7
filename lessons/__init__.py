"""Each page's model: what to compute for the page's controls, with no Streamlit.

A page script reads its widgets, hands plain values to its model here, gives
the results to figures/, and writes the text. Everything a page shows can so
be tested without a browser or AppTest. This package sits at the level of
pages/: it may use figures/, studies/, solvers/ and geometry/.
"""
