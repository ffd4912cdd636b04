"""Kinds of conversation seen on the held-out conversations twentyfive (hotel supplies), replayed through
the real bot with made-up sentences of a medical equipment distributor (tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import CIJI, RENHE, assert_right, last, plan, row, says

# ---- a brand after a bay, island or beach of the city, said alone ---------------------------------------

RUIXIN = row("厦门五缘湾瑞心医院有限公司", "厦门", "周立群", "院长", "13900000051", "台式彩超", "报价")


async def test_a_brand_after_a_bay_links_the_lead_with_its_loss(runner: Runner) -> None:
    turns = says("瑞心周院长刚微信回我了 彩超他们最后还是选了迈瑞 价格差太多 这单没戏了")
    expect = [{"company": "厦门五缘湾瑞心医院有限公司", "followups_added": 1, "stage": "输单",
               "last_followup": last("online", "周")}]  # fmt: skip
    await assert_right(runner, [RUIXIN], turns, expect)


# ---- a new customer sent by a known one, named with its contact -----------------------------------------


async def test_a_new_customer_referred_by_a_known_one_is_created_and_the_referrer_untouched(
    runner: Runner,
) -> None:
    turns = says(
        "今天跑了个新客户 苏州阳澄湖假日康复医院有限公司 仁和周主任介绍的 见了他们院长陆明远 电话13900000077 "
        "想上彩超 下周二上午十点我再去"
    )
    expect = [
        {"company": "苏州阳澄湖假日康复医院有限公司", "followups_added": 1, "owner": "lina",
         "last_followup": last("visit", "陆"), "next_followup": plan("next_week:2", "10:00"),
         "products_include": ["台式彩超"], "contacts_include": ["陆明远"]},
        {"company": "苏州仁和医院", "followups_added": 0, "stage": "需求确认"},
    ]  # fmt: skip
    await assert_right(runner, [RENHE], turns, expect)


# ---- a manager asking about a rep's customer, or for all of them ----------------------------------------


async def test_a_manager_asks_about_a_rep_s_customer_by_their_name_and_its_short_name(runner: Runner) -> None:
    turns = [{"as": "zhangwei", "text": "林娜的仁和最近有人跟吗", "reply_has": ["苏州仁和医院"]}]
    expect = [{"company": "苏州仁和医院", "followups_added": 0, "owner": "lina"}]
    await assert_right(runner, [RENHE], turns, expect)


async def test_a_manager_asks_which_customers_a_rep_has(runner: Runner) -> None:
    turns = [
        {"as": "zhangwei", "text": "林娜那边的慈济谈到哪一步了", "reply_has": ["无锡慈济医院"]},
        {
            "as": "zhangwei",
            "text": "林娜手上现在一共有哪些客户",
            "reply_has": ["苏州仁和医院", "无锡慈济医院"],
        },
    ]
    expect = [
        {"company": "苏州仁和医院", "followups_added": 0, "owner": "lina"},
        {"company": "无锡慈济医院", "followups_added": 0, "stage": "初筛"},
    ]
    await assert_right(runner, [RENHE, CIJI], turns, expect)


async def test_a_rep_lists_their_own_customers_but_not_a_team_mate_s(runner: Runner) -> None:
    turns = [
        {"as": "lina", "text": "我名下有哪些客户", "reply_has": ["苏州仁和医院"]},
        {"as": "wangqiang", "text": "林娜手上有哪些客户", "reply_has": ["无权查看"]},
    ]
    expect = [{"company": "苏州仁和医院", "followups_added": 0}]
    await assert_right(runner, [RENHE], turns, expect)
