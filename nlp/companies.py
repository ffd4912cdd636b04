"""Customer organisations recognised from their structure (a name plus an organisation suffix).

Full names end in a legal form or an institution word (有限公司, 医院, 超市, 局 ...); short names end in an
industry word (远航物流, 金鼎涂料). The name is what precedes the suffix, back to the first word that
cannot be part of a name (a verb, a pronoun, a time word, punctuation), found on jieba's tokens.
`company_key` folds the full and the short form of one customer to the same key.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from nlp.cities import gazetteer
from nlp.lexicon import org_suffixes, titles
from nlp.segment import WordClasses

Token = tuple[str, int, int]

# Words that never belong to a name although their dictionary tag would allow it.
_STOP = frozenset(
    {
        "拜访",
        "回访",
        "走访",
        "联系",
        "发给",
        "打给",
        "寄给",
        "查询",
        "看下",
        "看看",
        "查下",
        "查查",
        "介绍",
        "推荐",
        "登记",
        "咨询",
        "了解",
        "对接",
        "接待",
        "送货",
        "顺便",
        "出来",
        "上门",
        "约了",
        "去了",
        "见了",
        "见到",
        "跟进",
        "我司",
        "贵司",
        "本司",
        "我院",
        "我们",
        "他们",
        "客户",
        "新客户",
        "线索",
        "新线索",
        "联系人",
        "对接人",
        "电话",
        "手机",
        "微信",
        "邮箱",
        "朋友",
        "同事",
        "同学",
        "店名",
        "全称",
        "名称",
        "公司全称",
        "客户名",
        "新单",
        "新增",
        "记录",
        "跟进记录",
        "情况",
        "资料",
        "需求",
        "竞品",
        "项目",
        "那边",
        "这边",
        "老板",
        "您好",
        "你好",
        "请问",
        "更新",
        "新lead",
        "lead",
        "叫做",
    }
)
# Single characters that end a name when they stand alone as a token.
_STOP_CHARS = frozenset(
    "了的和跟给在去是从到把被对向与及或也都还就又再才让叫请找见约说问聊谈看查帮等个这那些哪"
    "每各该其您你我他她它们啊吧呢吗嗯哦呀噢哈为于由司刚"
)
# Single-character verbs that do not start a name ("开小超市的" is not a shop called 开小超市).
_VERB_CHARS = frozenset("开做搞发送买卖拿进出跑上下要想录建转推签丢输来")
# Words a name may contain although they are tagged as verbs or numerals.
_ALLOW = frozenset(
    {
        "种植",
        "养殖",
        "加工",
        "制造",
        "生产",
        "销售",
        "运输",
        "建筑",
        "装修",
        "设计",
        "维修",
        "批发",
        "零售",
        "开发",
        "发展",
        "创新",
        "进出口",
        "经营",
        "制品",
        "印刷",
        "包装",
        "服务",
        "管理",
        "运营",
        "投资",
        "咨询",
        "培训",
        "物流",
        "供应",
        "实验",
        "附属",
        "保健",
        "卫生",
        "连锁",
        "高新",
        "国际",
        "中心",
        "人民",
        "中医",
        "专业",
        "工业",
        "技术",
        "电子",
        "商务",
    }
)
_ORDINAL = re.compile(r"第?[一二三四五六七八九十]{1,3}")
_MEASURE = frozenset(
    {
        "一家",
        "这家",
        "那家",
        "该",
        "一个",
        "这个",
        "那个",
        "一所",
        "这所",
        "那所",
        "某",
        "一间",
        "家",
        "个",
        "所",
        "间",
    }
)
_PUNCT_STOP = re.compile(r"[\s,，。.;；:：!！?？、/|\"“”'‘’《》<>【】\[\]{}+＋=~～@#&*·…—\-]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_MAX_NAME = 22
_MAX_BRAND = 4


@dataclass(frozen=True, slots=True)
class CompanyHit:
    name: str
    start: int
    end: int
    strength: int
    score: int


@cache
def suffix_re() -> re.Pattern[str]:
    words = sorted(org_suffixes(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


@cache
def _stop_re() -> re.Pattern[str]:
    return re.compile(
        "|".join(map(re.escape, sorted((w for w in _STOP if len(w) > 1), key=len, reverse=True)))
    )


@cache
def _title_start_re() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, titles())))


def _is_place(word: str) -> bool:
    g = gazetteer()
    return (
        word in g.cities
        or word in g.full_to_short
        or word in g.counties
        or (len(word) >= 3 and word[-1] in "省市区县镇" and _CJK.fullmatch(word[0]) is not None)
    )


class CompanyFinder:
    """Finds the customer organisation in a text; built once per extractor."""

    def __init__(self, classes: WordClasses, freq: Callable[[str], int]) -> None:
        self._strong, self._verbs = classes.strong, classes.verbs
        self._freq = freq

    def _name_part(self, word: str) -> bool:
        if word in _ALLOW or _ORDINAL.fullmatch(word) or _is_place(word):
            return True
        if word in _STOP or word in _MEASURE:
            return False
        if len(word) == 1:
            return word not in _STOP_CHARS and (_CJK.match(word) is not None or word.isalnum())
        if _CJK.match(word) is None and not word.isalnum():
            return False
        return word not in self._strong

    def find(self, text: str, tokens: list[Token], blocked: list[tuple[int, int]]) -> CompanyHit | None:
        """The best organisation candidate, or None."""
        suffixes = org_suffixes()
        matches = list(suffix_re().finditer(text))
        if not matches:
            return None
        index_by_end = {e: i for i, (_, _, e) in enumerate(tokens)}
        starts = [s for _, s, _ in tokens]
        stops = [m.span() for m in _stop_re().finditer(text)]
        hits: list[CompanyHit] = []
        for m in matches:
            s, e = m.span()
            strength = suffixes[m.group()]
            if e not in index_by_end:
                continue  # the suffix is the start of a longer word ("厂区", "局面")
            if m.group() == "连锁":
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
            return None
        # A longer candidate that contains another one wins ("金康大药房连锁有限公司" over "金康大药房").
        kept = [
            h
            for h in hits
            if not any(
                o is not h and o.start <= h.start and h.end <= o.end and (o.end - o.start) > (h.end - h.start)
                for o in hits
            )
        ]
        return max(kept, key=lambda h: (h.score, -h.start))

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
            # The suffix ends a longer token ("中医院", "食堂"): the token's head is part of the name.
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
            if s - ts > _MAX_NAME:
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
                if tokens[k][1] >= start and tokens[k][2] <= s and _is_place(tokens[k][0])
            ),
            None,
        )
        if place_at is not None and place_at > first:
            pre = tokens[first:place_at]
            if any(w in self._verbs or w in _STOP or (len(w) == 1 and w in _VERB_CHARS) for w, _, _ in pre):
                first = place_at
                start = tokens[first][1]
        while first < len(tokens) and tokens[first][1] < s and tokens[first][0] in _VERB_CHARS:
            first += 1
            start = tokens[first][1] if first < len(tokens) else s
        prev = tokens[first - 1][0] if first > 0 else ""
        for a, b in stops:
            # The segmenter sometimes glues a stop word to the name ("拜/访华/翔"): cut after it.
            if a <= start < b <= s:
                start = b
        name = text[start:s]
        if len(name.strip()) < 2 or prev in _MEASURE:
            return None  # "一家火锅店", "那家酒店": a description, not a name
        if strength == 1 and not self._short_name_ok(text, tokens, start, s):
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
        return CompanyHit(text[start:e], start, e, strength, score)

    def _short_name_ok(self, text: str, tokens: list[Token], start: int, s: int) -> bool:
        """A short name is a rare brand word of 2-4 characters, maybe after a place ("宁波港城水产")."""
        brand_start = start
        for word, ts, te in tokens:
            if ts >= start and te <= s and _is_place(word) and ts == brand_start:
                brand_start = te
        brand = text[brand_start:s]
        if not 2 <= len(brand) <= _MAX_BRAND or not _CJK.match(brand):
            return False
        suffixes = org_suffixes()
        return all(
            len(w) == 1 or self._freq(w) < 400 or w in suffixes
            for w, ts, te in tokens
            if ts >= brand_start and te <= s
        )


_LEGAL = (
    "股份有限公司",
    "有限责任公司",
    "集团有限公司",
    "有限公司",
    "分公司",
    "公司",
    "集团",
    "股份",
    "控股",
    "连锁",
    "管理",
    "服务",
    "发展",
    "实业",
    "科技",
)
_PAREN = re.compile(r"[（(][^（()）]*[)）]")


def company_key(name: str) -> str:
    """A key that is equal for a company's full and short forms (苏州远航物流有限公司 == 远航物流)."""
    key = unicodedata.normalize("NFKC", name).strip().casefold()
    key = _PAREN.sub("", key)
    key = re.sub(r"\s+", " ", key)
    g = gazetteer()
    provinces = (
        "内蒙古",
        "黑龙江",
        "北京",
        "天津",
        "上海",
        "重庆",
        "河北",
        "山西",
        "辽宁",
        "吉林",
        "江苏",
        "浙江",
        "安徽",
        "福建",
        "江西",
        "山东",
        "河南",
        "湖北",
        "湖南",
        "广东",
        "广西",
        "海南",
        "四川",
        "贵州",
        "云南",
        "西藏",
        "陕西",
        "甘肃",
        "青海",
        "宁夏",
        "新疆",
    )
    changed = True
    while changed:
        changed = False
        for p in provinces:
            if key.startswith(p) and len(key) > len(p) + 1:
                key = key[len(p) :].lstrip("省市")
                changed = True
        m = g.pattern.match(key)
        if m and len(key) > len(m.group()) + 1:
            key = key[len(m.group()) :].lstrip("市")
            changed = True
    stripped = True
    while stripped:
        stripped = False
        for suffix in _LEGAL:
            if key.endswith(suffix) and len(key) > len(suffix) + 1:
                key = key[: -len(suffix)]
                stripped = True
    return key.strip()
