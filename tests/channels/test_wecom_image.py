"""Pictures through the outbox to the fake WeChat Work: an "image" row is uploaded as temporary media, then
sent as an image message; a group robot takes the picture itself, base64 with its MD5."""

from __future__ import annotations

import hashlib

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.channels.wecom.render import render_webhook
from bot.clock import FixedClock
from bot.core.outbox import OutboxSender
from bot.fakes.wecom import FakeWeCom
from bot.types import Outgoing, Reply
from storage.db import session_factory
from storage.models import OutboxMessage
from storage.outbox import enqueue_outbox
from tests.channels.delivery import enqueue, row

# A 1x1 PNG: the transport does not look inside, the platform only at its size and type.
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


async def test_an_image_row_is_uploaded_then_sent(
    engine: AsyncEngine, fake: FakeWeCom, clock: FixedClock, sender: OutboxSender
) -> None:
    outbox_id = await enqueue(engine, clock, "ZhangWei", "push", title="周报图表", image=PIXEL)
    await sender.send_due()
    assert (await row(engine, outbox_id)).status == "sent"
    paths = [r.path for r in fake.requests if r.path != "/cgi-bin/gettoken"]
    assert paths == ["/cgi-bin/media/upload", "/cgi-bin/message/send"]
    [sent] = fake.delivered("ZhangWei")
    assert sent.msgtype == "image" and fake.media[sent.payload["media_id"]] == PIXEL


async def test_an_image_row_without_an_image_is_dead_at_once(
    engine: AsyncEngine, fake: FakeWeCom, clock: FixedClock, sender: OutboxSender
) -> None:
    async with session_factory(engine).begin() as session:  # as a corrupted row would read
        outbox_id = (
            await enqueue_outbox(session, Outgoing("wecom", "ZhangWei", "push", image=PIXEL), clock.now())
        ).id
        (await session.get(OutboxMessage, outbox_id)).payload = {"image_png_base64": "!!"}  # type: ignore[union-attr]
    await sender.send_due()
    assert (await row(engine, outbox_id)).status == "dead"
    assert fake.calls("/cgi-bin/media/upload") == []


async def test_a_group_robot_gets_the_picture_with_its_md5(
    engine: AsyncEngine, fake: FakeWeCom, clock: FixedClock, sender: OutboxSender
) -> None:
    good = render_webhook(Reply(to=None, title="周报图表", image=PIXEL))
    sent = await enqueue(engine, clock, "team-key", "group", title="周报图表", image=PIXEL)
    await sender.send_due()
    assert (await row(engine, sent)).status == "sent"
    [(key, body)] = fake.webhooks
    assert key == "team-key" and body == good
    assert body["image"]["md5"] == hashlib.md5(PIXEL, usedforsecurity=False).hexdigest()
