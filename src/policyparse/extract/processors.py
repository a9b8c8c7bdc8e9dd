"""`processors`: named external organisations or services that receive or process personal data.

Candidates come from four places:

1. structure: tables of suppliers (flattened one cell per line under a header row such as
   `Supplier / Function / Location`, or HTML rows `cell | cell | cell`, read by `policyparse.flat_tables`;
   which header rule gives which column is `table_columns` in `resources/processor_lexicon.json`; cookie
   tables give their provider column; a company in the supplier column with one of its products in another
   cell gives the product), tables whose tab-separated cells became spaces (`Leverandør Tjeneste
   Behandlingssted` / `Vitec Next (Vitec Megler AS) meglersystem Norge`), supplier records
   (`Leverandør: X` / `Oppgave: ...` / `Plassering: ...`, and the provider field of cookie records),
   list items under a sub-processor / recipient heading or a lead-in line (`Vi benytter følgende
   underleverandører:` - `Poweroffice (regnskapssystem)`; also `Name – function` lines without a bullet
   under a line ending with a colon), supplier cards (name line, function line, location line) and
   sub-headings named after a service;
2. cue patterns: a name right after `levert av`, `lagres hos`, `benytter`, `vår databehandler`,
   `databehandleravtale med`, `informasjonskapsler fra`, `bygge inn` ... (rules in
   `resources/processor_rules.json`);
3. the gazetteer `resources/processors.csv` (services common in Norwegian policies, with aliases,
   organisation, country and category), matched everywhere; a mention counts when its sentence
   says the service is used (or the service is a tracking tool), and is not negated (`Vi bruker
   ingen ... Google Analytics`), a contact channel (`via ... Facebook eller Twitter`), a look-up
   source (`oppslag i 1881.no, proff.no`), the user's own tool or self-hosted;
4. unknown names found by 1 and 2 must look like proper names (capitalised mid-sentence somewhere,
   CamelCase, a domain, an acronym, several capitalised words) or sit in a clear supplier structure.

Excluded: the controller and its group (names from `fields["controller"]` and `fields["controller_clues"]`,
e-mail domains, name similarity; but a known service the text calls a separate controller, `Klarna er
selvstendig behandlingsansvarlig`, stays a recipient), public authorities, portals and registers
(`Kartverket`, `Altinn`, `X (SI), et felles register`) and look-up sources, generic categories
(`IT-leverandører`), services said to process no personal data or to run on the controller's own servers
(`Matomo er installert på våre eigne serverar`), services in a table row whose `Brukes?` cell says `Nei`,
social platforms and marketplaces named only as the place where ads or vacancies are shown (`annonsar
på Facebook og Instagram`, `lyst ut på Finn.no`), header rows, and an umbrella company (`Google`) when one
of its products (`Google Analytics`) is already listed, and names the cookie extractor found as cookies
(`ARRAffinity` listed under a provider heading). Legal forms written with a slash stay part of the
name (`Cybot A/S`).
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from . import Extraction
from ..flat_tables import RECORD_LINE, Row, header_role, header_rule, header_rule_ids, header_words, tables_of
from ..rules import RulesError, check_entries, load_json, read_text
from .layout import PIPE, Line, blocks as line_blocks, doc_lines, line_span, pipe_row
from .orgnames import INNER_OG, LEGAL_SUFFIX, LOWER_NAME, NAME_RE, SUFFIX_RE, norm_key

# Software that always runs on the controller's own site (WordPress plugins): named, never a processor.
SELF_HOSTED = "self_hosted"
CATEGORIES = frozenset({
    "umbrella", "analytics", "advertising", "affiliate", "tag_management", "session_replay", "consent", "chat",
    "support", "crm", "marketing_automation", "newsletter", "email", "sms", "telecom", "cloud", "hosting", "cdn",
    "database", "storage", "cms", "ecommerce", "payment", "logistics", "accounting", "erp", "hr", "recruitment",
    "collaboration", "productivity", "communication", "video", "maps", "fonts", "social", "reviews", "forms",
    "surveys", "events", "booking", "identity", "signing", "security", "captcha", "ai", "developer",
    "monitoring", "integration", "search", "translation", "education", "health", "collection", "it_services",
    "media", "marketplace", "finance", SELF_HOSTED})
# Tools whose mere (non-negated) mention on a policy means the site sends them visitor data.
AUTO_CATEGORIES = frozenset({"analytics", "advertising", "affiliate", "tag_management", "session_replay", "chat",
                             "video", "maps", "captcha"})
# Named only in a clear processor context (list, table, direct cue): companies and common words.
STRICT_CATEGORIES = frozenset({"umbrella"})
EMBEDDED_CATEGORIES = frozenset({"video", "maps", "social", "fonts"})
GAZETTEER_COLUMNS = ("id", "name", "aliases", "organisation", "country", "category", "ambiguous")
RULE_KINDS = {"section", "lead_in", "name_cue", "subject_cue", "relative_cue", "sentence_cue", "social_cue",
              "veto_after", "veto_before", "veto_sentence", "veto_name", "veto_entity", "veto_row"}
TABLE_COLUMNS = ("supplier", "name", "function", "location", "cookie")
# Separators between names in one cell or item; a comma before a legal form (`Meta Platforms, Inc.`), the
# slash of `A/S` and the `&` of one firm (`Drammen Lås & Sikring AS`) do not separate.
SPLIT_NAMES = regex.compile(rf"\s*(?:,(?!\s*(?:{LEGAL_SUFFIX}(?![\p{{L}}\d])|\(publ\)))\s*|\s+(?!{INNER_OG})og\s+|\s+eller\s+|\s+and\s+|"
                            rf"(?<!(?<![\p{{L}}\d])\p{{Lu}})\s*/\s*(?!\p{{Lu}}(?![\p{{L}}\d]))|\s+\+\s+|"
                            rf"\s+&\s+(?=\p{{Lu}}\p{{Ll}}+\s+\p{{Lu}})(?!\p{{Lu}}\p{{Ll}}+\s+{LEGAL_SUFFIX}(?![\p{{L}}\d])))")
ADDRESS_LINE = regex.compile(r"\b\d{4}\s+\p{Lu}\p{Ll}+|\borg\.?\s*n(?:r|o|ummer)|organisasjonsn|\btelefon\b|\btlf\b|"
                             r"\be-post\s*:|\bpostboks\b|\p{L}+(?:veien|vegen|gata|gate|vei|veg|plass)\s+\d", regex.I)
SENTENCE_END = regex.compile(r"[.!?]\s*$")
AUTHORITY_AFTER = regex.compile(r"\s+(\p{Ll}+)")   # the word after a name: `kommune` makes `Time` a municipality
INDEFINITE = regex.compile(r"(?:en|et|ei|ein|eit)\s+")
# labels of where data comes from, not who receives it (`Kilde: Folkeregisteret`)
SOURCE_LABEL = regex.compile(r"\b(?:kilde|kjelde|source|part|aktør)\w*", regex.I)
# `SDC A/S – drift av kjernebanksystem`: an entry line without a bullet
DASH_ENTRY = regex.compile(r"^(?:\p{Lu}|\d)[^:–—.!?\n]{0,59}?\s+[–—-]\s+\S")
# a paragraph made only of `Name – function – country` lines (`PostHog Inc. – product analytics – EU`)
DASH_BLOCK_LINE = regex.compile(r"^(?:\p{Lu}|\d)[^:–—!?\n]{0,69}?\s+[–—]\s+\S")
# `X er selvstendig behandlingsansvarlig`, `X er selv behandlingsansvarlig`: X is a separate controller, not the
# one whose policy this is.
SEPARATE_CONTROLLER = (r"\s*(?:\([^)]{1,40}\)\s*)?(?:er|blir|vert|is)\s+(?:\p{L}+\s+)?(?:selvstendig|sjølvstendig|"
                       r"selvstendige|sjølvstendige|separat|egen|eigen|eget|eige|selv|sjølv|independent)\s+"
                       r"(?:behandlingsansvarl|dataansvarl|controller)")
# `Nordbo Forvaltning AS (org.nr. ...), som behandler opplysningene på våre vegne`: the text itself says X processes
# data for the controller, so X is a processor even when a controller clue (its org.nr., its e-mail domain) points
# at it. Only first-person wording: a policy of a processor says `på vegne av kundene` of itself.
OWN_PROCESSOR = regex.compile(
    rf"(?P<name>{NAME_RE.pattern})\s*(?:\([^)]{{1,60}}\)\s*)?,?\s*"
    r"(?:(?:et|eit|en|ein|ei|an|a)\s+(?:[\p{L}\-]+\s+){0,3}?(?=som\s|who\s|which\s))?(?:som\s+|who\s+|which\s+)?"
    r"(?:(?:behandler|behandlar|handsamar|lagrer|lagrar|processes|stores)\s+(?:[\p{L}\-]+\s+){0,3}?"
    r"(?:på\s+(?:våre|vår|vårt)\s+vegne|på\s+vegne(?:r)?\s+av\s+oss|on\s+our\s+behalf)"
    r"|(?:er|blir|vert|is)\s+(?:vår|vårt|our)\s+(?:databehandler|databehandlar|forretningsfører|forretningsførar|"
    r"processor|data\s+processor))", regex.V1)


# Norwegian letters as domain names spell them
ASCII_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "å": "a", "ä": "a", "ö": "o", "ü": "u", "é": "e"})


# --------------------------------------------------------------------------------------- gazetteer
@dataclass(frozen=True)
class Service:
    id: str
    name: str
    aliases: tuple[str, ...]
    organisation: str
    country: str
    category: str
    ambiguous: bool


INSIDE_COMPANY_BEFORE = regex.compile(r"(?<![.!?:]\s*)(?:(?<=\S\s+)|^)\p{Lu}[\p{L}\d&\-]*\s$")
INSIDE_COMPANY_AFTER = regex.compile(rf"\s+{LEGAL_SUFFIX}(?![\p{{L}}\d])")


class Gazetteer:
    """Services with their aliases; `find` gives every mention in a text, longest alias first."""

    def __init__(self, services: list[Service]):
        self.services = {s.id: s for s in services}
        self.by_key: dict[str, tuple[Service, str]] = {}
        for s in services:
            for alias in (s.name, *s.aliases):
                self.by_key[norm_key(alias)] = (s, alias)
        alternatives = []
        for key, (s, alias) in sorted(self.by_key.items(), key=lambda kv: -len(kv[1][1])):
            runs = regex.findall(r"[\p{L}\d]+", alias)
            alternatives.append(r"[ \-./()&]{0,3}".join(regex.escape(r) for r in runs))
        self.pattern = regex.compile(r"(?<![\p{L}\d@./])(?:" + "|".join(alternatives) + r")(?:'?s)?(?![\p{L}\d]|\.[\p{L}\d])",
                                     regex.I | regex.V1)

    def lookup(self, name: str) -> Service | None:
        hit = self.by_key.get(norm_key(name))
        if hit is None and name.endswith("s"):
            hit = self.by_key.get(norm_key(name[:-1]))
        return hit[0] if hit else None

    def find(self, text: str, offset: int = 0) -> list[tuple[int, int, str, Service]]:
        out = []
        for m in self.pattern.finditer(text):
            written = m.group(0)
            hit = self.by_key.get(norm_key(written))
            core = written
            if hit is None and regex.search(r"'?s$", written):
                core = regex.sub(r"'?s$", "", written)
                hit = self.by_key.get(norm_key(core))
            if hit is None:
                continue
            if core.count("(") > core.count(")"):
                out.extend(self._products_of_brand(text, m.start(), core, offset))
                continue
            service, alias = hit
            if not _case_ok(core, alias, service.ambiguous):
                continue
            if INSIDE_COMPANY_AFTER.match(text, m.start() + len(core)) \
                    and INSIDE_COMPANY_BEFORE.search(text, max(0, m.start() - 60), m.start()):
                continue                       # `Drift` in `Nordlys Drift AS`: a word of another company's name
            out.append((m.start() + offset, m.start() + offset + len(core), core, service))
        return out

    def _products_of_brand(self, text: str, start: int, written: str, offset: int) -> list:
        """`Google (Analytics 4 og Ads)`: each product in the parenthesis under the brand before it; the
        brand alone when the parenthesis names none."""
        brand = written[:written.find("(")].strip()
        inner = start + written.find("(") + 1
        close = text.find(")", inner)
        out = []
        if 0 < close - inner <= 80 and "\n" not in text[inner:close]:
            for piece, s, e in _names_in(text[inner:close], inner):
                hit = self.by_key.get(norm_key(f"{brand} {piece}"))
                if hit is not None and _case_ok(brand, hit[1].split()[0], hit[0].ambiguous):
                    out.append((s + offset, e + offset, f"{brand} {piece}", hit[0]))
        hit = self.by_key.get(norm_key(brand))
        if not out and hit is not None and _case_ok(brand, hit[1], hit[0].ambiguous):
            out.append((start + offset, start + offset + len(brand), brand, hit[0]))
        return out


def _case_ok(written: str, alias: str, ambiguous: bool) -> bool:
    if written == alias or ("." in alias and written.casefold() == alias.casefold()):
        return True     # a domain-like name (`One.com`) is often written as its domain (`one.com`)
    if written.isupper() and len(written) >= 3:
        return True
    if ambiguous:
        return False
    if alias[:1].islower():
        return written.casefold() == alias.casefold()
    return written[:1].isupper() or written[:1].isdigit()


def parse_gazetteer(text: str, name: str = "processors.csv") -> Gazetteer:
    """Read and validate a gazetteer CSV: exact columns, no empty field (aliases may be empty), known
    categories, two-letter country codes, yes/no `ambiguous`, no name or alias used twice."""
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != GAZETTEER_COLUMNS:
        raise RulesError(f"{name}: columns must be {list(GAZETTEER_COLUMNS)}, got {reader.fieldnames}")
    services, keys, ids = [], {}, set()
    for n, row in enumerate(reader, 2):
        if None in row or any(v is None for v in row.values()):
            raise RulesError(f"{name}: line {n}: wrong number of fields")
        row = {k: v.strip() for k, v in row.items()}
        for col in GAZETTEER_COLUMNS:
            if col != "aliases" and not row[col]:
                raise RulesError(f"{name}: line {n}: empty {col!r}")
        if row["id"] in ids:
            raise RulesError(f"{name}: line {n}: duplicate id {row['id']!r}")
        ids.add(row["id"])
        if row["category"] not in CATEGORIES:
            raise RulesError(f"{name}: line {n}: unknown category {row['category']!r}")
        if not regex.fullmatch(r"[A-Z]{2}", row["country"]):
            raise RulesError(f"{name}: line {n}: country must be an ISO 3166 code, got {row['country']!r}")
        if row["ambiguous"] not in ("yes", "no"):
            raise RulesError(f"{name}: line {n}: ambiguous must be yes or no, got {row['ambiguous']!r}")
        aliases = [a.strip() for a in row["aliases"].split(";")] if row["aliases"] else []
        if any(not a for a in aliases):
            raise RulesError(f"{name}: line {n}: empty alias in {row['aliases']!r}")
        for alias in [row["name"], *aliases]:
            key = norm_key(alias)
            if not key:
                raise RulesError(f"{name}: line {n}: alias {alias!r} has no letters")
            if key in keys:
                raise RulesError(f"{name}: line {n}: name or alias {alias!r} already used on line {keys[key]}")
            keys[key] = n
        services.append(Service(row["id"], row["name"], tuple(aliases), row["organisation"], row["country"],
                                row["category"], row["ambiguous"] == "yes"))
    if not services:
        raise RulesError(f"{name}: no entries")
    return Gazetteer(services)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    return parse_gazetteer(read_text("processors.csv"), "processors.csv")


# --------------------------------------------------------------------------------------- rules
@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    pattern: regex.Pattern
    role: str | None = None
    requires: regex.Pattern | None = None
    blocked_by: regex.Pattern | None = None
    categories: frozenset[str] = frozenset()
    section_only: bool = False

    def applies_to(self, category: str | None) -> bool:
        """A rule tied to categories applies only to a known service of one of them."""
        return not self.categories or category in self.categories


@dataclass(frozen=True)
class Lexicon:
    not_names: frozenset[str]
    excluded: frozenset[str]
    authority: regex.Pattern
    generic: regex.Pattern
    columns: dict[str, frozenset[str]]     # supplier-table column -> header rule ids (table_headers.json)
    locations: tuple[str, ...]
    location_re: regex.Pattern
    descriptor_re: str
    free_mail: frozenset[str]
    given_names: frozenset[str]


@lru_cache(maxsize=1)
def load_rules() -> dict[str, list[Rule]]:
    name = "processor_rules.json"
    data = load_json(name)
    if not isinstance(data, dict) or "rules" not in data:
        raise RulesError(f"{name}: expected an object with a 'rules' list")
    entries = check_entries(name, data["rules"], {"id", "kind", "pattern"},
                            {"role", "requires", "blocked_by", "categories", "section_only"},
                            patterns=("pattern", "requires", "blocked_by"))
    rules: dict[str, list[Rule]] = {k: [] for k in RULE_KINDS}
    for e in entries:
        if e["kind"] not in RULE_KINDS:
            raise RulesError(f"{name}: rule {e['id']}: unknown kind {e['kind']!r}")
        unknown = set(e.get("categories", [])) - CATEGORIES
        if unknown:
            raise RulesError(f"{name}: rule {e['id']}: unknown categories {sorted(unknown)}")
        flags = regex.I | regex.V1
        rules[e["kind"]].append(Rule(
            e["id"], e["kind"], regex.compile(e["pattern"], flags), e.get("role"),
            regex.compile(e["requires"], flags) if e.get("requires") else None,
            regex.compile(e["blocked_by"], flags) if e.get("blocked_by") else None,
            frozenset(e.get("categories", [])), bool(e.get("section_only", False))))
    return rules


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    name = "processor_lexicon.json"
    data = load_json(name)
    lists = ["not_names", "excluded", "locations", "descriptors", "free_mail_domains", "given_names"]
    required = set(lists) | {"description", "authority_pattern", "generic_pattern", "table_columns"}
    if not isinstance(data, dict) or set(data) != required:
        raise RulesError(f"{name}: keys must be {sorted(required)}")
    for key in lists:
        if not isinstance(data[key], list) or not all(isinstance(v, str) and v.strip() for v in data[key]):
            raise RulesError(f"{name}: {key} must be a list of non-empty strings")
    try:
        authority = regex.compile(data["authority_pattern"], regex.I)
        generic = regex.compile(data["generic_pattern"], regex.I)
    except regex.error as exc:
        raise RulesError(f"{name}: bad pattern: {exc}") from exc
    columns = data["table_columns"]
    if not isinstance(columns, dict) or set(columns) != set(TABLE_COLUMNS):
        raise RulesError(f"{name}: table_columns must map {list(TABLE_COLUMNS)} to header rule ids")
    for kind, ids in columns.items():
        if not isinstance(ids, list) or not set(ids) <= header_rule_ids():
            raise RulesError(f"{name}: table_columns.{kind}: not header rule ids of table_headers.json: {ids!r}")
    columns = {kind: frozenset(ids) for kind, ids in columns.items()}
    locations = tuple(sorted(data["locations"], key=len, reverse=True))
    location_re = regex.compile(r"(?<![\p{L}\d])(?:" + "|".join(regex.escape(x) for x in locations) + r")(?![\p{L}\d])")
    descriptors = sorted(data["descriptors"], key=len, reverse=True)
    descriptor_re = (r"(?:(?:vår|vårt|våre|den|det|en|et|ei|ein|eit|selskapet|tjenesten|tenesta)\s+)?"
                     r"(?:(?:\p{Ll}+(?:isk|iske|lig|lige|leg|lege)\s+)?[\p{Ll}\-]*(?:" + "|".join(regex.escape(d) for d in descriptors) + r")\s+(?:til|fra|frå)?\s*)?")
    not_names = frozenset(v.casefold() for v in data["not_names"])
    return Lexicon(not_names, frozenset(norm_key(v) for v in data["excluded"]), authority, generic,
                   columns, locations, location_re, descriptor_re,
                   frozenset(v.casefold() for v in data["free_mail_domains"]), frozenset(data["given_names"]))


# --------------------------------------------------------------------------------------- candidates
@dataclass
class Candidate:
    name: str
    start: int
    end: int
    method: str
    confidence: float
    strength: int                      # 3 table/list/card, 2 direct cue, 1 sentence cue / tracking tool
    service: Service | None = None
    function: str | None = None
    location: str | None = None
    role: str = "processor"
    organisation: str | None = None
    structural: bool = False


class Context:
    """What the rules need to know about one document."""

    def __init__(self, doc, fields):
        self.doc = doc
        self.text = doc.text
        self.gaz = load_gazetteer()
        self.rules = load_rules()
        self.lex = load_lexicon()
        self.lines = doc_lines(doc)
        self.mentions = self.gaz.find(self.text)
        self.ignored: list[tuple[int, int]] = []     # non-name cells of supplier tables and cards
        self.claimed: list[tuple[int, int]] = []     # spans already taken by structural candidates
        self._proc_section_cache: dict[int, tuple[bool, str | None]] = {}
        controller = fields.get("controller") or {}
        self.controller_names = [n for n in controller.get("names", []) if n]
        self.controller_names += [n for n in fields.get("controller_clues", [])
                                  if n.split()[0].casefold() not in self.lex.not_names]
        # a known service the text calls a separate controller (`Klarna er selvstendig behandlingsansvarlig`)
        # is a recipient, whatever the controller clues say
        self.controller_names = [n for n in self.controller_names if not (
            self.gaz.lookup(n) is not None and self.gaz.lookup(n).category != "umbrella"
            and regex.search(rf"(?<![\p{{L}}\d]){regex.escape(n)}" + SEPARATE_CONTROLLER, self.text, regex.I))]
        declared = {norm_key(m.group("name")) for m in OWN_PROCESSOR.finditer(self.text)} - {""}
        self.controller_names = [n for n in self.controller_names if norm_key(n) not in declared]
        self.cookie_keys = {norm_key(c["name"]) for c in fields.get("cookies", [])} - {""}
        self.email_labels = set()
        for address in controller.get("emails", []) or fields.get("emails", []):
            domain = address.split("@")[-1].lower()
            labels = domain.split(".")
            if len(labels) >= 2 and labels[-2] not in self.lex.free_mail and "datatilsynet" not in domain:
                self.email_labels.add(regex.sub(r"[\W_]+", "", labels[-2]))
        self.email_labels -= declared
        if doc.url:
            host = regex.sub(r"^https?://(www\.)?", "", doc.url).split("/")[0].split(".")
            if len(host) >= 2:
                self.email_labels.add(regex.sub(r"[\W_]+", "", host[-2].lower()))

    # ---- sections
    def section_role(self, offset: int) -> tuple[bool, str | None]:
        """Is offset inside a processor / recipient section, and what role do its entries have?"""
        i = self.doc.section_index_at(offset)
        if i is None:
            return False, None
        if i in self._proc_section_cache:
            return self._proc_section_cache[i]
        result = (False, None)
        j, steps = i, 0
        seen = set()
        while j is not None and j not in seen and steps < 12:
            seen.add(j)
            sec = self.doc.sections[j]
            role = self.heading_role(sec.heading)
            if role:
                result = (True, role)
                break
            # a run of sibling sections titled by service names under a processor heading
            if self.name_like_heading(sec.heading) and j > 0:
                j, steps = j - 1, steps + 1
                continue
            if sec.parent is not None:
                j, steps = sec.parent, steps + 1
                continue
            break
        self._proc_section_cache[i] = result
        return result

    def heading_role(self, heading: str) -> str | None:
        for rule in self.rules["section"]:
            if rule.pattern.search(heading):
                return rule.role
        return None

    def name_like_heading(self, heading: str) -> bool:
        title = regex.sub(r"^\s*(?:\d+(?:\.\d+)*\.?|[a-z]\))\s+", "", heading)
        name = regex.sub(r"\s*\([^)]*\)\s*$", "", title).strip()
        return bool(name) and (self.gaz.lookup(name) is not None or
                               (self.looks_like_name(name) and self.proper_evidence(name)))

    # ---- names
    def looks_like_name(self, name: str) -> bool:
        tokens = name.split()
        if not tokens or len(tokens) > 6 or len(name) > 60:
            return False
        if name.casefold() in self.lex.not_names or tokens[0].casefold() in self.lex.not_names:
            return False
        if name.count("(") != name.count(")"):
            return False                                   # `Ads)` of `Google (Analytics 4 og Ads)`
        if len(tokens) == 2 and tokens[0] in self.lex.given_names and self.gaz.lookup(name) is None:
            return False                                   # a person: `drevet av Kari Nordmann`
        if len(regex.sub(r"[\W_]+", "", name)) < 2 or regex.fullmatch(LEGAL_SUFFIX, name.strip(" ,")):
            return False                                   # `S` of a split `A/S`, a bare `Inc`
        if len(tokens) == 1 and regex.fullmatch(r"\p{Lu}[\p{L}\-]*'?s", name) and (
                name.rstrip("s").rstrip("'").casefold() in self.lex.not_names
                or self.lex.location_re.fullmatch(name.rstrip("s").rstrip("'"))):
            return False                                   # a genitive: `EUs standardkontrakter`
        if not regex.match(r"(?:\p{Lu}|\d|\p{Ll}{1,2}\p{Lu})", tokens[0]):
            return False
        if len(tokens) == 1 and len(name) >= 13 and regex.fullmatch(r"\p{Lu}\p{Ll}+", name) \
                and self.gaz.lookup(name) is None:
            return False                                   # a Norwegian compound common noun
        core = SUFFIX_RE.sub("", name).split()
        if len(core) < len(tokens) and regex.fullmatch(LOWER_NAME, name):
            return True                                    # `Norsk helsenett SF`
        for i, tok in enumerate(core[1:], 1):
            if tok in ("&", "of", "for", "de") or (tok == "og" and regex.match(INNER_OG, " ".join(core[i:]))):
                continue
            if not regex.match(r"(?:\p{Lu}|\d|\p{Ll}{1,2}\p{Lu})", tok):
                return False
        return True

    def proper_evidence(self, name: str) -> bool:
        """Is this a proper name rather than a capitalised common word at the start of a line?"""
        core = SUFFIX_RE.sub("", name).strip()
        if core != name.strip():
            return True                                                     # legal suffix
        tokens = core.split()
        if len(tokens) >= 2 and all(regex.match(r"\p{Lu}|\d", t) for t in tokens if t not in ("&", "of", "for")):
            return True
        first = tokens[0]
        if regex.search(r"\p{Ll}\p{Lu}|\d|\.\p{L}{2,}", first) or (first.isupper() and len(first) >= 2):
            return True                                                     # CamelCase, digits, domain, acronym
        for m in regex.finditer(rf"(?<![\p{{L}}\d]){regex.escape(first)}(?![\p{{L}}\d])", self.text):
            before = self.text[max(0, m.start() - 60):m.start()]
            line_before = before.split("\n")[-1]
            stripped = line_before.rstrip()
            if regex.fullmatch(r"\s*(?:[-•]|\d+(?:\.\d+)*\.?|[a-z]\)|\d+\))?\s*", stripped):
                continue
            if stripped[-1:] in ".!?:«\"'(•" or stripped.endswith("- "):
                continue
            return True
        return False

    def is_excluded(self, name: str, service: Service | None) -> str | None:
        key = norm_key(name)
        if not key:
            return "empty"
        if key in self.lex.excluded or (service and norm_key(service.name) in self.lex.excluded):
            return "excluded"
        core = SUFFIX_RE.sub("", name).strip()
        last = core.split()[-1] if core.split() else core
        if service is None and (self.lex.authority.search(last) or self.lex.authority.search(core)):
            return "authority"
        if service is None and self.lex.generic.search(core):
            return "generic"
        if name.casefold() in self.lex.not_names:
            return "not_name"
        if service is None and key in self.cookie_keys:
            return "cookie"                          # `- ARRAffinity – ...` under a provider heading
        if service is not None and service.category == SELF_HOSTED:
            return SELF_HOSTED
        if self.is_controller(name, service):
            return "controller"
        return None

    def is_controller(self, name: str, service: Service | None) -> bool:
        name = OWN_APP.sub("", name)   # `Min Fjordvik`: the controller's own customer pages or app
        key = norm_key(name)
        first = norm_key(name.split()[0]) if name.split() else ""
        for cn in self.controller_names:
            ck = norm_key(cn)
            cfirst = norm_key(cn.split()[0]) if cn.split() else ""
            if not ck:
                continue
            if key == ck or (len(ck) >= 4 and key.startswith(ck)) or (len(key) >= 4 and ck.startswith(key)):
                return True
            if len(first) >= 4 and first == cfirst and not self.lex.authority.search(cn):
                return True                 # group companies; not `Hallesøy og Omegn Renovasjon IKS` of `Hallesøy kommune`
        if service is not None:
            return False
        parts = regex.findall(r"\p{L}[\p{L}\d]*", regex.sub(r"\([^)]*\)", "", SUFFIX_RE.sub("", name)))
        acronym = "".join(p[0] for p in regex.findall(r"[\p{L}\d]+", regex.sub(r"\([^)]*\)", "", SUFFIX_RE.sub("", name)))).casefold()
        inner = [norm_key(x) for x in regex.findall(r"\(([^)]*)\)", name)]
        ascii_key = key.translate(ASCII_LETTERS)                      # `Varde Nødhjelp` / vardenodhjelp.no
        for label in self.email_labels:
            if not label or len(label) < 2:
                continue
            if label in (key, ascii_key) or acronym == label or label in inner:
                return True
            if len(label) >= 4 and any(k.startswith(label) or label.startswith(k) and len(k) >= 4
                                       for k in (key, ascii_key)):
                return True
        return False

    # ---- sentences and vetoes
    def sentence_span(self, offset: int) -> tuple[int, int]:
        sent = self.doc.sentence_at(offset)
        if sent is None or not (sent.start_char <= offset < sent.end_char + 1):
            return line_span(self.text, offset)
        return sent.start_char, sent.end_char

    def vetoed(self, start: int, end: int, service: Service | None) -> str | None:
        s0, s1 = self.sentence_span(start)
        sentence = self.text[s0:s1]
        rel = start - s0
        for rule in self.rules["veto_after"]:
            for m in rule.pattern.finditer(sentence):
                if m.start() < rel and not regex.search(r"[;:]|\s[—–]\s|\b(?:men|but|enn|unntatt|bortsett\s+fra)\b",
                                                        sentence[m.end():rel]):     # `ingen andre enn Mailchimp`
                    return rule.id
        if not regex.search(r"[\p{L}\d]", sentence[:rel]):
            for rule in self.rules["veto_before"]:
                if rule.pattern.match(sentence[end - s0:]):
                    return rule.id
        category = service.category if service else None
        vetoed = self.sentence_veto(sentence, category) or self._row_vetoed(start)  # `Analytiske | ... | Nei`
        if vetoed:
            return vetoed
        return self._first_rule("veto_name", sentence[max(0, rel - 60):rel], category)

    def sentence_veto(self, text: str, category: str | None = None) -> str | None:
        """The `veto_sentence` rule that says the text is no processor use, or None."""
        return self._first_rule("veto_sentence", text, category)

    def _first_rule(self, kind: str, text: str, category: str | None) -> str | None:
        """The first rule of the kind that applies to the category and matches somewhere in the text."""
        return next((r.id for r in self.rules[kind] if r.applies_to(category) and r.pattern.search(text)), None)

    def _row_vetoed(self, start: int) -> str | None:
        """A `veto_row` rule matching another cell of this `|` row, under a column whose header (the first
        row of the run of `|` lines) matches the rule's `requires` (`Brukes?` / `Nei`)."""
        row = pipe_row(self.text, start)
        if row is None:
            return None
        pos, cells, header = row
        for idx, cell in enumerate(cells):
            inside = pos <= start < pos + len(cell)
            pos += len(cell) + len(PIPE)
            if inside or idx >= len(header):
                continue
            for rule in self.rules["veto_row"]:
                if rule.pattern.match(cell.strip()) and (rule.requires is None or rule.requires.search(header[idx])):
                    return rule.id
        return None

    def sentence_has(self, kind: str, start: int) -> bool:
        s0, s1 = self.sentence_span(start)
        sentence = self.text[s0:s1]
        return any(r.pattern.search(sentence) for r in self.rules[kind])

    def in_spans(self, start: int, spans) -> bool:
        return any(a <= start < b for a, b in spans)

    def header_row(self, line: str) -> list[tuple[str, tuple[str, str] | None]] | None:
        """The cells of a table header row written as words on one line (`Leverandør Tjeneste
        Behandlingssted`, a tab-separated header whose tabs became spaces): (cell, (rule id, role) or None)
        for each; None when the line is no such row (two header cells at least, one other word at most)."""
        words = line.split()
        if not 2 <= len(words) <= 8 or SENTENCE_END.search(line) or line.rstrip().endswith(":") or \
                not all(regex.match(r"\p{Lu}", w) for w in words):
            return None
        cells = header_words(words, header_row=True, longest=3)
        known = sum(1 for _, rule in cells if rule)
        return cells if known >= 2 and len(cells) - known <= 1 else None


