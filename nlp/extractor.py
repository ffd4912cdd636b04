"""The extractor: one message in, an `Extraction` (intent, slots, spans) out."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from nlp.catalog import Catalog, Mention
from nlp.cities import districts, find_city, find_english_city, gazetteer
from nlp.companies import CompanyFinder, CompanyHit, suffix_re
from nlp.dates import DayMention, find_period
from nlp.dialect import mandarin
from nlp.followup import Plans, find_bare_followup, find_followup
from nlp.handover import Handover, find_handover
from nlp.intent import (
    BOSS_ASKS,
    INQUIRY_SENT,
    KIND_CALL,
    KIND_ONLINE,
    Facts,
    blanked,
    classify,
    find_kind,
    find_scope,
    find_stage,
    news_start,
    pasted_note,
    plan_alone,
)
from nlp.lexicon import COMMON_SURNAMES, TAKEN_BACK, full_name_like, surnames, titles
from nlp.numbers import find_budget, signed_worth
from nlp.people import Person, PersonFinder, signed_after_number
from nlp.phones import find_emails, find_phones
from nlp.script import as_written, simplified
from nlp.segment import cache_dir, segmenter, word_classes
from nlp.subject import subject_before
from nlp.types import Extraction, FollowUpTime, Intent, NamedPerson, Period, Stage

_QUERIES = frozenset({Intent.QUERY_OVERDUE, Intent.QUERY_TODAY, Intent.QUERY_LEAD, Intent.QUERY_STATS})
_PLANS = frozenset({Intent.LOG_FOLLOWUP, Intent.NEW_LEAD, Intent.UPDATE_STAGE})
# What a handover said in a message overrides: a question of its own, help or a new lead keep theirs.
_HANDED_OVER = frozenset({Intent.OTHER, Intent.LOG_FOLLOWUP, Intent.UPDATE_STAGE, Intent.QUERY_LEAD})
_MAX_TEXT = 4000  # a chat message; anything longer is cut (keeps every step linear and bounded)
_MAX_BARE = 24  # a bare follow-up answer is short
_ASKING = re.compile(r"[吗么嘛？?]\s*$")  # "明天去吃饭吗？" asks, it plans nothing
# With no report around it, a plan says the rep goes ("我过去", "再去一趟", "去装机"): "周五下午3点部门
# 培训记得参加" is a notice to colleagues.
_GOING = re.compile(r"我|再|去|上门|拜访|回访")
# An organisation named as the one that sent the customer to us, its person maybe between: "X的徐主任
# 推荐的我们", "X那边介绍过来的", "X贺总给介绍的" (not "X的王总介绍了一下需求": the customer telling
# its own news).
# A stage named as one (谈判阶段, 报价阶段): no customer's name holds it.
# (two or more named together as well: "报价或者谈判阶段")
_ONE_STAGE = r"(?:初筛|需求确认|方案演示|报价|谈判|签约|交付|输单)"
_STAGE_NAMED = re.compile(rf"{_ONE_STAGE}(?:(?:或者|或是|还是|或|和|跟|与|及|、){_ONE_STAGE})*阶段")
_REFERRER_AFTER = re.compile(
    r"(?:的?[\u4e00-\u9fff]{1,6}?)?(?:那边|那里)?(?:给|帮忙|帮我们?|给我们?)?(?:推荐|介绍|引荐|转介绍)"
    r"(?:的|了?(?:我们|我司|咱们)|过来的)"
)
# An organisation said as the customer's neighbour ("隔壁X去年上了别家的"): an example the customer
# looks at, not the customer.
# (said after a pause or of them: "去了趟隔壁X", "对门的X也要" opening a message are the customer)
_NEIGHBOUR_BEFORE = re.compile(
    r"(?:[，,。；;：:\s]|说|他们|他家|人家)(?:隔壁|邻居|旁边的|对门的?|对面的)(?:的|那家|那个)?\s?$"
)
# An organisation said to have bought a competitor's goods ("隔壁X去年上的希沃", "X用的是Y家的"): an
# example the rep cites, not the customer (the competitor must follow at once).
_RIVALS_BUYER_AFTER = re.compile(
    r"(?:去年|前年|之前|以前|早就|已经|上个?月|年初)?(?:就)?(?:上|用|买|装|采购|选|签)(?:了|的)(?:是)?"
)
# What is wanted of a product named just before ("题库要初高中全科的", "ERP需要带财务模块").
_WANTED = re.compile(r"(?:要|需要|想要|得要|得)")
_SPACES = re.compile(r"[\u00a0\u3000\t\r\f\v]")
# Whose customer the news is about, said before it ("小周跟的X黄了", "老韩负责的X签了"): the person
# who follows the customer, not its name, so the customer is what comes after.
_WHOSE = re.compile(
    r"\s*[\u4e00-\u9fff]{2,4}?(?:在|一直)?(?:跟进|跟|负责|管)(?:着)?的(?=[\u4e00-\u9fffA-Za-z])"
)


# The rep at the named customer's place, said first, then doing something there with them: "上午在X给马经理
# 报了价", "在X把合同签了" (the contact is a visit; 在 after a pause or a time word, not "在微信上").
_AT_CUSTOMER_BEFORE = re.compile(
    r"(?:^|[\s，,。；;！!])(?:(?:今天|昨天|前天|今早|上午|中午|下午|晚上|早上|刚才|刚刚|刚|一早)\s?)*在\s?$"
)
_AT_CUSTOMER_AFTER = re.compile(
    r"(?:那边|这边|里|店里|厂里)?\s?(?:给|把|跟|和|与|同)[^，,。；;！!？?\s]{1,20}?了(?![吗么没?？])"
)


def _at_customer(text: str, company: CompanyHit | None, channel: str) -> tuple[int, int] | None:
    """The span of "在X" when the rep tells of being at the named customer's place, doing something there."""
    if company is None or channel != "rep" or company.strength == 0:
        return None
    before = _AT_CUSTOMER_BEFORE.search(text, max(0, company.start - 12), company.start)
    if before is None or _AT_CUSTOMER_AFTER.match(text, company.end) is None:
        return None
    return company.start - 1, company.end


