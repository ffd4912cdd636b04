"""Kinds of failure seen on the heldout25 corpora (freight forwarding; LED displays and AV), each tested
with made-up sentences of other trades and names, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read

# ---- theatres, concert halls, archives and a government's office are organisations of their own ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("昨天去了洛阳牡丹大剧院，见了工程部的孙主任，他们想上一套云ERP，下周四再去", "洛阳牡丹大剧院"),
        ("绍兴越韵剧场 方案讲完了 等他们开会定", "绍兴越韵剧场"),
        ("下午去了哈尔滨老会堂音乐厅 找到董经理 聊了光伏组件", "哈尔滨老会堂音乐厅"),
        ("今天拜访了宝鸡市渭滨区档案馆的冯科长 想看看云ERP", "宝鸡市渭滨区档案馆"),
        ("上午到九江市濂溪区政府办 见了熊主任 聊了云ERP 下周三再去", "九江市濂溪区政府办"),
        # (a room of it is where the deal is, not part of its name)
        ("九江濂溪区政府办会议室那单定了", "九江濂溪区政府办"),
    ],
)
def test_venues_archives_and_government_offices_are_companies(
    extractor: Extractor, text: str, company: str
) -> None:
    assert read(extractor, text)[1].get("company") == company


def test_our_unit_in_an_official_letter_is_not_part_of_the_name(extractor: Extractor) -> None:
    text = "【转发】“我单位咸阳市秦都区图书馆拟采购数控机床一台，请联系办公室 贺主任 029-3321 5566”"
    assert read(extractor, text)[1].get("company") == "咸阳市秦都区图书馆"


# ---- the rep answering or telling the customer a day is the rep's own plan ----


@pytest.mark.parametrize(
    "text",
    [
        "刚跟苏总通了电话他们问能不能下个月交货我说明天给他发方案",
        "跟做灯具的何总聊完 他问有没有现货 我回他后天带样品过去",
        "上午拜访了金泰机械的曹经理 我跟他说明天把报价发他",
    ],
)
def test_the_reps_answer_names_the_next_contact(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("next_followup", {}).get("date") in {"2026-03-11", "2026-03-12"}


@pytest.mark.parametrize(
    "text",
    [
        "刚跟苏总通了电话 他问能不能明天送货",
        "跟曹经理通了电话 他说明天给答复",
        "曹经理打电话来 客户说后天再定",
    ],
)
def test_their_question_or_word_is_still_no_plan(extractor: Extractor, text: str) -> None:
    assert "next_followup" not in read(extractor, text)[1]


# ---- a count named as a noun, then ranked ("…数排一下") ----


@pytest.mark.parametrize(
    "text",
    [
        "上个月大家的拜访次数排个序",
        "这个季度每个人的签单量排一下",
    ],
)
def test_a_count_ranked_is_stats(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "query_stats"


# ---- the writer asking for time off is no report on a customer ----


@pytest.mark.parametrize(
    "text",
    [
        "老大，明早机床展的会我能请个假吗",
        "领导 明天我想请半天假 孩子开家长会",
    ],
)
def test_asking_for_leave_is_other(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "other"


def test_a_customer_on_leave_is_still_a_report(extractor: Extractor) -> None:
    assert read(extractor, "去了明达机械 王总请假了 下周再去")[0] == "log_followup"


# ---- the demo stage's own name said done, with only the wait after it, moves the stage ----


@pytest.mark.parametrize("text", ["宏达模具 方案演示做完了 等他们领导拍板", "明达机械的方案演示做完了。"])
def test_the_demo_stage_said_done_is_an_update(extractor: Extractor, text: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("stage")) == ("update_stage", "方案演示")


@pytest.mark.parametrize(
    "text", ["明达机械方案演示已经做完了，王总说下周给答复", "明达机械 方案演示做完了吗"]
)
def test_a_demo_told_with_more_or_asked_is_no_update(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] != "update_stage"


# ---- 老X as the one a call or a meal was had with, and 小X / 老X asked for at a message's end ----


@pytest.mark.parametrize(
    "text",
    [
        "刚刚跟洛阳那个做钢材贸易的老郑打了电话 他们想上云ERP",
        "昨晚和老郑吃了个饭 聊了聊数控机床",
        "你好 想了解下光伏组件 厂房屋顶大概两千平 电话13645678901 找小郑",
    ],
)
def test_a_nickname_called_or_asked_for_is_the_contact(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("contact_name") == "郑"


def test_a_nickname_fetching_something_is_still_no_contact(extractor: Extractor) -> None:
    assert "contact_name" not in read(extractor, "明天去厂里找小郑拿样品")[1]


# ---- a lake or a bay after its city, then 那边, is a place, not a person's full name ----


def test_a_place_after_its_city_is_no_person(extractor: Extractor) -> None:
    text = "新客户 苏州金鸡湖那边一家咖啡馆 店长 Lily 13912345678 想装光伏组件"
    slots = read(extractor, text)[1]
    assert slots.get("contact_name") == "Lily"
    # (and a title after "一家X" is its person's, not the organisation's name)
    assert slots.get("contact_title") == "店长"
    assert "company" not in slots


def test_a_full_name_after_a_city_is_still_a_person(extractor: Extractor) -> None:
    assert read(extractor, "跟长沙覃立新那边约了周五 聊云ERP")[1].get("contact_name") == "覃立新"


# ---- 不锈钢 is an industry word that ends a short name, as 五金 does ----


def test_a_stainless_steel_works_short_name_is_a_company(extractor: Extractor) -> None:
    slots = read(extractor, "电话跟进阳江金锋不锈钢 林生说下个月要上云ERP")[1]
    assert slots.get("company") == "阳江金锋不锈钢"


def test_stainless_steel_as_a_material_is_no_company(extractor: Extractor) -> None:
    assert "company" not in read(extractor, "他们用的是304不锈钢 数控机床要报价")[1]
