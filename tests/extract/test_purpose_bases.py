"""Pairing bases with purposes (`extract/purpose_bases.py`): with purposes given as fake sentence labels, and end
to end on realistic passages."""
from __future__ import annotations

import pytest

from policyparse import parse_text
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


# paragraphs that show the text keeps its line breaks (it is not hard-wrapped), so lower-case lines can be
# list items
UNWRAPPED = "Personvern\n\n" + "".join(f"Avsnitt {n} om personvern hos Eksempel AS.\n\n" for n in range(1, 25))

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
    # the first or last items of the list before it, by their place in the list
    ("Formål\n\nVi bruker opplysningene til å:\n- sende deg nyhetsbrev\n- lage besøksstatistikk\n"
     "- levere varene du har bestilt\n\nDe to første punktene gjør vi bare hvis du har samtykket.",
     {"nyhetsbrev": ["marketing"], "besøksstatistikk": ["analytics"], "levere": ["service_delivery"]},
     {"marketing:a", "analytics:a"}),
    ("Formål\n\nVi bruker opplysningene til å:\n- sende deg nyhetsbrev\n- levere varene du har bestilt\n\n"
     "Det siste punktet bygger på avtalen med deg.",
     {"nyhetsbrev": ["marketing"], "levere": ["service_delivery"]}, {"service_delivery:b"}),
    ("Føremål\n\nMe nyttar opplysningane til å:\n- senda deg nyheitsbrev\n- laga statistikk\n- levera varene\n\n"
     "Dei to fyrste punkta gjer me berre om du har samtykt.",
     {"nyheitsbrev": ["marketing"], "statistikk": ["analytics"], "levera": ["service_delivery"]},
     {"marketing:a", "analytics:a"}),
    # ... also lines written as a list without marks, after a lead-in that ends with a colon or runs on
    (UNWRAPPED + "Kort fortalt\nNår du handlar hjå oss, brukar vi opplysningane dine til å\nsende deg ordrestadfesting\n"
     "ta imot betaling gjennom Klarna\nsende deg tilbod etter kjøpet\nDei to første punkta er naudsynte for å "
     "oppfylle kjøpsavtalen med deg.",
     {"ordrestadfesting": ["service_delivery"], "betaling": ["billing"], "tilbod": ["marketing"]},
     {"service_delivery:b", "billing:b"}),
    (UNWRAPPED + "Nyhetsbrev\n\nVi bruker kontaktopplysningene dine til:\nnyhetsbrev med konsertslipp, tilpasset det du har kjøpt "
     "billetter til\nmålrettede annonser på Facebook\nkorte spørreundersøkelser etter arrangementet\n"
     "De to første punktene gjør vi bare hvis du har samtykket.",
     {"konsertslipp": ["marketing"], "annonser": ["advertising"], "spørreundersøkelser": ["surveys"]},
     {"marketing:a", "advertising:a"}),
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
    # a basis paragraph that ends in a lead-in to a list pairs with the list's purposes
    ("Grunnlag\n\nDet meste gjør vi fordi det er nødvendig for å oppfylle avtalen med deg (GDPR art. 6 nr. 1 "
     "bokstav b). Dette gjelder blant annet når vi\n- oppretter konto og nettbank\n- svarer på spørsmål i chat",
     {"oppretter konto": ["service_delivery"], "svarer på": ["customer_support"]},
     {"service_delivery:b", "customer_support:b"}),
    ("Grunnlag\n\nNoen ganger bygger vi på vår berettigede interesse. Vi har da gjort en interesseavveiing. "
     "Det gjelder blant annet:\n- forebygging av svindel\n- statistikk over bruken",
     {"forebygging": ["security"], "statistikk over": ["analytics"]}, {"security:f", "analytics:f"}),
    # ... but not when the paragraph closes with a full sentence, or names its own purpose
    ("Grunnlag\n\nVi bygger på vår berettigede interesse. Vi har gjort en interesseavveiing.\n"
     "- forebygging av svindel",
     {"forebygging": ["security"]}, set()),
    ("Grunnlag\n\nVi sender nyhetsbrev basert på samtykke. Dette gjelder blant annet når vi\n"
     "- forebygger svindel",
     {"nyhetsbrev": ["marketing"], "forebygger": ["security"]}, {"marketing:a"}),
    # a basis naming sections by their heading pairs with their purposes
    ("Kundeservice\n\nVi svarer på spørsmål du sender oss.\n\nHudtest\n\nVi gir deg produktanbefalinger ut fra "
     "svarene dine.\n\nGrunnlag\n\nSvarene i «Hudtest» behandles på grunnlag av ditt samtykke.",
     {"svarer på": ["customer_support"], "produktanbefalinger": ["personalization"]}, {"personalization:a"}),
    ("Informasjonskapsler\n\nStatistikk\n\nVi teller besøk på sidene.\n\nVimeo\n\nVi viser videoer fra Vimeo.\n\nSamtykke\n\n"
     "Informasjonskapslene under «Statistikk» og «Vimeo» blir bare satt når du sier ja. Behandlingen gjennom disse "
     "bygger på samtykke (art. 6 nr. 1 bokstav a).",
     {"teller besøk": ["analytics"], "viser videoer": ["service_delivery"]}, {"analytics:a", "service_delivery:a"}),
    # ... not when the sentence names its own purpose and only points to where it is described
    ("Når du handler\n\nVi leverer varene og sender faktura.\n\nGrunnlag\n\nForebygging av svindel, som beskrevet "
     "under «Når du handler», gjør vi ut fra vår berettigede interesse.",
     {"leverer varene": ["service_delivery", "billing"], "svindel": ["security"]}, {"security:f"}),
    # a basis for numbered sections (`punkt 3.1 til 3.2`)
    ("3.1 Opptak\n\nVi behandler søknader om opptak.\n\n3.2 Eksamen\n\nVi avviklar eksamen.\n\n"
     "3.3 Grunnlag\n\nBehandlinga i punkt 3.1 til 3.2 er naudsynt for å utøve offentleg mynde, jf. art. 6 nr. 1 "
     "bokstav e.",
     {"søknader": ["service_delivery"], "eksamen": ["events_training"]},
     {"service_delivery:e", "events_training:e"}),
    # a later sentence of a line that opens with an item reference speaks of the same items; a letter alone in
    # parentheses names the basis in a basis section of a document that cites art. 6(1)
    ("3.1 Kunder\n\nVi sender fakturaer.\n\n3.2 Jobbsøkere\n\nVi vurderer søknader.\n\n4 Rettslig grunnlag\n\n"
     "Punkt 3.1: avtalen med kunden (GDPR art. 6 nr. 1 bokstav b). Kontaktpersonene er ikke part i avtalen, så for "
     "dem bygger vi på berettiget interesse.\nPunkt 3.2: nødvendig før en arbeidsavtale inngås (bokstav b).",
     {"fakturaer": ["billing"], "søknader": ["recruitment"]}, {"billing:b", "billing:f", "recruitment:b"}),
    # r8: in text copied line by line (no blank lines, not hard-wrapped), each line is its own paragraph: a
    # closing basis reaches back over its own line only
    ("Personvern\nSøker du jobb hos oss, bruker vi CV-en din til å vurdere søknaden. Vi sjekker også referansene.\n"
     "Bookingportalen fører en logg over hvem som har åpnet et oppdrag, slik at vi kan oppdage misbruk. Dette har vi "
     "en berettiget interesse i.\nVi svarer innen 30 dager.",
     {"CV-en": ["recruitment"], "oppdage misbruk": ["security"]}, {"security:f"}),
    # ... while in a hard-wrapped text a line break inside a paragraph is no paragraph break
    ("Personvern\n\nSøker du jobb hos oss, bruker vi CV-en din og opplysningene i søknaden til å vurdere om\n"
     "vi kan tilby deg en stilling. Vi sjekker også referansene du oppgir i søknaden din til oss.\n"
     "Dette har vi en berettiget interesse i, og opplysningene slettes seks måneder etter at stillingen\n"
     "er besatt. Du kan be om innsyn i opplysningene og be oss rette eller slette dem når som helst.\n"
     "Du kan også klage til Datatilsynet dersom du mener at vi behandler opplysningene dine feil.",
     {"CV-en": ["recruitment"]}, {"recruitment:f"}),
    # a basis said for the others takes nothing from the text before it: the necessary cookies are not consented to
    ("Informasjonskapsler\n\nNødvendige informasjonskapsler settes uten samtykke, fordi nettstedet ikke fungerer uten "
     "dem. Andre informasjonskapsler settes bare hvis du godtar dem.",
     {"fungerer": ["service_delivery"]}, set()),
    ("Informasjonskapsler\n\nHandlekurven virker bare med en nødvendig informasjonskapsel.\n\nResten settes bare "
     "hvis du godtar dem i cookie-banneret, og da er grunnlaget samtykket ditt.",
     {"Handlekurven": ["service_delivery"]}, set()),
    ("Informasjonskapslar\n\nNaudsynte informasjonskapslar set vi alltid. Dei andre set vi berre dersom du har "
     "samtykt til det.", {"Naudsynte": ["service_delivery"]}, set()),
    # ... while one said for the processing before it pairs as before
    ("Informasjonskapsler\n\nGoogle Analytics lager statistikk over besøkene. Disse informasjonskapslene settes "
     "bare hvis du godtar dem.", {"statistikk": ["analytics"]}, {"analytics:a"}),
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
    ("Behandlinga som er omtala i punkt 3.1 til 3.4, er", ["3.1", "3.2", "3.3", "3.4"]),
    ("Grunnlaget for punkt 3.1–3.3", ["3.1", "3.2", "3.3"]),
    ("formålene i punkt 2.1, 2.3 og 4", ["2.1", "2.3", 4]),
    ("GDPR art. 6 nr. 1 bokstav f", []),
    ("jf. art. 6 nr. 1 bokstav c og punkt 2.1 ovenfor", ["2.1"]),
    ("- Formål 2 – Bruke begrensede data til å velge annonser: berettiget interesse", []),   # a TCF purpose title
    ("- Formål 10 – Utvikle og forbedre tjenester: berettiget interesse", []),
    ("samtykke til TCF-formålene 5 og 6 i samtykkebanneret", []),
    ("Formål 2-4 bygger på berettiget interesse", [2, 3, 4]),
    ("Punkt 3.5 – vår berettigede interesse i en stabil app.", ["3.5"]),
    ("Formål 2 og 3 – samtykke", [2, 3]),
])
def test_item_numbers(text, numbers):
    assert purpose_bases.item_numbers(text) == [str(n) for n in numbers]


