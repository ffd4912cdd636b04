"""The inbound queue's claim: it reads the sender with the row."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.types import Message
from storage.inbound import (
    ClaimedInbound,
    claim_next_inbound,
    finish_inbound,
    record_inbound,
)
from storage.models import Person
from storage.people import find_person_by_platform_id

NOW = datetime(2026, 3, 10, 1, 30, tzinfo=UTC)


def person(key: str, name: str, wecom: str | None = None, dingtalk: str | None = None) -> Person:
    return Person(
        key=key,
        name=name,
        role="rep",
        wecom_userid=wecom,
        dingtalk_userid=dingtalk,
        cities=[],
        product_lines=[],
    )


def text(msg_id: str, platform: str = "wecom", sender: str = "LiNa") -> Message:
    return Message(
        platform=platform, platform_msg_id=msg_id, sender_id=sender, kind="text", text="你好", sent_at=NOW
    )  # type: ignore[arg-type]


async def test_a_claim_brings_its_sender_as_the_lookup_finds_them(session: AsyncSession) -> None:
    """The claim returns the row and its sender together: the same active member
    `find_person_by_platform_id` finds on each platform, none for a stranger, a member who left, a web
    form, or a platform id that is another platform's."""
    gone = person("ql", "钱六", wecom="QianLiu")
    gone.active = False
    session.add_all([person("ww", "王五", wecom="WangWu", dingtalk="ww-d"), gone])
    senders = [("wecom", "WangWu"), ("dingtalk", "ww-d"), ("console", "ww"), ("wecom", "Nobody"),
               ("wecom", "QianLiu"), ("web", "ww"), ("console", "WangWu")]  # fmt: skip
    await record_inbound(session, [text(f"m{i}", p, s) for i, (p, s) in enumerate(senders)], NOW)
    found = []
    for platform, sender in senders:
        claimed = await claim_next_inbound(session, NOW)
        assert isinstance(claimed, ClaimedInbound)
        assert (claimed.row.platform, claimed.row.sender_id) == (platform, sender)
        expected = await find_person_by_platform_id(session, platform, sender)  # type: ignore[arg-type]
        assert claimed.sender is expected, (platform, sender)
        found.append(claimed.sender.key if claimed.sender is not None else None)
        await finish_inbound(session, claimed.row.id, NOW)
    assert await claim_next_inbound(session, NOW) is None
    assert found == ["ww", "ww", "ww", None, None, None, None]
