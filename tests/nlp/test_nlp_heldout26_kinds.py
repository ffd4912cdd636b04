"""Kinds of failure seen on the heldout26 corpora (office leasing and coworking; industrial safety and PPE),
each tested with made-up sentences of other trades and names, with negatives showing the rule does not
over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor, parse_catalog
from tests.nlp.reading import read

# A catalog whose product starts with a character that is also a surname (冷).
_CATALOG = """
[[products]]
name = "冷干机"
aliases = ["冷冻式干燥机"]
line = "设备"

[[products]]
name = "云ERP"
aliases = ["ERP系统"]
line = "软件"
"""


@pytest.fixture(scope="module")
def dryers() -> Extractor:
    return Extractor(parse_catalog(_CATALOG, "dryers"))


# ---- a title written alone, then a product's name after a space: the title stays, alone ----


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("上午去了鸿泰纺织 见了设备部长 冷干机要两台 下周三再去", "设备部长"),
        ("打了电话 鸿泰纺织 动力科长 冷干机的报价他看了", "动力科长"),
    ],
)
def test_a_title_before_a_product_is_kept_alone(dryers: Extractor, text: str, title: str) -> None:
    slots = read(dryers, text)[1]
    assert (slots.get("contact_title"), slots.get("contact_name")) == (title, None)
    assert slots.get("products") == ["冷干机"]


def test_the_title_said_first_is_kept_over_a_shorter_one_after(dryers: Extractor) -> None:
    slots = read(dryers, "见了设备部长 冷干机要两台 部长说下周定")[1]
    assert slots.get("contact_title") == "设备部长"


def test_a_name_after_the_title_is_still_read(dryers: Extractor) -> None:
    slots = read(dryers, "见了设备部长冷强 冷干机要两台")[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == ("冷强", "设备部长")


# ---- a storekeeper (库管) is a title; coal mines, coal companies and coking plants are organisations ----


@pytest.mark.parametrize(
    ("text", "company", "name", "title"),
    [
        ("上午去了新丰煤业 库管老牛 说ERP系统登录不上", "新丰煤业", "牛", "库管"),
        ("去了宝兴焦化 见库管 冷干机要换", "宝兴焦化", None, "库管"),
        ("榆林 鑫盛煤矿 见了调度长", "鑫盛煤矿", None, "调度长"),
    ],
)
def test_storekeepers_and_coal_and_coke_organisations(
    dryers: Extractor, text: str, company: str, name: str | None, title: str
) -> None:
    slots = read(dryers, text)[1]
    assert (slots.get("company"), slots.get("contact_name"), slots.get("contact_title")) == (
        company,
        name,
        title,
    )


def test_a_database_is_no_storekeeper(dryers: Extractor) -> None:
    assert read(dryers, "数据库管理员说ERP系统要升级")[1].get("contact_title") != "库管"


# ---- a city whose short form is also a word, written as a place of its own ----


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("大同 华宇焦化 机电科长说冷干机要三台", "大同"),  # a word of its own before the organisation
        ("我们是做市政工程的 在山西长治 电话13912345678 找王经理", "长治"),  # after its province
        ("去了陕西延安 见了宏远煤业的库管", "延安"),
    ],
)
def test_an_ambiguous_city_set_apart_is_the_city(dryers: Extractor, text: str, city: str) -> None:
    assert read(dryers, text)[1].get("city") == city


def test_an_ambiguous_city_inside_an_idiom_is_none(dryers: Extractor) -> None:
    assert read(dryers, "客户说两家方案大同小异 下周再定")[1].get("city") is None


# ---- a county's port or town said as where (X港那边) is no person ----


def test_a_countys_port_is_no_person(dryers: Extractor) -> None:
    slots = read(dryers, "下午去了盐城 大丰港那边 鑫旺钢铁 见了设备部长")[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == (None, "设备部长")


# ---- a ceiling said as 卡死在 or per period (别超过每年…) ----


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("厂长说预算卡死在45万 多一分都不行", [None, 450000]),
        ("王总说今年的服务费别超过每年60万", [None, 600000]),
        ("服务费不超过每月2万", [None, 20000]),
        ("预算卡在85万 下周再谈", [850000, 850000]),  # where it stands, not a ceiling
    ],
)
def test_ceilings_hard_or_per_period(extractor: Extractor, text: str, budget: list[int | None]) -> None:
    assert read(extractor, text)[1].get("budget") == budget


# ---- a period's figure named without a question, and a count in groups (几组) ----


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("上周新增客户 全组", "team"),
        ("本月回款 我的", "me"),
        ("上周我演示了几组客户", "me"),
    ],
)
def test_a_periods_figure_or_a_count_of_groups_is_asked(extractor: Extractor, text: str, scope: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("scope")) == ("query_stats", scope)


def test_groups_a_customer_comes_in_are_no_count(extractor: Extractor) -> None:
    assert read(extractor, "他们要分几组来参观")[0] != "query_stats"


# ---- pasted words followed by the rep's note of how they answered: a contact reported ----


@pytest.mark.parametrize(
    "text",
    [
        "【转发】钱科长：ERP系统登录老是掉线，你们技术什么时候能来看看？——这是客户微信发的，我回他明天派人过去",
        "【转发】吴经理：冷干机到了，安装的人什么时候来？——今天送货时吴经理当面问的 我说后天派师傅去",
    ],
)
def test_pasted_words_answered_by_the_rep_are_a_report(dryers: Extractor, text: str) -> None:
    assert read(dryers, text)[0] == "log_followup"


def test_pasted_inquiry_alone_is_still_a_lead(dryers: Extractor) -> None:
    text = "【转发】钱科长：你好，我们厂想采购两台冷干机，麻烦报个价 电话13912345678"
    assert read(dryers, text)[0] == "new_lead"


# ---- an agreed price of a few yuan is a unit's price, no budget ----


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("场地基本谈好了 价格按38块一平 下月签", None),
        ("价格就按45万 下周走合同", [450000, 450000]),  # the whole deal's
    ],
)
def test_an_agreed_price_of_a_few_yuan_is_a_units(
    extractor: Extractor, text: str, budget: list[int] | None
) -> None:
    assert read(extractor, text)[1].get("budget") == budget
