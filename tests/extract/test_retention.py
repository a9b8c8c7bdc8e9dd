"""Retention periods (days), their context, cookie-table lifetimes, and `retention_unspecified`."""
from __future__ import annotations

import pytest

from policyparse.durations import find_durations, lifetime_days, round_days
from policyparse.extract import cookies, retention

from conftest import make_doc


def run(text: str) -> dict:
    doc = make_doc(text)
    fields: dict = {}
    fields.update(cookies.extract(doc, fields).fields)
    fields.update(retention.extract(doc, fields).fields)
    return fields


def days_of(text: str) -> list:
    return [r["days"] for r in run(text)["retention"]]


PHRASES = [
    # bokmål
    ("Dette kan innebære en lagringstid på inntil 5 år.", [1825]),
    ("Vi lagrer opplysningene i inntil 5 år.", [1825]),
    ("Ved oppsigelse av abonnement beholdes data i 30 dager, deretter slettes de automatisk.", [30]),
    ("Regnskapsmessige data (fakturaer) beholdes i 5 år i henhold til bokføringsloven.", [1825]),
    ("Personopplysningene dine slettes hvis du ikke har logget inn på plattformen på tre år.", [1095]),
    ("Anonymisert analysedata oppbevares i maksimalt 14 måneder fra innsamlingstidspunktet.", [420]),
    ("Vi sletter opplysningene senest etter 60 dager etter at arrangementet er gjennomført.", [60]),
    ("E-post kan lagres opptil tre år. E-post vil automatisk slettes etter tre måneder.", [1095, 90]),
    ("Tekstinformasjon slettes automatisk etter 21 dager, mens kontaktinformasjon slettes etter fem måneder.", [21, 150]),
    ("Eksempelvis lagres betalingsinformasjon i fem år etter utløpet av siste regnskapsår.", [1825]),
    ("Vi lagrer vanligvis journaler i 10 år.", [3650]),
    ("Informasjonen lagres i et halvt år.", [182.5]),
    ("Vi oppbevarer kundedata i 3–5 år avhengig av avtalen.", [1095, 1825]),
    ("Søknader slettes mellom 2 og 6 måneder etter endt rekruttering.", [60, 180]),
    ("E-postene oppbevares i to til seks måneder.", [60, 180]),
    ("Opptak fra kameraovervåking slettes etter 7 dager.", [7]),
    ("Sikkerhetskopier lagres i 90 døgn.", [90]),
    ("Kundeservicehenvendelser beholdes i 24 mnd.", [720]),
    ("Loggene lagres i 12 timer.", [0.5]),
    ("Lagringstid: 12 måneder", [360]),
    ("Vi lagrer ikke personopplysninger lenger enn 18 måneder.", [540]),
    ("Fakturaer oppbevares i 5 år, mens kontaktinformasjon slettes etter 2 år.", [1825, 730]),
    ("Hvis du har krysset av for å bli husket, settes det informasjonskapsler. Denne er permanent i 30 dager fra du var inne sist.", [30]),
    ("Informasjonskapselen utløper etter 24 timer.", [1]),
    ("Lagringstid for regnskapsmateriale er 5 års lagringstid etter bokføringsloven.", [1825]),
    ("Hvor lenge lagrer vi opplysningene?\n\n- Kundeopplysninger: 3 år etter siste kjøp\n- Søknader: 6 måneder", [1095, 180]),
    ("Personopplysninger knyttet til brukeren ligger i karantene i 30 dager etter deaktivering før brukeren slettes.", [30]),
    ("Loggdata oppbevares i tre (3) måneder.", [90]),
    ("Data oppbevares i 14 måneder før de slettes automatisk.", [420]),
    ("Informasjonskapsel | Varighet\n_ga | 1 år 1 måned 4 dager", [399]),
    ("Vi tar vare på søknaden din i seks måneder etter at stillingen er besatt.", [180]),
    ("Kvitteringer tar jeg vare på i fem år etter utgangen av regnskapsåret.", [1825]),
    ("Rekneskapsbilag tek vi vare på i fem år, fordi bokføringslova krev det.", [1825]),
    ("Innsynsbegjæringer behandles innen 30 dager, og dokumentasjon av forespørselen lagres i 1 år.", [365]),
    ("Lagringstiden er minst 5 år.", [1825]),
    ("Opplysninger om deltakere under 18 år lagres i 1 år.", [365]),
    # nynorsk
    ("Data om personar som melder seg på, vert lagra inntil 12 månadar etter arrangementet. "
     "Seinast 12 månadar etter sluttdatoen vert all persondata sletta.", [360]),
    ("Opplysningane vert lagra i tre år etter at kundeforholdet er avslutta.", [1095]),
    ("Personopplysningar blir sletta etter 6 månader.", [180]),
    ("Loggar vert lagra i 30 dagar.", [30]),
    ("Data slettast etter tolv månadar.", [360]),
    ("CV-en din vert oppbevart i eitt år etter søknadsfristen.", [365]),
    ("Informasjonen vert lagra lokalt i 1 minutt.", [0.0007]),
    ("Opptaka vert sletta etter to veker.", [14]),
    ("Informasjonskapslar\n\n_ga – Google Analytics – 2 år\n_gid – Google Analytics – 24 timar", [730, 1]),
    # negatives
    ("Vi vil slette opplysningene innen 30 dager etter at vi har mottatt kravet ditt.", []),
    ("Nettsiden ble lansert for 3 år siden.", []),
    ("Vi vil besvare din henvendelse så snart som mulig, og normalt innen 30 dager.", []),
    ("Krav fra den registrerte skal besvares kostnadsfritt og senest innen 30 dager.", []),
    ("Du har rett på svar uten ugrunnet opphold og senest innen én måned.", []),
    ("Vi vil svare deg innan ein månad.", []),
    ("Vi samler ikke inn personopplysninger fra barn under 16 år.", []),
    ("Du må være minst 16 år for å samtykke.", []),
    ("Om du er under 18 år er du nøydd til å skriva opp ein føresett.", []),
    ("Du må vere 18 år gamal for å delta.", []),
    ("Oppdatert over en uke siden.", []),
    ("Du har rett til å angra etter kjøp. Dette kan seinast skje 3 dagar før arrangementstart.", []),
    ("Klager rettast til selgjar innan rimeleg tid (30 dagar).", []),
    ("Kunder vil motta informasjon inntil 2 ganger per måned.", []),
    ("Nyhetsbrevet sendes 4–12 ganger per år.", []),
    ("Personvernerklæringen gjennomgås hvert år.", []),
    ("Du kan si opp avtalen med 30 dagers varsel.", []),
    ("Angrefristen er 14 dager.", []),
    ("Leveringstid er normalt 3-5 virkedager.", []),
    ("Spørreundersøkelsen tar 10 minutter å svare på.", []),
    ("Korrespondanse via e-post og SMS slettes ved utgangen av hver måned.", []),
    ("Sist oppdatert: 1. mars 2026. Versjon 2.", []),
    ("Data lagres i Norge. Du må ha fylt 15 år for å bruke appen.", []),
    ("Sletting av persondata\n\nVi svarer på forespørsler om sletting innen 30 dager.", []),
    # deletion said as `er borte`, `forsvinner`, `fjernes`, `blir sletta` (bokmål and nynorsk)
    ("Blir det ikke noe av, sletter vi henvendelsen. Vi rydder jevnlig, og senest etter tolv måneder er den borte.",
     [360]),
    ("Blir det ikkje noko av, slettar vi førespurnaden. Vi ryddar jamleg, og seinast etter tolv månader er han "
     "borte.",
     [360]),
    ("Henvendelsen blir sletta etter tolv måneder.", [360]),
    ("Etter to år forsvinner opplysningene fra systemet.", [730]),
    ("Søknader fjernes fra systemet etter seks måneder.", [180]),
    ("Søknadene vert fjerna etter tre månader.", [90]),
    ("Papirkopiar vert makulerte etter eitt år.", [365]),
    # the storage cue in the previous sentence of the same paragraph
    ("Vi sletter søknaden når stillingen er besatt. Dette skjer normalt etter seks måneder.", [180]),
    ("Vi slettar søknaden når stillinga er sett. Det skjer seinast etter seks månader.", [180]),
    ("Kontaktskjemaet lagres i vårt CRM-system. Der blir det liggende i inntil 24 måneder.", [720]),
    ("Opplysningane vert lagra på ein sikker server. Dei vert liggjande der i tre år.", [1095]),
    # ... but not an unrelated sentence, an answer deadline, another paragraph
    ("Vi lagrer opplysningene på servere i Norge. Tjenesten har vært i drift i 10 år.", []),
    ("Du kan be om at vi sletter opplysningene. Vi svarer innen en måned.", []),
    ("Du kan be om at vi sletter opplysningene. Det skjer innen en måned.", []),
    ("Du kan be om at me slettar opplysningane. Me svarar innan ein månad.", []),
    ("Vi sletter henvendelsen når saken er løst. Det tar vanligvis 2 uker å svare.", []),
    ("Vi sletter henvendelsen.\n\nDette skjer etter 3 dager.", []),
    ("Send en e-post til oss, så svarer vi så raskt vi kan, og uansett innen en måned.", []),
    ("Vi lagrer e-posten din. Du må være minst 16 år.", []),
    ("Vi lagrer opplysningene dine. Det skjer to ganger per år at vi går gjennom dem.", []),

    ("Lagring og sletting\n\nDu kan når som helst kontakte oss. Vi er tilgjengelige 24 timer i døgnet.", []),
    # the cue of the period's own clause decides (`;`, `, og`, `, slik at` ... end a clause)
    ("Kundekontoen slettes når du ikke har logget inn på 24 måneder; vi sender deg et varsel på e-post 30 dager før.",
     [720]),
    ("Et krav foreldes etter 3 år, og vi lagrer derfor skadeopplysninger i 10 år.", [3650]),
    ("Et krav foreldast tre år etter at du fekk vite om det, og vi lagrar difor saka i ti år.", [3650]),
    ("Vi svarer innen 30 dager; henvendelsen slettes deretter.", []),
    # a limitation period is no storage period
    ("Et krav etter forsikringsavtaleloven foreldes 3 år etter at du fikk kunnskap om det.", []),
    # a period counted from the answer is a storage period, not an answer deadline
    ("Meldingar frå kontaktskjemaet blir sletta seinast 30 dagar etter at du har fått svar.", [30]),
    ("Henvendelsen slettes senest 60 dager etter at vi har svart deg.", [60]),
    # label items under a storage heading: the label names the data
    ("Hvor lenge lagrer vi opplysningene?\n\n- Svar på kundeundersøkelser: senest ett år etter at undersøkelsen "
     "ble sendt ut.", [365]),
    ("Kor lenge tek vi vare på opplysningane?\n\n• Svar på spørjeundersøkingar: seinast eitt år etter at "
     "undersøkinga vart send ut.", [365]),
    ("Hvor lenge lagrer vi?\n\n- Arbeidsordre: ti år etter siste verkstedbesøk, slik at vi kan dokumentere "
     "arbeidet ved reklamasjon eller garantikrav.", [3650]),
    ("Lagringstid\n\n- Kontaktpersoner: så lenge kundeforholdet varer, og senest 12 måneder etter at avtalen er "
     "avsluttet.", [360]),
    ("Hvor lenge lagrer vi?\n\n- Garantisaker: 5 år", [1825]),
    ("Hvor lenge lagrer vi?\n\n- Reklamasjonsfrist: 5 år", []),
    ("Hvor lenge lagrer vi?\n\n- Oppsigelsestid: 3 måneder", []),
    ("Hvor lenge lagrer vi?\n\n- Henvendelser: Vi svarer innen 30 dager.", []),
    # `varer` is a lifetime only of a cookie; `en time` may be an appointment; negated storage
    ("Informasjonskapselen varer i 2 år.", [730]),
    ("Abonnementet varer i 12 måneder.", []),
    ("For behandlinger som varer mer enn to timer, ber vi deg registrere et betalingskort.", []),
    ("Kortet lagres hos Stripe, slik at vi kan belaste et gebyr når en time står tom.", []),
    ("Loggen lagres i en time.", [0.0417]),
    ("Lagring\n\nEngangskoder på SMS er gyldige i 5 minutter og lagres ikke.", []),
    ("Vi lagrer ikke kortnummeret, men transaksjonsdata oppbevares i 5 år.", [1825]),
    ("IP-adressa blir ikkje lagra, og loggen blir sletta etter 30 dagar.", [30]),
    # number words, genitive `års tid`, alternatives
    ("Vi lagrer opplysningene i fem års tid.", [1825]),
    ("Søknader lagres i tre eller seks måneder, avhengig av stillingen.", [90, 180]),
    ("Loggene slettes etter tjueen dager.", [21]),
    ("Dokumentasjonen vert oppbevart i eitt år.", [365]),
    ("Personopplysningar blir lagra i 12 månader.", [360]),
    # round 17/18: a deadline after the answer (`når de er besvart, og senest etter`), taken off a list,
    # `blir tekne vare på`, `tek vi ned seinast`; an answer deadline is still none
    ("Henvendelser slettes når de er besvart, og senest etter 12 måneder.", [360]),
    ("Vi svarer senest innen 30 dager.", []),
    ("Sluttar barnet, tek vi det ut av lista innan tre månader.", [90]),
    ("Rekneskapsbilag blir tekne vare på i fem år etter at rekneskapsåret er slutt.", [1825]),
    ("Bilete på nettsida tek vi ned seinast to år etter at dei vart publiserte.", [730]),
    # session 31: the age of the data, not of a person
    ("E-postar som ikkje gjeld ei booking, slettar vi når dei er eitt år gamle.", [365]),
    ("Opptakene slettes når de er 30 dager gamle.", [30]),
    ("Du må være 18 år gammel for å booke.", []),
    ("Vi lagrer opplysninger om barn som er 13 år gamle.", []),
    ("Givaropplysningar slettar vi når det har gått tre år sidan siste gåve.", [1095]),
    ("Vi ble stiftet for fem år siden.", []),
    # data left lying somewhere for a period; a period after an answer sent
    ("Bilagene blir liggende hos regnskapsføreren i fem år, slik bokføringsloven krever.", [1825]),
    ("Kvitteringar og bilag ligg i Tripletex i fem år, slik bokføringslova krev.", [1825]),
    ("Han hugsar svaret ditt i samtykkeboksen, og ligg i nettlesaren din i 12 månader.", [360]),
    ("Kontoret ligger i Oslo, og vi har drevet i 20 år.", []),
    ("Får du avslag, sletter vi manuset seks måneder etter at vi sendte svaret.", [180]),
    ("Vi svarer innen 30 dager etter at vi mottok henvendelsen.", []),
    # answering in another clause does not make a deletion deadline a response deadline
    ("Henvendelser brukes for å kunne svare deg; blir du ikke pasient hos oss, slettes de senest seks måneder "
     "etter at saken er avsluttet.", [180]),
    ("Ber du om sletting, svarer vi og sletter opplysningene innen 30 dager.", []),
]


