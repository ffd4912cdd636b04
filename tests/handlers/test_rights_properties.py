"""Rights, property-tested: for generated organisations, leads and askers, no chat answer (a card, a list,
a clarifying question, an export file, a button click's answer, a hand-over's notes) shows anyone a lead
outside their rights, and no message or click writes to a lead the writer may not change; no digest
(a rep's morning list, a manager's daily and weekly report, the team group's copy) names one either.

Messages go through the router's dispatch with the real extractor, as the processor runs them, on the
test database; what each person may see is computed from the generated data (tests.handlers.rights_world).

Not held here: with `isolate_product_lines`, what the workflows push to a team's manager unasked (a rep's
request to reassign their own lead, a hand-over note, an SLA escalation, a new lead's notice) goes to the
team's manager whatever the lead's product line; those pushes are judged by the team rule alone.
"""

from __future__ import annotations

import dataclasses
import itertools
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot.clock import FixedClock
from bot.config import configured_catalog
from bot.core.outgoing import Addressing
from bot.core.router import Router
from bot.types import Message, PermissionDenied, Reply
from handlers import digests, rights
from storage.db import session_factory
from storage.inbound import record_inbound
from storage.models import Contact, FollowUp, Lead, Person
from tests.extractors import Extractors
from tests.handlers.query_fixtures import NOW
from tests.handlers.rights_world import World, config_of, leaks, seed, worlds

