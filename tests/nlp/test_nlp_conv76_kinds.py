"""Kinds of failure seen on the held-out conversations seventysix (pharmaceutical raw materials, fast
typing without punctuation), each tested with made-up sentences of other trades, with negatives showing the
rule does not over-fire."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Catalog, Extractor, Intent
from nlp.intent import asks_for_book
from nlp.numbers import find_budget

SENT = datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
_EXTRACTOR = Extractor(Catalog.build())


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        # a weight or a volume in Latin letters after a figure is a batch, not the signed deal's money
        ("饲料厂合同签了 玉米全年300t 合同额120万", (1_200_000, 1_200_000)),
        ("合同签了 一次要200L 金额15万", (150_000, 150_000)),
        ("涂料厂合同签了 每批800kg 合同金额42万", (420_000, 420_000)),
        ("香精合同签了 样品先要50g 合同价9万", (90_000, 90_000)),
        # (a t that starts an English word still joins a range: "20 to 30万")
        ("预算20 to 30万", (200_000, 300_000)),
        # (k after a figure is still thousands of yuan when no g follows)
        ("budget 20k", (20_000, 20_000)),
    ],
)
def test_a_weight_or_volume_in_latin_letters_is_no_money(text: str, budget: tuple[int, int]) -> None:
    found = find_budget(text)
    assert found is not None and found[0] == budget


@pytest.mark.parametrize(
    "text",
    [
        # one's customers asked for, then how they are getting on: still the book asked, not today's list
        "王强在跟的客户有哪些 进展怎么样了",
        "何丽手上有哪些客户，情况如何",
        "小周名下的客户有哪几家 进度咋样",
    ],
)
def test_a_book_asked_with_how_it_goes_is_the_book(text: str) -> None:
    assert asks_for_book(text)
    assert _EXTRACTOR.extract(text, SENT).intent is Intent.QUERY_LEAD


@pytest.mark.parametrize(
    "text",
    [
        # (the day's calls asked, or one customer's progress, are not anyone's book)
        "今天要去哪几家 进展咋样",
        "华信那单进展咋样",
    ],
)
def test_a_days_list_or_one_customers_progress_is_no_book(text: str) -> None:
    assert not asks_for_book(text)


# ---- a department after the organisation is not part of it, but the organisation is not cut short ----
# (a lab named after a place is an organisation of its own, "苏州华测检测实验室"; a lab after an
# organisation, or after a bare word, is the customer's: "X医院检验科实验室", "新建的QC实验室")


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("新客户 苏州华测检测实验室 见了周主任 要两台气相", "苏州华测检测实验室"),
        ("今天去了青岛蓝海材料实验室 见了孙老师", "青岛蓝海材料实验室"),
        ("浙江启明光电实验室的严工说下周来看样", "浙江启明光电实验室"),
        # a department after an organisation stays out of it, the organisation whole
        ("今天拜访了新客户 洛阳市中心医院检验科实验室 见了晏主任", "洛阳市中心医院"),
        ("今天拜访了新客户 宁波市第二医院药剂科 见了陶主任", "宁波市第二医院"),
    ],
)
def test_a_lab_named_after_a_place_is_the_organisation(text: str, company: str) -> None:
    assert _EXTRACTOR.extract(text, SENT).company == company


@pytest.mark.parametrize(
    "text",
    ["他们新建的QC实验室要两台液相", "电话聊了 电池实验室要恒温恒湿6台", "苏州实验室那边要两台"],
)
def test_a_lab_with_no_name_of_its_own_is_no_customer(text: str) -> None:
    company = _EXTRACTOR.extract(text, SENT).company
    assert company is None or not company.endswith("实验室")


# ---- the person talked with, named after a role word, said with 是…的 ("跟采购X谈的") ----


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("今天去了恒远精工 跟采购周敏谈的 要两台数控", "周敏", "采购"),
        ("上午在城北物流 和行政孔敏约的，下周再去", "孔敏", "行政"),
        ("去了华鑫纺织，跟采购主管钱伟谈的", "钱伟", "采购主管"),
    ],
)
def test_a_person_after_a_role_talked_with_is_the_contact(text: str, name: str, title: str) -> None:
    ex = _EXTRACTOR.extract(text, SENT)
    assert (ex.contact_name, ex.contact_title) == (name, title)