@pytest.mark.parametrize("text,expected", PHRASES)
def test_retention_days(text, expected):
    assert days_of(text) == expected


COOKIE_TABLE = """Informasjonskapslar

Namn
Føremål
Lengd
_ga
Skil mellom brukarar
2 år
_gid
Skil mellom brukarar
24 timar
_gat
Avgrensar talet på førespurnader
1 minutt
sesjon_id
Held økta di
Pr økt
_ga_[ID]
Held økttilstand
2 år"""


def test_cookie_table_lifetimes():
    out = run(COOKIE_TABLE)["retention"]
    assert [(r["days"], r["applies_to"], r["about"]) for r in out] == [
        (730, "cookie", "_ga"), (1, "cookie", "_gid"), (0.0007, "cookie", "_gat")]
    doc = make_doc(COOKIE_TABLE)
    assert all(doc.text[r["start"]:r["end"]] == r["text"] for r in out)


@pytest.mark.parametrize("cell,days", [
    ("2 år", 730), ("24 timar", 1), ("1 minutt", 0.0007), ("13 måneder", 390), ("Sesjon", None), ("Session", None),
    ("Pr økt", None), ("Permanent (til sletting)", None), ("1 year", 365), ("30 minutes", 0.0208), ("12 timer", 0.5),
    ("90 dager", 90), ("2 veker", 14), ("Utløper etter 1 år", 365), ("24 h", 1), ("Til nettleseren lukkes", None),
])
def test_lifetime_cells(cell, days):
    assert lifetime_days(cell) == days


