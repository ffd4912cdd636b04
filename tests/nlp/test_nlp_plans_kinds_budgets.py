"""Kinds of failure seen on the heldout5/6/7 corpora (next follow-up, kind, budget, stage), each tested
with made-up sentences of other trades (furniture, software, catering, boilers, solar, textiles)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor, Intent

SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Tuesday


def _followup(extractor: Extractor, text: str) -> dict[str, str | None] | None:
    return extractor.extract(text, SENT).to_slots().get("next_followup")


@pytest.mark.parametrize(
    ("text", "date", "time"),
    [
        # the rep's own plan after someone's words, in a run-on voice message
        ("刚跟华美家具王总通完电话他说要跟董事会汇报一下我周五再打电话问问", "2026-03-13", None),
        # a figure after a pause starts a new clause: the customer's words stop there
        ("电话 蓝海酒店的采购何经理 她说老板还在考虑 3月20号我再打", "2026-03-20", None),
        # "那天" names the day of their timeline as the rep's own
        ("王总说图纸大概周四能定我那天下午再问他", "2026-03-12", None),
        # what the rep owes by a deadline
        ("拜访了恒丰锅炉厂 李工嫌贵 下周一前我出新报价", "2026-03-16", None),
        ("电话联系了鑫源纺织张总 改版的事下周三之前给新版", "2026-03-18", None),
        # a day corrected
        ("拜访了远航物流 约了周四 哦不对 周五上午十点再过去讲方案", "2026-03-13", "10:00"),
        # a pause inside the plan
        ("嗯 跟 那个 绿源光伏 打了电话 然后周四 我 过去一趟", "2026-03-12", None),
        # English plans and clock times
        ("Called Mr. Li from 恒丰锅炉, will send the quotation on Friday", "2026-03-13", None),
        ("Met Tony from 远航物流 today. Will follow up next Monday 10am.", "2026-03-16", "10:00"),
        ("拜访了绿源光伏 Next meeting 周四 2pm", "2026-03-12", "14:00"),
        # the rep's own plan wins over a customer's delivery date said first
        ("蓝海酒店电话说要的急 月底交货 明早九点我去酒店签意向", "2026-03-11", "09:00"),
    ],
)
def test_the_rep_s_plan_is_found(extractor: Extractor, text: str, date: str, time: str | None) -> None:
    assert _followup(extractor, text) == {"date": date, "time": time}


@pytest.mark.parametrize(
    "text",
    [
        # someone else does the step on that day
        "打电话给恒丰锅炉的刘科长 说要重新招标 下周三他把标书发过来",
        # the customer's words, with no plan of the rep's after them
        "拜访了华美家具 王总说周五给答复",
        # a deadline with nothing the rep will do
        "电话联系了鑫源纺织 他们下周一前出结果",
        # an answer the customer owes by a deadline, after their words and a comma
        "刚给华美家具打了电话，王总说沙发要二十套，月底前给答复",
    ],
)
def test_others_steps_are_no_plan(extractor: Extractor, text: str) -> None:
    assert _followup(extractor, text) is None


def test_a_demo_of_how_to_use_a_thing_is_no_help_question(extractor: Extractor) -> None:
    ex = extractor.extract("给蓝海酒店的行政经理演示了点餐系统怎么用，她要先试一下，12号我再跟进", SENT)
    assert ex.intent is Intent.LOG_FOLLOWUP
    assert ex.to_slots().get("next_followup") == {"date": "2026-03-12", "time": None}
    assert extractor.extract("这个机器人怎么用", SENT).intent is Intent.HELP
    assert extractor.extract("记录跟进的用法？", SENT).intent is Intent.HELP


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Call with Tony from 远航物流, they need 20 pallets of racks", "call"),
        ("打了恒丰锅炉厂的座机 设备科李科长接的 要两台燃气锅炉", "call"),
        ("某地一个纺织厂 电话问了光伏组件的价格 对方王工说要先看方案", "call"),
        ("给蓝海酒店的何经理发了微信 点餐系统试用反馈不错 他说过了年再定", "online"),
        ("电话 华美家具 王总 沙发先来20套试用 后天送过去", "call"),
        ("visit了绿源光伏 张总 👍 组件样品都过了", "visit"),
        ("华美家具 王总 visit ✅ 报价下周给", "visit"),
        ("meeting with 远航物流 李总 today 货架方案OK了", "visit"),
        ("去华美家具送样 老板说先试一批", "visit"),
        ("上午在市交通局开了智慧停车项目的启动会，分管的副局长也在", "visit"),
        ("跟蓝海酒店刘经理又碰了一下，年会的场地要加急", "visit"),
        ("恒丰锅炉厂的设备科长带我们看了现场，锅炉房要扩", "visit"),
        ("在鑫源纺织的车间做了样品展示，厂长很满意", "demo"),
        ("鑫源纺织的厂长看了我们的样机 很满意", "demo"),
        ("现场做了涂层的附着力测试 厂长觉得可以", "demo"),
        ("今天去绿源光伏给张总现场跑了一遍清洗机器人，他挺满意", "demo"),
        ("我给蓝海酒店的厨师长讲了我们净水器的原理和检测数据", "demo"),
        ("今天在鑫源纺织装了台机器人试用一周", "demo"),
    ],
)
def test_how_the_contact_happened(extractor: Extractor, text: str, kind: str) -> None:
    ex = extractor.extract(text, SENT)
    assert ex.intent is Intent.LOG_FOLLOWUP
    assert ex.to_slots().get("kind") == kind


@pytest.mark.parametrize(
    "text",
    [
        "跟华美家具王总又碰了一下价格，还是嫌贵",  # 碰价格 is haggling, said on some channel
        "华美家具 王总 说下周想来visit我们工厂",  # a visit wished for
    ],
)
def test_no_visit_read_into_other_words(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).to_slots().get("kind") != "visit"


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("华美家具那单报价发了 开始谈价", "谈判"),
        ("跟远航物流李总把货架全年的量敲下来了，价格还在谈", "谈判"),
        ("绿源光伏 张总 visit ✅ 组件 quote已发 下周三call", "报价"),
        ("蓝海酒店的净水器报价已提交", "报价"),
        ("电话联系了恒丰锅炉，李科长要报价，我下午已经把报价单邮件过去了", "报价"),
        ("鑫源纺织的机器人合同已回签✅", "签约"),
        ("远航物流刚刚微信说合同盖章回传了 先签一年", "签约"),
        ("蓝海酒店的净水滤芯已经开始供货了", "交付"),
        ("华美家具第一批沙发已经交货了", "交付"),
        ("签了合同 验收后付尾款", "签约"),  # the first stage said stands; no move to a later one
    ],
)
def test_stage_words(extractor: Extractor, text: str, stage: str) -> None:
    assert extractor.extract(text, SENT).to_slots().get("stage") == stage


@pytest.mark.parametrize(
    "text",
    [
        "去了绿源光伏 他们已经跟别家谈得差不多了 我们基本没戏 先放着",
        "华美家具要求月底交货",  # a delivery asked for, not made
        "蓝海酒店问我们能不能供货",
    ],
)
def test_no_stage_read_into_other_words(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).to_slots().get("stage") is None


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("打电话给蓝海酒店的何经理 净水器要补货 大概6万块的货 下周三我过去对账", [60000, 60000]),
        ("老板 货架 批发价发一下 我在昆明开超市 一个月能走两三万的货", [20000, 30000]),
        ("恒丰锅炉厂 电话联系了设备处 燃气锅炉 一年大概一百二十万", [1200000, 1200000]),
        ("华美家具 王总 面谈 沙发+茶几 约20万 下周二再去", [200000, 200000]),
        ("上午在远航物流讲了方案，先订50组货架，大概6w，下礼拜一送合同过去", [60000, 60000]),
        ("线索：绿源光伏 需要清洗机器人 至少20万", [200000, None]),
        ("鑫源纺织想买两台机器人 钱不是问题 至少要40万的配置", [400000, None]),
        ("跟市交通局开了个视频会，他们走政府采购，限价38万，估计下个月挂网", [None, 380000]),
        ("王老板说可以分期首付三成总价控制在十二万以内然后想看看实物", [None, 120000]),
        ("见了华美家具王总 沙发开始谈价格了 她们想压到12万", [120000, 120000]),
    ],
)
def test_budgets_said_without_a_budget_word(
    extractor: Extractor, text: str, budget: list[int | None]
) -> None:
    assert extractor.extract(text, SENT).to_slots().get("budget") == budget


@pytest.mark.parametrize(
    "text",
    [
        "蓝海酒店想贷大概200万 问我们有没有渠道",  # a loan
        "华美家具的应收账款大约3000万",  # receivables
        "远航物流说别家单价便宜了约2万",  # a price difference
        "恒丰锅炉厂一年营收大概两千万",  # turnover
        "我们报价降到12万 他们还嫌贵",  # our own price cut
    ],
)
def test_amounts_that_are_not_budgets(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text, SENT).to_slots().get("budget") is None


def test_a_guessed_turnover_named_after_it_is_no_budget(extractor: Extractor) -> None:
    assert extractor.extract("远航物流一年大概800万左右的营收", SENT).to_slots().get("budget") is None
