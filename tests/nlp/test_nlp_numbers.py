"""Numbers and the budget slot: 万/亿/w/k, Chinese numerals, ranges and one-sided limits."""

from __future__ import annotations

import pytest

from nlp.numbers import cn_to_int, find_budget


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("八十", 80),
        ("二十五万", 250_000),
        ("一万五", 15_000),
        ("贰佰", 200),
        ("一百五", 150),
        ("十二", 12),
        ("两千", 2000),
        ("三亿", 300_000_000),
    ],
)
def test_chinese_numerals(text: str, value: int) -> None:
    assert cn_to_int(text) == value


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("预算大概150万", (1_500_000, 1_500_000)),
        ("预算1.2亿左右", (120_000_000, 120_000_000)),
        ("预算150w", (1_500_000, 1_500_000)),
        ("预算500k左右", (500_000, 500_000)),
        ("预算二十五万元", (250_000, 250_000)),
        ("预算八十万左右", (800_000, 800_000)),
        ("预算15万块左右", (150_000, 150_000)),
        ("预算50到80万", (500_000, 800_000)),
        ("预算五十到八十万", (500_000, 800_000)),
        ("预算300-350万", (3_000_000, 3_500_000)),
        ("预算8千到1万", (8_000, 10_000)),
        ("预算一百五到两百万", (1_500_000, 2_000_000)),
        ("预算100万以内", (None, 1_000_000)),
        ("预算不超过十二万", (None, 120_000)),
        ("预算不超过贰佰万元", (None, 2_000_000)),
        ("预算最多12万", (None, 120_000)),
        ("预算至少50万", (500_000, None)),
        ("预算一年3万块以内", (None, 30_000)),
    ],
)
def test_budget(text: str, budget: tuple[int | None, int | None]) -> None:
    found = find_budget(text)
    assert found is not None
    assert found[0] == budget


@pytest.mark.parametrize("text", ["她想贷200万周转", "应收账款大概3000万", "月用量10万只", "预算还没定", ""])
def test_not_a_budget(text: str) -> None:
    assert find_budget(text) is None


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        # Approximate ranges of two neighbouring digits.
        ("预算三四十万", (300_000, 400_000)),
        ("预算七八十万左右", (700_000, 800_000)),
        ("预算大概两三百万", (2_000_000, 3_000_000)),
        ("预算五六百万", (5_000_000, 6_000_000)),
        ("预算七八百万，下周再谈", (7_000_000, 8_000_000)),
        # 个亿, with ranges and decimals.
        ("预算3到5个亿", (300_000_000, 500_000_000)),
        ("预算两个亿左右", (200_000_000, 200_000_000)),
        ("预算1.5个亿", (150_000_000, 150_000_000)),
        # Open ranges.
        ("预算不到200万", (None, 2_000_000)),
        ("预算800万起", (8_000_000, None)),
        ("今年预算卡在1千万以内", (None, 10_000_000)),
        # The amount written before the cue.
        ("至少500万预算", (5_000_000, None)),
        ("三四十万的预算，周四上午再去", (300_000, 400_000)),
        ("120万的预算", (1_200_000, 1_200_000)),
        # "来/多/余" between the number and 万: about that much.
        ("预算大概三百来万", (3_000_000, 3_000_000)),
        ("预算二十多万", (200_000, 200_000)),
        # A contract amount is what the customer spends.
        ("合同金额2380万", (23_800_000, 23_800_000)),
        ("今年经费有80万左右", (800_000, 800_000)),
        ("项目金额大概三四百万", (3_000_000, 4_000_000)),
    ],
)
def test_budget_forms(text: str, budget: tuple[int | None, int | None]) -> None:
    found = find_budget(text)
    assert found is not None
    assert found[0] == budget


@pytest.mark.parametrize(
    "text",
    [
        "预算的事明年一季度再说",
        "预算周四再定",
        "预算要看第三期",
        "预算跟100MW的规模有关",
        "三四个人",
    ],
)
def test_not_money_near_budget(text: str) -> None:
    assert find_budget(text) is None


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("预算一共230万，分两期", (2_300_000, 2_300_000)),  # 一 of 一共 is no amount
        ("总共预算卡在45万", (450_000, 450_000)),  # where it stands, not a ceiling
        ("老板说最多给到35万", (None, 350_000)),  # what the customer goes up to
        ("他们顶多出到12万", (None, 120_000)),
    ],
)
def test_budget_words_seen_on_unseen_text(text: str, budget: tuple[int | None, int | None]) -> None:
    found = find_budget(text)
    assert found is not None and found[0] == budget


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        # A range of money in a report estimates what the deal is worth, budget word or not.
        ("烘干机要换几套 估计50到60万 月底前定", (500_000, 600_000)),
        ("这批货七八十万的样子", (700_000, 800_000)),
        # A purchase's total right before the amount.
        ("两个车间的灯一共大概六万", (60_000, 60_000)),
        ("今年采购额约三百万", (3_000_000, 3_000_000)),
        # A year's worth of a service or supply right before the amount.
        ("园区绿化养护一年大概四十万", (400_000, 400_000)),
        ("食堂配送每年差不多一百二十万", (1_200_000, 1_200_000)),
    ],
)
def test_a_budget_said_without_a_budget_word(text: str, budget: tuple[int | None, int | None]) -> None:
    found = find_budget(text)
    assert found is not None and found[0] == budget