def test_pipe_table_and_data_table():
    text = ("Cookies\n\nNavn | Formål | Varighet\n_fbp | Annonser | 3 måneder\nPHPSESSID | Økt | Sesjon\n\n"
            "Lagringstid\n\nOpplysninger | Lagringstid\nKundeopplysninger | 3 år etter avsluttet kundeforhold\n"
            "Søknader | 6 måneder")
    out = run(text)["retention"]
    assert [(r["days"], r["applies_to"], r["about"]) for r in out] == [
        (90, "cookie", "_fbp"), (1095, "data", "Kundeopplysninger"), (180, "data", "Søknader")]


def test_each_period_once():
    text = "Vi lagrer data i 5 år. Fakturaer oppbevares også i fem år. Kontoen slettes etter 5 år uten aktivitet."
    out = run(text)["retention"]
    assert [r["days"] for r in out] == [1825]
    assert out[0]["text"] == "i 5 år"


def test_applies_to_and_about():
    out = run("Informasjonskapsler\n\nInformasjonskapselen _ga har en levetid på 2 år.\n\n"
              "Lagring\n\nRegnskapsmessige data (fakturaer) beholdes i 5 år.")["retention"]
    assert [(r["applies_to"], r["about"]) for r in out] == [("cookie", "_ga"), ("data", "Regnskapsmessige data (fakturaer)")]
    out = run("Ved avslutning av kundeforholdet vil registrerte personopplysninger bli anonymisert eller slettet etter 3 år.")
    assert out["retention"][0]["about"] == "registrerte personopplysninger"


