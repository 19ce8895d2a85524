"""`coheara doctor`: the vault, the key protection, this computer and the local AI engine, at a glance.

Reports facts, never health data: no file names, no values. Never raises for an environment problem;
each part says what it found and, where something is wrong, what to do.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coheara import __version__
from coheara.config import AppPaths, Settings
from coheara.errors import KnownError, NoKeyAvailableError, VaultDamagedError
from coheara.hardware import detect
from coheara.inference.models import OFFICIAL_PULL
from coheara.secret_env import secret
from coheara.security.keyring_backend import secure_keyring_backend
from coheara.security.keys import KeyStore
from coheara.services.engine import engine_status
from coheara.services.vault import Credentials, check_integrity, vault_state
from coheara.storage.migrations import latest_version


def doctor_report(paths: AppPaths, settings: Settings, env: Mapping[str, str]) -> dict[str, Any]:
    hw = detect()
    status = engine_status(settings, env, hardware=hw)
    backend = secure_keyring_backend()
    report: dict[str, Any] = {
        "version": __version__,
        "home": str(paths.home),
        "vault": _vault_part(paths),
        "keyring": {
            "backend": None if backend is None else f"{type(backend).__module__}.{type(backend).__name__}",
            "secure": backend is not None,
        },
        "hardware": {
            "ram_total_gib": round(hw.ram_total / 2**30, 1),
            "ram_available_gib": round(hw.ram_available / 2**30, 1),
            "gpus": [
                {"vendor": g.vendor, "name": g.name, "total_gib": round(g.total_bytes / 2**30, 1),
                 "free_gib": round(g.free_bytes / 2**30, 1), "unified": g.unified}
                for g in hw.gpus
            ],
        },
    }
    report.update(status.as_json())
    return report


def _integrity(paths: AppPaths) -> dict[str, Any]:
    """The vault checked page by page when a key is at hand (keyring, COHEARA_PASSPHRASE or
    COHEARA_RECOVERY_KEY); nothing is written. Problems are counted, never quoted (they name pages)."""
    credentials = Credentials(passphrase=secret("COHEARA_PASSPHRASE") or None,
                              recovery_key=secret("COHEARA_RECOVERY_KEY") or None)
    try:
        problems = check_integrity(paths, KeyStore(paths.keyfile), credentials)
    except NoKeyAvailableError:
        return {"checked": False, "reason": "locked: give COHEARA_PASSPHRASE (or use the keyring) to check it"}
    except VaultDamagedError as exc:
        return {"checked": True, "ok": False, "problem": exc.message}
    except KnownError as exc:  # a wrong passphrase, a missing key file: not a verdict on the vault
        return {"checked": False, "reason": exc.message}
    if problems:
        return {"checked": True, "ok": False, "damaged_pages": len(problems),
                "problem": "The vault file is damaged (pages fail their integrity check)."}
    return {"checked": True, "ok": True}


def _vault_part(paths: AppPaths) -> dict[str, Any]:
    state = vault_state(paths)
    part: dict[str, Any] = {"state": state, "schema_supported": latest_version()}
    if state == "ready":
        part["integrity"] = _integrity(paths)
    if paths.vault.exists():
        part["size_bytes"] = paths.vault.stat().st_size
    if paths.keyfile.exists():
        try:
            protection = KeyStore(paths.keyfile).protection()
            part["protection"] = {
                "keyring": protection.keyring_entry,
                "keyring_backend": protection.keyring_backend,
                "passphrase": protection.passphrase,
                "recovery_key": protection.recovery,
                "keyring_backend_changed": protection.backend_changed,
            }
        except Exception as exc:  # noqa: BLE001 - doctor reports, it does not fail
            part["protection_error"] = getattr(exc, "message", type(exc).__name__)
    return part


def format_report(report: dict[str, Any]) -> str:
    vault = report["vault"]
    lines = [f"Coheara {report['version']}", f"Home folder:  {report['home']}"]
    state = {"new": "not created yet", "ready": "present", "broken": "INCOMPLETE (vault or key file missing)"}
    lines.append(f"Vault:        {state[vault['state']]}")
    integrity = vault.get("integrity")
    if integrity:
        verdict = ("intact (every page passed its integrity check)" if integrity.get("ok") else
                   f"DAMAGED: {integrity['problem']}" if integrity["checked"] else f"not checked ({integrity['reason']})")
        lines.append(f"Integrity:    {verdict}")
    protection = vault.get("protection")
    if protection:
        ways = [name for name, on in (("system keyring", protection["keyring"]), ("passphrase", protection["passphrase"]),
                                      ("recovery key", protection["recovery_key"])) if on]
        lines.append(f"Unlocks with: {', '.join(ways) or 'nothing!'}")
    keyring = report["keyring"]
    lines.append(f"Keyring:      {keyring['backend'] if keyring['secure'] else 'no secure keyring (passphrase only)'}")
    hw = report["hardware"]
    gpus = ", ".join(f"{g['name']} ({g['free_gib']} of {g['total_gib']} GiB free)" for g in hw["gpus"]) or "none found"
    lines.append(f"Memory:       {hw['ram_available_gib']} of {hw['ram_total_gib']} GiB available")
    lines.append(f"Graphics:     {gpus}")
    lines.append(f"Model choice: {report['variant'] or 'none'} on {report['device']}: {report['reason']}")
    ollama = report["ollama"]
    reach = f"answers (version {ollama['version']})" if ollama["reachable"] else "does not answer"
    lines.append(f"Ollama:       {ollama['host']} {reach}")
    if ollama["reachable"]:
        lines.append(f"Model:        {report['model'] or '-'} {'installed' if ollama['model_present'] else 'NOT installed'}")
    install = report.get("install") or []
    if install:
        simplest = next((c for c in install if c == OFFICIAL_PULL), None)
        if simplest:
            lines.append(f"Simplest:     {simplest}  (Ollama's official MedGemma 1.5 build, q4, 3.3 GB)")
        lines += [f"Or:           {c}" for c in install if c != simplest]
    if report.get("note"):
        lines.append(f"Note:         {report['note']}")
    if report.get("problem"):
        lines.append(f"Problem:      {report['problem']}")
        if report.get("hint"):
            lines.append(f"What to do:   {report['hint']}")
    return "\n".join(lines)