# ---- parsing of one entry ("Name (function) - note", "A og B (function)", "Name: description")
PRODUCT_OF = regex.compile(r"^(?P<product>\p{Lu}\S*(?:\s+\S+){0,2}?)\s+(?:fra|frå|by|levert\s+av)\s+(?P<org>\p{Lu}.*)$")


@lru_cache(maxsize=None)
def _cue_then_name(cue: str, descriptor: str) -> regex.Pattern:
    """A name cue followed by an optional descriptor and a name (`levert av vår partner Klarna`)."""
    return regex.compile(rf"(?i:{cue})(?P<desc>{descriptor})(?P<name>{NAME_RE.pattern})", regex.V1)


def _split_entry(text: str) -> tuple[str, str | None, str | None]:
    """(names part, function, note) of a list item or sub-heading."""
    text = regex.sub(r"^\s*(?:-\s+|\d+(?:\.\d+)*\.?\s+|[a-z]\)\s+)", "", text).strip()
    function = note = None
    m = regex.match(r"^(?P<names>[^():–—]+?)\s*\((?P<fn>[^)]*)\)\s*(?:[-–—:,]\s*(?P<note>.*))?$", text)
    if m:
        return m.group("names").strip(), m.group("fn").strip(), (m.group("note") or None)
    m = regex.match(r"^(?P<names>[^:–—]{1,60}?)\s*(?::|\s[-–—]\s)\s*(?P<fn>.+)$", text)
    if m:
        return m.group("names").strip(), m.group("fn").strip(), None
    return text, function, note


