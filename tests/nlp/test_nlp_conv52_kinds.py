"""Kinds of failure seen on the held-out conversations fiftytwo (reps citing a competitor's customer next to
their own, naming the customer by a short brand before "给<person>讲…"), each tested with made-up sentences
of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from nlp.company_key import company_key
from nlp.intent import find_kind
from nlp.linking import BookContact, BookLead, LeadBook
from tests.nlp.reading import read as _read

# ---- an organisation cited as having bought a competitor's goods is not the customer ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("下午去拜访了苏州恒泰精工 聊了云ERP 旁边苏州宏达五金厂前年上的金蝶 孔总有点顾虑", "苏州恒泰精工"),
        ("和无锡力拓机电电话聊了云ERP 隔壁无锡新远包装早就用的用友", "无锡力拓机电"),
        ("苏州宏达五金厂前年上的金蝶 现在想换云ERP", "苏州宏达五金厂"),  # the rival named later, no rival's
    ],
)
def test_a_competitors_customer_cited_is_not_the_customer(
    extractor: Extractor, text: str, company: str | None
) -> None:
    assert _read(extractor, text)[1].get("company") == company


# ---- a short brand gone to, then "给<person>讲/演示/培训" done there ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("上午去锐邦给戚总讲了一下数控机床的报价", "锐邦"),
        ("昨天到澜拓给车间的人培训了两个小时", "澜拓"),
        ("去年给他们装过一套光伏组件", None),  # 去年: no going
    ],
)
def test_a_short_brand_gone_to_before_giving_someone_a_talk(
    extractor: Extractor, text: str, company: str | None
) -> None:
    assert _read(extractor, text)[1].get("company") == company


# ---- a product named at a pause, then what is wanted of it: no organisation ----


@pytest.mark.parametrize(
    "text",
    [
        "柯经理那边刚电话聊了 ERP系统要带财务模块的",
        "晏主任电话里说了 数控机床需要五轴的",
    ],
)
def test_a_product_then_what_is_wanted_of_it_is_no_company(extractor: Extractor, text: str) -> None:
    slots = _read(extractor, text)[1]
    assert slots.get("company") is None and slots.get("products")


# ---- a trial account handed over is no demo: how the contact went is read elsewhere ----


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("上午上门拜访了车队的尤经理 调度系统的试用账号也给他开了", "visit"),
        ("电话里跟闵总说好了 仓储软件先开个试用版给他们", "call"),
        ("今天在工地给项目部试用了两台塔吊监控", "demo"),  # a trial held on site stays a demo
    ],
)
def test_a_trial_account_handed_over_is_no_demo(text: str, kind: str) -> None:
    found = find_kind(text)
    assert found is not None and found[0] == kind


# ---- an office's head said short, then the call being theirs: "X科打来的" ----


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("不是那家 是这家 滕院打来的", True),
        ("滕院打过来说设备下周到", True),
        ("滕院打算换一批", False),  # 打算: no call
    ],
)
def test_a_head_said_short_before_their_call(text: str, found: bool) -> None:
    company = "徐州康宁康复医院"
    head = BookContact("滕建国", "院长")
    book = LeadBook([BookLead(1, company, company_key(company), "徐州", contacts=(head,))])
    assert (book.contact_in(1, text) == head) is found
