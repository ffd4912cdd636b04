"""Cantonese-flavoured chat read as Mandarin: "今日下昼去咗X，见咗佢哋厂长" → "今天下午去了X，见了他们厂长".

Reps in Guangdong type the Cantonese function words (咗 for 了, 嘅 for 的, 唔 for 不, 佢 for 他, 系 for
是, 而家 for 现在...), and every rule of the extractor and the handlers is written for Mandarin: the
message is rewritten once, before anything reads it, instead of every rule learning both.

The rewrite keeps the length: every word is replaced by one of as many characters, so a position in
the rewritten text is the same in the message (spans hold). A message with no word only Cantonese
uses (咗, 嘅, 佢, 下昼, 而家...) is left as it is: the words that are Cantonese only in some places
(系, 话, 倾, 呢, 边) are rewritten only where the message is Cantonese already.
"""

from __future__ import annotations

import re

from nlp.lexicon import COMMON_SURNAMES

# Characters only Cantonese writes (as typed on a Mandarin input method): one is enough to read the
# message as Cantonese-flavoured.
_CANTONESE_CHARS = "咗嘅唔佢哋嚟睇嗰啲冇喺畀揾搵咩乜噉咁谂啱嘢攞嘞㗎喎啩"
# Cantonese words made of characters Mandarin also uses.
_CANTONESE_WORDS = ("下昼", "晏昼", "朝早", "听日", "听朝", "听晚", "琴日", "寻日", "噚日", "而家", "依家",
                    "边度", "点解", "点样", "老细", "落单", "落订", "头先", "寻晚", "尋晚", "琴晚",
                    "噚晚")  # fmt: skip
_CUE = re.compile(f"[{_CANTONESE_CHARS}]|{'|'.join(_CANTONESE_WORDS)}")

# One character for one.
_CHARS = str.maketrans(
    {
        "咗": "了",  # tense: 去咗 = 去了
        "嘅": "的",
        "唔": "不",
        "佢": "他",
        "哋": "们",
        "嚟": "来",
        "睇": "看",
        "嗰": "那",
        "啲": "些",
        "冇": "没",
        "喺": "在",
        "畀": "给",
        "俾": "给",
        "揾": "找",
        "搵": "找",
        "谂": "想",
        "攞": "拿",
        "嘢": "事",  # 做嘢 = 做事 (乜嘢 / 咩嘢 are 什么, below)
        "咩": "啥",
        "乜": "啥",
        "噉": "这",
        "咁": "这",
        "啱": "对",  # 唔啱 = 不对 (啱啱 is 刚刚, below)
        "嘞": "了",
        "㗎": "的",
        "喎": "哦",
        "啩": "吧",
        "拎": "拿",  # 拎走 = 拿走 (the tender 俾人拎咗 = 给人拿了: taken by another)
    }
)

# Words, each with its Mandarin of the same length; tried longest first at each position.
_WORDS = {
    "唔好意思": "不好意思",
    "唔该": "谢谢",  # (before what is asked it is "please": see _PLEASE)
    "唔使": "不用",
    "唔洗": "不用",
    "唔得": "不行",
    "乜嘢": "什么",
    "咩嘢": "什么",
    "乜野": "什么",
    "咩野": "什么",
    "啱啱": "刚刚",
    "啱先": "刚才",
    "而家": "现在",
    "依家": "现在",
    "下昼": "下午",
    "晏昼": "中午",
    "朝早": "早上",
    "今朝": "今早",
    "听朝": "明早",
    "听日": "明天",
    "听晚": "明晚",
    "琴日": "昨天",
    "琴晚": "昨晚",
    "寻晚": "昨晚",
    "尋晚": "昨晚",
    "噚晚": "昨晚",
    "尋日": "昨天",
    "头先": "刚才",
    "寻日": "昨天",
    "噚日": "昨天",
    "今日": "今天",
    "前日": "前天",
    "后日": "后天",
    "点解": "为何",
    "点样": "怎样",
    "几多": "多少",
    "边度": "哪里",
    "边处": "哪里",
    "噉样": "这样",
    "咁样": "这样",
    "呢排": "最近",
    "喺度": "在这",
    "搞掂": "搞定",
    "倾掂": "谈妥",
    "老细": "老板",
    "落单": "下单",
    "落订": "下订",
}
_WORD_RE = re.compile("|".join(sorted(_WORDS, key=len, reverse=True)))