def pe_longer(piece: tuple[str, int, int], hit_end: int) -> bool:
    """Does the name piece run on past the gazetteer hit by at least one more word?"""
    return bool(regex.match(r"\s+\S", piece[0][hit_end - piece[1]:] or ""))


def _names_in(part: str, part_start: int) -> list[tuple[str, int, int]]:
    """Split 'Google Docs og Microsoft Office 365' into names with their offsets."""
    out, pos = [], 0
    for piece in SPLIT_NAMES.split(part):
        if not piece:
            continue
        idx = part.find(piece, pos)
        if idx < 0:
            continue
        pos = idx + len(piece)
        piece_clean = piece.strip(" .;:\"'«»")
        if piece_clean:
            off = idx + piece.find(piece_clean)
            out.append((piece_clean, part_start + off, part_start + off + len(piece_clean)))
    return out


OWN_APP = regex.compile(r"^(?:Min|Mi|Mitt|Mine)\s+(?=\p{Lu})")
CELL_LABEL_END = regex.compile(r"\s*(?:[–—:]|-\s)")     # `Google Ads – måler ...`: the cell opens with the product
SETTING_PRODUCT = regex.compile(r"(?<!\p{L})(?:brukt|brukes|brukast|nytta|nyttast|used|set|satt|sett)\s+(?:av|by)\s+$",
                              regex.I)


