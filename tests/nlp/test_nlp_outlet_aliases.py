"""A chain's outlet named by the road it stands on (nlp.linking._outlet_forms): made-up chains of other
trades than the held-out set's."""

from __future__ import annotations

from nlp.company_key import company_key
from nlp.linking import BookContact, BookLead, LeadBook, company_aliases


def _aliases(company: str, city: str) -> tuple[str, ...]:
    return company_aliases(company, company_key(company), city)


def test_an_outlet_is_called_by_its_road_and_its_kind_said_short() -> None:
    said = _aliases("特来电无锡太湖大道充电站", "无锡")
    assert {"太湖大道站", "太湖大道充电站", "特来电太湖大道站"} <= set(said)
    assert "太湖大道" not in said  # a road alone names many places
    assert "五四路店" in _aliases("永辉超市福州五四路店", "福州")


def test_no_road_form_without_the_city_between_brand_and_road() -> None:
    # the city written between them tells where the brand ends; without it nothing is guessed
    assert not any(a.endswith("路站") for a in _aliases("特来电人民路充电站", "无锡"))


def test_two_outlets_of_one_chain_each_named_by_its_road() -> None:
    leads = [
        BookLead(1, "特来电无锡太湖大道充电站", company_key("特来电无锡太湖大道充电站"), "无锡",
                 contacts=(BookContact("符建", "站长"),)),
        BookLead(2, "特来电无锡梁溪路充电站", company_key("特来电无锡梁溪路充电站"), "无锡"),
    ]  # fmt: skip
    book = LeadBook(leads)
    assert book.named_at("上午在梁溪路站看了桩位") == [(3, frozenset({2}))]
    assert book.link("太湖大道站那边说电缆还没到").lead_id == 1
