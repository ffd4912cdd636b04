"""Kinds of failure seen on the study26 corpora (workwear, cleaning equipment): customers named with no
organisation word, each tested with made-up sentences of other trades, with negatives showing the rule
does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read as _read

# ---- a brand's store, HQ, campus, project or site after it is part of the name ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("刚从鹿角巷苏州观前街店出来 店长说咖啡机老出故障", "鹿角巷苏州观前街店"),
        ("去了趟橙果乐西安钟楼店 店长不在", "橙果乐西安钟楼店"),
        ("昨天去了趟鑫禾堂武汉总部，行政部的孙经理对打印机感兴趣", "鑫禾堂武汉总部"),
        ("跟Fabrio长沙总部的采购微信聊了下 要换投影仪", "Fabrio长沙总部"),
        ("有个新客户 Petvia太古汇店 想配两台咖啡机 联系人Emma", "Petvia太古汇店"),
        ("今天在融创城二期工地跟项目经理碰了下 要配电箱", "融创城二期工地"),
        ("刚跟华茂中原校区后勤处的周处长见了一面 要换电梯", "华茂中原校区"),
        ("您好 我们是鲁兴超市威海环翠店 想了解下冷柜", "鲁兴超市威海环翠店"),
        ("周六在鼎驰合肥F3工厂门口碰到了采购部的陈总", "鼎驰合肥F3工厂"),
    ],
)
def test_a_brand_and_its_site_name_the_customer(extractor: Extractor, text: str, company: str) -> None:
    assert _read(extractor, text)[1].get("company") == company


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("请问你们的冰柜能租吗 要做奶茶店 在南昌 电话13979106652", None),  # a kind of shop
        ("你好 我在贵阳开了家小蛋糕店 想问下冰柜怎么卖", None),
        ("双十一爆仓了 急需找个云仓代发货", None),  # a word, not a warehouse of a brand
        ("他们那个污水处理项目下周开标", None),  # a project of theirs, named by what it is
        ("酒泉风光新能源的组件项目进入需求确认阶段", "酒泉风光新能源"),
        ("新线索 瓦房店的渤海湾船舶修造厂 要两台辅机", "渤海湾船舶修造厂"),  # a county, not a store
        ("下周一上午10点去他们国贸店看看", None),
        ("成都喵了个咪猫咖 开第三家店了", None),  # which store of theirs
        ("9号仓科技 王工 电话 交换机下周到货", None),  # no 9号仓: the name goes on past 仓
    ],
)
def test_sites_that_name_no_customer(extractor: Extractor, text: str, company: str | None) -> None:
    assert _read(extractor, text)[1].get("company") == company