# End to end with `policyparse.parse_text`: the purposes come from the real purpose tagger (cue rules and
# model), the bases from `legal`, the pairs from `purpose_bases`. Realistic Norwegian policy passages,
# bokmål and nynorsk, in the layouts policies use to tie purposes to bases. The purpose wording is
# chosen so that the tagger labels it; a passage that fails only because the tagger misses or adds a
# purpose is a tagger matter, not a pairing one.
PASSAGES = [
    # a summary table whose purpose cells are the headings of the sections above it
    pytest.param(
     "Personvern\n\nTilbud og befaring\nBer du om en befaring, bruker vi adressen din til å komme hjem til deg og "
     "levere jobben.\n\nJobbsøkere\nSøker du jobb hos oss, bruker vi søknaden til å vurdere deg for stillingen.\n\n"
     "Grunnlaget for behandlingen\n| Hva | Grunnlag |\n| Tilbud og befaring | Tiltak før avtale (GDPR 6b) |\n"
     "| Jobbsøkere | Tiltak før arbeidsavtale (GDPR 6b) |",
     {"service_delivery:b", "recruitment:b"}, id="summary_table_names_sections"),
    # --- purpose/basis tables: flattened one cell per line, pipe rows, a one-line header, a cookie table
    pytest.param(
     "Formål og behandlingsgrunnlag\n\nFormål\nBehandlingsgrunnlag\nLagringstid\nBehandle bestillingen din og "
     "levere varene\nAvtale (art. 6 nr. 1 b)\nInntil 3 år etter siste kjøp\nSende nyhetsbrev og tilbud\n"
     "Samtykke (art. 6 nr. 1 a)\nTil du melder deg av\nBokføring av salg\nRettslig forpliktelse "
     "(bokføringsloven)\n5 år\nForebygge misbruk og svindel i nettbutikken\nBerettiget interesse\n90 dager",
     {"billing:c", "legal_obligation:c", "marketing:a", "security:f", "service_delivery:b"}, id="tbl_lines_nb"),
    pytest.param(
     "Føremål og handsamingsgrunnlag\n\nFøremål\nHandsamingsgrunnlag\nLagringstid\nSende ut nyheitsbrev\n"
     "Samtykkje (art. 6 nr. 1 a)\nTil du melder deg av\nSvare på førespurnader frå kundar\nBerettiga "
     "interesse (art. 6 nr. 1 f)\n12 månader\nFakturering\nRettsleg plikt etter rekneskapslova\n5 år",
     {"billing:c", "customer_support:f", "legal_obligation:c", "marketing:a"}, id="tbl_lines_nn"),
    pytest.param(
     "Hvorfor vi behandler personopplysninger\n\nFormål | Rettslig grunnlag | Lagringstid\nBehandle "
     "bestillinger og levere varer | Avtale, GDPR art. 6 (1) b | 3 år\nBesvare henvendelser til "
     "kundeservice | Berettiget interesse, GDPR art. 6 (1) f | 1 år\nMarkedsføring på e-post | Samtykke, "
     "GDPR art. 6 (1) a | 2 år",
     {"customer_support:f", "marketing:a", "service_delivery:b"}, id="tbl_pipes_nb"),
    pytest.param(
     "Behandlinger\n\nKategori\nFormål\nGrunnlag\nKunder\nHåndtere bestillinger og levering\nAvtale\nAbonnenter\n"
     "Utsending av nyhetsbrev\nSamtykke\nJobbsøkere\nVurdere søknader i rekrutteringsprosessen\nBerettiget "
     "interesse",
     {"marketing:a", "recruitment:f", "service_delivery:b"}, id="tbl_category_lines"),
    pytest.param(
     "Oversikt over behandlingene\n\nBehandling | Formål | Behandlingsgrunnlag\nNettstatistikk | Lage "
     "besøksstatistikk for nettsiden | Samtykke (art. 6 nr. 1 a)\nSikkerhetslogg | Sikre kontoen din mot "
     "misbruk | Berettiget interesse (art. 6 nr. 1 f)\nRegnskap | Oppfylle krav i bokføringsloven | "
     "Rettslig forpliktelse (art. 6 nr. 1 c)",
     {"analytics:a", "billing:c", "legal_obligation:c", "security:f"}, id="tbl_pipes_data_col"),
    pytest.param(
     "Korleis me nyttar opplysningane\n\nFøremål | Handsamingsgrunnlag | Kor lenge vert dei lagra?\n"
     "Administrere medlemskapet ditt og sende faktura for kontingent | Avtale | Så lenge du er medlem\n"
     "Sende nyheitsbrev | Samtykkje | 2 år\nStatistikk over bruken av nettstaden | Berettiga interesse | "
     "26 månader",
     {"analytics:f", "billing:b", "customer_relationship:b", "marketing:a"}, id="tbl_pipes_nn"),
    pytest.param(
     "Rettslig grunnlag\n\nFormål | Rettslig grunnlag\nLevere tjenesten og administrere brukerkontoen | GDPR "
     "art. 6 nr. 1 bokstav b\nSikkerhetslogging | GDPR art. 6 nr. 1 bokstav f",
     {"security:f", "service_delivery:b"}, id="tbl_citation_only"),
    pytest.param(
     "Formål og grunnlag\n\nFormål / Behandlingsgrunnlag / Lagringstid\nSvare på henvendelser fra kunder\n"
     "Berettiget interesse\n12 måneder\nSende nyhetsbrev\nSamtykke\nTil avmelding",
     {"customer_support:f", "marketing:a"}, id="tbl_header_one_line"),
    pytest.param(
     "Behandlinger\n\nFormål | Personopplysninger | Behandlingsgrunnlag | Lagringstid\nGjennomføre "
     "bestillinger og levering | Navn, adresse, telefon | GDPR art. 6 (1) b – avtale | 3 år\nFakturering "
     "og regnskap | Navn, adresse, kjøpshistorikk | Lovpålagt (bokføringsloven § 13) | 5 år\nNyhetsbrev | "
     "E-postadresse | Samtykke | 2 år",
     {"billing:c", "legal_obligation:c", "marketing:a", "service_delivery:b"}, id="tbl_four_cols"),
    pytest.param(
     "Informasjonskapsler\n\nNavn | Formål | Rettslig grunnlag | Varighet\n_ga | Statistikk (Google "
     "Analytics) | Samtykke | 2 år\nPHPSESSID | Holde deg innlogget | Berettiget interesse | Sesjon",
     {"analytics:a", "service_delivery:f"}, id="tbl_cookie_basis"),
    pytest.param(
     "Formål og grunnlag\n\nFormål | Rettslig grunnlag\nFakturering | Avtale og rettslig forpliktelse\n"
     "Kundeservice | Berettiget interesse",
     {"billing:b", "billing:c", "customer_support:f", "legal_obligation:c"}, id="tbl_two_bases_cell"),
    pytest.param(
     "Oversikt\n\nKva opplysningar\nFøremål\nRettsleg grunnlag\nLagringstid\nNamn og e-post\nSende nyheitsbrev\n"
     "Samtykkje\n2 år\nNamn, adresse og kontonummer\nFakturering\nAvtale\n5 år",
     {"billing:b", "marketing:a"}, id="tbl_nn_four"),
    # --- list items `purpose: basis` / `purpose – basis`, basis-first items, `Formål:` / `Grunnlag:` lines
    pytest.param(
     "Føremål og rettsleg grunnlag\n\nMe handsamar personopplysningar for desse føremåla:\n\n- Nyheitsbrev: "
     "samtykkje (GDPR art. 6 (1) a)\n- Svare på førespurnader frå kundar – berettiga interesse\n- "
     "Bestilling og levering av varer: avtale (GDPR art. 6 (1) b)",
     {"customer_support:f", "marketing:a", "service_delivery:b"}, id="list_colon_nn"),
    pytest.param(
     "Formål og rettslig grunnlag\n\n- Levere tjenesten og administrere brukerkontoen din – avtale (art. 6 "
     "nr. 1 b)\n- Sende nyhetsbrev og tilbud på e-post – samtykke (art. 6 nr. 1 a)\n- Forebygge misbruk og "
     "svindel – berettiget interesse (art. 6 nr. 1 f)",
     {"marketing:a", "security:f", "service_delivery:b"}, id="list_dash_nb"),
    pytest.param(
     "Hva vi bruker opplysningene til\n\n- Nyhetsbrev: samtykke\n- Kontaktskjema og svar på henvendelser – "
     "berettiget interesse\n- Fakturering: rettslig forpliktelse etter bokføringsloven",
     {"billing:c", "customer_support:f", "legal_obligation:c", "marketing:a"}, id="list_no_citation_nb"),
    pytest.param(
     "Rettslig grunnlag for behandlingen\n\nVi behandler personopplysninger på følgende grunnlag:\n\n- "
     "Samtykke: når du melder deg på nyhetsbrevet vårt.\n- Avtale: når du bestiller varer og vi skal "
     "levere dem.\n- Berettiget interesse: for å sikre nettsiden mot angrep og misbruk.",
     {"marketing:a", "security:f", "service_delivery:b"}, id="list_basis_first"),
    pytest.param(
     "Behandlingsgrunnlag\n\n- Samtykke. Vi sender nyhetsbrev bare til deg som har meldt deg på.\n- Avtale. "
     "Vi behandler bestillingen din og leverer varene du har kjøpt.\n- Rettslig forpliktelse. Vi "
     "oppbevarer regnskapsbilag i samsvar med bokføringsloven.",
     {"legal_obligation:c", "marketing:a", "service_delivery:b"}, id="list_basis_first_sentences"),
    pytest.param(
     "Nyhetsbrev\n\nFormål: Sende deg nyheter og tilbud på e-post.\nGrunnlag: Samtykke, jf. GDPR art. 6 nr. "
     "1 bokstav a.\nLagringstid: Til du melder deg av.\n\nKundeservice\n\nFormål: Besvare spørsmål og "
     "henvendelser du sender oss.\nGrunnlag: Berettiget interesse (art. 6 nr. 1 f).\nLagringstid: 12 "
     "måneder.",
     {"customer_support:f", "marketing:a"}, id="records_lifetime"),
    pytest.param(
     "Kundeforhold\n\nVi registrerer deg som kunde når du engasjerer oss.\nFormål: Gjennomføre oppdrag og fakturere.\n"
     "Behandlingsgrunnlag: Avtale med deg, jf. GDPR art. 6 nr. 1 bokstav b.\nLagringstid: Regnskapsmateriale "
     "oppbevares i fem år etter regnskapsårets slutt, slik bokføringsloven krever.\n\nNyhetsbrev\n\n"
     "Formål: Utsendelse av nyhetsbrev.\nBehandlingsgrunnlag: Samtykke, jf. GDPR art. 6 nr. 1 bokstav a.\n"
     "Lagringstid: Så lenge du abonnerer.",
     {"service_delivery:b", "billing:b", "marketing:a"}, id="records_lifetime_cell_says_why_kept"),
    pytest.param(
     "Behandlinger\n\nFormål: Sende nyhetsbrev.\nRettslig grunnlag: Samtykke.\nFormål: Svare på henvendelser "
     "fra kunder.\nRettslig grunnlag: Berettiget interesse.",
     {"customer_support:f", "marketing:a"}, id="records_one_block"),
    pytest.param(
     "Kva me gjer med opplysningane\n\nFøremål: Sende ut faktura og føre rekneskap.\nHandsamingsgrunnlag: "
     "Rettsleg plikt etter bokføringslova.\n\nFøremål: Statistikk over besøk på nettstaden.\n"
     "Handsamingsgrunnlag: Samtykkje.",
     {"analytics:a", "billing:c", "legal_obligation:c"}, id="records_nn"),
    pytest.param(
     "Grunnlag\n\nMe handsamar opplysningane på følgjande grunnlag:\n\n- Avtale, når du kjøper billettar til "
     "konsertane våre\n- Samtykkje, når du melder deg på nyheitsbrevet",
     {"events_training:b", "marketing:a"}, id="nn_lead_list"),
    pytest.param(
     "Hva vi bruker opplysningene til\n\n1. Kundeadministrasjon. Vi registrerer navn og kontaktinformasjon "
     "for å administrere kundeforholdet. Rettslig grunnlag: avtale.\n2. Markedsføring. Vi sender "
     "nyhetsbrev til dem som har meldt seg på. Rettslig grunnlag: samtykke.",
     {"customer_relationship:b", "marketing:a"}, id="numbered_items_with_basis"),
    pytest.param(
     "Rettslig grunnlag\n\nVi behandler personopplysningene dine på følgende rettslige grunnlag:\n\n- Avtale "
     "(GDPR art. 6 nr. 1 b): for å levere tjenestene du har bestilt.\n- Samtykke (GDPR art. 6 nr. 1 a): "
     "for å sende deg nyhetsbrev.\n- Berettiget interesse (GDPR art. 6 nr. 1 f): for å forebygge misbruk "
     "og svindel.",
     {"marketing:a", "security:f", "service_delivery:b"}, id="basis_items_with_purposes"),
    pytest.param(
     "Behandlinger\n\nNyhetsbrev\n\n- Formål: Sende deg nyhetsbrev med tilbud.\n- Rettslig grunnlag: Samtykke.\n"
     "- Lagringstid: 2 år.\n\nKundeservice\n\n- Formål: Svare på henvendelser fra kunder.\n- Rettslig "
     "grunnlag: Berettiget interesse.\n- Lagringstid: 1 år.",
     {"customer_support:f", "marketing:a"}, id="record_items"),
    pytest.param(
     "Behandlinger\n\n- Formål: Sende deg nyhetsbrev med tilbud.\n- Rettslig grunnlag: Samtykke.\n- Formål: "
     "Svare på henvendelser fra kunder.\n- Rettslig grunnlag: Berettiget interesse.",
     {"customer_support:f", "marketing:a"}, id="record_items_one_list"),
    # --- per-purpose sections closed by a basis sentence, paragraph or sub-heading
    pytest.param(
     "Nyhetsbrev\n\nNår du melder deg på nyhetsbrevet vårt, lagrer vi e-postadressen din. Vi bruker den til "
     "å sende deg nyheter og tilbud om lag ti ganger i året.\n\nBehandlingsgrunnlaget er samtykket ditt, "
     "jf. personvernforordningen art. 6 nr. 1 bokstav a.",
     {"marketing:a"}, id="sect_newsletter_nb"),
    pytest.param(
     "Kontakt med oss\n\nNår du sender oss ein førespurnad via kontaktskjemaet eller på e-post, handsamar "
     "me namnet ditt, e-postadressa og innhaldet i meldinga for å kunne svare på førespurnaden din.\n\n"
     "Rettsleg grunnlag: berettiga interesse, jf. personvernforordninga artikkel 6 nr. 1 bokstav f.",
     {"customer_support:f"}, id="sect_contact_nn"),
    pytest.param(
     "Rekruttering\n\nNår du søker på en stilling hos oss, behandler vi CV, søknad, attester og vitnemål i "
     "rekrutteringsprosessen.\n\nOpplysningene brukes til å vurdere om du er kvalifisert, og til å kalle "
     "inn til intervju.\n\nBehandlingsgrunnlaget er at behandlingen er nødvendig for å gjennomføre tiltak "
     "på din anmodning før en eventuell avtaleinngåelse.",
     {"recruitment:b"}, id="sect_recruitment_multi_para"),
    pytest.param(
     "3. Hva bruker vi opplysningene til?\n\n3.1 Kundeservice\n\nVi bruker kontaktinformasjonen din til å "
     "besvare henvendelser til kundeservice. Rettslig grunnlag er berettiget interesse.\n\n3.2 "
     "Markedsføring\n\nVi sender nyhetsbrev til deg som har meldt deg på. Rettslig grunnlag er samtykke.",
     {"customer_support:f", "marketing:a"}, id="sect_numbered"),
    pytest.param(
     "Nettbutikk\n\nVi behandler navn, adresse og betalingsinformasjon for å behandle bestillingen din og "
     "levere varene.\n\nBehandlingsgrunnlag: Avtale, jf. GDPR art. 6 nr. 1 b.",
     {"service_delivery:b"}, id="sect_label_colon"),
    pytest.param(
     "Statistikk\n\nMe nyttar Matomo for å føre statistikk over kor mange som besøkjer nettstaden og kva "
     "sider dei les. IP-adressa vert anonymisert.\n\nHandsamingsgrunnlaget er vår berettiga interesse i å "
     "forbetre nettstaden.",
     {"analytics:f", "product_improvement:f"}, id="sect_analytics_nn"),
    pytest.param(
     "Sikkerhet\n\nVi logger IP-adresser for å oppdage og hindre misbruk av tjenesten. Loggene slettes "
     "etter 90 dager. Det rettslige grunnlaget for denne behandlingen er vår berettigede interesse i å "
     "holde tjenesten sikker.",
     {"security:f"}, id="sect_security"),
    pytest.param(
     "Nyhetsbrev\n\nFormål\nVi bruker e-postadressen din til å sende deg nyhetsbrev med tilbud og nyheter.\n\n"
     "Behandlingsgrunnlag\nSamtykke, jf. personvernforordningen artikkel 6 nr. 1 bokstav a.\n\nLagringstid\n"
     "Vi lagrer e-postadressen til du melder deg av.",
     {"marketing:a"}, id="subheadings_template"),
    pytest.param(
     "Kontaktskjema\n\nKva er føremålet med handsaminga?\n\nMe nyttar opplysningane til å svare på "
     "førespurnaden din.\n\nKva er det rettslege grunnlaget?\n\nHandsaminga er basert på vår berettiga "
     "interesse i å svare på førespurnader.\n\nKor lenge lagrar me opplysningane?\n\nOpplysningane vert "
     "sletta etter 12 månader.",
     {"customer_support:f"}, id="subheadings_nn_questions"),
    pytest.param(
     "Kundeservice\n\nNår du kontakter oss, bruker vi opplysningene til å besvare henvendelsen. "
     "Behandlingsgrunnlaget er berettiget interesse.\n\nNyhetsbrev\n\nVi sender nyhetsbrev til deg som har "
     "meldt deg på. Behandlingsgrunnlaget er samtykke.",
     {"customer_support:f", "marketing:a"}, id="two_paragraph_sections"),
    pytest.param(
     "Kundeservice\n\nNår du kontakter oss, bruker vi opplysningene til å besvare henvendelsen.\n\n"
     "Behandlingsgrunnlaget er berettiget interesse.\n\nVi sender også nyhetsbrev til deg som har meldt deg "
     "på.\n\nBehandlingsgrunnlaget er samtykke.",
     {"customer_support:f", "marketing:a"}, id="sections_basis_para_sequence"),
    # --- a basis stated in the purpose's own sentence or the next one
    pytest.param(
     "Rekneskap\n\nMe nyttar opplysningane til fakturering og rekneskap. Det rettslege grunnlaget for "
     "handsaminga er personvernforordninga artikkel 6 nr. 1 bokstav c, jf. bokføringslova.",
     {"billing:c", "legal_obligation:c"}, id="nn_section_c"),
    pytest.param(
     "Statistikk\n\nVi bruker informasjonskapsler fra Google Analytics for å lage statistikk. Disse settes "
     "bare dersom du samtykker.",
     {"analytics:a"}, id="cookie_dersom"),
    pytest.param(
     "Markedsføring\n\nVi vil bare sende deg markedsføring på e-post dersom du har samtykket til dette.",
     {"marketing:a"}, id="marketing_own"),
    pytest.param(
     "Tilbud\n\nVi bruker opplysningene til å sende deg tilbud og nyheter. Dette gjør vi bare med ditt "
     "samtykke.",
     {"marketing:a"}, id="dette_med_samtykke"),
    pytest.param(
     "Nyheitsbrev\n\nViss du melder deg på nyheitsbrevet vårt, lagrar me e-postadressa di. Grunnlaget for "
     "handsaminga er samtykkjet ditt, jf. personvernforordninga art. 6 nr. 1 a.",
     {"marketing:a"}, id="nn_newsletter"),
    pytest.param(
     "Nyhetsbrev\n\nBehandlingsgrunnlaget for nyhetsbrev er samtykke. Du kan når som helst trekke samtykket "
     "tilbake.",
     {"marketing:a"}, id="basis_then_withdraw"),
    pytest.param(
     "Informasjonskapsler\n\nVi innhenter samtykke før vi setter informasjonskapsler for statistikk.",
     {"analytics:a"}, id="innhenter"),
    pytest.param(
     "Regnskap\n\nVi bruker opplysningene til fakturering og regnskap. Behandlingen er nødvendig for å "
     "oppfylle en rettslig forpliktelse som påhviler oss, jf. bokføringsloven og skatteforvaltningsloven.",
     {"billing:c", "legal_obligation:c"}, id="regnskap_c"),
    pytest.param(
     "Kundeservice\n\nNår du kontakter kundeservice, bruker vi opplysningene til å besvare henvendelsen "
     "din. Behandlingen skjer med hjemmel i personvernforordningen artikkel 6 første ledd bokstav f.",
     {"customer_support:f"}, id="personvernforordningen_words"),
    pytest.param(
     "Nødsituasjoner\n\nI en nødsituasjon kan vi dele helseopplysninger med helsepersonell for å verne dine "
     "vitale interesser.",
     set(), id="vital"),
    pytest.param(
     "Kunder\n\nVi bruker opplysningene til å administrere kundeforholdet. Kodeverket AS sitt grunnlag for "
     "denne behandlingen er avtalen med kunden.",
     {"customer_relationship:b"}, id="gen_sitt_own"),
    pytest.param(
     "Nettbutikk\n\nVi er selvstendig behandlingsansvarlig for behandlingen av bestillingen din, og "
     "behandler opplysningene basert på avtalen med deg for å levere varene.",
     {"service_delivery:b"}, id="independent_controller_self"),
    # --- several purposes, one basis
    pytest.param(
     "Kunder\n\nVi behandler kontaktinformasjonen din for å administrere kundeforholdet, sende faktura og "
     "gi deg kundeservice. Grunnlaget for behandlingen er avtalen vi har med deg.",
     {"billing:b", "customer_relationship:b", "customer_support:b"}, id="multi_purpose_one_basis_nb"),
    pytest.param(
     "Informasjonskapslar\n\nOpplysningane vert nytta til statistikk og til å forbetre nettstaden, basert "
     "på samtykkjet du gav i informasjonskapselbanneret.",
     {"analytics:a", "product_improvement:a"}, id="multi_purpose_one_basis_nn"),
    pytest.param(
     "Behandlingsgrunnlag\n\nFølgende behandlinger er basert på samtykke:\n\n- Utsending av nyhetsbrev\n- "
     "Statistikk via Google Analytics\n- Målrettet annonsering på Facebook",
     {"advertising:a", "analytics:a", "marketing:a"}, id="multi_purpose_list_lead"),
    # --- several purpose/basis pairs in one sentence: each basis pairs only with its own purposes
    pytest.param(
     "Formål\n\nVi behandler e-postadressen din til markedsføring basert på samtykke, og til kundeservice "
     "basert på avtale.",
     {"customer_support:b", "marketing:a"}, id="pairs_in_sentence_nb"),
    pytest.param(
     "Føremål\n\nMe handsamar opplysningar om kjøpet ditt for å levere varene på grunnlag av avtalen med "
     "deg, og for å sende faktura på grunnlag av rettsleg plikt etter bokføringslova.",
     {"billing:c", "legal_obligation:c", "service_delivery:b"}, id="pairs_in_sentence_nn"),
    pytest.param(
     "Kontaktopplysninger\n\nKontaktopplysningene dine brukes til å sende nyhetsbrev (samtykke, art. 6 nr. "
     "1 a) og til å svare på henvendelser (berettiget interesse, art. 6 nr. 1 f).",
     {"customer_support:f", "marketing:a"}, id="pairs_in_parentheses"),
    pytest.param(
     "Informasjonskapsler\n\nStatistikkinformasjonskapsler settes med ditt samtykke, mens nødvendige "
     "informasjonskapsler for innlogging settes basert på vår berettigede interesse.",
     {"analytics:a", "service_delivery:f"}, id="pairs_cookies_mens"),
    pytest.param(
     "Formål og grunnlag\n\nVi bruker opplysningene til å levere tjenesten, basert på avtalen med deg; til "
     "statistikk, basert på samtykke; og til å sikre tjenesten mot misbruk, basert på berettiget "
     "interesse.",
     {"analytics:a", "security:f", "service_delivery:b"}, id="pairs_semicolon"),
    pytest.param(
     "Kundeopplysninger\n\nVi bruker informasjonen til å administrere kundeforholdet, til fakturering og "
     "til å sende deg nyhetsbrev. Grunnlaget for behandlingen er avtalen med deg, og for nyhetsbrev ditt "
     "samtykke.",
     {"billing:b", "customer_relationship:b", "marketing:a"}, id="multi_then_split"),
    pytest.param(
     "Grunnlag\n\nVi behandler opplysningene på grunnlag av samtykke (nyhetsbrev), avtale (bestillinger) og "
     "rettslig forpliktelse (regnskap).",
     {"billing:c", "legal_obligation:c", "marketing:a", "service_delivery:b"}, id="basis_first_parens"),
    pytest.param(
     "Formål\n\nMed ditt samtykke sender vi nyhetsbrev, og basert på avtalen leverer vi varene du har "
     "bestilt.",
     {"marketing:a", "service_delivery:b"}, id="basis_first_clauses"),
    pytest.param(
     "Hvorfor behandler vi opplysninger om deg, og hva er grunnlaget?\n\nVi behandler opplysningene for å "
     "levere tjenesten (avtale), for å sende nyhetsbrev (samtykke) og for å forebygge misbruk (berettiget "
     "interesse).",
     {"marketing:a", "security:f", "service_delivery:b"}, id="paren_bases"),
    pytest.param(
     "Formål\n\nVi behandler opplysningene for å levere tjenesten og sende deg nyhetsbrev, basert på "
     "henholdsvis avtale og samtykke.",
     {"marketing:a", "service_delivery:b"}, id="henholdsvis"),
    pytest.param(
     "Føremål\n\nMe nyttar opplysningane til fakturering og statistikk, med heimel i høvesvis rettsleg "
     "plikt og samtykkje.",
     {"analytics:a", "billing:c", "legal_obligation:c"}, id="hovesvis_nn"),
    # --- references back (`desse opplysningane`, `formåla nemnde over`, `formål 1`, `punkt 3`)
    pytest.param(
     "Nettbutikk\n\nNår du bestiller varer i nettbutikken, samlar me inn namn, adresse og telefonnummer "
     "slik at me kan levere varene til deg. Behandlinga av desse opplysningane er basert på avtalen med "
     "deg, jf. GDPR art. 6 nr. 1 bokstav b.",
     {"service_delivery:b"}, id="ref_back_nn"),
    pytest.param(
     "Føremål\n\nMe handsamar personopplysningar for å:\n\n- administrere medlemskapet ditt\n- sende faktura "
     "for kontingent\n- invitere deg til kurs og arrangement\n\nHandsamingsgrunnlaget for føremåla nemnde "
     "over er avtalen med deg som medlem (art. 6 nr. 1 b).",
     {"billing:b", "customer_relationship:b", "events_training:b"}, id="ref_back_list_nn"),
    pytest.param(
     "Formål\n\nVi bruker opplysningene til å levere tjenestene du har bestilt og til å sende deg faktura.\n\n"
     "Vi kan også bruke opplysningene til å sende deg nyhetsbrev.\n\nFor formålene nevnt ovenfor er "
     "behandlingsgrunnlaget avtalen med deg, med unntak av nyhetsbrev, som er basert på samtykke.",
     {"billing:b", "marketing:a", "service_delivery:b"}, id="ref_back_nb_ovenfor"),
    pytest.param(
     "Jobbsøkere\n\nNår du søker jobb hos oss, lagrer vi CV og søknad i rekrutteringssystemet vårt. "
     "Grunnlaget for dette er berettiget interesse.",
     {"recruitment:f"}, id="ref_back_dette"),
    pytest.param(
     "Hvordan vi bruker opplysningene\n\n- Vi bruker e-postadressen din til å sende deg nyhetsbrev. Denne "
     "behandlingen er basert på samtykke.\n- Vi bruker IP-adressen din til å beskytte nettsiden mot "
     "angrep. Grunnlaget er berettiget interesse.",
     {"marketing:a", "security:f"}, id="ref_back_item"),
    pytest.param(
     "Formål\n\nVi behandler personopplysninger for disse formålene:\n\n1. Levere og drifte tjenesten\n2. "
     "Sende nyhetsbrev\n3. Fakturering og regnskap\n\nBehandlingen for formål 1 er basert på avtale, for "
     "formål 2 på samtykke og for formål 3 på rettslig forpliktelse.",
     {"billing:c", "marketing:a", "service_delivery:b"}, id="ref_back_numbered_items"),
    pytest.param(
     "Rettslig grunnlag\n\nFor kundeservice er grunnlaget berettiget interesse. For nyhetsbrev er "
     "grunnlaget samtykke. For fakturering er grunnlaget rettslig forpliktelse etter bokføringsloven.",
     {"billing:c", "customer_support:f", "legal_obligation:c", "marketing:a"}, id="for_x_grunnlaget"),
    pytest.param(
     "Føremål\n\nMe handsamar opplysningar for desse føremåla:\n\n1. Levere tenesta\n2. Sende faktura\n3. Sende "
     "nyheitsbrev\n\nGrunnlaget for handsaminga i punkt 1 og 2 er avtale, og for punkt 3 samtykkje.",
     {"billing:b", "marketing:a", "service_delivery:b"}, id="nn_items_ref"),
    # --- negatives: rights, definitions, other controllers, popplyl. § 8, hypotheticals, no purpose near
    pytest.param(
     "Nyhetsbrev\n\nVi sender nyhetsbrev til deg som har meldt deg på. Du kan når som helst trekke "
     "samtykket ditt til nyhetsbrevet ved å klikke på avmeldingslenken nederst i e-posten.",
     set(), id="neg_withdraw"),
    pytest.param(
     "Marknadsføring\n\nDu kan når som helst trekkje attende samtykkjet ditt til nyheitsbrev og "
     "marknadsføring.",
     set(), id="neg_withdraw_nn"),
    pytest.param(
     "Ord og uttrykk\n\nSamtykke: En frivillig, spesifikk, informert og utvetydig viljesytring fra den "
     "registrerte om at han eller hun godtar behandling av personopplysninger, for eksempel til "
     "markedsføring.",
     set(), id="neg_definition"),
    pytest.param(
     "Facebook\n\nNår du klikker på «Liker» på Facebook, er Meta selvstendig behandlingsansvarlig. Meta "
     "behandler opplysningene til egen annonsering basert på sitt eget behandlingsgrunnlag.",
     set(), id="neg_other_controller"),
    pytest.param(
     "Google\n\nGoogle bruker opplysningene til å levere og forbedre egne tjenester og til annonsering, og "
     "baserer dette på sine egne berettigede interesser.",
     set(), id="neg_other_controller_interest"),
    pytest.param(
     "Behandling\n\nVi behandler opplysningene for å sende deg nyhetsbrev, jf. personopplysningsloven § 8 "
     "bokstav a.",
     set(), id="neg_popplyl_8"),
    pytest.param(
     "Personvern\n\nVi behandler personopplysninger i samsvar med personvernforordningen. "
     "Behandlingsgrunnlaget er samtykke.",
     set(), id="neg_no_purpose"),
    pytest.param(
     "Dine rettigheter\n\nDu kan protestere mot behandling som er basert på vår berettigede interesse, for "
     "eksempel direkte markedsføring.",
     set(), id="neg_objection"),
    pytest.param(
     "Dine rettigheter\n\nNår behandlingen er basert på samtykke eller avtale, kan du be om å få utlevert "
     "opplysningene om deg i et maskinlesbart format, for eksempel opplysninger fra nyhetsbrevet.",
     set(), id="neg_condition"),
    pytest.param(
     "Rettigheter\n\nRett til dataportabilitet: Gjelder opplysninger som behandles basert på samtykke eller "
     "avtale, for eksempel bestillingshistorikken din.",
     set(), id="neg_rights_table"),
    pytest.param(
     "Informasjonskapsler\n\nDu kan endre eller trekke tilbake samtykket ditt til "
     "statistikkinformasjonskapsler når som helst via lenken nederst på siden.",
     set(), id="neg_consent_change"),
    pytest.param(
     "Nyhetsbrev\n\nVi sender nyhetsbrev til abonnentene våre.\n\nKontakt oss\n\nDersom du har spørsmål om "
     "personvern, kan du kontakte oss. Behandlingsgrunnlaget er forklart i hvert enkelt tilfelle.",
     set(), id="neg_basis_other_section"),
    pytest.param(
     "Deling\n\nVi selger aldri opplysningene dine til tredjeparter for markedsføring.",
     set(), id="neg_never_sell"),
    pytest.param(
     "Bakgrunn\n\nDatatilsynet har gitt veiledning om når samtykke er riktig behandlingsgrunnlag for "
     "markedsføring.",
     set(), id="neg_guidance"),
    pytest.param(
     "Nyhetsbrev\n\nDersom du ikke samtykker, vil vi ikke sende deg nyhetsbrev.",
     set(), id="neg_if_not"),
    pytest.param(
     "Betaling\n\nNår du betaler med Klarna, er Klarna selvstendig behandlingsansvarlig for betalingen og "
     "behandler opplysningene basert på avtalen mellom deg og Klarna.",
     set(), id="neg_klarna"),
    pytest.param(
     "Rettslig grunnlag\n\nLes mer om rettslig grunnlag for behandling i personvernforordningen artikkel 6.",
     set(), id="neg_read_more"),
    pytest.param(
     "Informasjonskapsler\n\nNødvendige informasjonskapsler krever ikke samtykke. "
     "Analyseinformasjonskapsler brukes til statistikk.",
     set(), id="neg_cookie_list"),
    pytest.param(
     "Vilkår\n\nDisse vilkårene (avtalen) gjelder for bruk av nettbutikken og levering av varer.",
     set(), id="neg_paren_definition"),
    pytest.param(
     "Ord\n\n- Databehandleravtale: avtale som regulerer hvordan leverandøren behandler personopplysninger "
     "på våre vegne.",
     set(), id="neg_dpa_definition"),
    pytest.param(
     "Statistikk\n\nDersom vi tar i bruk nye verktøy for statistikk, vil vi innhente samtykke før de tas i bruk.",
     set(), id="neg_hypothetical_new_tools"),
    pytest.param(
     "Nyhetsbrev\n\nVi sender nyhetsbrev til kundene våre. Dersom vi skal bruke opplysningene til andre formål, vil vi "
     "be om samtykke.",
     set(), id="neg_hypothetical_other_purposes"),
    # --- more layouts: parentheses after tools and cookie categories, several bases for one purpose,
    # long table cells, `Vi ber om samtykke til:` lists, sign-up consent, negated or absent bases
    pytest.param(
     "Statistikk\n\nVi bruker Google Analytics (samtykke) og Hotjar (samtykke) til statistikk.",
     {"analytics:a"}, id="tools_paren"),
    pytest.param(
     "Informasjonskapsler\n\nNødvendige (berettiget interesse): holder deg innlogget.\nStatistikk "
     "(samtykke): måler bruken av nettstedet.",
     {"analytics:a", "service_delivery:f"}, id="lines_paren_colon"),
    pytest.param(
     "2.1 Medlemsregister\n\nMe registrerer namn og kontaktinformasjon for å administrere medlemskapet. "
     "Handsaminga er naudsynt for å oppfylle medlemsavtalen.",
     {"customer_relationship:b", "service_delivery:b"}, id="nn_member"),
    pytest.param(
     "Informasjonskapsler\n\nBehandlingsgrunnlaget for bruk av informasjonskapsler til statistikk og "
     "markedsføring er samtykke, jf. ekomloven § 2-7b og GDPR art. 6 nr. 1 a.",
     {"analytics:a", "advertising:a"}, id="cookies_two_purposes"),  # marketing cookies: GUIDELINES.md
    pytest.param(
     "Sikkerhet\n\nVi har en berettiget interesse i å holde nettstedet sikkert mot angrep, men vi bruker "
     "ikke opplysningene til markedsføring.",
     {"security:f"}, id="interest_not_marketing"),
    pytest.param(
     "Leveranse\n\nSe også avtalen du har inngått med oss for mer informasjon om leveransen av tjenesten.",
     set(), id="neg_see_contract"),
    pytest.param(
     "Kunder\n\nVi bruker kontaktinformasjon for å administrere kundeforholdet.\n\nRettslig grunnlag: Avtale "
     "(GDPR art. 6 nr. 1 b) for privatkunder og berettiget interesse (GDPR art. 6 nr. 1 f) for "
     "kontaktpersoner hos bedriftskunder.",
     {"customer_relationship:b", "customer_relationship:f"}, id="two_bases_customers"),
    pytest.param(
     "Behandlinger\n\nFormål | Kategorier av personopplysninger | Rettslig grunnlag\nKundeservice, for "
     "eksempel svar på e-post og chat | Navn, e-post | Art. 6 (1) (f) – berettiget interesse i å yte god "
     "service\nNyhetsbrev | E-post | Art. 6 (1) (a) – samtykke",
     {"customer_support:f", "marketing:a"}, id="pipes_long_cells"),
    pytest.param(
     "Samtykke\n\nVi ber om samtykke til:\n\n- å sende deg nyhetsbrev\n- å bruke informasjonskapsler til "
     "statistikk",
     {"analytics:a", "marketing:a"}, id="ask_consent_lead"),
    pytest.param(
     "Informasjonskapsler\n\nNavn\nLeverandør\nFormål\nUtløper\n_ga\nGoogle\nStatistikk\n2 år",
     set(), id="neg_cookie_table"),
    pytest.param(
     "Føremål\n\nMe handsamar opplysningar om deg for å levere tenestene du har bestilt (avtale), og for å "
     "sende deg nyheitsbrev (samtykkje).",
     {"marketing:a", "service_delivery:b"}, id="paren_nn"),
    pytest.param(
     "Informasjonskapsler\n\nSamtykke innhentes ikke for nødvendige informasjonskapsler som holder deg "
     "innlogget.",
     set(), id="neg_not_obtained"),
    pytest.param(
     "Nyhetsbrev\n\nVed å melde deg på nyhetsbrevet samtykker du til at vi sender deg e-post med tilbud.",
     {"marketing:a"}, id="signup_consent"),
    pytest.param(
     "Formål\n\n1. Kundeservice – vi svarer på spørsmål du sender oss. Grunnlag: berettiget interesse.\n2. "
     "Nyhetsbrev – vi sender deg tilbud. Grunnlag: samtykke.",
     {"customer_support:f", "marketing:a"}, id="numbered_items_grunnlag"),
    # --- nynorsk and bokmål passages written after the rules were settled (9 of 10 passed at once)
    pytest.param(
     "Handsaming\n\nFøremål | Rettsleg grunnlag\nSvare på spørsmål frå brukarar | GDPR art. 6 nr. 1 bokstav "
     "f\nSende ut nyheitsbrev | GDPR art. 6 nr. 1 bokstav a",
     {"customer_support:f", "marketing:a"}, id="nn_table_pipes_citation"),
    pytest.param(
     "Påmelding til kurs\n\nNår du melder deg på eit kurs, registrerer me namn, e-post og telefonnummer "
     "slik at me kan gjennomføre kurset. Handsaminga skjer på grunnlag av avtalen med deg.",
     {"events_training:b"}, id="nn_sect_close"),
    pytest.param(
     "Jobbsøkere\n\nVi lagrer CV-en din i rekrutteringssystemet i inntil 12 måneder dersom du samtykker til "
     "det.",
     {"recruitment:a"}, id="nb_recruit_consent"),
    pytest.param(
     "Markedsføring\n\nVi sender markedsføring på e-post til eksisterende kunder. Behandlingen skjer med "
     "grunnlag i personvernforordningen artikkel 6 første ledd bokstav f.",
     {"marketing:f"}, id="nb_bokstav_words"),
    pytest.param(
     "Behandlingsgrunnlag\n\nVi behandler opplysningene med følgende behandlingsgrunnlag:\n\n- Avtale: for å "
     "gjennomføre bestillinger og levere varer.\n- Berettiget interesse: for å føre statistikk over bruken "
     "av nettbutikken.",
     {"analytics:f", "service_delivery:b"}, id="nb_list_lead_grunnlag"),
    pytest.param(
     "Dine rettigheter\n\n- Rett til å trekke tilbake samtykke til nyhetsbrev\n- Rett til å protestere mot "
     "behandling basert på berettiget interesse, for eksempel direkte markedsføring",
     set(), id="nb_neg_rights_list"),
    pytest.param(
     "Føremål og grunnlag\n\nMe sender nyheitsbrev til medlemmane på grunnlag av samtykkje. Fakturering av "
     "kontingent skjer på grunnlag av medlemsavtalen.",
     {"billing:b", "marketing:a"}, id="nn_two_sentences_pairs"),
    pytest.param(
     "Regnskap\n\nVi oppbevarer regnskapsmateriale i fem år fordi det er lovpålagt etter bokføringsloven.",
     {"legal_obligation:c"}, id="nb_lovpalagt"),
    pytest.param(
     "Definisjoner\n\nBehandlingsgrunnlag: det rettslige grunnlaget for å behandle personopplysninger, for "
     "eksempel samtykke eller avtale.",
     set(), id="nb_neg_controller_def"),
    pytest.param(
     "Logging\n\nVi logger IP-adresser for å avdekke misbruk, basert på vår berettigede interesse i å "
     "beskytte tjenesten.",
     {"security:f"}, id="nb_security_interest_own"),
    # --- a basis said in one clause of a sentence whose other clause names another purpose
    pytest.param(
     "Samarbeidspartnere\n\nVi deler kundeopplysninger med forsikringsselskapet for å gi deg felles kundeservice, "
     "og for markedsføring av deres tjenester når du har samtykket til det.",
     {"marketing:a"}, id="nb_consent_in_one_clause"),
    pytest.param(
     "Appen\n\nVi bruker Firebase til å føre statistikk over bruken av appen og rette feil, og alt dette gjør vi på "
     "grunnlag av vår berettigede interesse i å drive en stabil tjeneste.",
     {"analytics:f", "service_delivery:f"}, id="nb_basis_clause_refers_back"),
    # --- `Rettslig grunnlag:` / `Lagringstid:` lines closing the prose above them
    pytest.param(
     "2. Levere tjenestene\n\nNår du bestiller et abonnement, bruker vi opplysningene dine til å aktivere SIM-kortet og "
     "sende deg ruteren.\nRettslig grunnlag: avtalen med deg, jf. personvernforordningen art. 6 nr. 1 bokstav b.\n"
     "Lagringstid: så lenge du er kunde, og inntil 3 måneder etter at abonnementet er avsluttet.",
     {"service_delivery:b"}, id="nb_label_lines_close_prose"),
    pytest.param(
     "4. Kundeservice\n\nKontakter du oss på chat, registrerer vi henvendelsen slik at vi kan hjelpe deg. Samtaler "
     "kan tas opp og brukes til opplæring av nye medarbeidere.\nRettslig grunnlag: Håndteringen av henvendelser "
     "bygger på avtalen med deg (GDPR art. 6 nr. 1 bokstav b).",
     {"customer_support:b"}, id="nb_label_line_names_its_processing"),
    # --- a basis for the items of the list above that give none of their own
    pytest.param(
     "Hva vi bruker opplysningene til\n\nVi bruker opplysningene dine til å:\n- levere varene du har bestilt "
     "(kjøpsavtalen, art. 6 nr. 1 b)\n- sende deg nyhetsbrev med tilbud (samtykke, art. 6 nr. 1 a)\n- svare på "
     "spørsmål når du kontakter kundeservice\n- forebygge svindel og misbruk av rabattkoder\n\nDer det ikke står noe "
     "grunnlag i parentes, bygger behandlingen på vår berettigede interesse, jf. art. 6 nr. 1 bokstav f.",
     {"service_delivery:b", "marketing:a", "customer_support:f", "security:f"}, id="nb_rest_of_list"),
    # --- a list of the bases the controller may use, for no purpose in particular, pairs with none
    pytest.param(
     "Personvernerklæring\n\nHva vi bruker opplysningene til\n\nVi bruker opplysningene til å levere varene du "
     "bestiller og til å sende deg nyhetsbrev.\n\nRettslig grunnlag\n\nVi behandler personopplysninger på grunnlag "
     "av samtykke, avtale, rettslig forpliktelse eller berettiget interesse, avhengig av formålet.",
     set(), id="basis_menu_after_purposes"),
    pytest.param(
     "Personvernerklæring\n\nNyhetsbrev\n\nVi sender nyhetsbrev til dem som har meldt seg på, og grunnlaget er samtykke "
     "eller avtale, alt etter om du er kunde.",
     set(), id="basis_menu_two_bases_depending"),
    pytest.param(
     "Personvernerklæring\n\nFormål\n\nVi bruker opplysningene til å levere varene du bestiller og til å sende deg "
     "nyhetsbrev.\n\nRettslig grunnlag\n\nPersonvernforordningen gir disse grunnlagene for behandling:\n\n- Samtykke "
     "(art. 6 nr. 1 a)\n- Avtale (art. 6 nr. 1 b)\n- Rettslig forpliktelse (art. 6 nr. 1 c)\n- Berettiget interesse "
     "(art. 6 nr. 1 f)",
     set(), id="basis_menu_list"),
    pytest.param(
     "Personvernerklæring\n\nNyhetsbrev\n\nVi sender nyhetsbrev på grunnlag av samtykke eller avtale med deg som kunde.",
     {"marketing:a", "marketing:b"}, id="two_bases_no_menu"),
    # --- a purpose/basis table whose header asks `Hva vi gjør | Hvorfor | Grunnlag`
    pytest.param(
     "Personvern\n\nSlik bruker vi opplysningene\n\nHva vi gjør | Hvorfor | Grunnlag\nBetaling | Ta betalt med kort "
     "eller Vipps | Avtalen med deg",
     {"billing:b"}, id="what_we_do_header_table"),
    # --- a section named by its heading, not by the same word in running text
    pytest.param(
     "Personvernerklæring\n\nNettsiden\n\nVi bruker Matomo til å lage besøksstatistikk. Grunnlaget er vår "
     "berettigede interesse.\n\nKurs\n\nNår du melder deg på kurs via nettsiden, registrerer vi navn og e-post. "
     "Grunnlaget for denne behandlingen er avtalen med deg.",
     {"analytics:f", "events_training:b"}, id="heading_word_in_running_text"),
    pytest.param(
     "Personvernerklæring\n\nNettsiden\n\nVi bruker Matomo til å lage besøksstatistikk. Grunnlaget er vår "
     "berettigede interesse.\n\nKurs\n\nNår du melder deg på kurs, registrerer vi navn og e-post. "
     "Behandlingen som er beskrevet under «Nettsiden» og her, bygger på samtykket ditt.",
     {"analytics:f", "analytics:a", "events_training:a"}, id="heading_quoted"),
    pytest.param(
     "Føremål\n\nMe nyttar opplysningane til:\n- å sende nyheitsbrev (samtykkje)\n- å svare på førespurnader frå "
     "kundar\n\nFor dei andre føremåla er grunnlaget vår berettiga interesse.",
     {"marketing:a", "customer_support:f"}, id="nn_rest_of_list"),
    # a basis for `alt i lista over` in a later section, with an exception that has its own basis
    pytest.param(
     "Personvernerklæring\n\nKvifor?\nVi brukar opplysningane til:\n- å føre medlemsregisteret og krevje inn "
     "kontingent\n- å sende nyheitsbrev\n\nKva gir oss lov til dette?\nAlt i lista over, bortsett frå "
     "nyheitsbrevet, gjer vi fordi det er naudsynt for å oppfylle medlemsavtalen, jf. personvernforordninga "
     "artikkel 6 nr. 1 bokstav b.\n\nNyheitsbrevet får du berre dersom du har samtykt til det, jf. artikkel 6 "
     "nr. 1 bokstav a.",
     {"billing:b", "customer_relationship:b", "marketing:a"}, id="nn_list_above_with_exception"),
    # a basis labelling its list item covers the whole item, past `, og`
    pytest.param(
     "Behandlingsgrunnlag\n\nSlik fordeler formålene seg:\n- Avtale: å levere varene du har bestilt, fakturering, og svar på "
     "henvendelser fra kunder\n- Berettiget interesse: kundeundersøkelser, og å forebygge svindel og misbruk av "
     "kontoer", {"service_delivery:b", "billing:b", "customer_support:b", "surveys:f", "security:f"},
     id="label_over_item"),
    # `Grunnlag: samtykke for X, og berettiget interesse for Y`: each basis for its own object
    pytest.param(
     "Facebook-siden\n\nBilder av ferdige jobber legger vi ut på Facebook-siden for å markedsføre firmaet, og "
     "Meta gir oss statistikk over hvor mange som ser innleggene.\n\nGrunnlag: samtykke for bildene, og berettiget interesse for "
     "statistikken.", {"analytics:f", "marketing:a"}, id="basis_with_own_object"),
    pytest.param(
     "Facebook-siden\n\nBilder av ferdige jobber legger vi ut på Facebook-siden for å markedsføre firmaet, og "
     "Meta gir oss statistikk over hvor mange som ser innleggene.\n\nGrunnlag: samtykke for bildene og berettiget "
     "interesse for statistikken.", {"analytics:f", "marketing:a"}, id="basis_with_own_object_no_comma"),
    # `;` and `medan` end a clause whatever stands between the bases; a label only the model placed belongs
    # to the clause that names no purpose
    pytest.param(
     "Kontingent og rekneskap\n\nKontingenten krev vi inn med Vipps. For kontingenten er grunnlaget "
     "medlemsavtalen, medan bilaga blir tekne vare på i fem år fordi bokføringslova gjer det til ei rettsleg "
     "plikt for oss.", {"billing:b", "legal_obligation:c"}, id="nn_medan_between_bases"),
    pytest.param(
     "Reklamasjon\n\nVi bruker opplysningene til å behandle reklamasjonen, og grunnlaget er avtalen med deg; "
     "selve saken tar vi vare på i tre år, fordi vi har en berettiget interesse i å kunne dokumentere hva som "
     "ble avtalt dersom det senere blir uenighet.", {"customer_support:b", "legal_obligation:f"},
     id="semicolon_between_bases"),
    # `for kunder ...; for brukere ...` names people, not purposes: both clauses take the context
    pytest.param(
     "Innlogging\n\nVi bruker opplysningene til å gi deg tilgang til tjenesten. Grunnlaget er avtalen for "
     "kunder som er enkeltpersonforetak; for brukere hos bedriftskunder er grunnlaget berettiget interesse.",
     {"service_delivery:b", "service_delivery:f"}, id="for_people_is_no_carve_out"),
    # a legitimate interest stated with its object beside another basis: f goes with that object alone
    pytest.param(
     "Kundeportal\n\nKundene har tilgang til en portal der de ser rapporter og åpne saker, og der de kan stille "
     "spørsmål til supporten.\nGrunnlag: art. 6 nr. 1 bokstav b og f (avtalen med kunden og vår berettigede "
     "interesse i å holde portalen sikker).", {"customer_support:b", "security:f"}, id="interest_object_beside_contract"),
    pytest.param(
     "Bilparken\n\nVi bruker posisjonen til bilene for å levere tenesta. Grunnlaget er avtalen og vår "
     "berettiga interesse i å verne bilparken vår.", {"service_delivery:b", "security:f"}, id="interest_object_nn"),
    # alternatives (`eller`) stand for the same purposes
    pytest.param(
     "Henvendelser\n\nVi bruker opplysningene til å svare på henvendelsen din. Grunnlaget er avtalen med deg, "
     "eller vår berettigede interesse i å hjelpe dem som ennå ikke er kunder.",
     {"customer_support:b", "customer_support:f"}, id="interest_as_alternative"),
    # a basis that opens the sentence covers a following clause that goes on with its objects only; one with
    # a subject of its own is a new statement
    pytest.param(
     "Informasjonskapsler\n\nMed samtykke bruker vi Google Analytics til statistikk over besøkene, og Meta-pikselen "
     "til å måle effekten av annonsene våre.", {"analytics:a", "advertising:a"}, id="fronted_basis_covers_objects"),
    # a cleft names the basis
    pytest.param(
     "Nyhetsbrev\n\nNyhetsbrevet får du bare hvis du har meldt deg på, og det er samtykket ditt vi bygger på.",
     {"marketing:a"}, id="cleft_basis"),
    # the object of a basis between its wording and its citation ends its clause
    pytest.param(
     "Statistikk og feil\n\nVi samler bruksstatistikk og krasjrapporter fra appen.\nBehandlingsgrunnlag: samtykke for "
     "bruksstatistikken (art. 6 nr. 1 bokstav a) og berettiget interesse i en stabil app for krasjrapportene "
     "(art. 6 nr. 1 bokstav f).", {"analytics:a", "service_delivery:f"}, id="object_before_citation"),
    pytest.param(
     "Statistikk\n\nVi måler besøkene på nettsiden.\nGrunnlaget er samtykke (art. 6 nr. 1 bokstav a) og "
     "berettiget interesse (art. 6 nr. 1 bokstav f).", {"analytics:a", "analytics:f"}, id="bases_together_with_citations"),
    # a referenced item's table rows keep their own bases; its purposes without one take the reference's
    pytest.param(
     "1. Formål\n\n| Formål | Grunnlag |\n|---|---|\n| Sende nyhetsbrev | Samtykke |\n"
     "| Føre regnskap | Rettslig forpliktelse |\n\n2. Frakt\n\nVi sender pakken med Posten. Grunnlaget for dette er "
     "avtalen med deg, på samme måte som for selve bestillingen (se punkt 1).",
     {"marketing:a", "billing:c", "legal_obligation:c", "service_delivery:b"}, id="item_reference_rows_keep_bases"),
    pytest.param(
     "1. Kundekonto\n\nVi bruker opplysningene til å administrere kundekontoen din.\n\n2. Grunnlag\n\n"
     "For behandlingen i punkt 1 er grunnlaget avtalen med deg.", {"customer_relationship:b"}, id="item_reference_without_rows"),
    # a basis that labels its line is said for the rest of the line, and not for the line of the basis before it
    pytest.param(
     "Kameraovervaking\n\nVi har kamera i garasjen for å førebyggje innbrot.\n\nRettsleg grunnlag\n\n"
     "Dette er grunnlaga vi bruker:\nAvtale (art. 6 nr. 1 bokstav b). Som andelseigar har du ein avtale med oss. "
     "Dette grunnlaget bruker vi når vi krev inn felleskostnader.\nBerettiga interesse (art. 6 nr. 1 bokstav f). "
     "Det gjeld kameraovervakinga i garasjen.\nSamtykke (art. 6 nr. 1 bokstav a). Nokre få ting gjer vi berre når "
     "du har samtykt.", {"billing:b", "security:f"}, id="basis_labels_its_line"),
    # a grounds frame at the start of a paragraph still refers back to the paragraph before it
    pytest.param(
     "Statistikk\n\nVi bruker opplysninger om skader til å lage statistikk og utvikle nye produkter.\n\n"
     "Behandlingsgrunnlag: Berettiget interesse. Vi har en interesse i å utvikle produkter som kundene trenger.",
     {"analytics:f", "product_improvement:f"}, id="grounds_frame_refers_back"),
]


