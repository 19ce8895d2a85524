"""Where Coheara keeps its files, and the patient's settings.

Everything of ours lives under one folder, ``AppPaths.home``: the platform's user data directory, or
``COHEARA_HOME`` when set (tests and scripts). Settings hold no health data: no file names, no values,
no keys. They are written atomically so a crash never leaves half a settings file.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from coheara.fileio import atomic_write_bytes

log = logging.getLogger(__name__)

DEFAULT_OLLAMA_HOST = "http://127.0.0.1:11434"


@dataclass(frozen=True, slots=True)
class AppPaths:
    """Every path Coheara writes to. Nothing is written outside ``home``."""

    home: Path

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> AppPaths:
        env = os.environ if env is None else env
        override = env.get("COHEARA_HOME")
        if override:
            return cls(Path(override).expanduser().resolve())
        import platformdirs

        return cls(Path(platformdirs.user_data_dir("Coheara", appauthor=False)))

    @property
    def vault(self) -> Path:
        return self.home / "vault.db"

    @property
    def keyfile(self) -> Path:
        return self.home / "vault.keys.json"

    @property
    def backups(self) -> Path:
        return self.home / "backups"

    @property
    def logs(self) -> Path:
        return self.home / "logs"

    @property
    def settings(self) -> Path:
        return self.home / "settings.json"

    @property
    def runtime(self) -> Path:
        """Lock files and the single-instance socket name."""
        return self.home / "run"

    def ensure(self) -> None:
        for folder in (self.home, self.backups, self.logs, self.runtime):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)


class Settings(BaseModel):
    """The patient's choices. One declaration per setting, with its default and why it exists."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    model_variant: Literal["auto", "q4", "q8", "f16"] = Field(
        "auto", description="Which MedGemma build to use; 'auto' picks what fits this computer."
    )
    model_tag: str | None = Field(
        None, description="An exact Ollama model name to use instead of a Coheara variant."
    )
    ollama_host: str = Field(DEFAULT_OLLAMA_HOST, description="Where the local AI engine listens.")
    allow_remote_host: bool = Field(
        False, description="The patient confirmed that documents may be sent to a non-local host."
    )
    language: Literal["system", "en", "de", "fr"] = Field(
        "system", description="The language of the app, the command line and exports; 'system' follows the computer."
    )
    auto_lock_minutes: int = Field(10, ge=0, le=24 * 60, description="Lock after this idle time; 0 = never.")
    terms_accepted: str | None = Field(
        None, description="Version of the HAI-DEF notice the patient accepted, or None."
    )
    request_timeout_s: float = Field(
        600.0, gt=0, description="Longest silence from the engine before a request is given up."
    )
    page_time_limit_s: float = Field(
        1800.0, gt=0, description="Longest a single request may run, whatever it streams."
    )


def load_settings(paths: AppPaths) -> Settings:
    """The saved settings, or the defaults when there are none or the file is unreadable."""
    try:
        raw = paths.settings.read_bytes()
    except FileNotFoundError:
        return Settings()
    try:
        return Settings.model_validate(json.loads(raw))
    except (ValueError, ValidationError):
        log.warning("settings file unreadable; using defaults")
        return Settings()


def save_settings(paths: AppPaths, settings: Settings) -> None:
    paths.ensure()
    atomic_write_bytes(paths.settings, settings.model_dump_json(indent=2).encode())
