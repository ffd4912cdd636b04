"""Files through the outbox to the fake WeChat Work: a row with a file is uploaded as temporary media of
type "file" under its name, then sent as a file message; the fake holds uploads to the platform's limits."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.channels.wecom.client import WeComClient
from bot.channels.wecom.errors import PlatformError
from bot.clock import FixedClock
from bot.core.outbox import OutboxSender
from bot.fakes.wecom import INVALID_MEDIA_ID, INVALID_MEDIA_SIZE, MEDIA_LIMITS, FakeWeCom
from bot.types import Attachment
from storage.db import session_factory
from storage.models import OutboxMessage
from tests.channels.delivery import enqueue, row

SHEET = Attachment("团队客户-20261201-1700.xlsx", b"PK\x03\x04 a workbook's bytes")


async def test_a_file_row_is_uploaded_under_its_name_then_sent(
    engine: AsyncEngine, fake: FakeWeCom, clock: FixedClock, sender: OutboxSender
) -> None:
    outbox_id = await enqueue(engine, clock, "ZhangWei", "reply", file=SHEET)
    await sender.send_due()
    assert (await row(engine, outbox_id)).status == "sent"
    calls = [r for r in fake.requests if r.path != "/cgi-bin/gettoken"]
    assert [r.path for r in calls] == ["/cgi-bin/media/upload", "/cgi-bin/message/send"]
    assert calls[0].query["type"] == "file"
    [sent] = fake.delivered("ZhangWei")
    media_id = sent.payload["media_id"]
    assert sent.msgtype == "file" and fake.media[media_id] == SHEET.data
    assert fake.media_names[media_id] == SHEET.name  # the member sees the Chinese name, not %E5...


@pytest.mark.parametrize("size", [5, MEDIA_LIMITS["file"] + 1])
async def test_the_fake_refuses_files_of_sizes_the_platform_refuses(client: WeComClient, size: int) -> None:
    with pytest.raises(PlatformError) as refused:
        await client.upload_file(b"x" * size, "a.xlsx")
    assert refused.value.errcode == INVALID_MEDIA_SIZE


async def test_the_fake_refuses_a_file_message_naming_no_upload(client: WeComClient, fake: FakeWeCom) -> None:
    with pytest.raises(PlatformError) as refused:
        await client.send_file("LiNa", "media_never_uploaded")
    assert refused.value.errcode == INVALID_MEDIA_ID and fake.delivered("LiNa") == []


async def test_a_file_row_whose_bytes_are_unreadable_is_dead_at_once(
    engine: AsyncEngine, fake: FakeWeCom, clock: FixedClock, sender: OutboxSender
) -> None:
    outbox_id = await enqueue(engine, clock, "ZhangWei", "reply", file=SHEET)
    async with session_factory(engine).begin() as session:  # as a corrupted row would read
        stored = await session.get(OutboxMessage, outbox_id)
        assert stored is not None
        stored.payload = {**stored.payload, "file_base64": "!!"}
    await sender.send_due()
    assert (await row(engine, outbox_id)).status == "dead"
    assert fake.calls("/cgi-bin/media/upload") == []
