"""Kinds of failure seen on the heldout27 corpora (textile machinery and yarn; merchant banking and
payments), each tested with made-up sentences of other trades and names (the shared software /
manufacturing catalog), with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read

# ---- one customer asked about: who handles it by 哪位 and a role, its records, who was in touch ----


@pytest.mark.parametrize(
    "text",
    [
        "卢晓燕那个客户现在由哪位销售对接？",
        "恒远精工是哪个同事在跟",
        "请调出常州恒远精工周经理的全部联系记录",
        "宋科长那边最近谁联系过",
    ],
)
def test_one_customer_asked_in_other_words(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "query_lead"


def test_a_record_of_calls_told_stays_a_report(extractor: Extractor) -> None:
    intent, _ = read(
        extractor, "今天去常州恒远精工拜访了周经理，把上次的沟通记录给他看了，他说数控机床下月定"
    )
    assert intent == "log_followup"


# ---- a day's list asked for with a full stop, and the asker as 本人 ----


def test_a_days_list_asked_with_a_full_stop(extractor: Extractor) -> None:
    intent, slots = read(extractor, "请列出我明天需要拜访的客户。")
    assert intent == "query_today"
    assert slots["scope"] == "me"


def test_the_asker_as_benren(extractor: Extractor) -> None:
    intent, slots = read(extractor, "帮忙查一下本人名下超期没跟进的客户")
    assert intent == "query_overdue"
    assert slots["scope"] == "me"


# ---- how to do something to a record, asked of the bot with 如何 / 怎样 ----


@pytest.mark.parametrize("text", ["如何给客户设置到期提醒？", "怎样给线索打标签"])
def test_how_to_set_a_record(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "help"


# ---- a note to the team greeted first, the care asked later ----


@pytest.mark.parametrize(
    "text", ["各位辛苦了，这两天高温，出门拜访注意防暑", "各位，明天有大风降温，跑客户路上注意安全"]
)
def test_a_greeted_note_to_the_team(extractor: Extractor, text: str) -> None:
    intent, slots = read(extractor, text)
    assert intent == "other"
    assert "kind" not in slots


# ---- a forwarded message with the rep's note after it: a contact, the note's or online ----


def test_a_forwarded_message_answered_is_a_contact_online(extractor: Extractor) -> None:
    intent, slots = read(
        extractor,
        "【转发客户留言】“刘经理好，我们车间想换一批数控机床，能不能先报个价？” —— 常州恒远精工 周厂长。"
        "已回复，后天上午我电话跟他细聊。",
    )
    assert intent == "log_followup"
    assert slots["kind"] == "online"


def test_a_forwarded_message_received_by_mail_is_a_contact(extractor: Extractor) -> None:
    intent, slots = read(
        extractor,
        "【转发】周厂长：我们下个月要上一套云ERP，你们能不能来演示一下 ——常州恒远精工 周厂长 0519-8866 2233\n"
        "邮件上收到的，我周五过去",
    )
    assert intent == "log_followup"
    assert slots["kind"] == "online"


def test_a_forwarded_inquiry_with_no_note_stays_a_lead(extractor: Extractor) -> None:
    intent, _ = read(
        extractor,
        "【转发】周厂长：我们下个月要上一套云ERP，你们能不能报个价 ——常州恒远精工 周厂长 0519-8866 2233",
    )
    assert intent == "new_lead"


# ---- a line of credit is lent to the customer, not what it spends ----


@pytest.mark.parametrize(
    "text",
    [
        "今天拜访了常州恒远精工周经理，对方在农行有流动资金贷款，额度80万，想了解我们的云ERP",
        "常州恒远精工周经理说供应商给的保理额度两千万，云ERP下个月再谈",
        "常州恒远精工周经理提到授信需求约500万，数控机床的事下周三再去聊",
    ],
)
def test_a_credit_line_is_no_budget(extractor: Extractor, text: str) -> None:
    assert "budget" not in read(extractor, text)[1]


def test_a_limit_of_spending_stays_a_budget(extractor: Extractor) -> None:
    _, slots = read(extractor, "常州恒远精工周经理说云ERP的采购额度80万，下周三再去聊")
    assert slots["budget"] == [800000, 800000]


# ---- a mill's trade word as the head of its short name (丝绸, 针织, 经编, 棉业, 纱业, 棉纺, 毛纺) ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("湖州南浔的华锦丝绸 今天上门聊了云ERP 沈总挺感兴趣", "华锦丝绸"),
        ("上午去了东台的瑞祥针织，演示了云ERP", "瑞祥针织"),
        ("常熟的金福经编 电话沟通了数控机床的报价", "金福经编"),
        ("新疆阿克苏的天山棉业 视频会议聊了云ERP上线", "天山棉业"),
        ("南通鸿达棉纺 周经理 今天来电问云ERP", "南通鸿达棉纺"),
    ],
)
def test_a_mills_trade_word_heads_its_name(extractor: Extractor, text: str, company: str) -> None:
    assert read(extractor, text)[1].get("company") == company


# ---- a range kept between two ends is a range, not a ceiling ----


def test_a_range_held_between_is_a_range(extractor: Extractor) -> None:
    _, slots = read(extractor, "常州恒远精工周经理说云ERP预算控制在12到15万之间，下周三再去聊")
    assert slots["budget"] == [120000, 150000]


def test_a_ceiling_stays_a_ceiling(extractor: Extractor) -> None:
    _, slots = read(extractor, "常州恒远精工周经理说云ERP预算控制在15万以内，下周三再去聊")
    assert slots["budget"] == [None, 150000]
