"""Held-out corpora of other industries (tests/fixtures/heldout, labeled without looking at the extractor)
stay above a floor: a guard against rules that fit the dev corpus and break elsewhere.

software and education were never tuned on (measured at intent 0.917 / 0.900, slot F1 0.979 / 0.976
when written); manufacturing and energy were, so their floor is the same, not their current 1.0."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from nlp import Extractor, load_catalog
from nlp.scoring import score

HELDOUT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout"


def _score(corpus: Path, catalog: Path) -> dict[str, Any]:
    extractor = Extractor(load_catalog(catalog))
    gold: dict[str, dict[str, Any]] = {}
    pred: dict[str, dict[str, Any]] = {}
    for line in corpus.read_text(encoding="utf-8").splitlines():
        if line.strip():
            case = json.loads(line)
            gold[case["id"]] = case
            ex = extractor.extract(case["text"], datetime.fromisoformat(case["sent_at"]), case["channel"])
            pred[case["id"]] = {"intent": ex.intent.corpus_label, "slots": ex.to_slots()}
    return score(gold, pred)


@pytest.mark.parametrize("corpus", ["software", "education", "manufacturing", "energy"])
def test_heldout_corpus_stays_above_the_floor(corpus: str) -> None:
    summary = _score(HELDOUT / f"{corpus}.jsonl", HELDOUT / f"{corpus}.toml")
    assert summary["intent_accuracy"] >= 0.88, summary["intent_confusion"]
    assert summary["slot_micro_f1"] >= 0.95


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


# Studied corpora: each was written by someone who had not read the code, then its kinds of failure
# were read and fixed. A floor keeps those kinds fixed without pinning every case. (folder, corpus,
# catalog, intent floor, slot F1 floor), with the figures when written -> after the fixes:
STUDIED = [
    # study4: intent 0.86 -> 1.00, slot F1 0.89 / 0.86 -> 0.98 / 0.99
    ("study4", "study4_pv.jsonl", "catalog_pv.toml", 0.97, 0.96),
    ("study4", "study4_dental.jsonl", "catalog_dental.toml", 0.97, 0.96),
    # heldout3: held out until scored (0.82 / 0.89 before any change, 0.92 / 0.93 at its honest final
    # score), then studied (0.97-0.99 / 0.98)
    ("heldout3", "lab.jsonl", "lab.toml", 0.95, 0.96),
    ("heldout3", "elevator.jsonl", "elevator.toml", 0.95, 0.96),
    ("heldout3", "uniform.jsonl", "uniform.toml", 0.95, 0.96),
    # study9: 0.91-0.98 / 0.92-0.95 when written -> 0.99-1.00 / 0.97-0.98
    ("study9", "logistics_study9.jsonl", "logistics_catalog.toml", 0.97, 0.97),
    ("study9", "rental_study9.jsonl", "rental_catalog.toml", 0.97, 0.95),
    ("study9", "petfood_study9.jsonl", "petfood_catalog.toml", 0.97, 0.97),
    # study12 (kinds of contact and loose plans stressed): 0.97-0.98 / 0.94-0.96 -> 0.97-0.98 / 0.97
    ("study12", "tea_gift.jsonl", "tea_gift_catalog.toml", 0.95, 0.94),
    ("study12", "waterproofing.jsonl", "waterproofing_catalog.toml", 0.95, 0.94),
    # heldout5/6/7: held out and scored once, then studied for companies and contacts:
    # pack 1.00 / 0.958 -> 0.965, gas 0.95 / 0.918 -> 0.97 / 0.940, agri 0.97 / 0.949 -> 0.954,
    # print 0.97 / 0.955, bakery 1.00 / 0.949 -> 0.974, fasteners 0.98 / 0.960 -> 0.967
    # then intent / plan / contact kinds: gas 0.98 -> 1.00 / 0.963 -> 0.970, agri 0.97 -> 1.00 /
    # 0.977 -> 0.982, print 0.983 / 0.973 -> 0.976; company-name kinds: company errors 98 -> 80
    # over every studied corpus
    ("heldout5", "pack.jsonl", "pack.toml", 0.95, 0.96),
    ("heldout5", "gas.jsonl", "gas.toml", 0.97, 0.95),
    ("heldout6", "agri.jsonl", "agri_catalog.toml", 0.97, 0.96),
    ("heldout6", "print.jsonl", "print_catalog.toml", 0.95, 0.96),
    ("heldout7", "bakery.jsonl", "bakery_catalog.toml", 0.95, 0.97),
    ("heldout7", "fasteners.jsonl", "fasteners_catalog.toml", 0.95, 0.97),
    # study17 (stage news without a label, budgets beside phones and counts, venues, trade words):
    # exhibit 0.917 / 0.961 -> 1.000 / 0.985, adhesive 0.950 / 0.944 -> 0.983 / 0.971; then leads
    # entered by name, a title's relative, on-site trials (exhibit 0.991, adhesive 0.973); then city
    # brands after a visit, county cities, 老X met or called, the buyer alone, 家 in brands, X的+full
    # name (exhibit 0.993, adhesive 0.987)
    ("study17", "exhibit.jsonl", "exhibit_catalog.toml", 0.97, 0.98),
    ("study17", "adhesive.jsonl", "adhesive_catalog.toml", 0.95, 0.98),
    # study19 (stage news without stage words, help/new-lead cues, office titles): campus 0.917 /
    # 0.916 -> 0.967 / 0.939, marine 0.850 / 0.912 -> 0.933 / 0.926
    ("study19", "campus.jsonl", "campus_catalog.toml", 0.95, 0.93),
    ("study19", "marine.jsonl", "marine_catalog.toml", 0.92, 0.92),
    # study23 (stage news without stage words and stage steps asked about, company spans: regions,
    # bureaus, departments named later, counted 所, glued prepositions; kinds in other words):
    # construction_rental 0.833 / 0.914 -> 0.967 / 0.938, commercial_hvac 0.867 / 0.912 -> 1.000 / 0.947.
    # Writer's choices left unmet, not bent to: a stage on log_followup for a quote delivered, a demo,
    # haggling or a lost shortlist (dev/dev2 label a stage on log_followup only when the status is said:
    # "现在是报价阶段"), and 项目部 kept after an organisation (dev's d0246 drops it).
    ("study23", "construction_rental.jsonl", "construction_rental_catalog.toml", 0.95, 0.93),
    ("study23", "commercial_hvac.jsonl", "commercial_hvac_catalog.toml", 0.98, 0.94),
    # study26 (company names with no organisation word): workwear 0.933 / 0.902 -> 0.933 / 0.937,
    # cleaning_equipment 0.950 / 0.910 -> 0.950 / 0.947 (company F1 0.58 -> 0.80 / 0.58 -> 0.82) by a
    # brand's store, HQ, campus, project or site after it. A site kept in the name follows this set's
    # README ("X合肥总部", "X三期工地"); uniform's h3u025 ("顺达物流总部" labelled 顺达物流) and
    # construction_rental's cr56 ("…三期工地" labelled without 工地) chose otherwise.
    ("study26", "workwear.jsonl", "workwear_catalog.toml", 0.92, 0.93),
    ("study26", "cleaning_equipment.jsonl", "cleaning_equipment_catalog.toml", 0.93, 0.94),
    # heldout9: held out and scored once at 4857ce7 (lubricants 0.950 / 0.955, ev_logistics 0.933 /
    # 0.946), then studied for kinds of contact and @-mentioned colleagues: 0.950 / 0.971, 0.950 / 0.957
    ("heldout9", "lubricants.jsonl", "lubricants_catalog.toml", 0.95, 0.97),
    ("heldout9", "ev_logistics.jsonl", "ev_logistics_catalog.toml", 0.95, 0.955),
    # heldout8: held out and scored once (vet 0.950 / 0.967, 45 of 60 cases fully right; greenhouse
    # 0.950 / 0.925, 33 of 60), then studied for company spans (farm and park heads, a city brand ended
    # by what was done there), contacts after a city or an office, loose budgets, notes to the team,
    # inbound calls, goods signed for, kinds said in passing and later parts of today: vet 1.000 / 0.994
    # (57), greenhouse 1.000 / 0.988 (54). Writer's choices left unmet: 谈判 on log_followup for
    # haggling alone (dev2's e0148 and ev_logistics' nev041 label none), 总部 and its city dropped from
    # "X渭南总部" (study26 keeps a site in the name), 园区主任 cut to 主任 (a title as written).
    ("heldout8", "vet.jsonl", "vet_catalog.toml", 0.97, 0.98),
    ("heldout8", "greenhouse.jsonl", "greenhouse_catalog.toml", 0.97, 0.975),
    # heldout10: held out and scored once (fire protection 0.917 / 0.976, 49 of 60 fully right; cold
    # storage 0.950 / 0.953, 44 of 60), then studied for contacts told in other words (今天电话, 来我们公司了,
    # call我, meeting today, 已联系X), report words asked about (聊了啥), after-sales complaints, samples
    # set up, quotes handed over, wished prices, company spans (trade words, 那个+place, 老客户X, markets,
    # parks' offices), 工 before a verb, offices in 办, plans set for us: fire protection 1.000 / 1.000
    # (60), cold storage 1.000 / 0.987 (57). Left: names the segmenter splits at 都 ("潍坊鸢都") and a
    # dish before 连锁 ("X牛肉面连锁"), and the product after it read as a person ("中央厨房的冷库").
    ("heldout10", "heldout10a.jsonl", "catalog_h10a.toml", 0.98, 0.99),
    ("heldout10", "heldout10b.jsonl", "catalog_h10b.toml", 0.98, 0.975),
    # heldout11: held out and scored once at ad4238e (LED displays 0.967 / 0.979, 49 of 60 fully right;
    # hotel linen 0.967 / 0.903, 39 of 60), then studied for lodging and clinic heads (公寓, 度假村, 眼科),
    # scenery brands (明月, X间), hotel titles (管家, 客房总监), departments' people after a hotel, our own
    # office come to, trial agreements, quotes sent or handed over, conceded losses, city brands before a
    # turned clause, offices after a name, dictionary full names: LED 0.983 / 1.000 (59), hotel linen
    # 0.983 / 0.975 (52). Writer's choices left unmet: 负责人 before a name dropped as a title (h11b30;
    # dev labels "负责人林志强" 负责人), products from words no alias holds (洗护, 洗涤 alone), and a
    # stage move with the customer's word after it read as log_followup (h11a29). Left: a surname the
    # segmenter glues to a brand ("高原之星马管家"), brands with no organisation word after 在 or before
    # a full name ("在高原之星给", "珠海蓝湾 梁嘉怡").
    ("heldout11", "h11a.jsonl", "h11a_catalog.toml", 0.97, 0.99),
    ("heldout11", "h11b.jsonl", "h11b_catalog.toml", 0.97, 0.965),
    # heldout12: held out and scored once at e9ae64b (beauty 0.917 / 0.944, 41 of 60 fully right;
    # cleaning 0.867 / 0.938, 33 of 60), then studied for intent kinds (leads entered as 建条线索 / 录一条 /
    # with no contact yet, 跟进到哪 asked, details 确认好了 with a customer, 微信同手机, English aliases in
    # the plural): beauty 0.967 / 0.947 (43), cleaning 0.950 / 0.942 (37). Writer's choices left unmet:
    # update_stage for a quote sent ("报价单今天已发出": a quote is a contact, log_followup, as study23
    # notes) and for a trial ended with 需求确认了 said. Left: mall names with no organisation word
    # (X万象城, X天地, 海岸城), a venue where the rep was before the customer met there (在X机场…给Y公司的Z).
    ("heldout12", "beauty.jsonl", "beauty_catalog.toml", 0.95, 0.94),
    ("heldout12", "cleaning.jsonl", "cleaning_catalog.toml", 0.93, 0.935),
    # heldout13: held out and scored once at c4163f4 (industrial robots 0.883 / 0.974, 46 of 60 fully right;
    # commercial flooring 0.983 / 0.977, 50 of 60), then studied for intents (a quote sent answered by the
    # person after it, a lead shared or met, a described organisation calling in, a short question to the
    # team, a repair asked for an earlier purchase), a signing wished or said with 的, kinds (out of a
    # meeting, a job done there, 打来), plans (asked to come again, flying there) and a numeral that begins
    # a word read as a budget: robots 0.983 / 0.988 (54), flooring 1.000 / 0.982 (54). Writer's choice
    # left unmet: 谈判 on log_followup for haggling alone (h13b46; dev2's e0148 labels none). Left: a
    # product said distributively ("码垛和焊接两个工作站"), a title in brackets after the company, 陈生 and
    # "那位刘女士" as contacts, a brand alone after 那个客户, "汽车零件" as an organisation's head.
    ("heldout13", "h13a.jsonl", "catalog_a.toml", 0.97, 0.98),
    ("heldout13", "h13b.jsonl", "catalog_b.toml", 0.98, 0.975),
    # heldout14: held out and scored once at 2543261 (vending machines 0.950 / 0.975, 47 of 60; scaffolding
    # 0.917 / 0.950, 38 of 60), then scaffolding studied: 0.983 / 0.978, 52 of 60 (stage said in other
    # words, a call or a demo said short, a district cut before 区, a kind then a trade word, works titles).
    # Left: a builder's project or site after its name (X三局|光谷项目部, X建设|工地) is labeled the builder
    # alone, where the project reads the site as the customer (companies._site); 厦门路桥 (a road name
    # inside); "去X工地把合同签了" with no day labeled a visit. Vending: 0.950 / 0.977, 48 of 60 (一早9点)
    ("heldout14", "heldout14_a.jsonl", "catalog_a.toml", 0.95, 0.975),
    ("heldout14", "heldout14_b.jsonl", "catalog_b.toml", 0.98, 0.975),
    # heldout15: held out and scored once at 088fc07 (C&I solar/storage 0.967 / 0.971, 49 of 60 fully
    # right; education equipment 0.883 / 0.970, 46 of 60), then studied: stage news in other words
    # (中标通知书下来了, PO收到了, 需求算是定了, 设备进场, 开始布线), visits as a place looked over or a talk
    # at their place, schools shortened (X一中, X二实小, X高中), a prospect with its person introduced
    # (对接人是…), a file the customer sent, 最多出X, a quote given with 给, the team before a line, mobiles
    # read out in groups, the rep referring back to a day (我到时候去参加), the person shown a demo, famous
    # namesakes after the organisation, an office after a bureau, 物流港, the day's rounds counted: solar
    # 1.000 / 0.998 (59), education 1.000 / 1.000 (60). Left: a two-character brand before 的方案 with no
    # organisation word ("鑫磊的方案…"), which reads as a system or a phase does ("消防的方案", "二期的方案").
    ("heldout15", "heldout15_a.jsonl", "catalog_a.toml", 0.98, 0.99),
    ("heldout15", "heldout15_b.jsonl", "catalog_b.toml", 0.98, 0.99),
    # heldout16: held out and scored once at 5a73b9d (water treatment 0.833 / 0.955, 39 of 60 fully right;
    # factory software 0.917 / 0.950, 41 of 60), then studied: a customer's progress or contact person
    # asked after its short name (X进展到哪了, X项目对接人是谁), a prospect passed on by whoever found it
    # (渠道推过来一个：X, 报备：X), visits as a place surveyed or shown (勘察完了, 看完现场了, 带着看了), a
    # time set by phone, delivery by the machines or the implementers on site (进场安装了, 顾问进场了), the
    # contract's terms talked, a short name right before how the contact went (X演示做完了), a brand glued
    # after its zone (X开发区Y), a step asked at the end of its clause (报价发出去没有？), Cantonese 生 before
    # what was done: water 0.950 / 0.979 (52), software 0.983 / 0.962 (46). Left: a brand told only by its
    # place in a longer report (沃顿样品寄出了, 到恒锐了, 在佰利达做完…), a brand of seven characters after
    # its zone, 中山 before a town, 300w+ as a lower bound, a referral (X的刘主任介绍，…) as a new lead.
    ("heldout16", "heldout16_a.jsonl", "catalog_a.toml", 0.93, 0.97),
    ("heldout16", "heldout16_b.jsonl", "catalog_b.toml", 0.97, 0.955),
    # heldout17: held out and scored once at 69597a1 (printing and packaging 0.883 / 0.949; HR outsourcing
    # 0.917 / 0.928), then studied: a customer's short name right before the visit paid to it (X拜访完了,
    # X第二次拜访, and 成都X not cut at 都), 说明书 as a manual the customer buys rather than the bot's own
    # asked for, a short name then its person then the call (X刘总监来电话): printing 0.967 / 0.958,
    # HR 0.917 / 0.934. Left: a short name after 在/到/去/给 (在X厂里看完样, 去X跟财务核了), stages told
    # by what was done (报价发了, 嫌贵要降价, 加急单定了), a name glued after 叫, titles in English
    # (HR Manager, Ops Director), an amount as a share of salary, 他们老板 (a title alone, per the README).
    ("heldout17", "heldout17_a.jsonl", "catalog_a.toml", 0.96, 0.955),
    ("heldout17", "heldout17_b.jsonl", "catalog_b.toml", 0.91, 0.93),
    # heldout18: held out and scored once at c0b9e45 (elevators 0.983 / 0.967, 49 of 60 fully right), then
    # studied: a short name just left (刚从X出来) or opening a note before its new quote (X新报价发了), a
    # housing estate by its name (X花园小区, not 老旧小区 / 三个小区), 老X after the customer with no pause
    # no nickname (X街道办 老楼加梯), a district before a person (绍兴柯桥陈先生: no 柯桥陈, no customer),
    # measured up or fetched on site as a visit (量好尺寸了, 去X拿到了), a machine run in front of them as a
    # demo (试运行给他看了), the body before an office no part of its title (社区书记 → 书记): 1.000 / 0.990,
    # 56 of 60. Left, the writer's convention against the earlier corpora's: no stage on a log_followup
    # (a quote sent → 报价, haggling → 谈判 elsewhere) and the short name without its site (X二期工地).
    ("heldout18", "heldout18.jsonl", "catalog.toml", 0.98, 0.98),
    # heldout19: held out and scored once at 0872392 (coatings 0.967 / 0.940, 40 of 60 fully right; corporate
    # training, messy, 0.883 / 0.904, 37 of 60), then studied: stage told by what was done (a quote handed
    # over, the customer's price or terms taken back for approval, signed in English), demos in other
    # words (a finish tried on their parts or line, a plan's frame, findings presented), questions in
    # other words (什么状态, 谁录的, team/follow, this week, 按X分), calls come in from new prospects, a full
    # name after the organisation then what they did, 姓X X经理, people counted, a title inside a product,
    # names ended by 最后 or a count, brands glued before a person (Han, kin or English), brands worked at
    # (去/在X做), works parts (厂房, 储罐) and 全集团 as no name, English legal forms: coatings 1.000 / 0.993
    # (56), training 0.983 / 0.992 (55). Writer's choices left unmet: 方案演示 on log_followup for a plan
    # presented or a demo held (dev's d0122, d0306, e0208 label none), 谈判 for a round of talks alone
    # (h19a17), no scope for "各个销售" (team here), update_stage for "X说老板签字了" (a person telling the
    # news is a contact, _news_told_by). Left: a name run on into 开 ("刘莉开视频会议"), "25万可以做".
    ("heldout19", "heldout19_a.jsonl", "catalog_a.toml", 0.98, 0.98),
    ("heldout19", "heldout19_b.jsonl", "catalog_b.toml", 0.97, 0.98),
    # heldout20: held out and scored once at 7688c40 (IVD and medical consumables 0.917 / 0.978, 49 of 60
    # fully right; printing and packaging 0.867 / 0.935, 41 of 60), then studied: questions in other words
    # (超过跟进时间, 今年到现在), 使用说明书 as printed matter, stage news without stage words (最后给X做了,
    # 价格谈的差不多了, 样机放过去试用了 → 方案演示, a quote sent with more between), a need with 要 and no
    # contact as a new lead, 加线索 as a heading, after-sales invoices and damaged goods, a customer's
    # person's own occasion, emoji before the news' customer; then slots: month/day dates and "next step:"
    # plans, the organisation after "@", full names after a terse 电话 field, after X的 then calling back or
    # asked about alone, a surname signing a message, 叫我X, a province glued to its city, "brand manager",
    # a competitor's demo: IVD 1.000 / 0.996 (58), packaging 1.000 / 0.993 (58). Writer's choices left
    # unmet, against the dev corpora: 方案演示 on log_followup for a demo held (h20a17, h20b17), 需求确认
    # for "确认了…要新增两台" (dev's d0031, manufacturing's m009 label none), 采购部主管 cut to 主管 (dev
    # keeps 工程部经理). Left: a surname glued after a rare word ("打样何经理").
    ("heldout20", "heldout20_a.jsonl", "catalog_a.toml", 0.98, 0.99),
    ("heldout20", "heldout20_b.jsonl", "catalog_b.toml", 0.98, 0.985),
    # heldout21: held out and scored once at 2286832 (heat pumps, solar hot water, boilers 1.000 / 0.968, 49
    # of 60 fully right; cloud and cybersecurity 0.917 / 0.951, 44 of 60), then studied briefly: a day's
    # calls asked for (要打哪些电话), two days side by side as one period (明天后天, 明后天), CISO a title,
    # "通了个call" a call: heat pumps unchanged, cloud 0.933 / 0.964 (48). Left against the dev corpora:
    # 工程部经理 cut to 经理 (h21a39; dev keeps the department). Left unfixed: a brand the dictionary
    # tags as a given name (东升汽配), 网管 alone as a title (网管主管 must stay whole), a school's
    # abbreviation (郑外), expenses read as a budget, department or season words taken as a customer.
    ("heldout21", "heldout21_a.jsonl", "catalog_a.toml", 0.98, 0.96),
    ("heldout21", "heldout21_b.jsonl", "catalog_b.toml", 0.92, 0.955),
    # heldout22: held out and scored once at 3665471 (agricultural inputs as voice-to-text 0.967 / 0.941, 38
    # of 60 fully right; wire and cable with English words and emoji 0.900 / 0.970, 48 of 60), then studied
    # (study_h22): a full name restated after a filler (刘总 嗯就是X, 那个X after a title), a title then 是
    # then the name, farm and mine titles, 找老X, a place before 那边 no person, a county before a pointed-at
    # name however cut (那个杞县X, 兰陵|县绿源, 克东那个X), 经销部, a trade described no name (种X的, 做X的),
    # a city hidden across a province (河南平顶山) or a word before its own county (开封兰考), 去的X a visit,
    # 复勘, a promise to the customer as the rep's plan, how to change a record asked after it; English CRM
    # words (lost, WIN, follow up, call done, Next:), 合同已签, a customer adding the rep, 联系人：采购 X:
    # a 1.000 / 0.996 (58), b 1.000 / 0.995 (58). Left: 瓜菜合作社 after 那个 (the writer labels a co-op
    # described by its produce no company), 高峰 (a common word) as a full name; company spans with no
    # organisation word (发给宿迁X刘敏, X今天去了), left to the heldout23 study of company spans.
    ("heldout22", "heldout22_a.jsonl", "catalog_a.toml", 0.98, 0.99),
    ("heldout22", "heldout22_b.jsonl", "catalog_b.toml", 0.98, 0.99),
    # heldout23: held out and scored once at f1fecdf (commercial water treatment 0.917 / 0.943, 41 of 60 fully
    # right; aluminium windows and curtain walls 0.967 / 0.940, 36 of 60), then studied: stage news without
    # stage words (a contract couriered back and sealed, the price step reached, needs settled point by
    # point), help asked in other words (a slip to mend, what the bot can read), the writer gone off to eat
    # and a present from the customer as no contact, kinds (a call's length, a meal finished, a talk where
    # the rep went or at their home, a look taken together, our products talked through as a demo), budgets
    # (一两万, 不会超过, X以内都行/能接受, money approved), plans (a day named again by its event, 说好, the
    # customer as the object of 约了/答应, 今天下班前), people (小/老 and a surname before a title, after a
    # pause or before its organisation in brackets, a full name as a clause of its own, 哥 as 姐, full
    # names asked about), organisations (named by 那家…叫X的, in brackets, by its main store; a competitor, a
    # county, a home, a greeting, a trade described and 出局 as none; 开发商 before the name, 和 and X都
    # inside it, X一医, a works pointed at then named), cities (one the scan hid under a county, 中山 before
    # its zone): water 1.000 / 0.998 (59), windows 1.000 / 0.998 (59). Writer's choices left unmet: no title
    # for 老板 alone (h23a18; the corpus README labels a title with no name), and a title said in one clause
    # given to a person named by kin in the next (h23b19; one person only when written together, h19b25).
    ("heldout23", "heldout23_a.jsonl", "catalog_a.toml", 0.98, 0.99),
    ("heldout23", "heldout23_b.jsonl", "catalog_b.toml", 0.98, 0.99),
    # heldout24: held out and scored once at 97f8435 (elevators 0.983 / 0.987, 55 of 60 fully right; pet
    # food and veterinary supplies 0.917 / 0.964, 44 of 60), then studied briefly (study_h24): help asked
    # the spoken way (咋用) or for shortcuts (快捷指令), a shop's GMV as no budget, a count named as a noun
    # joined to another figure or to the asking (…数和…数出一下), and a crash on a nickname's shop whose rest
    # is all kind words: elevators 0.983 / 0.987 (55), pets 0.967 / 0.974 (47). Left: shop names after a
    # place (…区的X宠物店), 市南区 after its city, a rep's plan inside a new lead, 冷链 taken for a company,
    # KTV 主管 in chit-chat; writer's choices left unmet: 采购部经理 labelled 经理 (the README keeps a title
    # as written) and 她们合伙人 with no title (the README labels a title with no name).
    ("heldout24", "heldout24_a.jsonl", "catalog_a.toml", 0.98, 0.98),
    ("heldout24", "heldout24_b.jsonl", "catalog_b.toml", 0.96, 0.97),
    # heldout25: held out and scored once at 8f48c4f (freight forwarding 0.967 / 0.982, 54 of 60 fully right;
    # LED displays and AV 0.950 / 0.964, 46 of 60), then studied (study_h25): theatres, concert halls,
    # archives and 政府办 as organisations (an official letter's 我单位 left out), the rep's answer as the
    # plan (他问…我说明天…, 我跟他说…), a count ranked (…数排一下), asking for leave, the demo stage said
    # done with only the wait after it, 老X called with and 小X asked for, a lake after its city then 那边 as
    # a place, X不锈钢 as a short name: freight 0.983 / 0.986 (55), LED and AV 0.983 / 0.990 (55). Left: a
    # lead asked by an English name (Jason那个客户…是多少来着), a place before a company (东莞虎门的东莞市…,
    # 武汉光谷那个展厅项目), a trade alone as a company (保温杯厂, 演出公司), 三峡广场 (a venue, not the
    # customer), a forwarded text with the rep's own plan read as a new lead, 物流协会 in a leave request;
    # writer's choices left unmet: 总务处主任 labelled 主任 (the README keeps a title as written) and a quote
    # e-mailed labelled with no stage.
    ("heldout25", "heldout25_a.jsonl", "catalog_a.toml", 0.98, 0.98),
    ("heldout25", "heldout25_b.jsonl", "catalog_b.toml", 0.98, 0.99),
    # heldout26: held out and scored once at be8670c (office leasing 0.933 / 0.957, 43 of 60 fully right;
    # industrial safety and PPE 0.950 / 0.939, 41 of 60), then studied (study_h26): a title written alone
    # before a product's name (安环部长 防毒面具…), 库管 as a title, 煤矿 / 煤业 / 焦化 as organisations, an
    # ambiguous city set apart (after its province, or a word before the organisation: 大同 X煤业), a
    # county's port as a place (龙口港那边), a ceiling said as 卡死在 or per year (别超过每年…), an agreed
    # price of a few yuan as a unit's, a period's figure asked without a question (本周新增线索 全组), a
    # count of groups (几组), pasted words with the rep's answer after —— as a report: leasing 0.967 / 0.970
    # (47), safety and PPE 1.000 / 0.985 (52). Left: a viewing (带X看了…) read as a new lead, a title after
    # the company in brackets (X科技 CEO), a lower-case cfo before a name, a name after 合伙人之一, an
    # English contact after "from Munich" and "Raj" after a phone, Guangzhou in pinyin, a city and district
    # before a short name kept in it (佛山南海X), a town or a zone taken as the company (东莞大岭山, 山东烟台
    # 开发区, a trade alone: 钢厂; 超期 in a query), Cantonese 叶生, 交付要快 and 到货了 as the delivery
    # stage, 电话：as a call, 见库管 (no 了) as a visit, a trial lecture (试讲) as a demo, a quote first
    # offered at a price with no 报价 word; writer's choices left unmet: an agreed whole price (价格基本谈妥
    # 135000) labelled no budget (the rules read it as one) and a quote received labelled with no stage.
    ("heldout26", "heldout26_a.jsonl", "catalog_a.toml", 0.96, 0.97),
    ("heldout26", "heldout26_b.jsonl", "catalog_b.toml", 1.0, 0.98),
    # heldout27: held out and scored once at 4835448 (textile machinery 0.967 / 0.954, 43 of 60 fully right;
    # merchant banking and payments 0.900 / 0.943, 37 of 60), then studied (study_h27): who handles a customer
    # asked by 哪位 and a role, its records (沟通记录, 调出), who was in touch (谁联系过), a day's list asked
    # with a full stop, 本人 as the asker, how to set a record (如何给客户设置…), a note to the team greeted
    # first, a forwarded message with the rep's note after it (已回复, 微信上收到的) as a contact online, a
    # line of credit (授信, 保理, 经营贷的额度) as no budget, a range held 之间 as a range, a mill's trade
    # word heading its name (丝绸, 针织, 经编, 棉业, 纱业, 棉纺, 毛纺): textile machinery 1.000 / 0.969 (50),
    # merchant banking 1.000 / 0.961 (48). Left: a greeting read as a company (大家早), a short name alone
    # before a product (魏桥那边), English names (Kevin Zhu, Helen, Emily alone), a surname alone after a
    # phone (… 王, … 赵), the county-level or ambiguous place kept or missed (玉溪红塔区X, 北海), a signing to
    # come or a letter of intent read as 签约 (签了合同后, 进入签约流程, 签了意向书), a chat by a channel read
    # as a demo (微信上沟通 … 试用), the RM's own 支行行长 as the contact, a spend with a rival before the
    # ceiling (年手续费支出约60万), a time 下午3点半 after a date in brackets, a city in pinyin kept before
    # the company (Ningbo X), a site kept in a short name (X二期).
    ("heldout27", "heldout27_a.jsonl", "catalog_a.toml", 1.0, 0.96),
    ("heldout27", "heldout27_b.jsonl", "catalog_b.toml", 1.0, 0.95),
    # heldout28: held out and scored once at b04d74b (kitchen exhaust cleaning 0.917 / 0.951, 41 of 60 fully
    # right; laboratory animals and CRO 0.917 / 0.939, 40 of 60), then studied (study_h28): the bot's use
    # asked in Sichuan 咋个 (咋个用, 咋个录), in English (how to 改…, how do I add) or of "bot" (bot能导出),
    # a day's calls asked as 要打的电话有哪些, a count of a past period (上周新增了几个) no purchase of a few,
    # a count asked in English (how many … ?), the asker in English (my, I) as scope me, a budget given in
    # parts and then its whole (合计80万, 总盘子340万): kitchen exhaust 0.967 / 0.957 (44), laboratory animals
    # and CRO 0.967 / 0.958 (46). Left: a new lead said 新增一个 X, a job done and paid (做完了 钱也收了) as
    # delivery, a demo done then 进入报价 as the quote stage, 电话：as a call (also in heldout26), 美食城 /
    # 总店 / 酒店 kept in or missing from the company, a nickname (刘姐) or 师傅 after the surname, a sub-unit
    # kept (…药物所, …基础医学院), a zone taken as the company (苏州工业园区, 遵义凤凰山), English names
    # (Mike, Sarah Wang, Dr. Lee's title CSO), a date after 下周二上午9点线上会 or 下周四报价 missed
    ("heldout28", "heldout28_a.jsonl", "catalog_a.toml", 0.96, 0.95),
    ("heldout28", "heldout28_b.jsonl", "catalog_b.toml", 0.96, 0.95),
    # heldout29: held out and scored once at 4f7030e (smart water meters, formal 0.900 / 0.959, 43 of 60
    # fully right; fitness equipment, emoji and English 0.933 / 0.941, 41 of 60), then studied (study_h29):
    # stage news in formal or English words (完成合同签订, 还在磋商, 报价单今天已经递交, 需求confirm了), a
    # rival chosen after 不要了 as lost, the contacts' record or the last contact's day asked (拜访记录,
    # 上次…啥时候) as a query, how to change a record asked with 怎样 / 如何 as help, a prospect who added
    # the rep (有个X加我微信) or a buyer's purchase notice (采购意向公告, 拟采购) as a new lead; a
    # university's school or unit cut to the university (X交大体育学院, X体育部王老师), 将 glued before a
    # name, a zone or a place's bracketed note before a registered name, a new town of one trade (科技城) as
    # where, gyms by their kind (健身房) and English names with a Chinese venue head (X馆); a month and day
    # just past as no plan, 复会 as the next contact, the customer's visit with the rep's 到时候 after it,
    # the customer's timeline with 表示 or 给回复; a budget as all the money they have (资金紧张只有…) or
    # capex, an amount glued to a weekday; a survey there, a meeting finished there, a visit to our place
    # and a demo named in English as kinds; a surname after an office word in 所 / 厅, 老X after their
    # department, an English name signed after ~ or ——; no signing in a prepaid card not credited: smart
    # water meters 1.000 / 0.990 (57), fitness equipment 0.983 / 0.983 (54). Left: the department kept or
    # dropped in a title against the dev conventions (营业所所长, 厂务经理 kept but 生产运营部副经理 cut),
    # the city dropped from a company as written (上海浦东X酒店, 西安X健身房, 杭州城西X健身), an English
    # brand alone before 那个 with a full name after it (X那个赵磊), an English given name opening a
    # question taken as the company, a gym described by its kind (企业健身房) taken as the company.
    ("heldout29", "heldout29_a.jsonl", "catalog_a.toml", 1.0, 0.98),
    ("heldout29", "heldout29_b.jsonl", "catalog_b.toml", 0.98, 0.98),
    # heldout30: held out and scored once at fbdb89c (air compressors and bearings 0.933 / 0.967, 48 of 60
    # fully right; baijiu and tea corporate gifting 0.950 / 0.955, 45 of 60), then studied (study_h30): stage
    # news without a stage word (买了别家的 as lost, 打了定金 / 合同走完流程了 as signed, 价格还在拉锯 as
    # negotiation), a bank's branch (X银行Y支行 / 分行) and 注塑 / 橡塑 / 鞋材 as name endings, papers before
    # 材料 (资质材料) as no company, 老X of a department said with 的 or giving the customer's answer after a
    # pause, 全公司 as the team, a forward answered after its closing mark with no dash, a customer met at a
    # show (展会上碰到个客户) as a new lead, a job done there once (去X做了一次…) as a visit, a drink tasted
    # or a machine run (试喝, 试开了) as a demo, 在他办公室 as theirs, a per-head budget (每人预算800) as no
    # budget: air compressors 1.000 / 0.991 (57), baijiu and tea 1.000 / 0.988 (56). Left: a generic name with
    # a legal form dropped (东方机械有限公司) and a town before 那边的 taken instead, a city glued before a
    # short name kept (长沙X科技), a works told by its trade as ours (我们汽配厂) and the greeting 老板在吗 as
    # its title, a bare surname signing off after the phone (…，朱), a new office-holder not met (新行长) as
    # the title, a talk after the phone number (电话 1388… 聊了一下) as no call, goods delivered and a chat
    # there as no visit, a common word before 保险 (筑城保险) as no name.
    ("heldout30", "heldout30_a.jsonl", "catalog_a.toml", 1.0, 0.99),
    ("heldout30", "heldout30_b.jsonl", "catalog_b.toml", 1.0, 0.98),
    # heldout31: held out and scored once at 5aed021 (optical and eyewear, Minnan-flavoured 0.933 / 0.947, 43
    # of 60 fully right; amusement equipment, voice-to-text numbers in characters 0.933 / 0.919, 33 of 60),
    # then studied (study_h31): a landline read out in characters (零七七一 五五八 …), budgets said the spoken
    # way (心里价位, 财政批下来了, a range 之间可以接受), cities spelt in English (Haikou, Xiamen) and English
    # names ending in Resort / Park, the day's plans, the commands and a count with its period first asked in
    # English; leisure venues, shop streets and optical shops named by their kind (乐园, 景区, 商业街, 眼镜城,
    # 视光) with a shop glued after a venue kept (X乐园宠物店), a hospital department before a title
    # (眼科主任) as no function, a person after 看下 / 问下; a customer just won over (新开发一个客户) as a
    # new lead, 需求确定了 as needs settled, customers put off too long (拖太久没跟) as overdue; a span of
    # days with the month said once (6月1号到3号); our own meeting (回总部开会) as no next contact and their
    # meeting the rep attends (参加他们的论证会) as one; what the rep goes to do (去做系统演示) as no brand;
    # gone there and talked, or looked at the site with two of them, as a visit: eyewear 1.000 / 0.993 (57),
    # amusement 0.967 / 0.966 (47). Left: malls named X城 (万象城, 乐活城, 航洋城: 城 alone as an ending
    # breaks dozens of names elsewhere) and a brand with no kind (桂林乐满地), a district before a brand
    # (呈贡万达), the park's own committee taken for the park (X公园跟 园区管委会), a city dropped from a name
    # as written (地王国际商场 after 柳州), the contact's words as stage news (X说需求定了) and 方案讲完了
    # without a stage word, a function before a title dropped or kept against the dev conventions (运营总监 →
    # 总监, recreation manager), spaced voice input splitting a name from its title (招商部的 张丽华 经理) and
    # a city (跟 北海 侨港), a name before 人很 (吴建国人), a shop described with 一家 (新开了一家视客眼镜),
    # Dr. as a title.
    ("heldout31", "heldout31_a.jsonl", "catalog_a.toml", 1.0, 0.99),
    ("heldout31", "heldout31_b.jsonl", "catalog_b.toml", 0.96, 0.96),
    # heldout32: held out and scored once at 9d70acf (pharmaceutical packaging 0.967 / 0.982, 51 of 60 fully
    # right; hotel banquets, Shanghainese-flavoured 0.933 / 0.960, 45 of 60) then studied (study_h32): a
    # place shown round (看了展厅, 到店看了, 来看X) and gone over to deal with it (已经过去处理了) are
    # visits; 电话和/搭 someone is a call; a surname before 阿姨/叔叔 is the contact; Shanghainese words
    # (伊拉, 侬, 哪能, 交关, 价钿) and a question's 伐 read as Mandarin; "今天的to do" asks the day; the
    # event we ran held (办好了, 圆满结束了) is delivered; "6万 max" is a ceiling; "follow up <day>" is the
    # next follow-up: a 0.983 / 0.988, 53 of 60; b 0.983 / 0.987, 56 of 60. Left: a first line of company +
    # contact + what was done read as a new lead (b06, a03); a stage said in passing (报的价, 报价 sent); a
    # city prefix before the company; a phone with "ext"; budget "25w" after 报价; "下午两点半过去" as
    # today's plan; a customer's deadline taken as ours.
    ("heldout32", "heldout32_a.jsonl", "catalog_a.toml", 0.98, 0.98),
    ("heldout32", "heldout32_b.jsonl", "catalog_b.toml", 0.98, 0.98),
    # heldout33: held out and scored once at 670fe35 (landscaping, Hunan-flavoured 0.933 / 0.955, 44 of 60
    # fully right; cabling and low-voltage, unpunctuated with typos 0.933 / 0.959, 47 of 60), then studied
    # (study_h33): Hunan words (么子, 几多, 一哈, 恰饭, a clause's 咯) read as Mandarin; 得 typed for 的, and
    # 在 for 再 after a day ahead; 没/冇超过 is a ceiling; work starting a week ahead is no delivery; a
    # product named by a channel (视频会议) is no online contact; 所有销售 is the team; 见上了, 来苗圃看苗了
    # are visits; "帮我看下X的情况" asks about X; the boss asking through the rep (PM问我…) is a count;
    # 度假区 and a zone's 物业中心 are customers; an office (后勤) between a short name and its person; a
    # number in words is no name; a mobile typed digit by digit; "有个客户在X问…" is a new lead; a surname
    # spaced alone, or signing an inquiry after its phone; a name taken back (哦不对是Y); an English name
    # after its office; the boss the contact speaks of is not met; a full name, then the day and the act:
    # a 1.000 / 0.989, 56 of 60; b 0.983 / 0.989, 55 of 60. Left: 养生谷 is no organisation word (a28,
    # a60); 湘大 alone before 现场 (a48); "合肥的安徽省立医院" lost (b01); 何 after 电教馆 (b20); "方案演示
    # 做完了 王总挺满意" read as the demo's report (b22: either reading fits); a40 and b09 gold drop the
    # prefecture / zone before the company, where the corpus README keeps the longest span.
    ("heldout33", "heldout33_a.jsonl", "catalog_a.toml", 1.00, 0.98),
    ("heldout33", "heldout33_b.jsonl", "catalog_b.toml", 0.98, 0.98),
    # heldout34: held out and scored once at 0a46b7c (automotive parts, English shorthand 0.967 / 0.972, 48
    # of 60 fully right; pet-hospital equipment, Shaanxi-flavoured 0.900 / 0.939, 36 of 60), then studied
    # (study_h34): Shaanxi words (额 for 我 where a subject stands, a clause's 咧, 嫑, 谝, 克了) read as
    # Mandarin; prospects passed on are new leads (an unnamed shop's boss 打电话 with no 来, 想找我们报X,
    # 老板叫X with a number); 打了个 / 开了个新 / 雨太大 name no company; 在X聊了一个钟头 and "visit done"
    # are visits: a 1.000 / 0.978, 52 of 60; b 1.000 / 0.978, 53 of 60. Left: "下周一再说" after a call
    # planned by the gold (a38, b17) where the extractor reads a put-off; budgets the message denies
    # (不是预算, a24) or a unit price target (b19); a shop with 座椅 in its name (a11, a41); 有家X厂 before
    # the name (a40); 汪星人 alone as a company (b29, b44); 任 as a surname (b23); a surname alone
    # before a phone (a33); "那个Anna" (a46); 一个西安宠物店 as a company (b57); 再降2个点就能签 read as
    # 谈判 (a44) and 报了批发价 as 报价 with 送样 to come as a demo (b37), stages the gold does not give;
    # b19 gold drops the zone before the company, where the corpus README keeps the longest span.
    ("heldout34", "heldout34_a.jsonl", "catalog_a.toml", 1.00, 0.97),
    ("heldout34", "heldout34_b.jsonl", "catalog_b.toml", 1.00, 0.97),
    # heldout35: held out and scored once at ecb7523 (sports flooring, northern Jiangsu words 0.950 / 0.978,
    # 49 of 60 fully right; B2B tea, Taiwanese-flavoured Minnan with traditional characters 0.833 / 0.916,
    # 32 of 60), then studied: traditional characters read as simplified (names and titles kept as
    # written), 出货 delivered, 报价已经发了 and 寄了报价单 the quote stage, 进度怎样 and 你可以帮我做什么
    # asked, LINE an online contact, 茶馆/茶楼/茶庄 organisations, goods talked through on a call kept a
    # call, 总经理秘书 and 体育组长 one title, a unit's price after 单价 or before 一平 no budget, 讲价格 no
    # haggling, 有去 a visit (a 0.983 / 0.986, 54 of 60; b 1.000 / 0.986, 54 of 60). Left: names the
    # company finder cuts or misses (闽都大饭店 where 都 reads as an adverb, 港务集团办公室 cut at 港务, a
    # shop in brackets, a typo'd county 建胡县), a county or a bare kind taken for the customer (新沂,
    # 篮球俱乐部, 文化广场), a title or name said apart from the other (刘晓东 … 刘经理, 钱国栋 淮阴中学的),
    # a customer's timeline read as our plan, a rep's lead met on the road read as a visit.
    ("heldout35", "heldout35_a.jsonl", "catalog_a.toml", 0.98, 0.98),
    ("heldout35", "heldout35_b.jsonl", "catalog_b.toml", 1.0, 0.98),
    # heldout36: held out and scored once at ad9c071 (welding consumables, Tangshan / Hebei words 0.967 /
    # 0.969, 47 of 60 fully right; TCM decoction pieces, long numbered notes with Anhui words 0.950 / 0.950,
    # 41 of 60), then studied (a 0.983 / 0.996, 58 of 60; b 0.983 / 0.987, 56 of 60): North China words
    # (俺 = 我, 介 = 这, 嘛 = 什么, 见着) read as Mandarin, industrial short names (管道, 管件, 压力容器,
    # 船舶修造, 钢构件, 国医馆) and a legal form kept before 车间, 撑死 as a ceiling, notes headed "记一下："
    # or "拜访记录 <date>" that tell visits, 去量了 as a visit, a product ending in an organisation word
    # glued after the customer, a name handed something after a department, a district cut at a stop
    # character (淮/上/区). Left: "黄骅港那个X船舶修造" (a pointer after a port name), the customer's trial
    # read against the stage (试用完了 进谈判了 is labelled a stage move, 样机拉过去试用了三天 a demo with no
    # stage: the stage rules read a sample left on trial as 方案演示), and titles glued to a department
    # (药剂科主任 labelled 主任, where other sets label 设备科主任 as written).
    ("heldout36", "heldout36_a.jsonl", "catalog_a.toml", 0.98, 0.99),
    ("heldout36", "heldout36_b.jsonl", "catalog_b.toml", 0.98, 0.98),
    # heldout37: held out and scored once at 3a686bd (inspection drones 0.950 / 0.969, 49 of 60 fully
    # right; school and factory catering 0.950 / 0.971, 48 of 60), then studied: the rep's plan met on
    # the line ("下周一下午2点线上过一遍"), a count of follow-ups asked of the team read as a customer's
    # deal ("这个月所有人的跟进次数" gave 月所有人), a surname and its title after a function read as a
    # full name ("分管后勤的黎副院长" gave 黎副 / 后勤), the deal's whole as budget ("项目总盘子450万");
    # now a 0.967 / 0.978, 51 of 60, b 0.950 / 0.983, 50 of 60. Left: help questions read as stats,
    # a report or other ("团队数据怎么看 要发什么指令", "能不能帮我设提醒"); a customer lead told by
    # the rep read as a report ("…孙经理找过来 问飞手培训");
    # "X的报价今天发了" as a report, not a stage; kinds of 试餐 / 看厨房 (demo, visit) missed; a company
    # prefix (中石化) or a department tail (管网所) of a name; a town or a factory as the company; a
    # further amount (预计再加30万) missed as budget.
    ("heldout37", "heldout37_a.jsonl", "catalog_a.toml", 0.96, 0.97),
    ("heldout37", "heldout37_b.jsonl", "catalog_b.toml", 0.95, 0.98),
    # heldout38: held out and scored once at 27beea9 (pool and spa equipment, English words and emoji:
    # 0.983 / 0.974, 50 of 60 fully right; crop seeds, long Northeastern field reports: 0.950 / 0.948,
    # 40 of 60), then studied: a 1.000 / 0.998, 59 of 60; b 0.983 / 0.989, 55 of 60 (funds set aside
    # said flat, "资金是80万", "专项资金15万", and what the customer can take out, "能拿出4万", "最多拿30万",
    # as budget, not a computed total; plant counts 株 / 棵 and an amount before a line break; names
    # ending in 门市, 经销处, 游泳馆, 水世界, 度假世界, and a place then 有个 pointing at one; a
    # province's name starting a company (海南X有限公司) no city, "北海这边" a city; 咋录 as help, 给X讲…咋用
    # and 观摩会 / 示范会 as demos; a person after 回访 / 走访, after a city's quarter (海口观澜湖张先生), or
    # a bare full name deciding or leading the rep round (X确定要, X领我看了); a competitor's install or
    # price cut no stage; what the customer's meeting settled (8号开会定下来) no plan; "还有会所的…" no
    # company). Left: two disputed labels (a22 "老板最后选了Hayward" without the title the README gives a
    # title alone; b13 "报价发过去了 李国栋说再琢磨琢磨" labelled update_stage, read as a quote contact);
    # 场主 (a family farm's head) as a title: read as one it takes 主管 out of "后场主管", so it waits.
    ("heldout38", "heldout38_a.jsonl", "catalog_a.toml", 1.0, 0.99),
    ("heldout38", "heldout38_b.jsonl", "catalog_b.toml", 0.98, 0.98),
    # heldout39: held out and scored once at 44f13cd (office equipment leasing, careful written Mandarin:
    # 0.950 / 0.990, 52 of 60 fully right; enterprise training, half quick chat: 0.967 / 0.973, 50 of 60),
    # then studied: a 1.000 / 1.000, 60 of 60; b 1.000 / 1.000, 60 of 60 (the bot asked what it does with
    # 都 between, a kind of command, "支持哪些查询命令", or a thing done by itself, "能自动提醒我…吗", as
    # help; a title with its office before it (校办主任, 培训中心主任) and HR经理 whole before 姓X; people
    # counted ("80个班组长") no surname and title; a generic role whose holder is asked ("负责人叫什么") no
    # title; a full name after 见完 / 见到了; a city that is also a word before its customer ("大同的白先生");
    # a day's or a head's price pushed down or capped ("每天1.8w…想压到1.5", "人均不能超过1.5w") no budget;
    # an earlier deal's loss ("上次那单输给了X") no stage; "发了正式报价" the quote stage; what the customer
    # took last time asked as a lead query; 文印店 / 图文店 / 变压器 name endings and the kind of body said
    # before a name (市属国有企业, 民营企业) not in it; "按计划去X" a visit). Left: no miss on these two
    # files; 锅炉 as a name's ending waits (it reads "厂里锅炉" as a company).
    ("heldout39", "heldout39_a.jsonl", "catalog_a.toml", 1.0, 1.0),
    ("heldout39", "heldout39_b.jsonl", "catalog_b.toml", 1.0, 1.0),
    # heldout40: held out and scored once at 11e2866 (refrigeration service, written Mandarin: 0.967 / 0.986,
    # 56 of 60 fully right; corporate events at venues, quick chat: 0.983 / 0.975, 47 of 60), then studied:
    # a 1.000 / 1.000, 60 of 60; b 1.000 / 0.996, 58 of 60 (a full name glued after the organisation, then
    # what was shown, made or received of them; a full name met 当面, or showing the rep round at a clause's
    # start; the Naxi surname 和 after meeting, the contact or the organisation; 收到 / 接到 no part of a
    # name, "带人来酒店" and "想咨询" no organisation; an ambiguous city gone to with what is done there, a
    # city's 市区; the bot asked whether it takes voice or pictures as help). Left: h40b49
    # ("超时线索给我列下", scope me; another fixture leaves "超时线索给我看看" without scope, and the bot
    # reads 给我 as the bot asked) and h40b51 ("定金已经打过来了", the bot says 签约; gold has no stage,
    # while five other fixtures label a deposit received 签约): both gold disputes.
    ("heldout40", "heldout40_a.jsonl", "catalog_a.toml", 1.0, 1.0),
    ("heldout40", "heldout40_b.jsonl", "catalog_b.toml", 1.0, 0.99),
    # heldout41: held out and scored once at 4c1a009 (water purification, written Mandarin: 1.000 / 0.992,
    # 57 of 60 fully right; auto aftermarket parts, quick chat: 0.950 / 0.970, 49 of 60), then studied:
    # a 1.000 / 0.997, 59 of 60; b 1.000 / 1.000, 60 of 60 (a range said before the budget word, "在他们80到
    # 100万的预算里", whole; a small first order or a price band said short, "先拿5k的货", "2k-3k的有没有",
    # as budget; "咋设跟进提醒" and "线索咋转给别人" as help; "报了X的价" and "发了X和Y的报价单" the quote
    # stage; the rep at the named customer's place doing something there, "在X给马经理报了价", "在X把合同签
    # 了", a visit told; 汽修 and 车队 name endings, a shop named by a nickname the dictionary tags as no
    # person's, "老周汽修"; a function and its person after a dealership, "4S店售后钱经理", theirs, not a
    # brand; one works of a kind counted, "一家服装厂", no name; a title glued into a word, "教练车", no
    # surname after it). Left: h41a11 "X学院后勤集团的刘文静" is labelled the college alone, where dev d0388
    # and h33a42 label "湘潭大学后勤集团" whole; the bot keeps the dev corpus's reading.
    ("heldout41", "heldout41_a.jsonl", "catalog_a.toml", 1.0, 0.99),
    ("heldout41", "heldout41_b.jsonl", "catalog_b.toml", 1.0, 1.0),
    # heldout42: held out and scored once at 1f72fa3 (lab furniture and fume hoods, written Mandarin: 0.967
    # / 0.994, 56 of 60 fully right; livestream e-commerce services, quick chat with English: 0.967 / 0.973,
    # 50 of 60), then studied: a 1.000 / 0.997, 59 of 60; b 1.000 / 0.995, 58 of 60 (杯业 and 灯饰 as the
    # industry word ending a short company name; a period named by dynasties, "明清", opening a brand, not
    # ending it as a time word; a verb and a one-character head after a city, "去X看厂", the place gone to,
    # no name; a name right after 联系人 / 对接人 / 负责人 whose surname makes a word with 人, "人马";
    # "X去过了" and "今天又约我过去" a visit; "刚加了个客户微信" someone new, a lead; "你都支持哪些查询" and
    # "这个bot能干啥" help). Left: a38 "总价想控制在35万" is labelled [35万, 35万], the bot reads 控制在 as
    # an upper limit [null, 35万] (gold dispute); b19 "负责人郑丽华" is labelled no title, the bot keeps
    # 负责人 as one (gold dispute); b56 "下下周四上午10点复盘" not read as the rep's next step (followup
    # code, changed by another helper at the time).
    ("heldout42", "heldout42_a.jsonl", "catalog_a.toml", 1.0, 0.99),
    ("heldout42", "heldout42_b.jsonl", "catalog_b.toml", 1.0, 0.99),
    # heldout43: held out and scored once at 9e8bc2a (medical gas systems, written Mandarin: 1.000 / 0.988,
    # 56 of 60 fully right; craft beer wholesale, quick chat with emoji and voice: 1.000 / 0.925, 34 of 60),
    # then studied: a 1.000 / 1.000, 60 of 60; b 1.000 / 1.000, 60 of 60 (venues of eating, drinking and
    # play named by their kind, KTV, 精酿吧, 餐吧, 小馆, 农家乐 and more, b01 b02 b11 b13 b23 b28 b31 b32 b41
    # b43 b45 b55; a place pointed at with 那边的 before one, "X中心城那边的", "X开发区那边的", b10 b52; a
    # city and its district before one, b23; a 家 described then named with 叫 in common words or before
    # 跟, b29 b37; an English name gone to before whom the rep met, b34; the venue's kind no function before
    # a title, "KTV 总经理", b41 b58; "等朱总回复" b15; "她是餐厅经理" b25; "给X试喝了" a demo, b07; a team
    # outing no plan, b44; an entered name ended by what the customer plans, a07; "上个月一共" a month,
    # a17; "X的单子丢了" no person, a24; "25万批下来了" a budget, a50). Left: nothing in these files.
    ("heldout43", "heldout43_a.jsonl", "catalog_a.toml", 1.0, 1.0),
    ("heldout43", "heldout43_b.jsonl", "catalog_b.toml", 1.0, 1.0),
    # heldout44: held out and scored once at 07e018e (industrial fasteners, written Mandarin: 0.967 / 0.984,
    # 51 of 60 fully right; custom cabinets, voice and quick chat: 1.000 / 0.978, 51 of 60), then studied: a
    # 1.000 / 1.000, 60 of 60; b 1.000 / 0.990, 57 of 60 (help asked as "它都能帮我做些什么" and "这个助手
    # 支持语音输入吗", a01/a60; 这周一共 the whole week, no Monday, a10; a past day with its hour before 去 a
    # visit, a53/b10, and "上周五去过的那家X" no visit, a06; their works in a district, "他们静海工厂", below
    # the name said before, a43; one of a kind in a park, "X开发区的一家设备厂", no company, a16; a brand
    # ending in 发 after its city when the segmenter cuts 发 off, b12; an English name after 拜访了 or pointed
    # at with 那个 and asked after, b28/b11; "等他们老板拍板" no contact, b33 (and h24b57); a trial order's
    # worth before 的试单, a50, and "75w她那边能接受", b53, the budget; a contract signed after it was mended,
    # a47). Left: b15/b22 青城山居, a lodge named with 山居, is no company the bot knows (b22 reads 青城山 and
    # a contact 居): a hospitality venue name, left to the helper on venue names; b06 "工程部经理王磊" is
    # labelled title 经理, the bot keeps the department as written, 工程部经理, as most corpora label it (gold
    # dispute).
    ("heldout44", "heldout44_a.jsonl", "catalog_a.toml", 1.0, 1.0),
    ("heldout44", "heldout44_b.jsonl", "catalog_b.toml", 1.0, 0.99),
    # heldout45: held out and scored once at 0858d28 (PCB manufacturing and assembly, written Mandarin: 1.000
    # / 0.997, 58 of 60 fully right; commercial design services, voice and quick chat: 1.000 / 0.983, 55 of
    # 60); not studied yet
    ("heldout45", "heldout45_a.jsonl", "catalog_a.toml", 1.0, 0.99),
    ("heldout45", "heldout45_b.jsonl", "catalog_b.toml", 1.0, 0.98),
]


@pytest.mark.parametrize(("folder", "corpus", "catalog", "intent_floor", "f1_floor"), STUDIED)
def test_studied_corpus_stays_above_its_floor(
    folder: str, corpus: str, catalog: str, intent_floor: float, f1_floor: float
) -> None:
    summary = _score(FIXTURES / folder / corpus, FIXTURES / folder / catalog)
    assert summary["intent_accuracy"] >= intent_floor, summary["intent_confusion"]
    assert summary["slot_micro_f1"] >= f1_floor
