"""Kinds of failure seen on the heldout14 corpora (vending machines, scaffolding) and conversations_seventeen
(forklifts), each tested with made-up sentences of other trades and names, with negatives showing the rule
does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read

# ---- a deal's step said in other words: signed, sealed, in use after delivery ----


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("嘉兴宏达机械数控机床合同签好了 三台", "签约"),
        ("宁波恒信电子的云ERP定了 合同已盖章", "签约"),
        ("台州永泰阀门俞总刚打电话 合同盖好章已经寄出来了 两台CNC", "签约"),
        ("温州鼎盛鞋业的两台数控机床送过去了 已经用上了", "交付"),
    ],
)
def test_a_step_of_the_deal_said_done_is_its_stage(extractor: Extractor, text: str, stage: str) -> None:
    assert read(extractor, text)[1].get("stage") == stage


@pytest.mark.parametrize(
    "text",
    [
        "嘉兴宏达机械数控机床合同签好了吗",
        "宁波恒信电子的合同盖章了吗",
        # in use alone may be an older order's, with no delivery of ours told
        "电话回访了金华永固工具楼经理 机床都用上了 有一台主轴异响 下周三我带师傅过去",
    ],
)
def test_a_step_asked_or_in_use_alone_is_no_stage(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("stage") not in ("签约", "交付")


def test_a_quote_handed_over_in_person_with_no_one_named_is_quoted(extractor: Extractor) -> None:
    slots = read(extractor, "又去了一趟绍兴恒泰纺织 云ERP报价单当面给了 他嫌贵")[1]
    assert slots.get("stage") == "报价" and slots.get("kind") == "visit"


def test_a_quote_asked_whether_handed_over_is_no_quote(extractor: Extractor) -> None:
    assert read(extractor, "绍兴恒泰纺织的报价单当面给了吗")[1].get("stage") is None


# ---- the price still being pressed, the terms passed: negotiation ----


@pytest.mark.parametrize(
    "text",
    [
        "电话跟湖州美联家居沈总沟通了 定了用我们的云ERP 价格还要再压一压 周五去谈合同",
        "下午在衢州康达食品谈了两个小时 合同条款基本都过了",
    ],
)
def test_haggling_or_terms_passed_is_negotiation(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("stage") == "谈判"


def test_a_price_to_press_wished_for_is_no_negotiation(extractor: Extractor) -> None:
    assert read(extractor, "湖州美联家居想把价格压到十万以内")[1].get("stage") != "谈判"


# ---- how the contact went: a proposal told to a person with a time before, a call said alone ----


def test_a_proposal_told_to_a_person_today_is_a_demo(extractor: Extractor) -> None:
    slots = read(extractor, "金华永固工具 云ERP方案今天给财务总监楼建华讲完了 他们还在和用友比")[1]
    assert slots.get("kind") == "demo"


def test_a_proposal_to_tell_later_is_no_demo(extractor: Extractor) -> None:
    assert read(extractor, "金华永固工具 云ERP方案下周给楼总讲")[1].get("kind") != "demo"


def test_a_call_said_as_its_own_clause_after_the_person_is_a_call(extractor: Extractor) -> None:
    slots = read(extractor, "杭州那个要数控机床的周工 打过去了 他们是浙江精工机械有限公司的")[1]
    assert slots.get("kind") == "call"


def test_money_sent_over_is_no_call(extractor: Extractor) -> None:
    assert read(extractor, "浙江精工机械的尾款打过去了")[1].get("kind") != "call"


# ---- help: how to do a thing to the records in bulk ----


def test_how_to_import_in_bulk_is_help(extractor: Extractor) -> None:
    assert read(extractor, "怎么批量导入线索")[0] == "help"


def test_a_customer_importing_in_bulk_is_no_help(extractor: Extractor) -> None:
    assert read(extractor, "宁波恒信电子说他们要批量导入老系统的数据")[0] != "help"


# ---- companies: a district before 区, a kind followed by a trade or a part of its works, 劳务 ----


def test_a_district_before_its_qu_is_no_customer(extractor: Extractor) -> None:
    slots = read(extractor, "徐总那边又去了一趟 浦东新区工地两台数控机床 报价单当面给了")[1]
    assert "company" not in slots and slots.get("contact_name") == "徐"


def test_a_works_named_then_a_trade_word_keeps_the_works(extractor: Extractor) -> None:
    slots = read(extractor, "新线索 昆山华茂五金厂 钢结构要改造 需要两台数控机床 联系人顾总 13962612345")[1]
    assert slots.get("company") == "昆山华茂五金厂"


def test_a_kind_then_a_brand_keeps_the_brand(extractor: Extractor) -> None:
    assert read(extractor, "台资厂鸿运精密 要两台数控机床")[1].get("company") == "鸿运精密"


def test_a_labour_firm_named_short_is_a_customer(extractor: Extractor) -> None:
    slots = read(extractor, "去合肥徽建劳务见了钱总 要云ERP")[1]
    assert slots.get("company") == "合肥徽建劳务"


def test_labour_as_a_plain_word_is_no_customer(extractor: Extractor) -> None:
    assert "company" not in read(extractor, "劳务费还没结 工人是劳务外包的")[1]


# ---- titles of a works: the material clerk, the gang boss before a surname ----


def test_a_material_clerk_is_a_title(extractor: Extractor) -> None:
    slots = read(extractor, "新线索 芜湖城建 滨江项目 材料员宋建华 13956012345 要数控机床")[1]
    assert slots.get("contact_name") == "宋建华" and slots.get("contact_title") == "材料员"


def test_a_gang_boss_before_a_surname_and_title(extractor: Extractor) -> None:
    slots = read(extractor, "新客户 贵阳黔丰建筑劳务有限公司 包工头冉老板 15985012345 要云ERP")[1]
    assert slots.get("contact_name") == "冉" and slots.get("contact_title") == "老板"


# ---- the rep asked to come over on a later day: the rep's plan ----


def test_asked_to_come_over_on_a_later_day_is_the_reps_plan(extractor: Extractor) -> None:
    slots = read(extractor, "刚跟老孙通了个电话 他说下周二让我过去一趟")[1]
    assert slots.get("next_followup", {}).get("date") == "2026-03-17"


def test_their_own_answer_by_a_day_is_no_plan(extractor: Extractor) -> None:
    assert "next_followup" not in read(extractor, "刚跟老孙通了个电话 他说下周二给答复")[1]


# ---- the early morning said 一早 before the hour ----


def test_the_early_morning_before_an_hour_keeps_the_hour(extractor: Extractor) -> None:
    slots = read(extractor, "宁波恒信电子郑经理微信上说系统老掉线 我明天一早9点带工程师过去")[1]
    assert slots.get("next_followup") == {"date": "2026-03-11", "time": "09:00"}


def test_the_early_morning_with_no_hour_leaves_the_time_open(extractor: Extractor) -> None:
    slots = read(extractor, "宁波恒信电子郑经理微信上说系统老掉线 我明天一早过去")[1]
    assert slots.get("next_followup") == {"date": "2026-03-11", "time": None}