SETTINGS = settings(
    max_examples=int(os.environ.get("RIGHTS_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
QUESTIONS = (
    "今天要跟进哪些客户",
    "本组今天要跟进哪些客户",
    "有哪些超时没跟进的客户",
    "团队有哪些超时的线索",
    "本周数据怎么样",
    "本月团队业绩",
    "导出客户",
    "导出本组客户",
    "导出我的客户",
    "1",
    "2",
)
ABOUT = (  # {c} company, {b} short name, {p} phone, {n} contact, {m} a member's name
    "查一下{c}",
    "查一下{b}",
    "{p}这个号码是哪个客户",
    "{n}的客户信息查一下",
    "{b}那边怎么样了",
    "今天拜访了{b}，{n}说下周二再谈",
    "给{c}打了电话，{n}说下周二再谈",
    "{b}已经报价了",
    "{b}转给{m}跟吧",
    "把{c}分给{m}负责",
)
CLICKS = ("contacted", "snooze", "reassign", "amend", "pick")
_ids = itertools.count(1)


@st.composite
def conversations(draw: st.DrawFn) -> tuple[World, str, list[tuple[str, str]]]:
    """A world, an asker (a member's key) and what they send: texts and button clicks, in order."""
    world = draw(worlds())
    asker = draw(st.sampled_from([m.key for m in world.members]))
    lead = st.sampled_from(world.leads)
    said: list[tuple[str, str]] = []
    for _ in range(draw(st.integers(2, 5))):
        choice = draw(st.integers(0, 3))
        if choice == 0:
            said.append(("text", draw(st.sampled_from(QUESTIONS))))
        elif choice == 1:
            said.append(("button", f"{draw(st.sampled_from(CLICKS))}:{draw(lead).company}"))
        else:
            x, member = draw(lead), draw(st.sampled_from(world.members))
            words = draw(st.sampled_from(ABOUT))
            said.append(("text", words.format(c=x.company, b=x.brand, p=x.phone, n=x.contact, m=member.name)))
    return world, asker, said


Snapshot = dict[int, tuple[object, ...]]


async def snapshot(session: AsyncSession) -> Snapshot:
    """What a write to a lead changes: its columns, and its follow-ups and contacts counted."""
    followups = dict(
        (await session.execute(select(FollowUp.lead_id, func.count()).group_by(FollowUp.lead_id))).all()
    )
    contacts = dict(
        (await session.execute(select(Contact.lead_id, func.count()).group_by(Contact.lead_id))).all()
    )
    leads = (await session.scalars(select(Lead).execution_options(populate_existing=True))).all()
    return {
        lead.id: (
            lead.owner_id,
            lead.team_id,
            lead.stage,
            lead.next_followup_at,
            lead.first_response_at,
            lead.last_contact_at,
            tuple(lead.tags or ()),
            followups.get(lead.id, 0),
            contacts.get(lead.id, 0),
        )
        for lead in leads
    }


async def current(world: World, session: AsyncSession, ids: dict[str, int]) -> World:
    """The world with each lead's owner and team as the database has them now (after a hand-over)."""
    keys = dict((await session.execute(select(Person.id, Person.key))).all())
    owners = dict((await session.execute(select(Lead.id, Lead.owner_id))).all())
    changed = []
    for lead in world.leads:
        owner = keys.get(owners.get(ids[lead.company]))
        team = world.member(owner).team if owner else lead.team
        changed.append(dataclasses.replace(lead, owner=owner, team=team))
    return dataclasses.replace(world, leads=tuple(changed))


async def dispatch(
    router: Router, session: AsyncSession, person: Person, kind: str, text: str
) -> list[Reply]:
    """One message through the router, as the processor runs it (a refusal as it sends one)."""
    message = Message(
        platform="wecom",
        platform_msg_id=f"rights-{next(_ids)}",
        sender_id=person.wecom_userid or "",
        kind=kind,  # type: ignore[arg-type]
        text=text,
        sent_at=NOW,
    )
    [row_id] = (await record_inbound(session, [message], NOW)).values()
    try:
        async with session.begin_nested():
            return await router._dispatch(session, row_id, message, person)
    except PermissionDenied as denied:
        return [rights.refusal(denied)]


@SETTINGS
@given(case=conversations())
async def test_no_chat_answer_or_click_shows_or_changes_a_lead_outside_ones_rights(
    engine: AsyncEngine,
    database_url: str,
    tmp_path: Path,
    extractors: Extractors,
    case: tuple[World, str, list[tuple[str, str]]],
) -> None:
    world, asker, said = case
    config = config_of(world, database_url, tmp_path)
    extractor = extractors(config)
    router = Router(config, FixedClock(NOW), extractor, extractor.catalog, Addressing(["wecom"]))
    sessions = session_factory(engine)
    async with sessions() as session:
        ids = await seed(session, world, config)
    async with sessions() as session:
        people = {p.id: p for p in await session.scalars(select(Person))}
        key_of = {p.id: p.key for p in people.values()}
        person = next(p for p in people.values() if p.key == asker)
        own_words: list[
            str
        ] = []  # what the asker wrote so far: a card echoing it (its history) tells nothing
        for kind, text in said:
            if kind == "button":
                action, _, company = text.partition(":")
                text = f"{action}:{ids[company]}"
            own_words.append(text)
            before_world, before = await current(world, session, ids), await snapshot(session)
            replies = await dispatch(router, session, person, kind, text)
            after_world, after = await current(world, session, ids), await snapshot(session)
            for reply in replies:
                reader = asker if reply.to is None else key_of[reply.to]
                own = reader == asker
                said_here = "\n".join(own_words) if own else ""
                # A push to someone else (the team manager told of a rep's request or hand-over) is
                # held to the team rule only: the workflows notify the team's manager whatever the
                # lead's product line (an open question of the isolation design, see the module doc).
                judged = [
                    w if own else dataclasses.replace(w, isolate=False) for w in (before_world, after_world)
                ]
                shown = leaks(judged[0], ids, reply, reader, said_here, wrote=own)
                shown &= leaks(judged[1], ids, reply, reader, said_here, wrote=own)
                assert not shown, (asker, text, reader, reply)
            changed = {c for c, i in ids.items() if before.get(i) != after.get(i)}
            written = {c for c in changed if not before_world.may_write(asker, before_world.lead(c))}
            assert not written, (asker, text, written)
        await session.rollback()


@SETTINGS
@given(world=worlds())
async def test_no_digest_names_a_lead_outside_its_reader_s_rights(
    engine: AsyncEngine, database_url: str, tmp_path: Path, world: World
) -> None:
    config = config_of(world, database_url, tmp_path)
    catalog = configured_catalog(config)
    day = NOW.astimezone(config.tz).date()
    sessions = session_factory(engine)
    async with sessions() as session:
        ids = await seed(session, world, config)
    async with sessions() as session:
        people = list(await session.scalars(select(Person)))
        key_of = {p.id: p.key for p in people}
        due = [digests.Due("morning", p.id, day) for p in people if p.role == "rep"]
        due += [
            digests.Due(kind, p.id, day, p.team_id)
            for p in people
            if p.role == "manager"
            for kind in ("manager_daily", "weekly")
        ]
        for item in due:
            digest = await digests.compose(session, config, item, NOW, catalog)
            assert digest is not None
            reader = key_of[item.person_id]
            for reply in digest.replies:
                assert not leaks(world, ids, reply, key_of[reply.to or 0]), (item, reply)
            for post in digest.group:  # the team's group reads its manager's report
                assert not leaks(world, ids, post.reply, reader), (item, post)
        await session.rollback()