def _named_as_setter(text: str, cell_start: int, start: int, end: int) -> bool:
    """Is the product at start:end of a cookie's purpose cell named as the one that sets the cookie:
    in parentheses (`(Google Ads)`), after `brukt av` (`Blir brukt av Google Analytics til ...`) or as the
    cell's label (`Google Ads – måler konverteringer`)?"""
    return (text[start - 1:start] == "(" and text[end:end + 1] == ")"
            or SETTING_PRODUCT.search(text, cell_start, start) is not None
            or (not text[cell_start:start].strip() and CELL_LABEL_END.match(text, end) is not None))


class Collector:
    # the next name of a list after a cue, past the function in parentheses of the one before
    # (`Vi bruker Vitec (forvaltningssystem), Penneo (elektronisk signering) og ...`)
    _coordinated = regex.compile(rf"(?:\s*\([^()]{{1,80}}\))?(?:\s*,\s*|\s+(?:og|eller|samt|and|or)\s+|\s*/\s*)"
                                 rf"(?P<name>{NAME_RE.pattern})")

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.cands: list[Candidate] = []

    # ---------- structural
    def add_entry(self, text: str, start: int, method: str, role: str, strength: int, confidence: float,
                  function: str | None = None, location: str | None = None, need_evidence: bool = True,
                  organisation: str | None = None) -> None:
        """Candidates from one name cell / list item; services found by the gazetteer in it win."""
        ctx = self.ctx
        names_part, fn, _ = _split_entry(text)
        product = PRODUCT_OF.match(names_part)
        if product and ctx.looks_like_name(product.group("org")):  # `DealerPro fra Innherred Data AS`
            names_part, organisation = product.group("product"), organisation or product.group("org")
        offset = start + text.find(names_part) if names_part in text else start
        pieces = _names_in(names_part, offset)
        gaz_hits = [h for h in ctx.gaz.find(names_part, offset) if not ctx.vetoed(h[0], h[1], h[3]) == "veto.negation"]
        if fn and function is None:
            inner = ctx.gaz.lookup(fn)
            fn_start = start + text.find(fn) if fn in text else start
            fn_hits = [h for h in ctx.gaz.find(fn, fn_start) if h[3].category != "umbrella"]
            if inner is not None and inner.category == "umbrella":
                organisation = organisation or inner.organisation
            elif fn_hits and not gaz_hits and not any(ctx.proper_evidence(n) for n, _, _ in pieces):
                gaz_hits, pieces, function = fn_hits, [], names_part      # "Regnskap (Fiken)"
            elif ctx.looks_like_name(fn) and ctx.proper_evidence(fn) and not regex.search(r"\p{Ll}{4,}", fn.split()[0]):
                organisation = organisation or fn
            else:
                function = fn
        if location is None and function:
            loc = ctx.lex.location_re.search(function)
            if loc and loc.group(0) == function.strip():
                location, function = function, None
        places = [p for p in pieces if ctx.lex.location_re.fullmatch(p[0])]
        if places and len(places) < len(pieces):                    # `- Typeform, Spania – kundeundersøkelser`
            location = location or places[0][0]
            pieces = [p for p in pieces if p not in places]
        covered = []
        for s, e, written, service in gaz_hits:
            piece = next(((n, ps, pe) for n, ps, pe in pieces if ps <= s and e <= pe), None)
            if service.category == "umbrella" and piece and pe_longer(piece, e):
                continue                       # "Google Docs" when only "Google" is known: the piece wins
            self.cands.append(Candidate(written, s, e, method, confidence + 0.05, strength, service, function,
                                        location, role, organisation, structural=True))
            covered.append((s, e))
        for name, s, e in pieces:
            if any(a < e and s < b for a, b in covered):
                continue
            name = regex.sub(r"-\p{Ll}[\p{L}\-]*$", "", name)           # Feide-pålogging -> Feide
            if not ctx.looks_like_name(name):
                continue
            if need_evidence and not ctx.proper_evidence(name) and not function:
                continue
            umbrella = next((h[3] for h in gaz_hits if h[3].category == "umbrella" and s <= h[0] < e), None)
            org = organisation or (umbrella.organisation if umbrella else None)
            self.cands.append(Candidate(name, s, s + len(name), method, confidence, strength, None, function,
                                        location, role, org, structural=True))
        ctx.claimed.append((start, start + len(text)))

    def tables(self) -> None:
        """Supplier tables, flattened or `|` rows (`flat_tables`): names from the supplier column, the
        function and location columns give their details, every other cell is left alone."""
        ctx = self.ctx
        for table in tables_of(ctx.doc):
            if table.kind not in ("lines", "pipes") or not table.rows:
                continue
            in_section, role = ctx.section_role(table.rows[0].start)
            cols = self._columns(table.rules, in_section)
            if cols is None:
                continue
            method = "processors.table_rows" if table.kind == "pipes" else "processors.table"
            cookie_table = any(r in ctx.lex.columns["cookie"] for r in table.rules)
            for row in table.rows:
                self._row(row, cols, role or "processor", method, cookie_table)

    def _columns(self, rules: list[str | None], context: bool) -> dict[str, int] | None:
        """Column index of supplier, function and location: the first column whose header rule the
        lexicon assigns to each; a plain name column names suppliers unless it is a cookie table."""
        kinds = self.ctx.lex.columns
        cols: dict[str, int] = {}
        for idx, rule in enumerate(rules):
            for kind in ("supplier", "function", "location"):
                if kind not in cols and rule in kinds[kind]:
                    cols[kind] = idx
                    break
            else:
                if "function" not in cols and "supplier" in cols and rule in kinds["supplier"]:
                    cols["function"] = idx     # `Leverandør | Tjeneste`: the second service column says what it does
        cookie = any(r in kinds["cookie"] for r in rules)
        if "supplier" not in cols:
            names = [i for i, r in enumerate(rules) if r in kinds["name"]]
            if names and not cookie and ("function" in cols or "location" in cols or context):
                cols["supplier"] = names[0]
        return cols if "supplier" in cols else None

    def _row(self, row: Row, cols: dict[str, int], role: str, method: str, cookie_table: bool = False) -> None:
        ctx = self.ctx
        name_cell = row.column(cols["supplier"])
        if name_cell is None:
            return
        function_cell, location_cell = row.column(cols.get("function")), row.column(cols.get("location"))
        function = function_cell.text if function_cell is not None else None
        location = location_cell.text if location_cell is not None else None
        for cell in row.values:
            if cell is not name_cell:
                ctx.ignored.append((cell.start, cell.end))
        text = name_cell.text
        if len(text) > 80 or SENTENCE_END.search(text) and len(text.split()) > 4:
            return
        self.add_entry(text, name_cell.start, method, role, 3, 0.9, function, location, need_evidence=False)
        others = [function_cell] if function_cell is not None else [c for c in row.values if c is not name_cell]
        self._product_of_umbrella(text, others, method, role, function, location, cookie_table)

    def _product_of_umbrella(self, name: str, cells: list, method: str, role: str, function: str | None,
                             location: str | None, named_only: bool = False) -> None:
        """`Microsoft | E-post og Microsoft 365`: a company named in the supplier column and one of its
        products in another cell of the row (the function cell when the table has one); the product is
        the service. `named_only`: only a product named as the one that sets the cookie counts (a cookie
        table's purpose cell: `Måler om annonser fører til søknader (Google Ads)`, `Blir brukt av Google
        Analytics til å telje besøk`), not one the purpose merely mentions."""
        ctx = self.ctx
        umbrella = ctx.gaz.lookup(name)
        if umbrella is None or umbrella.category != "umbrella":
            return
        products = [h for cell in cells for h in ctx.gaz.find(cell.text, cell.start)
                    if h[3].organisation == umbrella.organisation and h[3].category != "umbrella"
                    and (not named_only or _named_as_setter(ctx.text, cell.start, h[0], h[1]))]
        if len({h[3].id for h in products}) == 1:
            s, e, written, service = products[0]
            self.cands.append(Candidate(written, s, e, method, 0.85, 3, service, function, location, role,
                                        service.organisation, structural=True))

    def records(self) -> None:
        """Supplier records, one `Label: value` line per field (`Leverandør: Phorest Salon Software Ltd` /
        `Oppgave: Bookingsystem` / `Plassering: Irland`), and the provider field of cookie records
        (`Navn: euconsent-v2` / `Leverandør: Sourcepoint`): the supplier value names the service."""
        ctx = self.ctx
        kinds = ctx.lex.columns
        for block in line_blocks(ctx.lines):
            fields = []
            for ln in block:
                m = RECORD_LINE.match(ln.text)
                rule = header_rule(m.group("label"), True) if m else None
                if rule is not None and not (rule[0] in kinds["supplier"] and SOURCE_LABEL.search(m.group("label"))):
                    fields.append((ln, m, rule[0]))
            suppliers = [f for f in fields if f[2] in kinds["supplier"]]
            if not suppliers:
                continue
            record_like = len(fields) >= 2
            for n, (ln, m, _) in enumerate(suppliers):
                if ctx.in_spans(ln.start, ctx.claimed):
                    continue
                value_start = ln.start + m.start("value")
                value = m.group("value").strip()
                if len(value) > 120 or SENTENCE_END.search(value) and len(value.split()) > 6:
                    continue
                names_part = _split_entry(value)[0]
                if not ctx.gaz.find(value) and not any(ctx.looks_like_name(piece) and ctx.proper_evidence(piece)
                                                       for piece, _, _ in _names_in(names_part, 0)):
                    continue                   # `Tjeneste: Nyhetsbrev` names no service
                # the fields of this record: from this supplier line to the next one
                nxt = suppliers[n + 1][0].start if n + 1 < len(suppliers) else block[-1].end + 1
                own = [f for f in fields if f[0] is not ln and ln.start <= f[0].start < nxt]
                if not own and ln is not block[0]:
                    own = [f for f in fields if f[0] is not ln and f[0].start < ln.start][-3:]
                function = next((f[1].group("value").strip() for f in own if f[2] in kinds["function"]), None)
                location = next((f[1].group("value").strip() for f in own if f[2] in kinds["location"]), None)
                for f in own:
                    if f[2] in kinds["function"] or f[2] in kinds["location"]:
                        ctx.ignored.append((f[0].start, f[0].end))
                in_section, role = ctx.section_role(ln.start)
                ctx.claimed.append((ln.start, ln.end))
                self.add_entry(value, value_start, "processors.record", role or "processor", 3, 0.85,
                               function, location, need_evidence=not (record_like or in_section))

    def spaced_tables(self) -> None:
        """A supplier table whose cells are separated by spaces only (copied from a PDF): a header row of header
        words (`Leverandør Tjeneste Behandlingssted`) with the supplier column first, then one row a line
        (`Vitec Next (Vitec Megler AS) meglersystem og oppdragsarkiv Norge`): the name is the known
        service or proper name at the start of the line, with a parenthesis after it; the rest is the
        function, and a place at its end the location."""
        ctx = self.ctx
        kinds = ctx.lex.columns
        starts = {t.start for t in tables_of(ctx.doc)}
        for block in line_blocks(ctx.lines):
            for i, head in enumerate(block[:-1]):
                cells = ctx.header_row(head.text)
                if not cells or head.start in starts or cells[0][1] is None or \
                        cells[0][1][0] not in kinds["supplier"] | kinds["name"]:
                    continue
                ctx.ignored.append((head.start, head.end))
                in_section, role = ctx.section_role(head.start)
                for ln in block[i + 1:]:
                    if ln.text.startswith("- ") or " | " in ln.text or ctx.header_row(ln.text):
                        break
                    self._spaced_row(ln, role or "processor")
                break

    def _spaced_row(self, ln: Line, role: str) -> None:
        ctx = self.ctx
        line = ln.text
        hits = [h for h in ctx.gaz.find(line) if h[0] == 0]
        if hits:
            end = max(h[1] for h in hits)
        else:
            m = NAME_RE.match(line)
            if m is None:
                return
            end = m.end()
        paren = regex.match(r"\s*\([^)]{1,60}\)", line[end:])
        if paren:
            end += paren.end()
        rest = line[end:].strip()
        if rest and not regex.match(r"\p{Ll}|\d", rest) and not ctx.lex.location_re.match(rest):
            return
        location = None
        loc = next((x for x in ctx.lex.location_re.finditer(rest) if x.end() == len(rest.rstrip(" .,"))), None)
        if loc is not None:
            location = rest[loc.start():].strip(" .,")
            rest = rest[:loc.start()].strip(" ,")
        organisation = None
        if paren:
            inner = paren.group(0).strip()[1:-1].strip()
            if ctx.looks_like_name(inner) and ctx.proper_evidence(inner):
                organisation = inner               # `Vitec Next (Vitec Megler AS)`
        ctx.ignored.append((ln.start + end, ln.end))
        self.add_entry(line[:end], ln.start, "processors.table_spaced", role, 3, 0.85, rest or None, location,
                       need_evidence=False, organisation=organisation)

    def _entry_lines(self) -> list[bool]:
        """Which lines are entries of a list: `- ` items, and runs of two or more `Name – function` lines
        without a bullet right under a line that ends with a colon (`Banken bruker leverandører som
        behandler opplysninger på våre vegne:` / `SDC A/S – drift av kjernebanksystem` / `PostHog Inc. –
        produktanalyse – EU`)."""
        lines = self.ctx.lines
        entry = [ln.text.startswith("- ") for ln in lines]
        i = 0
        while i < len(lines):
            if not lines[i].text.rstrip().endswith(":"):
                i += 1
                continue
            j = i + 1
            while j < len(lines) and lines[j].block == lines[min(i + 1, len(lines) - 1)].block and \
                    not entry[j] and (DASH_ENTRY.match(lines[j].text) or DASH_BLOCK_LINE.match(lines[j].text)):
                j += 1
            if j - i - 1 >= 2:
                for k in range(i + 1, j):
                    entry[k] = True
            i = max(j, i + 1)
        # two or more `Name – function` lines of one paragraph right after a lead-in sentence (`Vi bruker
        # følgende sub-processors.` / `Google LLC – Workspace – USA`) or after a heading-like line that names
        # suppliers (`Leverandørar som behandlar opplysningar for oss` / `Infodoc AS – journalsystem`)
        i = 1
        while i < len(lines):
            j = i
            while j < len(lines) and lines[j].block == lines[i].block and not entry[j] and \
                    DASH_BLOCK_LINE.match(lines[j].text):
                j += 1
            if j - i >= 2 and self._introduces_list(lines[i - 1].text):
                for k in range(i, j):
                    entry[k] = True
            i = max(j, i + 1)
        return entry

    def _introduces_list(self, line: str) -> bool:
        rules = self.ctx.rules
        if any(rule.pattern.search(line) for rule in rules["lead_in"]):
            return True
        if SENTENCE_END.search(line) or DASH_BLOCK_LINE.match(line):
            return False
        tail = regex.split(r"[.!?]\s+", line)[-1]
        return len(tail.split()) <= 8 and any(rule.pattern.search(tail) for rule in rules["section"])

    def lists(self) -> None:
        ctx = self.ctx
        lines = ctx.lines
        entry = self._entry_lines()
        for i, ln in enumerate(lines):
            if not entry[i]:
                continue
            in_section, role = ctx.section_role(ln.start)
            lead = None
            introduced = False
            k = i - 1
            while k >= 0 and entry[k]:
                k -= 1
            if k >= 0:
                prev = lines[k].text
                for rule in ctx.rules["lead_in"]:
                    if rule.pattern.search(prev):
                        lead = rule
                        break
                introduced = lead is None and not ln.text.startswith("- ") and self._introduces_list(prev)
            if lead is None and not in_section and not introduced:
                continue
            bullet = 2 if ln.text.startswith("- ") else 0
            body = ln.text[bullet:]
            if len(body) > 160:
                continue
            names_part, fn, _ = _split_entry(body)
            if len(names_part.split()) > 8:
                continue
            method = f"processors.list.{lead.id.split('.')[-1]}" if lead else \
                "processors.list.section" if in_section else "processors.list.heading"
            self.add_entry(body, ln.start + bullet, method, role or (lead.role if lead else "processor"), 3, 0.85,
                           need_evidence=True)

    def cards(self) -> None:
        """Blocks in a processor section: name line, then function / location / note lines."""
        ctx = self.ctx
        blocks = line_blocks(ctx.lines)
        for bi, block in enumerate(blocks):
            first = block[0]
            text = first.text.strip()
            if text.startswith("- ") or " | " in text or ctx.in_spans(first.start, ctx.claimed):
                continue
            if SENTENCE_END.search(text) or len(text.split()) > 6 or header_role(text, True):
                continue
            in_section, role = ctx.section_role(first.start)
            if not in_section or ctx.heading_role(text):
                continue
            is_heading = ctx.doc.is_heading_line(first.start)
            names_part, fn, _ = _split_entry(text)
            if not ctx.looks_like_name(names_part) and ctx.gaz.lookup(names_part) is None:
                continue
            if any(ADDRESS_LINE.search(l.text) for l in block[1:5]) and ctx.gaz.lookup(names_part) is None:
                continue
            function = location = None
            rest = block[1:]
            if any(ctx.sentence_veto(l.text) for l in rest[:3]):
                continue  # `Google Fonts` / `Skriftene ligger på vår egen server.`: not used as a processor
            if rest:
                for l in rest[:3]:
                    t = l.text.strip()
                    if location is None and len(t) < 60 and ctx.lex.location_re.match(t):
                        location = t
                    elif function is None and not SENTENCE_END.search(t) and len(t) < 100:
                        function = t
                method = "processors.card"
            else:
                nxt = blocks[bi + 1][0].text if bi + 1 < len(blocks) else ""
                first_word = names_part.split()[0]
                if not nxt.startswith(first_word) and ctx.gaz.lookup(names_part) is None:
                    continue
                method = "processors.section_heading" if is_heading else "processors.card"
            need = not (function or location) and ctx.gaz.lookup(names_part) is None
            if need and not ctx.proper_evidence(names_part):
                continue
            ctx.ignored.extend((l.start, l.end) for l in rest[:3])
            self.add_entry(text, first.start, method, role or "processor", 3, 0.85, function, location,
                           need_evidence=False)

    def subheadings(self) -> None:
        ctx = self.ctx
        for sec in ctx.doc.sections:
            if ctx.in_spans(sec.start, ctx.claimed):
                continue
            parent_in, role = (False, None)
            if sec.parent is not None:
                parent_in, role = ctx.section_role(ctx.doc.sections[sec.parent].start)
            idx = ctx.doc.sections.index(sec)
            if not parent_in and idx > 0:
                prev_in, prev_role = ctx.section_role(ctx.doc.sections[idx - 1].start)
                if prev_in and ctx.name_like_heading(sec.heading):
                    parent_in, role = prev_in, prev_role
            if not parent_in or ctx.heading_role(sec.heading) or not ctx.name_like_heading(sec.heading):
                continue
            heading_text = ctx.text[sec.start:sec.body_start].rstrip("\n")
            self.add_entry(heading_text, sec.start, "processors.section_heading", role or "processor", 3, 0.8,
                           need_evidence=False)

    # ---------- cues
    def cues(self) -> None:
        ctx = self.ctx
        text = ctx.text
        desc = ctx.lex.descriptor_re
        for rule in ctx.rules["name_cue"]:
            for m in _cue_then_name(rule.pattern.pattern, desc).finditer(text, overlapped=True):
                if INDEFINITE.fullmatch(m.group("desc")) and not ctx.gaz.find(m.group("name")):
                    continue                   # `lagres i en TC-streng`: an article makes a common noun
                self._cue_match(rule, m.start(), m.start("name"), m.group("name"))
                pos = self._name_end(m.start("name"), m.end("name"))
                while (more := self._coordinated.match(text, pos)) is not None:   # "Posten og Bring"
                    self._cue_match(rule, m.start(), more.start("name"), more.group("name"))
                    pos = self._name_end(more.start("name"), more.end("name"))
        for rule in ctx.rules["subject_cue"]:
            for ln in ctx.lines:
                for sent_start in self._sentence_starts(ln):
                    m = NAME_RE.match(text, sent_start)
                    if not m or m.end() > ln.end:
                        continue
                    after = text[m.end():ln.end]
                    if rule.pattern.match(after):
                        self._cue_match(rule, sent_start, m.start(), m.group(0))
        if ctx.rules["relative_cue"]:               # `Visbook, som lagrar bookingane for oss`: a name anywhere
            for ln in ctx.lines:
                for m in NAME_RE.finditer(text, ln.start, ln.end):
                    rest = text[m.end():ln.end]
                    for rule in ctx.rules["relative_cue"]:
                        if rule.pattern.match(rest):
                            self._cue_match(rule, m.start(), m.start(), m.group(0))

    def _name_end(self, start: int, end: int) -> int:
        """End of a name, or of the known service written there when it runs on (`SpareBank 1 Østlandet`)."""
        return max([end] + [e for s, e, _, _ in self.ctx.mentions if s == start])

    def _sentence_starts(self, ln: Line):
        yield ln.start + (2 if ln.text.startswith("- ") else 0)
        for m in regex.finditer(r"[.!?]\s+(?=\p{Lu})", ln.text):
            yield ln.start + m.end()

    def _cue_match(self, rule: Rule, cue_start: int, start: int, raw: str) -> None:
        ctx = self.ctx
        name = regex.sub(r"[.,:;]+$", "", raw)
        name = regex.sub(r"-\p{Ll}[\p{L}\-]*$", "", name)
        name = regex.sub(r"(?<=\p{L}{3})'?s$", "", name) if ctx.gaz.lookup(name) is None and \
            ctx.gaz.lookup(regex.sub(r"'?s$", "", name)) is not None else name
        # cut the name at the first word that is never part of a name
        tokens = name.split(" ")
        suffixed = SUFFIX_RE.search(name) is not None       # `Samtale Norge AS`: a country inside a company name
        for n_tok in range(len(tokens)):
            if n_tok and regex.fullmatch(LEGAL_SUFFIX, tokens[n_tok].strip(",")):
                continue
            if suffixed and (n_tok or len(tokens) > 2) and ctx.lex.location_re.fullmatch(tokens[n_tok]):
                continue
            if suffixed and n_tok and tokens[n_tok].casefold() in ctx.lex.not_names:
                continue                       # `Nordlys Regnskap AS`, `Bryggen IT AS`: a word of the company's name
            if tokens[n_tok].casefold() in ctx.lex.not_names or ctx.lex.location_re.fullmatch(tokens[n_tok]):
                tokens = tokens[:n_tok]
                break
        name = " ".join(tokens).strip()
        if not name:
            return
        if ctx.in_spans(start, ctx.ignored):
            return
        if ctx.header_row(ctx.text[slice(*line_span(ctx.text, start))]):
            return                             # `Leverandør Tjeneste Behandlingssted` is a header row
        s0, s1 = ctx.sentence_span(start)
        sentence = ctx.text[s0:s1]
        if not regex.search(r"\p{Ll}", sentence):
            return                             # `HVA BRUKER VI OPPLYSNINGENE TIL?`: a heading in capitals
        if rule.requires is not None and not rule.requires.search(sentence):
            return
        if rule.blocked_by is not None and rule.blocked_by.search(ctx.text[max(s0, cue_start - 40):cue_start]):
            return
        if rule.section_only and not ctx.section_role(start)[0]:
            return
        end = start + len(name)
        following = AUTHORITY_AFTER.match(ctx.text, end)
        if following and ctx.lex.authority.search(following.group(1)):
            return                             # `Time kommune`, `Bergen tingrett`: a public authority's name
        hits = [h for h in ctx.mentions if h[0] < end and start < h[1]]
        umbrella = next((h[3] for h in hits if h[3].category == "umbrella"), None)
        if umbrella is not None and len(hits) == 1 and pe_longer((name, start, end), hits[0][2] and hits[0][1]):
            hits = []                          # "Google Docs" when only "Google" is known
        if rule.categories:                    # a cue only for known services of these categories
            hits = [h for h in hits if rule.applies_to(h[3].category)]
            if not hits:
                return
        if hits:
            for s, e, written, service in hits:
                if ctx.vetoed(s, e, service):
                    continue
                self.cands.append(Candidate(written, s, e, rule.id, 0.85, 2, service, role=rule.role or "processor"))
            return
        if ctx.vetoed(start, end, None):
            return
        if not ctx.looks_like_name(name):
            return
        at_start = not ctx.text[s0:start].strip(" -•")
        if (at_start or rule.kind in ("subject_cue", "relative_cue")) and not ctx.proper_evidence(name):
            return
        self.cands.append(Candidate(name, start, end, rule.id, 0.75, 2, None, role=rule.role or "processor",
                                    organisation=umbrella.organisation if umbrella else None))

    # ---------- gazetteer mentions outside structures and cues
    def mentions(self) -> None:
        ctx = self.ctx
        for s, e, written, service in ctx.mentions:
            if ctx.in_spans(s, ctx.ignored) or ctx.in_spans(s, ctx.claimed):
                continue
            if service.category in STRICT_CATEGORIES or service.ambiguous:
                continue
            if ctx.vetoed(s, e, service):
                continue
            if service.category == "social":
                ok = ctx.sentence_has("social_cue", s)
            elif service.category in AUTO_CATEGORIES:
                ok = True
            else:
                ok = ctx.sentence_has("sentence_cue", s)
            if ok:
                role = "embedded" if service.category in EMBEDDED_CATEGORIES else "processor"
                self.cands.append(Candidate(written, s, e, "processors.mention", 0.7, 1, service, role=role))


