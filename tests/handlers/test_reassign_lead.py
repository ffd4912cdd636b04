"""reassign_lead: a customer handed to another member in chat. A manager hands their team's customers
within the team, a rep only their own to a team-mate, an admin anything; the new owner gets the
assignment card, the previous owner a note; unclear customers and members are asked about, and the
answer completes the hand-over."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from handlers import clarify_answer, reassign_lead
from handlers.clarify import ASK_WHICH, MEMBER_OPTIONS
from handlers.context import Context
from nlp import Intent
from storage.leads import create_lead
from storage.models import Lead, PendingQuestion
from tests.handlers.sales_fixtures import NOW, World, make_world

ANOTHER_WANG = """
[[org.people]]
id = "wangfang"
name = "王芳"
team = "华东一组"
"""


async def lead_of(world: World, who: str | None, company: str, **fields: object) -> Lead:
    person = world.people[who] if who else None
    team = person.team_id if person else world.people["zhangwei"].team_id
    lead = await create_lead(world.session, company=company, company_key=company, source="rep",
                             created_at=NOW - timedelta(days=3), owner_id=person.id if person else None,
                             team_id=team, city="杭州")  # fmt: skip
    for name, value in fields.items():
        setattr(lead, name, value)
    await world.session.flush()
    return lead


def say(world: World, who: str, text: str, company: str | None, assignee: str) -> Context:
    return world.ctx(who, text, Intent.REASSIGN_LEAD, company=company, assignee=assignee)


async def test_a_manager_hands_a_team_customer_to_a_team_mate(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    lead = await lead_of(world, "lina", "钱塘新材料有限公司", products=["激光治疗仪"])
    replies = await reassign_lead.handle(
        say(world, "zhangwei", "钱塘新材料转给王强跟吧", "钱塘新材料", "王强")
    )
    wang, lina = world.people["wangqiang"], world.people["lina"]
    assert (lead.owner_id, lead.team_id, lead.assigned_at) == (wang.id, wang.team_id, NOW)
    done, card, note = replies
    assert done.to == world.people["zhangwei"].id and done.title == "已转交"
    assert "钱塘新材料有限公司现在由王强负责。" in done.lines and "负责人：李娜 → 王强" in done.lines
    # The new owner gets the card every assignment sends, with who handed it over.
    assert card.to == wang.id and card.title == "客户转交给你"
    assert "分配原因：张伟转交，原负责人李娜" in card.lines and "需求：激光治疗仪" in card.lines
    assert any(b.key == f"contacted:{lead.id}" for b in card.buttons)
    assert note.to == lina.id and note.lines == ("客户：钱塘新材料有限公司", "已由张伟转给王强。")


async def test_a_member_is_named_by_a_form_of_address_or_user_id(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    named = (("小赵", "zhaolei"), ("wangqiang", "wangqiang"), ("WangQiang", "wangqiang"),
             ("老李", "lina"), ("赵总", "zhaolei"), ("李娜", "lina"))  # fmt: skip
    for n, (assignee, key) in enumerate(named, 1):
        lead = await lead_of(world, None, f"第{n}纺织厂")
        lead.owner_id = world.people["zhangwei"].id
        await reassign_lead.handle(say(world, "zhangwei", "…", lead.company, assignee))
        assert lead.owner_id == world.people[key].id, assignee


async def test_a_rep_hands_their_own_customer_to_a_team_mate_and_the_manager_is_told(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    lead = await lead_of(world, "lina", "西溪茶业有限公司")
    done, card, manager = await reassign_lead.handle(
        say(world, "lina", "西溪茶业交给赵磊负责", "西溪茶业", "赵磊")
    )
    assert lead.owner_id == world.people["zhaolei"].id
    assert done.to == world.people["lina"].id and "已通知赵磊。" in done.lines
    assert card.to == world.people["zhaolei"].id and "分配原因：李娜转交" in card.lines
    assert manager.to == world.people["zhangwei"].id and "李娜转给了赵磊。" in manager.lines


async def test_a_rep_may_not_hand_over_a_team_mate_s_customer(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    lead = await lead_of(world, "wangqiang", "余杭包装材料厂")
    [reply] = await reassign_lead.handle(say(world, "lina", "余杭包装转给赵磊跟", "余杭包装材料厂", "赵磊"))
    assert reply.title == "无法转交" and reply.lines == (reassign_lead.NOT_MINE,)
    assert "王强" not in "".join(reply.lines)  # nothing about whose it is
    assert lead.owner_id == world.people["wangqiang"].id


async def test_a_rep_may_not_hand_out_the_team_s_queue(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    lead = await lead_of(world, None, "滨江眼镜城")
    [reply] = await reassign_lead.handle(say(world, "lina", "滨江眼镜城给赵磊跟", "滨江眼镜城", "赵磊"))
    assert reply.lines == (reassign_lead.QUEUED,) and lead.owner_id is None
    # ...which the manager does: the queue's customer gets its first owner
    await reassign_lead.handle(say(world, "zhangwei", "滨江眼镜城给赵磊跟", "滨江眼镜城", "赵磊"))
    assert lead.owner_id == world.people["zhaolei"].id


async def test_a_rep_hands_over_only_within_their_team(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    lead = await lead_of(world, "lina", "萧山纺织机械厂")
    [reply] = await reassign_lead.handle(say(world, "lina", "萧山纺织转给周敏", "萧山纺织机械厂", "周敏"))
    assert reply.lines == ("只能转给本组同事，周敏不在你的组；跨组转交请找主管。",)
    [itself] = await reassign_lead.handle(say(world, "lina", "萧山纺织转给李娜", "萧山纺织机械厂", "李娜"))
    assert itself.title == "无法转交" and lead.owner_id == world.people["lina"].id


async def test_a_manager_hands_over_only_within_their_team(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    lead = await lead_of(world, "lina", "临平五金城")
    [out] = await reassign_lead.handle(say(world, "zhangwei", "临平五金城转给周敏", "临平五金城", "周敏"))
    assert out.lines == ("周敏不在你的团队，跨组转交请找管理员。",)
    [other] = await reassign_lead.handle(say(world, "sunli", "临平五金城转给周敏", "临平五金城", "周敏"))
    assert other.lines == (reassign_lead.NOT_TEAM_LEAD,)
    assert lead.owner_id == world.people["lina"].id
    # the admin may: the customer moves to the new owner's team
    await reassign_lead.handle(say(world, "admin", "临平五金城转给周敏", "临平五金城", "周敏"))
    assert (lead.owner_id, lead.team_id) == (world.people["vip1"].id, world.people["vip1"].team_id)


async def test_a_manager_takes_a_customer_themselves(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    lead = await lead_of(world, "lina", "良渚陶瓷研究所")
    done, note = await reassign_lead.handle(
        say(world, "zhangwei", "良渚陶瓷以后由张伟跟进", "良渚陶瓷", "张伟")
    )
    assert lead.owner_id == world.people["zhangwei"].id
    assert "已通知" not in "".join(done.lines) and note.to == world.people["lina"].id


async def test_an_unknown_member_is_a_clear_error_that_lists_nobody(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    lead = await lead_of(world, "lina", "富阳造纸厂")
    [reply] = await reassign_lead.handle(say(world, "zhangwei", "富阳造纸转给陈晨跟", "富阳造纸厂", "陈晨"))
    assert reply.title == "没找到这位同事"
    assert reply.lines == ("没找到叫「陈晨」的同事，请写同事的全名或账号。",)
    assert lead.owner_id == world.people["lina"].id


async def test_the_same_owner_changes_nothing(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path)
    lead = await lead_of(world, "lina", "桐庐竹制品厂", assigned_at=NOW - timedelta(days=3))
    [reply] = await reassign_lead.handle(say(world, "zhangwei", "桐庐竹制品转给李娜", "桐庐竹制品厂", "李娜"))
    assert reply.title == "无需转交" and lead.assigned_at == NOW - timedelta(days=3)


async def test_several_customers_are_asked_about_and_the_answer_completes_it(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    first = await lead_of(world, "lina", "杭州远航物流有限公司")
    second = await lead_of(world, "wangqiang", "宁波远航物流有限公司")
    [ask] = await reassign_lead.handle(say(world, "zhangwei", "远航物流转给赵磊跟吧", "远航物流", "赵磊"))
    assert ask.title == ASK_WHICH and first.owner_id == world.people["lina"].id
    answer = world.ctx("zhangwei", "2", Intent.OTHER)
    assert await clarify_answer.continues_last(answer)
    await clarify_answer.handle(answer)
    assert second.owner_id == world.people["zhaolei"].id and first.owner_id == world.people["lina"].id


async def test_no_customer_named_is_asked_and_a_new_one_is_refused(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path)
    [ask] = await reassign_lead.handle(say(world, "zhangwei", "这个客户转给赵磊吧", None, "赵磊"))
    assert ask.title == ASK_WHICH and ask.lines == reassign_lead.ASK_CUSTOMER
    answer = world.ctx("zhangwei", "新客户", Intent.OTHER)
    assert await clarify_answer.continues_last(answer)
    [reply] = await clarify_answer.handle(answer)
    assert reply.lines == (reassign_lead.NOT_IN_CRM,)
    assert await world.leads() == []


async def test_several_members_are_asked_about_and_the_answer_completes_it(
    session: AsyncSession, tmp_path: Path
) -> None:
    world = await make_world(session, tmp_path, ANOTHER_WANG)
    lead = await lead_of(world, "lina", "建德石材有限公司")
    [ask] = await reassign_lead.handle(say(world, "zhangwei", "建德石材交给小王负责", "建德石材", "小王"))
    assert ask.title == reassign_lead.ASK_WHO and ask.lines == (
        "「小王」可能是：",
        "1. 王强",
        "2. 王芳",
        "回复序号或全名即可。",
    )
    assert lead.owner_id == world.people["lina"].id
    row = await session.scalar(select(PendingQuestion))
    assert row is not None and MEMBER_OPTIONS in row.extracted
    # "是哪个客户？" does not take the answer: it names a member, not a customer
    answer = world.ctx("zhangwei", "王芳", Intent.OTHER)
    assert not await clarify_answer.continues_last(answer)
    assert await reassign_lead.continues_last(answer)
    done, _card, _note = await reassign_lead.complete(answer)
    assert lead.owner_id == world.people["wangfang"].id and "建德石材有限公司现在由王芳负责。" in done.lines
    assert await session.scalar(select(PendingQuestion)) is None


async def test_an_answer_by_number_or_nothing_of_the_options(session: AsyncSession, tmp_path: Path) -> None:
    world = await make_world(session, tmp_path, ANOTHER_WANG)
    lead = await lead_of(world, "lina", "淳安山茶油厂")
    await reassign_lead.handle(say(world, "zhangwei", "淳安山茶油转给小王", "淳安山茶油厂", "小王"))
    for unrelated in ("赵磊", "3", "今天去了淳安山茶油厂，见了方厂长，下周再去"):
        assert not await reassign_lead.continues_last(world.ctx("zhangwei", unrelated, Intent.OTHER))
    answer = world.ctx("zhangwei", "1", Intent.OTHER)
    await reassign_lead.complete(answer)
    assert lead.owner_id == world.people["wangqiang"].id


async def test_the_rights_narrow_a_name_before_asking(session: AsyncSession, tmp_path: Path) -> None:
    # 周敏 of the VIP组 is no one a rep of 华东一组 may hand to: 小周 is not asked about.
    world = await make_world(
        session, tmp_path, '[[org.people]]\nid = "zhoujie"\nname = "周杰"\nteam = "华东一组"\n'
    )
    lead = await lead_of(world, "lina", "千岛湖鱼头馆")
    await reassign_lead.handle(say(world, "lina", "千岛湖鱼头馆交给小周", "千岛湖鱼头馆", "小周"))
    assert lead.owner_id == world.people["zhoujie"].id
