"""Follow-up records: what a rep logged about a contact with a customer, and inquiries that came in.

A record can wait for an answer (`awaiting`, e.g. the next follow-up time the bot asked for) and
can be amended by a quick correction; both find "the last record of this person" here.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import FollowUp, Lead


async def record_followup(
    session: AsyncSession,
    *,
    lead_id: int,
    person_id: int | None,
    text: str,
    kind: str | None,
    extracted: Mapping[str, Any],
    happened_at: datetime,
    created_at: datetime,
    next_followup_at: datetime | None = None,
    inbound_id: int | None = None,
    contact_id: int | None = None,
    awaiting: str | None = None,
) -> FollowUp:
    followup = FollowUp(
        lead_id=lead_id,
        contact_id=contact_id,
        person_id=person_id,
        inbound_id=inbound_id,
        kind=kind,
        text=text,
        extracted=dict(extracted),
        happened_at=happened_at,
        next_followup_at=next_followup_at,
        awaiting=awaiting,
        created_at=created_at,
    )
    session.add(followup)
    await session.flush()
    return followup


async def last_followup_by(
    session: AsyncSession, person_id: int, lead_id: int | None = None
) -> FollowUp | None:
    """The record this person logged last (by when it was logged, not when the contact happened),
    on `lead_id` only when given."""
    statement = select(FollowUp).where(FollowUp.person_id == person_id)
    if lead_id is not None:
        statement = statement.where(FollowUp.lead_id == lead_id)
    statement = statement.order_by(FollowUp.created_at.desc(), FollowUp.id.desc())
    return (await session.scalars(statement.limit(1))).first()


async def last_followup_for_owner(session: AsyncSession, owner_id: int, since: datetime) -> FollowUp | None:
    """The newest record someone else logged since `since` on a lead this person owns (a manager's
    joint visit the owning rep then adds to)."""
    statement = (
        select(FollowUp)
        .join(Lead, Lead.id == FollowUp.lead_id)
        .where(Lead.owner_id == owner_id, FollowUp.person_id != owner_id, FollowUp.created_at >= since)
        .order_by(FollowUp.created_at.desc(), FollowUp.id.desc())
    )
    return (await session.scalars(statement.limit(1))).first()


async def amend_followup(
    session: AsyncSession,
    followup: FollowUp,
    *,
    at: datetime,
    awaiting: str | None,
    extracted: Mapping[str, Any] | None = None,
    next_followup_at: datetime | None = None,
    note: str | None = None,
) -> FollowUp:
    """Merge corrected slots into a record; `note` (the correction's words) is appended to its text.

    `awaiting` is required so that a caller decides whether a pending question stays open.
    """
    if extracted:
        # A new dict, because JSON columns only notice reassignment, not in-place changes.
        followup.extracted = {**followup.extracted, **extracted}
    if next_followup_at is not None:
        followup.next_followup_at = next_followup_at
    if note:
        followup.text = f"{followup.text}\n{note}"
    followup.awaiting = awaiting
    followup.updated_at = at
    await session.flush()
    return followup


async def recent_contact_times(session: AsyncSession, lead_id: int, limit: int = 6) -> list[datetime]:
    """When the lead's last `limit` follow-ups happened, oldest first."""
    statement = (
        select(FollowUp.happened_at)
        .where(FollowUp.lead_id == lead_id)
        .order_by(FollowUp.happened_at.desc())
        .limit(limit)
    )
    return sorted((await session.scalars(statement)).all())


async def list_followups(session: AsyncSession, lead_id: int, limit: int = 5) -> list[FollowUp]:
    """The lead's latest records, newest first."""
    statement = (
        select(FollowUp)
        .where(FollowUp.lead_id == lead_id)
        .order_by(FollowUp.happened_at.desc(), FollowUp.id.desc())
        .limit(limit)
    )
    return list((await session.scalars(statement)).all())


async def followup_texts(session: AsyncSession, lead_ids: Collection[int]) -> dict[int, set[str]]:
    """The texts already on each lead's history, so a re-imported note is not added twice."""
    found: dict[int, set[str]] = {i: set() for i in lead_ids}
    ids = list(lead_ids)
    for start in range(0, len(ids), 500):
        statement = select(FollowUp.lead_id, FollowUp.text).where(
            FollowUp.lead_id.in_(ids[start : start + 500])
        )
        for lead_id, text in (await session.execute(statement)).all():
            found[lead_id].add(text)
    return found
