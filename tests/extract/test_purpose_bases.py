"""Pairing bases with purposes (`extract/purpose_bases.py`), with purposes given as fake sentence labels."""
from __future__ import annotations

import pytest

from policyparse.extract import legal, purpose_bases

from conftest import make_doc


def pairs_of(text: str, labels: dict[str, list[str]]) -> set[str]:
    """Pairs for a text whose sentences containing a key of `labels` carry those purposes."""
    doc = make_doc(text)
    sentence_purposes = []
    for sent in doc.sentences():
        found = [p for key, ps in labels.items() if key in sent.text for p in ps]
        if found:
            sentence_purposes.append({"start": sent.start_char, "end": sent.end_char, "purposes": found,
                                      "method": "test"})
    missing = [k for k in labels if not any(k in s.text for s in doc.sentences())]
    assert not missing, missing
    fields = {"sentence_purposes": sentence_purposes}
    fields.update(legal.extract(doc, fields).fields)
    result = purpose_bases.extract(doc, fields)
    for pair, finding in zip(result.fields["purpose_bases"], result.findings):
        assert set(pair) == {"purpose", "basis", "sentence", "start", "end"}
        assert finding.value == f"{pair['purpose']}:{pair['basis']}"
        assert finding.method.startswith("pair.") and 0 < finding.confidence <= 1
    return {f"{p['purpose']}:{p['basis']}" for p in result.fields["purpose_bases"]}


CASES = [
    # own sentence
    ("Markedsføring\n\nVi sender nyhetsbrev basert på ditt samtykke.",
     {"nyhetsbrev": ["marketing"]}, {"marketing:a"}),
    # a closing sentence that refers back pairs with the paragraph before it
    ("Tjenesten\n\nVi behandler navn og e-post for å levere tjenesten. Grunnlaget for denne behandlingen er "
     "avtalen med deg (GDPR art. 6 nr. 1 bokstav b).",
     {"levere tjenesten": ["service_delivery"]}, {"service_delivery:b"}),
    # each sentence states its own basis for its own purpose: no cross pairs
    ("Formål og grunnlag\n\nOpplysningene brukes til å behandle din bookingforespørsel (GDPR art. 6(1)(b)). "
     "Kontakthenvendelser behandles på grunnlag av berettiget interesse (art. 6(1)(f)).",
     {"bookingforespørsel": ["service_delivery"], "Kontakthenvendelser": ["customer_support"]},
     {"service_delivery:b", "customer_support:f"}),
    # a basis for numbered purposes pairs with those items
    ("Formål\n\nVi behandler personopplysninger for følgende formål:\n\n1. Levere tjenester\n2. Sende nyhetsbrev\n"
     "3. Fakturering\n\nDet rettslige grunnlaget for behandling til formål 1 og 3 er avtalen med deg.\n\n"
     "Det rettslige grunnlaget for behandling til formål 2 er ditt samtykke.",
     {"Levere tjenester": ["service_delivery"], "Sende nyhetsbrev": ["marketing"], "Fakturering": ["billing"]},
     {"service_delivery:b", "billing:b", "marketing:a"}),
    ("Formål\n\nFormålet med behandlingen er:\n\n- Å identifisere deg som kunde.\n- Å sende tilbud.\n"
     "- Å sikre systemene.\n\nDet juridiske grunnlaget for behandling i henhold til formålene i punkt 1 til 2 er "
     "at vi har en berettiget interesse.",
     {"identifisere": ["customer_relationship"], "tilbud": ["marketing"], "sikre": ["security"]},
     {"customer_relationship:f", "marketing:f"}),
    # a lone basis paragraph pairs with the paragraph before it
    ("Statistikk\n\nVi bruker Google Analytics for å lage besøksstatistikk.\n\nBehandlingsgrunnlaget er samtykke.",
     {"besøksstatistikk": ["analytics"]}, {"analytics:a"}),
    # ... but not across a heading
    ("Statistikk\n\nVi bruker Google Analytics for å lage besøksstatistikk.\n\nRettslig grunnlag\n\n"
     "Behandlingsgrunnlaget er samtykke.",
     {"besøksstatistikk": ["analytics"]}, set()),
    # a basis sentence that introduces a list pairs with its items
    ("Berettiget interesse\n\nVi behandler opplysninger basert på berettiget interesse for disse formålene:\n\n"
     "- Sikkerhet og logging\n- Forbedring av tjenesten",
     {"Sikkerhet": ["security"], "Forbedring": ["product_improvement"]},
     {"security:f", "product_improvement:f"}),
    # a purpose/basis table pairs each row
    ("Formål og rettslig grunnlag\n\nFormål\nRettslig grunnlag\nLevere tjenesten\nAvtale\nNyhetsbrev\nSamtykke\n"
     "Sikkerhet og feilsøking\nBerettiget interesse",
     {"Levere tjenesten": ["service_delivery"], "Nyhetsbrev": ["marketing"], "Sikkerhet": ["security"]},
     {"service_delivery:b", "marketing:a", "security:f"}),
    ("Formål og rettslig grunnlag\n\nFormål | Behandlingsgrunnlag\nFakturering | Rettslig forpliktelse\n"
     "Nyhetsbrev | Samtykke",
     {"Fakturering": ["billing"], "Nyhetsbrev": ["marketing"]},
     {"billing:c", "marketing:a"}),
    # the basis wording itself names legal_obligation: it pairs only with c
    ("Betaling\n\nVi behandler opplysninger for å motta betaling. Grunnlaget for å behandle disse opplysningene er å "
     "oppfylle tjenesteavtalen med deg og våre rettslige forpliktelser etter bokføringsloven.",
     {"motta betaling": ["billing"], "bokføringsloven": ["legal_obligation"]},
     {"billing:b", "billing:c", "legal_obligation:c"}),
    # rights statements give no pairs
    ("Rettigheter\n\nVi sender nyhetsbrev. Du kan når som helst trekke tilbake samtykket ditt.",
     {"nyhetsbrev": ["marketing"]}, set()),
    # nynorsk
    ("Marknadsføring\n\nMe sender nyheitsbrev til medlemmene. Grunnlaget for denne handsaminga er samtykkje.",
     {"nyheitsbrev": ["marketing"]}, {"marketing:a"}),
]


@pytest.mark.parametrize("text,labels,expected", CASES)
def test_pairs(text, labels, expected):
    assert pairs_of(text, labels) == expected


def test_no_purposes_no_pairs():
    doc = make_doc("Personvern\n\nGrunnlaget for behandlingen er samtykke.")
    fields = legal.extract(doc, {}).fields
    assert purpose_bases.extract(doc, fields).fields == {"purpose_bases": []}
    assert purpose_bases.extract(doc, {}).fields == {"purpose_bases": []}


@pytest.mark.parametrize("text,numbers", [
    ("til formål 1 og 3 er", [1, 3]),
    ("til formål 2, 5 og 8 er", [2, 5, 8]),
    ("i henhold til de angitte formålene i punkt 1 til 9 er", list(range(1, 10))),
    ("formålet som er oppført i punkt 10 er", [10]),
    ("føremåla i punkt 2-4", [2, 3, 4]),
    ("GDPR art. 6 nr. 1 bokstav f", []),
])
def test_item_numbers(text, numbers):
    assert purpose_bases.item_numbers(text) == numbers
