"""Kinds of failure seen on the study17 corpora (trade-show booths, industrial adhesives), each tested
with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read as _read

# ---- stage news said without a stage label, and a thing sent taken for a visit ----


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        # sent on its way: "发过去了" is no visit, so the news stands alone
        ("宏達物业那边报价单已经发过去了 等回复", "报价"),
        ("瑞丰包装的数控机床已经开始供货了 第一批前天到的", "交付"),
        # the crew on the site
        ("绿城花园的光伏组件施工队已经进场了", "交付"),
        ("金鼎酒店的装修今天开始进场施工了", "交付"),
        # the deal, at its end, given to a named competitor
        ("华美服饰的云ERP最后给了用友 白忙活了", "输单"),
        ("东方制药那单还是给了金蝶", "输单"),
    ],
)
def test_stage_news_without_a_label(extractor: Extractor, text: str, stage: str) -> None:
    intent, slots = _read(extractor, text)
    assert (intent, slots.get("stage"), slots.get("kind")) == ("update_stage", stage, None)


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("下周三施工队进场", None),  # a plan
        ("等他们进场了再说", None),
        ("他们之前选了用友 现在想换", None),  # the supplier they had
        ("电话里说机房那部分给了用友 软件还是我们的", None),  # only a part
        ("上午去了东方制药 聊了云ERP", None),
    ],
)
def test_no_stage_news_where_none_is_told(extractor: Extractor, text: str, stage: str | None) -> None:
    assert _read(extractor, text)[1].get("stage") == stage


def test_a_quote_attached_to_a_mail_is_the_quote(extractor: Extractor) -> None:
    _, slots = _read(extractor, "给锦华纺织的刘经理发了邮件 资料和报价单都附上了")
    assert (slots.get("stage"), slots.get("kind")) == ("报价", "online")
    _, slots = _read(extractor, "给锦华纺织的采购发了邮件报价 云ERP两套")
    assert slots.get("stage") == "报价"
    _, slots = _read(extractor, "给锦华纺织的刘经理发了邮件 附上了产品手册")
    assert slots.get("stage") is None


def test_gone_there_is_still_a_visit(extractor: Extractor) -> None:
    _, slots = _read(extractor, "昨天下午去了锦华纺织 跟刘经理聊了云ERP")
    assert slots.get("kind") == "visit"
    _, slots = _read(extractor, "样品寄过去了 锦华纺织的刘经理说收到了")
    assert slots.get("kind") != "visit"


# ---- budgets: a phone's digits, a counted thing before the amount, bounds said in other words ----


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("新客户 锦华纺织 刘经理 预算还没定 电话0755-8866 1234", None),  # a landline is no range
        ("锦华纺织要办四场培训 预算他说四场加起来不超过20万", [None, 200000]),
        ("锦华纺织的刘经理说云ERP最多给两万五", [None, 25000]),
        ("锦华纺织云ERP一年预算不少于80万", [800000, None]),
        ("锦华纺织说用友单价比我们低三块 预算还是十五万 周四再聊", [150000, 150000]),
        ("新线索 锦华纺织 想做一个带仓储模块的云ERP 80来万", [800000, 800000]),
        # negatives: a time granted, a unit price in one clause
        ("锦华纺织的刘经理说最多给三天时间", None),
        ("锦华纺织问数控机床一台3来万能不能做", None),
    ],
)
def test_budget_kinds(extractor: Extractor, text: str, budget: list[int | None] | None) -> None:
    assert _read(extractor, text)[1].get("budget") == budget


# ---- companies: a venue met at, a verb of company glued to the name, a brand before its person ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("刚才在杭州国际博览中心碰到宏远机械的黄工 聊了数控机床", "宏远机械"),
        ("谁知道深圳会展中心附近哪里好停车 明天陪华兴家具的人去看场地", "华兴家具"),
        ("今天跟光明物流的刘工聊了云ERP", "光明物流"),  # a common word, then its person
        # the venue as the customer, when no one else is named
        ("杭州会展中心要换一批云ERP 后勤处李主任说月底前定", "杭州会展中心"),
        # a common word before an industry word, with no person after it, stays no name
        ("今天跟光明物流聊了云ERP", None),
    ],
)
def test_company_kinds(extractor: Extractor, text: str, company: str | None) -> None:
    assert _read(extractor, text)[1].get("company") == company


# ---- intents: a lead entered for a colleague, a customer's stage asked ----


def test_a_lead_entered_for_a_colleague(extractor: Extractor) -> None:
    intent, slots = _read(extractor, "帮同事录一个 锦华纺织 对接人老刘 想上云ERP 大概三万五 电话 13912345678")
    assert (intent, slots.get("budget")) == ("new_lead", [35000, 35000])
    # a colleague's log is no lead: "帮同事记一下" after a visit told
    intent, _ = _read(extractor, "帮同事问一下 锦华纺织的刘经理昨天拜访了没")
    assert intent != "new_lead"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("南港北方重工现在什么阶段了", "query_lead"),
        ("锦华纺织到啥阶段了", "query_lead"),
        ("客户阶段有哪几种", "help"),  # the bot's own vocabulary, no customer's
    ],
)
def test_a_customers_stage_asked(extractor: Extractor, text: str, intent: str) -> None:
    assert _read(extractor, text)[0] == intent


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # a second trade word after the first is part of the short name
        ("今天去了宁波恒泰汽车内饰 见了采购王经理 聊了云ERP", "宁波恒泰汽车内饰"),
        ("给苏州宏达冷链设备的采购发了云ERP报价", "苏州宏达冷链设备"),
        ("新线索 嘉兴万顺汽车饰件 要数控机床", "嘉兴万顺汽车饰件"),
        ("我们的设备下周到 到了再调试", None),  # the trade word alone names no one
    ],
)
def test_two_trade_words_end_a_short_name(extractor: Extractor, text: str, company: str | None) -> None:
    assert _read(extractor, text)[1].get("company") == company
