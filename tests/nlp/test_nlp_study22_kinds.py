"""Kinds of failure seen on the study22 conversations (pharmaceutical packaging machinery), each
tested with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor, company_key
from nlp.dates import find_days
from nlp.intent import find_kind
from nlp.linking import BookLead, LeadBook, company_aliases
from tests.nlp.reading import SENT
from tests.nlp.reading import read as _read

# ---- how the contact happened ----


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a meeting held online, said in English
        ("华美服饰刚开完online meeting 王经理说方案可以", "online"),
        ("东方制药 online聊了半小时 CNC要两台", "online"),
        # the machine run for the person who came to see it
        ("瑞丰包装的厂长来我们公司看样机 CNC现场给他跑了一下", "demo"),
        ("金鼎酒店的周总来展厅 现场给她们开了一遍", "demo"),
        # met at a place, said as done
        ("绿城花园 今天在售楼处见了李总", "visit"),
    ],
)
def test_kind_of_contact(text: str, kind: str) -> None:
    found = find_kind(text)
    assert found is not None and found[0] == kind


@pytest.mark.parametrize(
    "text",
    [
        # the customer has seen our product somewhere: no meeting
        "李总人挺好的 说我们的机床他在别的厂见过",
        # a quote or a sample sent out is no visit
        "报价发出去了",
        "样品昨天寄出去了",
        # the shop online, and a look on site that is no run of the machine
        "他们想在online商城卖",
    ],
)
def test_no_contact_kind(text: str) -> None:
    assert find_kind(text) is None


def test_a_site_look_for_them_is_no_demo() -> None:
    found = find_kind("现场给他看了一下")
    assert found is None or found[0] != "demo"


# ---- stage news in English ----


@pytest.mark.parametrize(
    "text",
    [
        "东方制药 quotation今天发出去了",
        "华美服饰的quote刚才发过去了",
    ],
)
def test_a_quote_sent_in_english(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("stage") == "报价"


def test_an_english_quote_not_yet_sent(extractor: Extractor) -> None:
    assert _read(extractor, "东方制药要个quotation 明天发")[1].get("stage") is None


def test_an_online_meeting_with_a_quote_sent_is_one_report(extractor: Extractor) -> None:
    intent, slots = _read(extractor, "东方制药刚开完online meeting 王经理那边OK了 quotation今天发出去了")
    assert (intent, slots.get("kind"), slots.get("stage")) == ("log_followup", "online", "报价")


# ---- the hour said last, apart from the day of the plan ----


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("下周五再去东莞 三点", "15:00"),
        ("明天过去一趟，下午2点吧", "14:00"),
        ("下周三去签合同 三点半", "15:30"),
        # not an hour of the plan: someone's words, "一点" (a little), an hour with another day between
        ("明天过去 他说三点以后有空", None),
        ("下周一去 一点", None),
    ],
)
def test_hour_said_last(extractor: Extractor, text: str, time: str | None) -> None:
    plan = _read(extractor, text)[1].get("next_followup")
    assert plan is not None and plan["time"] == time


def test_hour_said_last_goes_to_the_last_day_only() -> None:
    days = find_days("明天先打电话 下周二去 三点", SENT.date())
    assert [d.time for d in days] == [None, "15:00"]


# ---- a brand in two scripts ----


def _book(*companies: tuple[str, str]) -> LeadBook:
    return LeadBook(
        BookLead(i, company, company_key(company), city, True, ())
        for i, (company, city) in enumerate(companies, start=1)
    )


def test_either_half_of_a_brand_in_two_scripts_names_the_lead() -> None:
    book = _book(
        ("深圳Lumora鹿摩光电有限公司", "深圳"),
        ("成都旭川KMX物流有限公司", "成都"),
        ("杭州远航物流有限公司", "杭州"),
    )
    assert book.link("Lumora的王经理微信回我了", company="Lumora").lead_id == 1
    assert book.link("鹿摩那边说下周定").lead_id == 1
    assert book.link("KMX那边打电话来问叉车").lead_id == 2


def test_a_two_letter_or_latin_only_brand_gives_no_half() -> None:
    aliases = company_aliases("深圳AB鹿摩光电有限公司", company_key("深圳AB鹿摩光电有限公司"), "深圳")
    assert "ab" not in aliases
    aliases = company_aliases("杭州远航物流有限公司", company_key("杭州远航物流有限公司"), "杭州")
    assert not any(a.isascii() for a in aliases)
