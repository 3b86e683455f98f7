"""Real browser, the Real data page: load, move the marker by keyboard, upload good and bad CSVs.

Uses the server and Chromium of ``tests/test_browser.py`` (the same fixtures,
tests/browser/fixtures.py, the same skip/fail rules). Screenshots go to
tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import numpy as np
import pytest

from tests.browser.artifacts import ARTIFACTS

pytestmark = pytest.mark.browser


def _open(browser, url: str, width: int, height: int):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(url)
    page.wait_for_selector(".js-plotly-plot >> nth=1", timeout=60_000)
    page.wait_for_timeout(500)  # let Plotly finish its first layout
    return page


def _no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0


def _good_csv() -> bytes:
    rng = np.random.default_rng(1)
    X = rng.standard_normal((120, 25))
    y = X[:, :4] @ np.array([3.0, -2.0, 1.5, 1.0]) + rng.standard_normal(120)
    lines = [",".join([*(f"f{j}" for j in range(25)), "outcome"])]
    lines += [",".join(f"{v:.5f}" for v in [*row, t]) for row, t in zip(X, y, strict=True)]
    return ("\n".join(lines) + "\n").encode()


def test_real_data_page_marker_by_keyboard_and_uploads(base_url, browser):
    page = _open(browser, f"{base_url}/real_data", 1440, 900)
    page.get_by_text("Cross-validated, the lasso puts").first.wait_for(timeout=60_000)
    _no_exception(page)
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "real_data_1440x900.png"))
    page.set_viewport_size({"width": 1440, "height": 4200})
    page.wait_for_timeout(1500)
    page.screenshot(path=str(ARTIFACTS / "real_data_full_1440.png"))
    page.set_viewport_size({"width": 1440, "height": 900})

    marker = page.locator('[data-testid="stSlider"]').filter(has_text="Marker: log₁₀ λ").first
    marker.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")  # -1.10 -> -1.05
    page.wait_for_function("() => window.location.search.includes('log_lam=-1.05')", timeout=30_000)
    page.get_by_text("At the marker, λ = 0.0891").first.wait_for(timeout=30_000)
    _no_exception(page)

    chooser = page.locator('[data-testid="stFileUploaderDropzoneInput"]')
    chooser.set_input_files(
        files=[{"name": "good.csv", "mimeType": "text/csv", "buffer": _good_csv()}]
    )
    page.get_by_text("120 rows, 25 features.").first.wait_for(timeout=60_000)
    _no_exception(page)
    assert "outcome" not in page.url  # the data never reaches the link
    section = page.get_by_text("Your own data", exact=True).first
    section.scroll_into_view_if_needed()
    page.wait_for_timeout(1500)
    page.screenshot(path=str(ARTIFACTS / "real_data_upload_1440x900.png"))

    chooser.set_input_files(
        files=[
            {"name": "bad.csv", "mimeType": "text/csv", "buffer": "a,y\n1,café\n".encode("latin-1")}
        ]
    )
    page.get_by_text("is not UTF-8 text").first.wait_for(timeout=30_000)
    _no_exception(page)
    assert page.get_by_text("120 rows, 25 features.").count() == 0
    # The page keeps working after the bad file.
    marker.get_by_role("slider").focus()
    page.keyboard.press("ArrowLeft")
    page.get_by_text("At the marker, λ = 0.0794").first.wait_for(timeout=30_000)
    _no_exception(page)
    page.close()


def test_real_data_in_presentation_mode_at_1280x720(base_url, browser):
    page = _open(browser, f"{base_url}/real_data?present=true", 1280, 720)
    page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
    page.wait_for_timeout(1000)
    _no_exception(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "real_data_present_1280x720.png"))
    assert page.locator('[data-testid="stSidebar"][aria-expanded="true"]').count() == 0
    first = page.locator(".js-plotly-plot").first.bounding_box()
    assert first["y"] + 0.85 * first["height"] <= 720  # the paths are on screen
    page.set_viewport_size({"width": 1280, "height": 3600})
    page.wait_for_timeout(1500)
    page.screenshot(path=str(ARTIFACTS / "real_data_present_full.png"))
    page.close()
