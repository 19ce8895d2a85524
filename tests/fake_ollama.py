"""A fake Ollama on 127.0.0.1: the real REST API over real HTTP, with a scripted model.

Tests only (never shipped; the app never pretends to extract without a real model). Field for field
it follows /work/shared/reference/ollama-api.md: NDJSON streams with chunked transfer encoding, the
final chunk's durations in nanoseconds, 260 prompt tokens per image, errors as ``{"error": …}``
before the stream (HTTP status) or as a last NDJSON line (HTTP 200), a stream that just ends without
its ``done`` chunk (Ollama's repeat guard), a dropped socket, pull progress, ``/api/show`` with
``model_info`` and ``capabilities``, ``/api/ps``. It notices a client that disconnects and stops
"generating", and records every request so tests can assert on prompts, options and images.

Use the ``fake_ollama`` fixture (registered in tests/conftest.py), or ``with FakeOllama() as f:``.
Script the model with ``f.script.append(Reply(...))`` (one per chat request, in order), a
per-model ``reply``, or ``f.responder = PageResponder(truth)``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import select
import socket
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from fake_ollama_scripts import NO_VISION, Reply, Responder

IMAGE_TOKENS = 260  # 256 soft tokens + \n\n, <start_of_image>, <end_of_image>, \n\n
TOKEN_CAP = 20_000  # a stream with no num_predict stops here ("length"), like the context limit
NON_STREAM_CAP = 4_096


def go_json(obj: Any) -> bytes:
    """JSON as Go's encoder writes it: compact, with <, > and & escaped."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").encode()


def now_rfc3339() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass
class FakeModel:
    """An installed (or pullable) model."""

    name: str
    vision: bool = True
    quantization: str = "Q8_0"
    size: int = 5_000_000_000
    size_vram: int | None = None  # None: all of it on the GPU
    family: str = "gemma3"
    remote_host: str | None = None  # set for a cloud model
    thinking: bool = False  # declares the "thinking" capability: thinks unless think is false
    ignores_num_predict: bool = False  # an engine that writes on past the cap (the client's guard stops it)
    reply: Reply | Responder | None = None

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.name.encode()).hexdigest()

    def details(self) -> dict[str, Any]:
        return {"parent_model": "", "format": "gguf", "family": self.family, "families": [self.family],
                "parameter_size": "4.3B", "quantization_level": self.quantization}


@dataclass(frozen=True)
class Recorded:
    """Any request: method, path, JSON body (or the raw bytes when it was not JSON), headers."""

    method: str
    path: str
    body: Any
    headers: dict[str, str]


@dataclass
class ChatRecord:
    """One /api/chat request as the server saw it, and how its stream went."""

    body: dict[str, Any]
    images: list[bytes]
    image_sizes: list[tuple[int, int]]
    prefix_key: str
    image_encoded: bool
    prompt_eval_count: int
    prompt_tokens: int  # the whole prompt, as if nothing were cached
    reloaded: bool
    tokens_sent: int = 0
    thinking_sent: int = 0  # tokens streamed in message.thinking (count against num_predict too)
    loop_start: int | None = None
    end: str = ""
    disconnected: bool = False

    @property
    def options(self) -> dict[str, Any]:
        return dict(self.body.get("options") or {})

    @property
    def question(self) -> str:
        users = [m for m in self.body.get("messages") or [] if m.get("role") == "user"]
        return str(users[-1].get("content", "")) if users else ""

    @property
    def tokens_after_loop_start(self) -> int | None:
        return None if self.loop_start is None else self.tokens_sent - self.loop_start


def canonical(name: str) -> str:
    """``name`` with its tag (``:latest`` when none), as Ollama stores it."""
    tail = name.rsplit("/", 1)[-1]
    return name if ":" in tail else f"{name}:latest"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR, or (0, 0) when it is not a PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or len(data) < 24:
        return (0, 0)
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