# A name taken back at once, spoken: "X项目 哦不对是Y", "X，不对不对，是Y", "X 说错了 是Y".
_TAKEN_BACK_AFTER = re.compile(
    rf"(?:项目|那边|那家)?[\s，,]?(?:哦|噢|啊|呃)?[\s，,]?{TAKEN_BACK}[\s，,]?(?:应该)?是"
)
# The contact's own boss, spoken of by the contact: "她说老板批了", "他说领导那边同意了".
_THEIR_BOSSES = frozenset({"老板", "领导", "老总", "上级"})
_THEY_SAID = re.compile(r"[他她](?:们)?(?:说|讲|告诉我)[\s，,]?(?:他们|她们)?(?:的)?$")
# A channel's word held or used, not sold: "开了个视频会议", "约了视频会议", "视频会议上聊的".
_CHANNEL_HELD_BEFORE = re.compile(r"(?:开|约|打|通|用|在|过)了?[个次一场]*\s?$")
_CHANNEL_HELD_AFTER = re.compile(r"\s?(?:上|里|中|聊|沟通|谈|讲|说|开了|开完)")


def _channel_goods(text: str, mentions: list[Mention]) -> list[tuple[int, int]]:
    """The catalog's products whose name is a word of a channel ("视频会议系统" sold as "视频会议", a "电话
    会议" kit), where the message names the product, not a contact held on the channel."""
    return [
        (m.start, m.end)
        for m in mentions
        if m.kind == "product"
        and (KIND_ONLINE.search(text, m.start, m.end) or KIND_CALL.search(text, m.start, m.end))
        and not _CHANNEL_HELD_BEFORE.search(text, max(0, m.start - 5), m.start)
        and not _CHANNEL_HELD_AFTER.match(text, m.end)
    ]


