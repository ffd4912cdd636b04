"""Kinds of failure seen on unseen text (leads entered by name, a title's relative, on-site trials,
counts), each tested with made-up sentences of other trades, with negatives showing the rule does not
over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read as _read

# ---- a lead entered by its writer, then a place and a brand with no organisation word ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("线索：合肥蓝鲸文具 联系人 采购 周女士 13900001111 要一批笔记本", "合肥蓝鲸文具"),
        ("帮同事录一个 绍兴长丰纺机 对接人是设备科的老郑 要两台空压机", "绍兴长丰纺机"),
        ("录一下：淄博鲁盛瓷业 孔科长 13905330000 想看看窑炉", "淄博鲁盛瓷业"),
        ("您好 我们公司是南宁市绿邦果业 想订一批冷库 联系我 黄先生 13877100000", "南宁市绿邦果业"),
        ("我司是保定恒信车桥，需要两台数控机床", "保定恒信车桥"),
    ],
)
def test_a_lead_entered_names_its_place_and_brand(extractor: Extractor, text: str, company: str) -> None:
    _, slots = _read(extractor, text)
    assert slots.get("company") == company


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("我们公司是做外贸的 想问问数控机床的价格", None),  # what it does, not its name
        ("新线索：成都 有个客户要买光伏组件", None),  # a city alone
        ("录一下：王经理 13900001111 要数控机床", None),  # a person
        ("我司是南充一家电器批发企业，想了解光伏组件", None),  # described, not named
        # an organisation word inside: its office after it, or what it will do, is not the name
        ("新线索：襄樊汉江城投集团信息中心 刘主任 要云ERP", "襄樊汉江城投集团"),
        ("新线索：长春恒锐汽车内饰有限公司要建一条新线，联系人设备部赵工", "长春恒锐汽车内饰有限公司"),
    ],
)
def test_a_lead_entered_does_not_over_fire(extractor: Extractor, text: str, company: str | None) -> None:
    _, slots = _read(extractor, text)
    assert slots.get("company") == company


# ---- a title whose relative is spoken of is no contact ----


@pytest.mark.parametrize(
    "text",
    ["锦华纺织没戏了 他们老板的朋友也做这个", "恒通物流那单黄了 他们总经理的小舅子自己接了"],
)
def test_a_titles_relative_is_no_contact(extractor: Extractor, text: str) -> None:
    _, slots = _read(extractor, text)
    assert "contact_title" not in slots


def test_a_title_that_speaks_is_still_the_contact(extractor: Extractor) -> None:
    _, slots = _read(extractor, "锦华纺织的老板说下周定")
    assert slots.get("contact_title") == "老板"


# ---- a sample or trial made on site is a demo; one planned is not ----


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("今天在宁波恒达机械车间做了防锈油的现场试油 他们很满意", "demo"),
        ("上午在佛山华美陶瓷现场打样了 釉面效果不错", "demo"),
        ("下周去佛山华美陶瓷现场打样", None),
    ],
)
def test_a_trial_made_on_site_is_a_demo(extractor: Extractor, text: str, kind: str | None) -> None:
    _, slots = _read(extractor, text)
    assert slots.get("kind") == kind


# ---- a verb of setting up glued to an organisation word is what someone did, not a name ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("瑞昌制衣没戏了 他们厂长的表弟自己开了个厂", "瑞昌制衣"),
        ("他们经理自己办了个培训学校", None),
        ("上午去看了个厂 叫永泰五金厂", "永泰五金厂"),
    ],
)
def test_a_works_someone_set_up_is_no_name(extractor: Extractor, text: str, company: str | None) -> None:
    assert _read(extractor, text)[1].get("company") == company


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("报价单发过去了 三台 单价四十五万", None),  # a count, though 三台 is also a county
        ("三台县人民医院要两台彩超", "三台县人民医院"),
    ],
)
def test_a_count_is_no_customer(extractor: Extractor, text: str, company: str | None) -> None:
    assert _read(extractor, text)[1].get("company") == company