@pytest.mark.parametrize(
    "text",
    [
        "单价2到3万一台",  # a unit price
        "他们想贷80到100万",  # a loan
        "年营收两三千万",  # what the customer earns
        "要10到20万只口罩",  # a quantity
        "他们大概300万的流水",  # a single bare amount says nothing of what is spent
        "他们一年营收大概八百万",  # a year's figure that is not spent on us
        "一年付给老供应商大概30万",
        "下周3到5号去",
    ],
)
def test_amounts_without_a_budget_word_that_are_not_one(text: str) -> None:
    assert find_budget(text) is None


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("预算不超过30个w 下周去看", (None, 300_000)),  # 个w as reps type 万
        ("budget ≤ 45万, pls quote", (None, 450_000)),
        ("预算别超过6万 电话联系", (None, 60_000)),
        ("年底集中采购，额度不超过二十万", (None, 200_000)),
        ("预算大概五六万他让我开学后再联系", (50_000, 60_000)),  # two neighbouring digits and 万
        ("预算大概二百四十万一年 下周三去拿标书", (2_400_000, 2_400_000)),  # 一年 counts the year
    ],
)
def test_budget_kinds_seen_on_unseen_text(text: str, budget: tuple[int | None, int | None]) -> None:
    found = find_budget(text)
    assert found is not None and found[0] == budget


def test_a_weak_cue_takes_no_amount_from_the_next_clause() -> None:
    assert find_budget("邮件沟通了授信额度，应收账款大概2000万") is None


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("预算两百三四十万的样子", (2_300_000, 2_400_000)),  # a hundreds digit then two neighbouring tens
        ("他只肯出38万，说别家更便宜", (380_000, 380_000)),  # the customer's own offer
        ("那单签了！52万成交", (520_000, 520_000)),  # the contract's value
        ("预算90万封顶", (None, 900_000)),
        ("对方心理价位在两百六十万左右，我们报了三百万", (2_600_000, 2_600_000)),  # what they have in mind
        ("他们的心理预期是85万", (850_000, 850_000)),
    ],
)
def test_more_budget_forms(text: str, budget: tuple[int | None, int | None]) -> None:
    found = find_budget(text)
    assert found is not None and found[0] == budget


def test_a_budget_raised_is_what_it_is_now() -> None:
    found = find_budget("预算从35万提到48万 下周定")
    assert found is not None and found[0] == (480_000, 480_000)


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        # A ceiling said without a budget word is still what the customer will spend.
        ("跟物业公司聊了 一共不超过6万 下周签", (None, 60_000)),
        ("钱不多 五万以内 过完年再说", (None, 50_000)),
        ("门窗换新 总价控制在38万以内 老门是别家的", (None, 380_000)),
        ("他们给了个上限 90w 明天发方案", (None, 900_000)),
        ("资金是自筹 不超过300万 月底前我再去", (None, 3_000_000)),
        # English bounds and a million written as M.
        ("budget at least 80w for the pilot", (800_000, None)),
        ("budget around 2.5M RMB, call me", (2_500_000, 2_500_000)),
        ("budget under 30w", (None, 300_000)),
        # 二十五六万: a tens digit and two neighbouring units digits.
        ("预算的话大概在三十五六万的样子", (350_000, 360_000)),
        ("预算十七八万", (170_000, 180_000)),
        # The price the customer accepts, and the deal's worth once ordered or signed.
        ("他们能接受的价在42万左右", (420_000, 420_000)),
        ("花园小区的PO下来了 26万", (260_000, 260_000)),
        ("物业合同签了 150万🎉", (1_500_000, 1_500_000)),
        # After 万 and a pause the next word starts a clause, it counts nothing.
        ("预算200万 月底前定", (2_000_000, 2_000_000)),
    ],
)
def test_budget_without_the_word(text: str, budget: tuple[int | None, int | None]) -> None:
    found = find_budget(text)
    assert found is not None
    assert found[0] == budget


