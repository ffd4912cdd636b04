"""People: surname + title, full names next to titles, compound and English titles."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlp import Extractor

SENT = datetime(2026, 3, 10, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("拜访了设备科王主任", "王", "主任"),
        ("李总那边上次聊到哪了", "李", "总"),
        ("慈溪美达电器有限公司，采购部林主管要彩盒", "林", "主管"),
        ("见了设备科钱伟科长", "钱伟", "科长"),
        ("超声科孙晓燕主任挺满意", "孙晓燕", "主任"),
        ("上午拜访了采购经理刘芳，聊了供货", "刘芳", "采购经理"),
        ("总经理方振华亲自接待", "方振华", "总经理"),
        ("采购经理马丽沟通了", "马丽", "采购经理"),
        ("他们的人力资源总监张伟说要换系统", "张伟", "人力资源总监"),
        ("给IT负责人杨帆演示了系统", "杨帆", "IT负责人"),
        ("扬州金辉幕墙工程有限公司的韦总工", "韦", "总工"),
        ("见了CEO陈志伟", "陈志伟", "CEO"),
        ("跟CTO Kevin聊了下", "Kevin", "CTO"),
        ("微信跟VP Kevin聊了下", "Kevin", "VP"),
        ("工程部经理欧阳明说平台不好用", "欧阳明", "工程部经理"),
        ("欧阳经理那个客户", "欧阳", "经理"),
        ("常州恒康大药房，老板姓费，想进货", "费", "老板"),
        ("联系人林女士 15906801234", "林", None),
        ("我是陈先生", "陈", None),
    ],
)
def test_person(extractor: Extractor, text: str, name: str, title: str | None) -> None:
    ex = extractor.extract(text, SENT)
    assert (ex.contact_name, ex.contact_title) == (name, title)


def test_title_without_name(extractor: Extractor) -> None:
    ex = extractor.extract("宏图陶瓷那单黄了 老板娘说最后还是选了别家", SENT)
    assert (ex.contact_name, ex.contact_title) == (None, "老板娘")


@pytest.mark.parametrize("text", ["老板你好，想进点货", "热熔施工演示效果不错", "总预算300万", "员工600人"])
def test_no_person(extractor: Extractor, text: str) -> None:
    ex = extractor.extract(text, SENT)
    assert ex.contact_name is None
    assert ex.contact_title is None
