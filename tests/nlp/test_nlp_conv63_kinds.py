"""Kinds of failure seen on the held-out conversations sixtythree (wire and cable, Chaoshan-flavoured
run-on messages, voice slips), each tested with made-up sentences of other trades, with negatives showing
the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from nlp.company_key import company_key
from nlp.dialect import mandarin
from nlp.linking import BookLead, LeadBook, company_aliases
from nlp.numbers import find_budget
from tests.nlp.reading import read as _read

# ---- Chaoshan words: 伊 is 他, 食 before tea is 喝, 后日 is 后天 ----


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("伊讲那批纸箱下礼拜要", "他讲那批纸箱下礼拜要"),
        ("伊们厂长嫌贵", "他们厂长嫌贵"),
        ("同孙厂长食了一泡茶", "同孙厂长喝了一泡茶"),
        ("后日我再打电话给伊", "后天我再打电话给他"),
        ("老板讲月底会定落来", "老板讲月底会定下来"),
        ("胶己人做生理", "自己人做生意"),
    ],
)
def test_chaoshan_words_are_read_as_mandarin(said: str, meant: str) -> None:
    assert mandarin(said) == meant


@pytest.mark.parametrize(
    "text",
    # names and words that hold 伊 or 食 stay as they are
    [
        "伊利牛奶的经销商",
        "去伊春的分公司",
        "木乃伊展览",
        "宏达食品厂的食堂",
        "伊藤洋华堂的采购",
        "露伊那边还没回话",
        "艾伊公司的采购",
    ],
)
def test_names_and_words_with_those_characters_stay(text: str) -> None:
    assert mandarin(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "今早去宏达印刷同孙厂长食了一泡茶，伊讲纸箱要换供应商",
        "永丰五金林总约去食茶，聊了两个钟",
    ],
)
def test_tea_drunk_with_them_is_a_visit(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("kind") == "visit"


def test_the_day_after_tomorrow_in_chaoshan_is_a_plan(extractor: Extractor) -> None:
    slots = _read(extractor, "宏达印刷孙厂长那边今早去坐了一下，后日下午三点我再过去")[1]
    assert slots.get("next_followup") == {"date": "2026-03-12", "time": "15:00"}


# ---- the trade's voice slips: 电览 for 电缆, 报加 for 报价 ----


def test_voice_slips_are_undone() -> None:
    assert mandarin("那批电览的报加发了") == "那批电缆的报价发了"


@pytest.mark.parametrize(
    "text",
    [
        "头先打电话给孙志强，伊讲光伏组件的报加伊老板看过了，嫌贵",
        "打电话给林海峰，他讲数控机床的报加老板还在看",
    ],
)
def test_a_quote_misheard_is_no_customer(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("company") is None


# ---- what the customer 讲 (says) is their timeline, and a contact ----


@pytest.mark.parametrize(
    "text",
    [
        "宏达印刷孙厂长那边报价发过去了，单价按每个3块5算，他讲下周一答复",
        "打电话给永丰五金林总，他讲月底前会定下来，我就等他消息",
    ],
)
def test_a_day_the_customer_says_is_no_plan(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("next_followup") is None


def test_the_reps_own_day_after_their_words_stays_a_plan(extractor: Extractor) -> None:
    slots = _read(extractor, "打电话给永丰五金林总，他讲月底前会定下来，我周四再问下")[1]
    assert (slots.get("next_followup") or {}).get("date") == "2026-03-12"


def test_stage_news_answered_with_讲_is_a_contact(extractor: Extractor) -> None:
    intent, slots = _read(extractor, "宏达印刷孙厂长那边报价发过去了，他讲下周一答复")
    assert intent == "log_followup"
    assert slots.get("stage") == "报价"


# ---- a quote sent with the morning said between ----


@pytest.mark.parametrize(
    "text", ["宏达印刷的报价今早微信发过去了", "永丰五金的报价昨晚邮件发过去了，林总还没回"]
)
def test_a_quote_sent_this_morning_is_quoted(extractor: Extractor, text: str) -> None:
    assert _read(extractor, text)[1].get("stage") == "报价"


# ---- 封顶 before the figure is a ceiling ----


@pytest.mark.parametrize(
    ("text", "budget"),
    [("林总讲这期预算封顶80万", (None, 800000)), ("预算封顶是45万，不能再多", (None, 450000))],
)
def test_a_cap_said_before_the_figure(text: str, budget: tuple[int | None, int]) -> None:
    found = find_budget(text)
    assert found is not None and found[0] == budget


# ---- news heralded in a clause of its own, then the customer ----


@pytest.mark.parametrize(
    "text", ["报告好消息，金禾那单签了，纸箱按每个3块算", "报告好消息，恒远那单签了", "好消息，瑞丰那单签了"]
)
def test_the_herald_is_no_customer(extractor: Extractor, text: str) -> None:
    slots = _read(extractor, text)[1]
    assert slots.get("company") in ("金禾", "恒远", "瑞丰")
    assert slots.get("stage") == "签约"


# ---- a contract's price per unit is no budget ----


@pytest.mark.parametrize("text", ["合同价按钢价4万2一吨锁定", "合同价按每吨3万一吨走", "价格不超过2万8一吨"])
def test_a_contract_price_per_unit_is_no_budget(text: str) -> None:
    assert find_budget(text) is None


def test_a_contract_price_in_all_stays_a_budget() -> None:
    found = find_budget("合同价80万，下周签")
    assert found is not None and found[0] == (800000, 800000)


# ---- a real-estate developer said by its brand and 地产 ----


def test_a_developer_is_named_by_its_brand_and_地产() -> None:
    company = "成都市蓉城锦苑房地产开发有限公司"
    aliases = company_aliases(company, company_key(company), "成都")
    assert "蓉城锦苑" in aliases
    assert "房地" not in aliases  # no piece of the industry word is a name
    book = LeadBook([BookLead(1, company, company_key(company), "成都")])
    assert book.link("上午去锦苑地产见了刘工", company="锦苑地产").lead_id == 1
