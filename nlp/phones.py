"""Phone numbers (mobile and landline, normalised to digits) and e-mail addresses."""

from __future__ import annotations

import re

from nlp.lexicon import Screened

# Digit groups joined by one separator ("139-5311-2288", "0510-8272 3456", "(021)6288 1234",
# "+86 136 0591 2345"). Separators are mandatory between groups, so matching stays linear.
_PHONE_RUN = Screened(r"(?:\+\s?86[\s\-]?)?[(（]?\d+(?:(?:[)）]\s?|[ \-－—.]|[)）])\d+)*")
_EMAIL = Screened(r"[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){1,6}")
_DIGITS = re.compile(r"\d+")
_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0(?:10|2\d|[3-9]\d{2})\d{7,8}")
# A company's nationwide service line ("400-820-1234", "800 820 8820"): ten digits with no area code, the
# number a rep copies off a card or a website with its extension after it ("转3").
_SERVICE = re.compile(r"[48]00(?!0{7})\d{7}")  # not a round ten-digit amount
_MIN_DIGITS = 10  # the shortest valid number (a landline); normalising only ever drops digits


def _valid(digits: str) -> bool:
    return bool(_MOBILE.fullmatch(digits) or _LANDLINE.fullmatch(digits) or _SERVICE.fullmatch(digits))


def _normalise(digits: str) -> str:
    if digits.startswith("86") and len(digits) == 13 and digits[2] == "1":
        return digits[2:]
    if digits.startswith("0086"):
        return digits[4:]
    return digits


# A mobile number read out digit by digit, as voice input writes it: "一三九五三五二零六七八", maybe in
# groups ("一五八 五七九八 二二六一", "一三九-五三五二-零六七八"): one space or dash at most between digits.
_SPOKEN_MOBILE = Screened(
    r"(?<![零〇一二三四五六七八九幺两])[一幺][ \-]?[三四五六七八九](?:[ \-]?[零〇一二三四五六七八九幺两]){9}"
    r"(?![零〇一二三四五六七八九幺两])"
)
# A landline read out the same way, area code first ("零七五五 八六二七 三三九一"): kept only when the digits
# make a valid landline, so a long spoken amount or date never reads as one.
_SPOKEN_LANDLINE = Screened(
    r"(?<![零〇一二三四五六七八九幺两])[零〇](?:[ \-]?[零〇一二三四五六七八九幺]){9,11}"
    r"(?![零〇一二三四五六七八九幺两])"
)
# A mobile number typed digit by digit with a space after each ("1 3 9 7 3 3 5 6 0 4 8"): more groups than a
# written number has, so it is read on its own.
_SPACED_MOBILE = re.compile(r"(?<![\d.])1 [3-9](?: \d){9}(?! ?\d)")
_SPOKEN_DIGITS = str.maketrans("零〇一二三四五六七八九幺两", "0012345678912")


def find_phones(text: str) -> list[tuple[str, tuple[int, int]]]:
    """All phone numbers with their spans, in order; extensions and order numbers are left out."""
    out = _written_phones(text)
    for m in _SPACED_MOBILE.finditer(text):
        out.append((m.group().replace(" ", ""), m.span()))
    for m in _SPOKEN_MOBILE.finditer(text):
        out.append((m.group().translate(_SPOKEN_DIGITS).replace(" ", "").replace("-", ""), m.span()))
    for m in _SPOKEN_LANDLINE.finditer(text):
        digits = m.group().translate(_SPOKEN_DIGITS).replace(" ", "").replace("-", "")
        if _LANDLINE.fullmatch(digits):
            out.append((digits, m.span()))
    return sorted(out, key=lambda p: p[1])


def _written_phones(text: str) -> list[tuple[str, tuple[int, int]]]:
    out: list[tuple[str, tuple[int, int]]] = []
    for run in _PHONE_RUN.finditer(text):
        s, e = run.span()
        if (s > 0 and (text[s - 1].isdigit() or (text[s - 1].isascii() and text[s - 1].isalpha()))) or (
            e < len(text) and text[e].isdigit()
        ):
            continue
        raw = run.group()
        if len(raw) < _MIN_DIGITS:
            continue  # "2点", "50万", "2026年": too few digits for any number below
        # Groups with their offsets; try the longest prefix of groups that makes a valid number,
        # then move on (a run can hold a phone followed by an unrelated number).
        groups = [(m.group(), m.start()) for m in _DIGITS.finditer(raw)]
        plus86 = raw.lstrip().startswith("+")
        i = 0
        while i < len(groups):
            best = None
            acc = ""
            for j in range(i, min(len(groups), i + 6)):
                acc += groups[j][0]
                if len(acc) > 15:
                    break
                cand = acc[2:] if plus86 and i == 0 and acc.startswith("86") else _normalise(acc)
                if _valid(cand):
                    best = (cand, j)
            if best is None:
                i += 1
                continue
            cand, j = best
            start = s + (0 if i == 0 else groups[i][1])
            end = s + groups[j][1] + len(groups[j][0])
            out.append((cand, (start, end)))
            i = j + 1
    return out


def find_emails(text: str) -> list[tuple[str, tuple[int, int]]]:
    """E-mail addresses, lower-cased, with spans."""
    return [(m.group().lower().rstrip("."), m.span()) for m in _EMAIL.finditer(text)]
