"""The hardened client against the fake Ollama over real HTTP: local only, no proxies, clear errors."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
from fake_ollama import FakeOllama
from fake_ollama_scripts import (
    OOM_RUNTIME,
    Reply,
    dropped,
    loop_redacted,
    oom_before_stream,
    oom_mid_stream,
    page_png,
    prescription_page,
)

from coheara.cancel import CancelToken, Progress
from coheara.errors import (
    Cancelled,
    CloudModelRefusedError,
    EngineTimeoutError,
    EngineUnreachableError,
    KnownError,
    ModelMissingError,
    ModelNoVisionError,
    OutOfMemoryError,
    RemoteHostRefusedError,
)
from coheara.inference.client import EngineClient, StreamChunk
from coheara.inference.engine_errors import EngineRuntimeError
from coheara.inference.hosts import checked_host, is_cloud_model, parse_host

MODEL = "coheara-medgemma-4b-q8"


@pytest.fixture
def engine(fake_ollama: FakeOllama) -> Iterator[EngineClient]:
    fake_ollama.add_model(MODEL)
    with EngineClient(fake_ollama.url, timeout_s=10) as client:
        yield client


def _chat(engine: EngineClient, model: str = MODEL, images: bool = True) -> list[StreamChunk]:
    message = {"role": "user", "content": "read", **({"images": [page_png()]} if images else {})}
    return list(engine.chat_stream(model, [message], options={"num_ctx": 8192}, keep_alive="30m"))


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_questions_about_the_engine(engine: EngineClient, fake_ollama: FakeOllama) -> None:
    fake_ollama.add_model("gpt-oss:120b-cloud", remote_host="https://ollama.com:443")
    fake_ollama.add_model("someone/remote-model", remote_host="https://ollama.com:443")
    assert engine.version() == fake_ollama.version
    assert engine.installed_models() == [f"{MODEL}:latest"]  # cloud entries are not "installed"
    details = engine.show(MODEL)
    assert details.has_vision and details.family == "gemma3" and details.quantization == "Q8_0"
    engine.load(MODEL, options={"num_ctx": 8192})
    assert [(r.name, r.size == r.size_vram) for r in engine.running()] == [(f"{MODEL}:latest", True)]


def test_stream_yields_typed_chunks(engine: EngineClient, fake_ollama: FakeOllama) -> None:
    fake_ollama.script.append(Reply("Metformin 500 mg"))
    chunks = _chat(engine)
    assert "".join(c.content for c in chunks) == "Metformin 500 mg"
    assert chunks[-1].done and chunks[-1].done_reason == "stop" and chunks[-1].eval_count == len(chunks) - 1


def test_engine_down_is_said_within_seconds() -> None:
    port = _closed_port()
    with EngineClient(f"http://127.0.0.1:{port}") as client:
        for call in (client.version, lambda: _chat(client)):
            started = time.monotonic()
            with pytest.raises(EngineUnreachableError) as err:
                call()
            assert time.monotonic() - started < 3
            assert err.value.message == f"The local AI engine (Ollama) is not running at http://127.0.0.1:{port}."
            assert err.value.hint and "ollama serve" in err.value.hint


def test_an_engine_that_stops_answering_times_out() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        accepted: list[socket.socket] = []
        threading.Thread(target=lambda: accepted.append(server.accept()[0]), daemon=True).start()
        with EngineClient(f"http://127.0.0.1:{server.getsockname()[1]}", timeout_s=0.5) as client:
            with pytest.raises(EngineTimeoutError, match="stopped answering"):
                client.version()
        for conn in accepted:
            conn.close()


def test_a_program_that_is_not_ollama(tmp_path: object) -> None:
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Page(BaseHTTPRequestHandler):
        """A home router's login page on the port Ollama would use."""

        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            status = 404 if self.path == "/api/tags" else 200
            body = b"<html>router login</html>"
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    with ThreadingHTTPServer(("127.0.0.1", 0), Page) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with EngineClient(f"http://127.0.0.1:{server.server_address[1]}") as client:
            with pytest.raises(EngineRuntimeError, match="does not understand"):
                client.version()
            with pytest.raises(EngineRuntimeError, match="does not answer like Ollama"):
                client.installed_models()
        server.shutdown()


def test_proxies_in_the_environment_are_ignored(fake_ollama: FakeOllama, monkeypatch: pytest.MonkeyPatch) -> None:
    import httpx

    dead = f"http://127.0.0.1:{_closed_port()}"
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.setenv(name, dead)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    with pytest.raises(httpx.ConnectError):  # what a client that trusts the environment does: the dead proxy
        httpx.get(fake_ollama.url)
    with EngineClient(fake_ollama.url) as client:
        assert client.version() == fake_ollama.version


def test_an_ollama_com_key_is_never_sent(engine: EngineClient, fake_ollama: FakeOllama,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OLLAMA_API_KEY", "secret-key")
    with EngineClient(fake_ollama.url) as client:
        client.version()
    assert "authorization" not in fake_ollama.requests[-1].headers


@pytest.mark.parametrize("host", ["http://192.0.2.10:11434", "192.0.2.10", "10.0.0.1:80", "[2001:db8::1]"])
def test_a_host_elsewhere_is_refused(host: str) -> None:
    with pytest.raises(RemoteHostRefusedError, match="not on this computer"):
        EngineClient(host)
    assert checked_host(host, allow_remote=True)  # the patient's explicit opt-in


def test_a_name_is_local_only_if_every_address_is(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = {"remote.example": ["203.0.113.5"], "mixed.example": ["127.0.0.1", "203.0.113.5"],
               "box.local": ["127.0.1.1", "::1"]}

    def resolve(name: str, *args: object, **kwargs: object) -> list[tuple[object, ...]]:
        if name not in answers:
            raise socket.gaierror("no such host")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, 0)) for a in answers[name]]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    for host in ("remote.example", "mixed.example", "unknown.example"):
        with pytest.raises(RemoteHostRefusedError):
            checked_host(host, allow_remote=False)
    assert checked_host("box.local", allow_remote=False).url == "http://box.local:11434"


