"""The console's database side: who can be chosen, and one person's past conversation and inbox.

The history needs no table of its own: what someone typed is their inbound rows (platform
"console"), what the bot sent them is the outbox rows delivered to them on the console.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.channels.console.channel import History, People
from storage.models import InboundMessage, OutboxMessage, Person, Team

HISTORY_LIMIT = 100
ROLE_ORDER = {"admin": 0, "manager": 1, "rep": 2}

Sessions = Callable[[], async_sessionmaker[AsyncSession]]


def console_reads(sessions: Sessions) -> tuple[People, History]:
    """The two reads ConsoleChannel needs; `sessions` is called per request (the pool opens at start-up)."""

    async def people() -> list[dict[str, Any]]:
        async with sessions()() as session:
            return await list_console_people(session)

    async def history(target: str) -> list[dict[str, Any]]:
        async with sessions()() as session:
            return await console_history(session, target)

    return people, history


async def list_console_people(session: AsyncSession) -> list[dict[str, Any]]:
    """Everyone active in [org], team by team, managers first."""
    rows = await session.execute(
        select(Person, Team.name).outerjoin(Team, Person.team_id == Team.id).where(Person.active.is_(True))
    )
    people = [
        {"key": p.key, "name": p.name, "role": p.role, "team": team or "", "cities": list(p.cities or [])}
        for p, team in rows.all()
    ]
    people.sort(key=lambda p: (p["team"] == "", p["team"], ROLE_ORDER.get(p["role"], 9), p["key"]))
    return people


async def console_history(
    session: AsyncSession, target: str, limit: int = HISTORY_LIMIT
) -> list[dict[str, Any]]:
    """The last `limit` things `target` said on the console and was sent there, oldest first."""
    said = await session.scalars(
        select(InboundMessage)
        .where(InboundMessage.platform == "console", InboundMessage.sender_id == target)
        .order_by(InboundMessage.id.desc())
        .limit(limit)
    )
    sent = await session.scalars(
        select(OutboxMessage)
        .where(
            OutboxMessage.platform == "console",
            OutboxMessage.target == target,
            OutboxMessage.status == "sent",
        )
        .order_by(OutboxMessage.id.desc())
        .limit(limit)
    )
    items = [
        {"from": "me", "id": m.platform_msg_id, "kind": m.kind, "text": m.text, "at": _iso(m.received_at)}
        for m in reversed(said.all())
    ]
    items += [
        {
            "from": "bot",
            "handle": o.card_handle,
            "kind": o.kind,
            "payload": o.payload,
            "at": _iso(o.sent_at or o.created_at),
        }
        for o in reversed(sent.all())
    ]
    items.sort(key=lambda item: item["at"])  # stable: equal times keep each list's own order
    return items[-limit:]


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).isoformat()  # one zone, so the two lists sort together as strings


async def console_event(session: AsyncSession, outbox_id: int) -> tuple[str, dict[str, Any]] | None:
    """A console item delivered (by any instance) as its target and the live event the page shows, as
    ConsoleChannel.deliver publishes it; None unless the row is a sent console item."""
    row = await session.get(OutboxMessage, outbox_id)
    if row is None or row.platform != "console" or row.status != "sent":
        return None
    at = _iso(row.sent_at or row.created_at)
    return row.target, {"handle": row.card_handle, "kind": row.kind, "payload": row.payload, "at": at}
