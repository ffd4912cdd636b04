"""Charts as PNG bytes for pushes: pure functions of their data, drawn by matplotlib's Agg renderer with a
CJK font found on the machine.

matplotlib is imported on first use, so importing this module costs nothing and starts nothing. No pyplot:
each chart is a Figure of its own with no global state, so charts may be drawn in a worker thread.
"""

from __future__ import annotations

import functools
import io
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.font_manager import FontProperties

log = logging.getLogger("salesbot.handlers.charts")

# Fonts with the Chinese glyphs, best first; any one will do.
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
)
FONT_PACKAGE = "fonts-wqy-zenhei"  # what the Dockerfile and .ci/run install (fonts-noto-cjk works too)
BAR, GOOD, BAD, MUTED = "#3b7dd8", "#2e9d5b", "#d8543b", "#9aa0a6"


class ChartFontMissing(RuntimeError):
    """No font on this machine can draw Chinese; the message names the package to install."""


@functools.cache
def find_cjk_font(names: tuple[str, ...] = CJK_FONTS) -> str:
    """The file of the first installed font among `names`."""
    from matplotlib import font_manager

    known = {entry.name: entry.fname for entry in font_manager.fontManager.ttflist}
    for name in names:
        if name in known:
            return known[name]
    # matplotlib caches its font list once; a font installed after that is only on disk.
    for path in font_manager.findSystemFonts():
        try:
            family = font_manager.get_font(path).family_name
        except (OSError, RuntimeError):  # an unreadable or unsupported font file
            continue
        if family in names:
            return str(path)
    raise ChartFontMissing(
        f"no font that can draw Chinese is installed (looked for {', '.join(names)}); "
        f"install one, e.g. on Debian or Ubuntu: apt-get install {FONT_PACKAGE}"
    )


def weekly_chart(
    title: str,
    funnel: Sequence[tuple[str, int]],
    sla_weeks: Sequence[tuple[str, float | None]],
    *,
    font_names: tuple[str, ...] = CJK_FONTS,
) -> bytes:
    """The weekly digest's picture: the stage funnel as bars (left) and the share of leads answered
    within the first-response limit, week by week (right; None: no lead was assigned that week)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    font = FontProperties(fname=find_cjk_font(font_names))
    figure = Figure(figsize=(9, 4.8), dpi=110, layout="constrained")
    FigureCanvasAgg(figure)
    left, right = figure.subplots(1, 2, width_ratios=(3, 2))
    figure.suptitle(title, fontproperties=font, fontsize=15)
    _funnel(left, funnel, font)
    _sla(right, sla_weeks, font)
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()


def _funnel(ax: Axes, funnel: Sequence[tuple[str, int]], font: FontProperties) -> None:
    from matplotlib.ticker import MaxNLocator

    stages = [stage for stage, _ in funnel]
    counts = [count for _, count in funnel]
    rows = range(len(stages))
    ax.barh(rows, counts, color=BAR)
    ax.set_yticks(rows, stages, fontproperties=font)
    ax.invert_yaxis()
    top = max(counts, default=0)
    ax.set_xlim(0, max(top, 1) * 1.25)
    for row, count in zip(rows, counts, strict=True):
        ax.text(count, row, f" {count}", va="center", fontproperties=font)
    ax.set_title("销售漏斗（本期新增线索）", fontproperties=font)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts of leads: no 2.5
    ax.tick_params(axis="x", labelsize=8)


def _sla(ax: Axes, weeks: Sequence[tuple[str, float | None]], font: FontProperties) -> None:
    labels = [label for label, _ in weeks]
    shares = [share for _, share in weeks]
    columns = range(len(labels))
    heights = [100 * share if share is not None else 0 for share in shares]
    colours = [MUTED if s is None else GOOD if s >= 0.9 else BAD for s in shares]
    ax.bar(columns, heights, color=colours)
    ax.set_xticks(columns, labels, fontproperties=font)
    ax.set_ylim(0, 115)
    ax.set_yticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
    for column, share in zip(columns, shares, strict=True):
        text = f"{round(100 * share)}%" if share is not None else "无"
        height = 100 * share if share is not None else 0
        ax.text(column, height + 2, text, ha="center", fontproperties=font)
    ax.set_title("首次响应达标率（按周）", fontproperties=font)
