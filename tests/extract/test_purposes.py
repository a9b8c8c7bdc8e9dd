"""Cue rules for purposes (`resources/purpose_cues.json`): (sentence, expected labels), bokmål and nynorsk,
including negatives (negation, opt-out and rights statements, protective measures, bare law names)."""
from __future__ import annotations

import pytest

from policyparse.extract.purposes import cue_labels, cue_rules
from policyparse.taxonomy import PURPOSES

CASES = [
    # service_delivery
    ("Vi behandler personopplysninger for å kunne levere tjenesten til deg.", {"service_delivery"}),
    ("Me treng e-postadressa di for å opprette brukarkontoen din og logge deg inn.", {"service_delivery"}),
    ("Når du bestiller varer, bruker vi adressen din til levering av bestillingen.", {"service_delivery"}),
    ("Nettsiden driftes av Vercel, som er vår hostingleverandør.", {"service_delivery"}),
    ("Disse informasjonskapslene er nødvendige for at nettsiden skal fungere.", {"service_delivery"}),
    ("Vi varsler deg om driftsforstyrrelser i tjenesten.", {"service_delivery"}),
    # customer_support
    ("Vi bruker opplysningene for å svare på henvendelser og spørsmål fra deg.", {"customer_support"}),
    ("Me nyttar opplysningane til å handsame førespurnader til kundeservice.", {"customer_support"}),
    ("Kontakt oss på support@firma.no dersom du har spørsmål om personvern.", set()),
    ("Vi besvarer henvendelsen din innen 30 dager.", set()),
    # customer_relationship
    ("Vi behandler opplysninger om kontaktpersoner for å administrere kundeforholdet.", {"customer_relationship"}),
    ("E-postadressa vert samla inn for å kunne kontakta deg om det er naudsynt.", {"customer_relationship"}),
    ("Namnet vert brukt for å sjekke om du er medlem i laget.", {"customer_relationship"}),
    # billing
    ("Adressen brukes til fakturering og for å motta betaling.", {"billing"}),
    ("Stripe er ei betalingsteneste me nyttar for å ta imot betaling.", {"billing"}),
    ("Regnskapsdata beholdes i fem år i henhold til bokføringsloven.", {"legal_obligation"}),
    # marketing
    ("Vi sender deg nyhetsbrev og tilbud om våre produkter.", {"marketing"}),
    ("Me nyttar e-postadressa til marknadsføring av tenestene våre.", {"marketing"}),
    ("Du kan når som helst melde deg av nyhetsbrevet.", set()),
    ("Vi bruker ikke opplysningene dine til markedsføring.", set()),
    ("Markedsføringsloven gjelder for all elektronisk kommunikasjon.", set()),
    # advertising
    ("Vi bruker Meta-piksel og Google Ads for å vise deg målrettet reklame på andre nettsteder.", {"advertising"}),
    ("Vi bruker ingen annonsecookies eller remarketing.", set()),
    # analytics
    ("Vi bruker Google Analytics til å lage besøksstatistikk.", {"analytics"}),
    ("Me nyttar Matomo for å forstå korleis du brukar nettstaden.", {"analytics"}),
    ("Vi bruker ingen analyseverktøy på denne nettsiden.", set()),
    ("- Google Analytics", set()),
    # product_improvement / personalization
    ("Opplysningene brukes for å forbedre og videreutvikle tjenestene våre.", {"product_improvement"}),
    ("Informasjonskapselen husker språkvalet ditt.", {"personalization"}),
    ("Vi tilpasser innholdet på nettsiden etter hva du har sett på tidligere.", {"personalization"}),
    ("Vi bruker opplysningene til å tilpasse kommunikasjonen og tilbudene vi sender deg.", {"marketing"}),
    # security
    ("Vi logger innloggingsforsøk for å forhindre misbruk og svindel.", {"service_delivery", "security"}),
    ("IP-adresser lagres i sikkerhetslogger for å oppdage angrep.", {"security"}),
    ("Vi har tekniske og organisatoriske tiltak, som kryptering og tilgangskontroll, for å beskytte personopplysningene dine.", set()),
    # legal_obligation
    ("Vi utleverer opplysninger til myndighetene når vi er lovpålagt å gjøre det.", {"legal_obligation"}),
    ("Opplysningane vert lagra så lenge me er pålagde etter lova, til dømes bokføringslova.", {"legal_obligation"}),
    ("Vi kan behandle opplysninger for å fastsette, gjøre gjeldende eller forsvare rettslige krav.", {"legal_obligation"}),
    ("Du har rett til å klage til Datatilsynet.", set()),
    # recruitment / surveys / events / business transfer
    ("Når du søker jobb hos oss, behandler vi CV og søknad i rekrutteringsprosessen.", {"recruitment"}),
    ("Vi sender deg av og til en kundeundersøkelse for å få tilbakemelding.", {"surveys"}),
    ("Deltakelse i kundeundersøkelsene er frivillig.", set()),
    ("Når du melder deg på eit arrangement eller kurs, nyttar me namnet ditt på deltakarlista.", {"events_training"}),
    ("Ved en fusjon eller et oppkjøp kan opplysninger overføres til den nye eieren.", {"business_transfer"}),
    # probes written for generality (not from the annotated corpus)
    ("Vi behandler personopplysningene dine for å oppfylle kjøpsavtalen og sende deg varene du har bestilt.", {"service_delivery"}),
    ("Vi bruker personopplysninger for å håndtere reklamasjoner og klager på produktene.", {"customer_support"}),
    ("Opplysningar kan bli utleverte til styresmaktene når lova krev det.", {"legal_obligation"}),
    ("Me handsamar søknaden din når du søkjer på ei stilling hjå oss.", {"recruitment"}),
    ("Google Analytics er et analyseverktøy levert av Google.", set()),
    ("Hotjar er eit verktøy me nyttar for å analysere bruken av nettstaden.", {"analytics"}),
    ("Vi analyserer ikke dine personopplysninger.", set()),
    ("Du kan trekke tilbake samtykket til nyhetsbrev når som helst.", set()),
    ("Vi er pålagt å oppbevare regnskapsmateriale i fem år etter bokføringsloven.", {"legal_obligation"}),
    ("Ikke nødvendig (statistikk)", {"analytics"}),
    # nothing
    ("Personopplysninger er alle opplysninger som kan knyttes til deg som person.", set()),
    ("Du har rett til innsyn, retting og sletting.", set()),
]


@pytest.mark.parametrize("sentence, expected", CASES)
def test_cue_labels(sentence, expected):
    assert set(cue_labels(sentence)) == expected


def test_rules_load_with_known_labels_and_unique_ids():
    rules = cue_rules()
    assert rules
    assert {label for _, label, _, _ in rules} == set(PURPOSES)
    ids = [rule_id for rule_id, _, _, _ in rules]
    assert len(ids) == len(set(ids))


def test_cue_labels_names_the_rule_that_fired():
    found = cue_labels("Vi bruker Google Analytics til å lage besøksstatistikk.")
    assert found["analytics"].startswith("analytics.")