# A contact told with no word for how ("已联系X"), then the next call planned as another one ("明天再打"):
# the contact was a call too.
_IN_TOUCH = re.compile(r"(?<![没未不再要人谁])(?:已经?联系|联系(?:了|过))")
_CALL_AGAIN = re.compile(r"再(?:打|拨|给[他她]打|回个?电话|(?i:call))")


def _again_by_phone(told: str, text: str) -> tuple[str, tuple[int, int]] | None:
    if _IN_TOUCH.search(told) is None:
        return None
    m = _CALL_AGAIN.search(text)
    return ("call", m.span()) if m is not None else None


# A clause a competitor opens, maybe after a pause word ("罗氏上周已经做过演示", "另外X也来拜访过"): what it
# tells is the competitor's doing, no contact of ours.
_CLAUSE_MARK = re.compile(r"[，,。；;！!？?\n]|\s(?=[\u4e00-\u9fff0-9])")  # (a pause in voice input too)
_RIVAL_OPENS = re.compile(r"\s*(?:另外|而且|但是?|不过|听说|据说)?\s*$")


def _without_rivals_doings(text: str, rivals: tuple[tuple[int, int], ...]) -> str:
    """The text with the clauses a competitor opens blanked (same length)."""
    marks = [m.end() for m in _CLAUSE_MARK.finditer(text)]
    spans = []
    for start, end in rivals:
        opens = max((k for k in marks if k <= start), default=0)
        if _RIVAL_OPENS.fullmatch(text, opens, start) is not None:
            stop = next((k - 1 for k in marks if k > end), len(text))
            spans.append((start, stop))
    return blanked(text, spans)


# Our products talked through for the customer, said done: "把X和Y都介绍了一通", "给他们介绍了一下X" (a
# demo, as 讲方案 is; "把情况讲了一遍" tells no product shown).
_PRESENTED = re.compile(
    r"把(?P<what>[^，,。；;！!？?]{2,30}?)(?:一起|都|也|挨个|逐一|全)?(?:讲|介绍|讲解)(?:了|完)(?:一遍|一下|一通|一轮)?"
    r"|(?:讲|介绍|讲解)(?:了|完)(?:一遍|一下|一通|一轮)?(?P<after>[^，,。；;！!？?]{2,30})"
)


def _goods_presented(told: str, goods: tuple[tuple[int, int], ...]) -> tuple[str, tuple[int, int]] | None:
    """A demo told as the catalog's products talked through (`told`: the text outside the plans)."""
    if "讲" not in told and "介绍" not in told:
        return None
    for m in _PRESENTED.finditer(told):
        what = "what" if m.group("what") is not None else "after"
        start, end = m.span(what)
        if what == "after":
            end = start + 2  # the product named right after the verb
        if any(start <= s < end for s, _ in goods):
            return "demo", m.span()
    return None


def _own_plan(text: str, today: date, plans: Plans) -> DayMention | None:
    """The rep's next contact in a short message with no other content: one later day, with what the
    rep will do then (find_followup leaves out others' timelines and what was already done)."""
    days = plans.days()
    if len(days) != 1 or _ASKING.search(text) or not _GOING.search(text, days[0].end):
        return None
    return find_followup(text, today, days)


# The contact's number changed: "换号了", "新号码是…", "手机号改成…".
_NUMBER_CHANGED = re.compile(
    r"换(?:了个?)?(?:新)?(?:号|手机|电话)|新(?:的)?(?:手机)?号码?|号码?(?:换|改)|改号"
)


