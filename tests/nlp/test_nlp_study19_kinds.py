"""Kinds of failure seen on the study19 corpora (campus furniture, marine equipment), each tested
with made-up sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read as _read

# ---- stage news said without a stage word ----


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        # a competitor named before 中标: the deal is lost, not won
        ("东方制药的云ERP 用友中标了 我们没戏了", "输单"),
        ("华美服饰那边报价单已经交上去了 等他们内部审批", "报价"),
        ("瑞丰包装的需求都确认好了 数控机床 4台", "需求确认"),
        ("绿城花园 光伏组件需求这块没问题了", "需求确认"),
        ("金鼎酒店 三个方案都给他们看过了 等他们定", "方案演示"),
        ("宏達物业的数控机床 价格谈到最后一轮了", "谈判"),
        ("新锐地产的楼盘三栋全部交房了", "交付"),
    ],
)
def test_stage_news_without_a_stage_word(extractor: Extractor, text: str, stage: str) -> None:
    intent, slots = _read(extractor, text)
    assert (intent, slots.get("stage")) == ("update_stage", stage)


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("东方制药的云ERP 我们中标了", "签约"),  # ours
        ("绿城花园的光伏组件 他们说下个月前要装完", None),  # to be installed
        ("金鼎酒店的方案还没给他们看过", None),
        ("华美服饰的报价单明天交上去", None),  # a plan
        ("瑞丰包装说需求还有问题 下周再对", None),
    ],
)
def test_no_stage_where_none_is_told(extractor: Extractor, text: str, stage: str | None) -> None:
    assert _read(extractor, text)[1].get("stage") == stage


def test_terms_nearly_settled_are_the_negotiation(extractor: Extractor) -> None:
    _, slots = _read(extractor, "老板又催了 东方制药云ERP合同条款基本谈完 就剩付款方式 明天上午我去当面谈")
    assert slots.get("stage") == "谈判"
    _, slots = _read(extractor, "东方制药的云ERP 条款还没开始谈")
    assert slots.get("stage") is None


# ---- help, new-lead and contact cues ----


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("怎么补录上个月的电话记录", "help"),
        ("能不能把我的线索导出成表格", "help"),
        ("能不能把云ERP的报价发我一下", "other"),  # asks a colleague, not the bot's export
        ("淡季来了个新的 杭州恒远物流有限公司 要换云ERP 电话 13912345678", "new_lead"),
        ("杭州恒远物流 朋友推过来的 说要三台数控机床 联系人 小周 13912345678", "new_lead"),
    ],
)
def test_help_and_new_lead_cues(extractor: Extractor, text: str, intent: str) -> None:
    assert _read(extractor, text)[0] == intent


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("恒远物流的周经理 电话打了三次才接 说云ERP下个月再说", "call"),
        ("电话回了恒远物流 周经理说数控机床要两台", "call"),
        ("跟恒远物流的周总开了个会 在他们公司 云ERP要换", "visit"),
        ("恒远物流的报价单已经交上去了", None),  # handed up: no visit
    ],
)
def test_how_the_contact_went(extractor: Extractor, text: str, kind: str | None) -> None:
    assert _read(extractor, text)[1].get("kind") == kind


# ---- titles: an office's head said after the name, the reader greeted ----


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("录个线索 恒远物流有限公司 对接人叫郑海峰 是仓储科科长 电话 13912345678", "郑海峰", "科长"),
        ("新锐街道办 要换云ERP 对接人叫韩立新 是财政股副股长", "韩立新", "副股长"),
        ("对接人叫郑海峰 是仓储科的 电话 13912345678", "郑海峰", None),  # no head said
    ],
)
def test_an_office_head_said_after_the_name(
    extractor: Extractor, text: str, name: str, title: str | None
) -> None:
    _, slots = _read(extractor, text)
    assert (slots.get("contact_name"), slots.get("contact_title")) == (name, title)


def test_a_greeted_reader_is_no_contact_title(extractor: Extractor) -> None:
    _, slots = _read(extractor, "经理好，我是苏州一家物流公司的仓储主管，姓谢，想买云ERP，电话13912345678")
    assert slots.get("contact_title") == "仓储主管"
    _, slots = _read(extractor, "经理好")
    assert slots.get("contact_title") is None
