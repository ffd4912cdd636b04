"""Kinds of failure seen on the heldout11 corpora (LED displays and signage, hotel linen), each tested
with made-up sentences of other trades and names, with negatives showing the rule does not over-fire."""

from __future__ import annotations

from datetime import datetime

import pytest

from nlp import Extractor
from tests.nlp.reading import SENT
from tests.nlp.reading import read as _read


def _customer(extractor: Extractor, text: str, sent: datetime = SENT) -> tuple[str, dict[str, object]]:
    ex = extractor.extract(text, sent, "customer")
    return str(ex.intent), ex.to_slots()


# ---- lodging and clinics named by their kind: 公寓, 酒店公寓, 度假村, 山庄, 旅馆, 眼科 ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("今天在云岭国际公寓见了物业的邓经理 要换一批云ERP", "云岭国际公寓"),
        ("新线索 杭州湖畔之家酒店公寓 对接人钟敏 13812345678 要上云ERP", "杭州湖畔之家酒店公寓"),
        ("千岛湖碧水度假村钟经理电话说 数控机床的事下周再谈", "千岛湖碧水度假村"),
        ("上午去了翠微山庄 跟何总聊了光伏组件", "翠微山庄"),
        ("明光眼科吕主任今天电话沟通了 想上云ERP", "明光眼科"),
    ],
)
def test_lodging_and_clinics_are_organisations(extractor: Extractor, text: str, company: str) -> None:
    assert _read(extractor, text)[1].get("company") == company


def test_a_clinics_department_stays_after_the_hospital(extractor: Extractor) -> None:
    slots = _read(extractor, "今天去南通仁和医院眼科见了陶主任 云ERP要两套")[1]
    assert slots.get("company") == "南通仁和医院"


# ---- brands of scenery words the dictionary tags as time words (明月, 春秋) or ending in 间 ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("明月茶楼崔经理电话里确认了 云ERP先试一个月", "明月茶楼"),
        ("云水间茶楼王经理说下周定光伏组件", "云水间茶楼"),
        ("您好 我们是南宁林泉间精品民宿 想了解一下云ERP", "南宁林泉间精品民宿"),
    ],
)
def test_scenery_brands_are_names(extractor: Extractor, text: str, company: str) -> None:
    slots = _customer(extractor, text)[1] if text.startswith("您好") else _read(extractor, text)[1]
    assert slots.get("company") == company


