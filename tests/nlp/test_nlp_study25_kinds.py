"""Kinds of failure seen on the study25 conversations (ERP implementation services), each tested with
made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor, company_key
from nlp.intent import find_kind
from nlp.linking import company_aliases
from tests.nlp.reading import read

# ---- how the contact happened ----


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the customer came to us, said as done with no errand named
        ("鑫源物流的钱总今天来我们公司了 聊了一上午冷链车的事", "visit"),
        ("华康药房的采购昨天到我司来过 看中了两款货架", "visit"),
        # gone together, said with 的
        ("今天我跟老王一块去的东方酒店 周经理说要换布草", "visit"),
        ("上午和小李一起去的 林总那边基本同意了", "visit"),
        # something done at their place, said as done
        ("绿洲物业签了 赵总下午在他们办公室签的字", "visit"),
        ("在对方公司聊了一上午 货架要三十组", "visit"),
        # a line that got through is still a call
        ("打了三次 终于打通了 陈经理说下月再定", "call"),
        ("打通了宏远建材孙总的电话 要两车水泥", "call"),
    ],
)
def test_kind_of_contact(text: str, kind: str) -> None:
    found = find_kind(text)
    assert found is not None and found[0] == kind


@pytest.mark.parametrize(
    "text",
    [
        # systems to be joined, not a call
        "仓储系统要跟商城的订单打通 还得上个报表",
        # a visit of theirs asked about, or a place to go later
        "他们会来我们公司吗",
        "一起去的话要提前订车",
        # a signing still to come at their place
        "合同下周在他们公司签",
        "在他们公司签合同要带公章",
    ],
)
def test_no_kind_of_contact(text: str) -> None:
    assert find_kind(text) is None


def test_stage_news_with_a_meeting_at_their_place_is_a_report(extractor: Extractor) -> None:
    intent, slots = read(extractor, "绿洲物业签了 赵总下午在他们办公室签的字 保洁加绿化一共三十万")
    assert (intent, slots.get("kind"), slots.get("stage")) == ("log_followup", "visit", "签约")


def test_stage_news_alone_stays_a_stage_update(extractor: Extractor) -> None:
    intent, slots = read(extractor, "绿洲物业签了")
    assert (intent, slots.get("kind")) == ("update_stage", None)


# ---- the stage said outright, moved back; a quote sent by the rep named in between ----


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        # a lost deal that comes back, moved back outright (the loss told before it is history)
        ("蓝湾酒店又回来了 之前被对手截胡了 今天王总电话说想重新谈 阶段先改回需求确认吧", "需求确认"),
        ("状态调回方案演示", "方案演示"),
        # the rep as the sender between the quote and its sending
        ("恒泰物流的钱经理微信上问冷藏车多少钱 报价单我已经发过去了", "报价"),
        ("恒泰物流那边 报价我们已经发给钱经理了", "报价"),
    ],
)
def test_stage_said(extractor: Extractor, text: str, stage: str) -> None:
    _, slots = read(extractor, text)
    assert slots.get("stage") == stage


@pytest.mark.parametrize(
    "text",
    [
        "报价单我明天发过去",  # a quote still to send
        "他们的阶段回到原点了",  # no stage of ours named
    ],
)
def test_no_stage_said(extractor: Extractor, text: str) -> None:
    _, slots = read(extractor, text)
    assert slots.get("stage") is None


# ---- a brand in two scripts, named by its Chinese half without the industry words ----


def test_the_chinese_half_of_a_two_script_brand_is_said_without_its_industry_words() -> None:
    name = "佛山KOVA柯瓦德工具有限公司"
    aliases = company_aliases(name, company_key(name), "佛山")
    assert {"kova", "柯瓦德工具", "柯瓦德"} <= set(aliases)


def test_a_brand_in_one_script_gets_no_second_half() -> None:
    name = "佛山柯瓦陶瓷有限公司"
    aliases = set(company_aliases(name, company_key(name), "佛山"))
    assert "柯瓦" in aliases and not any(a.isascii() for a in aliases)


# ---- everyday software is no person ----


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("今天去了鸿福酒楼 他们还是Excel记账的 老板娘说想换个收银系统", None),
        ("今天去了鸿福酒楼 采购是Linda 说想换个收银系统", "Linda"),
    ],
)
def test_software_they_use_is_no_contact(extractor: Extractor, text: str, name: str | None) -> None:
    _, slots = read(extractor, text)
    assert slots.get("contact_name") == name


# ---- the price agreed for the deal; a title glued to the customer's name ----


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("鸿福酒楼的老板娘电话里说下周签 价格就按三十五万", [350000, 350000]),
        ("绿洲物业王总说总价定在80万", [800000, 800000]),
        ("绿洲物业王总说单价按3万算", None),  # a unit's price, not the deal's
    ],
)
def test_the_price_agreed_is_the_budget(extractor: Extractor, text: str, budget: list[int] | None) -> None:
    _, slots = read(extractor, text)
    assert slots.get("budget") == budget


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("鸿福老板娘电话里说下周签", "老板娘"),  # the customer's name glued before the title
        ("的厨务经理说要两台", "厨务经理"),  # a function word no list holds still is one
    ],
)
def test_a_customer_name_glued_to_a_title_is_no_function(extractor: Extractor, text: str, title: str) -> None:
    _, slots = read(extractor, text)
    assert slots.get("contact_title") == title
