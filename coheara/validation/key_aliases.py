"""Names models give the contract's keys, in English, German and French, mapped to canonical names.

The prompt is English, but MedGemma often answers in the page's language: ``Laborwerte`` with
``Untersuchung``/``Wert``/``Einheit``/``Referenzbereich``, ``analyses`` with ``analyse``/``valeur``/
``unité``. Keys are compared folded (lower case, accents removed, spaces and hyphens as ``_``), so
each name is written once here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal

from coheara.domain.items import Domain

__all__ = ["DOMAIN_KEYS", "FIELD_ALIASES", "IGNORED_KEYS", "norm_key"]

DomainOrDocument = Domain | Literal["document"]


@lru_cache(maxsize=4096)  # the same few dozen keys come back on every row
def norm_key(key: str) -> str:
    """``"Unité "`` → ``"unite"``, ``"Reference-Range"`` → ``"reference_range"``."""
    folded = unicodedata.normalize("NFKD", key.strip().lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c)).replace("ß", "ss")
    return re.sub(r"[\s\-.]+", "_", folded).strip("_")


def _table(names: dict[DomainOrDocument, str]) -> dict[str, DomainOrDocument]:
    return {norm_key(name): domain for domain, words in names.items() for name in words.split(",")}


DOMAIN_KEYS: dict[str, DomainOrDocument] = _table({
    "document": "document,document_info,metadata,meta,dokument,dokumentinfo,befundkopf,en_tete,entete",
    Domain.MEDICATIONS: "medications,medication,medicines,drugs,prescriptions,medikamente,medikation,"
                        "arzneimittel,verordnungen,medicaments,medicament,traitement,traitements,ordonnance",
    Domain.LAB_RESULTS: "lab_results,labs,lab,laboratory_results,lab_tests,results,tests,laborwerte,"
                        "laborergebnisse,labor,laborbefunde,ergebnisse,werte,analysen,resultats,analyses,"
                        "bilan,bilan_biologique,examens_biologiques,resultats_biologiques",
    Domain.DIAGNOSES: "diagnoses,diagnosis,conditions,diagnosen,diagnose,diagnostics,diagnostic",
    Domain.ALLERGIES: "allergies,allergy,allergien,unvertraglichkeiten",
    Domain.PROCEDURES: "procedures,procedure,eingriffe,prozeduren,massnahmen,actes,interventions,examens",
    Domain.REFERRALS: "referrals,referral,uberweisungen,uberweisung,orientations,adressages,adressage",
    Domain.INSTRUCTIONS: "instructions,instruction,hinweise,anweisungen,empfehlungen,consignes,"
                         "recommandations,conseils",
})


def _fields(names: dict[str, str]) -> dict[str, str]:
    return {norm_key(alias): field for field, words in names.items() for alias in words.split(",")}


FIELD_ALIASES: dict[DomainOrDocument, dict[str, str]] = {
    "document": _fields({
        "type": "document_type,doc_type,kind,typ,dokumenttyp,art,type_de_document",
        "date": "document_date,report_date,datum,befunddatum,eingangsdatum,date_du_document",
        "language": "lang,sprache,langue",
        "issuer": "author,laboratory,lab,institution,provider,physician,aussteller,labor,praxis,klinik,"
                  "absender,einsender,laboratoire,emetteur,medecin,cabinet,etablissement",
    }),
    Domain.MEDICATIONS: _fields({
        "name": "medication,drug,medicine,medikament,praparat,arzneimittel,wirkstoff,handelsname,"
                "medicament,nom,produit,specialite",
        "strength": "starke,wirkstarke,concentration,force",
        "dose": "dosage,dosis,dosierung,einzeldosis,posologie,dose_unitaire",
        "frequency": "frequency_of_use,how_often,haufigkeit,einnahmeschema,schema,einnahme,frequence,rythme",
        "route": "applikation,applikationsart,darreichung,darreichungsform,anwendung,voie,"
                 "voie_d_administration",
        "duration": "dauer,behandlungsdauer,duree,duree_du_traitement",
        "instructions": "notes,hinweis,hinweise,bemerkung,bemerkungen,anmerkung,remarque,remarques,consignes",
    }),
    Domain.LAB_RESULTS: _fields({
        "test": "name,test_name,analyte,parameter,untersuchung,analyt,bezeichnung,laborwert,"
                "analyse,examen,parametre,libelle",
        "value": "result,wert,ergebnis,resultat,messwert,befund,valeur,resultat_numerique",
        "unit": "units,einheit,einheiten,unite,unites",
        "reference_range": "range,reference,normal_range,ref_range,referenzbereich,referenz,referenzwert,"
                           "referenzwerte,normbereich,normalbereich,normwert,normwerte,norm,"
                           "valeurs_de_reference,valeur_de_reference,valeurs_normales,normes,"
                           "intervalle_de_reference,references",
        "flag": "abnormal,bewertung,kennzeichen,markierung,hinweis,interpretation,indicateur,anomalie",
        "date": "datum,abnahmedatum,date_du_prelevement,prelevement",
    }),
    Domain.DIAGNOSES: _fields({
        "text": "diagnosis,name,condition,diagnose,bezeichnung,diagnostic,libelle",
        "code": "icd,icd10,icd_10,icd_code,icd_10_code,schlussel,cim,cim_10,cim10",
        "date": "datum",
    }),
    Domain.ALLERGIES: _fields({
        "substance": "allergen,name,substanz,stoff,wirkstoff,allergene",
        "reaction": "reactions,reaktion,reaktionen,reaction_allergique",
    }),
    Domain.PROCEDURES: _fields({
        "text": "procedure,name,eingriff,massnahme,prozedur,acte,intervention,examen",
        "date": "datum",
        "findings": "result,finding,befund,ergebnis,resultat,conclusion,beurteilung",
    }),
    Domain.REFERRALS: _fields({
        "to": "specialist,specialty,referred_to,recipient,an,uberweisung_an,fachrichtung,facharzt,vers,"
              "destinataire,specialiste,adresse_a",
        "reason": "grund,anlass,fragestellung,motif,raison",
        "date": "datum",
    }),
    Domain.INSTRUCTIONS: _fields({"text": "instruction,hinweis,anweisung,empfehlung,consigne,conseil"}),
}

# Keys that number or place an entry rather than hold a printed value: never reported as unread.
IGNORED_KEYS = frozenset({"id", "index", "idx", "row", "nr", "no", "number", "page", "seite", "position", "pos",
                          "line", "zeile", "ligne", "numero"})
