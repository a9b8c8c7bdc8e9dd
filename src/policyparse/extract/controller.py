"""Controller fields: organisation numbers, contact e-mails and the controller's name.

Besides the record's `controller.names`, `fields["controller_clues"]` holds names looser clues give the
controller (`Dataansvarlig er X`, `X (heretter «vi»)`, `KvammaLAN v/ Kvam E-sport`); later extractors
(processors) use them to keep the controller out of their fields. They are no record field."""
from __future__ import annotations

import regex
from stdnum.no import orgnr as no_orgnr
from stdnum.se import orgnr as se_orgnr

from . import Extraction
from .orgnames import NAME_RE

ORG_CONTEXT = regex.compile(r"(org\.?\s*n(?:r|o|umme[rt])\.?|organisasjons-?\s*n(?:r|ummer)|orgnr|foretaksn(?:r|ummer)"
                            r"|føretaksnummer|organisationsnummer|org\.?\s*id|mva)\W{0,4}$", regex.I)
NO_ORG = regex.compile(r"(?<![\d+])(?:NO\s?)?(\d{3})[ .\u00a0]?(\d{3})[ .\u00a0]?(\d{3})(?:\s?MVA)?(?![\d-])")
SE_ORG = regex.compile(r"(?<![\d+])(\d{6})-(\d{4})(?![\d-])")
EMAIL = regex.compile(
    r"(?<![\w.+-])([\w.+-]+)\s*(?:@|[(\[{]\s*(?:at|alfakrøll|krøllalfa)\s*[)\]}])\s*"
    r"([\w-]+(?:(?:\.|\s*(?:\(dot\)|\[dot\]|\(punktum\))\s*)[\w-]+)*(?:\.|\s*(?:\(dot\)|\[dot\])\s*)[a-z]{2,24})(?![\w@])",
    regex.I)
DOT = regex.compile(r"\s*(?:\(dot\)|\[dot\]|\(punktum\)|\.)\s*", regex.I)
FILE_NAME = regex.compile(r"\.(?:png|jpe?g|gif|svg|webp|avif|ico|bmp|tiff?|pdf)$", regex.I)  # logo@2x.png
LEGAL_SUFFIX = r"(?:AS|ASA|AB|ENK|SA|DA|BA|ANS|KS|IKS|HF|RHF|Ltd\.?|Inc\.?|GmbH|LLC|Oy|A/S|ApS)"
# a word of a name: a full stop only inside it (`Finn.no`), never at its end (`Trondheim. Styret` is two sentences)
WORD = r"[\p{L}\d&'’\-]*(?:\.[\p{L}\d&'’\-]+)*"
# a public body or association is named with a lower-case word after its place (`Fjellby kommune`)
BODY_WORD = r"(?:kommune|fylkeskommune|sokn|borettslag|sameie|idrettslag|velforening|skolekorps|musikkorps|frivilligsentral)"
# words joined by `og`, `&`, `i`, `for` (`Universitetet i Nordvest`), never ending on one (`... i Trøndelag og er ...`)
NAME = (rf"(?:[\p{{Lu}}\p{{Ll}}]?\p{{Lu}}{WORD})(?:(?: (?:og|&|i|for))? \p{{Lu}}{WORD}){{0,5}}?"
        rf"(?: {BODY_WORD})?(?: {LEGAL_SUFFIX})?")
CONTROLLER_PATTERNS = [
    ("controller.is_responsible", regex.compile(
        rf"(?P<name>{NAME})(?:\s*\([^)]*\))?(?:,\s*[^,.]{{1,40}},)?\s+(?:er|vert|blir)\s+(?:\w+\s+){{0,2}}"
        r"(?:behandlingsansvarleg|behandlingsansvarlig|ansvarleg|ansvarlig for (?:behandlingen|personopplysning))")),
    ("controller.responsible_is", regex.compile(
        rf"[Bb]ehandlingsansvarl[ei]g\w*\s+(?:for\s+[^.]{{1,60}}\s+)?(?:er|is)\s+(?P<name>{NAME})")),
]
# used only when no name is said to be the controller (`Nordkode AS (org.nr. ...) – har utviklet løsningen`
# names a supplier)
FALLBACK_PATTERNS = [
    ("controller.name_with_orgnr", regex.compile(
        rf"(?P<name>{NAME}\s+{LEGAL_SUFFIX})\s*(?:\"[^\"]{{1,20}}\"\s*)?\(?\s*(?:org\.?\s*n[ro]\.?:?\s*)?\d{{3}}\s?\d{{3}}\s?\d{{3}}")),
]
CLUE_PATTERNS = [
    ("controller.clue.responsible_is", regex.compile(
        rf"(?:[Dd]ataansvarl[ei]g|[Bb]ehandlingsansvarl[ei]g)\w*\s+(?:er|is)\s+(?P<name>{NAME_RE.pattern})")),
    ("controller.clue.is_responsible", regex.compile(
        rf"(?P<name>{NAME_RE.pattern})\s+(?:er|vert|blir)\s+(?:\p{{Ll}}+\s+){{0,2}}?"
        r"(?:behandlingsansvarl|behandlingsansvarleg|dataansvarl|ansvarleg for behandling|ansvarlig for behandling)")),
    ("controller.clue.other_name", regex.compile(  # the controller under another name
        rf"(?P<name>{NAME_RE.pattern})\s*(?:\(\s*(?:heretter|heretter kalt|herefter|hereafter|kalla|kalt)\b|v/\s*\p{{Lu}})")),
]
NOT_NAMES = {"Vi", "Du", "Dette", "Denne", "Det", "Den", "Som", "Eg", "Me", "Kunden", "Hvem", "Kven", "Selskapet"}


