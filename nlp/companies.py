"""Customer organisations recognised from their structure (a name plus an organisation suffix).

Full names end in a legal form or an institution word (有限公司, 医院, 超市, 局 ...); short names end in an
industry word (远航物流, 金鼎涂料). The name is what precedes the suffix, back to the first word that
cannot be part of a name (a verb, a pronoun, a time word, punctuation), found on jieba's tokens.
`company_key` (nlp/company_key.py) folds the full and the short form of one customer to the same key.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from nlp.cities import gazetteer
from nlp.company_key import PROVINCES
from nlp.dates import DAY_RE, PERIOD_RE
from nlp.lexicon import COMMON_SURNAMES, company_words, literal_re, org_suffixes, titles
from nlp.lexicon import surnames as surnames_set
from nlp.segment import WordClasses

Token = tuple[str, int, int]

# Words that end a name although their dictionary tag would allow them in one (拜访, 我们, 电话).
_STOP = company_words("company_stop_words.txt")
# Single characters that end a name when they stand alone as a token.
_STOP_CHARS = frozenset(
    "了的和跟给在去是从到把被对向与及或也都还就又再才让叫请找见约说问聊谈看查帮等个这那些哪"
    "每各该其您你我他她它们啊吧呢吗嗯哦呀噢哈为于由司刚趟下着上"
)
# English words that introduce a name rather than belong to it ("this is Bella from X", "we are X").
_LATIN_STOP = frozenset(
    {
        *("a", "an", "the", "from", "at", "of", "for", "in", "on", "to", "with", "and", "or", "is", "are"),
        *("am", "was", "were", "this", "that", "we", "i", "i'm", "we're", "called", "named", "hi", "hello"),
        *("dear", "sales", "our", "my", "your", "company"),
    }
)
# Single-character verbs that do not start a name ("开小超市的" is not a shop called 开小超市).
_VERB_CHARS = frozenset("开做搞发送买卖拿进出跑上下要想录建转推签丢输来")
# Words a name may contain although they are tagged as verbs, numerals or time words (加工, 北方, 时代).
_ALLOW = company_words("company_name_words.txt")
# Gap words that may not stand between a place and a generic name ("六盘水凉都电力有限责任公司" is fine).
_GAP_STOP = frozenset("的是了和跟给在与及或从到把被对向")
_GAP_MAX = 6
_ORDINAL = re.compile(r"第?[一二三四五六七八九十]{1,3}")
# Counting words: "一家火锅店" is a description, not a name.
_MEASURE = company_words("company_measure_words.txt")
_PUNCT_STOP = re.compile(r"[\s,，。.;；:：!！?？、/|\"“”'‘’《》<>【】\[\]{}+＋=~～@#&*·…—\-]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_MAX_NAME = 22  # characters; a run of Latin letters or digits counts as two
_LATIN_RUN = re.compile(r"[A-Za-z0-9]+")
_MAX_BRAND = 4
_BRAND_FREQ = 400  # a short name's brand is a rare word ...
_PLACE_BRAND_FREQ = 20000  # ... unless a place name stands before it


# A bare brand the rep refers to as a place ("在明泰那边做了演示", "顺发那边的老板娘").
_THERE = re.compile(
    r"(?:^|(?<=[在去到跟和给从找问催约，,。:：\s])|(?<=[^\u4e00-\u9fffA-Za-z0-9]))(?P<name>(?:(?![在去到跟和给从找问催约的了])[\u4e00-\u9fff]){2,5}?)(?:那边|那儿|那里)"
)
_THERE_NOT = re.compile(r"[他她我你它们这那哪谁客户里家方]|厂|公司|单位|学校|医院|老板|领导")
# Suffixes of departments and offices: right after another organisation they are part of it.
_DEPARTMENT = ("局", "办", "处", "科", "室", "部", "中心")
# Offices inside an institution; "…大学附属医院" is a hospital, but "…管委会信息化中心" is the 管委会.
_OFFICE = ("中心", "办公室", "办", "处", "科", "室", "局", "食堂", "车间")
_PROVINCES = frozenset(PROVINCES)
# An English name ending in an organisation word ("Vertex Robotics", "Brightwave Consulting").
_LATIN_ORG = re.compile(
    r"(?<![A-Za-z])(?:[A-Z][\w&+\-]*\s){0,3}[A-Z][\w&+\-]*\s(?:Robotics|Consulting|Labs?|Tech|Technolog(?:y|ies)"
    r"|Group|Inc\b\.?|Ltd\b\.?|Corp\b\.?|Corporation|Company|Studios?|Solutions|Systems|Logistics|Foods?|Trading"
    r"|Capital|Partners|Semiconductors?|Electronics|Pharma(?:ceuticals?)?|Medical|Health(?:care)?|Biotech|Energy"
    r"|Motors|Networks|Software|Games|Media|Design|Holdings|Industries|Manufacturing|Engineering|Hotels?"
    r"|Restaurants?|Cafe|Bakery|Academy|Clinic|Hospital)(?![A-Za-z])"
)
_DEPARTMENT_CHARS = frozenset("科部处室组办")
_OWNER_MAX = 10  # an organisation named before its person is a short name


@dataclass(frozen=True, slots=True)
class CompanyHit:
    name: str
    start: int
    end: int
    strength: int
    score: int


@cache
def suffix_re() -> re.Pattern[str]:
    return literal_re(org_suffixes())  # the longest suffix at each position


@cache
def _stop_re() -> re.Pattern[str]:
    return re.compile(
        "|".join(map(re.escape, sorted((w for w in _STOP if len(w) > 1), key=len, reverse=True)))
    )


@cache
def _title_start_re() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, titles())))


_VERB_TOKEN = re.compile(r"[开建办看]了?个?")
_LATIN_BRAND = re.compile(r"[\u4e00-\u9fff]{0,3}[A-Za-z][A-Za-z0-9]{1,15}[\u4e00-\u9fff]{0,2}")
_THAT_ONE = re.compile(r"(?P<place>[\u4e00-\u9fff]{0,4}?)(?:那个|那家|这个|这家)")
# A visit or call right before a brand said alone: "又去了一趟瑞昇，", "上门回访鑫达，".
_VISIT = r"去了一?趟|跑了一?趟|拜访了?|回访了?|去了|跑了|到了|打给"
_VISIT_WORD = re.compile(_VISIT)
_VISIT_BEFORE = re.compile(rf"(?:{_VISIT})\s?$")
_QUESTION_WORD = re.compile(r"多少|几|什么|啥|哪|谁|吗|嘛|怎么")
_WANT_WORDS = frozenset({"需要", "准备", "计划", "打算", "想要", "想做", "要做"})
_WANT_BEFORE = re.compile(r"(?:想|要|做|搞|上|需要|准备|计划|打算)$")
# What may stand before a brand that opens a note: emoji, a phone or check mark, spaces.
_LEADING_MARKS = " \t📞☎✅👍🎉🔥❗！!·-—>"
_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]{2,6}")
_GREETINGS = frozenset(
    {"早上好", "晚上好", "下午好", "中午好", "早安", "晚安", "收到", "好的", "谢谢", "辛苦"}
)
# A brand opening a note, then its payment or papers: "禾丰首付款30%到账了".
_LEAD_DEAL = re.compile(r"(?P<brand>[\u4e00-\u9fff]{2,4}?)(?=首付|尾款|货款|回款|合同|订单|标书|发票)")
# Deal words after "的": "瑞昇的合同", "拓维的情况", "雅美整形的招标文件".
_DEAL_WORDS = "合同|情况|跟进|联系人|单子|项目|订单|报价|进度|标书|招标|尾款|首付|货款|款|货|历史|电话|手机"


@cache
def _brand_end_re() -> re.Pattern[str]:
    """Where a brand named without an organisation word ends: before its person, its deal, or a pause."""
    surnames = "".join(sorted(surnames_set()))
    titles_ = _title_start_re().pattern
    return re.compile(
        r"(?:那边)?的\s?(?:(?:[一两几]位|[\u4e00-\u9fff]{0,2})(?:" + titles_ + r")"
        r"|[A-Z][a-z]+\b|["
        + "".join(sorted(COMMON_SURNAMES))
        + r"][\u4e00-\u9fff]{1,2}(?=$|[\s，。,!！?？]|说|讲|聊|问|确认|电话|手机|的))"
        r"|(?P<person>(?<=[\u4e00-\u9fff])(?=[" + surnames + r"](?:" + titles_ + r")))"
        r"|(?=那单|这单|那个|的(?:" + _DEAL_WORDS + r")|(?:老板娘|老板|老总)(?![桌椅台]))"
        r"|(?P<buyer>(?<=[\u4e00-\u9fff])(?=[" + surnames + r"]采购))"
        r"|(?P<alone>(?=\s|[，,。]|$))"
    )


def _name_length(name: str) -> int:
    """Length for the name-length cap: a Latin word is one unit of two characters, not one per letter."""
    return len(_LATIN_RUN.sub("xx", name))


def _is_place(word: str) -> bool:
    g = gazetteer()
    return (
        word in g.cities
        or word in g.full_to_short
        or word in g.counties
        or word in _PROVINCES
        or (len(word) >= 3 and word[-1] in "省市区县镇" and _CJK.fullmatch(word[0]) is not None)
    )


class CompanyFinder:
    """Finds the customer organisation in a text; built once per extractor."""

    def __init__(
        self, classes: WordClasses, freq: Callable[[str], int], cut: Callable[[str], list[str]]
    ) -> None:
        self._strong, self._verbs = classes.strong, classes.verbs
        self._freq = freq
        self._cut = cut

    def _name_part(self, word: str) -> bool:
        if word in _ALLOW or _ORDINAL.fullmatch(word) or _is_place(word):
            return True
        if word in _STOP or word in _MEASURE:
            return False
        if word.isascii() and word.lower() in _LATIN_STOP:
            return False
        if len(word) == 1:
            return word not in _STOP_CHARS and (_CJK.match(word) is not None or word.isalnum())
        if _CJK.match(word) is None and not word.isalnum():
            return False
        return word not in self._strong

    def find(self, text: str, tokens: list[Token], blocked: list[tuple[int, int]]) -> CompanyHit | None:
        """The best organisation candidate, or None."""
        suffixes = org_suffixes()
        matches = [(m.group(), m.start(), m.end()) for m in suffix_re().finditer(text)]
        # Overlapping ones too: "物业服务中心" holds both 物业服务 and 服务中心.
        for _, start, end in list(matches):
            for k in range(start + 1, end):
                inner = suffix_re().match(text, k)
                if inner is not None and inner.end() > end:
                    matches.append((inner.group(), k, inner.end()))
        if not matches:
            return self._without_suffix(text, blocked)
        index_by_end = {e: i for i, (_, _, e) in enumerate(tokens)}
        starts = [s for _, s, _ in tokens]
        stops = [m.span() for m in _stop_re().finditer(text)]
        hits: list[CompanyHit] = []
        for word, s, e in matches:
            strength = suffixes[word]
            if e not in index_by_end:
                continue  # the suffix is the start of a longer word ("厂区", "局面")
            if word == "连锁":
                continue
            if text.startswith("连锁", e) and strength >= 2:
                e += 2  # "东营鲁泰便利店连锁": the chain is part of the name
            hit = self._candidate(text, tokens, bisect_right(starts, s) - 1, s, e, strength, stops)
            if hit is None:
                continue
            # A catalog word inside a strong name is part of the name ("平安医院"), but a short name
            # must not be a catalog word ("京东冷链" is a competitor).
            if any(bs < hit.end and hit.start < be for bs, be in blocked) and (
                strength == 1 or any(bs <= hit.start and hit.end <= be for bs, be in blocked)
            ):
                continue
            hits.append(hit)
        if not hits:
            return self._without_suffix(text, blocked)
        # A name followed by a department word ends before it: "…管委会环保科", "明志科技自动化科".
        hits = [
            h
            for h in hits
            if not (
                (text[h.end : h.end + 1] in _DEPARTMENT_CHARS or text.startswith(_OFFICE, h.end))
                and any(o is not h and h.start <= o.start and o.end < h.end for o in hits)
            )
        ]
        # A department after an organisation is not part of it ("XX管委会信息化中心" is XX管委会).
        hits = [h for h in hits if not self._department_of(h, hits)]
        # A longer candidate that contains another one wins ("金康大药房连锁有限公司" over "金康大药房").
        kept = [
            h
            for h in hits
            if not any(
                o is not h and o.start <= h.start and h.end <= o.end and (o.end - o.start) > (h.end - h.start)
                for o in hits
            )
        ]
        # "工业园区管委会给经发局的韦科长": an office right after an organisation is one of its departments.
        kept = [
            h
            for h in kept
            if not (
                h.name.endswith(_DEPARTMENT)
                and any(o is not h and o.end <= h.start <= o.end + 2 and o.strength >= 2 for o in kept)
            )
        ]
        return max(kept, key=lambda h: (h.score, -h.start))

    @staticmethod
    def _department_of(h: CompanyHit, hits: list[CompanyHit]) -> bool:
        """Whether `h` is another hit plus a department or office ("…管委会" + "信息化中心")."""
        if not h.name.endswith(_OFFICE):
            return False
        return any(
            o is not h
            and o.start == h.start
            and o.end < h.end
            and o.strength >= 2
            and not o.name.endswith(_OFFICE)
            for o in hits
        )

    def _without_suffix(self, text: str, blocked: list[tuple[int, int]]) -> CompanyHit | None:
        """A customer named without an organisation word: by where, by whose person, or in English."""
        hit = self._there(text) or self._owner(text, blocked)
        if hit is None and (m := _LATIN_ORG.search(text)):
            hit = CompanyHit(m.group(), m.start(), m.end(), 1, 10)
        return hit

    def _owner(self, text: str, blocked: list[tuple[int, int]]) -> CompanyHit | None:
        """A brand named by where it stands: as the organisation of a person ("华睿的邱总监", "瑞昇周总说"),
        before its deal ("拓维的情况", "海锐那单黄了"), or alone at the start of a note or after a visit
        ("海锐 去了", "又去了一趟瑞昇，")."""
        for m in _brand_end_re().finditer(text):
            alone = m.group("alone") is not None
            if alone and not (
                len(text[: m.start()].lstrip(_LEADING_MARKS)) <= _OWNER_MAX
                or _VISIT_WORD.search(text, max(0, m.start() - _OWNER_MAX - 4), m.start())
            ):
                continue  # cheap test first: a pause far from the start and from any visit
            hit = self._brand_before(text, m.start(), blocked)
            if hit is None:
                continue
            if (m.group("person") is not None or m.group("buyer") is not None) and any(
                c in COMMON_SURNAMES for c in hit.name[-3:]
            ):
                continue  # "孙晓|燕主任": the cut fell inside a person's name
            if alone and hit.name[0] in "上下这那本今明昨每各该":
                continue  # "上月回款": a period or a pointer word, not a brand
            if alone and not (
                (
                    not text[: hit.start].strip(_LEADING_MARKS)
                    or _VISIT_BEFORE.search(text, 0, hit.start)
                    or (
                        len(hit.name) <= _MAX_BRAND
                        and self._that_one(text[: hit.start].strip(_LEADING_MARKS))
                    )
                )
                and _CJK_ONLY.fullmatch(hit.name)
                and hit.name not in _GREETINGS
            ):
                continue  # a word alone in the middle of a message, a greeting or a number is no name
            return hit
        # A note opening with a brand, then what it bought or paid: "鑫达的储能柜发货了", "禾丰首付款到账了".
        lead = len(text) - len(text.lstrip(_LEADING_MARKS))
        for bs, _ in blocked:
            end = bs - 1 if text[bs - 1 : bs] == "的" else bs
            if end - lead >= 2 and (hit := self._brand_before(text, end, blocked)) is not None:
                return hit if hit.start == lead else None
        m = _LEAD_DEAL.match(text, lead)
        if m is not None and (hit := self._brand_before(text, m.end("brand"), blocked)) is not None:
            return hit if hit.start == lead else None
        return None

    @staticmethod
    def _that_one(head: str) -> bool:
        """ "绵阳那个", "那家": pointing at one customer before its brand ("绵阳那个华信 电话里说…")."""
        m = _THAT_ONE.fullmatch(head)
        return m is not None and (not m.group("place") or _is_place(m.group("place")))

    def _brand_before(self, text: str, end: int, blocked: list[tuple[int, int]]) -> CompanyHit | None:
        """The brand (maybe after a place) that ends at `end`, read backwards over name parts."""
        words = self._cut(text[max(0, end - 16) : end])
        name_words: list[str] = []
        for word in reversed(words):
            if _PUNCT_STOP.fullmatch(word) or word.isspace() or not self._name_part(word):
                break
            if len(word) > 1 and word in self._verbs and not _is_place(word):
                break  # "碰到冀光": a verb ends the brand
            if _name_length("".join([word, *name_words])) > _OWNER_MAX:
                break
            name_words.insert(0, word)
        name = "".join(name_words)
        start = end - len(name)
        if len(name) < 2 or any(bs < end and start < be for bs, be in blocked):
            return None
        if (
            not _CJK.match(name[-1])
            or name[0].isdigit()
            or DAY_RE.search(name)
            or PERIOD_RE.search(name)
            or _QUESTION_WORD.search(name)
            or any(w in _VERB_CHARS for w in name_words)
        ):
            return None  # "9月份", "量多少", "猪粪水处里要用": no brand
        if name[-1] in _DEPARTMENT_CHARS or name.endswith(_OFFICE):
            return None  # "采购部的钱经理": a department, not the organisation
        brand_words = list(name_words)
        while brand_words and _is_place(brand_words[0]):
            brand_words.pop(0)
        brand = "".join(brand_words)
        person = brand[:1] in COMMON_SURNAMES or (brand[:1] in "老小" and brand[1:2] in COMMON_SURNAMES)
        if len(brand) < 2 or person:
            return None  # "王总的助理", "老李的同事": a person's, not an organisation's
        limit = _PLACE_BRAND_FREQ if len(brand_words) < len(name_words) else _BRAND_FREQ
        common = [len(w) > 1 and _CJK.match(w) is not None and self._freq(w) >= limit for w in brand_words]
        # A brand is rare words; of three or more characters it may end in a common one ("云岫数据").
        if _title_start_re().search(brand) or (all(common) if len(brand) >= 3 else any(common)):
            return None
        return CompanyHit(name, start, end, 1, 10)

    def _there(self, text: str) -> CompanyHit | None:
        """A brand without an organisation word, named as the place where something happened."""
        for m in _THERE.finditer(text):
            name = m.group("name")
            g = gazetteer()
            lead = g.pattern.match(name)
            brand = name[lead.end() :] if lead else name
            if len(brand) != 2 or _THERE_NOT.search(name) or self._freq(brand) >= _BRAND_FREQ:
                continue
            if _title_start_re().search(brand) or brand[0] in _STOP_CHARS or brand in g.cities:
                continue
            if not lead and name[0] in COMMON_SURNAMES:
                continue
            return CompanyHit(name, m.start("name"), m.end("name"), 1, 10)
        return None

    def _candidate(
        self,
        text: str,
        tokens: list[Token],
        i: int,
        s: int,
        e: int,
        strength: int,
        stops: list[tuple[int, int]],
    ) -> CompanyHit | None:
        if i < 0:
            return None
        word, ts, _ = tokens[i]
        start = s
        if ts < s:
            # The suffix ends a longer token ("中医院", "食堂"): the token's head is part of the name,
            # unless it is a verb ("建新厂": what they will do, not a name).
            if word[0] in "开建办":
                return None
            start = ts
            i -= 1
        else:
            i -= 1
        depth = 0
        while i >= 0:
            word, ts, _ = tokens[i]
            if word in ("）", ")"):
                depth += 1
                start = ts
                i -= 1
                continue
            if word in ("（", "("):
                if depth == 0:
                    break
                depth -= 1
                start = ts
                i -= 1
                continue
            if depth:
                start = ts
                i -= 1
                continue
            if word == " " and i > 0 and tokens[i - 1][0].isascii() and tokens[i - 1][0].isalpha():
                start = ts
                i -= 1
                continue
            if word == "和" and i > 0 and len(tokens[i - 1][0]) == 1 and self._name_part(tokens[i - 1][0]):
                start = ts  # "益和药房", "仁和诊所": 和 inside a name split into single characters
                i -= 1
                continue
            if _PUNCT_STOP.fullmatch(word) or word.isdigit() or not self._name_part(word):
                break
            if word == "家" and i > 0 and (tokens[i - 1][0].isdigit() or tokens[i - 1][0] in "一几多两"):
                break
            if _name_length(text[ts:s]) > _MAX_NAME:
                break
            start = ts
            i -= 1
        if depth:
            return None
        first = i + 1
        # Before a place name, a verb ends the name too ("邮件发给上海浦江医药有限公司" starts at 上海).
        place_at = next(
            (
                k
                for k in range(first, len(tokens))
                if tokens[k][1] >= start
                and tokens[k][2] <= s
                and _is_place(tokens[k][0])
                and tokens[k - 1][0] not in ("（", "(")  # "云启软件（深圳）有限公司"
            ),
            None,
        )
        if place_at is not None and place_at > first:
            pre = tokens[first:place_at]
            if any(w in self._verbs or w in _STOP or (len(w) == 1 and w in _VERB_CHARS) for w, _, _ in pre):
                first = place_at
                start = tokens[first][1]
        while (
            first < len(tokens)
            and tokens[first][1] < s
            and (
                tokens[first][0] in _VERB_CHARS
                or tokens[first][0] in _WANT_WORDS
                # the unit of a number before it ("3点部门…"): not part of a name
                or (len(tokens[first][0]) == 1 and first > 0 and tokens[first - 1][0].isdigit())
            )
        ):
            first += 1
            start = tokens[first][1] if first < len(tokens) else s
        prev = tokens[first - 1][0] if first > 0 else ""
        for a, b in stops:
            # The segmenter sometimes glues a stop word to the name ("拜/访华/翔"): cut after it.
            if a <= start < b <= s:
                start = b
        if (
            first + 1 < len(tokens)
            and tokens[first][0] in gazetteer().cities
            and tokens[first + 1][0].startswith(PROVINCES)
            and tokens[first + 1][2] <= s
        ):
            first += 1  # "去银川宁夏贺兰铸造有限公司": the name starts at the province
            start = tokens[first][1]
        generic = False
        if self._generic(tokens, first, s):
            # Only industry words before the legal form: the name reaches back to the place before it.
            k, back = first - 1, None
            while k >= 0 and start - tokens[k][1] <= _GAP_MAX:
                w = tokens[k][0]
                if _is_place(w):
                    back = k
                    break
                if not _CJK.match(w) or w in _STOP or w in _MEASURE or w in _GAP_STOP or _PUNCT_STOP.match(w):
                    break
                k -= 1
            if back is not None:
                first, start = back, tokens[back][1]
                place_at = back
                prev = tokens[first - 1][0] if first > 0 else ""
            elif strength == 3 or prev == "的":
                return None  # "一家50人的贸易公司", "南昌的汽车配套厂": a description, not a name
            else:
                generic = True  # "教育学院": named only by what it does; another name wins over it
        while start < s and text[start].isspace():
            start += 1
        name = text[start:s]
        if (
            strength == 2
            and prev == "的"
            and place_at is None
            and all(len(w) > 1 and self._freq(w) >= _BRAND_FREQ for w, ts, te in tokens[first:] if ts < s)
        ):
            return None  # "他们明年有个50MW的地面电站": what it is, not its name
        if len(name) < 2 or prev in _MEASURE:
            return None  # "一家火锅店", "那家酒店": a description, not a name
        if strength == 1 and _WANT_BEFORE.search(text, max(0, start - 4), start):
            return None  # "想做焊接自动化", "需要整厂自动化": what they want, not who they are
        if strength == 1 and not self._short_name_ok(text, tokens, start, s, e):
            return None
        score = strength * 10
        after = text[e : e + 8]
        if re.match(
            r"(?:的|\s)?\s?(?:[\u4e00-\u9fff]{0,2}(?:"
            + _title_start_re().pattern
            + r")|[\u4e00-\u9fff]{1,3}(?:先生|女士))",
            after,
        ):
            score += 2  # the organisation a named person belongs to
        if prev == "在":
            score -= 1
        if place_at is not None or _is_place(tokens[first][0] if first < len(tokens) else ""):
            score += 1
        if generic:
            score -= 5
        # A one-character verb inside the name makes it a description: "在湖州长兴建新厂", "在东莞开粤菜馆".
        inner = [t for t in tokens[first:] if start <= t[1] and t[2] <= e]
        if any(
            _VERB_TOKEN.fullmatch(w) is not None
            and len(inner[k - 1][0]) > 1
            and (len(inner[k + 1][0]) > 1 or inner[k + 1][0] == "了")
            for k, (w, ts, te) in enumerate(inner[1:-1], start=1)
        ):
            return None  # "在东莞开粤菜馆" but not "经开区"
        return CompanyHit(text[start:e], start, e, strength, score)

    def _generic(self, tokens: list[Token], first: int, s: int) -> bool:
        """Whether the tokens from `first` up to the suffix are only industry or generic words."""
        suffixes = org_suffixes()
        words = [w for w, ts, te in tokens[first:] if te <= s]
        return all(w in suffixes or w in _ALLOW for w in words)

    def _short_name_ok(self, text: str, tokens: list[Token], start: int, s: int, e: int) -> bool:
        """A short name is a rare brand word of 2-4 characters, maybe after a place ("宁波港城水产"),
        or a place and a rare industry word that is the brand itself ("郑州智联")."""
        brand_start = start
        for word, ts, te in tokens:
            if ts >= start and te <= s and _is_place(word) and ts == brand_start:
                brand_start = te
        suffixes = org_suffixes()
        # Industry words at the end of the brand belong to the suffix ("滨海港储能" + "科技").
        brand_end = s
        for word, ts, te in reversed(tokens):
            if te == brand_end and ts > brand_start and word in suffixes:
                brand_end = ts
        brand = text[brand_start:brand_end]
        if not brand and brand_start > start:
            return self._freq(text[s:e]) < _BRAND_FREQ
        if _LATIN_BRAND.fullmatch(brand):
            return True  # "AgriLink农业科技", "蓝鲸Data科技", "NEO联合办公": a Latin brand is no common word
        if not 2 <= len(brand) <= _MAX_BRAND or not _CJK.match(brand):
            return False
        # A common word is a brand only after a place ("株洲时代动力", "酒泉风光新能源").
        limit = _PLACE_BRAND_FREQ if brand_start > start else _BRAND_FREQ
        parts = [w for w, ts, te in tokens if ts >= brand_start and te <= s and w not in suffixes]
        if not parts:
            # The suffix ends a dictionary word ("应急照明"): the brand is that word's head, a word itself.
            return self._freq(brand) < limit
        words = [w for w in parts if len(w) > 1]
        if len(brand) >= 3 and len(parts) >= 2:
            # Several parts make a brand when one of them is rare or no word at all ("草原云牧", "华夏启航").
            return any(len(w) == 1 or self._freq(w) < limit for w in parts)
        return all(self._freq(w) < limit for w in words)
