"""Kinds of failure seen on the study16 conversations, each tested with made-up sentences of other
trades (printing, cold chain, elevators, lab supplies)."""

from __future__ import annotations

import pytest

from nlp.behalf import on_behalf_of
from nlp.intent import find_kind

COLLEAGUES = ("宋佳", "贺强", "林娜")


@pytest.mark.parametrize(
    ("text", "colleague"),
    [
        ("宋佳这两天请假，我替她去了趟华茂印务，陆经理说想换两台胶印机", "宋佳"),
        ("贺强出差了 我帮他跑了一趟远洋冷链 见了严工", "贺强"),
        ("林娜让我帮她回个电话给锦江电梯的周总", "林娜"),
        ("贺强今天不在，宋佳在开会，我代她去了趟华茂", "宋佳"),  # the one named last before 她
    ],
)
def test_a_rep_covering_for_an_absent_team_mate_said_by_pronoun_names_them(text: str, colleague: str) -> None:
    assert on_behalf_of(text, COLLEAGUES) == colleague


@pytest.mark.parametrize(
    "text",
    [
        "我替她去了趟华茂印务，陆经理说想换两台胶印机",  # no colleague named
        "陆经理想看方案，我帮他做了一份",  # 他 is the customer
        "宋佳说华茂的陆经理想要报价，我帮他问了一下",  # a colleague named, not away nor asking
        "宋佳请假了，华茂的事下周再说",  # away, but nothing done for her
    ],
)
def test_a_pronoun_with_no_absent_team_mate_named_is_no_cover(text: str) -> None:
    assert on_behalf_of(text, COLLEAGUES) is None


@pytest.mark.parametrize(
    "text",
    [
        "上午去恒发找钱总聊了，染缸的温控想全部换掉",
        "昨天去冷链园区找严工谈过了，冷库要加两台机组",
        "林主任带我把三个实验室走了一遍，通风柜要换八台",
        "周厂长领着我们把几个仓库转了一圈",
        "陈经理今天带我把新厂房看了看",
    ],
)
def test_going_to_talk_or_being_shown_around_is_a_visit(text: str) -> None:
    found = find_kind(text)
    assert found is not None and found[0] == "visit"


@pytest.mark.parametrize(
    "text",
    [
        "明天去恒发找钱总聊聊",  # still to do
        "下周去冷链园区找严工谈一下",
        "带我们的新人把流程走了一遍",  # training one's own people
        "他们让我找财务对接",
    ],
)
def test_a_talk_still_to_have_or_a_walk_through_of_a_process_is_no_visit(text: str) -> None:
    assert find_kind(text) is None
