"""Shared pieces of the ad-platform push tests: one configured source per push platform (with a field
map and a value map), the push driver of each, a recording `accept`, and the receiver served on a small
app that answers 503 for an unavailable database as the real app does."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from aiohttp import web
from aiohttp.test_utils import TestClient

from bot.channels.ads.receiver import AdReceiver
from bot.clock import FixedClock
from bot.config import LeadSourceConfig
from bot.fakes import ads_push
from bot.types import Message
from storage.db import DatabaseUnavailable

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
SUBMITTED = NOW - timedelta(minutes=12)  # the customer submitted the form 12 minutes before it arrived
TZ = ZoneInfo("Asia/Shanghai")
VALUES = {"product": {"CT/DR": "64排CT"}}

FEIYU = LeadSourceConfig(
    name="抖音表单", platform="feiyu", path_token="feiyu-path-0123456789", token="feiyu-access-token",
    fields={"remark_dict.所在医院": "company"}, values=VALUES,
)  # fmt: skip
BAIDU = LeadSourceConfig(
    name="百度表单", platform="baidu", path_token="baidu-path-0123456789", token="baidu-body-token",
    fields={"所在医院": "company"}, values=VALUES,
)  # fmt: skip
XIAOHONGSHU = LeadSourceConfig(
    name="小红书表单", platform="xiaohongshu", path_token="xhs-path-0123456789ab", token="xhs-page-token",
    fields={"所在医院": "company"}, values=VALUES,
)  # fmt: skip
GENERIC = LeadSourceConfig(
    name="官网落地页", platform="generic", path_token="generic-path-01234567", token="generic-hmac-key",
    signature_header="X-Lead-Signature", fields={"所在医院": "company"}, values=VALUES,
)  # fmt: skip
TENCENT = LeadSourceConfig(name="腾讯表单", platform="tencent", pull=True)  # pulled: no push endpoint
SOURCES = (FEIYU, BAIDU, XIAOHONGSHU, GENERIC, TENCENT)


@dataclass(frozen=True)
class Platform:
    source: LeadSourceConfig
    driver: Callable[..., ads_push.Push]
    success: dict[str, Any]
    bad: str  # the driver's keyword for a wrong token or signature

    @property
    def path(self) -> str:
        return ads_push.path(self.source)

    def push(self, clue_id: str = "7301", **kwargs: Any) -> ads_push.Push:
        """One form: 王伟 of 华西医院 in 成都, interested in CT/DR, budget 50-80万."""
        form = {"所在医院": "华西医院", "城市": "成都", "意向产品": "CT/DR", "预算": "50-80万"}
        fields: dict[str, Any] = {"name": "王伟", "phone": "13800138000", "answers": form}
        fields |= {"created_at": SUBMITTED} | kwargs
        return self.driver(self.source, clue_id=clue_id, **fields)


PLATFORMS = {
    "feiyu": Platform(FEIYU, ads_push.feiyu_push, {"code": 0, "message": "success"}, "bad_token"),
    "baidu": Platform(BAIDU, ads_push.baidu_push, {"code": 0}, "bad_token"),
    "xiaohongshu": Platform(XIAOHONGSHU, ads_push.xiaohongshu_push, {"code": 0}, "bad_signature"),
    "generic": Platform(GENERIC, ads_push.generic_push, {"code": 0}, "bad_signature"),
}


class Recorder:
    """An `accept` that records every call (the pipeline, not the receiver, dedupes); `fail` makes the
    next calls raise as an unreachable database does."""

    def __init__(self) -> None:
        self.calls: list[list[Message]] = []
        self.fail = 0

    async def __call__(self, messages: Sequence[Message]) -> list[int]:
        if self.fail:
            self.fail -= 1
            raise DatabaseUnavailable("database is down")
        self.calls.append(list(messages))
        return list(range(1, len(messages) + 1))

    @property
    def messages(self) -> list[Message]:
        return [m for call in self.calls for m in call]


@web.middleware
async def _unavailable(request: web.Request, handler: Any) -> web.StreamResponse:
    try:
        return await handler(request)
    except DatabaseUnavailable:
        return web.json_response({"error": "database unavailable"}, status=503)


async def serve(
    aiohttp_client: Any, sources: Sequence[LeadSourceConfig] = SOURCES
) -> tuple[TestClient, Recorder]:
    recorder = Recorder()
    app = web.Application(middlewares=[_unavailable])
    AdReceiver(sources, FixedClock(NOW), recorder, TZ).add_routes(app)
    return await aiohttp_client(app), recorder