def _org_numbers(doc):
    text = doc.text
    seen = {}
    for m in NO_ORG.finditer(text):
        digits = "".join(m.groups())
        grouped = " " in m.group(0) or "." in m.group(0)
        context = ORG_CONTEXT.search(text[max(0, m.start() - 40):m.start()]) or "MVA" in m.group(0).upper()
        if not (grouped or context) or not no_orgnr.is_valid(digits):
            continue
        if digits not in seen:
            seen[digits] = doc.finding("org_numbers", digits, m.start(), m.end(),
                                       "orgnr.no_mod11" + ("+context" if context else ""), 0.97 if context else 0.85)
    for m in SE_ORG.finditer(text):
        digits = "".join(m.groups())
        if se_orgnr.is_valid(digits) and digits not in seen:
            context = ORG_CONTEXT.search(text[max(0, m.start() - 40):m.start()])
            seen[digits] = doc.finding("org_numbers", digits, m.start(), m.end(),
                                       "orgnr.se_luhn" + ("+context" if context else ""), 0.95 if context else 0.8)
    return list(seen.values())


def _emails(doc):
    seen = {}
    for m in EMAIL.finditer(doc.text):
        local, domain = m.group(1).strip(".").lower(), DOT.sub(".", m.group(2)).lower()
        address = f"{local}@{domain}"
        if ("@" not in m.group(0) and "." not in domain) or FILE_NAME.search(domain):
            continue
        if address not in seen:
            method = "email.plain" if "@" in m.group(0) else "email.deobfuscated"
            seen[address] = doc.finding("emails", address, m.start(), m.end(), method, 0.99 if "@" in m.group(0) else 0.9)
    return list(seen.values())


# said of another party in the same sentence: a processor, a management company or a separate controller
# (`forretningsfører Nordbo Forvaltning AS (org.nr. ...)`, `Samtale Norge AS (org.nr. ...), ... vår databehandler`,
# `Klarna er selvstendig behandlingsansvarlig`, `Vipps MobilePay er selv behandlingsansvarlig`)
OTHER_PARTY = regex.compile(r"(?<![\p{L}])(?:databehandl|forretningsfør|underleverandør|selvstendig|sjølvstendig|"
                            r"separat|eget\s+behandlingsansvar|eige\s+behandlingsansvar|felles\s+behandlingsansvar|"
                            r"(?:selv|sjølv)\s+(?:behandlings|data)?ansvarl)\w*",
                            regex.I)


SENTENCE_BREAK = regex.compile(r"(?<=[.!?])\s+(?=\p{Lu})")


def _other_party(doc, m) -> bool:
    before = SENTENCE_BREAK.split(doc.text[max(0, m.start("name") - 40):m.start("name")])[-1]
    after = SENTENCE_BREAK.split(doc.text[m.end("name"):m.end() + 60])[0]
    return bool(OTHER_PARTY.search(before) or OTHER_PARTY.search(after))


CONTROLLER_HEADING = regex.compile(r"ansvarl|behandlingsansvar", regex.I)
OPENING_NAME = regex.compile(rf"\s*(?P<name>{NAME})\s*(?:,\s*|\(\s*)(?:org\.?\s*n[ro]\.?|organisasjonsn\w*)")


def _section_openings(doc):
    """`Lyngstad Idrettslag, org.nr. 992 718 358, ...` opening the body of a section headed by the controller
    question (`Hvem er behandlingsansvarlig?`, `Kven er ansvarleg`): the controller named with its number."""
    for sec in doc.sections:
        if sec.body_start < 20000 and CONTROLLER_HEADING.search(sec.heading):
            if m := OPENING_NAME.match(doc.text, sec.body_start, sec.end):
                yield m


def _controller_names(doc):
    """Names the text makes the controller (opening the controller section, or said to be it), or else the
    names that stand beside an org. number."""
    found = {}

    def add(m, method: str) -> None:
        name = " ".join(m.group("name").split()).strip(" ,.")
        if name.split()[0] not in NOT_NAMES and len(name) >= 2 and name not in found:
            found[name] = doc.finding("controller", name, m.start("name"), m.end("name"), method, 0.8)

    for m in _section_openings(doc):
        add(m, "controller.section_opening")
    for patterns in (CONTROLLER_PATTERNS, FALLBACK_PATTERNS):
        for method, pattern in patterns:
            for m in pattern.finditer(doc.text[:20000]):
                if not _other_party(doc, m):
                    add(m, method)
        if found:
            break
    return list(found.values())


def _controller_clues(doc) -> list[str]:
    return [m.group("name") for _, pattern in CLUE_PATTERNS for m in pattern.finditer(doc.text[:20000])]


def extract(doc, fields) -> Extraction:
    orgs, emails, names = _org_numbers(doc), _emails(doc), _controller_names(doc)
    org_values = [f.value for f in orgs]
    email_values = [f.value for f in emails]
    controller = {"names": [f.value for f in names], "org_numbers": org_values, "emails": email_values}
    return Extraction({"org_numbers": org_values, "emails": email_values, "controller": controller,
                       "controller_clues": _controller_clues(doc)}, orgs + emails + names)
