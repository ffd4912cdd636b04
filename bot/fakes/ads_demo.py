"""The console's "simulate an ad form lead" button: a realistic 抖音 (飞鱼) form lead, signed as the
platform would push it, verified and read by the real receiver's code, then accepted like any lead.
For trying the bot without an ad account; nothing here is served to the internet."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from datetime import timedelta
from zoneinfo import ZoneInfo

from bot.channels.ads.lead import to_message
from bot.channels.ads.receiver import PUSH_MODULES
from bot.channels.base import Accept
from bot.clock import Clock
from bot.config import LeadSourceConfig
from bot.fakes.ads_push import signed_push

# Used when no push source is configured: the simulation only, never a served endpoint.
DEMO_SOURCE = LeadSourceConfig(
    name="抖音表单（模拟）", platform="feiyu", path_token="simulated-not-served", token="simulated-token"
)
COMPANIES = (
    "华康医疗器械",
    "恒通精密机械",
    "瑞丰食品",
    "明德口腔医院",
    "远航物流",
    "天宇机电",
    "绿源农业科技",
)
SURNAMES = "王李张刘陈杨赵黄周吴"
TITLES = ("经理", "总", "主任", "工")
BUDGETS = ("10-30万", "30-50万", "50-80万", "80万以上")


class FormLeadSimulator:
    """`await simulator()` makes one lead and returns a line saying what was sent."""

    def __init__(
        self,
        sources: Sequence[LeadSourceConfig],
        clock: Clock,
        accept: Accept,
        tz: ZoneInfo,
        products: Sequence[str],
        cities: Sequence[str],
        rng: random.Random | None = None,
    ) -> None:
        pushed = [s for s in sources if s.platform in PUSH_MODULES]
        self.source = next((s for s in pushed if s.platform == "feiyu"), pushed[0] if pushed else DEMO_SOURCE)
        self._clock, self._accept, self._tz = clock, accept, tz
        self._products = tuple(products) or ("产品咨询",)
        self._cities = tuple(cities) or ("杭州",)
        self._rng = rng or random.Random()

    @property
    def label(self) -> str:
        return f"模拟一条「{self.source.name}」线索"

    async def __call__(self) -> str:
        rng, now = self._rng, self._clock.now()
        city = rng.choice(self._cities)
        company = f"{city}{rng.choice(COMPANIES)}有限公司"
        contact = rng.choice(SURNAMES) + rng.choice(TITLES)
        answers = {"公司名称": company, "所在城市": city, "意向产品": rng.choice(self._products),
                   "预算": rng.choice(BUDGETS)}  # fmt: skip
        submitted = now - timedelta(minutes=rng.choice((0, 1, 2, 15)))
        phone = f"13{rng.randrange(10**9):09d}"
        clue = f"sim{rng.randrange(10**12):012d}"
        headers, body = signed_push(self.source, clue_id=clue, name=contact, phone=phone, answers=answers,
                                    created_at=submitted)  # fmt: skip
        platform = PUSH_MODULES[self.source.platform]
        platform.verify(headers, body, self.source)  # what the endpoint checks, checked the same way
        leads = platform.parse(json.loads(body), now, self._tz)
        await self._accept([to_message(lead, self.source, platform.DEFAULTS) for lead in leads])
        return f"{self.source.name}：{company} {contact} {answers['意向产品']}"
