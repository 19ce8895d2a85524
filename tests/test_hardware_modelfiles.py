"""The Modelfiles that build each variant the hardware choice can name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coheara.hardware import VARIANTS

MODELFILES = Path(__file__).resolve().parents[1] / "packaging" / "modelfiles"
QUANTIZE = {"q4": "--quantize q4_K_M ", "q8": "--quantize q8_0 ", "f16": ""}


def instructions(text: str) -> list[str]:
    """The Modelfile without comments, blank lines, or the bodies of triple-quoted blocks."""
    text = re.sub(r'"""(.*?)"""', '"""…"""', text, flags=re.S)
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def block(text: str, command: str) -> str:
    found = re.search(rf'^{command} """(.*?)"""', text, flags=re.S | re.M)
    assert found, f"{command} block missing"
    return found.group(1)


@pytest.mark.parametrize("variant", VARIANTS)
def test_each_variant_builds_from_the_original_safetensors(variant: str) -> None:
    text = (MODELFILES / f"Modelfile.{variant}").read_text(encoding="utf-8")
    lines = instructions(text)
    assert lines[0] == "FROM ./medgemma-1.5-4b-it"  # a directory of safetensors, never a .gguf
    for parameter in ("num_ctx 8192", "temperature 0", 'stop "<end_of_turn>"'):
        assert f"PARAMETER {parameter}" in lines
    command = (f"ollama create coheara-medgemma-4b-{variant} {QUANTIZE[variant]}"
               f"-f packaging/modelfiles/Modelfile.{variant}")
    assert command in text
    notice = block(text, "LICENSE")
    assert notice.startswith(f"coheara-medgemma-4b-{variant} is a Model Derivative")
    assert "MODIFIED" in notice
    assert "https://developers.google.com/health-ai-developer-foundations/terms" in notice


def test_all_variants_share_the_gemma3_template_and_parameters() -> None:
    texts = [(MODELFILES / f"Modelfile.{v}").read_text(encoding="utf-8") for v in VARIANTS]
    assert len({block(t, "TEMPLATE") for t in texts}) == 1
    assert len({tuple(instructions(t)) for t in texts}) == 1
    template = block(texts[0], "TEMPLATE")
    for token in ("<start_of_turn>user\n", "<start_of_turn>model\n", "<end_of_turn>", ".System",
                  ".Messages", ".Content"):
        assert token in template
    assert template.endswith("<start_of_turn>model\n")  # the reply opens a fresh model turn
    assert template.count("{{") == template.count("}}")


def test_readme_explains_every_build_and_the_notice() -> None:
    readme = (MODELFILES / "README.md").read_text(encoding="utf-8")
    for variant in VARIANTS:
        assert f"ollama create coheara-medgemma-4b-{variant}" in readme
    for fact in ("google/medgemma-1.5-4b-it", "safetensors", "GGUF", "vision", "num_ctx` 8192",
                 "temperature 0", "Gemma 3", "modified", "Health AI Developer Foundations"):
        assert fact in readme, fact
    notice = (MODELFILES / "NOTICE").read_text(encoding="utf-8")
    assert notice.startswith("HAI-DEF is provided under and subject to the Health AI Developer "
                             "Foundations Terms of Use")
