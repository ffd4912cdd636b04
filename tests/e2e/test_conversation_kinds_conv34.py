"""Kinds of conversation seen on the held-out conversations thirtyfour (lab instruments), replayed
through the real bot with made-up sentences of a medical equipment distributor
(tests/e2e/conversations.py)."""

from __future__ import annotations

from tests.e2e.conversations import Runner
from tests.e2e.test_conversation_kinds import assert_right, last, row, says

# Public bodies a rep names by their common abbreviation after the city (无锡疾控, 苏州质检院).
WUXI_CDC = row("无锡市疾病预防控制中心", "无锡", "钱丽娟", "科长", "13900000341", "台式彩超", "需求确认")
SUZHOU_QI = row("苏州市产品质量监督检验研究院", "苏州", "蒋国栋", "主任", "13900000342", "腹腔镜", "初筛")
HUASHENG = row("常州华晟医疗器械有限公司", "常州", "柏云峰", "质检科主任", "13900000343", "腹腔镜", "报价")


async def test_a_public_body_by_its_abbreviation_and_a_unit_is_the_known_customer(runner: Runner) -> None:
    turns = says("无锡疾控消毒科刚来电话，彩超的配置她们认可了，后天上午十点我再打过去")
    expect = [{"company": "无锡市疾病预防控制中心", "followups_added": 1, "last_followup": last("call")}]
    await assert_right(runner, [WUXI_CDC, SUZHOU_QI], turns, expect)


async def test_a_testing_institute_by_its_abbreviation_is_the_known_customer(runner: Runner) -> None:
    turns = says("苏州质检院理化所的蒋主任下午来电话，腹腔镜的参数还要再核一遍，周五上午我去一趟")
    expect = [{"company": "苏州市产品质量监督检验研究院", "followups_added": 1},
              {"company": "无锡市疾病预防控制中心", "followups_added": 0}]  # fmt: skip
    await assert_right(runner, [WUXI_CDC, SUZHOU_QI], turns, expect)


async def test_a_department_after_a_known_customers_short_name_is_that_customer(runner: Runner) -> None:
    turns = says("下午去华晟质检科过了一遍腹腔镜的验收标准，下周二上午我把报价改好再过去")
    expect = [{"company": "常州华晟医疗器械有限公司", "followups_added": 1}]
    await assert_right(runner, [HUASHENG], turns, expect)


async def test_a_short_name_with_an_organisation_word_of_its_own_is_another_customer(runner: Runner) -> None:
    turns = says("今天去了华晟诊所，见了院长高敏，电话13900000349，想要一台台式彩超，下周三下午再去")
    expect = [{"company": "常州华晟医疗器械有限公司", "followups_added": 0}]
    await assert_right(runner, [HUASHENG], turns, expect)
