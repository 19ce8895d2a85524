"""Reading and changing the patient's settings (no health data is ever stored in them)."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlparse

from coheara.config import AppPaths, Settings, load_settings, save_settings
from coheara.errors import RemoteHostRefusedError, UsageError
from coheara.i18n import _


def load(paths: AppPaths) -> Settings:
    return load_settings(paths)


def save(paths: AppPaths, settings: Settings) -> None:
    save_settings(paths, settings)


def host_is_local(host: str) -> bool:
    """True when every address the host name resolves to is a loopback address."""
    parsed = urlparse(host if "://" in host else f"http://{host}")
    name = parsed.hostname
    if not name:
        return False
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        pass
    if name == "localhost":
        return True
    try:
        infos = socket.getaddrinfo(name, None)
    except OSError:
        return False
    return bool(infos) and all(ipaddress.ip_address(info[4][0]).is_loopback for info in infos)


def set_ollama_host(paths: AppPaths, host: str, *, confirmed_remote: bool = False) -> Settings:
    """Change the engine address; a non-local one needs the patient's explicit confirmation."""
    host = host.strip()
    parsed = urlparse(host if "://" in host else f"http://{host}")
    if parsed.scheme not in ("http", "https") or not parsed.hostname or any(c.isspace() for c in host):
        raise UsageError(_("That is not a valid address (example: {example}).").format(example="http://127.0.0.1:11434"))
    local = host_is_local(host)
    if not local and not confirmed_remote:
        raise RemoteHostRefusedError(
            _("This address is not on this computer: your documents would be sent over the network."),
            hint=_("Confirm explicitly to allow it."),
        )
    settings = load_settings(paths)
    settings.ollama_host = host if "://" in host else f"http://{host}"
    settings.allow_remote_host = not local
    save_settings(paths, settings)
    return settings
