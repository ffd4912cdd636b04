"""The sales organisation in the database: synced from [org] at start, looked up per message."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from sqlalchemy import ColumnElement, and_, bindparam, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.types import Platform
from storage.models import Person, Team


class TeamSpec(Protocol):
    name: str
    manager: str
    group_webhook: str


class PersonSpec(Protocol):
    id: str
    name: str
    role: str
    team: str
    wecom_userid: str
    dingtalk_userid: str
    cities: list[str]
    product_lines: list[str]


async def sync_org(session: AsyncSession, teams: Sequence[TeamSpec], people: Sequence[PersonSpec]) -> None:
    """Make the tables match the configuration; people no longer configured become inactive."""
    by_name = {t.name: t for t in (await session.scalars(select(Team))).all()}
    for spec in teams:
        team = by_name.get(spec.name) or Team(name=spec.name)
        team.manager_key = spec.manager or None
        team.group_webhook = spec.group_webhook or None
        by_name[spec.name] = team
        session.add(team)
    await session.flush()

    by_key = {p.key: p for p in (await session.scalars(select(Person))).all()}
    configured = {spec.id for spec in people}
    # Free every platform id first: two people may swap ids, or a new person take a departed one's.
    for person in by_key.values():
        person.wecom_userid = person.dingtalk_userid = None
        if person.key not in configured:
            person.active = False  # kept, not deleted, so their leads and history keep an owner
    await session.flush()
    for spec in people:
        person = by_key.get(spec.id) or Person(key=spec.id)
        person.name = spec.name
        person.role = spec.role
        person.team_id = by_name[spec.team].id if spec.team else None
        person.wecom_userid = spec.wecom_userid or None
        person.dingtalk_userid = spec.dingtalk_userid or None
        person.cities = list(spec.cities)
        person.product_lines = list(spec.product_lines)
        person.active = True
        session.add(person)
    await session.flush()


_USER_IDS = {"wecom": Person.wecom_userid, "dingtalk": Person.dingtalk_userid, "console": Person.key}
# Built once (every message looks its sender up): building and cache-keying cost more than running it.
_BY_USER_ID = {
    platform: select(Person).where(column == bindparam("user_id"), Person.active.is_(True))
    for platform, column in _USER_IDS.items()
}


def member_who_sent(platform: ColumnElement[str], user_id: ColumnElement[str]) -> ColumnElement[bool]:
    """The active member whose id on `platform` is `user_id`, as a condition on two columns of another
    table: `find_person_by_platform_id`'s rule for a statement that reads the person with that row (a
    web form's sender matches no one)."""
    return and_(
        Person.active.is_(True),
        or_(*(and_(platform == name, column == user_id) for name, column in _USER_IDS.items())),
    )


def user_id_on(person: Person, platform: Platform) -> str | None:
    """The person's user id on a platform, None when they have none there."""
    column = _USER_IDS.get(platform)
    return None if column is None else getattr(person, column.key)


async def find_person_by_platform_id(
    session: AsyncSession, platform: Platform, user_id: str
) -> Person | None:
    statement = _BY_USER_ID.get(platform)
    if statement is None:  # web forms: the sender is always a customer
        return None
    return await session.scalar(statement, {"user_id": user_id})


async def find_person_by_key(session: AsyncSession, key: str) -> Person | None:
    return await session.scalar(select(Person).where(Person.key == key))


async def list_active_people(session: AsyncSession) -> list[Person]:
    """The members configured now, in [org] order of their ids."""
    return list(
        (await session.scalars(select(Person).where(Person.active.is_(True)).order_by(Person.id))).all()
    )
