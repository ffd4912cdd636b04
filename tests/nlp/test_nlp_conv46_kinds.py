"""Kinds of failure seen on the held-out conversations fortysix (Cantonese-flavoured reports), each tested
with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor
from nlp.company_key import company_key
from nlp.dialect import mandarin
from nlp.linking import company_aliases

SENT = datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        ("头先同陈生倾咗阵", "刚才跟陈生谈了阵"),  # 头先 = 刚才; 同 before a person = 跟
        ("寻晚同佢哋老板食饭", "昨晚跟他们老板食饭"),
        ("佢电话同我讲要再等等", "他电话跟我讲要再等等"),
        ("听日十点同车队长开会", "明天十点跟车队长开会"),
        ("唔该帮我改下时间，头先打错咗", "麻烦帮我改下时间，刚才打错了"),  # 唔该 before an ask: please
        ("间冷库嘅单俾人拎咗", "间冷库的单给人拿了"),  # 拎 = 拿
        ("今日见嘅系何师傅", "今天见的是何师傅"),  # 系 after 嘅 is the copula
    ],
)
def test_more_cantonese_words_are_read_as_mandarin(text: str, read_as: str) -> None:
    assert mandarin(text) == read_as


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("份合同佢哋签咗", "合同"),
        ("佢同事话唔同意", "同事"),
        ("佢哋唔同意个价", "不同意"),
        ("两间厂嘅做法唔相同", "相同"),
        ("唔该晒", "谢谢"),  # thanks, not please
    ],
)
def test_mandarin_words_with_tong_stay(text: str, kept: str) -> None:
    assert kept in mandarin(text)


@pytest.mark.parametrize(
    "text",
    [
        "财务软件嗰单俾金蝶拎咗，黄生电话同我讲佢哋平过我哋两成",
        "那个ERP的单子给用友抢了，郑经理打电话说的",
        "车间MES的标让金蝶截了，蒋主任刚告诉我",
    ],
)
def test_a_deal_taken_by_a_competitor_said_passive_is_lost(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).stage == "输单"


@pytest.mark.parametrize(
    "text", ["上午去东升机械给用友拿了样品看，雷工说下周定", "去了趟宏图纺织，让金蝶拿走一份资料对比"]
)
def test_a_thing_handed_to_a_competitor_is_no_loss(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).stage != "输单"


def test_a_call_told_with_tong_is_a_call(extractor: Extractor) -> None:
    ex = extractor.extract("鸿基五金嘅黄生电话同我讲，数控机床下个月先落两台", SENT)
    assert ex.kind == "call"


@pytest.mark.parametrize(
    "text",
    [
        "东湖酒店的配餐员昨晚正式上岗了，饶经理打电话说客人都满意",
        "驻厂的设备工程师已经到岗了，庞主任电话里说产线跑顺了",
        "嘉和幼儿园的营养师上咗岗，韦园长今朝打电话嚟话搞掂",
    ],
)
def test_the_service_people_at_work_is_delivered(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).stage == "交付"


@pytest.mark.parametrize(
    "text",
    ["东湖酒店的配餐员下周一上岗，饶经理电话里确认了人数", "打电话问了饶经理，配餐员什么时候能上岗？"],
)
def test_people_still_to_start_work_are_not_delivered(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).stage != "交付"


@pytest.mark.parametrize(
    "text",
    ["样机在他们车间试用咗两日，李工话精度够", "数控机床试用了三日，李工说精度够，等他们开会"],
)
def test_days_a_trial_lasted_are_no_date(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).next_followup is None


def test_a_day_of_the_month_is_still_a_date(extractor: Extractor) -> None:
    plan = extractor.extract("跟李工约了下个月3日再去车间看数控机床", SENT).next_followup
    assert plan is not None and plan.date == "2026-04-03"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("谢总今天出差了，副总经理邵敏接待的我，云ERP的报价他们在比", "邵敏"),
        ("华润药店的庄店长冇得闲，新嚟嘅副店长龙晓彤陪住我睇咗收银机", "龙晓彤"),
        ("冯厂长在开会，生产主管邝志坚带我看了车间", "邝志坚"),
    ],
)
def test_the_person_seen_instead_of_one_away_is_the_contact(
    extractor: Extractor, text: str, name: str
) -> None:
    assert extractor.extract(text, SENT).contact_name == name


def test_a_person_who_only_told_stays_the_contact(extractor: Extractor) -> None:
    ex = extractor.extract("谢总说下周回来再谈，副总经理邵敏也在", SENT)
    assert ex.contact_name == "谢"


@pytest.mark.parametrize(
    "text",
    [
        "上午连跑了三家门店，收银系统都想换，吴店长最积极",
        "今日下昼走咗两个工地，宏达建材钟工话光伏组件要再加",
    ],
)
def test_a_counted_round_of_places_is_a_visit(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).kind == "visit"


def test_steps_gone_through_are_no_visit(extractor: Extractor) -> None:
    assert extractor.extract("采购走了两个流程，还要等财务批", SENT).kind != "visit"


def test_a_company_after_tong_is_read_without_it(extractor: Extractor) -> None:
    ex = extractor.extract("另外头先同鸿基五金黄经理通咗电话，佢约我下周一过去睇下数控机床", SENT)
    assert ex.company == "鸿基五金" and ex.kind == "call"


@pytest.mark.parametrize(
    ("company", "city", "short"),
    [
        ("江门市新会区司前鸿德五金制品有限公司", "江门", "鸿德五金"),
        ("中山市南区环城利源食品有限公司", "中山", "利源食品"),
    ],
)
def test_the_brand_after_a_bare_town_after_its_district_names_the_company(
    company: str, city: str, short: str
) -> None:
    assert short in company_aliases(company, company_key(company), city)


@pytest.mark.parametrize(
    ("company", "city", "not_short"),
    [
        ("佛山市南海区翠湖花园物业管理有限公司", "佛山", "花园物业"),
        ("广州市天河区珠江新城餐饮管理有限公司", "广州", "新城"),
    ],
)
def test_an_estate_or_a_common_word_is_not_cut_as_a_town(company: str, city: str, not_short: str) -> None:
    assert not_short not in company_aliases(company, company_key(company), city)
