"""A correction right after a report that names another person of the same customer ("sorry写错了 不是X
是他们后勤的Y 电话…"), a person the book does not hold yet (conversations_twentyone kind; made-up
sentences of another trade)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from handlers import log_followup
from handlers.corrections import corrected_person, is_correction_text, new_words
from storage.leads import list_contacts
from tests.handlers.sales_fixtures import make_world, when

REPORT = "上午拜访了苏州仁济医院王主任，对64排CT很感兴趣，下周三下午2点再去演示"
REPORT_SLOTS = dict(
    company="苏州仁济医院", contact_name="王", contact_title="主任", products=("64排CT",), city="苏州",
    kind="visit", next_followup=when("2026-03-18", "14:00"),
)  # fmt: skip


def test_an_apology_and_a_wrong_key_mark_a_correction_whose_new_words_drop_the_old_person() -> None:
    for text in (
        "sorry写错了 不是王主任 是他们后勤的梁晓",
        "不好意思打错了 不是王主任 是梁晓",
        "说错了 不是王主任 是梁晓",
    ):
        assert is_correction_text(text)
        assert "王主任" not in new_words(text) and "梁晓" in new_words(text)


async def test_another_person_of_the_customer_becomes_the_record_s_contact(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    await log_followup.handle(world.ctx("lina", REPORT, **REPORT_SLOTS))
    world.later(minutes=2)
    fix = world.ctx(
        "lina",
        "sorry写错了 不是王主任 是他们后勤的梁晓 电话13911112222",
        contact_name="梁晓",
        contact_title="后勤",
        phone="13911112222",
    )
    assert await log_followup.continues_last(fix)
    [reply] = await log_followup.handle(fix)
    assert reply.title == "已更正"
    assert reply.lines == ("客户：苏州仁济医院", "联系人：王主任 → 梁晓 后勤 13911112222")
    [lead] = await world.leads()
    [record] = await world.followups()
    contacts = {c.name: c for c in await list_contacts(session, lead.id)}
    assert set(contacts) == {"王", "梁晓"}  # the person first named stays one of the customer's
    assert record.contact_id == contacts["梁晓"].id and contacts["梁晓"].phone == "13911112222"
    assert record.kind == "visit" and lead.company == "苏州仁济医院"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("说错了 不是王主任 是梁晓", "梁晓"),
        ("sorry 不是王主任 是他们新来的梁晓 电话13911112222", "梁晓"),
        ("打错了 不是老王 是对方仓库的梁晓", "梁晓"),
    ],
)
def test_a_wrong_person_swapped_for_a_bare_name_corrects_the_person(text: str, name: str) -> None:
    assert corrected_person(text) == name


@pytest.mark.parametrize(
    "text",
    [
        "说错了 不是周五 是周四",  # a day
        "说错了 不是王主任 是他们老板",  # a title, read by the extractor
        "说错了 不是望江 是长嘉",  # a customer
    ],
)
def test_no_person_swapped_is_no_person_corrected(text: str) -> None:
    assert corrected_person(text) is None


async def test_a_bare_name_the_extractor_does_not_read_still_replaces_the_wrong_person(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    await log_followup.handle(world.ctx("lina", REPORT, **REPORT_SLOTS))
    world.later(minutes=2)
    fix = world.ctx("lina", "说错了 不是王主任 是他们新来的梁晓")
    assert await log_followup.continues_last(fix)
    [reply] = await log_followup.handle(fix)
    assert reply.lines == ("客户：苏州仁济医院", "联系人：王主任 → 梁晓")
