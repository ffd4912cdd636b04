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


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the role's last character and the surname make a common word (人马), the role is still a role
        ("新客户：东莞宏泰五金，对接人马强主管，13800138000", "马强"),
        ("新客户：佛山华联陶瓷，负责人马丽，13800138000", "马丽"),
        ("新客户：台州天成模具，联系人马建国经理，13800138000", "马建国"),
    ],
)
def test_a_name_right_after_a_contact_role_is_the_contact(extractor: Extractor, text: str, name: str) -> None:
    assert read(extractor, text)[1].get("contact_name") == name


@pytest.mark.parametrize(
    "text",
    [
        "城南小学去过了，校长挺满意",
        "鑫达物流去过了 王经理说下个月定",
        # asked over that day by the customer, and gone
        "华东电力设计院的周工今天上午约我过去，图纸改了两处",
    ],
)
def test_a_place_gone_to_said_after_its_name_is_a_visit(extractor: Extractor, text: str) -> None:
    intent, slots = read(extractor, text)
    assert intent == "log_followup" and slots.get("kind") == "visit"


@pytest.mark.parametrize(
    "text",
    ["鑫达物流去过了吗", "鑫达物流还没去过了", "周工约我下周过去看图纸"],
)
def test_a_visit_asked_not_made_or_ahead_is_no_visit(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[1].get("kind") != "visit"


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # a period named by dynasties opens a brand ("明清", "唐宋"), where a time word would end it
        ("拜访了唐宋陶瓷的李总", "唐宋陶瓷"),
        ("新客户 景德镇明清瓷坊有限公司 黄经理 13800138000", "景德镇明清瓷坊有限公司"),
        # a verb and a one-character head after a city is the place gone to, not a name: "去常州看厂"
        ("电话联系了华美家具的何总，下周四去昆山看厂", "华美家具"),
    ],
)
def test_an_era_opens_a_brand_and_a_factory_seen_is_no_name(
    extractor: Extractor, text: str, company: str
) -> None:
    assert read(extractor, text)[1].get("company") == company


@pytest.mark.parametrize(
    "text",
    [
        "刚加了个客户微信 苏州恒通精密的赵经理 13912345678 想了解MES系统",
        "加了一个采购的微信，鑫源化工的，姓蒋，说下个月要询价",
    ],
)
def test_someone_unknown_added_on_wechat_is_a_new_lead(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "new_lead"


def test_a_known_contact_added_on_wechat_is_a_followup(extractor: Extractor) -> None:
    assert read(extractor, "加了宏达机械钱总的微信，聊了下报价")[0] == "log_followup"
