"""Kinds of failure seen on heldout18 (elevators) and conversations_twentythree (farm machinery), each
tested with made-up sentences of other trades and names, with negatives showing the rule does not
over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from nlp.intent import find_kind
from tests.nlp.reading import read

# ---- a look asked for before the customer's short name ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("帮我看下禾润现在到哪一步了", "禾润"),
        ("看一下蓝湾进展到哪了", "蓝湾"),
        ("看下恒岳到哪一步了", "恒岳"),
        ("查一下禾润到哪一步了", "禾润"),  # (a look-up ends the name at the question too)
    ],
)
def test_a_look_asked_before_the_short_name(extractor: Extractor, text: str, company: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("company")) == ("query_lead", company)


def test_a_look_at_the_day_names_no_customer(extractor: Extractor) -> None:
    intent, slots = read(extractor, "帮我看看明天要跟的客户")
    assert intent == "query_today" and slots.get("company") is None


# ---- the place the rep just left ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("刚从蓝湾出来，周经理说下个月定", "蓝湾"),
        ("从禾润回来的路上，林总说月底前签", "禾润"),
    ],
)
def test_a_short_name_just_left_is_the_customer(extractor: Extractor, text: str, company: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("company")) == ("log_followup", company)


@pytest.mark.parametrize("text", ["刚从展会出来，累死了", "刚从客户那边出来", "从展厅回来，下午整理资料"])
def test_a_place_of_any_trade_left_is_no_customer(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("company") is None


def test_a_city_come_back_from_is_no_customer(extractor: Extractor) -> None:
    assert read(extractor, "从上海回来了，明天去拜访恒岳")[1].get("company") == "恒岳"


# ---- a short name opening a note, then its new quote ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("恒岳新报价邮件发过去了，抄送了刘经理", "恒岳"),
        ("禾润最新报价单微信发给李总了", "禾润"),
    ],
)
def test_a_short_name_before_its_new_quote(extractor: Extractor, text: str, company: str) -> None:
    assert read(extractor, text)[1].get("company") == company


@pytest.mark.parametrize("text", ["新报价发过去了", "我们报价发了", "今天报价发了"])
def test_a_quote_alone_names_no_customer(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("company") is None


# ---- a housing estate named as the customer ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("南京鼓楼区的清溪花园小区，物业说门禁要全换，联系人张经理", "清溪花园小区"),
        ("新客户 无锡滨湖区的蠡湖花园小区 业委会主任姓沈 要换门禁", "蠡湖花园小区"),
        ("去了金桂苑小区，业委会李主任说要换监控", "金桂苑小区"),
    ],
)
def test_a_housing_estate_by_its_name(extractor: Extractor, text: str, company: str) -> None:
    assert read(extractor, text)[1].get("company") == company


@pytest.mark.parametrize(
    "text",
    [
        "老旧小区改造的补贴政策出来了",
        "他们管的三个小区都要换",
        "要我们出一版小区精装的配套方案",
        "高档小区的业主",
        "在昆明翠湖花园小区底商给一家面包店的区域经理看了三间铺子",  # where the shop is
    ],
)
def test_an_estate_by_its_kind_or_count_is_no_customer(extractor: Extractor, text: str) -> None:
    assert not (read(extractor, text)[1].get("company") or "").endswith("小区")


# ---- a nickname after the customer with no 的 needs a pause or what they did ----


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("城西小学 老楼加固 联系人 后勤 孙主任 13912345678", "孙", "主任"),
        ("东湖街道办 老房要翻新 联系人 城建科 尹科长 13912345678", "尹", "科长"),
    ],
)
def test_an_old_thing_after_the_customer_is_no_nickname(
    extractor: Extractor, text: str, name: str, title: str
) -> None:
    _, slots = read(extractor, text)
    assert (slots.get("contact_name"), slots.get("contact_title")) == (name, title)


def test_a_nickname_after_the_customer_and_a_pause_stays(extractor: Extractor) -> None:
    assert read(extractor, "宏力焊接 老周 说下周来看样")[1].get("contact_name") == "周"


# ---- a district or county before the person ----


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("杭州萧山王女士今天见了", "王"),
        ("苏州吴江李先生要装太阳能板", "李"),
        ("佛山顺德何老板说下周定", "何"),
    ],
)
def test_a_district_before_the_person_is_where_they_are(extractor: Extractor, text: str, name: str) -> None:
    _, slots = read(extractor, text)
    assert slots.get("contact_name") == name and slots.get("company") is None


# ---- kinds told by what was done ----


@pytest.mark.parametrize(
    "text",
    [
        "王女士家量好尺寸了，下周出图",
        "去张先生家量了一下尺寸",
        "厂房尺寸量好了",
        "去瑞丰医院拿到了招标文件",
        "去恒岳取了样",
    ],
)
def test_measured_up_or_fetched_on_site_is_a_visit(text: str) -> None:
    kind = find_kind(text)
    assert kind is not None and kind[0] == "visit"


@pytest.mark.parametrize("text", ["用量了解一下", "去年拿到了订单", "明天去恒岳拿样品"])
def test_no_visit_without_one_done_there(text: str) -> None:
    kind = find_kind(text)
    assert kind is None or kind[0] != "visit"


@pytest.mark.parametrize(
    "text", ["CNC现场试运行给他看了，他挺满意", "机器开起来跑给客户看了一遍", "无人机飞给他们看了"]
)
def test_a_machine_run_in_front_of_them_is_a_demo(text: str) -> None:
    kind = find_kind(text)
    assert kind is not None and kind[0] == "demo"


def test_a_file_passed_on_is_no_demo() -> None:
    kind = find_kind("资料转给他看了")
    assert kind is None or kind[0] != "demo"


# ---- the office of a community body ----


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("社区书记姓何 电话13812345678", "书记"),
        ("青云社区 社区书记罗伟", "书记"),
        ("村委主任王建国说要两台", "主任"),
    ],
)
def test_the_body_before_an_office_is_no_part_of_its_title(
    extractor: Extractor, text: str, title: str
) -> None:
    assert read(extractor, text)[1].get("contact_title") == title
