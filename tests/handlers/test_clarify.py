"""clarify: "是哪个客户？" keeps the whole message; the answer (a number, a name, a button, "新客户")
completes it, a new report meanwhile is handled as itself, and the question expires."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from handlers import clarify_answer, log_followup, new_lead, update_stage
from handlers.clarify import kept_extraction, kept_slots
from handlers.context import Context
from nlp import Extraction, Extractor, Intent
from storage.leads import add_contact, list_contacts
from storage.models import Lead, PendingQuestion
from tests.handlers.sales_fixtures import CATALOG, NOW, SHANGHAI, World, make_world, when
from tests.handlers.test_log_followup import lead_of

EXTRACTOR = Extractor(CATALOG, "Asia/Shanghai")
# A report naming a customer only by a short name two of lina's leads share.
REPORT = "海晨那边今天去了一趟，见了邵经理，彩超有兴趣，预算六十万左右，在和GE比，周五下午两点再去"
NAMELESS = REPORT.replace("海晨那边", "客户那边")
REPORT_SLOTS = dict(
    company="海晨", contact_name="邵", contact_title="经理", products=("台式彩超",), competitors=("GE医疗",),
    budget=(600_000, 600_000), kind="visit", stage="需求确认", next_followup=when("2026-03-13", "14:00"),
)  # fmt: skip


def said(world: World, who: str, text: str, *, kind: str = "text") -> Context:
    """A message as the router hands it to the continuations: with the real extractor's reading."""
    ctx = world.ctx(who, text, msg_kind=kind)  # type: ignore[arg-type]
    return dataclasses.replace(ctx, extraction=EXTRACTOR.extract(text, ctx.message.sent_at, "rep"))


async def two_haichen(world: World) -> tuple[Lead, Lead]:
    ningbo = await lead_of(world, "lina", "宁波海晨纺织有限公司", key="海晨纺织", city="宁波")
    wenzhou = await lead_of(world, "lina", "温州海晨鞋业有限公司", key="海晨鞋业", city="温州")
    return ningbo, wenzhou


async def answer(world: World, text: str, *, kind: str = "text") -> list:
    ctx = said(world, "lina", text, kind=kind)
    assert await clarify_answer.continues_last(ctx), text
    return await clarify_answer.handle(ctx)


async def pending_rows(world: World) -> list[PendingQuestion]:
    return list((await world.session.scalars(select(PendingQuestion))).all())


async def assert_everything_recorded_on(
    world: World, lead: Lead, asked_at: datetime, text: str = REPORT
) -> None:
    [record] = await world.followups()
    assert record.lead_id == lead.id and record.text == text and record.kind == "visit"
    assert record.happened_at == asked_at  # when the report was sent, not when it was answered
    assert record.extracted["budget"] == [600_000, 600_000]
    assert record.extracted["products"] == ["台式彩超"] and record.extracted["competitors"] == ["GE医疗"]
    assert (lead.budget_min, lead.stage, lead.products) == (600_000, "需求确认", ["台式彩超"])
    assert lead.next_followup_at == datetime(2026, 3, 13, 14, 0, tzinfo=SHANGHAI)
    assert record.next_followup_at == lead.next_followup_at
    assert [c.name for c in await list_contacts(world.session, lead.id)] == ["邵"]
    assert await pending_rows(world) == []  # answered: the question is closed


