"""Kinds of failure seen on the study9 corpora, each tested with made-up sentences of other trades
(printing, solar, medical devices, furniture, software, cold chain)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor, Intent

SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Tuesday


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # the follow-ups of a day, named after the question word
        ("后天团队有哪些跟进", Intent.QUERY_TODAY),
        ("周四有什么回访", Intent.QUERY_TODAY),
        # leads untouched for days
        ("我名下超过7天没动的客户", Intent.QUERY_OVERDUE),
        ("有两周都没更新的线索吗", Intent.QUERY_OVERDUE),
        # two figures of a period asked together
        ("本季度团队的签单和回款", Intent.QUERY_STATS),
        # the bot's own vocabulary and how to undo or import
        ("商机状态有哪些", Intent.HELP),
        ("可以一键导入表格吗", Intent.HELP),
        ("记错了一条跟进怎么撤销", Intent.HELP),
        # short stage news with an emoji or said as done
        ("鑫源印务 画册印刷 签约✅", Intent.UPDATE_STAGE),
        ("博雅家具年度框架 签约完成🎉", Intent.UPDATE_STAGE),
        # one customer's progress asked in a few words
        ("蓝海冷链周总那边有更新吗", Intent.QUERY_LEAD),
        ("惠康医疗器械 孙主任那边最新进展", Intent.QUERY_LEAD),
        ("晨星软件钱总那边合同签了没", Intent.QUERY_LEAD),
        # a first contact at an event, and a lead form's source field
        ("刚在展会上加的 苏州 恒光新能源 王经理 要组件 电话 13912345678", Intent.NEW_LEAD),
        ("线索来源：官网 客户：杭州明远家具有限公司 联系人 赵经理 0571-8765 4321", Intent.NEW_LEAD),
    ],
)
def test_intent_kinds(extractor: Extractor, text: str, intent: Intent) -> None:
    assert extractor.extract(text, SENT).intent == intent


@pytest.mark.parametrize(
    ("text", "scope"),
    [("咱们组超时的客户列一下", "team"), ("本月各人的签单排名", "team"), ("每个人这周拜访了多少家", "team")],
)
def test_team_said_as_each_person(extractor: Extractor, text: str, scope: str) -> None:
    assert extractor.extract(text, SENT).scope == scope


def test_stage_moved_into_and_a_solution_presented() -> None:
    from nlp.intent import find_kind, find_stage

    found = find_stage("光伏电站项目 需求对完了 进入报价")
    assert found is not None and found[0] == "报价"
    not_yet = find_stage("价格再让两个点就能进入谈判")
    assert not_yet is None or not_yet[0] != "谈判"
    kind = find_kind("去医院把方案汇报完了 主任挺满意")
    assert kind is not None and kind[0] == "demo"


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        # a nickname after a title, and a word on the person after it
        ("去了恒光新能源 厂长老周人挺好 说下个月要组件", "周", "厂长"),
        ("去印刷厂见了车间的工长老马说机器要换", "马", "工长"),
        ("给恒达装饰打了电话 施工员小韩说下周进场", "韩", "施工员"),
        # a title's function word is not a name when the person follows it across a space
        ("对接的是关务主管 韩姐 下周来谈", "韩", "关务主管"),
        # 师傅 is an honorific, not a given name
        ("对接 维修队长 贺师傅 电话 0512-6666 7777", "贺", "维修队长"),
        # 阿 nicknames kept as written
        ("微信跟东城家具的阿强聊了 他说老板拍板再说", "阿强", None),
        ("见了他们采购 阿伟 聊了聊", "阿伟", "采购"),
        # nicknames after the contact's role and in a title's name slot
        ("线索 汪记冷链 对接人 老黎 139 1234 5678", "黎", None),
        ("新客户 明远家具 店长 小莫 电话 13700001111", "莫", "店长"),
        # a place before 那边 when the titled person or the English name follows
        ("见着了华晨科技那边采购的黄工 人家不打算换", "黄", "工"),
        ("给Nova那边的Peter打了电话 样品下周到", "Peter", None),
        # an English organisation's name is no person
        ("Hi 我是Bright Solar Co., Ltd.的Alan 想要报价", "Alan", None),
        # 对方 is no surname; a common word after a title is no name
        ("对方采购姓聂 说下周定", "聂", "采购"),
        ("拜访了设备主管老郑人很实在 他说要跟老板商量", "郑", "设备主管"),
        # the referrer is not the contact
        ("李总那边介绍的 明远家具有限公司 对接人 采购经理 Nina 邮箱 nina@x.cn", "Nina", "采购经理"),
        # 个 before a surname and title
        ("晨星软件那个窦经理 上次聊到哪了", "窦", "经理"),
        # 吃 ends a given name
        ("跟蓝海冷链的运营总监许飞吃了个饭", "许飞", "运营总监"),
    ],
)
def test_person_kinds(extractor: Extractor, text: str, name: str, title: str | None) -> None:
    ex = extractor.extract(text, SENT)
    assert (ex.contact_name, ex.contact_title) == (name, title)


@pytest.mark.parametrize("text", ["施工长度不够 要再加两米", "员工长期出差 下周回来"])
def test_a_title_inside_a_word_is_no_contact(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).contact_title is None


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        # 人民币 after the amount is its currency, not 万人 (ten thousand people)
        ("首期预算30万人民币左右，请报价", (300000, 300000)),
        # the signing's news, past its cheer, carries the deal's worth
        ("明远家具办公桌椅 签了！🎉 四十五万", (450000, 450000)),
        # an order placed is what the customer spends
        ("王总说先下个试单 三万块左右", (30000, 30000)),
        ("蓝海冷链要追加订单 十五万左右", (150000, 150000)),
        # a total summed up without a budget word
        ("三个冷库加机组 整体算下来大概八十万 对方基本认可", (800000, 800000)),
    ],
)
def test_budget_kinds(extractor: Extractor, text: str, budget: tuple[int, int]) -> None:
    assert extractor.extract(text, SENT).budget == budget


@pytest.mark.parametrize("text", ["合同签了 10号交货", "签了！三天后发货"])
def test_a_signing_with_no_amount_has_no_budget(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).budget is None