def test_a_text_without_blank_lines_keeps_cookies_to_their_section():
    # no blank line: the paragraph of a period is looked for within its section, so the cookies named in an
    # earlier section do not make the lifetime of a copy of a driving licence a cookie's
    out = run("Personvern\nVi forklarer her hva vi gjør med opplysningene dine når du er kunde hos oss.\n"
              "Informasjonskapsler\nNettsiden bruker informasjonskapselen _ga til statistikk over besøk.\n"
              "Prøvekjøring\nVi tar en kopi av førerkortet ditt før du kjører bilen.\n"
              "Kopien av førerkortet slettes 30 dager etter prøvekjøringen.\nRettigheter\n"
              "Du kan be om innsyn i hva vi har lagret om deg.")["retention"]
    assert [(r["days"], r["applies_to"]) for r in out] == [(30, "data")]


def test_findings_point_at_the_period():
    doc = make_doc("Vi lagrer opplysningene i inntil 5 år.")
    extraction = retention.extract(doc, {})
    finding = next(f for f in extraction.findings if f.field == "retention")
    assert finding.value == 1825 and doc.text[finding.start:finding.end] == "i inntil 5 år"
    assert finding.method == "retention.sentence" and 0 < finding.confidence <= 1


@pytest.mark.parametrize("text,unspecified", [
    ("Vi lagrer dine personopplysninger så lenge som nødvendig for å oppfylle formålene.", True),
    ("Opplysningane vert ikkje lagra lenger enn det som er naudsynt.", True),
    ("Vi behandler opplysninger så lenge det er nødvendig. Fakturaer lagres i 5 år.", False),
    ("Vi lagrer opplysningene dine trygt.", False),
])
def test_retention_unspecified(text, unspecified):
    assert run(text)["retention_unspecified"] is unspecified


