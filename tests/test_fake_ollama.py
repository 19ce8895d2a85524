"""The fake Ollama answers like the real one, as seen through the official ollama client over HTTP.

If these pass, a behaviour that works against the fake works against Ollama for the same reasons
(reference: /work/shared/reference/ollama-api.md, "A faithful fake has to pass these client probes").
"""

from __future__ import annotations

import base64
import json

import httpx
import ollama
import pytest
from fake_ollama import IMAGE_TOKENS, FakeOllama
from fake_ollama_scripts import (
    OOM_LOAD,
    OOM_RUNTIME,
    Reply,
    dropped,
    eof_without_done,
    json_answer,
    loop_redacted,
    oom_before_stream,
    oom_mid_stream,
    page_png,
    prescription_page,
    tokenize,
)
from hypothesis import given
from hypothesis import strategies as st

MODEL = "coheara-medgemma-4b-q8"


@pytest.fixture
def client(fake_ollama: FakeOllama) -> ollama.Client:
    fake_ollama.add_model(MODEL)
    with ollama.Client(host=fake_ollama.url, trust_env=False, timeout=10) as c:
        yield c


def _user(text: str = "hello", images: list[bytes] | None = None) -> list[dict[str, object]]:
    message: dict[str, object] = {"role": "user", "content": text}
    if images:
        message["images"] = images
    return [message]


def test_root_version_and_tags_answer_like_ollama(fake_ollama: FakeOllama, client: ollama.Client) -> None:
    assert httpx.get(fake_ollama.url).text == "Ollama is running"
    assert httpx.head(fake_ollama.url).status_code == 200
    assert httpx.get(f"{fake_ollama.url}/api/version").json()["version"]
    raw = httpx.get(f"{fake_ollama.url}/api/tags").json()["models"][0]
    assert set(raw) == {"name", "model", "modified_at", "size", "digest", "details"}
    assert set(raw["details"]) == {"parent_model", "format", "family", "families", "parameter_size",
                                   "quantization_level"}
    assert not raw["digest"].startswith("sha256:")
    assert client.list().models[0].model == f"{MODEL}:latest"


def test_show_always_has_model_info_and_capabilities(client: ollama.Client, fake_ollama: FakeOllama) -> None:
    shown = client.show(MODEL)
    assert shown.capabilities == ["completion", "vision"]
    assert isinstance(shown.parameters, str) and shown.modelinfo
    fake_ollama.add_model("gemma3-community", vision=False)
    assert client.show("gemma3-community").capabilities == ["completion"]
    with pytest.raises(ollama.ResponseError) as missing:
        client.show("nope")
    assert (missing.value.status_code, missing.value.error) == (404, "model 'nope' not found")


def test_stream_chunks_and_final_chunk_carry_ollama_fields(client: ollama.Client, fake_ollama: FakeOllama) -> None:
    answer = json_answer(prescription_page())
    fake_ollama.script.append(Reply(answer))
    chunks = list(client.chat(MODEL, _user("read", [page_png()]), stream=True, options={"num_ctx": 8192}))
    assert "".join(c.message.content or "" for c in chunks) == answer
    assert len(chunks) == len(tokenize(answer)) + 1  # about one token per chunk, then the final one
    final = chunks[-1]
    assert final.done and final.done_reason == "stop" and final.message.content == ""
    assert final.eval_count == len(tokenize(answer))
    assert final.prompt_eval_count is not None and final.prompt_eval_count > IMAGE_TOKENS
    assert all(isinstance(getattr(final, f), int) for f in ("total_duration", "prompt_eval_duration", "eval_duration"))


def test_raw_stream_is_chunked_ndjson_with_go_escaping(fake_ollama: FakeOllama, client: ollama.Client) -> None:
    fake_ollama.script.append(Reply("<b>&"))
    body = {"model": MODEL, "messages": _user()}
    with httpx.stream("POST", f"{fake_ollama.url}/api/chat", json=body) as response:
        assert response.headers["content-type"] == "application/x-ndjson"
        assert response.headers["transfer-encoding"] == "chunked"
        lines = list(response.iter_lines())
    assert "\\u003c" in lines[0] and all(json.loads(line) for line in lines)


