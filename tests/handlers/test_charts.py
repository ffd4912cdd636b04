"""Charts: the weekly chart comes out as a PNG drawn with a CJK font. Warnings are errors in the tests, so a
Chinese label drawn with a font that lacks it ("Glyph ... missing from font") fails here instead of
reaching a manager as empty boxes."""

from __future__ import annotations

import pytest

from handlers import charts

PNG = b"\x89PNG\r\n\x1a\n"
FUNNEL = [("线索", 18), ("初筛", 11), ("需求确认", 7), ("方案演示", 4), ("报价", 3), ("谈判", 1), ("签约", 1)]
WEEKS = [("2月16日", 0.75), ("2月23日", None), ("3月2日", 1.0)]


def test_the_weekly_chart_is_a_png_with_chinese_labels() -> None:
    png = charts.weekly_chart("华东一组 周报 3月2日–3月8日", FUNNEL, WEEKS)
    assert png.startswith(PNG) and len(png) > 10_000


def test_an_empty_week_still_draws() -> None:
    png = charts.weekly_chart("华东一组 周报", [(stage, 0) for stage, _ in FUNNEL], [("3月2日", None)])
    assert png.startswith(PNG)


def test_a_font_without_chinese_glyphs_is_caught() -> None:
    # What the test above would meet with the wrong font: the warning that pytest turns into a failure.
    with pytest.warns(UserWarning, match=r"Glyph \d+ .* missing from font"):
        charts.weekly_chart("周报", FUNNEL, WEEKS, font_names=("DejaVu Sans",))


def test_no_cjk_font_names_the_package_to_install() -> None:
    with pytest.raises(charts.ChartFontMissing, match="apt-get install fonts-wqy-zenhei"):
        charts.find_cjk_font(("No Such Font",))


def test_importing_the_module_loads_no_matplotlib() -> None:
    import subprocess
    import sys

    code = "import sys, handlers.charts; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
