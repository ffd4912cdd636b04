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
