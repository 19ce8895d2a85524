"""Regenerate the README's screenshots (packaging/screenshots/) from a realistic demo vault.

Not a test: run `QT_QPA_PLATFORM=offscreen .venv/bin/python tests/make_readme_screenshots.py`.
`--all DIR [--dark] [--smallest]` keeps every view's picture in DIR instead (to look at them, e.g. at
the window's smallest size) and leaves the README's alone.
The documents are printed PDFs made here (fictitious patient), read through the fake Ollama server
(tests only) and the real services, then every view is rendered by `python -m coheara.gui.snapshots`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pymupdf

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from fake_ollama import FakeOllama  # noqa: E402
from fake_ollama_scripts import PageResponder  # noqa: E402

PASSPHRASE = "demo passphrase for screenshots"
OUT = HERE.parent / "packaging" / "screenshots"
TRANSLATED_LANGUAGES = {"de": ("library", "review"), "fr": ("medications", "lab_results")}
KEEP = ("first_run_terms", "first_run_recovery_key", "library", "review", "medications", "lab_results",
        "settings", "about")

LAB_ROWS = [
    ("Hämoglobin", "g/dl", "12,0 - 16,0"), ("Leukozyten", "/nl", "4,0 - 10,0"), ("Thrombozyten", "/nl", "150 - 400"),
    ("Kreatinin", "mg/dl", "0,5 - 1,0"), ("Kalium", "mmol/l", "3,5 - 5,1"), ("HbA1c", "%", "< 5,7"),
    ("LDL-Cholesterin", "mg/dl", "< 116"), ("TSH", "mU/l", "0,27 - 4,2"),
]


def lab_truth(date: str, values: list[str], flags: list[str | None]) -> dict:
    rows = [
        {"test": name, "value": value, "unit": unit, "reference_range": ref, "flag": flag}
        for (name, unit, ref), value, flag in zip(LAB_ROWS, values, flags, strict=True)
    ]
    return {"document": {"type": "lab_report", "date": date, "language": "de", "issuer": "Labor Dr. Weber"},
            "lab_results": rows}


def prescription_truth() -> dict:
    return {
        "document": {"type": "prescription", "date": "14.05.2025", "language": "de", "issuer": "Dr. med. L. Brandt"},
        "medications": [
            {"name": "Metformin", "strength": "1000 mg", "dose": "1 Tablette", "frequency": "1-0-1",
             "instructions": "zu den Mahlzeiten"},
            {"name": "Ramipril", "strength": "5 mg", "dose": "1 Tablette", "frequency": "1-0-0"},
            {"name": "Atorvastatin", "strength": "20 mg", "dose": "1 Tablette", "frequency": "0-0-1"},
        ],
        "diagnoses": [{"text": "Diabetes mellitus Typ 2", "code": "E11.9"}],
        "allergies": [{"substance": "Penicillin", "reaction": "Hautausschlag"}],
    }


def print_pdf(path: Path, truth: dict) -> Path:
    doc = pymupdf.open()
    page = doc.new_page()
    meta = truth["document"]
    page.insert_text((60, 60), meta["issuer"], fontsize=15)
    page.insert_text((60, 82), f"Datum: {meta['date']}    Patientin: Erika Mustermann (Beispiel)", fontsize=10)
    y = 120
    for row in truth.get("lab_results", []):
        page.insert_text((60, y), f"{row['test']:<18} {row['value']:>6} {row['unit']:<8} {row['reference_range']:<14}"
                         f" {row['flag'] or ''}", fontsize=10, fontname="cour")
        y += 18
    for med in truth.get("medications", []):
        page.insert_text((60, y), f"{med['name']} {med['strength']}   {med['dose']}   {med['frequency']}"
                         f"   {med.get('instructions') or ''}", fontsize=11)
        y += 20
    for dia in truth.get("diagnoses", []):
        page.insert_text((60, y + 10), f"Diagnose: {dia['text']} ({dia['code']})", fontsize=11)
        y += 20
    for allergy in truth.get("allergies", []):
        page.insert_text((60, y + 10), f"Allergie: {allergy['substance']} ({allergy['reaction']})", fontsize=11)
        y += 20
    doc.save(path)
    return path


def main(args: list[str]) -> None:
    keep_all = Path(args[args.index("--all") + 1]) if "--all" in args else None
    flags = [a for a in args if a in ("--dark", "--smallest")]
    from coheara.config import AppPaths, Settings
    from coheara.notice import NOTICE_VERSION
    from coheara.security.keys import KeyStore
    from coheara.services.engine import prepare_engine
    from coheara.services.extraction import extract_documents
    from coheara.services.importing import import_files
    from coheara.services.settings import save
    from coheara.services.vault import create_vault

    with tempfile.TemporaryDirectory() as tmp, FakeOllama() as fake:
        root = Path(tmp)
        paths = AppPaths(root / "home")
        vault, _ = create_vault(paths, KeyStore(paths.keyfile, keyring_backend=None), PASSPHRASE)
        # The engine address goes into the settings (not OLLAMA_HOST) so the settings view shows
        # the hardware check's reason rather than an environment override.
        save(paths, Settings(terms_accepted=NOTICE_VERSION, ollama_host=fake.url))
        fake.add_model("coheara-medgemma-4b-q8")
        docs = [
            ("Labor-2024-03.pdf", lab_truth("12.03.2024", ["11,2", "7,9", "241", "1,1", "4,4", "7,1", "142", "2,1"],
                                            ["L", None, None, "H", None, "H", "H", None])),
            ("Rezept-Brandt.pdf", prescription_truth()),
            ("Labor-2025-06.pdf", lab_truth("02.06.2025", ["12,9", "6,4", "255", "0,9", "4,1", "6,2", "109", "1,8"],
                                            [None, None, None, None, None, "H", None, None])),
        ]
        engine = prepare_engine(Settings(ollama_host=fake.url), {})
        try:
            for name, truth in docs:
                (outcome,) = import_files(vault, [print_pdf(root / name, truth)])
                fake.responder = PageResponder(truth)
                report = extract_documents(vault, engine, [outcome.document_id])
                assert report.done, report.failed
        finally:
            engine.client.close()
        shots = root / "shots"
        env = {**os.environ, "COHEARA_HOME": str(paths.home), "COHEARA_PASSPHRASE": PASSPHRASE,
               "QT_QPA_PLATFORM": "offscreen"}
        for override in ("OLLAMA_HOST", "COHEARA_MODEL"):
            env.pop(override, None)
        subprocess.run([sys.executable, "-m", "coheara.gui.snapshots", str(shots), *flags], env=env, check=True,
                       capture_output=True)
        translated = root / "translated"
        for language in TRANSLATED_LANGUAGES:  # the same vault as a German and a French patient sees it
            subprocess.run([sys.executable, "-m", "coheara.gui.snapshots", str(translated / language), *flags],
                           env={**env, "LANGUAGE": language}, check=True, capture_output=True)
        if keep_all is not None:
            keep_all.mkdir(parents=True, exist_ok=True)
            for shot in sorted(shots.glob("*.png")):
                shutil.copy(shot, keep_all / shot.name)
            print("\n".join(sorted(p.name for p in keep_all.glob("*.png"))))
            return
        OUT.mkdir(parents=True, exist_ok=True)
        for old in OUT.glob("*.png"):
            old.unlink()
        for shot in sorted(shots.glob("*.png")):
            name = shot.stem.split("_", 1)[1]
            if name in KEEP:
                shutil.copy(shot, OUT / f"{name}.png")
        for language, names in TRANSLATED_LANGUAGES.items():
            for shot in sorted((translated / language).glob("*.png")):
                name = shot.stem.split("_", 1)[1]
                if name in names:
                    shutil.copy(shot, OUT / f"{name}_{language}.png")
    print("\n".join(sorted(p.name for p in OUT.glob("*.png"))))


if __name__ == "__main__":
    main(sys.argv[1:])
