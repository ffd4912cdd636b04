"""Kinds of conversation seen on the held-out conversations eighty-two (smart parking) and eighty-four
(contract catering): a member's book asked by naming the member, by full name or as team-mates call them,
with a city, a stage or a kind of customer said; replayed through the real bot with made-up sentences of
another trade (medical devices and pharmacies)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import FIXTURES, assert_right, row

pytestmark = pytest.mark.usefixtures("runner")


def wang(company: str, city: str, contact: str, phone: str, product: str, stage: str) -> dict[str, str]:
    """One imported lead of wangqiang's (王强, 医疗组: 南京 and 常州)."""
    return {**row(company, city, contact, "主任", phone, product, stage), "负责人": "wangqiang"}


MINGJI = wang("南京明基医院", "南京", "贺立群", "13900000011", "髓内钉", "谈判")
ERYUAN = wang("常州市第二人民医院", "常州", "邵海明", "13900000012", "人工膝关节", "报价")
KANGLE = wang("常州康乐大药房连锁有限公司", "常州", "钱雯", "13900000013", "阿托伐他汀钙片", "需求确认")
BAICAO = wang("南京江宁百草药房", "南京", "丁一鸣", "13900000014", "苯磺酸氨氯地平片", "初筛")
BOOK = [MINGJI, ERYUAN, KANGLE, BAICAO]
UNTOUCHED = [{"company": lead["公司"], "followups_added": 0, "stage": lead["阶段"]} for lead in BOOK]


def asked(by: str, text: str, has: list[str]) -> list[dict[str, Any]]:
    return [{"as": by, "text": text, "reply_has": has}]


async def reply_to(runner: Runner, by: str, text: str) -> str:
    outcome = await runner.run(
        {"id": "kind", "leads": BOOK, "turns": asked(by, text, []), "expect": UNTOUCHED}
    )
    assert outcome.right, [c.what for c in outcome.failed]
    return outcome.turns[0].reply


# ---- a manager names a rep and a city: that rep's deals there, with their stages -------------------------


async def test_a_rep_s_deals_in_a_city_asked_how_far_they_are(runner: Runner) -> None:
    reply = await reply_to(runner, "zhangwei", "王强常州那几个单子现在都到什么阶段了？")
    assert "常州市第二人民医院（报价）" in reply and "常州康乐大药房连锁有限公司（需求确认）" in reply
    assert "南京" not in reply


async def test_a_rep_called_by_surname_and_a_stage_with_no_noun(runner: Runner) -> None:
    reply = await reply_to(runner, "zhangwei", "老王南京这边谈判阶段的有哪几家？")
    assert "南京明基医院（谈判）" in reply
    assert "百草" not in reply and "常州" not in reply


# ---- a kind of customer asked: only the customers of that kind, each with its stage ----------------------


async def test_a_rep_s_deals_of_a_kind_listed_with_their_stages(runner: Runner) -> None:
    reply = await reply_to(runner, "zhangwei", "王强现在手上在跟的医院单子有哪些？各自到哪个阶段了，列一下")
    assert "南京明基医院（谈判）" in reply and "常州市第二人民医院（报价）" in reply
    assert "药房" not in reply


async def test_a_kind_asked_by_the_question_word_is_no_new_customer(runner: Runner) -> None:
    turns = asked("zhangwei", "好。王强手上还有哪几家药店在跟？列一下", ["康乐大药房", "百草药房"])
    expect = [*UNTOUCHED, {"company": "哪几家药店", "absent": True}, {"company": "药店", "absent": True}]
    await assert_right(runner, BOOK, turns, expect)
    reply = await reply_to(runner, "zhangwei", "好。王强手上还有哪几家药店在跟？列一下")
    assert "医院" not in reply


# ---- within the asker's rights: another team's, or a team-mate's, book is refused ------------------------


