"""Kinds of failure seen on the held-out conversations twentyeight (food-ingredient wholesale) and
twentynine (office furniture and fitout), each tested with made-up sentences of other trades and
places, with negatives showing the rule does not over-fire."""

from __future__ import annotations

from datetime import date

import pytest

from nlp import Extractor, company_key
from nlp.followup import find_followup
from nlp.intent import KIND_CALL, KIND_DEMO
from nlp.linking import BookLead, LeadBook
from nlp.numbers import find_budget
from tests.nlp.reading import read

TUESDAY = date(2026, 3, 10)

# ---- 一块(儿) for "together" is no one yuan ----


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("对了他说预算那块 三台加一块儿不超过四十万", (None, 400_000)),
        ("预算的话 两个项目合一块算 最多六十万", (None, 600_000)),
        ("灯具和线材放一块儿 预算二十五万左右", (250_000, 250_000)),
    ],
)
def test_together_said_with_one_piece_is_no_amount(text: str, budget: tuple[int | None, int | None]) -> None:
    found = find_budget(text)
    assert found is not None and found[0] == budget


# ---- a kind of organisation said short links the lead of its full kind ----


def _book(*names: tuple[str, str]) -> LeadBook:
    leads = [BookLead(i + 1, n, company_key(n), city, contacts=()) for i, (n, city) in enumerate(names)]
    return LeadBook(leads)


def test_a_law_firm_said_short_links_the_firm() -> None:
    book = _book(("杭州明德律师事务所", "杭州"), ("杭州明德食品有限公司", "杭州"))
    assert book.link("刚才那条是明德律所的", company="明德律所").candidates == (1,)


def test_a_short_kind_of_another_organisation_links_no_lead() -> None:
    book = _book(
        ("杭州明德律师事务所", "杭州"),
    )
    assert book.link("明德会所那边刚来电话", company="明德会所").candidates == ()


# ---- the customer coming to our place named bare is the next contact ----


@pytest.mark.parametrize(
    "text",
    [
        "约了他们下周三下午两点来展厅看样",
        "宏远刚来电话 他们周四上午来门店试驾",
        "跟她约好了 下周一来工厂考察",
    ],
)
def test_the_customer_coming_to_our_place_is_the_plan(text: str) -> None:
    assert find_followup(text, TUESDAY) is not None


def test_a_visit_to_our_place_already_held_is_no_plan() -> None:
    assert find_followup("他们上周四来门店试驾了", TUESDAY) is None


# ---- a titled person's deadline told with the channel between them and 说 ----


@pytest.mark.parametrize(
    "text",
    [
        "瑞丰的钱经理电话里说下周三前定供应商 让我们等通知",
        "瑞丰的钱经理微信上也说月底前给结果",
        "祝院长在电话里说下周五前开会定",
    ],
)
def test_a_titled_persons_deadline_said_on_a_channel_is_no_plan(text: str) -> None:
    assert find_followup(text, TUESDAY) is None


def test_the_reps_own_plan_beside_it_is_still_the_plan() -> None:
    found = find_followup("瑞丰的钱经理电话里说下周三前定 我下周四再打给她", TUESDAY)
    assert found is not None and found.day == date(2026, 3, 19)


# ---- another call from them, 他又打过来 ----


@pytest.mark.parametrize(
    "text", ["下午他又打过来 螺栓要两百箱", "晚上她又打过来 说门窗要加两樘", "对方也打过来问了"]
)
def test_another_call_from_them_is_a_call(text: str) -> None:
    assert KIND_CALL.search(text)


@pytest.mark.parametrize("text", ["他又打过来两万 尾款齐了", "她又打过来五千定金"])
def test_money_sent_again_is_no_call(text: str) -> None:
    assert not KIND_CALL.search(text)


# ---- a presentation told by how it went is a demo ----


@pytest.mark.parametrize(
    "text",
    [
        "锦程今天上午的方案汇报很顺利，刘经理说下周给答复",
        "瑞德物流的产品宣讲挺成功 下周三我再去",
        "技术讲解非常顺利",
    ],
)
def test_a_presentation_told_by_how_it_went_is_a_demo(extractor: Extractor, text: str) -> None:
    assert KIND_DEMO.search(text)
    assert read(extractor, text)[1].get("kind") in (None, "demo")


def test_a_presentation_hoped_to_go_well_is_no_demo() -> None:
    assert not KIND_DEMO.search("明天的方案汇报希望顺利")
