"""Kinds of conversation seen on the held-out conversations thirtysix (telecom enterprise sales), replayed
through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import assert_right, last, plan, row, says

RENHE = row("苏州仁和医院", "苏州", "周建华", "设备科主任", "13900000361", "台式彩超", "谈判")
GUANGMING = row("无锡光明口腔医院", "无锡", "柏晓东", "院长", "13900000363", "腹腔镜", "谈判")
CIJI = row("无锡慈济医院", "无锡", "陆文", "院长", "13900000362", "腹腔镜", "需求确认")


async def test_the_new_value_set_then_改一下_alone_corrects_the_time(runner: Runner) -> None:
    # (光明, a word of the language, with 开机 after it reads as no customer: without the correction it
    # was a look-up of the lead)
    turns = says(
        "仁和周主任来电话 彩超最后用了别家的 这单丢了。下午去了趟光明口腔 柏院长说腹腔镜定了 下周三去装",
        "光明开机定在下周三上午十点 改一下",
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "stage": "输单"},
        {"company": "无锡光明口腔医院", "followups_added": 1, "next_followup": plan("next_week:3", "10:00")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, GUANGMING], turns, expect)


async def test_a_sealed_contract_handed_over_and_a_monthly_fee_sign_the_deal(runner: Runner) -> None:
    turns = says("今天去了趟仁和 周主任把盖完章的协议交给我了 彩超维保一个月总共六千五 下周一去培训")
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "stage": "签约",
         "last_followup": last("visit", "周"), "budget": [6500, 6500]},
    ]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


async def test_the_price_list_gone_through_with_a_range_from_thousands_is_a_quote(runner: Runner) -> None:
    turns = says("上午去了趟慈济，跟陆院长把价目表讲了一遍，腹腔镜耗材的预算是每季度六千到一万。")
    expect = [
        {"company": "无锡慈济医院", "followups_added": 1, "stage": "报价",
         "last_followup": last("visit", "陆"), "budget": [6000, 10000]},
    ]  # fmt: skip
    await assert_right(runner, [CIJI], turns, expect)


async def test_a_correction_by_title_then_the_surname_alone_names_another_person(runner: Runner) -> None:
    turns = says(
        "仁和 见了周主任 彩超的场地都量好了 后天上午再去",
        "不对 今天见的不是周主任 是他们总务科长 姓卞 13900000369",
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "卞"),
         "next_followup": plan("today+2")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


async def test_two_customers_each_with_a_network_admin_by_surname_are_one_report_each(runner: Runner) -> None:
    turns = says(
        "仁和 邹网管微信上说彩超下周四装 下周四下午2点去。慈济今天上门 柏网管带着看了机房 腹腔镜想换新的"
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("online", "邹"),
         "next_followup": plan("next_week:4", "14:00")},
        {"company": "无锡慈济医院", "followups_added": 1, "last_followup": last("visit", "柏")},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_second_report_named_by_the_other_customer_s_contact_alone_is_its_own(runner: Runner) -> None:
    # The second customer named only by its known person, in a sentence of its own after the first's;
    # the day of their own meeting to decide is no plan of ours.
    turns = says(
        "上午去了趟仁和，跟周主任聊了一个多小时，彩超先试用一台；"
        "下午微信上把腹腔镜的方案发给了陆院长，他说科室一共六个，下周五他们内部开会定。"
    )
    expect = [
        {"company": "苏州仁和医院", "followups_added": 1, "last_followup": last("visit", "周")},
        {"company": "无锡慈济医院", "followups_added": 1, "last_followup": last("online", "陆"),
         "next_followup": None},
    ]  # fmt: skip
    await assert_right(runner, [RENHE, CIJI], turns, expect)


SHILI = row("无锡市立康复医院", "无锡", "符海燕", "设备科长", "13900000364", "台式彩超", "需求确认")


async def test_a_generic_kind_said_alone_names_the_one_customer_holding_it(runner: Runner) -> None:
    turns = says("市立那边我下周一下午3点再过去看看场地")
    expect = [
        {"company": SHILI["公司"], "followups_added": 0, "next_followup": plan("next_week:1", "15:00")},
        {"company": "市立", "absent": True},
    ]  # fmt: skip
    await assert_right(runner, [SHILI, RENHE], turns, expect)
