"""Data-subject rights (`extract/rights.py`)."""
from __future__ import annotations

import pytest

from policyparse.extract import rights

from conftest import make_doc


def rights_of(text: str) -> list[str]:
    doc = make_doc(text)
    result = rights.extract(doc, {})
    for finding in result.findings:
        assert finding.field == "rights" and finding.method and 0 < finding.confidence <= 1
        assert finding.value in result.fields["rights"]
    return result.fields["rights"]


CASES = [
    ("Personvern\n\nDu har rett til innsyn i dine personopplysninger.", ["access"]),
    ("Personvern\n\nDu kan be om en kopi av opplysningene vi har lagret om deg.", ["access"]),
    ("Personvern\n\nDu har rett til å be om at Diri korrigerer feil i dine personopplysninger.", ["rectification"]),
    ("Personvern\n\nHvis du oppdager feil i opplysningene vi har om deg, kan du be oss rette opp i dette.",
     ["rectification"]),
    ("Personvern\n\nDu kan be om rettelse av en personopplysning som du anser som feilaktig.", ["rectification"]),
    ("Personvern\n\nDu kan når som helst be om sletting av din konto.", ["erasure"]),
    ("Personvern\n\nDu har rett til å bli glemt.", ["erasure"]),
    ("Personvern\n\nDu har også rett til å få behandlingen begrenset i visse tilfeller iht. GDPR art 18.",
     ["restriction"]),
    ("Personvern\n\nDu kan protestere mot behandling basert på berettiget interesse.", ["objection"]),
    ("Personvern\n\nDu kan når som helst melde deg av nyhetsbrevet via lenken i e-posten.", ["objection"]),
    ("Personvern\n\nAvregistrering gjøres ved å sende e-post til oss.", ["objection"]),
    ("Personvern\n\nDu kan også ha rett til å ta med deg dine personopplysninger fra en virksomhet til en annen "
     "(dataportabilitet).", ["portability"]),
    ("Personvern\n\nDu kan når som helst trekke tilbake samtykket ditt.", ["withdraw_consent"]),
    ("Personvern\n\nSamtykke til behandling av personopplysninger kan når som helst trekkes tilbake.",
     ["withdraw_consent"]),
    ("Samtykke\n\nValget lagres i nettleseren din og du kan endre det når som helst ved å slette lagret "
     "nettstedsdata i nettleserinnstillingene.", ["withdraw_consent"]),
    # withdrawing consent, the consent named first (bokmål and nynorsk), `kalle tilbake`
    ("Rettane dine\n\nSamtykket til statistikk på nettstaden kan du når som helst endre eller trekkje tilbake via "
     "lenkja nedst på sida.", ["withdraw_consent"]),
    ("Personvern\n\nHar du gitt samtykke, kan du trekke det tilbake når som helst.", ["withdraw_consent"]),
    ("Personvern\n\nSamtykke kan du trekkje tilbake når som helst.", ["withdraw_consent"]),
    ("Personvern\n\nSamtykket til Google Analytics kan du trekkje tilbake via ikonet nede til venstre.",
     ["withdraw_consent"]),
    ("Personvern\n\nDu kan når som helst kalle tilbake samtykket ditt.", ["withdraw_consent"]),
    ("Personvern\n\nDu kan kalla attende samtykket ved å kontakte oss.", ["withdraw_consent"]),
    ("Personvern\n\nSamtykket gjeld til du trekkjer det tilbake.", ["withdraw_consent"]),
    ("Personvern\n\nVi ber om samtykke før vi trekker tilbake tilbudet.", []),
    ("Personvern\n\nSamtykke er grunnlaget for behandlingen. Vi kan trekke tilbake tilgangen din.", []),
    # a right the text says does not apply is not told to the reader
    ("Rettane dine\n\nRetten til dataportabilitet gjeld ikkje for handsaming som skjer for å utøve offentleg "
     "mynde.", []),
    ("Dine rettigheter\n\nRetten til dataportabilitet (art. 20) gjelder ikke for denne behandlingen.", []),
    ("Dine rettigheter\n\nDu har ikke rett til dataportabilitet når behandlingen bygger på en rettslig "
     "forpliktelse.", []),
    ("Dine rettigheter\n\nDu har rett til dataportabilitet. Retten gjelder ikke for papirarkiv.", ["portability"]),
    # portability in plain words: the data in a file to take to another shop
    ("Dine rettigheter\n\nDu kan også få opplysningene dine i en fil du kan ta med deg til en annen butikk.",
     ["portability"]),
    ("Dine rettigheter\n\nDu kan få en fil med kvitteringen på e-post.", []),
    ("Dine rettigheter\n\nDu kan be om at opplysninger slettes. Retten til sletting gjelder ikke opplysninger vi "
     "er pålagt å oppbevare.", ["erasure"]),
    ("Klage\n\nHvis du mener at vi behandler opplysninger i strid med loven, kan du klage til Datatilsynet.",
     ["complaint"]),
    ("Klage\n\nDu har rett til å klage til en tilsynsmyndighet, her Datatilsynet.", ["complaint"]),
    # a list under a rights lead-in
    ("Dine rettigheter\n\nI henhold til personvernlovgivningen har du rett til å:\n\n"
     "- Be om innsyn i hvilke personopplysninger vi har om deg\n- Be om retting eller sletting av dine "
     "personopplysninger\n- Protestere mot visse former for behandling\n- Be om begrensninger i behandlingen",
     ["access", "rectification", "erasure", "restriction", "objection"]),
    # nynorsk
    ("Personvernrettar etter GDPR\n\nKvar brukar har rett til:\n\n- Rett til innsyn — Du kan be om kopiar av "
     "personopplysningane dine.\n- Rett til retting — Du kan be om at me rettar opplysningar du meiner er "
     "unøyaktige.\n- Rett til å avgrense handsaming — Du kan be om at me avgrensar handsaminga.\n- Rett til "
     "dataportabilitet — Du kan be om at me overfører data til ein annan organisasjon.",
     ["access", "rectification", "restriction", "portability"]),
    # articles cited in a rights list
    ("Dine rettigheter\n\nDu har blant annet:\n\n- Rett til utlevering av dine personopplysninger (GDPR artikkel 20)\n"
     "- Rett til å fremme en innsigelse (GDPR artikkel 21)", ["objection", "portability"]),
    # no rights: storage periods, headings, consumer terms, local storage, an empty rights list
    ("Sletting og lagring av persondata\n\nSeinast 12 månadar etter arrangementet vert all persondata sletta.", []),
    ("Lagring\n\nE-post vil automatisk slettes etter tre måneder. Vi begrenser tilgangen til opplysningene.", []),
    ("Angrerett\n\nDu har rett til å angra etter kjøp av billett.", []),
    ("Klager\n\nKlager rettast til selgjar innan rimeleg tid.", []),
    ("Lokal lagring\n\nDu kan slette disse dataene ved å tømme nettleserens lagring.", []),
    ("Dine rettigheter\n\nSiden vi ikke samler inn personopplysninger, gjelder ikke de vanlige rettighetene. Men du "
     "har alltid rett til:\n\n- Informasjon om hvordan nettsiden fungerer\n- Be om endringer i innhold eller "
     "funksjonalitet", []),
    ("Tilsyn\n\nDatatilsynet fører tilsyn med at loven overholdes.", []),
    # round 15: `rette eller slette`; consent withdrawn as `trekke det når som helst`; `retter oss etter`
    ("Dine rettigheter\n\nDu kan be om innsyn i opplysningene vi har om deg, og be oss rette eller slette dem.",
     ["access", "rectification", "erasure"]),
    ("Varsling\n\nRegistreringen bygger på samtykket ditt, og du kan trekke det når som helst under «Mine varsler».",
     ["withdraw_consent"]),
    # `retter oss etter` is no rectification; deleting what is not needed is the controller's practice
    ("Dine rettigheter\n\nVi retter oss etter personopplysningsloven og sletter data vi ikke trenger.", []),
    # round 17: asking what is stored (`spørre meg om hva jeg har lagret`), `be meg rette`, changing one's mind
    # about something one said yes to; a cookie choice changed (`ombestemme deg` after `sagt ja,`) is no right
    ("Du kan spørre meg om hva jeg har lagret om deg, og be meg rette det som er feil eller slette det.",
     ["access", "rectification", "erasure"]),
    ("De kan når som helst be om å få sjå kva vi har registrert om dykk og barnet.", ["access"]),
    ("Har du sagt ja til et bilde på Facebook, kan du ombestemme deg når du vil.", ["withdraw_consent"]),
    ("Informasjonskapsler\n\nIngenting lastes inn før du har sagt ja, og du kan ombestemme deg etterpå.", []),
    # a fronted choice or consent withdrawn, a choice changed `når du vil`, `et ja` taken back
    ("Valget kan du endre når som helst under «Cookie-innstillinger» i footeren.", ["withdraw_consent"]),
    ("Du kan endre valet ditt når du vil under «Innstillingar for informasjonskapslar» nedst på sida.",
     ["withdraw_consent"]),
    ("Samtykket til Meta trekker du tilbake under Cookie-innstillinger.", ["withdraw_consent"]),
    ("Et ja til bilder kan trekkes tilbake når som helst, så fjerner vi bildene.", ["withdraw_consent"]),
    ("Du kan endre adressen din når du vil.", []),
    ("Trekker du deg fra arrangementet, sletter vi påmeldingen.", []),
    # a question heading over the rights; data handed over in a format the reader can take along
    ("Hva kan jeg kreve?\n\nInnsyn, retting og sletting, og å få opplysningene utlevert i et vanlig filformat.",
     ["access", "rectification", "erasure", "portability"]),
    ("Dine rettigheter\n\nDu kan be om å få slettet opplysninger eller få dem utlevert i et format du kan ta med deg.",
     ["erasure", "portability"]),
    ("Dine rettigheter\n\nDu kan få kvitteringen utlevert i et format du kan skrive ut.", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_rights(text, expected):
    assert sorted(rights_of(text)) == sorted(expected)


def test_order_follows_taxonomy():
    found = rights_of("Dine rettigheter\n\nDu kan klage til Datatilsynet. Du har rett til innsyn.")
    assert found == ["access", "complaint"]


# Portability said as receiving the data in a common file format; a copy in such a format is access.
PORTABILITY = [
    ("Rettighetene dine\n\nDu kan be om\n\n- innsyn i hvilke opplysninger vi har om deg,\n"
     "- å få dem utlevert i et vanlig filformat, og\n- å protestere mot at vi behandler dem.",
     ["access", "portability", "objection"]),
    ("Dine rettar\n\nDu kan be om å få opplysningane utleverte i eit vanleg filformat.", ["portability"]),
    ("Dine rettigheter\n\nDu har rett til å få dine personopplysninger utlevert i et strukturert, alminnelig "
     "anvendt format.", ["portability"]),
    ("Dine rettigheter\n\nDu kan be om å få eksportert dataene dine i et standardformat.", ["portability"]),
    ("Dine rettigheter\n\nDu kan be om å få opplysningene tilsendt i et vanlig brukt format som PDF.",
     ["portability"]),
    ("Rettane dine\n\nDu kan krevje å få dataa dine overførte i eit ope, mykje brukt format.", ["portability"]),
    ("Dine rettigheter\n\nDu kan be om at vi tar dem med over til en annen leverandør.", ["portability"]),
    # negatives: a copy (access), a file format outside a rights statement
    ("Dine rettigheter\n\nDu har rett til å få en kopi av opplysningene i et alminnelig brukt elektronisk format.",
     ["access"]),
    ("Informasjonskapsler\n\nBildene lagres i et vanlig filformat.", []),
    ("Om tjenesten\n\nDu kan laste ned rapporten i et vanlig filformat.", []),
]


@pytest.mark.parametrize("text,expected", PORTABILITY)
def test_portability_format(text, expected):
    assert sorted(rights_of(text)) == sorted(expected)


# Opting out of ads, remarketing, marketing or newsletters is objection (art. 21(2)), also when only the
# paragraph or a heading above names the topic and the sentence points back to it.
OPT_OUT = [
    ("Google Adwords\n\nVi bruker Google Adwords pixel på våre nettsider for å kunne drive målrettet annonsering "
     "på "
     "Googles søkemotor. Hvis du ikke ønsker at bruk av Googles informasjonskapsler kan du velge bort dette i "
     "Googles innstillinger.", ["objection"]),
    ("Facebook\n\nVi bruker Meta-pikselen til remarketing. Ønskjer du ikkje dette, kan du slå det av i "
     "Facebook-innstillingane dine.", ["objection"]),
    ("Om nettstaden\n\nVi viser tilpassede annonser. Du kan reservere deg i annonseinnstillingene hos Google.",
     ["objection"]),
    ("Du kan når som helst velge bort personaliserte annonser i Googles annonseinnstillinger.", ["objection"]),
    ("Annonsering\n\nVi samarbeider med Google.\n\nVil du ikke dette, kan du skru det av under Mine annonser.",
     ["objection"]),
    ("Nyhetsbrev\n\nVi sender nyhetsbrev. Du kan si nei til dette når du registrerer deg.", ["objection"]),
    ("Marknadsføring\n\nMe nyttar e-postadressa di til tilbod. Du kan velje dette bort i profilen din.",
     ["objection"]),
    # negatives: analytics opt-out, blocking cookies in one's own browser, an unrelated choice
    ("Google Analytics\n\nVi bruker Google Analytics til statistikk. Du kan velge bort dette ved å installere et "
     "tillegg.", []),
    ("Informasjonskapsler\n\nVi bruker informasjonskapsler til markedsføring. Du kan skru av informasjonskapsler i "
     "nettleseren din.", []),
    ("Kontakt\n\nVi sender ikke reklame. Du kan velge bort felt i skjemaet.", []),
    ("Annonsering\n\nVi annonserer i lokalavisa. Du kan velge mellom to abonnement.", []),
]


@pytest.mark.parametrize("text,expected", OPT_OUT)
def test_opt_out_of_marketing(text, expected):
    assert sorted(rights_of(text)) == sorted(expected)


@pytest.mark.parametrize("text,expected", [
    # a negation after an article citation (`art. 20` has a period that ends no sentence)
    ("Dine rettar\n\nRetten til dataportabilitet etter art. 20 gjeld ikkje journalen.", []),
    ("Dine rettigheter\n\nRetten til dataportabilitet etter art. 20 gjelder ikke for journalen.", []),
    ("Dine rettigheter\n\nDu har rett til dataportabilitet etter art. 20. Dette gjelder ikke journalen.",
     ["portability"]),
])
def test_round3_negation_after_article(text, expected):
    assert sorted(rights_of(text)) == sorted(expected)


@pytest.mark.parametrize("text,expected", [
    # a wish put to the controller, and a pause while the data are checked
    ("Ta kontakt om du vil at vi skal fjerne opplysningene dine.", ["erasure"]),
    ("Du kan be oss stoppe behandlingen mens vi undersøker om opplysningene er riktige.", ["restriction"]),
    ("Du kan be oss stanse handsaminga medan vi sjekkar opplysningane.", ["restriction"]),
    # the controller's own practice outside a rights section is no right
    ("Vi stopper behandlingen når avtalen er slutt, og sletter opplysningene etter tre år.", []),
])
def test_rights_in_plain_words(text, expected):
    assert rights_of("Slik behandler vi opplysningene\n\n" + text) == expected


@pytest.mark.parametrize("text,expected", [
    # under a rights heading, the controller's own practice that does not address the reader is no right
    ("Vi sletter opplysningene etter tre år.", []),
    ("Vi retter opp feil i fakturaer før de sendes.", []),
    ("Me slettar opplysningane når avtalen er slutt.", []),
    ("Vi kan ikke slette opplysninger som vi er lovpålagt å oppbevare.", []),
    # ... while a sentence that speaks to the reader, or names the right, still counts
    ("Vi sletter opplysningene dine når du ber om det.", ["erasure"]),
    ("Vi retter opplysninger om deg som er feil.", ["rectification"]),
    ("Sletting av opplysningene dine.", ["erasure"]),
    ("Vi gir deg innsyn i opplysningene.", ["access"]),
    ("Vi retter feil dersom den registrerte ber om det.", ["rectification"]),
])
def test_controller_practice_under_a_rights_heading(text, expected):
    assert rights_of("Dine rettigheter\n\n" + text) == expected
