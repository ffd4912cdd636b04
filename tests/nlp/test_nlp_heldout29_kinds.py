"""Kinds of failure seen on the heldout29 corpora (smart water meters in formal government wording;
fitness equipment in young reps' emoji and English), each tested with made-up sentences of other trades
and names (the shared software / manufacturing catalog), with negatives showing the rule does not
over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read

# ---- stage news in formal words, or with the day said between ----


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("华丰印务的数控机床项目已于上周完成合同签订", "签约"),
        ("鼎新包装协议签署工作已完成，下月供货", "签约"),
        ("瑞祥纸业已将合同文本返回，双方就交期还在磋商", "谈判"),
        ("东岳化工的云ERP报价函昨日已提交", "报价"),
        ("鼎新包装那单 需求基本confirm了", "需求确认"),
    ],
)
def test_stage_news_in_formal_or_english_words(extractor: Extractor, text: str, stage: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("stage")) == ("update_stage", stage)


@pytest.mark.parametrize(
    "text",
    [
        "华丰印务争取月底完成合同签订",  # a goal, not done
        "东岳化工的报价单明天递交",  # a plan
        "鼎新包装 需求confirm一下",  # asked for, not done
    ],
)
def test_stage_words_still_to_come_are_no_news(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("stage") is None


# ---- a loss: our offer turned down, a competitor chosen right after ----


@pytest.mark.parametrize("text", ["瑞祥纸业说不要了 定了用友 😭", "东岳化工不用我们了，改选了金蝶"])
def test_turned_down_then_a_rival_chosen_is_lost(extractor: Extractor, text: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("stage")) == ("update_stage", "输单")


# ---- the record of contacts asked for is a question, not a contact ----


@pytest.mark.parametrize("text", ["鼎新包装吕主任的联系方式和最近一次拜访记录", "东岳化工的通话记录调一下"])
def test_the_contacts_record_asked_for_is_a_query(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "query_lead"


@pytest.mark.parametrize(
    "text",
    [
        "今天拜访了鼎新包装吕主任，做了拜访记录，下周再去",
        "【拜访记录】客户：东岳化工 人员：设备部经理 黄伟 需求：数控机床2台",
    ],
)
def test_a_contact_told_beside_a_record_stays_a_report(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "log_followup"


# ---- how to change a record, asked formally ----


@pytest.mark.parametrize("text", ["请问如何删除录错的跟进记录", "怎样修改客户的联系人"])
def test_how_to_change_a_record_asked_formally(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "help"


def test_the_customers_own_how_stays_a_report(extractor: Extractor) -> None:
    assert read(extractor, "鼎新包装吕主任问我们如何修改合同条款，下周再谈")[0] == "log_followup"


# ---- a prospect: someone of some kind added the rep, or a buyer's public notice ----


@pytest.mark.parametrize(
    "text",
    [
        "有个店老板加我微信了 姓汪 想要数控机床两台",
        "有一个采购主动加了我好友，说要光伏组件",
        "宁波北仑区住建局发布采购意向公告，拟采购光伏组件，预算上限350万元",
        "东岳化工的招标公告挂网了，数控机床一批，预计下月开标",
    ],
)
def test_a_prospect_that_came_to_the_rep_or_was_announced(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "new_lead"


def test_a_purchase_told_in_a_visit_stays_a_report(extractor: Extractor) -> None:
    assert read(extractor, "今天拜访了东岳化工吕主任，他们拟采购数控机床，下周再去")[0] == "log_followup"


# ---- a school or office of a university after it: the university is the customer ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("今天去南京农大园艺学院见了李老师，聊了光伏组件", "南京农大"),
        ("和华中农大资源学院的刘科长通了电话", "华中农大"),
        ("湖州师范学院信息工程学院的陈院长约我下周二过去", "湖州师范学院"),
        ("拜访了浙江大学后勤部的王老师，聊了数控机床", "浙江大学"),
    ],
)
def test_a_universitys_school_is_the_university(extractor: Extractor, text: str, company: str) -> None:
    assert read(extractor, text)[1].get("company") == company


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("拜访了江苏恒大地产销售部的王经理", "江苏恒大地产"),  # a brand ending in 大 is no university
        ("苏州医大医学院的徐老师要光伏组件", "苏州医大医学院"),  # a medical school is its own institution
    ],
)
def test_other_names_ending_like_a_university_stay(extractor: Extractor, text: str, company: str) -> None:
    assert read(extractor, text)[1].get("company") == company


def test_a_universitys_short_name_of_two_characters(extractor: Extractor) -> None:
    assert read(extractor, "和浙大材料学院的刘科长通了电话，聊了数控机床")[1].get("company") == "浙大"


# ---- a month and day just past dates a report, not next year's plan ----


def test_a_day_just_past_is_no_plan(extractor: Extractor) -> None:
    # sent on 03-10: 3月9日 is yesterday
    _, slots = read(extractor, "3月9日在鼎新包装会议室作了云ERP演示，吕主任参加")
    assert slots.get("kind") == "demo"
    assert "next_followup" not in slots


def test_a_day_long_past_still_rolls_into_next_year(extractor: Extractor) -> None:
    # sent on 03-10: 1月4日 is next year's
    slots = read(extractor, "鼎新包装吕主任约好1月4日我再过去")[1]
    assert slots.get("next_followup") == {"date": "2027-01-04", "time": None}


# ---- the next contact said in formal or plain words ----


def test_a_meeting_resumed_is_the_next_contact(extractor: Extractor) -> None:
    slots = read(extractor, "与东岳化工视频会议，讨论云ERP上线，下周五下午两点半复会")[1]
    assert slots.get("next_followup") == {"date": "2026-03-20", "time": "14:30"}


def test_the_customers_visit_to_us_with_the_reps_word_after(extractor: Extractor) -> None:
    slots = read(extractor, "鼎新包装的阿峰 微信聊了，说下礼拜一来我们展厅看样 我到时候接待")[1]
    assert slots.get("next_followup") == {"date": "2026-03-16", "time": None}


@pytest.mark.parametrize(
    "text",
    [
        "3月9日在瑞祥纸业作了云ERP演示，对方提出要对接财务，表示月底前给出需求清单",
        "给瑞祥纸业老板微信发了报价 他说跟用友的比一下 周五给回复",
        "瑞祥纸业吕主任说要考虑 下周三前给个准信",
    ],
)
def test_the_customers_timeline_is_no_plan(extractor: Extractor, text: str) -> None:
    assert "next_followup" not in read(extractor, text)[1]


def test_the_rep_answering_by_a_day_is_a_plan(extractor: Extractor) -> None:
    assert read(extractor, "瑞祥纸业 周五给他回复")[1].get("next_followup") == {
        "date": "2026-03-13",
        "time": None,
    }


# ---- a budget said as all the money they have, as capex, or glued to the next clause's weekday ----


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("去了瑞祥纸业见了邹经理他们今年资金紧张大概只有八十万左右后天我再去", [800000, 800000]),
        ("鼎新包装工程部Kevin说今年capex只批了40w，主要换CNC", [400000, 400000]),
        ("东岳化工说预算差不多二十万周四下午三点我再去", [200000, 200000]),
    ],
)
def test_a_budget_said_in_other_words(extractor: Extractor, text: str, budget: list[int]) -> None:
    assert read(extractor, text)[1].get("budget") == budget


# ---- the company's name: a verb 将 glued before it, a zone or a place's note before a registered name ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("已通过邮件将瑞祥纸业有限公司的方案发给对方吕主任", "瑞祥纸业有限公司"),
        ("已将温州鹿城区市场监管局的方案发给对方吕主任", "温州鹿城区市场监管局"),
        ("绍兴经开区浙江瑞祥纸业有限公司车间要做改造，要CNC机床", "浙江瑞祥纸业有限公司"),
        ("浙江嵊州市（县级市）瑞祥纸业检测中心，设备部部长彭勇，今天现场勘查", "瑞祥纸业检测中心"),
    ],
)
def test_a_name_after_a_verb_a_zone_or_a_places_note(extractor: Extractor, text: str, company: str) -> None:
    assert read(extractor, text)[1].get("company") == company


# ---- no signing read in a prepaid card or money that did not arrive ----


def test_a_prepaid_meter_not_credited_is_no_signing(extractor: Extractor) -> None:
    text = "电话回访了鼎新包装物业经理胡丽娜，反映预付费电表刷卡后不到账，已安排售后处理"
    assert read(extractor, text)[1].get("stage") is None


def test_a_down_payment_in_is_still_a_signing(extractor: Extractor) -> None:
    assert read(extractor, "鼎新包装预付款30%到账了")[1].get("stage") == "签约"


# ---- how the contact happened: a survey there, a meeting finished there, a visit to our place, a demo
# named in English ----


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("今日赴宁波，在鼎新包装调研，与生产部副经理谭卫国交流", "visit"),
        ("刚在东岳化工跟吴老师开完会他们说今年先上20台CNC", "visit"),
        ("东岳化工的陈院长来了我们宁波展厅 看了全套CNC 很认可", "visit"),
        ("今天去东岳化工做了milling demo 🎯 老方试了说OK", "demo"),
    ],
)
def test_how_the_contact_happened_in_other_words(extractor: Extractor, text: str, kind: str) -> None:
    assert read(extractor, text)[1].get("kind") == kind


def test_a_survey_report_presented_is_still_a_demo(extractor: Extractor) -> None:
    assert read(extractor, "今天在东岳化工给吕主任做了调研报告解读")[1].get("kind") == "demo"


# ---- a customer inside a new town of one trade; a gym or a venue named in English with a Chinese head ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("上午去了宁波新材料科技城的瑞祥科技 见了行政总监沈琳", "瑞祥科技"),
        ("宁波新开的IronBox馆 老板Leo 要CNC", "IronBox馆"),
        ("IronPulse健身房 老板Leo 要CNC", "IronPulse健身房"),
        ("宁波瑞祥健身房的阿杰 要CNC", "宁波瑞祥健身房"),
    ],
)
def test_a_customer_in_a_new_town_or_a_venue_named_in_english(
    extractor: Extractor, text: str, company: str
) -> None:
    assert read(extractor, text)[1].get("company") == company


def test_a_new_town_alone_is_the_customer(extractor: Extractor) -> None:
    assert (
        read(extractor, "上午去了宁波新材料科技城 见了行政总监沈琳")[1].get("company") == "宁波新材料科技城"
    )


# ---- a university by its short name, known by one of its units and a teacher there ----


@pytest.mark.parametrize(
    ("text", "company"),
    [("今天上门拜访南航体育部刘老师 聊CNC", "南航"), ("刚在浙大体育系跟吴老师开完会", "浙大")],
)
def test_a_university_known_by_its_unit(extractor: Extractor, text: str, company: str) -> None:
    assert read(extractor, text)[1].get("company") == company


@pytest.mark.parametrize("text", ["刚在公司体育部跟吴老师开完会", "去了他们体育部找王主任"])
def test_ones_own_unit_names_no_university(extractor: Extractor, text: str) -> None:
    assert "company" not in read(extractor, text)[1]


# ---- the person after an office word ending in 所 or 厅, or called 老X after their department ----


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("在瑞祥纸业给营业所胡所长演示了CNC", "胡"),
        ("在瑞祥纸业给营业厅谢经理演示了CNC", "谢"),
        ("今天去瑞祥纸业做了milling demo 🎯 工程部老孙试了说OK", "孙"),
        ("瑞祥纸业，设备科老周说下周定", "周"),
    ],
)
def test_a_person_after_their_office(extractor: Extractor, text: str, name: str) -> None:
    assert read(extractor, text)[1].get("contact_name") == name


def test_a_colleague_called_xiao_after_a_department_is_no_contact(extractor: Extractor) -> None:
    assert "contact_name" not in read(extractor, "瑞祥纸业 工程部小王说下周定")[1]


# ---- an English name signed at the very end after a dash or a tilde ----


@pytest.mark.parametrize(
    "text", ["想问下CNC多少钱 —— Amy", "你好 光伏组件怎么卖 联系我 vx: nb_pv_kate 或者 139 0571 2233 ~ Kate"]
)
def test_an_english_name_signed_at_the_end(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("contact_name") in ("Amy", "Kate")


def test_an_english_word_after_a_tilde_mid_text_is_no_name(extractor: Extractor) -> None:
    assert "contact_name" not in read(extractor, "瑞祥纸业 CNC要3~Five台 下周再说")[1]


# ---- the last contact's day asked about one customer ----


@pytest.mark.parametrize("text", ["瑞祥纸业 上次拜访是什么时候", "瑞祥纸业那个吕主任 我上次约的啥时候"])
def test_the_last_contacts_day_asked_is_a_query(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "query_lead"


def test_the_last_visit_told_stays_a_report(extractor: Extractor) -> None:
    assert read(extractor, "上次拜访瑞祥纸业时吕主任说下周定")[0] == "log_followup"


def test_a_gym_described_by_whose_it_is_names_no_customer(extractor: Extractor) -> None:
    text = "老钱那边刚来电话，酒店健身房那几台CNC想一起换掉，周五下午我再打给他"
    assert "company" not in read(extractor, text)[1]
