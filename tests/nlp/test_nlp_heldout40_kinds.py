"""Kinds of failure seen on the heldout40 corpora (refrigeration service; corporate events at venues),
each tested with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read as _read

# ---- a full name glued after the organisation, then what was shown, made or received of them ----


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("带恒达物流周倩看了新仓库 她挺满意", "周倩"),
        ("今天给瑞康牙科邓凯做了种植系统的演示", "邓凯"),
        ("上午给北辰印务彭晓峰试了新的纸样", "彭晓峰"),
        ("收到恒通物流曹国华的需求清单 明天回复", "曹国华"),
        ("带恒达物流看了新仓库 他们挺满意", None),  # no name after the organisation
    ],
)
def test_a_name_glued_after_the_organisation_then_what_was_done(
    extractor: Extractor, text: str, name: str | None
) -> None:
    assert _read(extractor, text)[1].get("contact_name") == name


# ---- the organisation something was received from: the receiving is no part of its name ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("今天收到瑞丰科技的询价单", "瑞丰科技"),
        ("接到嘉禾医疗的电话 要报价", "嘉禾医疗"),
        ("昨天去了瑞丰科技 看了车间", "瑞丰科技"),  # as before
    ],
)
def test_received_from_an_organisation(extractor: Extractor, text: str, company: str) -> None:
    assert _read(extractor, text)[1].get("company") == company


def test_a_mail_received_from_a_person_and_answered_is_a_followup_online(extractor: Extractor) -> None:
    intent, slots = _read(extractor, "邮件收到恒通物流曹国华的需求清单，我明天上午10点给他回邮件")
    assert intent == "log_followup"
    assert slots["company"] == "恒通物流"
    assert slots["contact_name"] == "曹国华"
    assert slots["kind"] == "online"
    assert slots["next_followup"] == {"date": "2026-03-11", "time": "10:00"}


# ---- a full name met face to face, or who showed the rep round, said at a clause's start ----


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("下午跟邓凯当面过了一遍合同", "邓凯"),
        ("上午去了华锐科技，王志强陪着看了车间", "王志强"),
        ("去了嘉禾医疗的新院区，曹国华带着转了一圈", "曹国华"),
        ("上午去了华锐科技，客户带着转了一圈", None),  # no name
        ("上午去了华锐科技，我们带着看了车间", None),
    ],
)
def test_a_name_met_face_to_face_or_showing_round(extractor: Extractor, text: str, name: str | None) -> None:
    assert _read(extractor, text)[1].get("contact_name") == name


# ---- a surname that is also a word (the Naxi 和) after meeting, the contact or the organisation ----


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("去昆明见了和主任 聊了下试剂的事", "和", "主任"),
        ("新客户 玉龙物流有限公司 联系人和总 13987012345", "和", "总"),
        ("见了和总 聊得不错", "和", "总"),
        ("恒通物流和总的电话多少来着", "和", "总"),  # right after the organisation
        ("我和经理一起去的", None, "经理"),  # 和 joins the two: no surname
        ("对接人和经理都去了", None, "经理"),
    ],
)
def test_a_word_surname_after_a_cue(extractor: Extractor, text: str, name: str | None, title: str) -> None:
    slots = _read(extractor, text)[1]
    assert slots.get("contact_name") == name
    assert slots.get("contact_title") == title


# ---- a city gone to with what is done there said right after; a city's downtown ----


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("下周去开封出差 顺便拜访两家客户", "开封"),
        ("他们员工旅游想去大同玩三天", "大同"),
        ("我们在西安市区有个仓库", "西安"),
        ("想在成都市中心找个门店 预算30万", "成都"),
        ("下周去海南玩两天", None),  # a province, not a city
        ("大理石台面要换 去看了样品", None),  # a word holding the city, as before
    ],
)
def test_a_city_gone_to_or_its_downtown(extractor: Extractor, text: str, city: str | None) -> None:
    assert _read(extractor, text)[1].get("city") == city


# ---- no organisation out of a verb phrase: "带人来酒店", "想咨询" ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("孙主任带人来医院看了设备", None),
        ("周总带人来4S店看了样车", None),
        ("钱总带人来展厅看了样品", None),
        ("昨天去了未来酒店 见了经理", "未来酒店"),  # a brand ending in 来 stays
        ("济南一家工厂的马女士想咨询光伏组件 电话13805311234", None),
        ("杭州恒远管理咨询的陈总说下周签", "杭州恒远管理咨询"),  # a consultancy stays
    ],
)
def test_no_organisation_out_of_coming_or_asking(
    extractor: Extractor, text: str, company: str | None
) -> None:
    assert _read(extractor, text)[1].get("company") == company


def test_a_lead_asking_about_a_product_keeps_the_person(extractor: Extractor) -> None:
    slots = _read(extractor, "同事转来的：济南一家工厂的马女士想咨询光伏组件 电话13805311234")[1]
    assert slots.get("contact_name") == "马"
    assert slots.get("city") == "济南"


# ---- the bot asked whether it takes voice or pictures ----


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("截图可以直接发吗", "help"),
        ("图片能识别吗 还是只能打字", "help"),
        ("我可以用语音记跟进吗", "help"),
        ("可以用照片建客户吗", "help"),
        ("客户那边只能打字沟通 电话不方便", "other"),  # the customer's way, not a question to the bot
        ("客户问能不能用语音录入 我说可以", "other"),
    ],
)
def test_asked_whether_the_bot_takes_voice_or_pictures(extractor: Extractor, text: str, intent: str) -> None:
    assert _read(extractor, text)[0] == intent
