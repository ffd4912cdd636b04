"""Kinds of failure seen on the study24 conversations (enterprise telecom), each tested with made-up
sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from nlp.intent import find_kind, find_stage
from nlp.numbers import find_budget
from tests.nlp.reading import read as _read

# ---- an amount said with one more digit after 万/千 ("12万8") ----


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("预算12万8", 128_000),
        ("设备款预算3万5左右", 35_000),
        ("预算5千5", 5_500),
        ("预算20w5", 205_000),
        ("采购金额6万2 月底付", 62_000),
    ],
)
def test_digit_after_wan_is_one_order_below(text: str, value: int) -> None:
    found = find_budget(text)
    assert found is not None and found[0] == (value, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the digit counts or dates the next word: not part of the amount
        ("预算12万8台机器", 120_000),
        ("预算12万8月定", 120_000),
        ("预算12万 8个点位", 120_000),
        ("预算1.5万", 15_000),
        ("预算一万五", 15_000),
    ],
)
def test_digit_that_counts_is_no_tail(text: str, value: int) -> None:
    found = find_budget(text)
    assert found is not None and found[0] == (value, value)


# ---- a contract stamped and sent back, said done ----


@pytest.mark.parametrize(
    "text",
    [
        "采购合同对方盖完章快递过来了",
        "印刷厂那边合同盖好章寄出来了",
    ],
)
def test_contract_stamped_and_sent_is_won(text: str) -> None:
    found = find_stage(text)
    assert found is not None and found[0] == "签约"


@pytest.mark.parametrize(
    "text",
    [
        "合同等他们盖好章寄过来再说",
        "合同下周盖章寄过来",
        "合同他们盖好章寄出来了吗",
    ],
)
def test_contract_stamp_to_come_is_not_won(text: str) -> None:
    found = find_stage(text)
    assert found is None or found[0] != "签约"


# ---- done at the person's place, said with 的 ----


@pytest.mark.parametrize(
    "text",
    [
        "华美服饰签了 上午去王经理那边签的合同",
        "东方制药定了 下午去李总那盖的章",
        "金鼎酒店 昨天是去他们那里谈的价格",
    ],
)
def test_done_at_their_place_is_a_visit(extractor: Extractor, text: str) -> None:
    intent, slots = _read(extractor, text)
    assert intent == "log_followup" and slots.get("kind") == "visit"


@pytest.mark.parametrize(
    "text",
    [
        "去王总那签的话要带公章",
        "去他们那边的路上堵车了",
        "明天去李总那边谈",
    ],
)
def test_going_there_not_done_is_no_visit(text: str) -> None:
    found = find_kind(text)
    assert found is None or found[0] != "visit"


# ---- a nickname said as the customer's ("他们IT小梁") ----


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("刚又打给他们IT小梁 确认了网口数量", "梁"),
        ("对方财务老蔡说发票下周开", "蔡"),
        ("刚又打给他们小贾 问了下交期", "贾"),
    ],
)
def test_a_nickname_said_as_theirs_is_their_person(extractor: Extractor, text: str, surname: str) -> None:
    _, slots = _read(extractor, text)
    assert slots.get("contact_name") == surname


@pytest.mark.parametrize(
    "text",
    [
        "约了小王一起去",
        "他们小区门口见",
        "他们小批量试一下",
        "客户小程序要改版",
    ],
)
def test_no_nickname_of_theirs(extractor: Extractor, text: str) -> None:
    _, slots = _read(extractor, text)
    assert slots.get("contact_name") is None


# ---- an official called by surname and a short office ("王局", "李处") ----


@pytest.mark.parametrize(
    ("text", "surname", "title"),
    [
        ("喻局那边上午一起吃了个饭 监护仪的事定了", "喻", "局长"),
        ("李处说方案可以 下周上会", "李", "处长"),
        ("今天去所里见了陈所 检测设备他们想换", "陈", "所长"),
    ],
)
def test_an_official_called_by_a_short_office(
    extractor: Extractor, text: str, surname: str, title: str
) -> None:
    _, slots = _read(extractor, text)
    assert (slots.get("contact_name"), slots.get("contact_title")) == (surname, title)
    assert slots.get("company") != text[:2]


@pytest.mark.parametrize(
    "text",
    [
        "公安局那边下午见了",
        "去了趟税务局 见了办公室主任",
        "结局还不好说",
    ],
)
def test_an_office_inside_a_word_is_no_official(extractor: Extractor, text: str) -> None:
    _, slots = _read(extractor, text)
    assert slots.get("contact_title") not in ("局长", "处长", "院长", "所长", "厅长")


def test_a_nickname_of_theirs_brought_along_is_not_the_contact(extractor: Extractor) -> None:
    _, slots = _read(extractor, "今天过去了一趟 跟舒经理还有他们IT的小伍一起过了一遍图纸")
    assert slots.get("contact_name") == "舒"