@pytest.mark.parametrize(
    "text", ["贷款最多能贷100万", "仓库面积不超过2万平", "交期不超过30天", "带宽100M够用"]
)
def test_ceiling_that_is_no_budget(text: str) -> None:
    assert find_budget(text) is None


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("他们预算是80到120个", (800_000, 1_200_000)),
        ("预算大概60个左右，下周定", (600_000, 600_000)),
        ("budget 300个以内", (None, 3_000_000)),
    ],
)
def test_个_right_after_a_budget_word_is_sales_slang_for_万(
    text: str, budget: tuple[int | None, int | None]
) -> None:
    found = find_budget(text)
    assert found is not None and found[0] == budget


@pytest.mark.parametrize("text", ["预算够买40个", "预算只够3个", "预算差了10个点", "预算5个"])
def test_个_that_counts_things_is_no_slang(text: str) -> None:
    found = find_budget(text)
    assert found is None or found[0][1] is None or found[0][1] < 100_000


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        # digits grouped by thousands are one number, with or without a currency sign
        ("预算¥250,000/年 下周再约", (250_000, 250_000)),
        ("预算 ￥1,350,000 含安装", (1_350_000, 1_350_000)),
        # a rough figure said without a budget word estimates the deal
        ("物业那边想把三个小区的门禁一起换 大概40来万 周五去看现场", (400_000, 400_000)),
        ("两条产线的除尘 差不多二十多万 下周报方案", (200_000, 200_000)),
    ],
)
def test_budget_grouped_and_rough(text: str, budget: tuple[int | None, int | None]) -> None:
    found = find_budget(text)
    assert found is not None and found[0] == budget


@pytest.mark.parametrize(
    "text",
    [
        "他们现在一年付老供应商 50来万 我们想撬过来",  # paid to another supplier
        "这家公司去年营收三千多万",  # a turnover
        "仓库里还有1,200台旧设备",  # a count
    ],
)
def test_rough_figure_not_spent(text: str) -> None:
    assert find_budget(text) is None


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("厂里说这次设备款最多批60万", (None, 600_000)),  # what the funds grant at most: a ceiling
        ("学校那边经费最高批到45万", (None, 450_000)),
        ("今年的改造经费批了80万", (800_000, 800_000)),  # granted, no ceiling
    ],
)
def test_funds_granted_at_most_are_a_ceiling(text: str, budget: tuple[int | None, int | None]) -> None:
    found = find_budget(text)
    assert found is not None and found[0] == budget


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        # The ceiling the customer puts on the whole deal's price is its budget's.
        ("周总说整套货架价格不能超过65万", (None, 650_000)),
        ("那批叉车价钱不会超过八十万 月底前定", (None, 800_000)),
        ("价格最多到40万 再高他们批不下来", (None, 400_000)),
    ],
)
def test_a_ceiling_on_the_price_is_the_budget_s(text: str, budget: tuple[int | None, int | None]) -> None:
    found = find_budget(text)
    assert found is not None and found[0] == budget


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("电商客户说发货时效要压到6小时以内，日志量30TB上下，预算不超过40万", (None, 400_000)),
        ("影像科出片要压到10分钟，存储大概60TB左右，预算80万以内", (None, 800_000)),
        ("内存要256GB左右，费用不超过15万", (None, 150_000)),
    ],
)
def test_a_size_or_a_line_is_no_money(text: str, budget: tuple[int | None, int | None]) -> None:
    # a storage size or a bandwidth ("30TB", "200Mbps") said with 上下/左右 is no budget
    found = find_budget(text)
    assert found is not None and found[0] == budget


@pytest.mark.parametrize(
    "text", ["单价不能超过3000", "价格不超过2万一吨", "钢材价格不能超过每吨4200", "他们说价格不是问题"]
)
def test_a_ceiling_on_a_unit_s_price_is_no_budget(text: str) -> None:
    assert find_budget(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "他们要压到5台以内，存储扩到20TB上下",
        "专线要求降到2条，带宽200Mbps上下",
        # a time pushed down, then another thing's money: no budget of theirs
        "交期要压到15天，老设备残值估了3万",
        "工期要压到20天，隔壁厂去年花了六十万",
    ],
)
def test_what_is_pushed_down_is_not_always_the_price(text: str) -> None:
    assert find_budget(text) is None


@pytest.mark.parametrize(
    ("text", "budget"), [("她们想压到12万", (120_000, 120_000)), ("价格希望降到 28万", (280_000, 280_000))]
)
def test_a_price_pushed_down_is_still_one(text: str, budget: tuple[int | None, int | None]) -> None:
    found = find_budget(text)
    assert found is not None and found[0] == budget
