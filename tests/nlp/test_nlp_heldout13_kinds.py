"""Kinds of failure seen on the heldout13 corpora (industrial robots, commercial flooring), each tested
with made-up sentences of other trades and names, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import SENT, read

# ---- a quote sent, then what the customer's person said back: a contact, not stage news alone ----


def test_a_quote_sent_with_the_persons_answer_after_it_is_a_follow_up(extractor: Extractor) -> None:
    intent, slots = read(extractor, "绍兴恒泰纺织的云ERP报价单今天发过去了 邵经理说月底开会定")
    assert intent == "log_followup" and slots.get("stage") == "报价"


def test_a_quote_sent_with_no_one_answering_is_stage_news(extractor: Extractor) -> None:
    assert read(extractor, "绍兴恒泰纺织那边报价单已经发过去了 等他们回复")[0] == "update_stage"


# ---- new leads said in other words: shared with the team, met somewhere, a described caller ----


@pytest.mark.parametrize(
    "text",
    [
        "给大家分一个线索 台州鑫源阀门有限公司 要上云ERP 对接人葛总 13857612345 谁在台州跑",
        "分享个线索 衢州康达食品有限公司 想换云ERP 联系人蔡经理 13957012345",
        "今天在商会认识个做五金的客户 金华永固工具有限公司 采购经理楼建华 要数控机床两台",
        "湖州一家纺织厂的沈小姐打电话来 想上云ERP 预算二十万左右 手机13905721234",
        "丽水一个家具厂的周先生打来电话 想了解数控机床 电话13867812345",
    ],
)
def test_a_prospect_shared_met_or_calling_in_is_a_new_lead(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "new_lead"


def test_a_known_customer_calling_again_is_not_a_new_lead(extractor: Extractor) -> None:
    # (a named customer of the book calling in stays a follow-up: no organisation merely described)
    intent = read(extractor, "金华永固工具的楼经理又打电话来 说数控机床想再加一台 手机13905721234")[0]
    assert intent == "log_followup"


# ---- a short question to colleagues about a competitor: not a count asked of the bot ----


@pytest.mark.parametrize("text", ["用友的价格比我们低多少 有人知道吗", "谁知道金蝶这次报了多少"])
def test_a_question_to_the_team_is_other(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "other"


def test_who_went_to_a_named_customer_still_asks_about_it(extractor: Extractor) -> None:
    assert read(extractor, "永固五金厂上次是谁去的？")[0] == "query_lead"


# ---- a signing wished, not done ----


def test_a_signing_wished_is_no_stage(extractor: Extractor) -> None:
    slots = read(extractor, "永固工具楼经理说云ERP想一起签了 下周我再去一趟")[1]
    assert "stage" not in slots


def test_a_signing_done_is_still_the_stage(extractor: Extractor) -> None:
    assert read(extractor, "永固工具的云ERP合同签了")[1].get("stage") == "签约"


# ---- out of a meeting at the customer's: a visit ----


def test_out_of_a_meeting_just_held_is_a_visit(extractor: Extractor) -> None:
    slots = read(extractor, "永固工具刚开完会出来 楼经理说数控机床至少要三台")[1]
    assert slots.get("kind") == "visit"


# ---- asked by the customer to come again on a day: the rep's plan ----


def test_asked_to_come_again_on_a_day_is_the_reps_plan(extractor: Extractor) -> None:
    slots = read(extractor, "永固工具楼经理说想上云ERP 下周四 下午两点 让我带方案再过去一趟")[1]
    assert slots.get("next_followup") == {"date": "2026-03-19", "time": "14:00"}


def test_asked_over_today_and_done_is_no_plan(extractor: Extractor) -> None:
    slots = read(extractor, "永固工具楼经理今天上午让我们过去演示云ERP，演示完他说比用友的好")[1]
    assert "next_followup" not in slots


# ---- a lone numeral that begins a word is no budget ----


def test_a_numeral_beginning_a_word_is_no_budget(extractor: Extractor) -> None:
    slots = read(extractor, "永固工具楼经理说预算下来了 五轴的数控机床要两台 60w")[1]
    assert slots.get("budget") == [600000, 600000]


@pytest.mark.parametrize(
    ("text", "budget"), [("预算五到八万 要云ERP", [50000, 80000]), ("预算五十万", [500000, 500000])]
)
def test_numerals_of_an_amount_still_read(extractor: Extractor, text: str, budget: list[int]) -> None:
    assert read(extractor, text)[1].get("budget") == budget


# ---- a call come in said with 打来; a plan to fly there; a job done at their place; signed with 的 ----


def test_a_call_come_in_said_with_da_lai_is_a_call(extractor: Extractor) -> None:
    assert read(extractor, "永固五金厂 楼经理刚又打来 说数控机床的参数要改")[1].get("kind") == "call"


def test_money_come_in_is_no_call(extractor: Extractor) -> None:
    assert "kind" not in read(extractor, "永固五金厂的尾款今天打来了")[1]


def test_flying_there_on_a_day_is_the_reps_plan(extractor: Extractor) -> None:
    slots = read(extractor, "永固五金厂楼经理电话聊了 数控机床预算给到五十万 我下周二飞杭州")[1]
    assert slots.get("next_followup") == {"date": "2026-03-17", "time": None}


def test_gone_there_and_the_job_done_is_a_visit(extractor: Extractor) -> None:
    assert read(extractor, "去永固五金厂量完尺寸了 楼经理说数控机床先上两台")[1].get("kind") == "visit"


def test_signed_there_today_said_with_de_is_signed(extractor: Extractor) -> None:
    slots = read(extractor, "今天去永固五金厂签的合同 楼经理亲自签的字 数控机床两台")[1]
    assert slots.get("stage") == "签约" and slots.get("kind") == "visit"


def test_a_contract_of_old_said_with_de_is_no_stage(extractor: Extractor) -> None:
    assert "stage" not in read(extractor, "永固五金厂去年签的合同下个月到期 楼经理说想续数控机床的保养")[1]


# ---- a customer's after-sales request for something bought from us before ----


def test_a_customers_repair_request_for_an_earlier_purchase_is_other(extractor: Extractor) -> None:
    ex = extractor.extract("前年在你们这买的数控机床 最近主轴有异响 什么时候能派人来看看？", SENT, "customer")
    assert str(ex.intent) == "other"


def test_a_customer_buying_again_after_an_earlier_purchase_is_a_new_lead(extractor: Extractor) -> None:
    ex = extractor.extract("前年在你们这买的数控机床 用着不错 想再买两台 能派人来讲讲吗", SENT, "customer")
    assert str(ex.intent) == "new_lead"
