"""Kinds of failure seen on the conversations seventy-two (pest control, Wuhan speech, managers asking
first), each tested with made-up sentences of other trades, with negatives showing the rule does not
over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from nlp.dialect import mandarin
from nlp.intent import customers_asked
from tests.nlp.reading import read as _read

# ---- the day of the last contact asked about a customer the finders do not see by a suffix ------------


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("鑫源五金最近一次是什么时候跟的？", "鑫源五金"),
        ("蓝鲸传媒上次是啥时候跟的", "蓝鲸传媒"),
        ("永盛粮油最后一次跟进是几号？", "永盛粮油"),
        # a colleague called first is no customer
        ("兄弟，永盛粮油最近一次是什么时候跟的？", "永盛粮油"),
        ("伙计，鑫源五金上次拜访是哪天？", "鑫源五金"),
    ],
)
def test_the_last_contact_s_day_asked_is_that_customer_s_card(
    extractor: Extractor, text: str, company: str
) -> None:
    assert _read(extractor, text) == ("query_lead", {"company": company})


@pytest.mark.parametrize("text", ["今天要跟的有哪些？", "明天跟哪些客户？", "这周还要跟的客户有哪些"])
def test_the_day_s_list_is_still_asked_as_a_list(extractor: Extractor, text: str) -> None:
    intent, _ = _read(extractor, text)
    assert intent == "query_today"


# ---- Wuhan: 么 before when or what is 什么 (read 啥, one for one) --------------------------------------


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("他们么时候要货", "他们啥时候要货"),
        ("老板搞么事去了", "老板搞啥事去了"),
        ("鑫源五金最近一次是么时候跟的咧？", "鑫源五金最近一次是啥时候跟的了？"),
    ],
)
def test_wuhan_what_and_when_are_read_as_mandarin(text: str, read: str) -> None:
    assert mandarin(text) == read


@pytest.mark.parametrize("text", ["什么时候发货", "怎么事先不说", "这么时候还没到", "要么事后补", "为么事"])
def test_the_mandarin_words_with_么_stay(text: str) -> None:
    assert mandarin(text) == text


# ---- work starting at an hour of the day is an appointment on site, a start on a day is a term ---------


@pytest.mark.parametrize(
    ("text", "date", "time"),
    [
        ("宏达机床那边合同签了，下周三上午十点开始进场安装", "2026-03-18", "10:00"),
        ("今天去永盛把合同签了，下周一上午九点开始进场施工", "2026-03-16", "09:00"),
        ("宏达合同签了 周四下午两点进场", "2026-03-12", "14:00"),
    ],
)
def test_work_starting_at_an_hour_is_the_next_contact(
    extractor: Extractor, text: str, date: str, time: str
) -> None:
    _, slots = _read(extractor, text)
    assert slots.get("next_followup") == {"date": date, "time": time}


@pytest.mark.parametrize(
    "text",
    ["宏达那边合同签了，下个月1号开始我们派人驻场", "合同签了，下周三开始供货", "宏达下周一开始进场施工"],
)
def test_a_term_starting_on_a_day_is_no_contact(extractor: Extractor, text: str) -> None:
    _, slots = _read(extractor, text)
    assert "next_followup" not in slots


def test_a_machine_or_the_workers_arriving_on_a_day_is_no_contact_before_the_rep_s_own(
    extractor: Extractor,
) -> None:
    _, slots = _read(extractor, "今天见了宏达王总，新加一台数控机床 下个月10号进场，后天上午9点我带合同过去")
    assert slots.get("next_followup") == {"date": "2026-03-12", "time": "09:00"}


def test_the_work_after_a_start_is_no_person_and_what_starts_no_customer(extractor: Extractor) -> None:
    _, slots = _read(extractor, "今天下午去永盛把合同签了，下周一上午九点开始进场施工")
    assert slots.get("company") != "进场" and "contact_name" not in slots


def test_an_engineer_after_a_brand_is_still_its_person(extractor: Extractor) -> None:
    _, slots = _read(extractor, "给宏达王工打了电话")
    assert (slots.get("company"), slots.get("contact_name"), slots.get("contact_title")) == (
        "宏达",
        "王",
        "工",
    )


# ---- several customers asked about side by side --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("小周，鑫源五金和蓝鲸传媒这两个现在怎样了？", ("鑫源五金", "蓝鲸传媒")),
        ("宏达、永盛两家现在到哪一步了", ("宏达", "永盛")),
        ("查一下鑫源五金和永盛粮油", ("鑫源五金", "永盛粮油")),
        # a name ending in 和 before the joining 和
        ("天和和永盛现在怎么样了", ("天和", "永盛")),
        ("天和、宏达和永盛都到哪一步了", ("天和", "宏达", "永盛")),
    ],
)
def test_customers_named_side_by_side_are_each_asked(text: str, names: tuple[str, ...]) -> None:
    assert customers_asked(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "中和化工现在怎么样了",
        "宏达跟王总聊到哪了",
        "和平医院现在到哪一步了",
        "宏达的项目和方案现在什么进度",
        "今天去宏达和王总聊了一下",
    ],
)
def test_one_customer_or_no_question_names_no_several(text: str) -> None:
    assert customers_asked(text) == ()
