"""Kinds of failure seen on the held-out conversations eighty-eight and ninety (study_r20left), each tested
with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor, company_key
from nlp.linking import BookContact, BookLead, LeadBook
from tests.nlp.reading import read

# ---- a proposal talked through at a meeting held over video is an online contact, not a demo ----
# (nothing of the product was shown: the meeting is the contact; shown or tried, or in person, a demo)


@pytest.mark.parametrize(
    "text",
    [
        "上午跟宏达纺织孙经理开了个视频会，排产系统的方案讲完了，下周三再约",
        "下午和天和药业钱总腾讯会议上讲了冷库改造方案，他说要内部过一下",
        "跟城北中学许校长视频会议 讲了一遍智慧食堂方案 他们还在比价",
        "昨晚zoom跟绿源农场老板把灌溉方案讲了一遍，预算二十万左右",
    ],
)
def test_a_proposal_talked_through_on_video_is_an_online_contact(extractor: Extractor, text: str) -> None:
    intent, slots = read(extractor, text)
    assert intent == "log_followup"
    assert slots.get("kind") == "online"


@pytest.mark.parametrize(
    "text",
    [
        # the product shown or tried over video: a demo
        "跟宏达纺织孙经理开了个视频会，给他演示了排产系统",
        "下午和天和药业钱总腾讯会议，远程做了个demo",
        # talked through in person: a demo as before
        "今天在城北中学会议室给许校长讲了智慧食堂方案",
        "下午去绿源农场给老板讲了灌溉方案",
        # a video as the thing the proposal is about, not the channel
        "给恒远精工讲了视频监控改造方案，周总挺认可",
    ],
)
def test_a_proposal_shown_or_talked_through_in_person_stays_a_demo(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("kind") == "demo"


# ---- a contact said by surname and a trade (律师, 医生, 会计) is the book's contact of that trade ----


def _lead(lead_id: int, company: str, *contacts: BookContact) -> BookLead:
    return BookLead(lead_id, company, company_key(company), "南京", contacts=contacts)


BOOK = LeadBook(
    [
        _lead(1, "南京金陵会计师事务所有限公司", BookContact("邬思远", "合伙人")),
        _lead(2, "南京鼓楼口腔门诊部", BookContact("蔺晓梅", "院长")),
        _lead(3, "南京江宁精密铸造有限公司", BookContact("蔺建国", "采购经理")),
        _lead(4, "南京秦淮知识产权代理有限公司", BookContact("郏丽", "部门经理")),
    ]
)


@pytest.mark.parametrize(
    ("text", "lead_id"),
    [
        ("邬会计那边刚来电话，说年报审计下个月开始", 1),
        ("蔺医生说种植机下周来看看", 2),
        ("上午郏律师打电话过来问商标续展的事", 4),
    ],
)
def test_a_contact_said_by_surname_and_trade_links_their_customer(text: str, lead_id: int) -> None:
    assert BOOK.link(text).lead_id == lead_id


def test_a_trade_that_fits_no_contact_of_the_surname_links_none() -> None:
    # 蔺建国 buys for a foundry: no 律师; 邬思远 is no doctor
    assert BOOK.link("蔺律师那边说合同再改改").candidates == ()
    assert BOOK.link("邬医生说下周再约").candidates == ()