def test_stream_false_gives_one_document(client: ollama.Client, fake_ollama: FakeOllama) -> None:
    fake_ollama.script.append(Reply("Ibuprofen 400 mg"))
    reply = client.chat(MODEL, _user(), stream=False)
    assert reply.message.content == "Ibuprofen 400 mg" and reply.done_reason == "stop"


def test_num_predict_stops_with_length(client: ollama.Client, fake_ollama: FakeOllama) -> None:
    fake_ollama.script.append(Reply("a b c d e f g h"))
    chunks = list(client.chat(MODEL, _user(), stream=True, options={"num_predict": 3}))
    assert chunks[-1].done_reason == "length" and chunks[-1].eval_count == 3


def test_repeat_guard_ends_stream_without_done(client: ollama.Client, fake_ollama: FakeOllama) -> None:
    fake_ollama.script.append(eof_without_done(prescription_page()))
    chunks = list(client.chat(MODEL, _user(), stream=True))
    assert chunks and not any(c.done for c in chunks)


def test_mid_stream_error_is_status_minus_one(client: ollama.Client, fake_ollama: FakeOllama) -> None:
    fake_ollama.script.append(oom_mid_stream(prescription_page()))
    with pytest.raises(ollama.ResponseError) as err:
        list(client.chat(MODEL, _user(), stream=True))
    assert (err.value.status_code, err.value.error) == (-1, OOM_RUNTIME)


def test_error_before_stream_keeps_http_status(client: ollama.Client, fake_ollama: FakeOllama) -> None:
    fake_ollama.script.append(oom_before_stream())
    with pytest.raises(ollama.ResponseError) as err:
        list(client.chat(MODEL, _user(), stream=True))
    assert (err.value.status_code, err.value.error) == (500, OOM_LOAD)


def test_dropped_connection_is_an_incomplete_chunked_body(client: ollama.Client, fake_ollama: FakeOllama) -> None:
    fake_ollama.script.append(dropped(prescription_page()))
    with pytest.raises(httpx.RemoteProtocolError):
        list(client.chat(MODEL, _user(), stream=True))


def test_request_errors_match_ollama(fake_ollama: FakeOllama, client: ollama.Client) -> None:
    url = f"{fake_ollama.url}/api/chat"
    assert httpx.post(url).json() == {"error": "missing request body"}
    bad = httpx.post(url, content=b"{not json")
    assert bad.status_code == 400 and "error" in bad.json()
    missing = httpx.post(url, json={"model": "nope", "messages": _user()})
    assert (missing.status_code, missing.json()["error"]) == (404, "model 'nope' not found")
    think = httpx.post(url, json={"model": MODEL, "messages": _user(), "think": True})
    assert think.status_code == 400 and "does not support thinking" in think.json()["error"]
    image = httpx.post(url, json={"model": MODEL, "messages": [{"role": "user", "content": "x", "images": ["%%"]}]})
    assert image.status_code == 400


def test_images_arrive_as_base64_and_are_recorded(client: ollama.Client, fake_ollama: FakeOllama) -> None:
    png = page_png()
    fake_ollama.script.append(Reply("ok"))
    list(client.chat(MODEL, _user("x", [png]), stream=True))
    record = fake_ollama.chats[-1]
    sent = record.body["messages"][0]["images"][0]
    assert isinstance(sent, str) and base64.b64decode(sent) == png
    assert record.images == [png] and record.image_sizes == [(896, 896)]


def test_model_without_vision_refuses_images(fake_ollama: FakeOllama, client: ollama.Client) -> None:
    fake_ollama.add_model("blind", vision=False)
    with pytest.raises(ollama.ResponseError) as err:
        list(client.chat("blind", _user("x", [page_png()]), stream=True))
    assert err.value.status_code == 500 and "missing data required for image input" in err.value.error


def test_same_prefix_through_the_image_is_encoded_once(client: ollama.Client, fake_ollama: FakeOllama) -> None:
    png, system = page_png(), {"role": "system", "content": "Read."}
    for question in ("first", "second"):
        fake_ollama.script.append(Reply("ok"))
        list(client.chat(MODEL, [system, *_user(question, [png])], stream=True, options={"num_ctx": 8192}))
    first, second = fake_ollama.chats[-2:]
    assert first.image_encoded and not second.image_encoded
    assert second.prompt_eval_count < IMAGE_TOKENS < first.prompt_eval_count


