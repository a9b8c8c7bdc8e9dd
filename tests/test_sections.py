"""Headings and the section tree (`sections.py`), on small normalized texts."""
from __future__ import annotations

import pytest

from policyparse.normalize import normalize
from policyparse.sections import find_sections

BODY = "Vi behandler personopplysninger om deg n\u00e5r du bruker tjenesten v\u00e5r."
BODY2 = "Du har rett til innsyn i opplysningene vi har lagret om deg."
COOKIE_INTRO = "Informasjonskapsler\nVi bruker informasjonskapsler som beskrevet under, og du velger selv.\n"
RIGHTS = "Rettighetene dine\nDu kan be om innsyn i hva vi har lagret om deg."  # the last lines of a copied page


def headings(text: str) -> list[str]:
    return [s.heading for s in find_sections(normalize(text).text)]


def sections(text: str) -> list[tuple]:
    return [(s.heading, s.number, s.level, s.parent) for s in find_sections(normalize(text).text)]



CASES = [
    # numbered headings: 1, 1.1, 3., a), 1. i) (a numbered line may end with a colon)
    pytest.param(f"Personvernerkl\u00e6ring\n\n1 Behandling av personopplysninger\n\n{BODY}\n\n1.1 Levere tjenesten\n\n"
                 f"{BODY}\n\n2 Dine rettigheter\n\n{BODY2}",
                 ["Personvernerkl\u00e6ring", "1 Behandling av personopplysninger", "1.1 Levere tjenesten",
                  "2 Dine rettigheter"], id="numbered-1-1.1"),
    pytest.param(f"3. Hvordan vi bruker opplysningene\n\n{BODY}\n\n4. Hvem vi deler med\n\n{BODY2}",
                 ["3. Hvordan vi bruker opplysningene", "4. Hvem vi deler med"], id="numbered-3."),
    pytest.param(f"2. Hvem f\u00e5r opplysningene?\n\n{BODY}\n\n3 \u2013 Hvor lenge lagrer vi dem?\n\n{BODY2}",
                 ["2. Hvem f\u00e5r opplysningene?", "3 \u2013 Hvor lenge lagrer vi dem?"], id="numbered-dash"),
    pytest.param(f"Lagringstid\n\n{BODY}\n3 \u2013 5 \u00e5r for regnskap.",
                 ["Lagringstid"], id="range-not-heading"),
    pytest.param(f"a) Beskrivelse av behandlingen\n\n{BODY}\n\nb) Form\u00e5let med behandlingen\n\n{BODY2}",
                 ["a) Beskrivelse av behandlingen", "b) Form\u00e5let med behandlingen"], id="letter-a)"),
    pytest.param(f"1. Informasjon vi samler inn\n\n{BODY}\n\n 1. i) Din enhet og internett-tilkobling:\n\n{BODY}\n\n"
                 f" 1. ii) Bruk av tjenestene:\n\n{BODY2}",
                 ["1. Informasjon vi samler inn", "1. i) Din enhet og internett-tilkobling:",
                  "1. ii) Bruk av tjenestene:"], id="numbered-roman"),
    pytest.param(f"Personvern\n\n{BODY}\n\n2. Opplysninger vi samler inn:\n\n{BODY2}",
                 ["Personvern", "2. Opplysninger vi samler inn:"], id="numbered-colon"),
    pytest.param(f"Personvern\n\n{BODY}\n\n2. Vi samler inn navn.\n\n{BODY2}", ["Personvern"], id="numbered-sentence"),
    # unnumbered short lines without a final full stop, followed by body text
    pytest.param(f"Personvernerkl\u00e6ring\n\n{BODY}\n\nInformasjonskapsler\n\n{BODY}\n\n"
                 f"Hvorfor behandler vi personopplysningene dine?\n\n{BODY2}",
                 ["Personvernerkl\u00e6ring", "Informasjonskapsler", "Hvorfor behandler vi personopplysningene dine?"],
                 id="unnumbered"),
    pytest.param(f"Personvern\n\n{BODY}\n\nVi deler aldri opplysningene dine med andre selskaper\n\n"
                 f"Informasjonskapsler\n\n{BODY2}", ["Personvern", "Informasjonskapsler"], id="sentence-no-stop"),
    # an unnumbered line ending with a colon is not a heading; nor is metadata
    pytest.param(f"Personvern\n\n{BODY}\n\nSist oppdatert:\n\n24. februar 2026\n\nDu har rett til \u00e5:\n\n"
                 "- be om innsyn\n- be om sletting", ["Personvern"], id="colon"),
    pytest.param(f"Personvernerkl\u00e6ring\n\nSist oppdatert: 24. februar 2026\n\n{BODY}", ["Personvernerkl\u00e6ring"],
                 id="metadata"),
    # list items, table rows, flattened table cells and key: value rows are not headings
    pytest.param("Dine rettigheter\n\nDu har disse rettighetene etter loven:\n- Innsyn i opplysningene\n"
                 "- Retting av feil\n- Sletting av opplysninger\n\nKontakt oss for \u00e5 bruke rettighetene.",
                 ["Dine rettigheter"], id="list-items"),
    pytest.param("Informasjonskapsler\n\nVi bruker disse informasjonskapslene p\u00e5 nettsiden v\u00e5r.\n\n"
                 "Navn | Form\u00e5l | Varighet\n_ga | Statistikk | 2 \u00e5r\n_gid | Statistikk | 24 timer\n\n"
                 "Du kan slette informasjonskapsler i nettleseren din.", ["Informasjonskapsler"], id="table-rows"),
    pytest.param("Informasjonskapsler\n\nVi bruker disse informasjonskapslene p\u00e5 nettsiden v\u00e5r.\n\n"
                 "Navn\nForm\u00e5l\nVarighet\n_ga\nStatistikk\n2 \u00e5r\n\n"
                 "Du kan slette informasjonskapsler i nettleseren din n\u00e5r som helst.", ["Informasjonskapsler"],
                 id="flattened-table"),
    pytest.param("Kontakt oss\n\nHar du sp\u00f8rsm\u00e5l om personvern, kan du kontakte oss.\n\n"
                 "E-post: post@eksempel.no\nTelefon: 22 22 22 22\nAdresse: Storgata 1, 0155 Oslo\n\n"
                 "Vi svarer innen 30 dager.", ["Kontakt oss"], id="key-value-rows"),
    pytest.param("Behandlingsansvarlig\n\nEksempel AS er behandlingsansvarlig for opplysningene.\n\n"
                 "Navn: Eksempel AS\nOrg.nr: 974 379 511\nE-post: post@eksempel.no\n\nTa kontakt ved sp\u00f8rsm\u00e5l.",
                 ["Behandlingsansvarlig"], id="key-value-rows-2"),
    pytest.param(f"Form\u00e5l\n\nVi bruker opplysningene til f\u00f8lgende form\u00e5l:\n\n1. Levere tjenesten\n"
                 f"2. Sende faktura\n3. Svare p\u00e5 henvendelser\n\n{BODY}", ["Form\u00e5l"], id="numbered-list"),
    pytest.param(f"Personvern\n\n{BODY}\n\nDisse personvernreglene omfatter de som er\n- kunder\n- ansatte\n\n{BODY2}",
                 ["Personvern"], id="runs-on-into-list"),
    pytest.param(f"Personvernerkl\u00e6ring\n\nInnhold\n1 Innledning\n2 Rettigheter\n\n1 Innledning\n\n{BODY}\n\n"
                 f"2 Rettigheter\n\n{BODY2}", ["Personvernerkl\u00e6ring", "1 Innledning", "2 Rettigheter"],
                 id="table-of-contents"),
    pytest.param(f"Personvern\n\n{BODY}\n\nLukk\n\nInformasjonskapsler\n\n{BODY2}\n\nSvarte dette p\u00e5 sp\u00f8rsm\u00e5let?",
                 ["Personvern", "Informasjonskapsler"], id="furniture"),
    # the same heading repeated: counted once
    pytest.param(f"Personvernerkl\u00e6ring\n\nPersonvernerkl\u00e6ring\n\n{BODY}\n\nInformasjonskapsler\n\n{BODY2}",
                 ["Personvernerkl\u00e6ring", "Informasjonskapsler"], id="repeated-after-blank"),
    pytest.param(f"Personvernerkl\u00e6ring\nPersonvernerkl\u00e6ring\n\n{BODY}\n\nInformasjonskapsler\n\n{BODY2}",
                 ["Personvernerkl\u00e6ring", "Informasjonskapsler"], id="repeated-next-line",),
    pytest.param(f"Personvernerkl\u00e6ring\n\n{BODY}\n\nInformasjonskapsler\nInformasjonskapsler\n\n{BODY2}",
                 ["Personvernerkl\u00e6ring", "Informasjonskapsler"], id="repeated-next-line-mid",),
    # a small label above the title is navigation; the title itself is a heading
    pytest.param(f"PERSONVERN\nPersonvernerkl\u00e6ring\n\n{BODY}\n\nInformasjonskapsler\n\n{BODY2}",
                 ["Personvernerkl\u00e6ring", "Informasjonskapsler"], id="label-above-title",),
    pytest.param(f"Juridisk\n\nPersonvernerkl\u00e6ring\n\n{BODY}", ["Personvernerkl\u00e6ring"], id="eyebrow-block-above-title"),
    # the title above the first section heading, each on its own, is no eyebrow label
    pytest.param(f"Personvernerkl\u00e6ring\n\nInformasjonskapsler\n\n{BODY}\n\nKontakt\n\n{BODY2}",
                 ["Personvernerkl\u00e6ring", "Informasjonskapsler", "Kontakt"], id="title-above-first-section"),
    pytest.param(f"Personvernerkl\u00e6ring\n\nCookies\n\n{BODY}", ["Personvernerkl\u00e6ring", "Cookies"],
                 id="title-above-cookie-section"),
    # supplier entries laid out as a name line + a description line are table rows
    pytest.param("Informasjonskapsler\n\nVi bruker disse tjenestene:\n\nGoogle Analytics\n"
                 "Google Analytics brukes til \u00e5 telle bes\u00f8k p\u00e5 nettsiden v\u00e5r.\nHotjar\n"
                 "Hotjar brukes til \u00e5 forst\u00e5 hvordan nettsiden brukes av bes\u00f8kende.\n\nDu kan reservere deg.",
                 ["Informasjonskapsler"], id="name-description-entries"),
    # the title block at the top: title and subtitle in one block, a brand or eyebrow line above, navigation before
    pytest.param(f"NORDLYS KLATRING\nPersonvernerkl\u00e6ring\nFor medlemmer og gjester i hallene v\u00e5re\n\n{BODY}\n\n"
                 f"Informasjonskapsler\n\n{BODY2}",
                 ["Personvernerkl\u00e6ring", "For medlemmer og gjester i hallene v\u00e5re", "Informasjonskapsler"],
                 id="title-block-brand-title-subtitle"),
    pytest.param(f"Personvernerkl\u00e6ring for Fjellvind AS\nKunder, leverand\u00f8rer og bes\u00f8kende p\u00e5 fjellvind.no\n\n"
                 f"Sist oppdatert 3. mars 2025\n\n{BODY}\n\n1. Behandlingsansvarlig\n\n{BODY2}",
                 ["Personvernerkl\u00e6ring for Fjellvind AS", "Kunder, leverand\u00f8rer og bes\u00f8kende p\u00e5 fjellvind.no",
                  "1. Behandlingsansvarlig"], id="title-block-title-subtitle"),
    pytest.param(f"Hjem\nTjenester\nBestill time\nKontakt oss\n\nPersonvernerkl\u00e6ring\n"
                 f"Slik behandler vi opplysninger om deg som kunde og bes\u00f8kende hos oss\n\n{BODY}",
                 ["Personvernerkl\u00e6ring", "Slik behandler vi opplysninger om deg som kunde og bes\u00f8kende hos oss"],
                 id="title-block-after-navigation"),
    pytest.param(f"Til hovudinnhald\nStudium\nOm oss\n\nPersonvernerkl\u00e6ring\n"
                 f"Informasjon om handsaming av personopplysningar ved Vestfjell vidareg\u00e5ande skule\n\n{BODY}",
                 ["Personvernerkl\u00e6ring",
                  "Informasjon om handsaming av personopplysningar ved Vestfjell vidareg\u00e5ande skule"],
                 id="title-block-nynorsk"),
    pytest.param(f"Bl\u00e5b\u00e6r Design\nInformasjonskapsler\nOm cookies og lignende teknologi p\u00e5 blabaer.no\n\n{BODY}",
                 ["Informasjonskapsler", "Om cookies og lignende teknologi p\u00e5 blabaer.no"], id="title-block-cookie-page"),
    pytest.param(f"Personvern\nPersonvernerkl\u00e6ring\nSlik tar vi vare p\u00e5 opplysningene dine\n\n{BODY}",
                 ["Personvernerkl\u00e6ring", "Slik tar vi vare p\u00e5 opplysningene dine"], id="title-block-eyebrow"),
    pytest.param(f"Personvernerkl\u00e6ring\nHer kan du lese hvordan vi behandler opplysningene dine.\n\n{BODY}",
                 ["Personvernerkl\u00e6ring"], id="title-block-lead-sentence-is-body"),
    pytest.param(f"Personvernerkl\u00e6ring\nDesember 2024\n\n{BODY}", ["Personvernerkl\u00e6ring"],
                 id="title-block-date-is-no-subtitle"),
    pytest.param(f"Personvernerkl\u00e6ring\nFjellvind AS\nStorgata 1\n0150 Oslo\n\n{BODY}",
                 ["Personvernerkl\u00e6ring"], id="title-block-address-is-no-subtitle"),
    pytest.param(f"Hjem\nTjenester\nOm oss\nPersonvern\nKontakt\n\n{BODY}\n\nInformasjonskapsler\n\n{BODY2}",
                 ["Informasjonskapsler"], id="navigation-menu-is-no-title-block"),
    # breadcrumbs are navigation
    pytest.param(f"Heim \u203a Om kommunen \u203a Personvern\n\nPersonvernerkl\u00e6ring\n\n{BODY}",
                 ["Personvernerkl\u00e6ring"], id="breadcrumb-guillemet"),
    pytest.param(f"Hjem / Om oss / Personvern\n\nPersonvernerkl\u00e6ring\n\n{BODY}", ["Personvernerkl\u00e6ring"],
                 id="breadcrumb-slash"),
    pytest.param(f"Personvern\n\n{BODY}\n\nCookies / informasjonskapsler\n\n{BODY2}",
                 ["Personvern", "Cookies / informasjonskapsler"], id="slash-title-is-no-breadcrumb"),
    # a table header row whose cells were joined by spaces (tabs) is no heading; a title with `og` is
    pytest.param(f"Personvern\n\n{BODY}\n\nForm\u00e5l Behandlingsgrunnlag\nSvar p\u00e5 henvendelser til kundeservice p\u00e5 e-post og telefon Berettiget interesse (art. 6 nr. 1 f)\n"
                 f"Nyhetsbrev med tilbud og kampanjer Samtykke (art. 6 nr. 1 a)\n\n{BODY2}", ["Personvern"], id="spaced-header-row"),
    pytest.param(f"Personvern\n\n{BODY}\n\nF\u00f8rem\u00e5l Opplysningar Rettsleg grunnlag\n"
                 f"Timebestilling og p\u00e5minning p\u00e5 SMS Namn, telefon, e-post, tidspunkt Art. 6 nr. 1 bokstav b\n\n{BODY2}", ["Personvern"], id="spaced-header-row-nynorsk"),
    pytest.param(f"Personvern\n\n{BODY}\n\nLeverand\u00f8r Tjeneste Behandlingssted\nMailchimp (Intuit Inc.) utsending av nyhetsbrev og kampanjer til kunder USA\n\n{BODY2}",
                 ["Personvern"], id="spaced-header-row-suppliers"),
    pytest.param(f"Personvern\n\n{BODY}\n\nForm\u00e5l og behandlingsgrunnlag\n\n{BODY2}",
                 ["Personvern", "Form\u00e5l og behandlingsgrunnlag"], id="title-with-og-is-a-heading"),
    # a group title over a flattened cookie table is a heading; a consent-tool date line is not
    pytest.param("Informasjonskapsler\n\nVi bruker disse informasjonskapslene p\u00e5 nettsiden v\u00e5r.\n\n"
                 "Cookie declaration last updated on 02.03.2025 by Cookiebot\n\n"
                 "N\u00f8dvendige (2)\nName\nProvider\nPurpose\nExpiry\nCookieConsent\nCookiebot\nStores consent\n1 year\n"
                 "__cf_bm\nCloudflare\nBot protection\n1 day\n\n"
                 "Statistikk (1)\nNavn\nLeverand\u00f8r\nForm\u00e5l\nUtl\u00f8per\n_ga\nGoogle\nSkiller brukere\n2 \u00e5r\n\n"
                 "Du kan endre samtykket ditt n\u00e5r som helst nederst p\u00e5 siden.",
                 ["Informasjonskapsler", "N\u00f8dvendige (2)", "Statistikk (1)"], id="group-title-over-flattened-table"),
    pytest.param("Informasjonskapsler\n\nVi bruker disse informasjonskapslene p\u00e5 nettsiden v\u00e5r.\n\n"
                 "Navn\nForm\u00e5l\nVarighet\n_ga\nStatistikk\n2 \u00e5r\n\nDu kan slette dem i nettleseren din n\u00e5r som helst.",
                 ["Informasjonskapsler"], id="header-cell-is-no-group-title"),
    # page furniture
    pytest.param(f"Personvern\n\n{BODY}\n\nTil toppen\n\nDel siden\n\nInformasjonskapsler\n\n{BODY2}\n\nDel sida",
                 ["Personvern", "Informasjonskapsler"], id="furniture-top-share"),
    # r2b: PDF page furniture: page markers and a running header next to them are no headings
    pytest.param(f"Personvernerklæring – Firma AS\nPersonvernerklæring\nfor kunder og brukere av Min side\n"
                 f"Dokumentnr. PV-01 · Versjon 3.0\n\n1. Innledning\n{BODY}\n\nSide 1 av 2\n"
                 f"Personvernerklæring – Firma AS\n2. Formål\n2.1 Nettleie og tilknytning\n{BODY2}\n\nSide 2 av 2",
                 ["Personvernerklæring", "for kunder og brukere av Min side", "1. Innledning", "2. Formål",
                  "2.1 Nettleie og tilknytning"], id="pdf-running-header-page-markers"),
    pytest.param(f"Personvern\n\n{BODY}\n\nFirma AS · org.nr. 994 072 137 · Side 1 av 3\n\nKameraovervåking\n{BODY2}",
                 ["Personvern", "Kameraovervåking"], id="pdf-footer-with-page-number"),
    pytest.param(f"Personvern\n\n{BODY}\nInnlogging på Min side logges for å avdekke misbruk og uautoriser-\n"
                 f"te forsøk på å få tilgang til kundekontoer.", ["Personvern"], id="word-broken-at-line-end"),
    pytest.param(f"Personvern\n\n{BODY}\n\n2. Formål\n3. Lagring\n\n{BODY2}", ["Personvern"],
                 id="numbered-list-is-still-a-list"),
    pytest.param(f"Personvern\n\n{BODY}\n\nKontakt\nStyret: styret@firma.no\nForvaltning: post@firma.no\n\n"
                 f"Sist revidert av styret 4. februar 2025.", ["Personvern", "Kontakt"], id="label-over-key-values"),
    pytest.param(f"Personvern\n\n{BODY}\n\nDu kan kontakte oss:\n\nKunnskapsbase.no\nE-post: post@firma.no\n"
                 f"Vi svarer innen 30 dager på alle henvendelser.", ["Personvern"], id="record-after-lead-in-no-label"),
    pytest.param(f"Personvernerklæring for Firma\nSist revidert august 2024\n\n{BODY}",
                 ["Personvernerklæring for Firma"], id="revised-date-line"),
    pytest.param(f"Personvern\n\n{BODY}\n\nOversikt over behandlingane\nBehandling Grunnlag Lagringstid\n"
                 f"Drift av barnehagen art. 6 nr. 1 bokstav b til barnet sluttar\nFaktura art. 6 nr. 1 bokstav c 5 år",
                 ["Personvern", "Oversikt over behandlingane"], id="title-over-space-joined-table"),
    pytest.param(f"Underleverandører\n{BODY}\n\nAmazon Web Services EMEA SARL – hosting – Ireland\n"
                 f"Google LLC – Workspace – USA (EU-U.S. Data Privacy Framework)\nSlack Technologies – chat – USA",
                 ["Underleverandører"], id="dash-separated-rows"),
    pytest.param(f"Hovudside\nPasientinformasjon\nPersonvern\nBestill time på Helsenorge\n\n"
                 f"Personvernerklæring\nHovdevik legesenter AS – fastlegekontoret\n\n{BODY}",
                 ["Personvernerklæring", "Hovdevik legesenter AS – fastlegekontoret"], id="navigation-before-title-block"),
    # r21: provider sections with their own cookie lists are sections, not supplier cards
    pytest.param("Informasjonskapslar\nDesse blir sette same kva du vel.\n\nMicrosoft\nPlattforma ligg i Microsoft Azure "
                 "og set desse informasjonskapslane:\n- ARRAffinity – sender deg til same server (økt)\n"
                 "- ASP.NET_SessionId – held saman økta (økt)\n\nOsano\nSamtykkebanneret kjem frå Osano.\n"
                 "- osano_consentmanager – lagrar kva du har samtykt til (1 år)\n\nCloudflare\nSida ligg bak "
                 "Cloudflare, som stoppar robotar.\n- __cf_bm – skil menneske frå robotar (30 minutt)",
                 ["Informasjonskapslar", "Microsoft", "Osano", "Cloudflare"], id="provider-sections-with-lists"),
    # r8: text copied line by line with no blank line at all; supplier cards are rows, not headings
    pytest.param("Personvernerklæring\nHer forteller vi hva vi gjør med opplysningene dine.\n"
                 "Når du fyller ut kontaktskjemaet\nSkjemaet sender oss navnet ditt og meldingen, så vi kan "
                 "svare deg.\nTjenester vi bruker\nVercel\nDrifter nettsiden og lagrer tilgangslogger i 30 dager.\n"
                 "Resend\nLeverer meldingene fra kontaktskjemaet til innboksen vår.\nFiken\nRegnskap og fakturering "
                 "for kundene våre.\nRettighetene dine\nDu kan be om innsyn i hva vi har lagret om deg.",
                 ["Personvernerklæring", "Når du fyller ut kontaktskjemaet", "Tjenester vi bruker", "Rettighetene dine"],
                 id="no-blank-lines-cards-are-rows"),
    pytest.param("Personvernerklæring\nHer forteller vi hva vi gjør med opplysningene dine.\nSist oppdatert 14. januar "
                 "2025\nHvem står bak\nLysverk Digital AS er et webbyrå i Bergen og har ansvaret for opplysningene.\n"
                 "Rettighetene dine\nDu kan be om innsyn i hva vi har lagret om deg.\nSpørsmål?\nSend en e-post til oss, "
                 "så svarer en av oss innen kort tid.",
                 ["Personvernerklæring", "Hvem står bak", "Rettighetene dine", "Spørsmål?"],
                 id="no-blank-lines-heading-after-date-line"),
    pytest.param("Personvernerklæring\nHer forteller vi hva vi gjør med opplysningene dine (se også vilkårene.)\n"
                 "Hvem står bak\nLysverk Digital AS er et webbyrå i Bergen og har ansvaret for opplysningene.\n"
                 "Kontaktskjemaet\nSkjemaet sender oss navnet ditt og meldingen, merket «Fra nettsiden.»\n"
                 "Rettighetene dine\nDu kan be om innsyn i hva vi har lagret om deg.\nSpørsmål?\nSend en e-post til oss, "
                 "så svarer en av oss innen kort tid.",
                 ["Personvernerklæring", "Hvem står bak", "Kontaktskjemaet", "Rettighetene dine", "Spørsmål?"],
                 id="no-blank-lines-sentence-ends-in-quote-or-bracket"),
    pytest.param(f"Informasjonskapsler\n\n{BODY}\n\nGoogle Analytics\n_ga – skil ulike besøkjande frå kvarandre, slik at vi "
                 f"kan lage besøksstatistikk – 2 år\n_gid – held på status for økta i statistikken – 1 døgn\n\nMeta\n"
                 f"_fbp – Meta-pikselen nyttar denne til å vise annonsar for arrangementa våre til folk – 3 månader\n"
                 f"fr – annonsemåling og målretting av annonsar på Facebook og Instagram – 90 dagar",
                 ["Informasjonskapsler", "Google Analytics", "Meta"], id="service-name-over-cookie-rows-is-heading"),
    pytest.param(f"Personvern\n\n{BODY}\n\nHvem deler vi opplysninger med?\n- Hoopla: påmelding og betaling\n"
                 f"- EQ Timing: tidtaking\n\nRettigheter\n\n{BODY2}",
                 ["Personvern", "Hvem deler vi opplysninger med?", "Rettigheter"], id="question-over-its-list-is-heading"),
    pytest.param(f"Personvern\n\n{BODY}\n\nHvor lenge tar vi vare på ting?\nKundekort og arbeidsordrer: 3 år etter "
                 f"siste besøk\nKameraopptak: 7 dager\n\nRettigheter\n\n{BODY2}",
                 ["Personvern", "Hvor lenge tar vi vare på ting?", "Rettigheter"], id="question-over-its-label-rows-is-heading"),
    pytest.param(f"Personvern\n\n{BODY}\nVi deler opplysninger med disse:\n- Hoopla: påmelding og betaling\n",
                 ["Personvern"], id="lead-in-over-list-is-no-heading"),
    # a page copied without blank lines: menu, banner and trail above the title, the text right under it
    pytest.param("Meny\nVi bryr oss om personvernet ditt. Godta alle | Kun nødvendige\nNye biler\nVerksted\nKontakt\n"
                 "Hjem / Om oss / Personvern\nPersonvernerklæring\nSandvik Bil AS – forhandler og verksted\n"
                 "Sist oppdatert: 12.02.2026\nHvem er ansvarlig?\nSandvik Bil AS er behandlingsansvarlig for "
                 "opplysningene, og du når oss på e-post.\nRettighetene dine\nDu kan be om innsyn i hva vi har lagret.",
                 ["Personvernerklæring", "Sandvik Bil AS – forhandler og verksted", "Hvem er ansvarlig?",
                  "Rettighetene dine"], id="copied-page-title-below-the-trail"),
    pytest.param("Fjellheim Tannhelse\nBehandlingar\nPrisar\nFramside › Om klinikken › Personvern\nPersonvernerklæring\n"
                 "Korleis vi tek vare på opplysningane dine\nHos oss får du undersøking og behandling, og vi må difor "
                 "behandle opplysningar om deg.\nKven er ansvarleg?\nFjellheim Tannhelse AS er behandlingsansvarleg "
                 "for journalen din.",
                 ["Personvernerklæring", "Korleis vi tek vare på opplysningane dine", "Kven er ansvarleg?"],
                 id="copied-page-title-and-text-in-one-block"),
    pytest.param("Personvernerklæring\nVi forklarar her korleis vi handsamar opplysningar om deg.\nLagringstid\n"
                 "Vi tek vare på opplysningane dine så lenge vi treng dei.\nKort oppsummert:\n- journalen: minst 10 år\n- SMS-logg: 6 månader\n- e-post: inntil eitt år\n"
                 "- rekneskapsbilag: 5 år\nRettane dine\nDu kan be om innsyn i det vi har registrert om deg og få "
                 "ein kopi.\nSist oppdatert i januar 2025.",
                 ["Personvernerklæring", "Lagringstid", "Rettane dine"], id="copied-page-heading-after-a-list"),
    # copied without blank lines: stacked headings, a sentence closed by an address, a table's title
    pytest.param("Personvernerklæring\nInnledning\nDenne erklæringen gjelder for Lysverk AS og forklarer hva vi gjør "
                 "med opplysningene.\nHvorfor vi behandler opplysningene\nOm kunder og brukere\nVi behandler "
                 "opplysninger om kundene våre for å levere tjenestene de har bestilt.\nHar du spørsmål om dette, sender "
                 "du en e-post til personvern@lysverk.no\nSletting\nVi sletter opplysningene når kundeforholdet er avsluttet og "
                 "fristene i loven er ute.",
                 ["Personvernerklæring", "Innledning", "Hvorfor vi behandler opplysningene", "Om kunder og brukere",
                  "Sletting"], id="no-blank-lines-stacked-headings-and-address-end"),
    pytest.param("Personvern\nVi forteller her hva vi gjør med opplysningene dine når du bruker tjenesten.\n"
                 "Databehandlere\n- Amazon AWS\n- Microsoft 365\nSlik bruker vi opplysningene\n- medlemsregistrering\n"
                 "- påmelding til arrangementer\nHva vi bruker dataene til\n- utsending av nyhetsbrev\n" + RIGHTS,
                 ["Personvern", "Databehandlere", "Slik bruker vi opplysningene", "Rettighetene dine"],
                 id="no-blank-lines-heading-over-a-list"),  # not a line running on into the list (`... til` / `- ...`)
    pytest.param(COOKIE_INTRO + "Nødvendige (2)\nNavn\nLeverandør\nUtløp\nCookieConsent\nCookiebot\n1 år\nsession\n"
                 "Eksempel AS\nØkt\nStatistikk (1)\nNavn\nLeverandør\nUtløp\n_ga\nGoogle\n2 år\n" + RIGHTS,
                 ["Informasjonskapsler", "Nødvendige (2)", "Statistikk (1)", "Rettighetene dine"],
                 id="no-blank-lines-table-titles-between-rows"),
    pytest.param(COOKIE_INTRO + "Kilde\nFormål\nType\nGoogle Tag Manager\nMåler trafikk og bruk av siden, slik at vi "
                 "vet hva som er nyttig.\nIkke nødvendig (statistikk)\nTradedoubler, Awin\nSettes først når du klikker "
                 "deg videre til en forhandler via en lenke fra oss.\nIkke nødvendig (markedsføring)\nVi bruker ikke "
                 "informasjonskapsler til noe annet enn dette, og vi selger ingen data.\n" + RIGHTS,
                 ["Informasjonskapsler", "Rettighetene dine"], id="no-blank-lines-cells-of-a-flat-table-are-no-headings"),
    pytest.param("Fagbrua\nFag\nRessursar for lærarar\nSøk\nLogg inn\nInformasjonskapslar på Fagbrua\n"
                 "Kva vi lagrar i nettlesaren din, og kvifor\nSist endra: 2. september 2024\nVi brukar nokre få "
                 "informasjonskapslar for at sida skal fungere.\nSamtykke\nDu vel sjølv kva du godtek i banneret.",
                 ["Informasjonskapslar på Fagbrua", "Kva vi lagrar i nettlesaren din, og kvifor", "Samtykke"],
                 id="no-blank-lines-title-under-a-menu"),
    pytest.param(f"Fjordgaming\nHjem\nTurneringer\nBli medlem\nPersonvern\n\nPersonvern i Fjordgaming\n\n{BODY}",
                 ["Personvern i Fjordgaming"], id="menu-item-is-no-title"),
    pytest.param(COOKIE_INTRO + "Navn\nLeverandør\nUtløp\nCookieConsent\nCookiebot\n1 år\nPreferanser (1)\nlang\n"
                 "eksempel.no\nØkt\nStatistikk (1)\nStatistikk-kapsler hjelper oss å forstå hvordan nettstedet brukes.\n"
                 "_ga\nGoogle\n2 år\n" + RIGHTS,
                 ["Informasjonskapsler", "Preferanser (1)", "Statistikk (1)", "Rettighetene dine"],
                 id="no-blank-lines-group-titles-inside-one-table"),
    pytest.param("Oversikt\nHer ser du hva vi gjør med opplysningene, og hvor lenge vi tar vare på dem.\nFormål\n"
                 "Behandlingsgrunnlag\nLagringstid\nBarnehageopptak\nArt. 6 nr. 1 e\n2 år\nFakturering\nArt. 6 nr. 1 c\n"
                 "5 år\nHvem får opplysningene\nKommunen har databehandleravtale med disse leverandørene:\n"
                 "Visma Flyt – fagsystem for barnehageopptak\nUMS – utsending av SMS-varsler\nLeverandørene behandler "
                 "opplysningene i Norge eller ellers innenfor EU/EØS.\nDine rettigheter\nDu kan be om innsyn i hva vi "
                 "har lagret om deg.",
                 ["Oversikt", "Hvem får opplysningene", "Dine rettigheter"], id="no-blank-lines-lead-in-ends-a-flat-table"),
    pytest.param("Personvern\nPersonvern og informasjonskapsler\nHvilke informasjonskapsler vi bruker, hvorfor, og "
                 "hvordan du styrer dem selv.\nHvem er ansvarlig\nEksempel AS er ansvarlig for opplysningene, og du når "
                 "oss på e-post.\nSamtykket ditt gjelder for følgende domener: www.eksempel.no\n" + RIGHTS,
                 ["Personvern og informasjonskapsler", "Hvem er ansvarlig", "Rettighetene dine"],
                 id="no-blank-lines-eyebrow-over-title-and-domain-line"),
    pytest.param("Personvern\nVi svarer innen en måned.\nKontakt\nHoltbygda Landhandel AS\nHoltbygdvegen 5, 2656 "
                 "Follebu\nOrg.nr. 915 830 420\nE-post: post@landhandel.no",
                 ["Personvern", "Kontakt"], id="no-blank-lines-contact-heading-over-an-address"),
    pytest.param("Personvern\n\nVi svarer innen en måned.\n\nSelskap\n\nKontaktopplysninger\n\nEksempel AB\n\n"
                 "Org.nr: 556646-2940", ["Personvern"], id="contact-label-in-a-footer"),
    pytest.param("Hjem\nTjenester\nKontakt oss\n\nPersonvern\n\nVi svarer på telefon 22 33 44 55.\n\n" + RIGHTS,
                 ["Personvern", "Rettighetene dine"], id="contact-menu-item"),
    pytest.param("Personvern\n\n" + BODY + "\n\n" + COOKIE_INTRO + "Oversikta blir halden oppdatert av Cookie Information.\nNaudsynte (1)\nNamn\n"
                 "Leverandør\nFøremål\nGår ut\nType\nCookieInformationConsent\neksempel.no\nLagrar samtykket ditt\n1 år\n"
                 "HTTP\nStatistikk (1)\nNamn\nLeverandør\nFøremål\nGår ut\nType\n_ga\nGoogle\nTel besøk\n2 år\nHTTP\n\n"
                 + RIGHTS,
                 ["Personvern", "Informasjonskapsler", "Naudsynte (1)", "Statistikk (1)", "Rettighetene dine"],
                 id="group-title-inside-a-block-over-its-header-row"),
    # session 31: a group title over a `|` header row, in a text without blank lines; the title right over
    # the first numbered heading
    pytest.param("Personvern\nVi bruker informasjonskapsler. Strictly necessary cookies settes alltid.\n"
                 "Strictly necessary cookies (2)\nNavn | Leverandør | Formål | Utløp\nOptanonConsent | eksempel.no | "
                 "Lagrer valgene dine | 1 år\n__cf_bm | Cloudflare | Skiller mennesker fra roboter | 30 minutter\n"
                 "Targeting cookies (1)\nNavn | Leverandør | Formål | Utløp\n_fbp | Meta | Måler annonser | 3 måneder\n"
                 + RIGHTS,
                 ["Personvern", "Strictly necessary cookies (2)", "Targeting cookies (1)", "Rettighetene dine"],
                 id="no-blank-lines-group-titles-over-pipe-header-rows"),
    pytest.param("Personvernerklæring for Eksempel Norge AS\n1. Hvem vi er\n" + BODY + "\n\n2. Hva vi behandler\n"
                 + BODY, ["Personvernerklæring for Eksempel Norge AS", "1. Hvem vi er", "2. Hva vi behandler"],
                 id="title-over-the-first-numbered-heading"),
    # no text, or no heading at all
    pytest.param(BODY, [], id="body-only"),
    pytest.param("Personvern", [], id="heading-without-body"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_headings(text, expected):
    assert headings(text) == expected


LEVELS = [
    pytest.param(f"Personvernerkl\u00e6ring\n\nInnledende tekst om behandlingen av opplysninger hos oss.\n\n"
                 f"1 Generelt\n\n{BODY}\n\n1.1 Form\u00e5l\n\n{BODY}\n\n1.2 Grunnlag\n\n{BODY}\n\n2 Rettigheter\n\n{BODY2}",
                 [("Personvernerkl\u00e6ring", None, 0, None), ("1 Generelt", "1", 1, 0),
                  ("1.1 Form\u00e5l", "1.1", 2, 1), ("1.2 Grunnlag", "1.2", 2, 1), ("2 Rettigheter", "2", 1, 0)],
                 id="title-1-1.1-1.2-2"),
    pytest.param(f"1. Informasjon vi samler inn\n\n{BODY}\n\n1. i) Din enhet:\n\n{BODY}\n\n2. Deling\n\n{BODY2}",
                 [("1. Informasjon vi samler inn", "1.", 1, None), ("1. i) Din enhet:", "1. i)", 3, 0),
                  ("2. Deling", "2.", 1, None)], id="roman-under-numbered"),
    pytest.param(f"Personvernerkl\u00e6ring\n\n{BODY}\n\nInformasjonskapsler\n\n{BODY}\n\nRettigheter\n\n{BODY2}",
                 [("Personvernerkl\u00e6ring", None, 0, None), ("Informasjonskapsler", None, 1, 0),
                  ("Rettigheter", None, 1, 0)], id="title-then-unnumbered"),
]


@pytest.mark.parametrize("text, expected", LEVELS)
def test_levels_and_parents(text, expected):
    assert sections(text) == expected


def test_spans_cover_the_text_in_order():
    text = normalize(f"Personvern\n\n{BODY}\n\n1 Generelt\n\n{BODY}\n\n2 Rettigheter\n\n{BODY2}").text
    secs = find_sections(text)
    assert [text[s.start:s.body_start] for s in secs] == ["Personvern", "1 Generelt", "2 Rettigheter"]
    assert secs[-1].end == len(text)
    for a, b in zip(secs, secs[1:]):
        assert a.start < a.body_start <= a.end == b.start
    assert text[secs[1].body_start:secs[1].end].strip() == BODY


def test_structural_headings_are_taken_as_given():
    text = f"Kort\n\n{BODY}\n\nEn tittel som ender med kolon:\n\n{BODY2}"
    first, second = (0, 4), (text.index("En tittel"), text.index(":") + 1)
    secs = find_sections(text, [(*first, 1), (*second, 2)])
    assert [(s.heading, s.level, s.parent) for s in secs] == [("Kort", 0, None),
                                                              ("En tittel som ender med kolon:", 1, 0)]


def test_line_judged_a_heading_sits_below_the_last_marked_heading():
    # an unmarked heading line in an HTML page is a sub-heading of the marked heading above it, so the
    # marked headings that follow keep their parents
    text = f"Personvern\n\n{BODY}\n\nInformasjonskapsler\n\n{BODY}\n\nDatabehandlere\n\n{BODY2}\n\nKontakt\n\n{BODY}"
    marked = [(0, 10, 1)] + [(text.index(h), text.index(h) + len(h), 2) for h in ("Informasjonskapsler", "Kontakt")]
    secs = find_sections(text, marked)
    assert [(s.heading, s.level, s.parent) for s in secs] == [
        ("Personvern", 0, None), ("Informasjonskapsler", 1, 0), ("Databehandlere", 2, 1), ("Kontakt", 1, 0)]
