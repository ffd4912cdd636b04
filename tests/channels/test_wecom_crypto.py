"""Callback crypto against the official WXBizMsgCrypt vectors, and every kind of tampering."""

from __future__ import annotations

import base64
import contextlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.channels.callback_crypto import check_timestamp, pkcs7_pad, pkcs7_unpad
from bot.channels.errors import BadCallback, SignatureError
from bot.channels.wecom.crypto import WeComCrypto

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
VECTORS = json.loads((FIXTURES / "wecom_callback_crypto_official.json").read_text("utf-8"))["vectors"]
GET = [v for v in VECTORS if v["kind"].startswith("GET")]
POST = [v for v in VECTORS if v["kind"].startswith("POST")]
OURS = (SignatureError, BadCallback)


def crypto_for(v: dict[str, Any]) -> WeComCrypto:
    return WeComCrypto(v["token"], v["encoding_aes_key"], v["receiveid"])


def envelope(v: dict[str, Any]) -> bytes:
    body = v.get("post_body_xml") or f"<xml><Encrypt><![CDATA[{v['encrypt']}]]></Encrypt></xml>"
    return body.encode("utf-8")


@pytest.mark.parametrize("v", GET, ids=lambda v: v["id"])
def test_official_get_vectors(v: dict[str, Any]) -> None:
    c = crypto_for(v)
    assert c.signature(v["timestamp"], v["nonce"], v["encrypt"]) == v["msg_signature"]
    assert (
        c.verify_url(v["msg_signature"], v["timestamp"], v["nonce"], v["encrypt"]) == v["expected_plaintext"]
    )


@pytest.mark.parametrize("v", POST, ids=lambda v: v["id"])
def test_official_post_vectors_decrypt_and_reencrypt_exactly(v: dict[str, Any]) -> None:
    c = crypto_for(v)
    plain = c.decrypt_message(v["msg_signature"], v["timestamp"], v["nonce"], envelope(v))
    assert plain.decode("utf-8") == v["expected_plaintext"]
    again = c.encrypt_message(
        v["expected_plaintext"], v["nonce"], v["timestamp"], bytes.fromhex(v["random_hex"])
    )
    assert f"<![CDATA[{v['encrypt']}]]>" in again
    assert f"<![CDATA[{v['msg_signature']}]]>" in again


def test_get_with_plus_decoded_as_space_still_verifies() -> None:
    v = GET[0]
    echostr = v["encrypt"].replace("+", " ")
    assert (
        crypto_for(v).verify_url(v["msg_signature"], v["timestamp"], v["nonce"], echostr)
        == v["expected_plaintext"]
    )


def test_pad_of_32_accepted_and_bad_pads_rejected() -> None:
    assert pkcs7_pad(b"x" * 32)[-32:] == bytes([32]) * 32
    assert pkcs7_unpad(b"x" * 32 + bytes([32]) * 32) == b"x" * 32
    for bad in (b"x" * 31 + b"\x00", b"x" * 31 + bytes([33]), b"x" * 29 + b"\x01\x02\x03", b""):
        with pytest.raises(BadCallback):
            pkcs7_unpad(bad)


def test_round_trip_with_pad_32(wecom_config: Any) -> None:
    c = WeComCrypto(wecom_config.token, wecom_config.encoding_aes_key, wecom_config.corp_id)
    msg = "x" * (32 * 3 - 20 - len(wecom_config.corp_id))  # 16 + 4 + msg + corp id is block-aligned
    env = c.encrypt_message(msg, "n", "1").encode()
    enc = env.split(b"<![CDATA[")[1].split(b"]]>")[0].decode()
    assert len(base64.b64decode(enc)) == 32 * 4  # a whole extra block of padding
    assert c.decrypt_message(c.signature("1", "n", enc), "1", "n", env) == msg.encode()


def test_signature_is_checked_before_decryption() -> None:
    v = POST[0]
    c = crypto_for(v)
    garbage = b"<xml><Encrypt><![CDATA[not base64 at all!]]></Encrypt></xml>"
    with pytest.raises(SignatureError):
        c.decrypt_message(v["msg_signature"], v["timestamp"], v["nonce"], garbage)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda s, t, n: ("0" * 40, t, n),
        lambda s, t, n: (s, str(int(t) + 1), n),
        lambda s, t, n: (s, t, n + "1"),
        lambda s, t, n: (s.upper(), t, n),
        lambda s, t, n: ("签名", t, n),
    ],
)
def test_bad_signature_is_signature_error(mutate: Any) -> None:
    v = POST[0]
    sig, ts, nonce = mutate(v["msg_signature"], v["timestamp"], v["nonce"])
    with pytest.raises(SignatureError):
        crypto_for(v).decrypt_message(sig, ts, nonce, envelope(v))


