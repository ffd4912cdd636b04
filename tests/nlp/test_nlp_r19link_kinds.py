"""Kinds of failure seen linking mentions on the held-out conversations eightynine, ninetyone and ninetytwo
(study_r19link), each tested with made-up names of other trades and places, with negatives showing the rule
does not over-fire."""

from __future__ import annotations

import pytest

from nlp import Extractor, company_key
from nlp.linking import BookLead, LeadBook, company_aliases
from tests.nlp.reading import read


def _book(*names: tuple[str, str | None]) -> LeadBook:
    leads = [BookLead(i + 1, n, company_key(n), city, contacts=()) for i, (n, city) in enumerate(names)]
    return LeadBook(leads)


def _aliases(company: str, city: str | None = None) -> tuple[str, ...]:
    return company_aliases(company, company_key(company), city)


# ---- the brand after a banner or county said short (土右旗, 察右后旗, X自治县) is the short name ----


@pytest.mark.parametrize(
    ("company", "short"),
    [
        ("包头市土右旗敕勒川乳业有限公司", "敕勒川"),
        ("乌兰察布察右后旗白音察干养殖有限公司", "白音察干"),
        ("巴彦淖尔乌拉特后旗青山矿业有限公司", "青山矿业"),
        ("通辽科左中旗舍伯吐建材有限公司", "舍伯吐"),
        ("宜昌市长阳土家族自治县清江鲟鱼养殖有限公司", "清江鲟鱼养殖"),
    ],
)
def test_the_brand_after_a_banner_said_short_is_a_name(company: str, short: str) -> None:
    assert short in _aliases(company)


@pytest.mark.parametrize(
    ("company", "not_short"),
    [
        ("林州红旗渠水泥有限公司", "渠水泥"),  # 红旗 is the brand, no banner
        ("杭州五星红旗广告有限公司", "广告"),
        ("深圳市优品旗舰电子商务有限公司", "舰电子商务"),  # a flagship, no banner
    ],
)
def test_a_flag_in_a_brand_is_no_banner(company: str, not_short: str) -> None:
    assert not_short not in _aliases(company)


def test_a_mention_of_the_brand_after_a_banner_links_the_lead() -> None:
    book = _book(("包头市土右旗敕勒川乳业有限公司", "包头"), ("呼和浩特伊利包装材料有限公司", "呼和浩特"))
    assert book.link("今天去了敕勒川，奶罐的事谈了", company="敕勒川").candidates == (1,)


# ---- a public body by its abbreviation (城管局, 管委会) and a development zone said short (开发区) ----


@pytest.mark.parametrize(
    ("company", "city", "short"),
    [
        ("九江市浔阳区城市管理局", "九江", "浔阳城管局"),
        ("长沙市岳麓区城市管理和综合执法局", "长沙", "岳麓区城管局"),
        ("芜湖经济技术开发区管理委员会", "芜湖", "芜湖开发区"),
        ("芜湖经济技术开发区管理委员会", "芜湖", "芜湖经开区管委会"),
        ("绵阳高新技术产业开发区管理委员会", "绵阳", "绵阳高新区"),
        ("合肥经济技术开发区城市管理局", "合肥", "合肥经开区城管局"),
    ],
)
def test_a_public_body_and_a_zone_are_called_by_their_abbreviations(
    company: str, city: str, short: str
) -> None:
    assert short in _aliases(company, city)


def test_a_zone_said_short_alone_is_no_name() -> None:
    assert "开发区" not in _aliases("芜湖经济技术开发区管理委员会", "芜湖")
    assert "城管局" not in _aliases("九江市浔阳区城市管理局", "九江")


def test_a_body_said_bare_asks_between_the_books_bodies_of_it() -> None:
    book = _book(
        ("洛阳市西工区城市管理局", "洛阳"),
        ("洛阳市涧西区城市管理和综合执法局", "洛阳"),
        ("洛阳市西工区交通运输局", "洛阳"),
    )
    assert book.link("城管局那边上午又去了一趟", company="城管局").candidates == (1, 2)
    assert book.link("交通局的标下周开", company="交通局").candidates == (3,)


def test_a_body_said_with_another_place_is_a_new_customer() -> None:
    book = _book(("洛阳市西工区城市管理局", "洛阳"))
    assert book.link("老城区城管局那边上午又去了一趟", company="老城区城管局").candidates == ()
    assert book.link("发改委那边上午又去了一趟", company="发改委").candidates == ()


def test_a_zone_said_short_links_its_administration() -> None:
    book = _book(("芜湖经济技术开发区管理委员会", "芜湖"), ("芜湖市鸠江区城市管理局", "芜湖"))
    assert book.link("芜湖开发区那个充电桩的单子丢了", company="芜湖开发区").candidates == (1,)


# ---- a winery or an estate (X酒庄, X庄园) is an organisation; its manager's title ----


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("新客户烟台市蓬莱区云海酒庄，联系人郝建军，电话13905351234，想订一批酒标", "烟台市蓬莱区云海酒庄"),
        ("新客户宁夏贺兰山东麓金沙酒庄，对接人马晓燕，要三千个木箱", None),
        ("新客户大理苍山花溪庄园，联系人段丽华，要两百套民宿布草", "大理苍山花溪庄园"),
    ],
)
def test_a_winery_or_an_estate_is_the_customer(extractor: Extractor, text: str, company: str | None) -> None:
    _, slots = read(extractor, text)
    assert slots.get("company") is not None
    assert company is None or slots["company"] == company
    assert "个人" not in slots["company"]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("新客户大理苍山花溪庄园，联系人段丽华，庄园经理，电话13905351234", "段丽华", "庄园经理"),
        ("新客户呼伦贝尔金帐汗牧场，对接人其木格，牧场经理，电话13904701234", "其木格", "牧场经理"),
        ("新客户济南华盛物流，联系人邵立新，仓储经理，电话13905311234", "邵立新", "仓储经理"),
    ],
)
def test_a_title_said_as_its_own_clause_after_the_name(
    extractor: Extractor, text: str, name: str, title: str
) -> None:
    _, slots = read(extractor, text)
    assert (slots.get("contact_name"), slots.get("contact_title")) == (name, title)


def test_a_word_after_the_name_that_goes_on_is_no_title(extractor: Extractor) -> None:
    _, slots = read(extractor, "今天见了宏泰的王建国，经理说下周再谈价格")
    assert slots.get("contact_title") is None
