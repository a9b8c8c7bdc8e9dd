"""Language detection (`extract/language.py`): nb, nn, and other languages with a warning."""
from __future__ import annotations

import pytest

from policyparse.extract import language

from conftest import CORPUS_RAW, make_doc, needs_corpus

NB = ("Vi behandler personopplysninger om deg n\u00e5r du bruker tjenestene v\u00e5re. Du har rett til innsyn i "
      "opplysningene, og du kan be om at de blir slettet. Vi deler ikke opplysningene med andre uten at det er "
      "n\u00f8dvendig. Hvis du har sp\u00f8rsm\u00e5l, kan du kontakte oss.")
NN = ("Vi handsamar personopplysningar om deg n\u00e5r du brukar tenestene v\u00e5re. Du har rett til innsyn i "
      "opplysningane, og du kan be om at dei vert sletta. Vi deler ikkje opplysningane med andre utan at det er "
      "naudsynt. Dersom du har sp\u00f8rsm\u00e5l, kan du kontakte oss.")
NN_ME = ("Me handsamar opplysningar om deg for \u00e5 kunna levera tenesta. Kva opplysningar me lagrar, og kor lenge "
         "me lagrar dei, st\u00e5r under. Eg har ansvaret for handsaminga.")
EN = ("We process personal data about you when you use our services. You have the right to access your data, and "
      "you may ask us to delete it. We do not share your data with others unless it is necessary.")
SV = ("Vi behandlar personuppgifter om dig n\u00e4r du anv\u00e4nder v\u00e5ra tj\u00e4nster. Du har r\u00e4tt att "
      "f\u00e5 tillg\u00e5ng till dina uppgifter, och du kan beg\u00e4ra att de raderas. Vi delar inte dina uppgifter "
      "med andra om det inte \u00e4r n\u00f6dv\u00e4ndigt.")
DA = ("Vi behandler personoplysninger om dig, n\u00e5r du bruger vores tjenester. Du har ret til indsigt i dine "
      "oplysninger, og du kan bede om at de bliver slettet. Vi deler ikke oplysningerne med andre, medmindre det "
      "er n\u00f8dvendigt.")
DE = ("Wir verarbeiten personenbezogene Daten \u00fcber Sie, wenn Sie unsere Dienste nutzen. Sie haben das Recht "
      "auf Auskunft \u00fcber Ihre Daten und k\u00f6nnen deren L\u00f6schung verlangen.")
# few function words: the fallback classifier decides, and its "no" means bokm\u00e5l
NB_NOUNS = ("Personvernerkl\u00e6ring\n\nNavn, adresse, telefonnummer, e-postadresse, f\u00f8dselsdato, kundenummer, "
            "ordrehistorikk og betalingsinformasjon lagres i nettbutikken.")

CASES = [
    (NB, "nb"), (NN, "nn"), (NN_ME, "nn"), (EN, "en"), (SV, "sv"), (DA, "da"), (DE, "de"), (NB_NOUNS, "nb"),
    (f"Personvernerkl\u00e6ring\n\n{NB}\n\n{NB}", "nb"),
    (f"Personvernerkl\u00e6ring\n\n{NN}\n\n{NN}", "nn"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_language(text, expected):
    doc = make_doc(text)
    result = language.extract(doc, {})
    assert result.fields == {"language": expected} and result.findings == []
    warned = [w for w in doc.warnings if "not Norwegian" in w]
    if expected in ("nb", "nn"):
        assert warned == []
    else:
        assert len(warned) == 1 and repr(expected) in warned[0]


def test_detect_returns_coverage():
    code, coverage = language.detect(NB)
    assert code == "nb" and 0.04 <= coverage <= 1
    assert language.detect("") == (None, 0.0)


def test_record_carries_the_language_warning():
    from policyparse.pipeline import parse_text

    record = parse_text(f"Privacy policy\n\n{EN}")
    assert record["language"] == "en" and any("not Norwegian" in w for w in record["warnings"])
    assert not any("not Norwegian" in w for w in parse_text(f"Personvern\n\n{NB}")["warnings"])


TECH_NB = ("Vi lagrer data for kundene våre i EU. Data for ordre og fakturering sendes til Stripe for betaling, "
           "og API-nøkler for WooCommerce lagres kryptert.")


def test_norwegian_with_english_loanwords_stays_norwegian():
    assert language.detect(TECH_NB)[0] == "nb"


@needs_corpus
def test_corpus_languages_match_the_manifest():
    import csv

    rows = list(csv.DictReader((CORPUS_RAW.parent / "manifest.csv").open(encoding="utf-8")))
    detected = {r["id"]: language.detect((CORPUS_RAW.parent / r["path"]).read_text(encoding="utf-8"))[0]
                for r in rows}
    assert detected == {r["id"]: r["lang"] for r in rows}


def test_a_table_in_english_does_not_make_a_norwegian_policy_english():
    rows = "\n".join(f"_c{i} | Google | Used to distinguish users and to store campaign information. | 2 years"
                     for i in range(40))
    text = ("Personvernerklæring\n\nEksempel AS er behandlingsansvarlig for personopplysningene vi behandler. Vi "
            "behandler navn og e-post for å svare på henvendelser, og vi sletter dem når saken er ferdig.\n\n"
            "Informasjonskapsler\n\nName | Provider | Purpose | Expiry\n" + rows)
    assert language.detect(text)[0] == "nb"
    assert language.detect(rows)[0] == "en"
