"""Kinds of conversation seen on the held-out conversations eighty-five (hydraulics) and eighty-seven (steel
trading): a member's book asked by the member's name, 名下 and a stage before the noun ("X名下报价阶段的客户
有哪些"); and a manager's book question naming no one ("宁波那边在报价阶段的单子有哪些"), which is the team's.
Replayed through the real bot with made-up sentences of another trade (commercial kitchens)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import row

pytestmark = pytest.mark.usefixtures("runner")


def wang(company: str, city: str, contact: str, phone: str, product: str, stage: str) -> dict[str, str]:
    """One imported lead of wangqiang's (王强, 医疗组: 南京 and 常州)."""
    return {**row(company, city, contact, "经理", phone, product, stage), "负责人": "wangqiang"}


HONGYUN = wang("南京鸿运餐饮管理有限公司", "南京", "贺立群", "13900000021", "商用燃气灶", "谈判")
TIANMU = wang("常州天目湖宾馆", "常州", "邵海明", "13900000022", "洗碗机", "报价")
MEISHI = wang("常州新北美食城", "常州", "钱雯", "13900000023", "排烟罩", "方案演示")
DEYUE = row("苏州得月楼餐饮有限公司", "苏州", "丁一鸣", "经理", "13900000024", "蒸柜", "报价")
LIYANG = row("常州溧阳宴会中心", "常州", "顾晓燕", "经理", "13900000025", "冷库", "报价")
BOOK = [HONGYUN, TIANMU, MEISHI, DEYUE, LIYANG]
UNTOUCHED = [{"company": lead["公司"], "followups_added": 0, "stage": lead["阶段"]} for lead in BOOK]


async def reply_to(runner: Runner, by: str, text: str, expect: list[dict[str, Any]] | None = None) -> str:
    turns = [{"as": by, "text": text, "reply_has": []}]
    outcome = await runner.run({"id": "kind", "leads": BOOK, "turns": turns, "expect": expect or UNTOUCHED})
    assert outcome.right, [c.what for c in outcome.failed]
    return outcome.turns[0].reply


# ---- a rep's book: the name, 名下, then the stage before the noun ---------------------------------------


async def test_a_rep_s_book_at_a_stage_said_after_their_holding(runner: Runner) -> None:
    absent = [{"company": "名下", "absent": True}]
    reply = await reply_to(runner, "zhangwei", "王强名下报价阶段的客户有哪些？", [*UNTOUCHED, *absent])
    assert "常州天目湖宾馆（报价）" in reply
    assert "鸿运" not in reply and "美食城" not in reply and "得月楼" not in reply and "溧阳" not in reply


async def test_a_longer_stage_after_their_holding_is_asked_not_reported(runner: Runner) -> None:
    reply = await reply_to(runner, "zhangwei", "王强名下方案演示阶段的单子有哪些")
    assert "常州新北美食城（方案演示）" in reply and "天目湖" not in reply


# ---- a book question naming no one: a manager's is the team's, a rep's their own -----------------------


async def test_a_manager_s_question_naming_no_one_is_the_team_s(runner: Runner) -> None:
    reply = await reply_to(runner, "zhangwei", "常州那边现在在报价阶段的单子有哪些")
    assert "常州天目湖宾馆（报价）" in reply and "常州溧阳宴会中心（报价）" in reply
    assert "美食城" not in reply and "得月楼" not in reply and "鸿运" not in reply


async def test_a_rep_asking_the_same_gets_their_own(runner: Runner) -> None:
    reply = await reply_to(runner, "lina", "常州那边现在在报价阶段的单子有哪些")
    assert "常州溧阳宴会中心（报价）" in reply and "天目湖" not in reply


async def test_another_team_s_manager_sees_none_of_this_team(runner: Runner) -> None:
    reply = await reply_to(runner, "chenjing", "常州那边在报价阶段的客户有哪些？")
    assert "天目湖" not in reply and "溧阳" not in reply