# 唔好 before what is done is "don't": 唔好发 = 不要发 (唔好意思 and a bare 唔好, "not good", stay 不好).
_DONT = re.compile(r"唔好(?=[\u4e00-\u9fff])(?!意思)")
# 唔该 before what is asked is "please": 唔该改一下 = 麻烦改一下 (alone, or 唔该晒, it thanks).
_PLEASE = re.compile(r"唔该(?=[\u4e00-\u9fff])(?![晒哂你])")
# 同 is "with" (跟) where Mandarin has no word of it: 同佢讲 = 跟他讲, 电话同我讲, 头先同X通咗电话, 十一点同朱
# 主管开会; not in 合同, 相同, 不同, 共同, 陪同, 同事, 同意, 同时, 同样, 同行, 同学, 同比... nor where a name
# starting with 同 is gone to or met (去同仁堂, 见同方嘅人).
_WITH = re.compile(
    r"(?<![合相不共协赞认如陪连一等混雷大会视趋去到在见访和跟与的嘅之])同"
    r"(?![事意时样比期行步学一城款类级志乡伴盟等胞仁济业情名乐性位龄屏框向轴质心上下型批届])"
)
# 系 is the copula (是) after a pronoun, an adverb, a pointer and its measure word or at a pause: "系廖经理",
# "唔系刘经理", "嗰条系森雅嘅", "佢系厂长"; never inside 联系, 关系, 体系, 系统, 物理系.
_COPULA = re.compile(
    r"(?:(?<![\u4e00-\u9fff])|(?<=[唔不就都即又真梗咪仲亦先只该定能我你佢他她们哋嘅]))[系係](?![统統列数數谱譜])"
    r"|(?<=[呢嗰这那][个條条单次位间家啲])[系係]"
)
# 话 after a pronoun or a pause is "says": 佢话 = 他说, "，话焊缝要…" (not 话题, 话费, 话筒, 话事).
_SAYS = re.compile(r"(?<=[佢他她我你们哋，,、 ])话(?![题題费費筒语語里裡术術剧劇事说說])")
# 倾 alone is "talk": 约佢倾 = 约他谈, 倾下 = 谈下 (not 倾向, 倾斜, 倾销, 倾听...).
_TALK = re.compile(r"倾(?![向斜销听力诉注倒心家城巢尽囊覆盆泻])")
# 呢 before a measure word points, like 这: 呢个 = 这个, 呢单 = 这单 (a closing 呢 asks).
_THIS = re.compile(r"呢(?=[个間间家位单次度边啲几条件])")
# 边 before a measure word asks which, like 哪: 边个 = 哪个, 边间 = 哪间, 去到边一步 = 到哪一步 (not 那边个,
# 旁边, 身边, 周边).
_WHICH = re.compile(
    r"(?<![这那嗰呢旁身一两左右东南西北里外前后上下海江河路周岸手床窗桌])边(?=[个间家位单条一])"
)
# 仲 before what still is: 仲未 = 还没, 仲要 = 还要 (not 仲裁, 仲恺, 仲夏).
_STILL = re.compile(r"仲(?=[未要有系係在冇等差会想话])")

_CONTEXTUAL: tuple[tuple[re.Pattern[str], str], ...] = (
    (_DONT, "不要"),
    (_PLEASE, "麻烦"),
    (_WITH, "跟"),
    (_COPULA, "是"),
    (_SAYS, "说"),
    (_TALK, "谈"),
    (_THIS, "这"),
    (_WHICH, "哪"),
    (_STILL, "还"),
)


