"""Tags on a lead, derived from what was said about it rather than typed by anyone.

The derived tags are recomputed from the lead's current facts every time they change, so a
corrected budget or a replaced competitor never leaves a stale tag behind; tags that someone
added by other means (not starting with a derived prefix) are kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

AMPLE = "预算充足"
BUDGET_PREFIX = "预算"
COMPETITOR_PREFIX = "竞品对比中:"
INTEREST_PREFIX = "意向:"
DECISION_MAKER = "决策人"

# Titles that usually sign or veto a purchase; a substring match also covers 副院长, 采购总监 ...
DECISION_TITLES = ("院长", "总经理", "董事长", "总裁", "CEO", "总监", "负责人", "主任", "厂长", "老板")


class LineLookup(Protocol):
    def line_of(self, product: str) -> str | None: ...


def is_decision_maker(title: str | None) -> bool:
    if not title:
        return False
    upper = title.upper()
    return any(word in upper for word in DECISION_TITLES)


def wan(yuan: int) -> str:
    """An amount in 万, as a rep would say it: 1500000 -> "150", 350000 -> "35"; 5000 -> "0.5"."""
    value = yuan / 10_000
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}".rstrip("0").rstrip(".")


def budget_text(low: int | None, high: int | None) -> str | None:
    """ "50-80万", "150万", "100万以内", "50万以上"; None when no budget is known."""
    if low is None and high is None:
        return None
    if low is None and high is not None:
        return f"{wan(high)}万以内"
    if high is None and low is not None:
        return f"{wan(low)}万以上"
    assert low is not None and high is not None
    return f"{wan(low)}万" if low == high else f"{wan(low)}-{wan(high)}万"


def budget_tags(low: int | None, high: int | None, ample: int) -> list[str]:
    text = budget_text(low, high)
    if text is None:
        return []
    out = [f"{BUDGET_PREFIX}{text}"]
    top = high if high is not None else low
    if top is not None and top >= ample:
        out.insert(0, AMPLE)
    return out


def derived_tags(
    *,
    budget: tuple[int | None, int | None],
    competitors: Sequence[str],
    products: Sequence[str],
    titles: Iterable[str | None],
    catalog: LineLookup,
    ample_budget: int,
) -> list[str]:
    tags = budget_tags(*budget, ample=ample_budget)
    tags += [f"{COMPETITOR_PREFIX}{name}" for name in competitors]
    lines: list[str] = []
    for product in products:
        line = catalog.line_of(product)
        if line and line not in lines:
            lines.append(line)
    tags += [f"{INTEREST_PREFIX}{line}" for line in lines]
    if any(is_decision_maker(t) for t in titles):
        tags.append(DECISION_MAKER)
    return tags


def _is_derived(tag: str) -> bool:
    return tag == DECISION_MAKER or tag.startswith((BUDGET_PREFIX, COMPETITOR_PREFIX, INTEREST_PREFIX))


def merge_tags(current: Sequence[str], derived: Sequence[str]) -> list[str]:
    """The lead's new tag list: hand-made tags kept in place, derived ones replaced."""
    kept = [t for t in current if not _is_derived(t)]
    return kept + [t for t in derived if t not in kept]
