"""Kinds of conversation seen on the held-out conversations fortyseven (greenhouse construction,
unpunctuated voice-to-text), replayed through the real bot with made-up sentences of a medical
equipment distributor (tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, row, says

# Two customers of one city with the same short name (康泰), in two of its districts.
SY = row(
    "绍兴市上虞区康泰医疗器械有限公司", "绍兴", "孟庆华", "采购经理", "13900004701", "腹腔镜", "需求确认"
)
KQ = row("绍兴市柯桥区康泰护理服务有限公司", "绍兴", "邬丽萍", "院长", "13900004702", "腹腔镜", "需求确认")


async def test_which_customer_answered_by_its_district_and_its_trade_with_a_legal_form(
    runner: Runner,
) -> None:
    # "上虞那个 器械公司": the district, then the trade said with 公司 (the name says 医疗器械有限公司); the
    # kept report (a WeChat, a plan three days on) is completed, not replaced by the answer's words.
    turns = says(
        ("康泰那边今天微信上回我了 说腹腔镜的参数表他们看过了 大后天上午我过去一趟", ["是哪个客户"]),
        "上虞那个 器械公司",
    )
    expect = [
        {"company": SY["公司"], "followups_added": 1, "last_followup": last("online"),
         "next_followup": plan("today+3")},
        {"company": KQ["公司"], "followups_added": 0},
    ]  # fmt: skip
    await assert_right(runner, [SY, KQ], turns, expect)


KANGNING = row(
    "苏州市姑苏区平江街道康宁口腔门诊部", "苏州", "蒋明远", "院长", "13900004703", "便携彩超", "需求确认"
)
ANTAI = "苏州市姑苏区平江街道安泰口腔门诊部"


async def test_voice_input_on_a_known_customer_then_a_new_one_of_the_same_subdistrict(runner: Runner) -> None:
    # No mark but pauses: the report on the known customer, then "下午顺路去了趟隔壁<full name> <person>电话…"
    # is a new customer (隔壁 is where, not its name; one subdistrict and one trade are no likeness)
    turns = says(
        "上午在康宁门诊部给蒋院长现场演示了便携彩超 几个医生看了都挺满意 让我回去出个正式报价"
        " 预算大概二十万上下"
        f" 下午顺路去了趟隔壁{ANTAI} 柏院长电话13962147703 想看看台式彩超 明天下午三点再去安泰跟她细聊"
    )
    expect = [
        {"company": KANGNING["公司"], "followups_added": 1, "last_followup": last("demo", "蒋"),
         "next_followup": None, "budget": [200000, 200000]},
        {"company": ANTAI, "followups_added": 1, "owner": "lina", "last_followup": last("visit", "柏"),
         "next_followup": plan("today+1", "15:00"), "products_include": ["台式彩超"]},
    ]  # fmt: skip
    await assert_right(runner, [KANGNING], turns, expect)


async def test_voice_input_on_a_new_customer_sent_by_a_known_one_logs_nothing_on_the_referrer(
    runner: Runner,
) -> None:
    turns = says(
        f"来个新客户 {ANTAI} 负责人柏院长 电话13962147703 是康宁的蒋院长给介绍过来的 想看看台式彩超"
        " 今天下午在他们诊室跟柏院长当面聊了半个钟头 后天上午我再过去"
    )
    expect = [
        {"company": KANGNING["公司"], "followups_added": 0},
        {"company": ANTAI, "followups_added": 1, "owner": "lina", "last_followup": last("visit", "柏"),
         "next_followup": plan("today+2")},
    ]  # fmt: skip
    await assert_right(runner, [KANGNING], turns, expect)


async def test_voice_input_on_two_customers_with_each_ones_plan_said_at_the_end(runner: Runner) -> None:
    # no mark but pauses: each customer's report in turn, then a clause of the rep's own step for each,
    # the second by its contact ("陆院长那边…")
    turns = says(
        "今天先跑的仁和 周主任带我看了放射科那间老机房 说两台彩超都想换新的 中午跟慈济陆院长通了个电话"
        " 腹腔镜报价她那边基本认可 后天上午九点我再去趟仁和 陆院长那边大后天我把合同寄过去"
    )
    expect = [
        {"company": RENHE["公司"], "followups_added": 1, "last_followup": last("visit", "周"),
         "next_followup": plan("today+2", "09:00")},
        {"company": CIJI["公司"], "followups_added": 1, "last_followup": last("call", "陆"),
         "next_followup": plan("today+3")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)