# Shanghainese (Wu) as typed by reps around Shanghai: "伊拉想要…", "侬好 哪能用", "定了伐". The words are
# only Shanghainese, so they are rewritten wherever they stand, each by as many characters.
_WU_WORDS = {
    "伊拉": "他们",
    "阿拉": "我们",
    "哪能": "怎么",
    "交关": "非常",
    "今朝": "今天",
    "明朝": "明天",
    "价钿": "价钱",
    "侬": "你",
    "搿": "这",  # 搿个 = 这个, 搿家 = 这家
    "覅": "别",  # 覅超过 = 别超过 (不要, in one character)
    "呒没": "没有",
    "后日": "后天",
    "勿": "不",  # 勿是 = 不是, 勿对 = 不对
}
# 后日 is 后天 in Wu and in Chaoshan, but not after 之, 以, 此...: "以后日子" is "later days".
_DAY_AFTER_NEXT = r"(?<![之以此然最前今往日])后日"
# 勿 after 请, 切, 务 is the written "do not" (请勿吸烟) and stays.
_WU_RE = re.compile(rf"呒没|{_DAY_AFTER_NEXT}|(?<![请切务])勿|[侬搿覅]|伊拉|阿拉|哪能|交关|今朝|明朝|价钿")
# 伐 ending a question ("定了伐", "好伐？") is 吗 (not a word's: "砍伐", "步伐").
_WU_QUESTION = re.compile(r"(?<=[\u4e00-\u9fff])(?<![砍采讨征步杀攻北间])伐(?=\s|$|[?？，,。!！])")


# Hunan (Xiang) as typed by reps around Changsha: "搞么子", "几多钱", "看一哈", "签咯". Each word is only
# Xiang (or Cantonese, 几多) where it stands, so it is rewritten wherever it is, by as many characters.
_XIANG_WORDS = {
    "么子": "什么",
    "几多": "多少",
    "一哈": "一下",
    "恰饭": "吃饭",
}
# (几多 after a figure is "some more": "十几多个"; 一哈腰 bows)
_XIANG_RE = re.compile(r"么子|(?<![0-9十百千万])几多|一哈(?!腰)|恰饭")
# 咯 closing a clause after a verb is the particle 了 ("输咯", "踏勘完咯", "签咯！"); 嗯咯 is a yes, and
# 咯 inside a word is no particle (咯噔, 咯吱).
_XIANG_DONE = re.compile(r"(?<=[\u4e00-\u9fff])(?<![嗯哦噢])咯(?=\s|$|[，,。！!？?～~；;])")


def _xiang(text: str) -> str:
    # (the patterns start with look-behinds, tried at every character: a test of the words' own
    # characters skips them for nearly every message)
    if "么子" in text or "几多" in text or "一哈" in text or "恰饭" in text:
        text = _XIANG_RE.sub(lambda m: _XIANG_WORDS[m.group()], text)
    return _XIANG_DONE.sub("了", text) if "咯" in text else text


# 得 typed for 的 (one pinyin, de, in hurried voice input) before what a 得 of manner or need never
# comes before: a thing of the deal or a person's title ("医院得项目", "客户得情况", "这个月得排名",
# "配件厂得钱经理"). Not after a verb or word that 得 ends (觉得, 记得, 取得, 获得, 值得, 搞得...).
_DE_SLIP = re.compile(
    r"(?<=[\u4e00-\u9fff])(?<![觉记值懂获使显晓舍免难省只不总非必所心应见认博赢取落求习了怪恨顾来合乐变搞弄闹])得"
    r"(?:(?=项目|情况|进度|排名|事(?![先前后实])|单子|线索|客户|报价|方案|合同|需求|订单)"
    # (a title after an organisation's last word: "厂得钱经理"; "这事得王总定" is a need)
    r"|(?<=[厂司院校局心馆部科行店园所会]得)(?=[\u4e00-\u9fff]{0,2}?(?:经理|总监|总|主任|科长|处长|院长|老师|老板|厂长)))"
)


def _wu(text: str) -> str:
    # (a substitution that finds nothing costs what a search for a cue would)
    # (the question's pattern starts with look-behinds, tried at every character: 伐 is tested first)
    text = _WU_RE.sub(lambda m: _WU_WORDS[m.group()], text)
    return _WU_QUESTION.sub("吗", text) if "伐" in text else text