@pytest.mark.parametrize("text,values", [
    ("3–5 år", [1095, 1825]), ("2 til 6 måneder", [60, 180]), ("ett og et halvt år", [547.5]),
    ("halvannet år", [547.5]), ("1,5 år", [547.5]), ("tjuefire timar", [1]), ("eitt år", [365]), ("ei veke", [7]),
    ("2 years", [730]), ("i dag", []), ("per år", []), ("1 år og 6 månader", [545]), ("tre (3) år", [1095]),
    ("førtifem dagar", [45]), ("tjueein dagar", [21]), ("trettiseks måneder", [1080]), ("3 eller 5 år", [1095, 1825]),
    ("ett eller to år", [365, 730]), ("i 2025 eller 3 år", [1095]), ("i fem års tid", [1825]),
    ("når en time står tom", []), ("i en time", [0.0417]), ("én time", [0.0417]), ("ei veke", [7]),
])
def test_durations(text, values):
    assert [round_days(d.days) for d in find_durations(text)] == values


@pytest.mark.parametrize("text,genitive", [("i fem års tid", False), ("10 års lagringstid", True), ("5 år", False)])
def test_genitive(text, genitive):
    assert [d.genitive for d in find_durations(text)] == [genitive]


@pytest.mark.parametrize("cell,days", [("En time", 0.0417), ("1 time", 0.0417), ("13 months", 390), ("1 year", 365)])
def test_lifetime_cells_keep_article_numbers(cell, days):
    assert lifetime_days(cell) == days


