"""Kinds of failure seen on the conversations_ten set (commercial vehicles), each tested with made-up
sentences of other trades, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor, Intent
from tests.nlp.reading import SENT
from tests.nlp.reading import read as _read

# ---- a district whose name starts with a stop character ("从化区") stays in the name ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("新客户 广州市从化区翠林食品有限公司 见了老板", "广州市从化区翠林食品有限公司"),
        ("新客户 贵州从江县恒达茶叶有限公司 见了老板", "贵州从江县恒达茶叶有限公司"),
        ("刚从中铁十四局出来 见了项目经理", "中铁十四局"),  # 从 as "from" still ends the name
        ("刚从化工厂出来 见了厂长", "化工厂"),
    ],
)
def test_a_district_starting_with_a_stop_character(extractor: Extractor, text: str, company: str) -> None:
    assert _read(extractor, text)[1].get("company") == company


# ---- a two-character surname (欧阳, 司马) after a brand is the person's, not a tail of the brand ----


@pytest.mark.parametrize(
    ("text", "company", "name"),
    [
        ("鼎盛欧阳经理电话 要6台烤箱", "鼎盛", "欧阳"),
        ("华茂上官总监电话聊了 要两套系统", "华茂", "上官"),
        ("鼎盛阳经理电话 要6台烤箱", "鼎盛", "阳"),  # a one-character surname, as before
        ("欧阳家具王经理电话 要6套", "欧阳家具", "王"),  # a brand made of a surname stays
    ],
)
def test_a_two_character_surname_after_a_brand(
    extractor: Extractor, text: str, company: str, name: str
) -> None:
    slots = _read(extractor, text)[1]
    assert (slots.get("company"), slots.get("contact_name")) == (company, name)


# ---- a captain called by surname and 队 ("邢队" for 邢队长), also glued after a brand ----


@pytest.mark.parametrize(
    ("text", "company", "name"),
    [
        ("华盛物流的邢队今天来看了样品", "华盛物流", "邢"),
        ("华盛饶队今天来看了样品", "华盛", "饶"),
        ("华盛邢队说下个月要货", "华盛", "邢"),
        ("华盛物流的车队今天来看了样品", "华盛物流", None),  # 车队 is a word, not 车队长
        ("华盛物流的梯队 说要扩编", "华盛物流", None),
    ],
)
def test_a_captain_called_short(extractor: Extractor, text: str, company: str, name: str | None) -> None:
    slots = _read(extractor, text)[1]
    assert (slots.get("company"), slots.get("contact_name")) == (company, name)


# ---- an inquiry said by where it came from ("官网进来的询盘") is no contact of the rep's ----


@pytest.mark.parametrize(
    "text",
    [
        "还有个官网进来的询盘 宁波市鄞州区恒达五金有限公司 要两千套合页 联系人李经理 13812345678",
        "网上来的咨询 苏州市吴中区安格家具有限公司 想了解办公桌 联系人王小姐 13912345678 还没联系",
    ],
)
def test_an_inquiry_said_by_its_source_is_a_lead_not_contacted(extractor: Extractor, text: str) -> None:
    ex = extractor.extract(text, SENT)
    assert ex.intent == Intent.NEW_LEAD
    assert ex.reported_kind is None


def test_a_contact_beside_an_inquiry_from_the_web_is_the_kind(extractor: Extractor) -> None:
    text = "官网进来的询盘 宁波市鄞州区恒达五金有限公司 李经理 13812345678 下午电话聊过了"
    assert extractor.extract(text, SENT).kind == "call"


def test_a_chat_online_is_still_a_contact(extractor: Extractor) -> None:
    assert extractor.extract("宁波恒达五金李经理今天网上聊了 要两千套合页", SENT).kind == "online"


# ---- gone in a colleague's place ("我替他去的X") is a visit, and X after 去的 is the customer ----


@pytest.mark.parametrize(
    ("text", "company", "kind"),
    [
        ("帮小周记一下 我替他去的鼎丰 孙总嫌贵", "鼎丰", "visit"),
        ("我代老周去的华茂，采购说下月定", "华茂", "visit"),
        ("今天去的鼎丰 孙总嫌贵", "鼎丰", "visit"),
        ("替他去的话 得等下周", None, None),  # a condition, not done
        ("要去的地方 很远", None, None),
    ],
)
def test_gone_in_a_colleagues_place(
    extractor: Extractor, text: str, company: str | None, kind: str | None
) -> None:
    ex = extractor.extract(text, SENT)
    assert (ex.to_slots().get("company"), ex.kind or ex.reported_kind) == (company, kind)


# ---- the customer came to our place and tried the thing: a demo ----


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("鼎丰孙总今天带了两个师傅来店里试了新款烤箱 说火力够", "demo"),
        ("华茂王经理来我们展厅试了样机", "demo"),
        ("华茂王经理来我们展厅看了样机", "visit"),  # looked at, not tried: a visit to us, as before
        ("华茂王经理说回去试了再说", None),
    ],
)
def test_tried_at_our_place_is_a_demo(extractor: Extractor, text: str, kind: str | None) -> None:
    assert extractor.extract(text, SENT).kind == kind