@pytest.mark.parametrize(("host", "url"), [
    ("localhost", "http://localhost:11434"),
    ("127.0.0.1:5000", "http://127.0.0.1:5000"),
    ("http://[::1]:11434", "http://[::1]:11434"),
    ("0.0.0.0", "http://127.0.0.1:11434"),  # OLLAMA_HOST as set for the server
    (":11435", "http://127.0.0.1:11435"),
])
def test_local_hosts(host: str, url: str) -> None:
    assert checked_host(host, allow_remote=False).url == url
    assert parse_host(host).port == int(url.rsplit(":", 1)[1])


def test_cloud_models_are_refused_before_anything_is_sent(engine: EngineClient, fake_ollama: FakeOllama) -> None:
    fake_ollama.add_model("remote-medgemma", remote_host="https://ollama.com:443")
    before = len(fake_ollama.requests)
    for name in ("gpt-oss:120b-cloud", "qwen3-coder:cloud", "deepseek-cloud"):
        assert is_cloud_model(name)
        with pytest.raises(CloudModelRefusedError):
            _chat(engine, name)
    assert len(fake_ollama.requests) == before
    with pytest.raises(CloudModelRefusedError):
        engine.show("remote-medgemma")
    assert not is_cloud_model(MODEL)


def test_errors_become_sentences(engine: EngineClient, fake_ollama: FakeOllama) -> None:
    fake_ollama.add_model("blind", vision=False)
    truth = prescription_page()
    cases: list[tuple[Reply | None, str, type[KnownError]]] = [
        (None, "missing", ModelMissingError),
        (None, "blind", ModelNoVisionError),
        (oom_before_stream(), MODEL, OutOfMemoryError),
        (oom_mid_stream(truth), MODEL, OutOfMemoryError),
        (Reply("{", end="error", error="an error was encountered while running the model: unexpected EOF"),
         MODEL, EngineRuntimeError),
        (dropped(truth), MODEL, EngineRuntimeError),
    ]
    for reply, model, expected in cases:
        if reply is not None:
            fake_ollama.script.append(reply)
        with pytest.raises(expected) as err:
            _chat(engine, model)
        assert "\n" not in err.value.message and "status code" not in err.value.message
        assert OOM_RUNTIME not in err.value.message  # engine wording stays out of the patient's sentence


def test_closing_the_stream_disconnects(engine: EngineClient, fake_ollama: FakeOllama) -> None:
    fake_ollama.script.append(loop_redacted())
    stream = engine.chat_stream(MODEL, [{"role": "user", "content": "x"}])
    for i, _ in enumerate(stream):
        if i == 9:
            break
    stream.close()
    fake_ollama.wait_idle()
    assert fake_ollama.chats[-1].disconnected and fake_ollama.chats[-1].tokens_sent <= 12


def test_pull_reports_progress_and_can_be_cancelled(engine: EngineClient, fake_ollama: FakeOllama) -> None:
    fake_ollama.add_pullable("ktiyab/coheara-medgemma-4b-q4")
    seen: list[Progress] = []
    engine.pull("ktiyab/coheara-medgemma-4b-q4", seen.append)
    assert seen[-1].extra["status"] == "success"
    assert any(p.total and p.done == p.total for p in seen)
    assert "ktiyab/coheara-medgemma-4b-q4:latest" in engine.installed_models()

    fake_ollama.add_pullable("ktiyab/coheara-medgemma-4b-f16")
    fake_ollama.pull_delay_s = 0.02
    cancel = CancelToken()
    with pytest.raises(Cancelled):
        engine.pull("ktiyab/coheara-medgemma-4b-f16", lambda p: cancel.cancel() if p.done else None, cancel)
    fake_ollama.wait_idle()
    assert "ktiyab/coheara-medgemma-4b-f16:latest" not in engine.installed_models()
    with pytest.raises(ModelMissingError):
        engine.pull("nope")


def test_think_false_goes_at_the_top_level_and_thinking_is_kept_apart(
    engine: EngineClient, fake_ollama: FakeOllama
) -> None:
    fake_ollama.add_model("medgemma1.5", thinking=True)
    message = {"role": "user", "content": "read", "images": [page_png()]}
    fake_ollama.script.append(Reply("Metformin"))
    quiet = list(engine.chat_stream("medgemma1.5", [message], think=False))
    assert fake_ollama.chats[-1].body["think"] is False and "think" not in fake_ollama.chats[-1].options
    assert not any(c.thinking for c in quiet)
    fake_ollama.script.append(Reply("Metformin"))
    loud = list(engine.chat_stream("medgemma1.5", [message]))  # None: the field is left out
    assert "think" not in fake_ollama.chats[-1].body
    assert "".join(c.thinking for c in loud).startswith("The page shows")
    assert "".join(c.content for c in loud) == "Metformin"