async def test_two_candidates_get_a_card_with_both_as_buttons_and_the_message_is_kept(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    ningbo, wenzhou = await two_haichen(world)
    [reply] = await log_followup.handle(world.ctx("lina", REPORT, **REPORT_SLOTS))
    assert reply.title == "是哪个客户？"
    assert reply.lines[0].startswith("1. 宁波海晨纺织有限公司")
    assert reply.lines[1].startswith("2. 温州海晨鞋业有限公司")
    assert [(b.key, b.label) for b in reply.buttons] == [
        (f"pick:{ningbo.id}", "宁波海晨纺织有限公司"),
        (f"pick:{wenzhou.id}", "温州海晨鞋业有限公司"),
        ("pick:new", "新客户"),
    ]
    [row] = await pending_rows(world)
    assert (row.person_id, row.intent, row.text) == (world.people["lina"].id, "log_followup", REPORT)
    assert row.candidates == [ningbo.id, wenzhou.id] and row.extracted["kind"] == "visit"
    assert row.expires_at == NOW + timedelta(minutes=30)  # the default
    assert await world.followups() == []


@pytest.mark.parametrize("number", ["2", "第2个", "选2", "第二个", "第二家"])
async def test_the_number_completes_the_report_with_everything_it_said(
    session: AsyncSession, tmp_path: Path, number: str
) -> None:
    world = await make_world(session, tmp_path)
    _, wenzhou = await two_haichen(world)
    await log_followup.handle(world.ctx("lina", REPORT, **REPORT_SLOTS))
    world.later(minutes=3)
    [reply] = await answer(world, number)
    assert reply.title == "已记录跟进" and "客户：温州海晨鞋业有限公司" in reply.lines
    assert "方式：拜访" in reply.lines and "下次跟进：3月13日(周五) 14:00" in reply.lines
    await assert_everything_recorded_on(world, wenzhou, NOW)


async def test_a_name_or_a_short_name_or_a_button_completes_it_too(
    session: AsyncSession, tmp_path: Path
) -> None:
    for how in ("温州海晨鞋业有限公司", "是温州海晨鞋业的", "海晨鞋业", "button"):
        world = await make_world(session, tmp_path)
        _, wenzhou = await two_haichen(world)
        await log_followup.handle(world.ctx("lina", REPORT, **REPORT_SLOTS))
        world.later(minutes=1)
        if how == "button":
            [reply] = await answer(world, f"pick:{wenzhou.id}", kind="button")
        else:
            [reply] = await answer(world, how)
        assert reply.title == "已记录跟进", how
        await assert_everything_recorded_on(world, wenzhou, NOW)
        await session.rollback()


async def test_an_unrecognised_customer_is_answered_by_its_name(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    ningbo, _ = await two_haichen(world)
    slots = {**REPORT_SLOTS, "company": None}
    [question] = await log_followup.handle(world.ctx("lina", NAMELESS, **slots))
    assert question.title == "是哪个客户？" and question.buttons == ()
    assert "直接回复客户名称" in question.lines[0]
    [reply] = await answer(world, "宁波海晨纺织")
    assert reply.title == "已记录跟进" and "客户：宁波海晨纺织有限公司" in reply.lines
    await assert_everything_recorded_on(world, ningbo, NOW, NAMELESS)


async def test_new_customer_creates_the_lead_from_the_first_message(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    await two_haichen(world)
    await log_followup.handle(world.ctx("lina", REPORT, **REPORT_SLOTS))
    [reply] = await answer(world, "新客户")
    assert reply.title == "已记录跟进" and "客户：海晨" in reply.lines
    new = (await world.leads())[-1]
    assert (new.company, new.owner_id, new.budget_min) == ("海晨", world.people["lina"].id, 600_000)
    await assert_everything_recorded_on(world, new, NOW)


async def test_new_customer_to_a_nameless_report_asks_the_name_then_creates_it(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    await log_followup.handle(world.ctx("lina", NAMELESS, **{**REPORT_SLOTS, "company": None}))
    [reply] = await answer(world, "是新客户")
    assert reply.title == "新客户叫什么？" and await world.leads() == []
    [reply] = await answer(world, "台州恒瑞泵业有限公司")
    assert reply.title == "已记录跟进" and "客户：台州恒瑞泵业有限公司" in reply.lines
    [lead] = await world.leads()
    await assert_everything_recorded_on(world, lead, NOW, NAMELESS)


async def test_a_new_report_meanwhile_is_handled_as_itself_and_the_question_stays(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    _, wenzhou = await two_haichen(world)
    await log_followup.handle(world.ctx("lina", REPORT, **REPORT_SLOTS))
    world.later(minutes=2)
    for other in ("宁波海晨纺织 刚打了电话，下周一再联系", "查一下宁波海晨纺织", "今天有哪些要跟进的", "3"):
        assert not await clarify_answer.continues_last(said(world, "lina", other)), other
    assert len(await pending_rows(world)) == 1
    await answer(world, "2")
    assert [f.lead_id for f in await world.followups()] == [wenzhou.id]


async def test_the_question_expires_after_the_configured_time(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    await two_haichen(world)
    await log_followup.handle(world.ctx("lina", REPORT, **REPORT_SLOTS))
    world.later(minutes=31)
    assert not await clarify_answer.continues_last(said(world, "lina", "2"))
    assert await pending_rows(world) == []  # dropped once seen expired
    assert not await clarify_answer.continues_last(said(world, "lina", "pick:1", kind="button"))

    world = await make_world(session, tmp_path, '[conversation]\nquestion_expiry = "5m"\n')
    await log_followup.handle(world.ctx("lina", REPORT, **REPORT_SLOTS))
    world.later(minutes=4)
    assert await clarify_answer.continues_last(said(world, "lina", "1"))
    world.later(minutes=2)
    assert not await clarify_answer.continues_last(said(world, "lina", "1"))


async def test_another_member_s_answer_is_not_taken(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    await two_haichen(world)
    await log_followup.handle(world.ctx("lina", REPORT, **REPORT_SLOTS))
    other = next(key for key, p in world.people.items() if key != "lina" and p.role == "rep")
    assert not await clarify_answer.continues_last(said(world, other, "2"))


async def test_stage_news_and_a_reported_lead_are_completed_by_the_answer_too(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    ningbo, wenzhou = await two_haichen(world)
    [question] = await update_stage.handle(
        world.ctx("lina", "海晨到谈判了", Intent.UPDATE_STAGE, company="海晨", stage="谈判")
    )
    assert question.title == "是哪个客户？" and len(question.buttons) == 3
    [reply] = await answer(world, "1")
    assert reply.title == "阶段已更新" and ningbo.stage == "谈判" and wenzhou.stage != "谈判"

    text = "海晨那边新来了个对接人孔伟，电话13757001234"
    slots = dict(company="海晨", contact_name="孔伟", phone="13757001234")
    [question] = await new_lead.handle(world.ctx("lina", text, Intent.NEW_LEAD, **slots))
    assert question.title == "是哪个客户？"
    await answer(world, f"pick:{wenzhou.id}", kind="button")
    assert "孔伟" in [c.name for c in await list_contacts(session, wenzhou.id)]
    assert len(await world.leads()) == 2  # no new lead for a customer already known


async def test_an_answer_naming_the_customer_and_its_contact_completes_the_report_on_that_contact(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    _, wenzhou = await two_haichen(world)
    await add_contact(session, wenzhou.id, now=NOW, name="骆红梅", title="采购主管")
    text = "海晨今天电话里说要再订一批彩超"
    slots = dict(company="海晨", kind="call", products=("台式彩超",))
    [question] = await log_followup.handle(world.ctx("lina", text, **slots))
    assert question.title == "是哪个客户？"
    [reply] = await answer(world, "海晨鞋业，骆主管那边")
    assert reply.title == "已记录跟进" and "方式：电话" in reply.lines
    [record] = await world.followups()
    assert (record.lead_id, record.kind, record.text) == (wenzhou.id, "call", text)
    [known] = await list_contacts(session, wenzhou.id)  # 骆主管 is 骆红梅, not a new contact
    assert record.contact_id == known.id and wenzhou.products == ["台式彩超"]


async def test_an_answer_that_reports_about_the_contact_is_a_new_report(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    await two_haichen(world)
    await log_followup.handle(world.ctx("lina", REPORT, **REPORT_SLOTS))
    for other in ("海晨鞋业，骆主管说下周来看样", "海晨鞋业，骆主管那边刚打了电话"):
        assert not await clarify_answer.continues_last(said(world, "lina", other)), other


async def test_a_candidate_deleted_meanwhile_is_no_answer(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    ningbo, _ = await two_haichen(world)
    await log_followup.handle(world.ctx("lina", REPORT, **REPORT_SLOTS))
    await session.delete(ningbo)
    await session.flush()
    assert not await clarify_answer.continues_last(said(world, "lina", "1"))
    assert not await clarify_answer.continues_last(said(world, "lina", f"pick:{ningbo.id}", kind="button"))
    assert len(await world.leads()) == 1 and await world.followups() == []


def test_the_kept_message_keeps_the_contact_a_new_lead_reports() -> None:
    ex = Extraction(intent=Intent.NEW_LEAD, company="海晨", reported_kind="call", budget=(None, 80_000))
    row = PendingQuestion(intent=str(ex.intent), extracted=kept_slots(ex))
    assert kept_extraction(row) == ex  # the answer completes the same message, its call included


async def test_an_answer_saying_who_made_the_reported_call_keeps_everything_the_report_said(
    session: AsyncSession, tmp_path: Path
) -> None:
    # The answer names the customer by its city and who called ("温州那家，骆主管打来的"): the kept
    # report's budget, plan and products all stay, with the contact the answer adds.
    world = await make_world(session, tmp_path)
    _, wenzhou = await two_haichen(world)
    await add_contact(session, wenzhou.id, now=NOW, name="骆红梅", title="采购主管")
    text = "海晨今天来电话了，彩超要加两台，预算五十到六十万，周五下午两点我过去一趟"
    slots = dict(company="海晨", kind="call", products=("台式彩超",), budget=(500_000, 600_000),
                 next_followup=when("2026-03-13", "14:00"))  # fmt: skip
    [question] = await log_followup.handle(world.ctx("lina", text, **slots))
    assert question.title == "是哪个客户？"
    world.later(minutes=1)
    [reply, *_] = await answer(world, "温州那家，骆主管打来的")
    assert reply.title == "已记录跟进"
    [record] = await world.followups()
    assert (record.lead_id, record.kind, record.text) == (wenzhou.id, "call", text)
    assert record.extracted["budget"] == [500_000, 600_000]
    assert wenzhou.next_followup_at == datetime(2026, 3, 13, 14, 0, tzinfo=SHANGHAI)
    [known] = await list_contacts(session, wenzhou.id)
    assert record.contact_id == known.id and await pending_rows(world) == []


async def test_an_answer_telling_of_another_kind_of_contact_or_news_is_a_new_report(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    await two_haichen(world)
    await log_followup.handle(world.ctx("lina", REPORT, **REPORT_SLOTS))  # a visit
    others = ("温州那家，骆主管打来的", "海晨鞋业 骆主管打来的 说下周来看样", "温州那家 骆主管微信上说的")
    for other in others:
        assert not await clarify_answer.continues_last(said(world, "lina", other)), other


async def test_an_answer_with_an_emoji_after_it_is_still_a_pick(
    session: AsyncSession, tmp_path: Path
) -> None:
    # chat answers end on an emoji as on a stop: "X那个 👌" picks as "X那个" does (seen on fiftysix)
    for how in ("鞋业那个 👌", "温州那家🙏", "2 👍", "是海晨鞋业的 ✅"):
        world = await make_world(session, tmp_path)
        _, wenzhou = await two_haichen(world)
        await log_followup.handle(world.ctx("lina", REPORT, **REPORT_SLOTS))
        world.later(minutes=1)
        [reply] = await answer(world, how)
        assert reply.title == "已记录跟进", how
        await assert_everything_recorded_on(world, wenzhou, NOW)
        await session.rollback()
