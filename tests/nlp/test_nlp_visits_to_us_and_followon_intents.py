"""Kinds of failure seen across the studied corpora (intent, plans, budgets, contacts; companies left
to their own work), each tested with made-up sentences of other trades (software, machine tools,
solar), with negatives. The catalog is the conftest one: 云ERP, 数控机床, 光伏组件; 用友, 金蝶."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor

SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Tuesday


def _ex(extractor: Extractor, text: str) -> tuple[str, dict]:
    e = extractor.extract(text, SENT)
    return str(e.intent), e.to_slots()


# -- the customer coming to us, or the rep waiting for them, is the next contact


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("跟恒远机械的采购 周姐 电话聊了一下 说后天上午来我们公司谈数控机床", "2026-03-12"),
        ("给鼎新软件的钱经理打了电话 他想来展厅看看云ERP 我下周三上午在展厅等他", "2026-03-18"),
        ("拜访了华光电子的赵总 约好周五他过来看样机", "2026-03-13"),
    ],
)
def test_a_customer_coming_to_us_is_the_next_followup(extractor: Extractor, text: str, day: str) -> None:
    intent, slots = _ex(extractor, text)
    assert intent == "log_followup" and slots["next_followup"]["date"] == day


@pytest.mark.parametrize(
    "text",
    [
        "跟恒远机械的周经理通了电话 她说下周三她把图纸发过来",
        "拜访了鼎新软件的钱经理 他说月底前给答复 让我等他消息",
    ],
)
def test_the_customers_own_step_is_still_no_followup(extractor: Extractor, text: str) -> None:
    assert "next_followup" not in _ex(extractor, text)[1]


# -- a short follow-on about "them", with no customer named, adds to the last report


@pytest.mark.parametrize(
    "text",
    [
        "刚又跟他聊了下 他们还想要光伏组件 周五我送样过去",
        "对了 他们还想看看数控机床 下周四下午2点我带过去演示",
    ],
)
def test_a_follow_on_about_them_is_a_followup(extractor: Extractor, text: str) -> None:
    assert _ex(extractor, text)[0] == "log_followup"


@pytest.mark.parametrize("text", ["他们还想要云ERP吗？", "他们还想看看数控机床"])
def test_a_question_or_a_bare_wish_about_them_is_no_followup(extractor: Extractor, text: str) -> None:
    assert _ex(extractor, text)[0] == "other"


# -- stage news told by the customer's named person is a contact, with the stage


def test_stage_news_said_by_the_named_person_is_a_followup(extractor: Extractor) -> None:
    intent, slots = _ex(extractor, "华光电子的孙丽娟说数控机床30台都收到了 有两台要调试 明天我派人过去")
    assert intent == "log_followup" and slots.get("stage") == "交付"


@pytest.mark.parametrize(
    "text",
    ["华光电子那单黄了 孙经理说最后还是选了用友", "华光电子的数控机床30台都收到了"],
)
def test_a_loss_or_news_with_no_teller_stays_a_stage_update(extractor: Extractor, text: str) -> None:
    assert _ex(extractor, text)[0] == "update_stage"


# -- new-lead cues: a colleague passes a customer on, a card, a friend recommends; not a brand


@pytest.mark.parametrize(
    "text",
    [
        "转一个客户过来：常州恒丰精密 他们要上云ERP 联系人是财务部吴经理 电话 139 1234 5678",
        "展会名片 苏州华睿光电科技有限公司 生产总监 Leo Wang 想上光伏组件 下个月5号我去苏州拜访",
        "朋友推荐 烟台丰源机械 要数控机床3台 老板叫孙志强 手机138 5358 1172",
        "佛山一个五金厂 老板姓黎 13922001188 要数控机床",
    ],
)
def test_a_prospect_passed_on_is_a_new_lead(extractor: Extractor, text: str) -> None:
    assert _ex(extractor, text)[0] == "new_lead"


def test_a_competitor_someone_recommended_is_no_lead(extractor: Extractor) -> None:
    text = "恒远机械 现场看了车间 周经理说钱从集团出 20万到25万 有人推荐的用友 下周二我把方案带过去"
    assert _ex(extractor, text)[0] == "log_followup"


def test_a_named_contact_and_a_phone_with_a_visit_told_is_no_card(extractor: Extractor) -> None:
    assert _ex(extractor, "今天拜访了一家机械厂 孙经理 13922001188 数控机床下周再谈")[0] == "log_followup"


# -- a small monthly spend said roughly is a budget; a wage or a quantity per month is not


@pytest.mark.parametrize(
    ("text", "budget"),
    [("杭州一个小超市 老板姓沈 13800001111 要云ERP 大概三四千一个月", [3000, 4000])],
)
def test_a_rough_monthly_spend_is_a_budget(extractor: Extractor, text: str, budget: list[int]) -> None:
    assert _ex(extractor, text)[1].get("budget") == budget


@pytest.mark.parametrize("text", ["他们工人工资三四千一个月", "一个月能出三四千件", "大概三四千"])
def test_a_wage_a_quantity_or_a_bare_small_figure_is_no_budget(extractor: Extractor, text: str) -> None:
    assert "budget" not in _ex(extractor, text)[1]


# -- contacts: English names met or addressed, a name glued to a title or to the organisation


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "Call with Jason from Northwind Tools, they need 数控机床, will send a quote",
            "Jason",
            None,
        ),
        ("Hello, this is Dr. Maria Lopez from Sunpeak Solar (苏州). We need 光伏组件", "Maria Lopez", None),
        ("下午去恒远机械见了Kevin，云ERP的方案他挺认可", "Kevin", None),
        ("刚给Northwind的Klein博士打电话 机床要五台", "Klein", "博士"),
        ("恒远数据中心运维主管Tony沟通了 ERP要加模块", "Tony", "运维主管"),
        ("今晚跟Amy视频了一下 她是华光物业的品牌经理 下周去总部讲方案", "Amy", "品牌经理"),
        ("鼎新机关事务局伍立回电话了 预算批了", "伍立", None),
        ("他们胡经理说这周五给答复", "胡", "经理"),
    ],
)
def test_contacts_written_in_more_shapes(
    extractor: Extractor, text: str, name: str, title: str | None
) -> None:
    slots = _ex(extractor, text)[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == (name, title)


@pytest.mark.parametrize(
    "text",
    ["跟王丽聊了 她是我们的老客户", "Met with the team from Northwind Tools today"],
)
def test_no_title_or_name_made_from_a_remark(extractor: Extractor, text: str) -> None:
    assert "contact_title" not in _ex(extractor, text)[1]


# -- a city that starts the organisation's name counts even when the segmenter glued it to the word before


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("今天拜访无锡恒晶电子 采购小蒋说机床要招标", "无锡"),
        ("给上海鼎丰投资的行政总监讲了一遍云ERP方案", "上海"),
    ],
)
def test_a_city_starting_the_organisation_counts(extractor: Extractor, text: str, city: str) -> None:
    assert _ex(extractor, text)[1].get("city") == city


def test_a_county_starting_the_organisation_is_still_no_city(extractor: Extractor) -> None:
    assert "city" not in _ex(extractor, "今天拜访昆山恒晶电子 采购小蒋说机床要招标")[1]