def test_disconnect_stops_generation(client: ollama.Client, fake_ollama: FakeOllama) -> None:
    fake_ollama.script.append(loop_redacted())
    stream = client.chat(MODEL, _user(), stream=True)
    for i, _ in enumerate(stream):
        if i == 39:
            break
    stream.close()
    fake_ollama.wait_idle()
    record = fake_ollama.chats[-1]
    assert record.disconnected and record.end == "disconnect"
    assert 40 <= record.tokens_sent <= 42  # it noticed within a token or two


def test_load_unload_and_ps(client: ollama.Client, fake_ollama: FakeOllama) -> None:
    loaded = client.chat(MODEL, [], keep_alive="30m", options={"num_ctx": 8192})
    assert loaded.done_reason == "load"
    running = client.ps().models[0]
    assert (running.size_vram, running.context_length) == (running.size, 8192)
    assert client.chat(MODEL, [], keep_alive=0).done_reason == "unload"
    assert client.ps().models == []


def test_pull_progress_and_missing_model(client: ollama.Client, fake_ollama: FakeOllama) -> None:
    fake_ollama.add_pullable("ktiyab/coheara-medgemma-4b-q4")
    statuses = [p.status for p in client.pull("ktiyab/coheara-medgemma-4b-q4", stream=True)]
    assert statuses[0] == "pulling manifest" and statuses[-1] == "success"
    assert statuses[-4:-1] == ["verifying sha256 digest", "writing manifest", "removing unused layers"]
    assert "ktiyab/coheara-medgemma-4b-q4:latest" in [m.model for m in client.list().models]
    with pytest.raises(ollama.ResponseError) as err:
        list(client.pull("nope", stream=True))
    assert (err.value.status_code, err.value.error) == (-1, "pull model manifest: file does not exist")
    with pytest.raises(ollama.ResponseError) as whole:
        client.pull("nope", stream=False)
    assert whole.value.status_code == 500


def test_delete(client: ollama.Client, fake_ollama: FakeOllama) -> None:
    assert client.delete(MODEL).status == "success"
    with pytest.raises(ollama.ResponseError):
        client.delete(MODEL)


@given(st.text())
def test_tokenizer_loses_nothing(text: str) -> None:
    assert "".join(tokenize(text)) == text


def test_a_thinking_model_thinks_unless_told_not_to(client: ollama.Client, fake_ollama: FakeOllama) -> None:
    # Ollama turns thinking on by default for a model that declares it; only think:false turns it off.
    fake_ollama.add_model("medgemma1.5", thinking=True)
    assert "thinking" in client.show("medgemma1.5").capabilities
    fake_ollama.script.append(Reply("ok"))
    parts = list(client.chat("medgemma1.5", _user(), stream=True))
    thought = "".join(p.message.thinking or "" for p in parts)
    assert thought.startswith("The page shows") and "".join(p.message.content or "" for p in parts) == "ok"
    assert parts[-1].eval_count == fake_ollama.chats[-1].thinking_sent + 1
    fake_ollama.script.append(Reply("ok"))
    quiet = list(client.chat("medgemma1.5", _user(), stream=True, think=False))
    assert not any(p.message.thinking for p in quiet) and fake_ollama.chats[-1].body["think"] is False
    fake_ollama.script.append(Reply("ok"))
    whole = client.chat("medgemma1.5", _user(), stream=False)
    assert whole.message.thinking and whole.message.content == "ok"
    # think:false is fine for a model without thinking; think:true is not (the 400 above).
    fake_ollama.script.append(Reply("ok"))
    assert "".join(p.message.content or "" for p in client.chat(MODEL, _user(), stream=True, think=False)) == "ok"


def test_thinking_counts_against_num_predict(client: ollama.Client, fake_ollama: FakeOllama) -> None:
    fake_ollama.add_model("medgemma1.5", thinking=True)
    fake_ollama.script.append(Reply("a b c d e f g h"))
    parts = list(client.chat("medgemma1.5", _user(), stream=True, options={"num_predict": 20}))
    assert parts[-1].done_reason == "length" and parts[-1].eval_count == 20
