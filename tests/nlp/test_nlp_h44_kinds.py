"""Held-out single messages forty-four studied (industrial fasteners, custom cabinets): the bot asked what it
can do for the asker or, named with 这个, what it supports; 这周一共 ("this week in all") read as no Monday;
a past day with the hour said before 去 told as a visit, and a place once gone to ("上周五去过的那家X") told
as no visit; a trial order's worth said between 下一个 and 的试单; a works of theirs in a district below a
name of its own; a contract signed after it was mended; an English name after 拜访了, or pointed at with
那个 and asked after; a brand ending in 发 after its city, cut off by the segmenter; one of a kind in a park
with no name given; a bare title waited on for the decision ("等他们老板拍板"); a sum in 万 said accepted
("75w她那边能接受"). Tested with made-up sentences of other trades, with negatives."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read


@pytest.mark.parametrize(
    "text",
    [
        "请问这个系统能帮我做些什么？",
        "新来的，想问下它能帮我做哪些",
        "这个助手支持发图片吗",
        "这个机器人能不能识别截图？",
    ],
)
def test_what_the_bot_can_do_or_supports_asked_is_help(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "help"


@pytest.mark.parametrize(
    "text",
    [
        "这个设备支持语音控制吗 客户在问",
        "拜访了宏远包装的李总，他问我们能帮他做些什么",
    ],
)
def test_a_customer_s_question_is_not_help(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] != "help"


def test_this_week_in_all_is_the_whole_week(extractor: Extractor) -> None:
    # SENT is Tuesday 2026-03-10: the week runs 03-09..03-15
    slots = read(extractor, "团队这周一共签了几单？")[1]
    assert slots.get("period") == {"start": "2026-03-09", "end": "2026-03-15"}


def test_this_monday_with_a_time_is_still_monday(extractor: Extractor) -> None:
    slots = read(extractor, "这周一下午我有哪些要跟的客户")[1]
    assert slots.get("period") == {"start": "2026-03-09", "end": "2026-03-09"}


@pytest.mark.parametrize(
    "text",
    [
        "昨天下午2点去恒源纺织送了打样的布料，陈厂长说颜色还要调",
        "前天上午十点半到的鑫达物流，跟调度周强对了一遍线路",
    ],
)
def test_a_past_day_with_its_hour_then_gone_is_a_visit(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("kind") == "visit"


def test_a_place_told_by_a_past_visit_is_not_the_contact(extractor: Extractor) -> None:
    text = "上周三去过的那家瑞丰印务，今天在微信上跟厂长刘刚又聊了聊，想换两台胶印机"
    assert read(extractor, text)[1].get("kind") == "online"


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("回访了顺达冷链的陈总，准备先下一个5万元的试单看看效果", [50000, 50000]),
        ("华康药房的李店长说先下了一个两万块的订单，下周三再去", [20000, 20000]),
    ],
)
def test_an_order_s_worth_said_before_it_is_the_budget(
    extractor: Extractor, text: str, budget: list[int]
) -> None:
    assert read(extractor, text)[1].get("budget") == budget


def test_an_order_s_count_is_no_budget(extractor: Extractor) -> None:
    assert "budget" not in read(extractor, "拜访了顺达冷链的陈总，他们下了3万套的订单")[1]


def test_their_works_in_a_district_is_below_the_customer_s_name(extractor: Extractor) -> None:
    text = "跟上海宏亮印务的周经理电话沟通了，下周二去他们松江工厂看设备"
    assert read(extractor, text)[1].get("company") == "上海宏亮印务"


@pytest.mark.parametrize(
    "text",
    [
        "拜访了鼎盛物流的赵总，合同条款改完以后已经签好了",
        "合同修改了两处，今天都签完了，下周开始发货",
    ],
)
def test_a_contract_signed_after_it_was_mended_is_won(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("stage") == "签约"


def test_a_contract_to_be_signed_after_mending_is_not_won(extractor: Extractor) -> None:
    text = "拜访了鼎盛物流的赵总，合同条款改完了再签"
    assert read(extractor, text)[1].get("stage") != "签约"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("上午去杭州云帆物流拜访了Grace 聊了仓储系统的需求", "Grace"),
        ("拜访了Peter，他们想先试两台叉车", "Peter"),
        ("无锡恒通纺织那个Jack现在啥情况了", "Jack"),
        ("那个Helen最近怎么样", "Helen"),
    ],
)
def test_an_english_name_visited_or_pointed_at_is_the_contact(
    extractor: Extractor, text: str, name: str
) -> None:
    assert read(extractor, text)[1].get("contact_name") == name


def test_software_pointed_at_is_no_name(extractor: Extractor) -> None:
    assert "contact_name" not in read(extractor, "那个Excel现在啥情况")[1]


@pytest.mark.parametrize(
    ("text", "company", "name"),
    [
        # (the segmenter cuts 发 off as a verb before 的 and a two-character name)
        ("刚给常州立发的赵磊打了电话，样品下周寄", "常州立发", "赵磊"),
        ("拜访了扬州恒发的刘峰，他们想换一批包装机", "扬州恒发", "刘峰"),
    ],
)
def test_a_brand_ending_in_fa_after_its_city_is_the_company(
    extractor: Extractor, text: str, company: str, name: str
) -> None:
    slots = read(extractor, text)[1]
    assert (slots.get("company"), slots.get("contact_name")) == (company, name)


def test_goods_sent_from_a_city_are_no_brand(extractor: Extractor) -> None:
    assert "company" not in read(extractor, "昨天在成都发的货，客户说还没到")[1]


@pytest.mark.parametrize(
    "text",
    [
        "您好，我们是苏州工业园区的一家电子厂，想了解一下AGV小车",
        "你好 我司是合肥高新区的一个做模具的 想问下数控机床的价格",
    ],
)
def test_one_of_a_kind_in_a_park_names_no_company(extractor: Extractor, text: str) -> None:
    assert "company" not in read(extractor, text)[1]


@pytest.mark.parametrize(
    "text",
    [
        "华美口腔 方案阶段 等她们院长拍板",
        "恒昌建材报价递上去了 在等对方老总签字",
    ],
)
def test_a_title_waited_on_for_the_decision_is_no_contact(extractor: Extractor, text: str) -> None:
    assert "contact_title" not in read(extractor, text)[1]


def test_a_title_that_decides_and_talked_to_is_the_contact(extractor: Extractor) -> None:
    assert read(extractor, "恒昌建材的老总说下周拍板")[1].get("contact_title") == "老总"


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("给绿源农业的周经理报了价 42w他那边能接受 下周三签", [420000, 420000]),
        ("报价12万，对方也可以接受，就等走流程", [120000, 120000]),
    ],
)
def test_a_sum_in_wan_said_accepted_is_the_budget(extractor: Extractor, text: str, budget: list[int]) -> None:
    assert read(extractor, text)[1].get("budget") == budget


def test_a_sum_asked_whether_accepted_is_no_budget(extractor: Extractor) -> None:
    assert "budget" not in read(extractor, "给绿源农业的周经理报了价 42w他那边能接受吗？")[1]
