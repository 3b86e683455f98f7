import os

from hypothesis import HealthCheck, settings

# A test's run computes only what it asks: no page warms its caches in the background
# (ui.warm, ui.warm_up), in this process or in the servers the browser tests start.
os.environ.setdefault("SPARSITY_LAB_WARM", "0")

# The real-browser tests' fixtures (streamlit_server, browser, app, measured, ...).
pytest_plugins = ["tests.browser.fixtures"]

# CI runs more examples than a developer's quick loop.
settings.register_profile(
    "ci", max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=150, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