@dataclass
class Entity:
    key: str
    service: Service | None
    best: Candidate
    cands: list[Candidate] = field(default_factory=list)


def _location_in_sentence(ctx: Context, start: int) -> str | None:
    s0, s1 = ctx.sentence_span(start)
    m = ctx.lex.location_re.search(ctx.text[s0:s1])
    return m.group(0) if m else None


def _entity_vetoed(ctx: Context, ent: Entity) -> bool:
    spans = [(c.start, c.end) for c in ent.cands]
    if ent.service is not None:
        spans += [(s, e) for s, e, _, svc in ctx.mentions if svc.id == ent.service.id]
    else:
        name = ent.best.name
        spans += [(m.start(), m.end()) for m in regex.finditer(regex.escape(name), ctx.text)]
    for s, e in spans:
        after = ctx.text[e:e + 120]
        if any(r.pattern.match(after) for r in ctx.rules["veto_entity"]):
            return True
    return False


# a firm in a parenthesis right after a service: `Google Workspace (Google Cloud EMEA Ltd., Irland)`
OPENS_PARENTHESIS = regex.compile(r"\(\s*$")
FIRM_GOES_ON = regex.compile(rf"[^(),\n]{{0,40}}?(?<![\p{{L}}\d]){LEGAL_SUFFIX}(?![\p{{L}}\d])")


