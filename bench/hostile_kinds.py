"""The classes of hostile input and the edges each applies to: `make(target, kind, edge, rng)` builds one
`Attack`, authenticated with the real keys wherever that carries the input past the signature to the
parser. Every class in REFUSED must end in a 4xx with nothing stored. ACCEPTED holds what is odd but
authentic, and legitimately accepted: kept apart so that it is measured, not hidden.
"""

from __future__ import annotations

import base64
import dataclasses
import json
from random import Random
from typing import Any
from urllib.parse import parse_qsl

from bench import hostile_mutations as mut
from bench.hostile_inputs import (
    BODY_EDGES,
    CIPHER_EDGES,
    CONSOLE_TOKEN,
    EDGES,
    GARBAGE_TIMESTAMPS,
    INTAKE_TOKEN,
    JSON_EDGES,
    JSON_IN_STRING,
    TIMED,
    WRONG_TYPES,
    Attack,
    Edges,
    Target,
    cap,
    requery,
    wrong_secret,
)

REFUSED: dict[str, tuple[str, ...]] = {
    "bit_flip": CIPHER_EDGES,  # one bit of the ciphertext, re-signed with the real token
    "bad_signature": EDGES,  # and wrong tokens, keys and paths
    "stale_timestamp": TIMED,
    "future_timestamp": TIMED,
    "bad_timestamp": TIMED,  # not an integer, too many digits, other scripts' digits
    "truncated": ("wecom_get", *BODY_EDGES),
    "doubled": ("wecom_get", *BODY_EDGES),
    "wrong_length": CIPHER_EDGES,  # the length inside the plaintext
    "bad_padding": CIPHER_EDGES,  # pad bytes 0, 33 and up, a broken run
    "non_utf8": EDGES,  # and NUL or lone surrogates, which no database stores
    "xml_dtd": ("wecom_post",),
    "xml_deep": ("wecom_post",),
    "xml_huge_attr": ("wecom_post",),
    "json_deep": JSON_EDGES,
    "json_huge_number": JSON_EDGES,
    "json_wrong_type": (*JSON_EDGES, "dashboard"),
    "oversized": EDGES,
    "slow_oversized": BODY_EDGES,  # oversized, sent in small pieces with pauses by the bench
}
ACCEPTED: dict[str, tuple[str, ...]] = {
    # CBC lets a flip in the first ciphertext block change one bit of the echo's first bytes while only
    # the discarded random prefix is garbled; re-signed with the real token the URL check is authentic,
    # and the bot answers the changed echo when it is still UTF-8. Nothing is stored or sent.
    "bit_flip_echo_head": ("wecom_get",),
    # Authentic, well-formed and odd: unknown message and event types, unknown fields, a huge well-formed
    # attribute, a number where text is usual, emoji. Accepted and answered like any message.
    "authentic_odd": EDGES,
}
KINDS = {**REFUSED, **ACCEPTED}
CASES = tuple((kind, edge) for kind, edges in KINDS.items() for edge in edges)


def make(target: Target, kind: str, edge: str, rng: Random) -> Attack:
    """One attack of class `kind` on `edge`."""
    if edge not in KINDS[kind]:
        raise ValueError(f"{kind} does not apply to {edge}")
    return dataclasses.replace(getattr(Builder(target, rng), kind)(edge), edge=edge, kind=kind)


