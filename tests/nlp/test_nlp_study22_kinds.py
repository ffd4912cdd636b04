"""Kinds of failure seen on the study22 conversations (pharmaceutical packaging machinery), each
tested with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor, company_key
from nlp.behalf import as_their_plan, called, on_behalf_of
from nlp.dates import find_days
from nlp.intent import find_kind
from nlp.linking import BookLead, LeadBook, address_span, company_aliases
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


# ---- a team-mate named as team-mates call each other ----

TEAM = ("罗小军", "孟洁", "欧阳子涵")


@pytest.mark.parametrize(
    ("text", "colleague"),
    [
        ("小孟今天请假 我替小孟去了趟华美服饰 见了王经理", "孟洁"),
        ("帮小军记一下 东方制药李总上午给他打电话了", "罗小军"),
        ("老罗出差了 我替他跑了一趟瑞丰包装", "罗小军"),
        ("帮子涵记一下 金鼎酒店要两台CNC", "欧阳子涵"),
    ],
)
def test_covering_for_a_team_mate_called_by_nickname(text: str, colleague: str) -> None:
    assert on_behalf_of(text, TEAM) == colleague


@pytest.mark.parametrize(
    "text",
    [
        "小孟说东方制药要两台CNC",  # a team-mate merely named
        "帮小李记一下 东方制药要两台CNC",  # nobody of the team
        "小军那个客户我去过了",
    ],
)
def test_no_cover_where_none_is_said(text: str) -> None:
    assert on_behalf_of(text, TEAM) is None


def test_the_forms_team_mates_call_a_member_by() -> None:
    assert called("罗小军") == ("罗小军", "小军", "小罗", "老罗")
    assert called("孟洁") == ("孟洁", "小孟", "老孟")
    assert called("欧阳子涵") == ("欧阳子涵", "子涵")  # no 小欧


@pytest.mark.parametrize(
    ("text", "colleague"),
    [
        ("小军 东方制药那单现在什么情况", "罗小军"),
        ("子涵，华美服饰的报价你看一下", "欧阳子涵"),
        ("罗小军 那单价格我批了", "罗小军"),
    ],
)
def test_a_message_opening_with_a_given_name_is_addressed_to_them(text: str, colleague: str) -> None:
    found = address_span(text, TEAM)
    assert found is not None and found[0] == colleague
    assert text[found[1]] in " ，"


@pytest.mark.parametrize("text", ["小军那个客户我去过了", "小孟 今天来电话了", "今天跟小军去了趟东方制药"])
def test_no_address_where_the_name_is_no_given_name_or_runs_on(text: str) -> None:
    assert address_span(text, TEAM) is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("他下周一去厂里谈细节", "我下周一去厂里谈细节"),
        ("她明天上午过去", "我明天上午过去"),
        ("其他下周再说", "其他下周再说"),  # no pronoun: a word with 他 in it
        ("他说价格太高", "他说价格太高"),  # no plan for a day
    ],
)
def test_a_covered_team_mate_s_plan_said_as_the_writer_s(text: str, words: str) -> None:
    assert as_their_plan(text) == words
