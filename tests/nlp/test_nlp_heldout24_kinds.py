"""Kinds of failure seen on the heldout24 corpora (elevators; pet food and veterinary supplies), each tested
with made-up sentences of other trades and names, with negatives showing the rule does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor
from tests.nlp.reading import read

# ---- the bot's use asked the spoken way (咋用) or its shortcuts asked for ----


@pytest.mark.parametrize(
    "text",
    [
        "这个助手到底咋用",
        "机器人咋用啊 新来的不会",
        "有啥快捷命令没 想少打几个字",
        "求个快捷方式 一句话就能录客户的那种",
    ],
)
def test_spoken_how_to_use_and_shortcuts_are_help(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "help"


# ---- a shop's gross merchandise volume is what it sells, not what it spends on us ----


@pytest.mark.parametrize(
    "text",
    [
        "跟启航文具的Tony通了电话 他们京东店月GMV大概60w 想试试我们的云ERP",
        "今天拜访了绿野茶行的周总，他们天猫旗舰店去年GMV差不多3000万，对数控机床没兴趣",
    ],
)
def test_a_shops_gmv_is_no_budget(extractor: Extractor, text: str) -> None:
    assert "budget" not in read(extractor, text)[1]


def test_a_budget_beside_the_gmv_still_counts(extractor: Extractor) -> None:
    slots = read(extractor, "见了远航电商的钱总 月GMV五十万 这次云ERP预算8万")[1]
    assert slots.get("budget") == [80000, 80000]


# ---- a count named as a noun, joined to another figure or to the asking ("…数和…数出一下") ----


@pytest.mark.parametrize(
    "text",
    [
        "2月团队的新增线索数出一下",
        "上个月大家的新增客户数和回访次数出一下",
        "上周全组的拜访次数发我",
    ],
)
def test_a_count_asked_for_with_an_ending_is_stats(extractor: Extractor, text: str) -> None:
    assert read(extractor, text)[0] == "query_stats"


def test_a_count_in_a_report_stays_a_report(extractor: Extractor) -> None:
    assert read(extractor, "今天跟宏达的王总聊了，他们客户数和订单量都在涨")[0] == "log_followup"


# ---- a nickname's shop whose rest is all kind words leaves no brand to weigh, and must not crash ----


@pytest.mark.parametrize("text", ["我们是小鹿文具店 想买数控机床", "阿牛五金店想问问光伏组件"])
def test_a_nickname_shop_of_kind_words_reads_without_error(extractor: Extractor, text: str) -> None:
    intent, _ = read(extractor, text)
    assert intent in {"new_lead", "other", "log_followup"}
