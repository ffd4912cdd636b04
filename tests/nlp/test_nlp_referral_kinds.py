"""Kinds of failure seen on the held-out conversations forty (beauty-clinic equipment): an installation
visit whose users' training is said done, and a new customer referred by someone, tested with made-up
sentences of a commercial kitchen equipment trade, with negatives showing the rules do not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor, Intent
from tests.nlp.reading import SENT, read


def stage_of(extractor: Extractor, text: str) -> str | None:
    """The stage read of a report on a customer of the book (the bot reads it so once it names one)."""
    return extractor.extract(text, SENT, "rep", Intent.LOG_FOLLOWUP).stage


# ---- installed and the users trained: delivered ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "今天去聚福楼装机，后厨几个师傅的操作培训也做完了",
        "上午在味源酒家安装蒸烤箱，使用培训已经完成了",
    ],
)
def test_an_installation_visit_with_the_training_done_is_delivered(extractor: Extractor, text: str) -> None:
    assert stage_of(extractor, text) == "交付"


@pytest.mark.parametrize(
    "text",
    [
        "今天去聚福楼装机，操作培训做完了吗",  # asked
        "聚福楼下周安装，培训做完了再说",  # still to come
        "聚福楼说安装之前要把培训完成",  # a condition, not done
    ],
)
def test_no_delivery_when_the_training_is_asked_or_to_come(extractor: Extractor, text: str) -> None:
    assert stage_of(extractor, text) is None


# ---- the one who referred a new customer is not its contact -----------------------------------------


@pytest.mark.parametrize("adverb", ["还帮忙", "又给我们", "顺便", ""])
def test_the_referrer_before_the_new_customer_is_not_its_contact(extractor: Extractor, adverb: str) -> None:
    text = (
        f"郭经理{adverb}介绍了个新客户：湖州市吴兴区味道坊餐饮管理有限公司，老板姓潘，电话13700001111，"
        "想看蒸烤箱"
    )
    slots = read(extractor, text)[1]
    assert slots.get("contact_name") == "潘" and slots.get("phone") == "13700001111", slots


def test_a_person_met_who_says_something_else_stays_the_contact(extractor: Extractor) -> None:
    # Only one who introduces or recommends is the referrer: the one met is still the contact.
    slots = read(extractor, "今天去聚福楼见了郭经理，他还帮忙把后厨的尺寸量好了")[1]
    assert slots.get("contact_name") == "郭", slots
