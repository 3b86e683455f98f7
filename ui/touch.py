"""Touch screens: every control a finger presses is at least 44 px on its smaller side.

WCAG 2.5.5 and Apple's guidelines ask 44 x 44 px of a touch target; Streamlit
draws 12 px slider thumbs, 16 px help icons, 21 px toggles, 28 px links and
Plotly a 24 x 22 px figure toolbar. ``TOUCH_CSS`` (a constant, shown with the
page's other style, ``ui.frame``) grows what a finger can press, only where the
primary pointer is coarse: a mouse and a projector see the layout unchanged.

What grows is the element that takes the press (its box is the target; the
visible mark stays the size it was where that reads better, e.g. the slider's
dot and the help icon), so the measured size is the size a finger really has.
tests/test_browser_pages.py measures it at 390 x 844 and 360 x 640.
"""

from __future__ import annotations

__all__ = ["TOUCH_CSS"]

# The figure toolbar is always shown on a touch screen (there is no hover); drawn
# over the figure, it covered the titles. Here it gets a row of its own above the
# figure, in room kept above the chart for one row of 44 px buttons.
# Zoom in / out and autoscale go (reset axes does what autoscale does; dragging
# zooms), and in 3-D the zoom drag and "reset to last save" (two fingers zoom; the
# default view stays a press away), so that one row fits a 320 px wide figure.
TOUCH_CSS = """<style>
@media (pointer: coarse) {
  /* Every button: Streamlit's, the pills, the popover's, the header's. */
  [data-testid="stApp"] button { min-height: 44px; }
  /* Icon buttons: the sidebar's opener and closer, the app menu, a table's toolbar,
     a select box's arrow. */
  [data-testid="stHeader"] button,
  [data-testid="stSidebarCollapseButton"] button,
  [data-testid="stElementToolbar"] button,
  [data-testid="stSelectbox"] button { min-width: 44px; }
  [data-testid="stSelectbox"] [role="group"] { min-height: 44px; }
  /* Help icons: a 44 px square round the 16 px icon; the negative margin keeps
     the label's line where it was. */
  [data-testid="stTooltipIcon"] button { min-width: 44px; min-height: 44px; margin: -14px; }
  /* An expander's header. */
  [data-testid="stExpander"] summary { min-height: 44px; }
  /* Links to pages, in the sidebar and in the text. */
  a[data-testid="stSidebarNavLink"], a[data-testid="stPageLink-NavLink"] { min-height: 44px; }
  /* Toggles, check boxes and radio options: the whole label takes the press. */
  [data-testid="stCheckbox"] label,
  label[data-testid="stRadioOption"] { min-height: 44px; display: flex; align-items: center; }
  /* Slider thumbs: a 44 px square, its dot still 12 px (the background is clipped
     to the content box, rounded by the border radius less the padding). The track
     is inset by half a thumb, so that a thumb at either end stays in the widget. */
  [data-testid="stSlider"] [role="group"] { padding-left: 22px; padding-right: 22px; }
  [data-testid="stSlider"] div:has(> [data-testid="stSliderThumbValue"]) {
    width: 44px; height: 44px; padding: 16px; background-clip: content-box;
  }
  [data-testid="stSlider"] [data-testid="stSliderThumbValue"] { margin-top: 16px; }
  /* The figure toolbar: a row of its own above the figure, buttons of 44 px.
     The row is padding above the chart (ui.plotly_chart's .sl-chart, drawn at
     the figure's height), and the chart no longer hides what is drawn outside it. */
  [data-testid="stElementContainer"]:has(.sl-chart .modebar-btn) {
    box-sizing: content-box; padding-top: 46px;
  }
  .sl-chart.js-plotly-plot { overflow: visible !important; }
  .js-plotly-plot .modebar-container { top: -46px !important; }
  .js-plotly-plot .modebar { top: 0; right: 0; }
  .js-plotly-plot .modebar-btn {
    width: 44px; height: 44px; display: inline-flex; align-items: center; justify-content: center;
  }
  .js-plotly-plot .modebar-btn svg { width: 20px; height: 20px; }
  .js-plotly-plot .modebar-btn[data-attr="zoom"][data-val="in"],
  .js-plotly-plot .modebar-btn[data-attr="zoom"][data-val="out"],
  .js-plotly-plot .modebar-btn[data-attr="zoom"][data-val="auto"],
  .js-plotly-plot .modebar-btn[data-attr="scene.dragmode"][data-val="zoom"],
  .js-plotly-plot .modebar-btn[data-attr="resetLastSave"] { display: none; }
}
</style>"""
"""The style for touch screens; constant HTML (nothing a user types reaches it)."""
