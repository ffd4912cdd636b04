"""Held-out single messages forty-three studied (medical gas systems, craft beer wholesale): venues of eating,
drinking and play named by their kind (KTV, 精酿吧, 小馆, 农家乐, 网吧, 火锅店), after a place pointed at with
那边的, after a city and its district, named with 叫 after "一家…"; a venue's kind read as a function before
a title ("KTV 总经理"). Tested with made-up sentences of other trades, with negatives."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("刚去佛山禅城的星际网吧见了何老板 想换一批电竞椅", "星际网吧"),
        ("下午在成都的蜀香火锅店给罗店长看了排烟方案", "蜀香火锅店"),
        ("新客户 杭州西湖边的湖畔小馆 老板娘姓吴 13800138000 要换收银系统", "湖畔小馆"),
        ("银河KTV最近谁在跟", "银河KTV"),
        ("拜访了青城山脚下的竹林农家乐 老板姓杨 想装净水设备", "竹林农家乐"),
        ("绿茵餐吧 已经签约了 先上两台咖啡机", "绿茵餐吧"),
    ],
)
def test_a_venue_named_by_its_kind_is_the_company(extractor: Extractor, text: str, company: str) -> None:
    assert read(extractor, text)[1].get("company") == company


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # a place pointed at with 那边的 is where the venue stands, not the customer
        ("早上打电话给南宁中心城那边的欢乐KTV 覃总说音响要换", "欢乐KTV"),
        ("在苏州开发区那边的悦来茶楼见了沈经理 聊了一个小时", "悦来茶楼"),
        # a city and its district before a venue say where it is
        ("你好 我是成都武侯区金沙网吧的 想问下电竞椅的价格", "金沙网吧"),
    ],
)
def test_a_place_before_a_venue_is_not_the_company(extractor: Extractor, text: str, company: str) -> None:
    assert read(extractor, text)[1].get("company") == company


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # a registered firm or a school keeps its city and district
        ("新线索：成都武侯区华信电子有限公司，对接人王经理", "成都武侯区华信电子有限公司"),
        ("成都武侯区实验小学的李校长说下周定", "成都武侯区实验小学"),
    ],
)
def test_a_firm_or_school_keeps_its_district(extractor: Extractor, text: str, company: str) -> None:
    assert read(extractor, text)[1].get("company") == company


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("新lead 都江堰的一家茶楼 叫老地方 老板姓周 13800138000 要换空调", "老地方"),
        ("上午在昆山的一家茶楼叫望江楼跟钱老板聊了下 想换一批茶具", "望江楼"),
    ],
)
def test_a_venue_described_then_named_with_jiao_is_the_company(
    extractor: Extractor, text: str, company: str
) -> None:
    assert read(extractor, text)[1].get("company") == company


@pytest.mark.parametrize(
    "text",
    [
        "有一家店叫我们明天过去看看",
        "今天团建KTV 主管唱歌好难听哈哈",
        "周五聚餐火锅店 谁来",
    ],
)
def test_no_venue_is_named(extractor: Extractor, text: str) -> None:
    assert "company" not in read(extractor, text)[1]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("给个线索 无锡的金色年华KTV 总经理钱志刚 13800138000 要换点歌系统", "总经理"),
        ("新线索 石狮一家KTV 叫麦霸KTV 老板姓施 13800138000", "老板"),
        # (a function in Latin letters stays one: "IT 主管")
        ("新线索 宏达物流 联系人IT 主管王强 13800138000", "IT 主管"),
    ],
)
def test_a_venue_s_kind_is_no_function_before_a_title(extractor: Extractor, text: str, title: str) -> None:
    assert read(extractor, text)[1].get("contact_title") == title


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("晚上去了Iron Temple 跟Mike聊了会员系统", "Iron Temple"),
        ("下午在Green Leaf见了周总 聊了新菜单", "Green Leaf"),
    ],
)
def test_an_english_name_gone_to_before_whom_the_rep_met_is_the_company(
    extractor: Extractor, text: str, company: str
) -> None:
    assert read(extractor, text)[1].get("company") == company


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("宏达物流 方案发了 等王经理回复", "王", "经理"),
        ("青松茶业 合同寄过去了 催李总盖章", "李", "总"),
    ],
)
def test_whom_the_rep_waits_for_or_chases_is_named(
    extractor: Extractor, text: str, name: str, title: str
) -> None:
    slots = read(extractor, text)[1]
    assert (slots.get("contact_name"), slots.get("contact_title")) == (name, title)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("上午在金鼎健身房给Lucy演示了前台系统 她是会籍经理 挺满意的", "会籍经理"),
        ("下午给蓝湾火锅店的Tony看了排烟方案 他是店长 说要问老板", "店长"),
    ],
)
def test_a_title_said_of_the_person_with_ta_shi_is_theirs(
    extractor: Extractor, text: str, title: str
) -> None:
    assert read(extractor, text)[1].get("contact_title") == title


def test_a_drink_handed_to_someone_to_taste_said_done_is_a_demo(extractor: Extractor) -> None:
    assert read(extractor, "下午在老街茶楼给何老板试喝了两款新茶 反馈不错")[1].get("kind") == "demo"


def test_a_tasting_still_to_come_is_no_demo(extractor: Extractor) -> None:
    assert read(extractor, "明天去老街茶楼给何老板试喝两款新茶")[1].get("kind") != "demo"


@pytest.mark.parametrize(
    "text",
    [
        "周六团建去千岛湖 谁报名",
        "周五部门聚餐 大家记得来",
    ],
)
def test_our_team_s_outing_is_no_plan(extractor: Extractor, text: str) -> None:
    assert "next_followup" not in read(extractor, text)[1]


def test_a_month_then_a_word_opening_with_yi_is_that_month(extractor: Extractor) -> None:
    # (a day of that month after it is still a day: "上个月十号")
    assert read(extractor, "咱们组上个月一共成交了几单？")[1].get("period") == {
        "start": "2026-02-01",
        "end": "2026-02-28",
    }


def test_a_deal_lost_after_the_name_holds_no_person(extractor: Extractor) -> None:
    slots = read(extractor, "宏达物流的单子丢了，老板嫌我们贵。")[1]
    assert "contact_name" not in slots
    assert slots.get("contact_title") == "老板"


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("新线索：瓦房店市实验中学准备翻新操场，联系人总务处王主任", "瓦房店市实验中学"),
        ("新线索：瓦房店市中心小学计划更换课桌椅，联系人王主任", "瓦房店市中心小学"),
    ],
)
def test_what_the_customer_will_do_after_an_entered_name_is_not_part_of_it(
    extractor: Extractor, text: str, company: str
) -> None:
    assert read(extractor, text)[1].get("company") == company


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("给青松茶业王总打了电话，他说公司的18万批下来了，下周签", [180000, 180000]),
        ("宏达物流说30万已经批了 下周定", [300000, 300000]),
    ],
)
def test_the_customer_s_money_said_approved_after_the_amount_is_the_budget(
    extractor: Extractor, text: str, budget: list[int]
) -> None:
    assert read(extractor, text)[1].get("budget") == budget


@pytest.mark.parametrize("text", ["区里补贴资金35万批下来了", "贷款200万批下来了", "先发3万批货"])
def test_a_subsidy_a_loan_or_a_batch_is_no_budget(extractor: Extractor, text: str) -> None:
    assert "budget" not in read(extractor, text)[1]