# Wuhan (and around it) as typed by reps in Hubei: 克 is 去 ("上午克X", "下周一克对接", "方案发过克了"),
# 么样 is 怎样 ("X的呢 么样了") and 么 before when or what is 啥 ("么时候", "搞么事"). 克 is a word's or a
# name's almost everywhere else (千克, 克服,
# 巧克力, 郑克勤), so it is read as 去 only after what goes (a pronoun, an adverb, a time, a weekday) or
# after 过, never before what makes it a word or a name's.
_HUBEI_GO = re.compile(
    r"(?:(?<=[我你他她们再要先就又还没都也午天晚早点号])|(?<=[发送寄拿跑走]过)|(?<=[周期拜][一二三四五六日天]))克"
    r"(?![服制隆拉莱罗里斯力重数林杯风勤强星丝朗敌难扣])"
    # ...or before where one goes and what one does there: "带样机克现场", "克了趟X" (not 千克一趟)
    r"|(?<![千毫微])克(?=现场|对接|拜访|了?一?趟)"
)
_HUBEI_HOW = re.compile(r"(?<![怎什这那多甚])么样")
# ...and 么 alone is 什么 before when and what (read 啥, one character for one): "么时候跟的", "搞么事"
# (not the 么 of 什么, 怎么, 这么, 那么, 多么, 要么)
_HUBEI_WHAT = re.compile(r"(?<![怎什这那多甚要为干])么(?=时候|事)")


def _hubei(text: str) -> str:
    if "克" not in text and "么" not in text:  # (the patterns start with look-behinds: a test first)
        return text
    return _HUBEI_WHAT.sub("啥", _HUBEI_HOW.sub("怎样", _HUBEI_GO.sub("去", text)))


# The Northwest (Gansu, Ningxia, Qinghai) as typed by reps there: 尕 is 小 before a surname, the
# diminutive a person is called by ("尕冯打来电话" = 小冯), and 谝 is 聊 ("跟主任谝了半天", "过去谝了一阵").
# 尕 is read only before a common surname: a place's name (尕海, 尕让) keeps it.
_NW_SMALL = re.compile(f"尕(?=[{''.join(sorted(c for c in COMMON_SURNAMES if len(c) == 1))}])")


def _northwest(text: str) -> str:
    if "尕" not in text and "谝" not in text:
        return text
    return _NW_SMALL.sub("小", text).replace("谝", "聊")


# Shaanxi (Guanzhong) as typed by reps around Xi'an: 额 is 我, 咧 closing a clause is the particle 了
# ("签咧！", "见咧 美得很"), 嫑 is 别 (谝 is 聊 there too: `_northwest`), and 克 before 咧 is 去
# ("到X克咧"). 额 ends many words (金额, 合同额, 销售额, 名额) and starts some (额度, 额外, 额头): it is
# read as 我 only where a subject stands, first in a clause or after a time ("下周一额要去", "这个季度额
# 签了"); 咧 inside a word (咧嘴, 大大咧咧) is no particle.
_SHAANXI_I = re.compile(
    r"(?:^|(?<=[\s，,。！!？?；;：:、～~])|(?<=[天儿午晚早年月度周一二三四五六日号点后时]))额"
    r"(?![度外头定满数])"
    # ...or after a noun, before what the one who speaks has done or will do: "报价单额已经发过去咧",
    # "样品额也寄咧" (not an amount's 额: 金额, 销售额, 订单额, 名额, 份额, 余额... "订单额已经过千万")
    # (a 报价单 is no 订单: its 额 is the speaker)
    r"|(?:(?<![金售单同名份总余差限定配数税面超交业易生购标资借欠信款收值量全足巨缺增付保票])|(?<=价单))额(?=已经|刚刚?|马上|亲自|也|都|就)"
)
_SHAANXI_DONE = re.compile(
    r"(?<=[\u4e00-\u9fff])(?<![咧大])咧(?![嘴着开咧])(?=\s|$|[，,。！!～~；;？?]|[\U0001F300-\U0001FAFF\u2600-\u27BF])"
)
_SHAANXI_WORDS = str.maketrans({"嫑": "别"})
# 克 before the particle 了 ends a going ("到X克了，"), not a weight (500克了)
_SHAANXI_GO = re.compile(r"(?<![0-9一二两三四五六七八九十百千万毫微公斤])克(?=了(?:\s|$|[，,。！!～~；;]))")


def _shaanxi(text: str) -> str:
    if "额" not in text and "咧" not in text and "嫑" not in text:
        return text
    text = _SHAANXI_DONE.sub("了", text.translate(_SHAANXI_WORDS))
    text = _SHAANXI_GO.sub("去", text)
    return _SHAANXI_I.sub("我", text)