def _firm_behind_another(ctx: Context, ent: Entity, owners_at: dict[int, set[str]]) -> bool:
    """Is every mention of the entity the company behind the service named right before it, in a parenthesis
    (`Google Workspace (Google Cloud EMEA Ltd., Irland)`)? It is then that service's organisation, not a
    supplier of its own. `owners_at` maps the end of every mention to the keys of the entities ending there."""
    for c in ent.cands:
        m = OPENS_PARENTHESIS.search(ctx.text, max(0, c.start - 4), c.start)
        if m is None or not FIRM_GOES_ON.match(ctx.text, c.end):
            return False
        j = m.start()
        while j > 0 and ctx.text[j - 1].isspace():
            j -= 1
        if not owners_at.get(j, set()) - {ent.key}:
            return False
    return True


def collect(doc, fields) -> list[Entity]:
    ctx = Context(doc, fields)
    col = Collector(ctx)
    col.tables()
    col.spaced_tables()
    col.records()
    col.lists()
    col.cards()
    col.subheadings()
    col.cues()
    col.mentions()
    entities: dict[str, Entity] = {}
    for c in col.cands:
        service = c.service or ctx.gaz.lookup(c.name)
        if service is not None and c.service is None:
            if not _case_ok(c.name, service.name, service.ambiguous) and not any(
                    _case_ok(c.name, a, service.ambiguous) for a in service.aliases):
                service = None
        c.service = service
        if ctx.is_excluded(c.name, service):
            continue
        key = f"gaz:{service.id}" if service else norm_key(c.name)
        ent = entities.get(key)
        if ent is None:
            entities[key] = Entity(key, service, c, [c])
        else:
            ent.cands.append(c)
            if (c.strength, -c.start) > (ent.best.strength, -ent.best.start):
                ent.best = c
    # an unknown name that starts with a known one is the same service ("Luma, Inc." / "Luma"), and so is
    # its genitive ("Lumas")
    for key in list(entities):
        ent = entities[key]
        if ent.service is None and key.endswith("s") and key[:-1] in entities:
            entities[key[:-1]].cands.extend(ent.cands)
            del entities[key]
            continue
        if ent.service is None:
            for other in entities.values():
                if other is not ent and other.key.startswith("gaz:") and norm_key(ent.best.name).startswith(
                        norm_key(other.best.name)) and len(norm_key(other.best.name)) >= 4:
                    other.cands.extend(ent.cands)
                    del entities[key]
                    break
    result = []
    orgs = {}
    owners_at: dict[int, set[str]] = {}   # where each mention ends -> the entities ending there
    for ent in entities.values():
        org = ent.service.organisation if ent.service else next((c.organisation for c in ent.cands if c.organisation), None)
        orgs[ent.key] = org
        for c in ent.cands:
            owners_at.setdefault(c.end, set()).add(ent.key)
    for ent in entities.values():
        if _entity_vetoed(ctx, ent) or _firm_behind_another(ctx, ent, owners_at):
            continue
        if ent.service is not None and ent.service.category == "umbrella":
            if any(k != ent.key and orgs.get(k) == ent.service.organisation for k in entities):
                continue
        result.append(ent)
    result.sort(key=lambda e: min(c.start for c in e.cands))
    for ent in result:
        if ent.best.location is None:
            loc = next((c.location for c in ent.cands if c.location), None)
            ent.best.location = loc or (_location_in_sentence(ctx, ent.best.start) if ent.best.strength >= 2 else None)
    return result


def extract(doc, fields) -> Extraction:
    entities = collect(doc, fields)
    records, findings = [], []
    for ent in entities:
        best = ent.best
        function = best.function or next((c.function for c in ent.cands if c.function), None)
        organisation = next((c.organisation for c in ent.cands if c.organisation), None) or (
            ent.service.organisation if ent.service else None)
        role = best.role
        if ent.service is not None and ent.service.category in EMBEDDED_CATEGORIES and role == "processor" \
                and not best.structural:
            role = "embedded"
        record = {"name": best.name, "organisation": organisation, "function": function,
                  "location": best.location, "role": role}
        records.append(record)
        method = f"gazetteer:{ent.service.id}" if ent.service else best.method
        confidence = min(0.99, best.confidence + 0.05 * (len({c.method for c in ent.cands}) - 1))
        findings.append(doc.finding("processors", best.name, best.start, best.end, method, confidence))
    return Extraction({"processors": records}, findings)
