"""Choosing the installed model: the variant that fits, another one with a note, or what to install."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fake_ollama import FakeOllama

from coheara.errors import CloudModelRefusedError, ModelMissingError, ModelNoVisionError
from coheara.inference.client import EngineClient
from coheara.inference.models import (
    ResolvedModel,
    install_commands,
    is_official_model,
    resolve_model,
    smaller_variant,
    variant_of,
)


@pytest.fixture
def engine(fake_ollama: FakeOllama) -> Iterator[EngineClient]:
    with EngineClient(fake_ollama.url, timeout_s=10) as client:
        yield client


def test_the_preferred_variant_when_installed(engine: EngineClient, fake_ollama: FakeOllama) -> None:
    for variant in ("q4", "q8", "f16"):
        fake_ollama.add_model(f"coheara-medgemma-4b-{variant}")
    assert resolve_model(engine, "q8") == ResolvedModel("coheara-medgemma-4b-q8:latest", "q8", None)


def test_another_installed_variant_with_a_note(engine: EngineClient, fake_ollama: FakeOllama) -> None:
    fake_ollama.add_model("coheara-medgemma-4b-f16")
    fake_ollama.add_model("coheara-medgemma-4b-q4")
    resolved = resolve_model(engine, "q8")
    assert (resolved.variant, resolved.note) == ("q4", "Using q4 because q8 is not installed.")
    assert resolve_model(engine, "f16").note is None


def test_registry_prefix_and_tags_are_accepted(engine: EngineClient, fake_ollama: FakeOllama) -> None:
    fake_ollama.add_model("ktiyab/coheara-medgemma-4b-q8:latest")
    assert resolve_model(engine, "q8").tag == "ktiyab/coheara-medgemma-4b-q8:latest"
    fake_ollama.add_model("coheara-medgemma-4b-q8:latest")
    assert resolve_model(engine, "q8").tag == "coheara-medgemma-4b-q8:latest"  # the local build first
    assert variant_of("registry.example.com:5000/me/coheara-medgemma-4b-f16:v2") == "f16"
    assert variant_of("coheara-medgemma-4b-q4s") is None and variant_of("gemma3:4b") is None


def test_nothing_installed_says_what_to_run(engine: EngineClient, fake_ollama: FakeOllama) -> None:
    fake_ollama.add_model("llama3.2")
    with pytest.raises(ModelMissingError) as err:
        resolve_model(engine, "q8")
    assert err.value.hint is not None
    assert "ollama pull ktiyab/coheara-medgemma-4b-q8" in err.value.hint
    assert "packaging/modelfiles/Modelfile.q8" in err.value.hint


def test_override_by_variant_or_exact_name(engine: EngineClient, fake_ollama: FakeOllama) -> None:
    fake_ollama.add_model("coheara-medgemma-4b-q4")
    fake_ollama.add_model("my-medgemma:custom")
    assert resolve_model(engine, "q8", override="q4").variant == "q4"
    assert resolve_model(engine, "q8", override="my-medgemma:custom") == ResolvedModel("my-medgemma:custom", None)
    with pytest.raises(ModelMissingError, match="chosen in the settings"):
        resolve_model(engine, "q4", override="f16")  # the patient chose it: no silent fallback
    with pytest.raises(ModelMissingError, match="chosen in the settings"):
        resolve_model(engine, "q4", override="other:latest")
    with pytest.raises(CloudModelRefusedError):
        resolve_model(engine, "q4", override="gpt-oss:120b-cloud")


def test_a_model_that_lost_its_vision_is_refused(engine: EngineClient, fake_ollama: FakeOllama) -> None:
    fake_ollama.add_model("coheara-medgemma-4b-q8", vision=False)
    with pytest.raises(ModelNoVisionError) as err:
        resolve_model(engine, "q8")
    assert err.value.hint is not None and "safetensors" in err.value.hint


def test_smaller_variant_for_the_memory_fallback() -> None:
    assert [smaller_variant(v) for v in ("f16", "q8", "q4", None)] == ["q8", "q4", None, None]


@pytest.mark.parametrize("name", ["medgemma1.5", "medgemma1.5:latest", "medgemma1.5:4b",
                                  "registry.ollama.ai/library/medgemma1.5:latest", "someone/medgemma1.5:4b-it-q4_K_M"])
def test_the_official_build_is_a_q4_option_under_any_tag(name: str) -> None:
    assert variant_of(name) == "q4" and is_official_model(name)


def test_the_official_build_names_its_other_quantizations() -> None:
    assert variant_of("medgemma1.5:4b-it-q8_0") == "q8" and variant_of("medgemma1.5:4b-it-fp16") == "f16"
    assert variant_of("medgemma1.50") is None and variant_of("medgemma:4b") is None


def test_the_official_build_is_used_when_it_sees(engine: EngineClient, fake_ollama: FakeOllama) -> None:
    fake_ollama.add_model("medgemma1.5:latest", quantization="Q4_K_M", thinking=True)
    resolved = resolve_model(engine, "q8")
    assert (resolved.tag, resolved.variant, resolved.thinking) == ("medgemma1.5:latest", "q4", True)
    assert resolved.note == "Using q4 because q8 is not installed."
    fake_ollama.add_model("coheara-medgemma-4b-q4")
    assert resolve_model(engine, "q4").tag == "coheara-medgemma-4b-q4:latest"  # our build first
    assert resolve_model(engine, "q4").thinking is False


def test_the_official_build_without_vision_is_no_option(engine: EngineClient, fake_ollama: FakeOllama) -> None:
    fake_ollama.add_model("medgemma1.5:latest", vision=False)
    with pytest.raises(ModelNoVisionError) as err:
        resolve_model(engine, "q4")
    assert err.value.hint is not None and "ollama pull" in err.value.hint
    fake_ollama.add_model("coheara-medgemma-4b-f16")
    assert resolve_model(engine, "q4").tag == "coheara-medgemma-4b-f16:latest"


def test_the_install_hint_offers_the_official_build(engine: EngineClient, fake_ollama: FakeOllama) -> None:
    with pytest.raises(ModelMissingError) as err:
        resolve_model(engine, "q8")
    hint = err.value.hint or ""
    # The Coheara build of the variant that fits comes first (the GUI's download button runs it).
    assert hint.index("ollama pull ktiyab/coheara-medgemma-4b-q8") < hint.index("ollama pull medgemma1.5")
    assert install_commands("q8")[:2] == ["ollama pull ktiyab/coheara-medgemma-4b-q8", "ollama pull medgemma1.5"]