def _with_phones(
    main: Person | None,
    others: list[Person],
    mentions: list[Person],
    phones: list[tuple[str, tuple[int, int]]],
) -> tuple[NamedPerson, ...]:
    """The other people, each with the phone written next to them: a phone belongs to the person
    named last before it (else the first after it), so a colleague's number never lands on the
    contact."""
    if main is None or not others:
        return tuple(NamedPerson(p.name, p.title) for p in others if p.name)
    people = [main, *others]

    def who(p: Person) -> int | None:
        return next(
            (i for i, q in enumerate(people) if q.name == p.name or (q.start <= p.start < q.end)), None
        )

    marks = sorted((p.start, p.end, i) for p in [*mentions, *people] if (i := who(p)) is not None)
    owned: dict[int, str] = {}
    for number, (s, e) in phones:
        before = [i for _, end, i in marks if end <= s]
        after = [i for start, _, i in marks if start >= e]
        i = before[-1] if before else (after[0] if after else 0)
        owned.setdefault(i, number)
    return tuple(NamedPerson(p.name, p.title, owned.get(i)) for i, p in enumerate(people) if i > 0 and p.name)


def _names_catalog(handover: Handover, mentions: list[Mention]) -> bool:
    """Whether the words the handover names its customer by are a product or competitor."""
    if handover.customer_span is None:
        return False
    start, end = handover.customer_span
    return any(m.start < end and start < m.end for m in mentions)


def _reassigns(intent: Intent, handover: Handover, plans: Plans) -> bool:
    """Whether the message is the handover it says: not when its words ask something else, hand in a
    new lead, or report a contact ("今天拜访了X，…以后由小刘跟进" is a report first)."""
    if intent == Intent.REASSIGN_LEAD:
        return True
    return intent in _HANDED_OVER and find_kind(plans.unplanned()) is None


_LOOKBACK = 40  # longer than any organisation name read leftwards from its suffix
_BLOCK_RUN = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]*")  # jieba's blocks (jieba.re_han_default)


# A given name is no common word: "许|丽萍" is a person, "马|鞍山" or "高|新区" is not.
_GIVEN_WORD_FREQ = 2000
_REPORTED_NAME_MAX = 4  # a customer's short name before its report: "睿驰演示做完了", "潍坊鲁润讲完方案了"
_REPORTED_NAME_GAP = 3  # ...and what may stand between: "X现场讲完方案了"


# A person called by a kin word or a nickname ("蹇哥", "老周"), not a customer.
_CALLED_LIKE_KIN = re.compile(r"^[小老阿]|[哥姐弟妹叔姨婶嫂爷]$")


def _short_name_told(
    subject: tuple[str, tuple[int, int]],
    where: tuple[int, int],
    places: list[re.Match[str]],
    is_word: Callable[[str], bool],
) -> bool:
    """Whether the name standing first is a short name right before how the contact went: not a place
    alone ("南宁今天下雨 没去拜访"), an everyday word ("大家电话里都说好") or a person ("蹇哥", "刘总")."""
    name, (start, end) = subject
    if len(name) > _REPORTED_NAME_MAX or where[1] - end > _REPORTED_NAME_GAP:
        return False
    if is_word(name) or _CALLED_LIKE_KIN.search(name) or name.endswith(titles()):
        return False
    if (len(name) == 2 and name[0] in surnames()) or (len(name) == 3 and name[0] in COMMON_SURNAMES):
        return False  # "孟丽", "芮晨": a person's full name
    # a place alone, or a city and one of its districts ("绍兴柯桥陈先生家量好尺寸了"): where, not who
    rest = next((name[p.end() - start :] for p in places if p.start() == start), name)
    return bool(rest) and rest not in districts().anywhere


