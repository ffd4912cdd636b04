"""Kinds of failure seen on the held-out single-message set heldout38 (pool and spa equipment, crop seeds
with Northeastern field reports), each tested with made-up sentences of other trades, with negatives
showing the rule does not over-fire."""

from __future__ import annotations

from datetime import datetime

import pytest

from nlp import Extractor, Intent, parse_catalog
from nlp.numbers import find_budget

SENT = datetime(2026, 11, 10, 9, 20)  # a Tuesday


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


# ---- the sum set aside, said flat ("资金是80万", "专项资金12万") or what the customer can take out ----


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("街道办今年的资金是45万 要走询价", (450_000, 450_000)),
        ("学校这块专项资金12万不变 桌椅要先到", (120_000, 120_000)),
        ("首付他能拿出6万 剩下的分期", (60_000, 60_000)),
        ("按面积算下来要52万 他说厂里最多拿40万", (None, 400_000)),
    ],
)
def test_funds_and_what_is_taken_out_are_the_budget(text: str, budget: tuple[int | None, int | None]) -> None:
    found = find_budget(text)
    assert found is not None and found[0] == budget


@pytest.mark.parametrize(
    "text",
    [
        "区里补贴资金20万 申报截止月底",
        "融资金额300万 已经放款",
        "他能拿到3万的补贴",
        "注册资金两千万 做钢构的",
    ],
)
def test_subsidies_loans_and_grants_are_no_budget(text: str) -> None:
    assert find_budget(text) is None


# ---- plants counted by the ten thousand ("60万株", "8万棵") are quantities, not money ----


@pytest.mark.parametrize("text", ["明年要绿化苗木 大概8万棵", "已经签了 花卉苗定了12万株"])
def test_plant_counts_are_no_budget(text: str) -> None:
    assert find_budget(text) is None


# ---- a line break after 万 ends the clause: "预算65万\n月底前…" is no count of months ----


def test_amount_before_a_line_break_is_money() -> None:
    found = find_budget("展台搭建确认了\n预算28万\n月底前把图纸发过去")
    assert found is not None and found[0] == (280_000, 280_000)


# ---- shops and venues named by their counter or kind ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("上午去了宏远农资门市 找刘老板聊了化肥的事", "宏远农资门市"),
        ("给金穗农药经销处的何经理打了电话 报了价", "金穗农药经销处"),
        ("我们是珠海海洋水世界 想了解一下售票闸机", "珠海海洋水世界"),
        ("跟常州恐龙度假世界的采购经理聊了监控的事", "常州恐龙度假世界"),
        ("上午跑了一趟西湖区的蓝鲸游泳馆 见了馆长 谈新风系统", "蓝鲸游泳馆"),
    ],
)
def test_counter_and_venue_kinds_end_a_company(extractor: Extractor, text: str, company: str) -> None:
    assert extractor.extract(text, SENT).company == company


# ---- a province's name starting the organisation is no city; a city spoken of as "X这边" is one ----


def test_province_name_starting_a_company_is_no_city(extractor: Extractor) -> None:
    got = extractor.extract("公司：海南蓝海建材有限公司 工地：三亚海棠湾 要防水涂料 联系人：符海", SENT)
    assert (got.company, got.city) == ("海南蓝海建材有限公司", "三亚")


@pytest.mark.parametrize(
    ("text", "city"), [("暴雨预警 中山这边明天停工 大家小心", "中山"), ("大同那边的仓库下周盘点", "大同")]
)
def test_city_spoken_of_as_here_or_there(extractor: Extractor, text: str, city: str) -> None:
    assert extractor.extract(text, SENT).city == city


@pytest.mark.parametrize("text", ["吉林这边明天下雪 大家注意", "朝阳这边堵车了 晚点到"])
def test_province_or_district_here_is_no_city(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).city is None


# ---- 咋 asked of the bot ("咋录跟进"), not 咋用 told to a customer's people; a field showing is a demo ----


@pytest.mark.parametrize("text", ["咋录客户电话 有教程没", "咋查我上周的跟进"])
def test_za_asked_of_the_bot_is_help(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).intent == Intent.HELP