@pytest.mark.parametrize(
    ("by", "text"),
    [
        ("liuyang", "王强手上有哪些医院客户？"),  # a rep of another team
        ("chenjing", "王强常州那几个单子现在都到什么阶段了？"),  # another team's manager
        ("lina", "王强南京这边谈判阶段的有哪几家？"),  # a team-mate rep
    ],
)
async def test_a_book_outside_one_s_rights_is_refused_without_its_data(
    runner: Runner, by: str, text: str
) -> None:
    reply = await reply_to(runner, by, text)
    assert "无权查看" in reply
    assert not any(name in reply for name in ("明基", "第二人民", "康乐", "百草"))


async def test_a_rep_asking_for_their_own_kind_of_customer_gets_their_own(runner: Runner) -> None:
    reply = await reply_to(runner, "wangqiang", "我手上还有哪几家医院在跟？列一下")
    assert "南京明基医院（谈判）" in reply and "常州市第二人民医院（报价）" in reply and "药房" not in reply


# ---- the question said at length, or as a list asked for -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "listed", "left"),
    [
        (
            "王强现在手上在跟的那些医院单子都有哪些啊？各自都到哪个阶段了，麻烦帮我列一下",
            ["南京明基医院（谈判）", "常州市第二人民医院（报价）"],
            ["药房"],
        ),
        ("王强手上的单子列一下", ["南京明基医院", "常州康乐大药房连锁有限公司", "南京江宁百草药房"], []),
        ("王强在跟的有哪几个？", ["南京明基医院", "常州市第二人民医院", "南京江宁百草药房"], []),
        (
            "王强那几家药房都到哪一步了",
            ["常州康乐大药房连锁有限公司（需求确认）", "南京江宁百草药房（初筛）"],
            ["医院"],
        ),
    ],
)
async def test_a_rep_s_book_asked_in_other_words(
    runner: Runner, text: str, listed: list[str], left: list[str]
) -> None:
    reply = await reply_to(runner, "zhangwei", text)
    assert all(name in reply for name in listed) and not any(word in reply for word in left), reply


# ---- a rep named by the given name, as team-mates call each other -----------------------------------------

ORG = """
[[org.teams]]
name = "华北组"
manager = "songjia"
[[org.people]]
id = "songjia"
name = "宋佳"
role = "manager"
team = "华北组"
[[org.people]]
id = "guwentao"
name = "顾文涛"
role = "rep"
team = "华北组"
cities = ["天津", "唐山"]
product_lines = ["影像", "骨科"]
[[org.people]]
id = "ouyang"
name = "欧阳晓梅"
role = "rep"
team = "华北组"
cities = ["天津"]
product_lines = ["影像"]
"""


async def test_a_rep_named_by_the_given_name_gets_that_rep_s_book(tmp_path: Path) -> None:
    (tmp_path / "org.toml").write_text(ORG, encoding="utf-8")
    runner = Runner(tmp_path / "org.toml", FIXTURES / "catalog.toml")
    leads = [
        {
            **row("天津泰达医院", "天津", "严峻", "主任", "13900000021", "移动DR", "报价"),
            "负责人": "guwentao",
        },
        {
            **row("唐山开滦总医院", "唐山", "柏林", "主任", "13900000022", "髓内钉", "谈判"),
            "负责人": "guwentao",
        },
        {
            **row("天津海河医院", "天津", "蒋方", "主任", "13900000023", "台式彩超", "谈判"),
            "负责人": "ouyang",
        },
    ]
    expect = [{"company": lead["公司"], "followups_added": 0} for lead in leads]
    try:
        for text, has, hasnt in [
            ("文涛天津那几个单子现在都到什么阶段了？", "天津泰达医院（报价）", ["开滦", "海河"]),
            ("晓梅手上谈判阶段的有哪几家？", "天津海河医院（谈判）", ["泰达", "开滦"]),
        ]:
            turns = [{"as": "songjia", "text": text, "reply_has": [has]}]
            outcome = await runner.run({"id": "kind", "leads": leads, "turns": turns, "expect": expect})
            reply = outcome.turns[0].reply
            assert outcome.right and not any(name in reply for name in hasnt), reply
    finally:
        runner.close()