# Chaoshan (Teochew) as typed by reps around Shantou, Chaozhou and Jieyang: 伊 is 他 ("伊讲", "伊们",
# "伊老板"), 食 is 喝 before tea ("食了一泡茶", "同X食茶"; 食饭 is read as it stands, as in Cantonese),
# 后日 is 后天, 胶己人 is 自己人, 做生理 is 做生意 and 定落来 is 定下来. 伊 starts names and places (伊利,
# 伊春, 伊犁, 伊朗, 木乃伊), so it is read as 他 only before what a person says, does or owns, or alone
# after what is done to them, and never after a name's own character.
_CHAOSHAN_HE = re.compile(
    # what they say, they as many, or their boss, wherever: "伊讲", "伊们", "报价伊老板看过了" (not 美伊,
    # 木乃伊 before it)
    r"(?<![木乃阿莎丽娜美])伊(?=们|讲|说|老板)"
    # what they want, do or own, first in a clause or after a verb or a preposition: "伊老板", "去伊厂里"
    # (a name's 伊 has a character of the name before it: "美伊那边" is the customer 美伊)
    r"|(?:(?<![\u4e00-\u9fff])|(?<=[去给跟同和问找叫约帮带让陪到请的了讲说]))"
    r"伊(?=话|要|想|那边|这边|老板|厂|公司|屋|也|还|就|又|都|会|已经|嫌|觉得|认为|答应|同意|叫|问|约|消息|电话|微信)"
    # ...or alone after what is done to them, ending the clause: "打电话给伊", "同伊"
    r"|(?<=[给跟同问找])伊(?=$|[，,。；;！!？?\s])"
)
_CHAOSHAN_TEA = re.compile(r"食(?=了?(?:[一两几]?[泡杯壶顿])?茶)")
_CHAOSHAN_WORDS = {"后日": "后天", "胶己": "自己", "做生理": "做生意", "定落来": "定下来"}
_CHAOSHAN_RE = re.compile(rf"{_DAY_AFTER_NEXT}|胶己|做生理|定落来")


def _chaoshan(text: str) -> str:
    if "伊" not in text and "食" not in text and _CHAOSHAN_RE.search(text) is None:
        return text
    text = _CHAOSHAN_RE.sub(lambda m: _CHAOSHAN_WORDS[m.group()], text)
    text = _CHAOSHAN_TEA.sub("喝", text)
    return _CHAOSHAN_HE.sub("他", text)


# Voice input's slips of one sound for another in the trade's words: 电览 for 电缆, 报加 for 报价 (neither
# is a word of its own).
_VOICE_SLIPS = {"电览": "电缆", "报加": "报价"}
_VOICE_SLIP_RE = re.compile("|".join(_VOICE_SLIPS))


def _voice_slips(text: str) -> str:
    return _VOICE_SLIP_RE.sub(lambda m: _VOICE_SLIPS[m.group()], text)


# A veteran's pinyin initials for the words of the trade, typed in lower case between Chinese words or
# spaces: "kh" 客户, "lxr" 联系人, "bj发过去了" 报价, "ht签了" 合同, "dd" 到访, "xs" 线索 (each as many
# letters as the word has characters, so spans hold). Only as a word of its own, never inside a Latin
# word, a code or an address ("http", "kh-200", "bj.example.com").
_INITIALS = {"kh": "客户", "lxr": "联系人", "bj": "报价", "ht": "合同", "dd": "到访", "xs": "线索"}
_INITIALS_RE = re.compile(r"(?<![A-Za-z0-9_.@/:-])(?:kh|lxr|bj|ht|dd|xs)(?![A-Za-z0-9_.@/-])")


def _initials(text: str) -> str:
    return _INITIALS_RE.sub(lambda m: _INITIALS[m.group()], text)


# The Northeast (东北话) as typed by reps in Liaoning, Jilin and Heilongjiang: 唠 is 聊 ("跟处长唠了俩钟
# 头", 唠嗑 is 聊天; 唠叨 nags), 瞅 is 看 ("上去瞅了一圈"), 嘎哈 is 干啥, and 后儿 / 昨儿 are 后天 / 昨天
# (明儿, 今儿 and the 个 forms are read as days already). 后儿 ending a word (然后儿, 以后儿, 过后儿) is
# no day.
_NE_WORDS = {"唠嗑": "聊天", "嘎哈": "干啥", "后儿": "后天", "昨儿": "昨天"}
_NE_RE = re.compile(r"唠嗑|嘎哈|(?<![然之以最过随往背])后儿(?!个)|昨儿(?!个)")
_NE_TALK = re.compile(r"唠(?!叨)")