def test_use_told_to_the_customers_people_is_a_demo(extractor: Extractor) -> None:
    got = extractor.extract(
        "上午在肥西开了一场滴灌示范会 给丰源合作社的社员讲滴灌带咋用 理事长王建说不错", SENT
    )
    assert (got.intent, got.kind, got.company) == (Intent.LOG_FOLLOWUP, "demo", "丰源合作社")


def test_a_showing_still_to_come_is_no_demo(extractor: Extractor) -> None:
    assert extractor.extract("下周三要去丰源合作社开个示范会", SENT).kind is None


# ---- a place, then 有个, points at a named body: "X区有个Y家庭农场" ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("新线索 合肥肥西县有个丰源合作社 理事长姓王 要滴灌带", "丰源合作社"),
        ("宁波鄞州区有个恒达五金厂 老板姓周 想换冲床", "恒达五金厂"),
    ],
)
def test_a_place_then_you_ge_points_at_a_name(extractor: Extractor, text: str, company: str) -> None:
    assert extractor.extract(text, SENT).company == company


def test_you_ge_with_no_place_describes_one(extractor: Extractor) -> None:
    assert extractor.extract("长沙有个火锅店 想要桌椅", SENT).company is None


# ---- a person after 回访 / 走访: "电话回访周经理" names 周 the 经理 ----


@pytest.mark.parametrize(
    ("text", "person"),
    [("今天电话回访陈经理 上次的打印机卡纸", ("陈", "经理")), ("走访何主任 聊了改造的事", ("何", "主任"))],
)
def test_person_after_a_return_visit(extractor: Extractor, text: str, person: tuple[str, str]) -> None:
    got = extractor.extract(text, SENT)
    assert (got.contact_name, got.contact_title) == person


# ---- a competitor's job or price in its clause is no stage of our deal ----

RIVALS = parse_catalog(
    """
[[products]]
name = "中央空调"
aliases = ["空调"]

[[competitors]]
name = "美的"

[[competitors]]
name = "海尔"

[[competitors]]
name = "格力"
"""
)


@pytest.mark.parametrize(
    "text",
    [
        "上门回访海天宾馆 吴总说美的那套装完噪音很大 想换我们的",
        "拜访了恒达五金厂 海尔和格力的货都压价了 周老板还在看",
    ],
)
def test_a_competitors_install_or_price_cut_is_no_stage(text: str) -> None:
    assert Extractor(RIVALS).extract(text, SENT).stage is None


def test_our_own_install_is_still_delivered(extractor: Extractor) -> None:
    assert extractor.extract("海天宾馆的空调今天装完了 吴总很满意", SENT).stage == "交付"


# ---- what the customer's meeting that day settled is no plan of the rep's ----


def test_a_meeting_said_to_have_decided_is_no_plan(extractor: Extractor) -> None:
    got = extractor.extract("何经理微信说了 12号开会敲定了 两批都要 下周一我带合同过去", SENT)
    assert got.next_followup is not None and got.next_followup.date == "2026-11-16"


# ---- a further thing listed ("还有会所的SPA池") is no company ----


def test_a_further_thing_listed_is_no_company(extractor: Extractor) -> None:
    got = extractor.extract("上午在滨江海悦物业给陈经理演示了门禁 她说不止大门 还有会所的闸机也要换", SENT)
    assert got.company == "滨江海悦物业"


# ---- a bare full name that decides or leads the rep round: "X确定要…", "X领我看了…" ----


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("恒达五金厂 已经到需求确认了 孙建华确定要两台冲床", "孙建华"),
        ("今天去恒达五金厂 孙建华领我看了车间", "孙建华"),
    ],
)
def test_bare_full_name_deciding_or_leading(extractor: Extractor, text: str, name: str) -> None:
    assert extractor.extract(text, SENT).contact_name == name


def test_a_pronoun_leading_is_no_name(extractor: Extractor) -> None:
    assert extractor.extract("上午去恒达 他带我看了车间", SENT).contact_name is None


# ---- a city, a quarter in it, then 先生 / 女士: "杭州西溪湿地李女士" is 李 ----


@pytest.mark.parametrize(
    ("text", "name"),
    [("杭州西溪湿地李女士 微信聊了 想换露营帐篷", "李"), ("成都太古里罗先生 电话沟通了 要两台咖啡机", "罗")],
)
def test_person_after_a_citys_quarter(extractor: Extractor, text: str, name: str) -> None:
    assert extractor.extract(text, SENT).contact_name == name
