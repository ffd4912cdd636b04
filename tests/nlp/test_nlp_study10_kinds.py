"""Kinds of failure seen on the study10 conversations, each tested with made-up sentences of other
trades (software, machine tools, cold chain, property, catering, logistics)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor, company_key
from nlp.followup import find_followup
from nlp.intent import find_kind, find_stage
from nlp.linking import BookLead, LeadBook

SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Tuesday


@pytest.mark.parametrize(
    "text",
    [
        "周五给他们的仓管员做培训",
        "下周去给他们的骑手做培训",
        "星辰那边今天上门聊了 下周给他们导数据做培训",
        "明天帮他们的新人做咨询",
    ],
)
def test_a_verb_of_doing_before_an_industry_word_is_no_customer(extractor: Extractor, text: str) -> None:
    ex = extractor.extract(text, SENT)
    assert ex.company is None or not ex.company.endswith(("培训", "咨询"))


def test_a_name_ending_in_an_industry_word_is_still_a_customer(extractor: Extractor) -> None:
    ex = extractor.extract("今天去了厦门远航培训 见了林校长", SENT)
    assert ex.company == "厦门远航培训"


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("上午去了瑞通物流 下周五上午我再过去 对 下周五上午九点半", "09:30"),
        ("晨星软件那边演示完了 周四下午我再约 就周四下午三点吧", "15:00"),
    ],
)
def test_a_plan_restated_with_its_hour_takes_the_hour(text: str, time: str) -> None:
    found = find_followup(text, SENT.date())
    assert found is not None and found.time == time


def test_another_day_said_later_does_not_replace_the_plan() -> None:
    found = find_followup("下周五上午我再过去 他说下周一上午十点他们开会", SENT.date())
    assert found is not None and found.day.isoformat() == "2026-03-20" and found.time is None


@pytest.mark.parametrize(
    "text",
    [
        "冷库那边安装都做完了 尾款今天也回来了",
        "四台机床都调好了 尾款上午进账了👍",
    ],
)
def test_the_final_payment_in_is_delivered(text: str) -> None:
    found = find_stage(text)
    assert found is not None and found[0] == "交付"


@pytest.mark.parametrize("text", ["尾款还没回来", "客户问尾款什么时候能打过来？"])
def test_a_final_payment_awaited_is_no_stage(text: str) -> None:
    assert find_stage(text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("18912345678 刚打过来 问冷柜能不能下周到货", "call"),
        ("蓝海冷链我刚顺路进去聊了下 老板想换两台冷柜", "visit"),
        ("我下午陪小周去了趟晨星软件 钱总说ERP先试用一个月", "visit"),
        ("物业那边上门谈了 他们想先试用两台扫地机", "visit"),
    ],
)
def test_how_the_contact_happened(text: str, kind: str) -> None:
    found = find_kind(text)
    assert found is not None and found[0] == kind


def test_money_sent_over_is_no_call() -> None:
    assert find_kind("尾款打过来了") is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("刚跟瑞通物流的采购经理 Jason 通了电话 中文名叫韩立峰 他们想换WMS", "韩立峰"),
        ("晨星软件的IT总监Amy见了面 中文名字是欧阳婷 下周再约", "欧阳婷"),
    ],
)
def test_an_english_named_contact_takes_the_chinese_name_said(
    extractor: Extractor, text: str, name: str
) -> None:
    ex = extractor.extract(text, SENT)
    assert ex.contact_name == name


def test_an_english_named_contact_alone_keeps_it(extractor: Extractor) -> None:
    ex = extractor.extract("刚跟瑞通物流的采购经理 Jason 通了电话 他们想换WMS", SENT)
    assert ex.contact_name == "Jason"


def _lead(lead_id: int, company: str, city: str) -> BookLead:
    return BookLead(lead_id, company, company_key(company), city)


def test_a_brand_after_an_area_the_gazetteer_does_not_know_is_its_short_name() -> None:
    # 金桥 and 虹桥 are areas inside a district: a rep names the brand after them.
    book = LeadBook(
        [_lead(1, "上海金桥星辰冷链物流有限公司", "上海"), _lead(2, "上海虹桥华远置业有限公司", "上海")]
    )
    assert book.link("星辰那边今天打电话来了").candidates == (1,)
    assert book.link("刚去了华远 见了采购", company="华远").candidates == (2,)


def test_a_four_character_brand_said_whole_still_links() -> None:
    book = LeadBook([_lead(1, "苏州瑞通宏达物流有限公司", "苏州")])
    assert book.link("瑞通宏达那边要报价").candidates == (1,)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("仓库那边的对接人是老王 王建国 手机13912345678", "王建国"),
        ("他们前台的对接人是小潘，潘玉 电话13812345678", "潘玉"),
        ("对接人是小李 李总说明天到", "李"),
    ],
)
def test_a_nickname_then_the_full_name_is_the_full_name(extractor: Extractor, text: str, name: str) -> None:
    assert extractor.extract(text, SENT).contact_name == name