def _northeast(text: str) -> str:
    if "唠" not in text and "瞅" not in text and "儿" not in text and "嘎" not in text:
        return text
    text = _NE_RE.sub(lambda m: _NE_WORDS[m.group()], text)
    return _NE_TALK.sub("聊", text).replace("瞅", "看")


# Shandong speech (山东话) as typed by reps in Linyi, Jining, Yantai... (its 俺 is read with North
# China's below): 夜来 is 昨天 ("夜来晚上去了X"; not a night's coming: 半夜来电话, 连夜来, 今夜来, 日夜来回,
# 夜来香), and 拉呱 is 聊天 ("跟卢矿长拉呱到九点多").
_SD_YESTERDAY = re.compile(r"(?<![半深连昨今前当每整熬守黑午入日过])夜来(?!香)")


def _shandong(text: str) -> str:
    if "夜来" not in text and "拉呱" not in text:
        return text
    return _SD_YESTERDAY.sub("昨天", text.replace("拉呱", "聊天"))


# North China (Hebei around Tangshan, Henan, northern Anhui and Shandong) as typed by reps there: 俺 is
# 我 and 俺们 我们 ("今天俺要跑哪几家", "俺们组"); in Tangshan 介 is 这 ("介周", "介俩月", "介机器人") and 嘛
# before what is asked about is 什么 (read 啥: "有嘛要跟的", "嘛时候"). 介 is kept in the words it makes
# (介绍, 介意, 中介, 简介, 媒介...), 嘛 as a particle (ending a clause, or 干嘛). (见着 X 了, met, is read
# as a visit where visits are: intent.py)
_NORTH_THIS = re.compile(r"(?<![中简媒评推引])介(?=[周月年天回次趟会礼个俩两几些样么边儿人单台批机款家])")
_NORTH_WHAT = re.compile(r"(?<=[有是做说买要用找叫跟讲问])嘛(?=[\u4e00-\u9fff])(?![呢啊呀])")


def _north_china(text: str) -> str:
    if "俺" not in text and "介" not in text and "嘛" not in text:
        return text
    text = text.replace("俺", "我")
    return _NORTH_WHAT.sub("啥", _NORTH_THIS.sub("这", text))


# Sichuan and Chongqing speech (四川话) as typed by reps around Chengdu and Chongqing: 啥子 is 什么 ("是啥子
# 阶段", "跟的啥子") and 搞忘 is 忘记 ("我都搞忘了"). Each is only Sichuanese, so it is rewritten wherever it
# stands, by as many characters. (莫得, 没有, is read where it is Hubei's too: "X莫得戏了" is a loss.)
_SICHUAN_WORDS = {"啥子": "什么", "搞忘": "忘记"}
_SICHUAN_RE = re.compile("啥子|搞忘")


def _sichuan(text: str) -> str:
    if "啥子" not in text and "搞忘" not in text:
        return text
    return _SICHUAN_RE.sub(lambda m: _SICHUAN_WORDS[m.group()], text)


def mandarin(text: str) -> str:
    """The text with its regional function words in Mandarin (Cantonese, Shanghainese, Wuhan, Hunan,
    Shaanxi, Chaoshan, Northwest, Northeast, North China, Shandong, Sichuan), pinyin initials in their
    words, the trade's voice slips undone, and 得 typed for 的 read as 的, of the same length; unchanged
    when it has none."""
    text = _sichuan(_shandong(text))
    text = _chaoshan(_voice_slips(_initials(text)))
    text = _xiang(_hubei(_shaanxi(_wu(_northwest(_northeast(_north_china(text)))))))
    if "得" in text:  # (the slip's pattern starts with look-behinds: a test first)
        text = _DE_SLIP.sub("的", text)
    if _CUE.search(text) is None:
        return text
    # The contextual words first: they look at the Cantonese around them (唔系, 佢话, 嗰条系).
    for pattern, word in _CONTEXTUAL:
        text = pattern.sub(word, text)
    text = _WORD_RE.sub(lambda m: _WORDS[m.group()], text)
    return text.translate(_CHARS)
