"""Migrations build the schema from empty on every database, and agree with the models."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.types import Button, CardUpdate
from storage import migrate
from storage.db import Base, UTCDateTime, create_engine, session_factory
from storage.inbound import message_of
from storage.models import InboundMessage, OutboxMessage
from storage.outbox import outgoing_of

TABLES = {
    "team", "person", "lead", "contact", "follow_up", "stage_change",
    "inbound_message", "alert", "outbox_message", "access_token", "sync_cursor",
}  # fmt: skip


async def test_upgrade_from_empty_creates_every_table(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        assert await migrate.current_revision(engine) is None
        assert not await migrate.is_current(engine)
        await migrate.upgrade(engine)
        assert await migrate.current_revision(engine) == migrate.head_revision()
        async with engine.connect() as conn:
            names = await conn.run_sync(lambda c: set(inspect(c).get_table_names()))
        assert names >= TABLES
        await migrate.upgrade(engine)  # a second run is a no-op
        assert await migrate.is_current(engine)
    finally:
        await engine.dispose()


async def test_latest_migration_matches_the_models(engine: AsyncEngine) -> None:
    def diff(conn: Connection) -> list[object]:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(context, Base.metadata)

    async with engine.connect() as conn:
        differences = await conn.run_sync(diff)
    assert differences == []


# Rows as version 0002 wrote them: WeChat Work's formats in the outbox, platform fields in raw.
T0 = datetime(2026, 3, 10, 1, 30, tzinfo=UTC)
CARD = {
    "card_type": "button_interaction",
    "main_title": {"title": "新线索分配给你"},
    "task_id": "sb_1",
    "button_list": [{"text": "已联系", "style": 1, "key": "contacted:7"}],
    "sub_title_text": "请尽快联系客户",
    "horizontal_content_list": [{"keyname": "客户", "value": "苏州仁济医院"}],
}
OLD_OUTBOX = [
    (
        "reply",
        {"touser": "LiNa", "msgtype": "markdown", "markdown": {"content": "**已记录跟进**\n客户：仁济"}},
    ),
    ("push", {"touser": "LiNa", "msgtype": "template_card", "template_card": CARD}),
    ("kf", {"open_kfid": "wkKF1", "content": "您好\n已收到"}),
    ("image", {"touser": "ZhangWei", "image_base64": "iVBORw0K", "filename": "chart.png"}),
    ("webhook", {"msgtype": "markdown", "markdown": {"content": "**团队日报**\n新线索 1 条"}}),
    ("card_update", {"userids": ["LiNa"], "response_code": "RC9", "replace_name": "已处理"}),
]
OLD_INBOUND = [
    ("wecom", "b1", "LiNa", "button", "contacted:7", {"TaskId": "sb_1", "ResponseCode": "RC1"}),
    (
        "wecom",
        "kf:m1",
        "wmBuyer",
        "inquiry",
        "想买",
        {"source": "wecom_kf", "open_kfid": "wkKF1", "msgid": "m1"},
    ),
    ("web", "f1", "13600001111", "inquiry", "咨询", {"name": "陈女士", "phone": "13600001111", "form": True}),
    ("console", "c1", "guest:1", "inquiry", "你好", {"source": "console", "name": "访客"}),
]


async def test_upgrading_converts_rows_the_previous_version_wrote(database_url: str) -> None:
    engine = create_engine(database_url)
    outbox = sa.table(
        "outbox_message",
        *(sa.column(c) for c in ("platform", "target", "kind", "status", "attempts", "response_code")),
        sa.column("payload", sa.JSON),
        sa.column("next_attempt_at", UTCDateTime()),
        sa.column("created_at", UTCDateTime()),
    )
    inbound = sa.table(
        "inbound_message",
        *(sa.column(c) for c in ("platform", "platform_msg_id", "sender_id", "kind", "text", "status")),
        sa.column("attempts"),
        sa.column("raw", sa.JSON),
        *(sa.column(c, UTCDateTime()) for c in ("sent_at", "received_at", "next_attempt_at")),
    )
    try:
        await migrate.upgrade(engine, "0002")
        async with engine.begin() as conn:
            for kind, payload in OLD_OUTBOX:
                await conn.execute(
                    outbox.insert().values(
                        platform="wecom", target="LiNa", kind=kind, payload=payload, status="pending",
                        attempts=0, next_attempt_at=T0, created_at=T0,
                        response_code="RC5" if kind == "push" else None,
                    )
                )  # fmt: skip
            for platform, msg_id, sender, kind, text_, raw in OLD_INBOUND:
                await conn.execute(
                    inbound.insert().values(
                        platform=platform, platform_msg_id=msg_id, sender_id=sender, kind=kind, text=text_,
                        status="pending", attempts=0, raw=raw, sent_at=T0, received_at=T0, next_attempt_at=T0,
                    )
                )  # fmt: skip
        await migrate.upgrade(engine)
        async with session_factory(engine)() as session:
            rows = (await session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))).all()
            messages = (await session.scalars(select(InboundMessage).order_by(InboundMessage.id))).all()
            items = [outgoing_of(row) for row in rows]
            reply, card, kf, image, group, update = items
            assert (reply.kind, reply.title, reply.lines) == ("reply", "已记录跟进", ("客户：仁济",))
            assert (card.kind, card.title, card.buttons) == (
                "push",
                "新线索分配给你",
                (Button("contacted:7", "已联系"),),
            )
            assert card.lines == ("客户：苏州仁济医院", "请尽快联系客户") and rows[1].card_handle == "RC5"
            assert (kf.kind, kf.lines, dict(kf.route)) == (
                "reply",
                ("您好", "已收到"),
                {"open_kfid": "wkKF1"},
            )
            assert (image.kind, image.image) == ("push", base64.b64decode("iVBORw0K"))
            assert (group.kind, group.title, group.lines) == ("group", "团队日报", ("新线索 1 条",))
            assert update.kind == "card_update" and update.update == CardUpdate("RC9", "已处理", T0)
            button, kf_message, web, guest = (message_of(m) for m in messages)
            assert button.card_handle == "RC1"
            assert dict(kf_message.reply_route) == {"open_kfid": "wkKF1"}
            assert kf_message.form == {"source": "wecom_kf"}
            assert web.answered_elsewhere and web.form == {"name": "陈女士", "phone": "13600001111"}
            assert guest.form == {"source": "console", "name": "访客"} and not guest.answered_elsewhere
    finally:
        await engine.dispose()
