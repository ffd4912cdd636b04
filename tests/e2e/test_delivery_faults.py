"""Platform faults during a burst of pushes, on both platforms at once: WeChat Work 5xx, dropped
connections, a revoked token and a 45009 window; DingTalk 403 QPS limits, 5xx, a revoked token and
flow-controlled members. Every push is delivered exactly once or dead-lettered with its reason, and
no member gets more than WeChat Work's per-member rate (the fake drops the excess silently)."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import SENDER
from bot.channels.dingtalk.client import BATCH_SEND
from bot.clock import FixedClock
from bot.config import Config
from bot.fakes.dingtalk import SAMPLE_DINGTALK, FakeDingTalk, serve_fake_dingtalk
from bot.fakes.wecom import FakeWeCom, serve_fake_wecom
from bot.types import Outgoing
from storage.models import OutboxMessage
from storage.outbox import enqueue_outbox
from tests.e2e.harness import START, WECOM, Bot, DingTalkPlatform, on_dingtalk, on_wecom, render_text
from tests.e2e.test_workflows_e2e import ORG
from tests.extractors import Extractors

PUSHES = 60  # per platform
NUMBER = re.compile(r"推送 [#＃](\d+)")  # markdown shows # full-width


async def test_a_burst_through_platform_faults_is_delivered_once_or_dead_lettered_with_a_reason(
    config: Config, engine: AsyncEngine, extractors: Extractors
) -> None:
    clock = FixedClock(START)
    org = on_wecom(on_dingtalk(ORG))
    app = dataclasses.replace(SAMPLE_DINGTALK, mode="http")
    dingtalk = FakeDingTalk.for_config(app, clock, users={p.dingtalk_userid for p in org.people})
    wecom = FakeWeCom(WECOM, clock, users={p.wecom_userid for p in org.people})
    async with serve_fake_dingtalk(dingtalk) as dingtalk_base, serve_fake_wecom(wecom) as wecom_base:
        both = dataclasses.replace(
            config,
            org=org,
            wecom=dataclasses.replace(WECOM, api_base=wecom_base),
            dingtalk=dataclasses.replace(app, api_base=dingtalk_base, oapi_base=dingtalk_base),
        )
        bot = Bot(both, clock, DingTalkPlatform(both, clock, dingtalk, None), extractors(both))
        await bot.start()
        try:
            people = [p for p in org.people]
            async with bot.sessions.begin() as session:
                for i in range(PUSHES):
                    person = people[i % len(people)]
                    for platform, target in (
                        ("wecom", person.wecom_userid),
                        ("dingtalk", person.dingtalk_userid),
                    ):
                        item = Outgoing(platform, target, "push", f"推送 #{i}", (f"{platform} 第{i}条",))  # type: ignore[arg-type]
                        await enqueue_outbox(session, item, clock.now())
            wecom.inject(http_status=502, times=8, path="/cgi-bin/message/send")
            wecom.inject(disconnect=True, times=3, path="/cgi-bin/message/send")
            wecom.inject(errcode=45009, block=timedelta(seconds=90), path="/cgi-bin/message/send")
            dingtalk.inject(BATCH_SEND, 403, code="Forbidden.AccessDenied.QpsLimitForApi", times=10)
            dingtalk.inject(BATCH_SEND, 500, times=5)
            for person in people[:2]:
                dingtalk.flow_control(person.dingtalk_userid, times=3)
            assert bot.app is not None
            sender = bot.app[SENDER]
            for step in range(400):
                if step == 20:
                    wecom.revoke_tokens()
                    dingtalk.revoke_tokens()
                await sender.send_due()
                async with bot.sessions() as session:
                    rows = (await session.scalars(select(OutboxMessage))).all()
                if all(r.status in ("sent", "dead") for r in rows):
                    break
                clock.advance(timedelta(seconds=10))
            else:
                raise AssertionError("the burst never finished")
        finally:
            await bot.stop()

    dead = [r for r in rows if r.status == "dead"]
    assert all(r.last_error for r in dead), "a dead push says why"
    sent = {(r.platform, int(NUMBER.search(r.payload["title"])[1])) for r in rows if r.status == "sent"}  # type: ignore[index]
    assert len(sent) + len(dead) == 2 * PUSHES
    wecom_seen = Counter(
        int(m[1]) for p in people for d in wecom.delivered(p.wecom_userid)
        if (m := NUMBER.search(render_text(d.msgtype, d.payload)))
    )  # fmt: skip
    dingtalk_seen = Counter(
        int(m[1]) for p in people for d in dingtalk.delivered(p.dingtalk_userid)
        if (m := NUMBER.search(str(d.params)))
    )  # fmt: skip
    assert all(n == 1 for n in wecom_seen.values()) and all(n == 1 for n in dingtalk_seen.values())
    assert set(wecom_seen) == {i for platform, i in sent if platform == "wecom"}
    assert set(dingtalk_seen) == {i for platform, i in sent if platform == "dingtalk"}
    assert not any(wecom.dropped(p.wecom_userid) for p in people), "over WeChat Work's per-member rate"
    assert len(sent) >= 2 * PUSHES * 0.9, (
        f"only {len(sent)} of {2 * PUSHES} delivered; dead: {[r.last_error for r in dead][:3]}"
    )
