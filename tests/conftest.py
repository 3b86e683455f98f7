import os

from hypothesis import HealthCheck, settings

# No background warm-up in the tests' processes and servers (ui/warm_up.py): AppTest times
# its runs, and the browser tests measure layouts on a busy machine already.
os.environ.setdefault("SPARSITY_WARM_UP", "0")

# The real-browser tests' fixtures (streamlit_server, browser, app, measured, ...).
pytest_plugins = ["tests.browser.fixtures"]

# CI runs more examples than a developer's quick loop.
settings.register_profile(
    "ci", max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=150, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