@pytest.mark.parametrize("text,heading,expected", [
    ("kategoriene Preferanser, Statistikk og Markedsføring", "Statistikk", True),
    ("For «Abonnement og levering» er grunnlaget avtalen", "Abonnement og levering", True),
    ("- Kundeklubben: samtykke", "Kundeklubben", True),
    ("Google Analytics, Vimeo og YouTube blir berre lasta", "Google Analytics", True),
    ("Google Analytics, Vimeo og YouTube blir berre lasta", "Vimeo", True),
    ("Du kan abonnere på nyhetsbrev fra kommunen", "nyhetsbrev", False),
    ("Vi svarer raskt. Nyhetsbrev sender vi sjelden", "Nyhetsbrev", False),
    ("Nyhetsbrev sender vi sjelden", "Nyhetsbrev", False),
])
def test_heading_written_as_name(text, heading, expected):
    at = text.index(heading)
    assert purpose_bases.written_as_name(text, at, at + len(heading)) is expected


@pytest.mark.parametrize("text,expected", PASSAGES)
def test_passages_end_to_end(text, expected):
    record = parse_text(text)
    pairs = {f"{p['purpose']}:{p['basis']}" for p in record["purpose_bases"]}
    assert pairs == expected, [(f"{p['purpose']}:{p['basis']}", p["sentence"]) for p in record["purpose_bases"]]
    for pair in pairs:  # every pair has a finding, and its basis is a basis of the document
        assert pair.split(":")[1] in record["legal_bases"]
        assert any(f["field"] == "purpose_bases" and f["value"] == pair for f in record["findings"])


def test_a_basis_naming_its_items_takes_no_model_guess_of_its_own():
    text = ("Formål\n\n1. Levere tjenesten du har bestilt.\n2. Sende nyhetsbrev.\n\n"
            "Det rettslige grunnlaget for formål 2 er samtykke.")
    doc = make_doc(text)
    basis = next(s for s in doc.sentences() if s.text.startswith("Det rettslige"))
    labelled = [("Levere", "service_delivery", "rule:x"), ("nyhetsbrev", "marketing", "rule:y"),
                ("Det rettslige", "service_delivery", "model:purposes")]
    index = purpose_bases.PurposeIndex([{"start": s.start_char, "end": s.end_char, "purposes": [label], "method": method}
                                        for word, label, method in labelled
                                        for s in doc.sentences() if word in s.text])
    assert index.guessed_within(basis.start_char, basis.end_char) == {"service_delivery"}
    entry = next(e for e in legal.extract(doc, {}).fields["sentence_bases"] if e["start"] == basis.start_char)
    assert {(p, b) for p, b, _ in purpose_bases.pair_sentence(doc, entry, index)} == {("marketing", "a")}
