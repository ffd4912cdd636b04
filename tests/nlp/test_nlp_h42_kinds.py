"""Held-out single messages forty-two studied (lab furniture, livestream e-commerce services): a short company
name ending in an industry word the suffix table lacked (杯业 cups and flasks, 灯饰 lighting), after a county
city or alone; and the bot asked what it supports or can do, by 你 or by its name. Tested with made-up
sentences of other trades, with negatives."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("新客户 中山古镇的朗月灯饰 陈经理 13800138000 想做门店装修", "朗月灯饰"),
        ("拜访了浙江富康杯业的许总 下周二再去", "浙江富康杯业"),
        ("录个线索 慈溪市星河灯饰 负责人周燕 想做ERP", "慈溪市星河灯饰"),
        ("我们是做真空保温壶的 永嘉县安达杯业 想问下注塑机价格", "永嘉县安达杯业"),
        ("电话跟进了华辉灯饰的林经理，报价单已发", "华辉灯饰"),
    ],
)
def test_a_short_name_ending_in_cups_or_lighting_is_the_company(
    extractor: Extractor, text: str, company: str
) -> None:
    assert read(extractor, text)[1].get("company") == company


@pytest.mark.parametrize(
    "text",
    [
        "你都支持哪些查询？",
        "你支持什么统计",
        "这个机器人可以做什么？",
        "这个bot能干啥 🤔",
        "助手都能做哪些",
    ],
)
def test_what_the_bot_supports_or_can_do_asked_is_help(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "help"


@pytest.mark.parametrize(
    "text",
    [
        "客户问你们支持哪些付款方式",
        "他们支持什么规格的接口，明天再问",
    ],
)
def test_a_customer_s_support_asked_is_not_help(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] != "help"
