"""Where the engine is: parse an Ollama host string and refuse one that is not this computer.

Documents are sent to the engine, so an engine on another machine means health data leaves this
one. A host counts as local when it *is* a loopback or unspecified address (``0.0.0.0`` is how many
people set ``OLLAMA_HOST`` for the server, and a client connecting to it reaches this machine) or
when its name resolves only to such addresses. Anything else needs the patient's explicit opt-in.
Cloud models (``…:cloud``, ``…-cloud``) run on ollama.com even through a local engine: refused.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import urllib.parse
from dataclasses import dataclass

from coheara.errors import CloudModelRefusedError, RemoteHostRefusedError, UsageError
from coheara.i18n import _

DEFAULT_PORT = 11434
# Same value as coheara.config.DEFAULT_OLLAMA_HOST; kept here because adapters do not import config.
DEFAULT_OLLAMA_HOST = "http://127.0.0.1:11434"


@dataclass(frozen=True, slots=True)
class EngineHost:
    """A parsed host: ``url`` is what the HTTP client is given."""

    scheme: str
    hostname: str
    port: int
    path: str = ""

    @property
    def url(self) -> str:
        host = f"[{self.hostname}]" if ":" in self.hostname else self.hostname
        return f"{self.scheme}://{host}:{self.port}{self.path}"


def without_credentials(host: str) -> str:
    """The address as it may be shown or logged: a ``user:password@`` part is left out."""
    return re.sub(r"^([a-zA-Z][a-zA-Z0-9+.-]*://)?[^/@\s]*@", r"\1", host.strip())


def parse_host(host: str) -> EngineHost:
    """Read ``host`` the way the ollama client does (``1.2.3.4``, ``:11434``, ``http://x``, …)."""
    raw = host.strip()
    scheme, sep, rest = raw.partition("://")
    port = DEFAULT_PORT
    if not sep:
        scheme, rest = "http", raw
    elif scheme in ("http", "https"):
        port = 80 if scheme == "http" else 443
    else:
        raise UsageError(_("The AI engine address '{host}' is not a web address.").format(host=host),
                         _("Use e.g. {example}.").format(example=DEFAULT_OLLAMA_HOST))
    try:
        split = urllib.parse.urlsplit(f"{scheme}://{rest}")
        explicit_port = split.port
    except ValueError:
        raise UsageError(_("The AI engine address '{host}' is not valid.").format(host=host),
                         _("Use e.g. {example}.").format(example=DEFAULT_OLLAMA_HOST)) from None
    path = split.path.rstrip("/")
    return EngineHost(scheme, split.hostname or "127.0.0.1", explicit_port or port, path)


def _is_local_ip(text: str) -> bool:
    ip = ipaddress.ip_address(text.split("%", 1)[0])
    return ip.is_loopback or ip.is_unspecified


def is_local(hostname: str) -> bool:
    """True when every address ``hostname`` stands for is this computer."""
    try:
        return _is_local_ip(hostname)
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(hostname, None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return False  # cannot be shown to be local
    return bool(infos) and all(_is_local_ip(str(info[4][0])) for info in infos)


def checked_host(host: str, *, allow_remote: bool) -> EngineHost:
    """The host to connect to; RemoteHostRefusedError unless it is local or remote is allowed."""
    parsed = parse_host(host)
    if not allow_remote and not is_local(parsed.hostname):
        raise RemoteHostRefusedError(
            _("The AI engine address {host} is not on this computer, so your documents would leave it.").format(
                host=parsed.url),
            _("Use a local engine ({example}), or allow a remote engine explicitly in the settings.").format(
                example=DEFAULT_OLLAMA_HOST),
        )
    try:
        if ipaddress.ip_address(parsed.hostname).is_unspecified:
            # "0.0.0.0" is a bind address; connect to loopback (Windows cannot connect to 0.0.0.0).
            loopback = "127.0.0.1" if "." in parsed.hostname else "::1"
            return EngineHost(parsed.scheme, loopback, parsed.port, parsed.path)
    except ValueError:
        pass
    return parsed


def is_cloud_model(name: str) -> bool:
    """``gpt-oss:120b-cloud``, ``x:cloud``, ``x-cloud``: names Ollama forwards to ollama.com."""
    base, _colon, tag = name.strip().lower().partition(":")
    return tag == "cloud" or tag.endswith("-cloud") or base.endswith("-cloud")


def refuse_cloud(name: str) -> None:
    if is_cloud_model(name):
        raise CloudModelRefusedError(
            _("'{name}' is a cloud model; Coheara only uses AI models that run on this computer.").format(name=name),
            _("Choose a Coheara model (coheara-medgemma-4b-q4, -q8 or -f16)."),
        )