class Builder(Edges):
    # -- the ciphertext edges -----------------------------------------------------------------------------

    def cipher_request(self, edge: str, encrypted: str, **kw: Any) -> Attack:
        if edge == "wecom_get":
            return self.wecom_get(encrypted, **kw)
        return self.wecom_post(encrypted, **kw) if edge == "wecom_post" else self.dt_events(encrypted, **kw)

    def plain_for(self, edge: str) -> tuple[bytes, bytes, Any]:
        """(message, receive id, cipher) of an authentic request on a ciphertext edge."""
        if edge == "wecom_get":
            return self.echo(), self.t.wecom.corp_id.encode(), self.wecom_crypto
        if edge == "wecom_post":
            return self.wecom_xml(), self.t.wecom.corp_id.encode(), self.wecom_crypto
        return mut.dumps(self.payload("dt_events")), self.t.dingtalk.app_key.encode(), self.event_cipher

    def encrypted(self, edge: str, plain: bytes) -> str:
        return self.wecom_encrypt(plain) if edge.startswith("wecom") else self.event_encrypt(plain)

    def bit_flip(self, edge: str) -> Attack:
        msg, _, _ = self.plain_for(edge)
        raw = base64.b64decode(self.encrypted(edge, msg))
        # The first block's bytes 4-15 of an echo are bit_flip_echo_head's; its bytes 0-3 hit the length.
        i = self.rng.choice((self.rng.randrange(0, 4), self.rng.randrange(16, len(raw))))
        if edge != "wecom_get":
            i = self.rng.randrange(0, len(raw))
        flipped = mut.flip_bit(raw, self.rng, i, i + 1)
        return self.cipher_request(edge, base64.b64encode(flipped).decode())

    def bit_flip_echo_head(self, edge: str) -> Attack:
        raw = base64.b64decode(self.wecom_encrypt(self.echo()))
        return self.wecom_get(base64.b64encode(mut.flip_bit(raw, self.rng, 4, 16)).decode())

    def wrong_length(self, edge: str) -> Attack:
        msg, rid, cipher = self.plain_for(edge)
        length = mut.wrong_length(msg, rid, self.rng)
        return self.cipher_request(edge, mut.frame(cipher, msg, rid, self.rng, length=length))

    def bad_padding(self, edge: str) -> Attack:
        msg, rid, cipher = self.plain_for(edge)
        pad = mut.bad_padding(20 + len(msg) + len(rid), self.rng)
        return self.cipher_request(edge, mut.frame(cipher, msg, rid, self.rng, pad=pad))

    # -- authentication -----------------------------------------------------------------------------------

    def authentic(self, edge: str) -> Attack:
        if edge in CIPHER_EDGES:
            msg, _, _ = self.plain_for(edge)
            return self.cipher_request(edge, self.encrypted(edge, msg))
        if edge == "dashboard":
            return self.dashboard(
                {"as": "lina", "range": "week"}, {"Authorization": f"Bearer {CONSOLE_TOKEN}"}
            )
        return self.send(edge, mut.dumps(self.payload(edge)))

    def bad_signature(self, edge: str) -> Attack:
        attack, rng = self.authentic(edge), self.rng
        if edge in CIPHER_EDGES:
            right = dict(parse_qsl(attack.query))["msg_signature"]
            return requery(attack, msg_signature=rng.choice((wrong_secret(rng, right), None)))
        if edge in ("dt_robot", "dt_card"):
            headers = dict(attack.headers)
            way = rng.randrange(3)
            if way == 0:
                headers["sign"] = wrong_secret(rng, headers["sign"])
            elif way == 1:
                headers = self.dt_headers(secret=wrong_secret(rng, self.t.dingtalk.app_secret))
            else:
                del headers["sign"]
            return dataclasses.replace(attack, headers=headers)
        if edge in ("intake", "console", "dashboard"):
            right = INTAKE_TOKEN if edge == "intake" else CONSOLE_TOKEN
            wrong = wrong_secret(rng, right) or "x"
            headers = {k: v for k, v in attack.headers.items() if k != "Authorization"}
            way = rng.randrange(5 if edge != "intake" else 3)
            if way == 1:
                headers["Authorization"] = f"Bearer {wrong}"
            elif way == 2:
                headers["Authorization"] = rng.choice((f"Basic {right}", f"Token {right}", right, "Bearer"))
            elif way == 3:
                headers["Cookie"] = f"salesbot_token={wrong}"
            elif way == 4:
                return requery(dataclasses.replace(attack, headers=headers), token=wrong)
            return dataclasses.replace(attack, headers=headers)
        source = self.t.sources[edge.removeprefix("ads_")]
        way = rng.randrange(3)
        if way == 0:  # a path no source has: another token, or another platform's name
            other = rng.choice((wrong_secret(rng, source.path_token), source.path_token))
            platform = source.platform if other != source.path_token else rng.choice(("feiyu", "baidu", "x"))
            if platform == source.platform:
                other += "0"
            return dataclasses.replace(attack, path=f"/leads/{platform}/{other}")
        if edge == "ads_baidu":
            payload = self.payload(edge) | {"token": wrong_secret(rng, source.token)}
            return dataclasses.replace(attack, body=mut.dumps(payload))
        if way == 1 and edge in ("ads_xiaohongshu", "ads_generic"):  # the signed body changed after signing
            return dataclasses.replace(attack, body=mut.flip_bit(attack.body, rng))
        headers = dict(attack.headers)
        name = next(k for k in headers if k.lower() != "content-type")  # the header that authenticates
        headers[name] = wrong_secret(rng, headers[name])
        return dataclasses.replace(attack, headers=headers)

    # -- timestamps ---------------------------------------------------------------------------------------

    def timed(self, edge: str, offset: float | None, garbage: str | None = None) -> Attack:
        """An authentic request but for its timestamp: `offset` seconds from now, or `garbage`."""
        at = self.now().timestamp() + (offset or 0)
        wecom = edge.startswith("wecom")
        ts = garbage if garbage is not None else str(max(0, int(at if wecom else at * 1000)))
        if edge in CIPHER_EDGES:
            msg, _, _ = self.plain_for(edge)
            return self.cipher_request(edge, self.encrypted(edge, msg), timestamp=ts)
        attack = self.send(edge, mut.dumps(self.payload(edge)))
        return dataclasses.replace(attack, headers=self.dt_headers(timestamp=ts))

    def window(self, edge: str) -> float:
        return (self.t.wecom if edge.startswith("wecom") else self.t.dingtalk).replay_window.total_seconds()

    def late(self) -> float:
        return self.rng.choice(
            (
                self.rng.uniform(120, 3600),
                self.rng.uniform(3600, 86400 * 30),
                self.rng.uniform(86400 * 30, 86400 * 3650),
            )
        )

    def stale_timestamp(self, edge: str) -> Attack:
        return self.timed(edge, -(self.window(edge) + self.late()))

    def future_timestamp(self, edge: str) -> Attack:
        return self.timed(edge, self.window(edge) + self.late())

    def bad_timestamp(self, edge: str) -> Attack:
        garbage = self.rng.choice(GARBAGE_TIMESTAMPS)
        if edge.startswith("wecom"):
            garbage = self.rng.choice((garbage, "9" * 13))  # WeChat Work's are seconds: 12 digits at most
        return self.timed(edge, None, garbage)

    # -- bodies -------------------------------------------------------------------------------------------

    def body_mutation(self, edge: str, change: Any, *, echo_too: bool = False) -> Attack:
        """`change` applied to the plaintext (encrypted and signed), the ciphertext (signed), the echostr
        or the envelope around a signed ciphertext, or to a JSON body (re-authenticated). A changed echo
        that is still text is just another echo: only `echo_too` changes allow it."""
        rng = self.rng
        if edge in CIPHER_EDGES:
            msg, _, _ = self.plain_for(edge)
            encrypted = self.encrypted(edge, msg)
            where = rng.randrange(3) if edge == "wecom_get" else rng.choice((0, 1, 3))
            if where == 0 and edge == "wecom_get" and not echo_too:
                where = 1
            if where == 0:  # the plaintext, encrypted and signed
                return self.cipher_request(edge, self.encrypted(edge, change(msg)))
            if where == 1:  # the ciphertext, signed
                return self.cipher_request(edge, change(encrypted.encode()).decode("latin-1"))
            if where == 2 and edge == "wecom_get":  # the echostr, signature of the original
                attack = self.cipher_request(edge, encrypted)
                return requery(attack, echostr=change(encrypted.encode()).decode("latin-1"))
            # the envelope around a signed ciphertext
            envelope = (
                self.envelope(encrypted) if edge == "wecom_post" else json.dumps({"encrypt": encrypted})
            )
            raw = envelope if isinstance(envelope, bytes) else envelope.encode()
            return self.cipher_request(edge, encrypted, envelope=change(raw))
        return self.send(edge, change(mut.dumps(self.payload(edge))))

    def truncated(self, edge: str) -> Attack:
        return self.body_mutation(edge, lambda b: mut.truncate(b, self.rng))

    def doubled(self, edge: str) -> Attack:
        return self.body_mutation(edge, lambda b: mut.double(b, self.rng))

    def non_utf8(self, edge: str) -> Attack:
        rng = self.rng
        if edge == "dashboard":
            attack = self.authentic(edge)
            name = rng.choice(("as", "range"))
            return dataclasses.replace(attack, query=attack.query.replace(f"{name}=", f"{name}=%FF%FE", 1))
        if edge in JSON_EDGES and rng.random() < 0.4:  # text no database stores, escaped in valid JSON
            bad = rng.choice(("\\u0000", "\\ud800", "a\\udfffb", "\\u0000\\u0000"))
            return self.json_raw(edge, f'"x{bad}"')
        if edge == "wecom_post" and rng.random() < 0.3:
            ref = rng.choice(("&#0;", "&#xD800;", "&#xDFFF;", "&#x1;", "&#xFFFE;"))
            plain = self.wecom_xml().replace(b"<Content><![CDATA[", f"<Content>{ref}<![CDATA[".encode())
            return self.wecom_post(self.wecom_encrypt(plain))
        return self.body_mutation(edge, lambda b: mut.non_utf8(b, rng), echo_too=True)

    def json_raw(self, edge: str, raw: str) -> Attack:
        """An authentic JSON body with one value (a field's, or a JSON-in-string field's) made `raw`."""
        payload, rng = self.payload(edge), self.rng
        nested = JSON_IN_STRING.get(edge)
        if nested and rng.random() < 0.5:
            inner = raw if edge != "ads_feiyu" else '{"城市": ' + raw + "}"
            if edge == "dt_card":
                inner = '{"cardPrivateData": {"params": {"key": ' + raw + "}}}"
            elif edge == "ads_baidu":
                inner = '[{"name": "城市", "value": ' + raw + "}]"
            return self.send(edge, mut.dumps(mut.set_path(payload, nested, inner)))
        key = rng.choice(sorted(payload)) if isinstance(payload, dict) else None
        if key is None or rng.random() < 0.2:
            return self.send(edge, raw.encode("utf-8", "surrogatepass"))
        body = mut.with_raw(mut.set_path(payload, (key,), mut.PLACEHOLDER), raw)
        return self.send(edge, body)

    # -- XML ----------------------------------------------------------------------------------------------

    def xml_attack(self, hostile: str) -> Attack:
        """`hostile` XML as the plaintext (encrypted and signed), or as the envelope around a signed
        ciphertext."""
        encrypted = self.wecom_encrypt(self.wecom_xml())
        if self.rng.random() < 0.6:
            return self.wecom_post(self.wecom_encrypt(hostile.encode()))
        wrapped = hostile.replace("<xml>", f"<xml><Encrypt><![CDATA[{encrypted}]]></Encrypt>", 1)
        return self.wecom_post(encrypted, envelope=wrapped.encode())

    def fields_xml(self) -> str:
        return self.wecom_xml().decode()[len("<xml>") : -len("</xml>")]

    def xml_dtd(self, edge: str) -> Attack:
        return self.xml_attack(mut.xml_with_dtd(self.fields_xml(), self.rng))

    def xml_deep(self, edge: str) -> Attack:
        depth = self.rng.choice((self.rng.randrange(20, 1000), self.rng.randrange(1000, 5000)))
        if self.rng.random() < 0.7:  # an authentic message with one field nested deep
            return self.wecom_post(
                self.wecom_encrypt(
                    f"<xml>{self.fields_xml()}<X>{mut.deep_xml(depth, self.rng)}</X></xml>".encode()
                )
            )
        encrypted = self.wecom_encrypt(self.wecom_xml())  # the ciphertext buried deep in the envelope
        envelope = f"<xml>{'<a>' * depth}<Encrypt>{encrypted}</Encrypt>{'</a>' * depth}</xml>"
        return self.wecom_post(encrypted, envelope=envelope.encode())

    def xml_huge_attr(self, edge: str) -> Attack:
        attribute = mut.broken_huge_attribute(self.rng.randrange(1000, 30000), self.rng)
        return self.xml_attack(f"<xml>{self.fields_xml()}{attribute}</xml>")

    # -- JSON ---------------------------------------------------------------------------------------------

    def json_deep(self, edge: str) -> Attack:
        room = cap(edge) * (2 if edge != "dt_events" else 1) // 3 // 7  # levels that fit, escaped or not
        depth = self.rng.choice((self.rng.randrange(65, 1000), self.rng.randrange(1000, max(1001, room))))
        return self.json_raw(edge, mut.deep_json(depth, self.rng))

    def json_huge_number(self, edge: str) -> Attack:
        return self.json_raw(edge, mut.huge_number(self.rng))

    def json_wrong_type(self, edge: str) -> Attack:
        rng = self.rng
        if edge == "dashboard":
            auth = {"Authorization": f"Bearer {CONSOLE_TOKEN}"}
            params = rng.choice(
                (
                    {"as": "lina", "range": rng.choice(("year", "WEEK", "week ", "", "1"))},
                    {"as": rng.choice(("nobody", "", " ", "x" * 65, "guest:x", "li\tna"))},
                    {"range": "week"},
                )
            )
            return self.dashboard(params, auth)
        payload = self.payload(edge)
        if rng.random() < 0.15:
            top = rng.choice(("[]", "null", "1", '"x"', "true", "[1]", '[{"a": 1}]'))
            if edge == "ads_generic":
                top = rng.choice(("[]", "null", "1", '"x"', "true", "[1]", "[[]]"))
            return self.send(edge, top.encode())
        if edge == "console" and rng.random() < 0.2:
            attack = self.send(edge, mut.dumps(payload))
            content_type = rng.choice(
                ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data")
            )
            return dataclasses.replace(attack, headers={**attack.headers, "Content-Type": content_type})
        path, kinds = rng.choice(WRONG_TYPES[edge])
        value = mut.TYPED[rng.choice(kinds)] if isinstance(kinds, tuple) else kinds
        if edge == "ads_baidu" and path == ("form_detail",) and value == "x":
            value = "{broken"
        return self.send(edge, mut.dumps(mut.set_path(payload, path, value)))

    # -- size ---------------------------------------------------------------------------------------------

    def oversized(self, edge: str) -> Attack:
        rng = self.rng
        size = cap(edge) + rng.choice(
            (1, rng.randrange(2, cap(edge)), rng.randrange(cap(edge), 3 * 1024 * 1024))
        )
        if edge in ("wecom_get", "dashboard"):  # a request line or header past the server's 8 KiB
            attack = self.authentic(edge)
            size = rng.randrange(8200, 70000)
            if rng.random() < 0.5:
                return dataclasses.replace(attack, query=attack.query + "&pad=" + mut.padded_to(size, rng))
            return dataclasses.replace(attack, headers={**attack.headers, "X-Pad": mut.padded_to(size, rng)})
        chunked = rng.random() < 0.3
        if edge == "wecom_post":
            encrypted = self.wecom_encrypt(self.wecom_xml())
            pad = f"<Pad>{mut.padded_to(size, rng)}</Pad>"
            attack = self.wecom_post(
                encrypted, envelope=self.envelope(encrypted).replace(b"</xml>", pad.encode() + b"</xml>")
            )
            return dataclasses.replace(attack, chunked=chunked)
        payload = self.payload(edge)
        if edge == "ads_generic" or not isinstance(payload, dict):
            payload = [payload] * 2
            payload[1] = dict(payload[1], lead_id="x", remark=mut.padded_to(size, rng))
        else:
            key = rng.choice(sorted(payload))
            payload = dict(payload, **{key: mut.padded_to(size, rng)})
        return self.send(edge, mut.dumps(payload), chunked=chunked)

    def slow_oversized(self, edge: str) -> Attack:
        attack = self.oversized(edge)
        while len(attack.body) <= cap(edge) or len(attack.body) > 4 * cap(edge):
            attack = self.oversized(edge)
        return attack

    # -- accepted -----------------------------------------------------------------------------------------

    def authentic_odd(self, edge: str) -> Attack:
        rng, uid = self.rng, self.uid()
        if edge in ("wecom_get", "dashboard", "dt_card"):
            return self.authentic(edge)
        if edge == "wecom_post":
            way = rng.randrange(3)
            if way == 0:
                plain = self.wecom_xml(msg_type="shake")
            elif way == 1:
                big = f'<Content huge="{mut.padded_to(rng.randrange(1000, 30000), rng)}">'
                plain = self.wecom_xml({"Content": f"你好👋 {uid}"}).replace(b"<Content>", big.encode())
            else:
                plain = self.wecom_xml({"Unknown": "?", "Content": f"\u202e 你好 \u200b{uid} 🎉"})
            return self.wecom_post(self.wecom_encrypt(plain))
        payload = self.payload(edge)
        if edge == "dt_robot":
            payload |= rng.choice(
                (
                    {"msgtype": "richText", "content": {"richText": []}},
                    {"extra": [[[[1]]]] * 3, "big": 10**30, "f": 1e300, "isAdmin": "maybe"},
                )
            )
        elif edge == "dt_events":
            payload |= {"EventType": f"hostile_unknown_{uid}", "odd": {"nested": [1, 2.5, None]}}
        elif edge == "intake":
            payload |= {"phone": rng.randrange(13000000000, 13999999999), "message": "🎉" * 500}
        elif edge == "console":
            payload = {"as": f"guest:{uid}", "id": f"g{uid}", "text": "想了解超声 🎉", "name": "王 先生"}
        elif edge == "ads_generic":
            payload = [payload, dict(payload, lead_id=f"second{uid}", submitted_at="yesterday")]
        else:
            payload = dict(payload, unknown_field={"a": [1, "二"]})
        return self.send(edge, mut.dumps(payload))
