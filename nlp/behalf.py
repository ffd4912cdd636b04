"""Who a rep reports for: "帮徐丽记一下", "替王强跑了一趟": the customer is that colleague's.

A rep covering for a team-mate logs the contact under their own name, but the customer is found among
the team-mate's customers, whose lead it stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# 帮/替/代 right before the colleague's full name, then what was done for them ("帮徐丽记一下",
# "替王强去了趟", "代李娜回个电话"); not a favour asked of the writer ("王强帮我…" names no 帮 before).
_FOR = re.compile(r"(?:帮|替|代)(?:同事)?$")
# after the name: the doing, not the colleague as the one doing it ("帮王强的客户" is still theirs)
_THEN = re.compile(
    r"(?:[，,\s]?(?:记|登记|录|跑|去|到|见|拜访|打|回|接|跟|联系|问|看|送|签|处理|盯)|的客户|那边)"
)


def on_behalf_of(text: str, colleagues: Iterable[str]) -> str | None:
    """The colleague (`colleagues`: full names of other members) the writer says they act for."""
    for name in colleagues:
        if len(name) < 2:
            continue
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if _FOR.search(text, 0, start) and _THEN.match(text, end):
                return name
            start = text.find(name, end)
    return None