class Extractor:
    """Built once from a catalog (loads jieba lazily on first use) and reused for every message."""

    def __init__(self, catalog: Catalog | None = None, tz: str | ZoneInfo = "Asia/Shanghai") -> None:
        self.catalog = catalog if catalog is not None else Catalog.build()
        self.tz = tz if isinstance(tz, ZoneInfo) else ZoneInfo(tz)
        self._ready = False

    def _build(self) -> None:
        directory = cache_dir()
        words = [*self.catalog.words(), *titles(), *gazetteer().all_forms()]
        self._segmenter = segmenter(words, directory)  # holds the shared tokenizer while this extractor lives
        self._tk, self._added = self._segmenter.tokenizer, self._segmenter.added
        freq = self._tk.FREQ
        self._freq = lambda w: freq.get(w, 0) or 0
        classes = word_classes(directory)
        self._places = classes.places
        self._verbs = classes.verbs
        self._cut = self._segmenter.cutter()
        self._companies = CompanyFinder(classes, self._freq, self._cut)
        people = classes.people
        # A full name the dictionary holds as a person's ("刘卫东") is a name, however often it is written.
        self._people = PersonFinder(lambda w: 0 if w in people else freq.get(w, 0) or 0, classes.namesakes)
        self._ready = True

    def _full_name(self, name: str) -> bool:
        """A person's full name (lexicon.full_name_like) that is no place ("马鞍山")."""
        return name not in self._places and full_name_like(name, self._freq)

    def warm_up(self) -> None:
        """Load the segmenter now instead of on the first message."""
        if not self._ready:
            self._build()

    def _base_word(self, word: str) -> bool:
        """A word of jieba's own dictionary that is not a place or organisation ("三明治", "大理石")."""
        return word not in self._added and word not in self._places and self._freq(word) > 0

    def _tokens(
        self, text: str, suffixes: list[tuple[str, int, int]], places: list[re.Match[str]]
    ) -> list[tuple[str, int, int]]:
        """(word, start, end) around what needs word boundaries (organisation suffixes, cities).

        Only the stretch from a little before the first such word to the end of the last one is cut,
        snapped to jieba's own block boundaries (runs of Han characters, letters and digits), so the
        words there are exactly those of a full cut. `suffixes` and `places` are the scans of the
        message by suffix_re and the gazetteer (non-overlapping, leftmost longest).
        """
        if not suffixes and not places:
            return []
        first = min([s for _, s, _ in suffixes[:1]] + [m.start() for m in places[:1]])
        # The stretch ends with the block of the word that ends last. Such words are made of block
        # characters only, and every one of them starts inside a word its scan found (the scan
        # tries every position it does not step over), so the two lie in one block: the last
        # block is that of the last word one of the scans found.
        hi = max(
            _BLOCK_RUN.match(text, e).end()
            for e in [e for _, _, e in suffixes[-1:]] + [m.end() for m in places[-1:]]
        )
        n = len(text)
        lo = n - _BLOCK_RUN.match(text[::-1], n - max(0, first - _LOOKBACK)).end()
        tokens: list[tuple[str, int, int]] = []
        pos = lo
        for w in self._cut(text[lo:hi]):
            end = pos + len(w)
            tokens.append((w, pos, end))
            pos = end
        return tokens

    def extract(
        self, text: str, sent_at: datetime, channel: str = "rep", intent: Intent | None = None
    ) -> Extraction:
        """`intent`: what the caller already knows the message is (one that names a customer of the
        writer's book is a report on it); the slots are then read as for that intent."""
        if not self._ready:
            self._build()
        if sent_at.tzinfo is None:
            sent_at = sent_at.replace(tzinfo=self.tz)
        local = sent_at.astimezone(self.tz)
        today = local.date()
        # (traditional characters read as simplified, Cantonese function words as Mandarin: same length,
        # so the spans are the message's)
        written = _SPACES.sub(" ", text[:_MAX_TEXT])
        plain = simplified(written)
        text = mandarin(plain)
        spans: dict[str, tuple[int, int]] = {}

        mentions = self.catalog.find(text)
        emails = find_emails(text)
        email_spans = [sp for _, sp in emails]
        phones = [p for p in find_phones(text) if not any(s <= p[1][0] < e for s, e in email_spans)]
        suffixes = [(m.group(), m.start(), m.end()) for m in suffix_re().finditer(text)]
        places = list(gazetteer().pattern.finditer(text))
        tokens = self._tokens(text, suffixes, places)
        blocked = [(m.start, m.end) for m in mentions] + email_spans
        # "我们组谈判阶段的单子": a stage named as one is no part of a customer's name
        blocked += [m.span() for m in _STAGE_NAMED.finditer(text)]
        # The member a customer is handed to is a colleague, never the customer's contact.
        handover = (
            find_handover(text) if channel == "rep" and intent in (None, Intent.REASSIGN_LEAD) else None
        )
        if handover is not None and _names_catalog(handover, mentions):
            handover = None  # "彩超这块交给小王负责": a product line handed over, not a customer
        if handover is not None:
            blocked.append(handover.assignee_span)
        company = self._companies.find(text, tokens, blocked, suffixes)
        for _ in range(3):
            if company is None or not (
                # "他说是X的徐主任推荐的我们": the organisation that sent the customer is not the customer
                _REFERRER_AFTER.match(text, company.end) is not None
                # "去了X 哦不对是Y": a name said wrong and taken back, the one after it is the customer
                or _TAKEN_BACK_AFTER.match(text, company.end) is not None
                # "他们隔壁X去年上的别家": the neighbour is an example, not the customer
                or _NEIGHBOUR_BEFORE.search(text, max(0, company.start - 8), company.start) is not None
                # "说啊滤芯那个价": a piece of a product's name said alone is what is sold, not who buys
                or self.catalog.product_piece(company.name)
                # "题库要初高中全科的": the product then what is wanted of it, not an organisation
                or any(
                    m.kind == "product"
                    and m.start == company.start
                    and m.end < company.end
                    and _WANTED.match(text, m.end) is not None
                    for m in mentions
                )
            ):
                break
            blocked.append((company.start, company.end))
            company = self._companies.find(text, tokens, blocked, suffixes)
        if (
            company is not None
            and (after := _RIVALS_BUYER_AFTER.match(text, company.end)) is not None
            and any(m.kind != "product" and m.start == after.end() for m in mentions)
        ):
            # "隔壁X去年上的希沃": a competitor's customer cited beside ours (kept when no other is named:
            # "X前年上的金蝶 现在想换" is about X itself)
            other = self._companies.find(text, tokens, [*blocked, (company.start, company.end)], suffixes)
            if other is not None:
                blocked.append((company.start, company.end))
                company = other
        person, others, mentions_of = self._people.find_all(
            text, company.end if company else None, company.start if company else None, blocked
        )
        if (
            person is not None
            and person.name is None
            and person.title in _THEIR_BOSSES
            and _THEY_SAID.search(text, max(0, person.start - 4), person.start) is not None
        ):
            person = None  # "她说老板批了": the contact's boss, told of by the contact, is not met
        if person is None and phones:
            person = signed_after_number(text, phones[-1][1][1])
        named_others = _with_phones(person, others, mentions_of, phones)
        city = find_city(text, tokens, self._base_word, blocked, company.start if company else None, places)
        if city is None:
            city = find_english_city(text, blocked)

        products: list[str] = []
        competitors: list[str] = []
        for m in mentions:
            if company is not None and company.start <= m.start and m.end <= company.end:
                continue
            target = products if m.kind == "product" else competitors
            if m.name not in target:
                target.append(m.name)
                spans.setdefault(m.kind + "s", (m.start, m.end))

        at_customer = _at_customer(text, company, channel)
        facts = Facts(
            channel=channel,
            at_customer=at_customer is not None,
            has_company=company is not None,
            has_person=person is not None,
            has_catalog=bool(mentions),
            has_phone=bool(phones),
            has_contact_info=bool(phones or emails),
            rivals=tuple((m.start, m.end) for m in mentions if m.kind != "product"),
            goods=tuple((m.start, m.end) for m in mentions if m.kind == "product"),
            # (a product named by a channel's word, "视频会议" sold, is no contact held on it)
            plans=(plans := Plans(blanked(text, _channel_goods(text, mentions)), today)),
        )
        intent = intent or classify(text, facts)
        if (
            intent in _QUERIES
            and person is not None
            and person.name is None
            and ((boss := BOSS_ASKS.match(text)) is not None and person.start < boss.end())
        ):
            person = None  # "PM问我这个月新增几个": the rep's boss asking through the rep is no contact
        if handover is not None and not _reassigns(intent, handover, plans):
            handover = None
        if handover is not None:
            intent = Intent.REASSIGN_LEAD
            if company is None and handover.customer is not None and handover.customer_span is not None:
                company = CompanyHit(handover.customer, *handover.customer_span, strength=0, score=0)
        # (a report may name its contact after the customer: "X吕明浩电话说…" ends the name at the person)
        # (a person named only after the news leaves the name before it to the customer: "X签了 陈姐说…")
        named_first = person is None or intent == Intent.LOG_FOLLOWUP
        if (
            company is None
            and (where := news_start(text, intent, person.start if person else None, facts.rivals))
            and (named_first or (person is not None and person.start >= where[1]))
        ):
            known = [m.start for m in mentions] + ([person.start] if person is not None else [])
            head = " " * where[0] + text[where[0] :]  # the name stands first in what is left
            if (whose := _WHOSE.match(head)) is not None and whose.end() < where[1]:
                head = " " * whose.end() + head[whose.end() :]
            subject = subject_before(head, where[1], lambda w: w in self._verbs, known, self._cut)
            if (
                subject is not None
                and intent == Intent.LOG_FOLLOWUP
                and not _short_name_told(subject, where, places, self._base_word)
            ):
                subject = None
            if subject is not None and person is None and self._full_name(subject[0]):
                # "许丽萍那个单子现在到哪一步了": a person's full name, asked about as the deal's contact
                person = Person(subject[0], None, *subject[1])
            elif subject is not None and not self.catalog.product_piece(subject[0]):
                # "海底捞那单丢了": the customer is what the news is about (a product word is not one)
                company = CompanyHit(subject[0], *subject[1], strength=0, score=0)
        # (a phone's digits are no amount: "0512-5766 3321" is not 512 to 5766)
        money_text = blanked(text, [sp for _, sp in phones] + email_spans)
        budget = find_budget(money_text)
        stage = kind = scope = None
        followup = period = None
        if intent in _PLANS:
            st = find_stage(text, facts.rivals)
            if st is not None:  # a stage word in a plan for a later day is no stage reached
                st = find_stage(text, facts.rivals, plans.unplanned())
            if st is not None and channel == "customer" and st[0] == Stage.QUOTE.value:
                st = None  # "报价发到邮箱": a customer asks us for a quote, no quote of ours reached
            if st is not None:
                stage, spans["stage"] = st
            fu = find_followup(text, today, plans.days(), f"{local.hour:02d}:{local.minute:02d}")
            if fu is not None:
                followup = FollowUpTime(fu.day.isoformat(), fu.time)
                spans["next_followup"] = (fu.start, fu.end)
        elif intent == Intent.OTHER and len(text) <= _MAX_BARE:
            # A bare answer to "when next?" or a correction of it: "周五下午", "改到下周四上午"; or the
            # rep's plan told on its own after a report ("月底前我再去一趟", "后天下午去装机").
            fu = find_bare_followup(text, today, plans.days()) or _own_plan(text, today, plans)
            if fu is not None:
                followup = FollowUpTime(fu.day.isoformat(), fu.time)
                spans["next_followup"] = (fu.start, fu.end)
        if budget is None and stage == Stage.WON:  # a signed deal's amount is its budget (corpus README)
            budget = signed_worth(money_text)
            if budget is not None:
                spans["budget"] = budget[1]
        reported_kind = None
        if intent == Intent.LOG_FOLLOWUP or (intent == Intent.NEW_LEAD and channel == "rep"):
            # How the contact happened, read outside the plans for later days ("明天见面" is a plan).
            told = plans.unplanned()
            k = None
            if "询" in told:
                # The channel a customer's inquiry came by is theirs, not a contact of the rep's: a contact
                # told beside it is the kind; with none, a known customer's inquiry stays the contact.
                sent = [m.span() for m in INQUIRY_SENT.finditer(told)]
                k = find_kind(blanked(told, sent)) if sent else None
                if sent and intent == Intent.NEW_LEAD:
                    told = ""
            if facts.rivals:
                told = _without_rivals_doings(told, facts.rivals)
            if intent == Intent.LOG_FOLLOWUP and (note := pasted_note(told)) is not None:
                # a forwarded message answered: the contact is in the rep's note after it, or else the
                # message itself, which came and was answered online
                k = find_kind(blanked(told, [(0, note[0])])) or ("online", (note[1] - 2, note[1]))
            k = k or find_kind(told) or _again_by_phone(told, text)
            if k is None and at_customer is not None and not told[at_customer[0] : at_customer[1]].isspace():
                k = ("visit", at_customer)  # "在X给马经理报了价": at their place, so a visit
            # (goods talked through on a call or a video is the call or the video: "电话里讲了X要换")
            if (k is None or k[0] not in ("demo", "call", "online")) and facts.goods:
                k = _goods_presented(told, facts.goods) or k
            if k is not None and intent == Intent.LOG_FOLLOWUP:
                kind, spans["kind"] = k
            elif k is not None:
                reported_kind = k[0]
        alone = (
            intent == Intent.LOG_FOLLOWUP
            and followup is not None
            and kind is None
            and stage is None
            and budget is None
            and not competitors
            and plan_alone(unplanned := plans.unplanned())
            # a product said outside the plan is news of the deal ("彩超要两台，下周三我把方案发过去")
            and all(unplanned[m.start : m.end].isspace() for m in mentions)
        )
        if intent in _QUERIES:
            scope = find_scope(text)
        if intent in (Intent.QUERY_STATS, Intent.QUERY_TODAY):
            p = find_period(text, today)
            if p is not None:
                (start, end), spans["period"] = p
                period = Period(start.isoformat(), end.isoformat())

        if company is not None:
            spans["company"] = (company.start, company.end)
        if person is not None:
            spans["contact_name" if person.name else "contact_title"] = (person.start, person.end)
        if phones:
            spans["phone"] = phones[0][1]
        if emails:
            spans["email"] = emails[0][1]
        if budget is not None:
            spans["budget"] = budget[1]
        if city is not None:
            spans["city"] = city[1]
        if handover is not None:
            spans["assignee"] = handover.assignee_span
        if plain is not written:  # names and titles as the message wrote them ("洪經理" is 經理)
            if company is not None:
                name = as_written(company.name, text, written, company.start, company.end)
                company = replace(company, name=name)
            if person is not None:
                person = replace(
                    person,
                    name=person.name and as_written(person.name, text, written, person.start, person.end),
                    title=person.title and as_written(person.title, text, written, person.start, person.end),
                )
        return Extraction(
            intent=intent,
            company=company.name if company else None,
            contact_name=person.name if person else None,
            contact_title=person.title if person else None,
            phone=phones[0][0] if phones else None,
            email=emails[0][0] if emails else None,
            products=tuple(products),
            competitors=tuple(competitors),
            budget=budget[0] if budget else None,
            city=city[0] if city else None,
            kind=kind,
            stage=stage,
            next_followup=followup,
            scope=scope,
            period=period,
            reported_kind=reported_kind,
            plan_alone=alone,
            others=named_others,
            phone_changed=bool(phones) and _NUMBER_CHANGED.search(text) is not None,
            assignee=handover.assignee if handover is not None else None,
            spans=spans,
        )
