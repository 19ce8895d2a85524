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
from coheara.i18n import N_, _, number, pgettext
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
        return {"checked": False, "reason": _("locked: give COHEARA_PASSPHRASE (or use the keyring) to check it")}
    except VaultDamagedError as exc:
        return {"checked": True, "ok": False, "problem": exc.message}
    except KnownError as exc:  # a wrong passphrase, a missing key file: not a verdict on the vault
        return {"checked": False, "reason": exc.message}
    if problems:
        return {"checked": True, "ok": False, "damaged_pages": len(problems),
                "problem": _("The vault file is damaged (pages fail their integrity check).")}
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


# The report's labels, in English here; every label is padded to the longest one in the language shown.
HOME, VAULT, INTEGRITY, UNLOCKS = N_("Home folder:"), N_("Vault:"), N_("Integrity:"), N_("Unlocks with:")
KEYRING, MEMORY, GRAPHICS, CHOICE = N_("Keyring:"), N_("Memory:"), N_("Graphics:"), N_("Model choice:")
OLLAMA, MODEL, SIMPLEST, OR = N_("Ollama:"), N_("Model:"), N_("Simplest:"), N_("Or:")
NOTE, PROBLEM, WHAT_TO_DO = N_("Note:"), N_("Problem:"), N_("What to do:")
_LABELS = (HOME, VAULT, INTEGRITY, UNLOCKS, KEYRING, MEMORY, GRAPHICS, CHOICE, OLLAMA, MODEL, SIMPLEST, OR, NOTE,
           PROBLEM, WHAT_TO_DO)


def format_report(report: dict[str, Any]) -> str:
    """The report as aligned lines for a person, in the patient's language (``--json`` keeps the keys)."""
    width = max(len(_(label)) for label in _LABELS) + 1
    lines = [f"Coheara {report['version']}"]

    def add(label: str, value: str) -> None:
        lines.append(f"{_(label):<{width}}{value}")

    vault = report["vault"]
    add(HOME, str(report["home"]))
    states = {"new": pgettext("vault", "not created yet"), "ready": pgettext("vault", "present"),
              "broken": pgettext("vault", "INCOMPLETE (vault or key file missing)")}
    add(VAULT, states.get(vault["state"], vault["state"]))
    integrity = vault.get("integrity")
    if integrity:
        verdict = (_("intact (every page passed its integrity check)") if integrity.get("ok") else
                   _("DAMAGED: {problem}").format(problem=integrity["problem"]) if integrity["checked"] else
                   _("not checked ({reason})").format(reason=integrity["reason"]))
        add(INTEGRITY, verdict)
    protection = vault.get("protection")
    if protection:
        ways = [name for name, on in ((pgettext("unlocks with", "system keyring"), protection["keyring"]),
                                      (pgettext("unlocks with", "passphrase"), protection["passphrase"]),
                                      (pgettext("unlocks with", "recovery key"), protection["recovery_key"])) if on]
        add(UNLOCKS, ", ".join(ways) or pgettext("unlocks with", "nothing!"))
    keyring = report["keyring"]
    add(KEYRING, keyring["backend"] if keyring["secure"] else _("no secure keyring (passphrase only)"))
    hw = report["hardware"]
    gpus = ", ".join(_("{name} ({free} of {total} GiB free)").format(
        name=g["name"], free=number(g["free_gib"], 1), total=number(g["total_gib"], 1)) for g in hw["gpus"])
    add(MEMORY, _("{available} of {total} GiB available").format(
        available=number(hw["ram_available_gib"], 1), total=number(hw["ram_total_gib"], 1)))
    add(GRAPHICS, gpus or _("none found"))
    devices = {"gpu": pgettext("device", "gpu"), "cpu": pgettext("device", "cpu")}
    add(CHOICE, _("{variant} on {device}: {reason}").format(
        variant=report["variant"] or pgettext("model variant", "none"),
        device=devices.get(report["device"], report["device"]), reason=report["reason"]))
    ollama = report["ollama"]
    add(OLLAMA, _("{host} answers (version {version})").format(host=ollama["host"], version=ollama["version"])
        if ollama["reachable"] else _("{host} does not answer").format(host=ollama["host"]))
    if ollama["reachable"]:
        model = report["model"] or "-"
        add(MODEL, _("{model} installed").format(model=model) if ollama["model_present"]
            else _("{model} NOT installed").format(model=model))
    install = report.get("install") or []
    if install:
        simplest = next((c for c in install if c == OFFICIAL_PULL), None)
        if simplest:
            add(SIMPLEST, _("{command}  (Ollama's official MedGemma 1.5 build, q4, 3.3 GB)").format(command=simplest))
        for command in install:
            if command != simplest:
                add(OR, command)
    if report.get("note"):
        add(NOTE, report["note"])
    if report.get("problem"):
        add(PROBLEM, report["problem"])
        if report.get("hint"):
            add(WHAT_TO_DO, report["hint"])
    return "\n".join(lines)