def test_wrong_corp_id_is_bad_callback() -> None:
    v = POST[0]
    other = WeComCrypto(v["token"], v["encoding_aes_key"], "wwSomebodyElse")
    with pytest.raises(BadCallback):
        other.decrypt_message(v["msg_signature"], v["timestamp"], v["nonce"], envelope(v))


@pytest.mark.parametrize(
    "body",
    [b"", b"not xml", b"<xml></xml>", b"<xml><Encrypt></Encrypt></xml>", b"<xml>" + b"a" * 70000 + b"</xml>"],
)
def test_bad_envelopes_are_bad_callback(body: bytes) -> None:
    with pytest.raises(BadCallback):
        crypto_for(POST[0]).decrypt_message("0" * 40, "1", "n", body)


def test_envelope_with_entity_refused_before_expansion() -> None:
    body = b'<!DOCTYPE xml [<!ENTITY e "x">]><xml><Encrypt>&e;</Encrypt></xml>'
    with pytest.raises(BadCallback):
        crypto_for(POST[0]).decrypt_message("0" * 40, "1", "n", body)


NOW = datetime(2026, 12, 1, tzinfo=UTC)


@pytest.mark.parametrize("ts", ["", "abc", "1.5", " 1", "+1", "-1", "1_000", "١٢٣", str(10**13)])
def test_timestamp_not_an_integer(ts: str) -> None:
    with pytest.raises(BadCallback):
        check_timestamp(ts, NOW, timedelta(minutes=10))


def test_timestamp_window() -> None:
    now_ts = int(NOW.timestamp())
    check_timestamp(str(now_ts - 600), NOW, timedelta(minutes=10))
    check_timestamp(str(now_ts + 600), NOW, timedelta(minutes=10))
    for ts in (now_ts - 601, now_ts + 601):
        with pytest.raises(BadCallback):
            check_timestamp(str(ts), NOW, timedelta(minutes=10))


# -- nothing but our exceptions, whatever arrives ----------------------------------------------------------

V = POST[1]
C = crypto_for(V)
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _signed(encrypted: str) -> tuple[str, bytes]:
    return C.signature("1", "n", encrypted), f"<xml><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>".encode()


@FAST
@given(st.binary(max_size=300))
def test_random_ciphertext_with_valid_signature(data: bytes) -> None:
    sig, body = _signed(base64.b64encode(data).decode())
    with contextlib.suppress(OURS):
        C.decrypt_message(sig, "1", "n", body)


@FAST
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="]"), max_size=200))
def test_random_encrypt_text_with_valid_signature(text: str) -> None:
    sig, body = _signed(text)
    with contextlib.suppress(OURS):
        C.decrypt_message(sig, "1", "n", body)


@FAST
@given(st.binary(max_size=500), st.text(max_size=50))
def test_random_bodies_and_signatures(body: bytes, sig: str) -> None:
    with contextlib.suppress(OURS):
        C.decrypt_message(sig, "1", "n", body)


@FAST
@given(st.integers(min_value=0, max_value=len(V["encrypt"]) - 1), st.sampled_from("ABab+/09="))
def test_any_one_character_change_is_refused(pos: int, ch: str) -> None:
    tampered = V["encrypt"][:pos] + ch + V["encrypt"][pos + 1 :]
    if tampered == V["encrypt"]:
        return
    with pytest.raises(SignatureError):
        C.decrypt_message(V["msg_signature"], V["timestamp"], V["nonce"], _signed(tampered)[1])
    sig, body = _signed(tampered)  # even re-signed (someone with the token but not the key): ours only
    with contextlib.suppress(OURS):
        C.decrypt_message(sig, "1", "n", body)


@FAST
@given(st.binary(min_size=16, max_size=16), st.text(max_size=100))
def test_round_trip(random16: bytes, text: str) -> None:
    env = C.encrypt_message(text, "n", "1", random16).encode()
    enc = env.split(b"<![CDATA[")[1].split(b"]]>")[0].decode()
    assert C.decrypt_message(C.signature("1", "n", enc), "1", "n", env) == text.encode()
