"""Kinds of failure seen on the held-out heldout34 (automotive parts in English shorthand; pet-hospital
equipment, Shaanxi-flavoured with emoji), each tested with made-up sentences of other trades, with
negatives showing the rule does not over-fire."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor
from nlp.dialect import mandarin
from nlp.types import Intent

SENT = datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("额明天克一趟钢厂", "我明天去一趟钢厂"),
        ("锅炉的单子签咧！", "锅炉的单子签了！"),
        ("冷库那边见咧 还行", "冷库那边见了 还行"),
        ("额到纺织厂克咧，王厂长在", "我到纺织厂去了，王厂长在"),
        ("嫑急 跟张总谝了半天", "别急 跟张总聊了半天"),
        ("上个月额签了几单", "上个月我签了几单"),
        ("合同签咧🎉", "合同签了🎉"),
    ],
)
def test_shaanxi_words_read_as_mandarin(text: str, read: str) -> None:
    assert mandarin(text) == read


@pytest.mark.parametrize(
    "text",
    [
        "合同金额多少",
        "年销售额大概三千万",
        "额度还有二十万",
        "额外送了两箱",
        "他咧着嘴笑",
        "这人大大咧咧的",
        "每包500克了，不能再多",
        "名额满了",
        "本月新签合同额和回款",
        "成交额一共多少",
    ],
)
def test_words_that_are_not_shaanxi_stay(text: str) -> None:
    assert mandarin(text) == text


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("额这个月签了多少单", Intent.QUERY_STATS),
        ("额的超时客户有几个", Intent.QUERY_OVERDUE),
        ("明天额要跑哪些客户", Intent.QUERY_TODAY),
    ],
)
def test_shaanxi_i_asks_for_my_own(extractor: Extractor, text: str, intent: Intent) -> None:
    got = extractor.extract(text, SENT)
    assert got.intent is intent and got.to_slots().get("scope") == "me"


@pytest.mark.parametrize("text", ["鼎盛机械的数控机床签咧！", "鼎盛机械 数控机床合同签咧🎉🎉"])
def test_signed_said_in_shaanxi(extractor: Extractor, text: str) -> None:
    got = extractor.extract(text, SENT)
    assert got.intent is Intent.UPDATE_STAGE and got.to_slots().get("stage") == "签约"


@pytest.mark.parametrize(
    ("text", "kind"), [("鼎盛机械 电话打咧 下周再说", "call"), ("鼎盛机械 见咧", "visit")]
)
def test_kind_said_in_shaanxi(extractor: Extractor, text: str, kind: str) -> None:
    assert extractor.extract(text, SENT).to_slots().get("kind") == kind


@pytest.mark.parametrize(
    "text",
    [
        # an unnamed organisation's person calling in, with no 来 after 打电话
        "刚一个东莞五金厂的老板打电话，想买两台数控机床，预算三十万，电话13912345678",
        # a customer turning to us from a rival
        "苏州一家电子厂嫌金蝶太贵，想找我们报云ERP，老板电话13912345678，我周四过去",
        # the person in charge introduced by name, with a number and no contact told
        "昆山的华达五金 新开业，老板叫王建国，说要上云ERP，预算二十万，电话 139 1234 5678",
    ],
)
def test_prospects_passed_on_are_new_leads(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).intent is Intent.NEW_LEAD


@pytest.mark.parametrize(
    "text",
    [
        "我给一家东莞五金厂的老板打电话，他想买两台数控机床，电话13912345678",
        "今天去了华达五金，老板叫王建国，聊了云ERP，电话13912345678",
    ],
)
def test_contacts_of_the_rep_stay_reports(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).intent is Intent.LOG_FOLLOWUP


@pytest.mark.parametrize(
    "text",
    [
        "那家纸箱厂打了个电话问数控机床的事，下周再问问",
        "你好，我们在佛山开了个新的五金厂，想问下数控机床多少钱？电话 13912345678",
        "雨太大，杭州这边高速封了，晚点到",
    ],
)
def test_clause_words_name_no_company(extractor: Extractor, text: str) -> None:
    assert "company" not in extractor.extract(text, SENT).to_slots()


def test_a_traveller_held_up_is_no_contact(extractor: Extractor) -> None:
    assert extractor.extract("雾太大，合肥这边航班延误了，晚点到", SENT).intent is Intent.OTHER


@pytest.mark.parametrize(
    "text",
    [
        "上午在昆山的华达五金聊了一个钟头，王总想明年上云ERP",
        "在他们的展厅谈了一上午，云ERP的事基本说清楚了",
        "华达五金 visit done, 云ERP 样机已交",
        "鼎盛机械 site visit finished",
    ],
)
def test_visits_said_by_time_spent_there_or_done(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).to_slots().get("kind") == "visit"


@pytest.mark.parametrize("text", ["在微信上跟王总聊了半天", "华达五金 visit next week"])
def test_talks_on_the_line_or_visits_to_come_are_no_visit(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).to_slots().get("kind") != "visit"