# round 2, synthetic set 2
@pytest.mark.parametrize("text,values", [
    ("slettes etter 30 da-\nger", [30]),                       # a unit broken over two lines (PDF)
    ("i henholdsvis to år og ett døgn", [730, 1]),            # two periods, not one sum
    ("i to år og ett døgn", [731]),
    ("i 1 år og 6 månader", [545]),
    ("30 dager-\nperioden", []),                                # joined `dagerperioden` is no unit, as `dager-perioden`
])
def test_round3_durations(text, values):
    assert [round_days(d.days) for d in find_durations(text)] == values


def test_round3_broken_unit_keeps_offsets():
    text = "Loggen slettes etter 30 da-\nger. Ferdig."
    (d,) = find_durations(text)
    assert text[d.start:d.end] == "etter 30 da-\nger" and d.days == 30


@pytest.mark.parametrize("text,expected", [
    ("Bilete\n\nSamtykket kan trekkjast tilbake, og bilete på nettsida blir då tekne ned innan ei veke.", [7]),
    ("Bilder\n\nBilder av deltakerne tas ned fra nettsiden etter 14 dager.", [14]),
    ("Lagring\n\nLoggen brukes bare til å oppklare innbrudd, og den slettes etter 30 da-\nger.", [30]),
    ("Informasjonskapsler\n\nGoogle Analytics setter _ga og _gid, som lagres i henholdsvis to år og ett døgn.",
     [730, 1]),
    ("Support\n\nIntercom-widgeten setter intercom-id-[app_id] (9 måneder) og intercom-session-[app_id] (1 uke).",
     [270, 7]),
    # negatives: `ta ned` of no data, a period of a task
    ("Drift\n\nVi tar ned nettsiden for vedlikehold hver natt.", []),
])
def test_round3_periods(text, expected):
    assert days_of(text) == expected