@pytest.mark.parametrize("text", ["开了一间酒店 想上云ERP", "两个月间酒店入住率掉了不少"])
def test_counted_or_timed_jian_names_no_one(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("company") is None


# ---- titles of hotels: 管家 with a name or a function, not a kind of staff alone ----


def test_a_housekeeper_is_a_title(extractor: Extractor) -> None:
    slots = _read(extractor, "跟丽景酒店庞管家电话聊了 云ERP想先试用")[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == ("庞", "管家")
    slots = _read(extractor, "新线索 三亚海悦酒店 行政管家韩梅 13812345678 要光伏组件")[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == ("韩梅", "行政管家")


def test_housekeepers_as_staff_are_no_contact(extractor: Extractor) -> None:
    assert _customer(extractor, "我们是做民宿的 想给前台和管家配工装")[1].get("contact_title") is None


# ---- a department's person after a lodging, and a function + title, are no brand ----


@pytest.mark.parametrize(
    ("text", "company", "name", "title"),
    [
        ("新线索 泉州海丝国际酒店 工程部邱经理 13812345678 光伏组件要换", "泉州海丝国际酒店", "邱", "经理"),
        (
            "新客户 苏州平江精品酒店 前厅经理Amy 陆琪 13812345678 要云ERP",
            "苏州平江精品酒店",
            "陆琪",
            "前厅经理",
        ),
    ],
)
def test_a_department_or_function_after_a_hotel_is_its_person(
    extractor: Extractor, text: str, company: str, name: str, title: str
) -> None:
    slots = _read(extractor, text)[1]
    assert slots.get("company") == company
    assert (slots.get("contact_name"), slots.get("contact_title")) == (name, title)


def test_the_kind_then_a_brand_still_reads(extractor: Extractor) -> None:
    assert _read(extractor, "连锁蛋糕店味之源 想上云ERP")[1].get("company") == "味之源"


# ---- coming to our office is no customer; a bed or a chair tried at our place is a demo ----


def test_coming_to_our_office_names_no_customer(extractor: Extractor) -> None:
    slots = _read(extractor, "温州瓯越何院长今天带后勤来公司试坐了样椅 很满意")[1]
    assert slots.get("company") == "温州瓯越"
    assert (slots.get("contact_name"), slots.get("contact_title")) == ("何", "院长")
    assert slots.get("kind") == "demo"


def test_going_to_a_named_company_still_names_it(extractor: Extractor) -> None:
    assert _read(extractor, "明天到华信公司找李总")[1].get("company") == "华信公司"


# ---- a trial agreement signed is no contract won nor a trial held; a contract said signed is ----


def test_a_trial_agreement_is_no_contract(extractor: Extractor) -> None:
    slots = _read(extractor, "宏远物流钱经理 上午在他们仓库签了两个月试用协议 下周开始用云ERP")[1]
    assert slots.get("stage") is None
    assert slots.get("kind") == "visit"


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("宏远物流那边已经签合同了 云ERP一共三套", "签约"),
        ("宏远物流那边签合同了吗", None),
        ("宏远物流下周签合同", None),
    ],
)
def test_a_contract_said_signed(extractor: Extractor, text: str, stage: str | None) -> None:
    assert _read(extractor, text)[1].get("stage") == stage


# ---- a city's brand before a conceded clause or its deal; a loss conceded is no lost deal ----


def test_a_conceded_loss_is_no_lost_deal(extractor: Extractor) -> None:
    slots = _read(extractor, "厦门鹭晟虽然光伏组件丢了 但喻经理今天又打电话说云ERP可以试试")[1]
    assert slots.get("company") == "厦门鹭晟"
    assert (slots.get("contact_name"), slots.get("contact_title")) == ("喻", "经理")
    assert slots.get("stage") is None


def test_a_lost_deal_still_reads(extractor: Extractor) -> None:
    slots = _read(extractor, "厦门鹭晟那单丢了 老板说还是找本地的便宜")[1]
    assert slots.get("company") == "厦门鹭晟"
    assert slots.get("stage") == "输单"


# ---- a quote sent by WeChat or mail, said done, is a contact; a customer's asked-for quote is no stage ----


def test_a_quote_sent_by_wechat_is_a_report(extractor: Extractor) -> None:
    intent, slots = _read(extractor, "蓝鲸印务邹总那边 云ERP报价单微信发过去了 他说下礼拜给回复")
    assert intent == "log_followup"
    assert (slots.get("kind"), slots.get("stage")) == ("online", "报价")


def test_a_quote_planned_is_no_report_of_one(extractor: Extractor) -> None:
    assert _read(extractor, "蓝鲸印务邹总那边 报价明天微信发过去")[1].get("stage") is None


def test_a_customer_asking_for_a_quote_reaches_no_stage(extractor: Extractor) -> None:
    intent, slots = _customer(extractor, "请问你们有没有工厂用的数控机床 要3台 报价发到邮箱 a@b.cn 谢谢")
    assert intent == "new_lead"
    assert slots.get("stage") is None
    assert slots.get("company") is None


def test_a_quote_handed_over_in_person(extractor: Extractor) -> None:
    slots = _read(extractor, "鼎盛机械报价今天当面给范经理了 数控机床 他说要跟别家比一比")[1]
    assert (slots.get("stage"), slots.get("kind")) == ("报价", "visit")


# ---- calls and meetings said in other words; a plan to be at their place ----


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("跟华美酒店方经理电话谈了价格 云ERP最多给到18万", "call"),
        ("宜宾蜀南游轮苟经理见过了 光伏组件要两百块", "visit"),
        ("鼎盛机械今天现场看完了 数控机床定两台", "visit"),
    ],
)
def test_contacts_said_in_other_words(extractor: Extractor, text: str, kind: str) -> None:
    assert _read(extractor, text)[1].get("kind") == kind


def test_never_met_is_no_visit(extractor: Extractor) -> None:
    assert _read(extractor, "宜宾蜀南游轮苟经理还没见过 下周去")[1].get("kind") is None


def test_being_at_their_place_is_a_plan(extractor: Extractor) -> None:
    slots = _read(extractor, "鼎盛机械邓经理打电话来说 数控机床下周二到货 我下周二上午九点到厂里")[1]
    assert slots.get("next_followup") == {"date": "2026-03-17", "time": "09:00"}
    assert _read(extractor, "鼎盛机械邓经理说 货下周二到")[1].get("next_followup") is None


# ---- people: whose acquaintance the customer is, an office after the name, 工 before 加, full names
# the dictionary holds, a surname after 但 ----


def test_whose_friend_the_customer_is_names_no_contact(extractor: Extractor) -> None:
    slots = _read(extractor, "新线索 温州瓯江贸易公司 何总的朋友 要云ERP 对接人邵芳 13812345678")[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == ("邵芳", None)


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("新客户 济南泉城会议酒店 联系人柏涛 柏经理 13812345678 要光伏组件", "柏涛", "经理"),
        ("新线索 昆明滇池文旅有限公司 负责人段鹏 总经理 说预算一百万", "段鹏", "总经理"),
        ("新线索 昆明滇池文旅有限公司 负责人段鹏 13812345678", "段鹏", "负责人"),
    ],
)
def test_an_office_after_the_name(extractor: Extractor, text: str, name: str, title: str) -> None:
    slots = _read(extractor, text)[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == (name, title)


def test_gong_before_jia_is_an_engineer(extractor: Extractor) -> None:
    slots = _read(extractor, "上周五跟成都天府酒店窦工加了微信 发了云ERP的案例")[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == ("窦", "工")
    assert _read(extractor, "这个项目要赶工加急")[1].get("contact_title") is None


def test_a_full_name_the_dictionary_holds(extractor: Extractor) -> None:
    slots = _read(extractor, "新客户 贵州黔通物流有限公司 任茂东 13812345678 要云ERP")[1]
    assert slots.get("contact_name") == "任茂东"


def test_a_county_said_as_where_names_no_one(extractor: Extractor) -> None:
    assert _customer(extractor, "我们县里广场要装光伏组件 13812345678 吴先生")[1].get("company") is None
