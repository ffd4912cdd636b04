"""Kinds of failure seen on the heldout30 corpora (air compressors and bearings MRO for factories;
baijiu and tea corporate gifting in relationship-heavy wording), each tested with made-up sentences of
other trades and names (the shared software / manufacturing catalog), with negatives showing the rule
does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read

# ---- stage news without a stage word: bought elsewhere, down payment paid, procedure done, tug of war ----


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("恒远物流那批托盘 周经理说不用了 订了其他家的", "输单"),
        ("云帆印务的画册单子 今天交了定金", "签约"),
        ("瑞祥纸业的ERP单子 合同走完流程了", "签约"),
        ("绿源农资那边账期还在拉锯", "谈判"),
    ],
)
def test_stage_news_said_without_a_stage_word(extractor: Extractor, text: str, stage: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("stage")) == ("update_stage", stage)


@pytest.mark.parametrize(
    "text",
    [
        "云帆印务说下周打定金",  # still to come
        "等合同走完流程再发货",  # awaited
        "绿源农资问账期拉锯吗",  # asked
    ],
)
def test_stage_words_still_to_come_are_no_news(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("stage") is None


# ---- a bank's branch is the company, not the bank ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("今天去了杭州农商银行西湖支行 见了信贷科王科长", "杭州农商银行西湖支行"),
        ("招商银行城东支行那单签了", "招商银行城东支行"),
        ("下午去了建设银行滨江分行 聊了网点的排队机", "建设银行滨江分行"),
    ],
)
def test_a_bank_branch_is_the_company(extractor: Extractor, text: str, company: str) -> None:
    assert read(extractor, text)[1].get("company") == company


# ---- an industry word of a short name: moulding, rubber and plastics, shoe materials ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("今天去了余杭的宏利注塑 看了他们的仓库", "宏利注塑"),
        ("新线索 丰华橡塑 采购 蒋 13900001111 要一批纸箱", "丰华橡塑"),
        ("上门 晋江 德兴鞋材 老板说打印机又卡纸", "德兴鞋材"),
    ],
)
def test_industry_words_of_short_names(extractor: Extractor, text: str, company: str) -> None:
    assert read(extractor, text)[1].get("company") == company


# ---- 老X of a department said as theirs with 的, or giving the customer's answer after a pause ----


@pytest.mark.parametrize(
    "text",
    ["今天跟恒远物流的财务室老邓见了个面 聊了报销系统", "宏图印务的画册 老韩说老板同意了"],
)
def test_old_surname_of_theirs_is_the_contact(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("contact_name") in ("邓", "韩")


def test_a_colleague_opening_the_note_is_no_contact(extractor: Extractor) -> None:
    assert read(extractor, "老韩说明天他去宏图印务")[1].get("contact_name") is None


# ---- the whole company's figures are the team's ----


@pytest.mark.parametrize("text", ["今年到现在全公司卖了多少套ERP", "整个公司这季度签了几单"])
def test_the_whole_company_is_the_team_scope(extractor: Extractor, text: str) -> None:
    intent, slots = read(extractor, text)
    assert (intent, slots.get("scope")) == ("query_stats", "team")


# ---- a forwarded message answered after its closing mark, with no dash ----


def test_a_forward_answered_after_a_pause_is_a_report(extractor: Extractor) -> None:
    text = "【转发】丰泰超市刘店长：冷柜不制冷了，快派人！ 我刚回了电话 明早九点过去"
    intent, slots = read(extractor, text)
    assert (intent, slots.get("kind"), slots.get("company")) == ("log_followup", "call", "丰泰超市")


def test_a_forward_with_the_customers_own_i_stays_theirs(extractor: Extractor) -> None:
    assert read(extractor, "【转发】丰泰超市刘店长：冷柜不制冷了！ 我想再买两台")[0] != "log_followup"


# ---- a customer come across at a show is a new lead ----


def test_a_customer_met_at_a_show_is_a_new_lead(extractor: Extractor) -> None:
    text = "今天在建材博览会上遇到一位采购 杭州恒达装饰 王芳 13900001111 想要地板样品"
    intent, slots = read(extractor, text)
    assert (intent, slots.get("kind")) == ("new_lead", None)


# ---- kinds: a job done there once is a visit; a drink tasted, a machine run, a sample looked over is a
# demo; at his office is theirs ----


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("昨天带师傅去华联超市做了一次冷柜保养 店长说下月再约", "visit"),
        ("带了两款新茶饮去鼎新包装给行政部的李主任试饮 都说不错", "demo"),
        ("瑞祥纸业王经理来我们厂参观了 看了样机 试运行了半小时", "demo"),
        ("恒远物流的方案 今天在他办公室把报价的细节定了", "visit"),
    ],
)
def test_contact_kinds(extractor: Extractor, text: str, kind: str) -> None:
    assert read(extractor, text)[1].get("kind") == kind


@pytest.mark.parametrize(
    "text",
    [
        "鼎新包装想让他们先试饮一下",
        "瑞祥纸业想先试开一下再说",
        "去了鼎新包装 样品留给李主任了 她下午拿去给总经理试饮",  # left for them to taste later
    ],
)
def test_a_trial_wished_for_is_no_demo(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("kind") != "demo"


# ---- a head's or a unit's share of the budget is no budget ----


@pytest.mark.parametrize(
    "text", ["鼎新包装年会礼品 每人预算300 共80人", "瑞祥纸业团建 人均预算两百 四十个人"]
)
def test_a_per_head_budget_is_no_budget(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("budget") is None


def test_a_per_head_budget_with_a_total_gives_the_total(extractor: Extractor) -> None:
    assert read(extractor, "鼎新包装年会礼品 每个人的预算200 总预算两万")[1].get("budget") == [20000, 20000]


# ---- papers handed in, read before a material word, are no company ----


@pytest.mark.parametrize("text", ["跟鼎新包装说了 明天把投标材料发过去", "我说周五前把备案材料寄给瑞祥纸业"])
def test_papers_before_a_material_word_are_no_company(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("company") in (None, "鼎新包装", "瑞祥纸业")


def test_a_maker_of_materials_is_still_a_company(extractor: Extractor) -> None:
    assert read(extractor, "今天去了宏达新材料 见了采购王经理")[1].get("company") == "宏达新材料"