class FakeOllama:
    """The server. Start with ``start()`` or as a context manager; ``url`` is its address."""

    def __init__(self, *, version: str = "0.12.6") -> None:
        self.version = version
        self.models: dict[str, FakeModel] = {}
        self.registry: dict[str, FakeModel] = {}
        self.script: list[Reply | Responder] = []
        self.responder: Responder | None = None
        self.requests: list[Recorded] = []
        self.chats: list[ChatRecord] = []
        self.loaded: dict[str, tuple[datetime, int]] = {}  # name -> (expires, num_ctx)
        self.pull_delay_s = 0.0
        self.stopping = threading.Event()
        self._cache: dict[str, str] = {}  # model -> prefix key held by its (single) slot
        self._lock = threading.Condition()
        self._active = 0
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- life cycle ------------------------------------------------------------------------------

    def start(self) -> FakeOllama:
        handler = type("Handler", (_Handler,), {"fake": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05})
        self._thread.daemon = True
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self.wait_idle()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeOllama:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._httpd is not None
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def wait_idle(self, timeout: float = 5.0) -> None:
        """Wait until no request is being served (a stream the client left has noticed it)."""
        with self._lock:
            self._lock.wait_for(lambda: self._active == 0, timeout=timeout)

    # -- scripting -------------------------------------------------------------------------------

    def add_model(self, name: str, **kwargs: Any) -> FakeModel:
        model = FakeModel(canonical(name), **kwargs)
        self.models[model.name] = model
        return model

    def add_pullable(self, name: str, **kwargs: Any) -> FakeModel:
        model = FakeModel(canonical(name), **kwargs)
        self.registry[model.name] = model
        return model

    def next_reply(self, model: FakeModel, body: Mapping[str, Any]) -> Reply:
        with self._lock:
            scripted = self.script.pop(0) if self.script else None
        source = scripted or model.reply or self.responder
        if source is None:
            return Reply("I can see a page, but nobody told me what is on it.")
        return source if isinstance(source, Reply) else source(body)

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]

    # -- state shared with the handler ------------------------------------------------------------

    def enter(self) -> None:
        with self._lock:
            self._active += 1

    def leave(self) -> None:
        with self._lock:
            self._active -= 1
            self._lock.notify_all()

    def prompt_cache(self, model: str, key: str, num_ctx: int, keep_alive: float) -> tuple[bool, bool]:
        """Load ``model`` if needed and use its cache; returns (image encoded again, reloaded)."""
        with self._lock:
            loaded = self.loaded.get(model)
            reloaded = loaded is None or loaded[1] != num_ctx
            if reloaded:
                self._cache.pop(model, None)
            hit = self._cache.get(model) == key
            self._cache[model] = key
            self.loaded[model] = (datetime.now(UTC) + timedelta(seconds=min(keep_alive, 1e9)), num_ctx)
            return not hit, reloaded


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    fake: FakeOllama

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        pass

    def handle(self) -> None:
        # A client that stops reading mid-stream (the loop guard) resets the connection: expected.
        try:
            super().handle()
        except (ConnectionResetError, BrokenPipeError):
            self.close_connection = True

    # -- routing ---------------------------------------------------------------------------------

    def do_HEAD(self) -> None:  # noqa: N802 - the stdlib's name
        self._serve("HEAD")

    def do_GET(self) -> None:  # noqa: N802
        self._serve("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._serve("POST")

    def do_DELETE(self) -> None:  # noqa: N802
        self._serve("DELETE")

    def _serve(self, method: str) -> None:
        from fake_ollama_routes import route

        self.fake.enter()
        try:
            route(self, method)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            self.fake.leave()

    # -- bodies ----------------------------------------------------------------------------------

    def read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def send_json(self, status: int, obj: Any) -> None:
        body = go_json(obj)
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_text(self, status: int, text: str) -> None:
        body = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_error_json(self, status: int, message: str) -> None:
        self.send_json(status, {"error": message})

    # -- streams ---------------------------------------------------------------------------------

    def start_stream(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/x-ndjson")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

    def write_line(self, obj: Any) -> bool:
        """One NDJSON line as one HTTP chunk; False once the client has gone."""
        if self.peer_closed():
            return False
        data = go_json(obj) + b"\n"
        try:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return False
        return True

    def end_stream(self) -> None:
        try:
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def drop(self) -> None:
        """Close the socket mid-stream, without the terminating chunk."""
        self.close_connection = True
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def peer_closed(self) -> bool:
        if self.fake.stopping.is_set():
            return True
        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            return bool(readable) and self.connection.recv(1, socket.MSG_PEEK) == b""
        except (OSError, ValueError):
            return True


def decode_images(messages: list[Any]) -> list[bytes]:
    """Every image of every message, base64-decoded; ValueError like Go's decoder on bad data."""
    out = []
    for message in messages:
        for image in message.get("images") or []:
            if not isinstance(image, str):
                raise ValueError("json: cannot unmarshal number into Go struct field Message.messages.images")
            try:
                out.append(base64.b64decode(image, validate=True))
            except (binascii.Error, ValueError):
                raise ValueError("illegal base64 data at input byte 0") from None
    return out


@pytest.fixture
def fake_ollama() -> Iterator[FakeOllama]:
    """A running fake Ollama with no models; add them with ``add_model``."""
    with FakeOllama() as server:
        yield server


__all__ = ["IMAGE_TOKENS", "NO_VISION", "ChatRecord", "FakeModel", "Recorded", "FakeOllama", "Reply", "fake_ollama", "png_size"]
