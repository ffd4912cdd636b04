"""Kinds of failure seen on the conversations sixty-two (an accounting and tax agency: formal reports to
the manager, pinyin-initial shorthand), each tested with made-up sentences of other trades, with
negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from nlp.company_key import company_key
from nlp.linking import company_aliases
from tests.nlp.reading import read as _read

# ---- pinyin initials for the trade's words: bj 报价, lxr 联系人, xs 线索, kh 客户 --------------------------


def test_bj_sent_is_a_quote(extractor: Extractor) -> None:
    _, slots = _read(extractor, "华锐机电郭总刚通了电话 bj发过去了 他说得跟老板再碰一下")
    assert slots.get("stage") == "报价"


def test_lxr_names_the_contact(extractor: Extractor) -> None:
    intent, slots = _read(extractor, "新xs：杭州瑞丰包装有限公司，lxr韦总 13912345678，想上CNC，我先跟着")
    assert intent == "new_lead"
    assert (slots.get("company"), slots.get("contact_name")) == ("杭州瑞丰包装有限公司", "韦")


@pytest.mark.parametrize("text", ["今天dd华锐机电 见了郭总", "今天到访华锐机电 见了郭总"])
def test_dd_a_visit_ends_before_the_name(extractor: Extractor, text: str) -> None:
    _, slots = _read(extractor, text)
    assert (slots.get("company"), slots.get("kind")) == ("华锐机电", "visit")


def test_kh_asks_for_customers(extractor: Extractor) -> None:
    assert _read(extractor, "今天要跟哪些kh")[0] == "query_today"


def test_initials_inside_an_address_or_a_code_stay(extractor: Extractor) -> None:
    assert _read(extractor, "资料发到 sales@bj.example.com 了")[1].get("email") == "sales@bj.example.com"
    assert _read(extractor, "型号是XS-200 今天去了华锐机电")[1].get("stage") is None


# ---- small budgets said short or by how the price is held -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("今天去了华锐机电 价格卡在6k以内 下周再去", [None, 6000]),
        ("新xs：宁波恒达五金有限公司 想上ERP 一年5k以内", [None, 5000]),
        ("华锐机电郭总电话说 三个模块打包3w 他再想想", [30000, 30000]),
        ("今天去了华锐机电 对方认可了方案，年费定在7500元，下周签", [7500, 7500]),
        ("华锐机电郭总微信说 报价1w8他认了 下周一过去拿资料", [18000, 18000]),
        ("今天去了华锐机电 价格卡在85万", [850000, 850000]),  # bare: where the price stands
    ],
)
def test_a_small_budget_said_short(extractor: Extractor, text: str, budget: list[int | None]) -> None:
    assert _read(extractor, text)[1].get("budget") == budget


@pytest.mark.parametrize(
    "text",
    [
        "华锐机电郭总微信说 报价1w8他嫌贵 下周一再谈",  # a quote not taken
        "华锐机电郭总说 每月开票3k张以内",  # a count, not money
        "今天去了华锐机电 他们去年营收3k万",  # a turnover
    ],
)
def test_no_budget_where_none_is_said(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("budget") is None


# ---- what a plan is for, said in the clause after it, is planned too ---------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("上午拜访了华锐机电郭总，下周二再去一趟，把整体方案给他们老板讲解一下。", "visit"),
        ("今天和华锐机电郭总通了电话，约好后天下午开视频会议，给他们做线上演示。", "call"),
        ("上午拜访了华锐机电郭总，把整体方案给他们老板讲解了一遍。", "demo"),  # done today: a demo
    ],
)
def test_the_purpose_of_a_plan_is_no_contact_made(extractor: Extractor, text: str, kind: str) -> None:
    assert _read(extractor, text)[1].get("kind") == kind


# ---- the reader greeted or apologised to first is the rep's boss, not the contact --------------------------


@pytest.mark.parametrize(
    ("text", "contact"),
    [
        ("李经理，您好！今天上午拜访了华锐机电，与郭总进行了面谈。", "郭"),
        ("不好意思李经理，更正一下：郭总说的是两台，不是三台。", "郭"),
        ("李经理，今天去了华锐机电", "李"),  # no greeting nor apology: the person met, as before
    ],
)
def test_the_reader_greeted_first_is_no_contact(extractor: Extractor, text: str, contact: str) -> None:
    assert _read(extractor, text)[1].get("contact_name") == contact


# ---- a quote sheet said sent -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("下午微信跟华锐机电郭总沟通了ERP的报价，报价单已发送，他要跟老板汇报", "报价"),
        ("华锐机电郭总说报价单已发票据那边", None),  # 发 starting another word
    ],
)
def test_a_quote_sheet_sent(extractor: Extractor, text: str, stage: str | None) -> None:
    assert _read(extractor, text)[1].get("stage") == stage


# ---- the county of the city's own name is a place, not the brand's start -----------------------------------


def test_a_firm_is_named_without_the_county_of_its_citys_name() -> None:
    name = "长沙县星沙恒运物流有限公司"
    aliases = company_aliases(name, company_key(name), "长沙")
    assert {"星沙恒运", "星沙恒运物流"} <= set(aliases)
    # a public body of the county keeps it: the county's bureau is not the city's
    body = "长沙县农业农村局"
    assert "农业农村局" not in company_aliases(body, company_key(body), "长沙")
