"""Kinds of failure seen on the held-out conversations thirtyeight (exhibition booths), each tested with
made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

from datetime import date

import pytest

from nlp.followup import find_bare_followup
from nlp.intent import LEAD_QUERY, find_kind, find_stage

TUESDAY = date(2026, 3, 10)

# ---- a planned day moved to another time of it, why said after a pause ----


@pytest.mark.parametrize(
    ("text", "day", "time"),
    [
        ("下周三改到下午三点，上午他们科里查房", date(2026, 3, 18), "15:00"),
        ("周五推到上午十点吧 下午老板不在", date(2026, 3, 13), "10:00"),
        ("明天改到下午4点", date(2026, 3, 11), "16:00"),
    ],
)
def test_a_day_moved_to_another_time_of_it_is_the_plan(text: str, day: date, time: str) -> None:
    found = find_bare_followup(text, TUESDAY)
    assert found is not None and (found.day, found.time) == (day, time)


@pytest.mark.parametrize("text", ["周五改到下午3点他们要开会", "说好的下周三改到下午三点了吗"])
def test_a_moved_time_running_on_into_other_words_is_no_bare_plan(text: str) -> None:
    assert find_bare_followup(text, TUESDAY) is None


# ---- a deal settled at their place, said with 把, is a visit ----


@pytest.mark.parametrize("text", ["汤院长上午在他们医院把采购合同签了", "在对方厂里把技术协议定好了"])
def test_settled_at_their_place_with_ba_is_a_visit(text: str) -> None:
    found = find_kind(text)
    assert found is not None and found[0] == "visit"


def test_at_our_own_office_with_ba_is_no_visit() -> None:
    assert find_kind("在公司把报价单改了一版") is None


# ---- the one term left to change, or the last price cut before signing, is negotiation ----


@pytest.mark.parametrize(
    "text",
    ["设备价格没问题了，就是付款想改成分三期", "配置都认了，价格再降两个点就能签", "只是账期想改成90天"],
)
def test_the_last_term_or_price_cut_left_is_negotiation(text: str) -> None:
    found = find_stage(text, ())
    assert found is not None and found[0] == "谈判"


def test_a_price_cut_that_only_reaches_negotiation_is_none() -> None:
    assert find_stage("价格再降3个点就能进谈判", ()) is None


# ---- a contact's number asked for again is a query ----


@pytest.mark.parametrize("text", ["恒盛柯经理的手机再发我一下", "那个骆主任的联系方式发我"])
def test_a_contact_s_number_asked_for_again_is_a_lead_query(text: str) -> None:
    assert LEAD_QUERY.search(text) is not None


def test_a_number_sent_already_is_no_query() -> None:
    assert LEAD_QUERY.search("柯经理把他的电话发我了") is None
