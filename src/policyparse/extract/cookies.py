"""`cookies` (named cookies, enriched) and `cookie_providers` (tools said to set cookies).

Where names come from, most reliable first (the finding's `method` names the rule):
- `cookie.table`: the name column of a cookie table (flattened cells, `cell | cell` rows, `Navn: ...`
  records or `Navn` / `_ga` label lines, read by `policyparse.flat_tables`). A table is a cookie table
  when its header, its section or the text before it speaks of cookies (the document title alone
  only when some name looks like a cookie name), or when its type column mixes cookies and browser
  storage; a table (or row) of localStorage / sessionStorage keys is not (`Type: local` included).
  A one-letter name in the name column counts (Adform's `C`). A cell naming several cookies is
  split (`_ga, _gid`), short suffixes are expanded (`sb-*-auth-token.0, .1` -> `sb-*-auth-token.0`,
  `sb-*-auth-token.1`); pixel paths of consent declarations are names (`ads/ga-audiences`), also
  where the row's type says `Pixel Tracker` (an entry of the declaration, as seed 004 counts
  `collect`); `HTML Local Storage` rows are no cookies. Group
  rows (`Trustpilot | | |`), category rows (`Markedsføringscookies`) and capitalised tool names
  (`Leadinfo`) in the name column are not.
- `cookie.headerless_rows`: `cell | cell` rows of a cookie table whose header row was lost
  (`_ga | Google | Skiller brukere | 2 år`), when a column holds lifetimes or the names look like cookies.
- `cookie.paren_list`: a parenthesised list in a cookie sentence (`Informasjonskapslane (rc::a,
  rc::b og rc::c)`, `Statistiske informasjonskapsler (_ga, _gat, _gid, collect)`).
- `cookie.colon_list`: `... informasjonskapsler ...: lang (valgt språk) og samtykke (cookie-valget)`.
- `cookie.described_list`: names right after a cookie noun or a verb of setting in running text, with
  descriptions in parentheses (`informasjonskapslene hs (sikkerhet, ...), svSession (nødvendig, 2 år) og
  bSession (statistikk, 30 minutter)`), anchored by a shaped, distinctive or known name, or all quoted
  (`informasjonskapslene «theme» (utseende) og «fontsize» (...)`).
- `cookie.lead_in_list`: list items under a line like `Vi bruker følgende informasjonskapsler:`.
- `cookie.coordination`: a coordinated list of single tokens in a cookie paragraph anchored by a
  cookie-shaped name (`setter _fbp og fr`, `NID, 1P_JAR og CONSENT`); its other members must be known
  or distinctive names, or, right after a cookie noun (`informasjonskapslene li_sugr, bcookie og
  lidc`), plain lower-case words; quoted plain words after a cookie noun, its colon or `heter` anchor
  themselves (`to informasjonskapsler: «theme» og «fontsize»`), a quoted name beside an unquoted word
  is no list (`heter "accepted_cookies" og lagres`); two tokens joined by a comma alone take no plain
  word (`_pk_id, som utløper ...` is a name and a relative clause).
- `cookie.bare_list`: a list of bare names in a cookie section (`- _ga` / `- _gid` / `- lang`).
- `cookie.predicate`: a name said to be a cookie (`rc er en informasjonskapsel som ...`, `lang: en
  informasjonskapsel som ...`) or quoted right after a sentence about one (`Denne kalles «lang»`).
- `cookie.set_object`: a name written like an identifier right after a verb of setting or the tool
  that sets it (`Der set Jimdo ClickAndChange, ...`).
- `cookie.apposition`: one name right after a cookie noun, quoted (also after a comma) or after
  `(som) heter` / `med namnet` (`informasjonskapselen «lang»`), a name of the shipped table
  (`informasjonskapselen NID`), or a plain word where a name stands (`informasjonskapselen lang i ett år`);
  after a plural noun, a name written as an identifier (`informasjonskapslene NKSESSION, som ...`).
- `cookie.shape` / `cookie.known_name` / `cookie.known_prefix`: a name-shaped token (`_ga`, `__utmz`,
  `rc::a`, `wordpress_logged_in_*`, `sb-*-auth-token`), a distinctive known name (`PHPSESSID`,
  `CookieConsent`) or a token matching a long wildcard entry of the database
  (`intercom-session-abc`) in a paragraph or section about cookies. A name line whose entry says
  `Type: HTML Local Storage`, a token the sentence puts in localStorage, or (unless a known cookie)
  introduces as a key, parameter, event or field (`nøkkelen cookie_consent_v2`, `hendelser som
  page_view`; `not_cookie_noun`), is not taken.
- `cookie.entry`: name line + description line entries and definition lines or list items
  (`_ga: Skiller brukere ...`, `- lang – husker språkvalget`) of a cookie section, when a sibling
  entry has a cookie-shaped or known name; an entry of browser storage (`Type: HTML Local Storage`)
  is not.
Cookie context reaches into the sub-sections of a cookie section that plain text shows as its
siblings: sections headed by a category, a provider or a cookie, or by a short name over cookie names.
Ordinary words are only taken from explicit cookie lists, tables and entries, never from running
text (but for the apposition above). Provider names come from the provider column of cookie tables, a provider heading over a
cookie table, lists under a cookie lead-in and cookie sentences that are not negated.

Enrichment (`policyparse.cookiedb`): provider, category and lifetime stated in the document win;
missing values come from the shipped table or the user's Open Cookie Database. A short, plain
name (`lang`, `fr`) is enriched only when the database's provider is named in the document.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

import regex

from .. import cookiedb
from ..cookiedb import CookieDBError, configure_cookie_db  # noqa: F401  (the CLI's --cookie-db)
from ..durations import is_session, lifetime_days
from ..flat_tables import Table, bare_value_cell, header_role, tables_of
from ..rules import RulesError, load_json
from . import Extraction
from .layout import PIPE, block_index, block_spans, blocks as line_blocks, cached, doc_lines
from .processors import load_gazetteer as gazetteer
from .purposes import scope as purpose_scope

TOKEN = regex.compile(r"\S+")
LEAD_STRIP = "(\"'«`“‘"
TRAIL_STRIP = ")\"'»`”’,;:.!?"
PLACEHOLDER_CHARS = regex.compile(r"[*\[\]<>{}]")
INNER_UNDERSCORE = regex.compile(r"[\p{L}\d]_[\p{L}\d*\[<{]")
TWO_LETTERS = regex.compile(r"[A-Za-z]{2}")
DASH = regex.compile(r"[-_]")
# `sb-access-token`, `next-auth.csrf-token`: ASCII parts, one of them technical; not `jobb-e-post`
ASCII_HYPHENATED = regex.compile(r"(?=(?:.*[-.])?(?:token|session|sess|auth|csrf|xsrf|consent|cookie|sid|uid|"
                                 r"visitor|user|id)(?:[-.]|$))[a-z][a-z0-9]+(?:[-.][a-z0-9]{2,}){2,}")
# `adn.uid`, `rack.session`, `sess.sig`: two ASCII parts joined by a dot, one of them technical (not `f.eks`)
DOTTED_TECHNICAL = regex.compile(r"[a-z][a-z0-9]+\.(?:uid|sid|id|session|sess|token|auth|csrf|xsrf|consent|visitor|"
                                 r"user|sig)|(?:session|sess|auth|csrf|xsrf)\.[a-z0-9]{2,}")
LOWER_CAMEL = regex.compile(r"(?:^|[._-])[a-z][a-z\d]+[A-Z][a-z]")   # `smSession`, `wixLanguage`, not `iPhone`, `macOS`
INNER_CAPITAL = regex.compile(r"\p{Ll}\p{Lu}|\p{Lu}{2}\p{Ll}")     # `svSession`, `ARRAffinity`
LETTERS_AND_DIGITS = regex.compile(r"(?=.*\d)(?=.*[A-Za-z]{2})[\w.-]+")   # `ct0`, `rsid2`
CANDIDATE = regex.compile(r"[_:*\[<{#\d-]|\p{Ll}\p{Lu}|\p{Lu}{4}")
MD_EMPHASIS = regex.compile(r"(?P<mark>\*\*|__)(?P<tok>[^*\s](?:.*?[^*\s])?)(?P=mark)")
FILE_EXT = regex.compile(r"\.(?:pdf|docx?|xlsx?|png|jpe?g|gif|svg|html?|php|js|css|txt|zip)$", regex.I)
NAMED_GROUP = regex.compile(r".+-(?:\w*kaps(?:el|l)\w*|cookie(?:n|ne|ane|a|r))", regex.I)  # `_pk-kapslane`, `_ga-cookiene`
DOMAIN = regex.compile(r"^\.?[\w-]+(?:\.[\w-]+)*\.(?:no|com|net|org|io|se|dk|fi|eu|de|uk|ai|app|dev)$", regex.I)
LIST_SPLIT = regex.compile(r"\s*(?:,|;|\s/\s|\s(?:og|and|eller|or|samt|&)\s)\s*", regex.I)
TOP_LIST_SPLIT = regex.compile(rf"(?:{LIST_SPLIT.pattern})(?![^()]*\))", regex.I)
"""`LIST_SPLIT` outside parentheses: `cart (husker handlekurven, 14 dager), _ga (statistikk, 2 år)`."""


@lru_cache(maxsize=1)
def lexicon() -> dict:
    data = load_json("cookies.json")
    required = {"description", "cookie_word", "storage_word", "storage_type", "pixel_type", "not_cookie_noun", "negation", "set_verb",
                "name_list_lead_in", "bare_name_follower", "not_names", "abbreviations", "not_providers",
                "category_cues", "providers", "browser_product"}
    if missing := required - set(data):
        raise RulesError(f"cookies.json: missing keys {sorted(missing)}")
    if unknown := set(data) - required:
        raise RulesError(f"cookies.json: unknown keys {sorted(unknown)}")
    for cue in data["category_cues"]:
        if set(cue) != {"pattern", "category"} or cue["category"] not in cookiedb.CATEGORIES:
            raise RulesError(f"cookies.json: bad category cue {cue}")
    return data


@lru_cache(maxsize=1)
def patterns() -> dict[str, regex.Pattern]:
    lex = lexicon()
    providers = sorted(lex["providers"], key=len, reverse=True)
    return {
        "cookie": regex.compile(rf"(?:{lex['cookie_word']})", regex.I),
        "storage": regex.compile(rf"(?:{lex['storage_word']})", regex.I),
        "storage_type": regex.compile(rf"\W*(?:{lex['storage_type']})\W*", regex.I),
        "pixel_type": regex.compile(rf"\W*(?:{lex['pixel_type']})\W*", regex.I),
        "other_id": regex.compile(lex["not_cookie_noun"], regex.I),
        "negation": regex.compile(lex["negation"], regex.I),
        "set_verb": regex.compile(lex["set_verb"], regex.I),
        "bare_name_follower": regex.compile(lex["bare_name_follower"], regex.I),
        "name_list_lead_in": regex.compile(lex["name_list_lead_in"].replace("{cookie}", lex["cookie_word"]), regex.I),
        "provider": regex.compile(r"(?<![\w.-])(?P<name>" + "|".join(regex.escape(p) for p in providers)
                                  + rf")(?:s|'s|’s)?(?![\w-])(?!\s+{lex['browser_product']})"),
        "categories": [(regex.compile(rf"\b(?:{c['pattern']})", regex.I), c["category"]) for c in lex["category_cues"]],
    }


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    return frozenset(n.lower() for n in lexicon()["not_names"])


# ------------------------------------------------------------------------------------------ names

def clean_token(raw: str) -> tuple[str, int, int]:
    """A token without surrounding quotes, brackets, punctuation and markdown emphasis (`**_ga**`, a
    wildcard `*` inside or at one end stays): (token, lead, trail) cut lengths."""
    lead = 0
    while lead < len(raw) and raw[lead] in LEAD_STRIP:
        lead += 1
    end = _trailing_cut(raw, lead, len(raw), keep_paren=True)
    emphasis = MD_EMPHASIS.fullmatch(raw, lead, end)
    if emphasis:
        lead = emphasis.start("tok")
        end = _trailing_cut(raw, lead, emphasis.end("tok"), keep_paren=False)
    return raw[lead:end], lead, len(raw) - end


def _trailing_cut(raw: str, lead: int, end: int, keep_paren: bool) -> int:
    """Where raw[lead:end] ends without trailing punctuation; `keep_paren` keeps a `)` that closes a `(`."""
    while end > lead and raw[end - 1] in TRAIL_STRIP:
        if keep_paren and raw[end - 1] == ")" and "(" in raw[lead:end - 1]:
            break
        end -= 1
    return end


def token_ok(tok: str) -> bool:
    """Could this be a cookie name at all (one token, not a URL, e-mail, file, domain, filler word or a
    compound that names a group of cookies: `dei to _pk-kapslane`)?"""
    if not tok or len(tok) > 80 or len(tok) < 2 or any(c.isspace() for c in tok):
        return False
    if sum(c.isalpha() for c in tok) < 1 or "://" in tok or "@" in tok or tok.lower().startswith("www."):
        return False
    if "/" in tok or FILE_EXT.search(tok) or DOMAIN.match(tok) or NAMED_GROUP.fullmatch(tok):
        return False
    return tok.lower() not in not_names()


def shaped(tok: str) -> bool:
    """A token whose shape marks it as a cookie name in cookie context (`_ga`, `rc::a`, `wp_lang`,
    `sb-access-token`, `adn.uid`, Shopify's `_s` and `_y`)."""
    if not token_ok(tok):
        return False
    if len(tok) == 2:
        return tok[0] == "_" and tok[1].isascii() and tok[1].isalpha()
    if sum(c.isalpha() for c in tok) < 2:
        return False
    if "::" in tok or (tok.startswith("_") and len(tok) > 2 and (tok[1].isalnum() or tok[1] == "_")):
        return True
    if (INNER_UNDERSCORE.search(tok) or ASCII_HYPHENATED.fullmatch(tok) or DOTTED_TECHNICAL.fullmatch(tok)
            or (tok.isascii() and LOWER_CAMEL.search(tok))):
        return True
    return bool(PLACEHOLDER_CHARS.search(tok) and TWO_LETTERS.search(tok) and DASH.search(tok))


def distinctive(tok: str) -> bool:
    """Not an ordinary word: shaped, or mixed letters and digits, inner capitals, or long all-caps."""
    if shaped(tok):
        return True
    letters = [c for c in tok if c.isalpha()]
    if any(c.isdigit() for c in tok) and letters:
        return True
    if any(c.isupper() for c in tok[1:]) and any(c.islower() for c in tok):
        return True
    return len(letters) >= 6 and all(c.isupper() for c in letters)


def plain_name_ok(tok: str) -> bool:
    """A plain word (`lang`, `samtykke`, `version`) that may be a cookie name in an explicit list:
    lower case, and not a category, cookie or table-header word (`analytiske`, `markedsføringscookies`,
    `leverandør`)."""
    return (token_ok(tok) and tok[:1].islower() and category_of(tok) is None and header_role(tok) is None
            and not patterns()["cookie"].search(tok) and not patterns()["storage"].search(tok))


PLACEHOLDER = r"\[\w+\]|\{\w+\}|<\w+>"       # `[website_id]`, `{id}`, `<id>`
PIXEL_PATH = regex.compile(rf"[\w#*-]+(?:/(?:[\w#*.-]+|{PLACEHOLDER}))+")
PLACEHOLDER_SEGMENT = regex.compile(rf"/(?:{PLACEHOLDER})(?=/|$)")


def templated_path(tok: str) -> bool:
    """`crisp-client/session/[website_id]`: a key path with a placeholder segment, as chat and consent
    tools name their cookies; unlike a pixel path it is a cookie name wherever a cookie list holds it."""
    return PLACEHOLDER_SEGMENT.search(tok) is not None and table_name_ok(tok)


def table_name_ok(tok: str) -> bool:
    """A name from the name column of a cookie table: `token_ok`, a one-letter name as written (Adform's
    `C`), or a pixel path as cookie declarations list them (`ads/ga-audiences`, `pagead/1p-user-list/#`),
    but no URL, domain path or `ja/nei`."""
    if token_ok(tok) or (len(tok) == 1 and tok.isalpha()):
        return True
    return (PIXEL_PATH.fullmatch(tok) is not None and "." not in tok.split("/", 1)[0]
            and regex.search(r"[-_#\d*]", tok) is not None and token_ok(tok.replace("/", "-")))


def word_like(tok: str) -> bool:
    """Letters only (`Statistikk`, `Markedsføringscookies`, `lang`): no digit, `_`, `-`, `.` or `:`."""
    return tok.isalpha()


def title_case(tok: str) -> bool:
    """`Leadinfo`, `Trustpilot`: a capitalised ordinary word (tools and categories are written so,
    cookie names rarely: `_ga`, `lang`, `IDE`, `CookieConsent`)."""
    return len(tok) > 1 and tok[0].isupper() and tok[1:].islower()


def split_names(cell: str) -> list[str]:
    """Cookie names in a table cell or list: `_ga, _gid`, `sb-*-auth-token.0, .1`, `_ga (Google)`."""
    cell = regex.sub(r"\s*\[x\d+\]", "", cell.strip())
    inner = regex.fullmatch(r"[^()]*\(([^()]+)\)\s*", cell)
    head = regex.sub(r"\s*\([^()]*\)\s*$", "", cell).strip()
    parts = [p for p in LIST_SPLIT.split(head) if p] if head else []
    if inner and not all(token_ok(clean_token(p)[0]) for p in parts):
        parts = [p for p in LIST_SPLIT.split(inner.group(1)) if p]
    expanded: list[str] = []
    for part in parts:
        pieces = part.strip().split("/")
        if len(pieces) > 1 and all(shaped(p) for p in pieces):
            expanded.extend(pieces)
        else:
            expanded.append(part)
    names: list[str] = []
    for part in expanded:
        tok = clean_token(part.strip())[0]
        if tok.startswith(".") and names and regex.fullmatch(r"\.[\w-]{1,8}", tok):
            base = regex.sub(r"\.[\w-]{1,8}$", "", names[-1])
            names.append(base + tok)
            continue
        names.append(tok)
    return names


# -------------------------------------------------------------------------------------- context

def context_headings(doc, offset: int, title: bool = True) -> list[str]:
    """Headings above `offset`: its own section and the parents. `title=False` leaves out the
    document title when a deeper section holds the offset (a title `Cookies` does not make a data
    table further down a cookie table)."""
    i = doc.section_index_at(offset)
    out = []
    while i is not None:
        sec = doc.sections[i]
        if sec.parent is None and out and not title:
            break
        out.append(sec.heading)
        i = sec.parent
    return out


def cookie_context(doc, offset: int) -> bool:
    """Is the paragraph or a heading above `offset` about cookies?"""
    pats = patterns()
    spans, b = block_spans(doc), block_index(doc, offset)
    s, e = spans[b] if b >= 0 else (0, 0)
    if pats["cookie"].search(doc.text, s, e):
        return True
    if b >= 1:
        # the block before, when it is a heading-like line or a lead-in ending with ':'
        prev = doc.text[slice(*spans[b - 1])].strip()
        if ("\n" not in prev and len(prev.split()) <= 12 or prev.endswith(":")) and pats["cookie"].search(prev):
            return True
    return any(pats["cookie"].search(h) for h in context_headings(doc, offset)) or _run_root(doc, offset) is not None


def _run_root(doc, offset: int) -> int | None:
    """The cookie section whose sub-sections hold `offset`: sections headed by a cookie category, a
    provider or a cookie (`Statistikk`, `Markedsføring (3)`, `Google Analytics`, `_ga`), or short-headed
    sections that name a cookie (`Nettstedet` over `csrftoken – Sikkerhet`), following it through such
    sections only. Plain text gives its headings no level, so these sub-headings of a cookie section
    look like its siblings. Memoized per section: every cookie-context check asks."""
    own = doc.section_index_at(offset)
    roots = cached(doc, "cookie_run_roots", dict)
    if own not in roots:
        roots[own] = _walk_to_root(doc, own)
    return roots[own]


def _walk_to_root(doc, own: int | None) -> int | None:
    i = own
    while i is not None:
        heading = regex.sub(r"\s*\(\d+\)\s*$", "", doc.sections[i].heading)
        if i != own and patterns()["cookie"].search(heading):
            return i
        if i == 0 or not (_sub_heading(heading) or _names_a_cookie(doc, i)):
            return None
        i -= 1
    return None


def _sub_heading(heading: str) -> bool:
    """A heading that names a cookie category, a provider or service, or a cookie (`4. MUID: Annonsering`
    too: a numbered cookie line read as a heading)."""
    words = regex.sub(r"^\d{1,2}[.)]\s+", "", heading).split()
    if not words:
        return False
    if len(words) <= 3 and category_of(heading) is not None:
        return True
    if patterns()["provider"].fullmatch(heading.strip()) or (len(words) <= 4 and gazetteer().lookup(heading)):
        return True
    first = clean_token(words[0])[0]
    return shaped(first) or (distinctive(first) and cookiedb.active().is_known(first))


def _names_a_cookie(doc, i: int) -> bool:
    """A section under a short heading (a provider's or the site's name) whose body has a
    cookie-shaped token or a distinctive known cookie name."""
    sec = doc.sections[i]
    if len(sec.heading.split()) > 4 or sec.heading.rstrip().endswith(("?", ":", ".")) or sec.end - sec.body_start > 3000:
        return False
    db = cookiedb.active()
    for m in TOKEN.finditer(doc.text, sec.body_start, sec.end):
        tok = clean_token(m.group(0))[0]
        if shaped(tok) or (distinctive(tok) and db.is_known(tok)):
            return True
    return False


def _sentence_text(doc, offset: int) -> tuple[str, int]:
    sent = doc.sentence_at(offset)
    if sent is None:
        return doc.text, 0
    return sent.text, sent.start_char


def table_kind(doc, table: Table) -> str | None:
    """'cookie' (a table about cookies), 'storage' (about localStorage / sessionStorage) or None."""
    pats = patterns()
    text = doc.text
    header = " ".join(table.header)
    if pats["cookie"].search(header):
        return "cookie"
    sec = doc.section_at(table.start)
    heading = sec.heading if sec else ""
    ctx_start = max(sec.start if sec else 0, table.start - 700)
    before = text[ctx_start:table.start]
    spans, b = block_spans(doc), block_index(doc, table.start)
    if b >= 1 and spans[b][0] == table.start:
        b -= 1  # the table starts its block: the block before it
    last_block = text[max(ctx_start, spans[b][0]):min(table.start, spans[b][1])] if b >= 0 else ""
    types = [row.cells["type"].text for row in table.rows if "type" in row.cells]
    if any(pats["storage"].search(t) for t in types) and any(
            pats["cookie"].search(t) or regex.match(r"http\b", t, regex.I) for t in types):
        return "cookie"  # rows typed one by one (`localStorage`, `HTTP-cookie`): the storage rows are dropped
    if pats["storage"].search(heading) or _storage_lead(last_block) or pats["storage"].search(header):
        return "storage"
    if table.has("key") and not table.has("name"):
        return "cookie" if pats["cookie"].search(heading) and not pats["storage"].search(before) else "storage"
    own_path = " ".join(context_headings(doc, table.start, title=False))
    if pats["cookie"].search(own_path) or pats["cookie"].search(before) or _run_root(doc, table.start) is not None:
        return "cookie"
    names = [n for row in table.rows if "name" in row.cells for n in split_names(row.cells["name"].text)]
    path = " ".join(context_headings(doc, table.start, title=not table.has("data")))
    if pats["cookie"].search(path):
        # only the document title speaks of cookies (`Personvern og informasjonskapsler`): a table of
        # capitalised ordinary words (`Kundeliste`, `Regnskap`) in another section is no cookie table
        db = cookiedb.active()
        if any(n[:1].islower() or shaped(n) or distinctive(n) or db.is_known(n) for n in names if token_ok(n)):
            return "cookie"
    if names and sum(shaped(n) for n in names) * 2 >= len(names):
        return "cookie"
    return None


def category_of(text: str) -> str | None:
    for pattern, category in patterns()["categories"]:
        if pattern.search(text):
            return category
    return None


# ----------------------------------------------------------------------------------------- hits

@dataclass
class Hit:
    name: str
    start: int
    end: int
    method: str
    confidence: float
    provider: str | None = None
    category: str | None = None
    lifetime: float | int | None = None
    lifetime_stated: bool = False
    lifetime_cell: tuple[int, int] | None = None


class Collector:
    def __init__(self, doc):
        self.doc = doc
        self.hits: dict[str, Hit] = {}
        self.consumed: list[tuple[int, int]] = []
        self.providers: dict[str, tuple[int, int, str]] = {}

    def add(self, hit: Hit) -> None:
        if hit.name not in self.hits:
            self.hits[hit.name] = hit

    def is_consumed(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.consumed)

    def add_provider(self, name: str, start: int, end: int, method: str) -> None:
        key = name.casefold()
        if key not in {k.casefold() for k in self.providers}:
            self.providers[name] = (start, end, method)


@lru_cache(maxsize=1)
def _not_providers() -> frozenset[str]:
    return frozenset(p.casefold() for p in lexicon()["not_providers"])


@lru_cache(maxsize=1)
def _provider_names() -> frozenset[str]:
    return frozenset(p.casefold() for p in lexicon()["providers"])


@lru_cache(maxsize=1)
def _provider_cells() -> frozenset[str]:
    """What a provider cell of a cookie table may hold: a tool or company, or the site itself (`Nettstedet`)."""
    return _provider_names() | (_not_providers() - {"-", "vi", "oss", "me"})


def _from_tables(doc, col: Collector) -> None:
    pats = patterns()
    providers = _provider_names()
    db = cookiedb.active()
    for table in tables_of(doc):
        if not (table.has("name") or table.has("key")):
            continue
        kind = table_kind(doc, table)
        if kind is None:
            continue
        col.consumed.append((table.start, max(table.end, table.start + 1)))
        if kind != "cookie":
            continue
        sec = doc.section_at(table.start)
        section_category = category_of(sec.heading) if sec else None
        if sec is not None and (pm := patterns()["provider"].fullmatch(sec.heading.strip())):
            col.add_provider(pm.group("name"), sec.start, sec.start + len(pm.group("name")), "cookie_provider.table_heading")
        name_role = "name" if table.has("name") else "key"
        for row in table.rows:
            if any(pats["storage"].search(c.text) for c in row.values):
                continue
            if (type_cell := row.cells.get("type")) is not None and pats["storage_type"].fullmatch(type_cell.text):
                continue  # `Type: local` (Usercentrics): a localStorage item
            cell = row.cells.get(name_role)
            if cell is None:
                continue
            provider_cell = row.cells.get("provider")
            provider = provider_cell.text if provider_cell is not None and not DOMAIN.match(provider_cell.text) \
                and provider_cell.text.casefold() not in _not_providers() else None
            if provider_cell is not None and provider:
                col.add_provider(provider, provider_cell.start, provider_cell.end, "cookie_provider.table")
            type_cell = row.cells.get("type")
            category = (category_of(type_cell.text) if type_cell is not None else None) or section_category
            life_cell = row.cells.get("lifetime")
            life, stated = None, False
            if life_cell is not None:
                life = lifetime_days(life_cell.text)
                stated = life is not None or is_session(life_cell.text)
            names = split_names(cell.text)
            if len(names) == 1 and names[0].casefold() in providers:
                col.add_provider(names[0], cell.start, cell.end, "cookie_provider.table_name")
                continue
            if len(table.roles) >= 3 and len(names) == 1 and word_like(names[0]) and not names[0][:1].islower() \
                    and not any(c.text for c in row.values if c is not cell) and not db.is_known(names[0]):
                continue  # a group row (`Trustpilot | | |`, `Statistikk | | |`) over the cookies below it
            lives = _lifetimes_per_name(life_cell.text, len(names)) if life_cell is not None else None
            for k, name in enumerate(names):
                if not table_name_ok(name):
                    continue
                if _category_or_tool(name):
                    continue
                pos = cell.text.find(name)
                start, end = (cell.start + pos, cell.start + pos + len(name)) if pos >= 0 else (cell.start, cell.end)
                own_life = lives[k] if lives else life
                col.add(Hit(name, start, end, f"cookie.table.{table.kind}", 0.95, provider, category, own_life,
                            stated, (life_cell.start, life_cell.end) if life_cell is not None else None))


def _lifetimes_per_name(cell: str, names: int) -> list[float | None] | None:
    """One lifetime per name when a cell of several names has as many lifetimes, one per `;`-separated part
    (`_ga; _gid` over `2 år; 1 dag`); else None."""
    parts = [p.strip() for p in cell.split(";")]
    if names < 2 or len(parts) != names:
        return None
    lives = [lifetime_days(p) for p in parts]
    if not all(life is not None or is_session(p) for life, p in zip(lives, parts)):
        return None
    return lives


# `fcookie`, `bcookie`: a cookie's own name, lower case, a letter or three before `cookie` (a category is a
# word before it: `Sesjonscookie`, `analysecookies`)
LETTERS_COOKIE = regex.compile(r"[a-z]{1,3}cookie")


def _category_or_tool(name: str) -> bool:
    """A name-column word that is a category (`Markedsføringscookies`) or a tool (`Leadinfo`), no cookie."""
    return word_like(name) and not distinctive(name) and not cookiedb.active().is_known(name) and bool(
        category_of(name) or (patterns()["cookie"].search(name) and not LETTERS_COOKIE.fullmatch(name))
        or title_case(name))


def _from_headerless_rows(doc, col: Collector) -> None:
    """Rows of a cookie table whose header row the scraper lost (`_ga | Google | Skiller brukere | 2 år`):
    a run of two or more `cell | cell` lines with as many cells each, in cookie context, that no table
    reader took. The first column names cookies when each first cell is one token and another column
    holds a lifetime (`2 år`, `Økt`) or a provider (`Google`, `Nettstedet`) in every row, or when half the
    first cells are cookie-shaped or known names (`MUID | Microsoft`)."""
    providers = _provider_cells()
    for block in line_blocks(doc_lines(doc)):
        runs: list[list] = [[]]
        for ln in block:
            if PIPE in ln.text:
                runs[-1].append(ln)
            elif runs[-1]:
                runs.append([])
        for run in runs:
            if len(run) < 2 or col.is_consumed(run[0].start) or not cookie_context(doc, run[0].start):
                continue
            rows = [[c.strip() for c in ln.text.split(PIPE)] for ln in run]
            if len({len(r) for r in rows}) != 1:
                continue
            firsts = [split_names(r[0]) for r in rows]
            if not all(names and all(table_name_ok(n) for n in names) for names in firsts):
                continue
            lifetime_column = any(all(lifetime_days(r[k]) is not None or is_session(r[k]) for r in rows)
                                  for k in range(1, len(rows[0])))
            provider_column = any(all(r[k].casefold() in providers for r in rows) for k in range(1, len(rows[0])))
            if not (lifetime_column or provider_column or sum(_name_like(n[0]) for n in firsts) * 2 >= len(firsts)):
                continue
            col.consumed.append((run[0].start, run[-1].end))
            for ln, names in zip(run, firsts):
                for name in names:
                    if _category_or_tool(name):
                        continue
                    pos = ln.text.find(name)
                    col.add(Hit(name, ln.start + pos, ln.start + pos + len(name), "cookie.headerless_rows", 0.8))


PAREN = regex.compile(r"\(([^()\n]{1,300})\)")


def _from_paren_lists(doc, col: Collector) -> None:
    pats = patterns()
    text = doc.text
    for m in PAREN.finditer(text):
        if col.is_consumed(m.start()):
            continue
        sentence, s0 = _sentence_text(doc, m.start())
        if not pats["cookie"].search(sentence):
            continue
        parts = [clean_token(p)[0] for p in LIST_SPLIT.split(m.group(1).strip()) if p.strip()]
        if not parts or not all(token_ok(p) or p.lower() in not_names() for p in parts):
            continue
        names = [p for p in parts if token_ok(p)]
        if not names or any(is_session(p) or lifetime_days(p) is not None for p in names):
            continue                  # `... tek imot informasjonskapslar (økt)`: a lifetime, no name
        before = text[max(s0, m.start() - 60):m.start()]
        right_after_noun = regex.search(rf"(?:{lexicon()['cookie_word']})\s*$", before, regex.I) is not None
        any_shaped = any(shaped(p) or (distinctive(p) and cookiedb.active().is_known(p)) for p in names)
        plain_ok = right_after_noun and len(names) == len(parts) and all(shaped(p) or plain_name_ok(p) for p in names)
        if not (any_shaped or plain_ok):
            continue
        if pats["storage"].search(sentence) and not right_after_noun:
            continue
        for name in names:
            pos = text.find(name, m.start(1), m.end(1))
            col.add(Hit(name, pos, pos + len(name), "cookie.paren_list", 0.9))


COLON_ITEM = regex.compile(r"^\s*(?P<tok>[^\s(),;:]+)\s*(?:\((?P<desc>[^()]{1,120})\))?\s*$")


def _from_colon_lists(doc, col: Collector) -> None:
    pats = patterns()
    text = doc.text
    for sent in doc.sentences():
        s = sent.text
        colon = s.find(":")
        if colon < 0 or not pats["cookie"].search(s[:colon]) or col.is_consumed(sent.start_char):
            continue
        tail = s[colon + 1:].strip().rstrip(" .")  # a sentence that ends its line keeps the line break
        # `Analysecookies (Hotjar): samtykke (GDPR art. 6 nr. 1 bokstav a)` gives a legal basis, not a cookie
        if not tail or "\n" in tail or purpose_scope()["bare_basis"].match(tail):
            continue
        items = [i for i in TOP_LIST_SPLIT.split(tail) if i.strip()]
        parsed = [COLON_ITEM.match(i) for i in items]
        if not parsed or not all(parsed):
            continue
        names = [clean_token(p.group("tok"))[0] for p in parsed]
        if not all(token_ok(n) for n in names):
            continue
        described = all(p.group("desc") for p in parsed)
        if not (described and all(shaped(n) or plain_name_ok(n) for n in names)) and not all(shaped(n) for n in names) \
                and not _mixed_list_ok(names):
            continue
        base = sent.start_char + colon + 1
        for name in names:
            pos = text.find(name, base, sent.end_char)
            col.add(Hit(name, pos, pos + len(name), "cookie.colon_list", 0.85))


def _mixed_list_ok(names: list[str]) -> bool:
    """A list after `cookies:` mixing shaped and plain names (`_ga, _gid, fr, IDE, NID, ANID`): anchored by a
    shaped or distinctive known name, at least half the names `_name_like`, and no member a capitalised
    ordinary word (`Google`, `Statistikk`)."""
    db = cookiedb.active()
    sure = [_name_like(n) for n in names]
    anchored = any(shaped(n) or (distinctive(n) and db.is_known(n)) for n in names)
    return anchored and 2 * sum(sure) >= len(names) and all(
        ok or n.isupper() or plain_name_ok(n) for n, ok in zip(names, sure)) and not any(title_case(n) for n in names)


LIST_ITEM = regex.compile(r"^- (?P<body>.+)$")
ITEM_HEAD = regex.compile(r"^(?P<tok>[^\s:()–,]+)\s*(?:$|:\s|\s[–—-]\s|\s*\()")


def _from_lead_in_lists(doc, col: Collector) -> None:
    pats = patterns()
    text = doc.text
    providers = _provider_names()
    lines = text.split("\n")
    pos = 0
    offsets = []
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    for i, line in enumerate(lines):
        stripped = regex.split(r"(?<=[.!?])\s+", line.strip())[-1]
        if not stripped.endswith(":") or not pats["cookie"].search(stripped) or pats["negation"].search(stripped):
            continue
        if pats["storage"].search(stripped):
            continue
        naming = pats["name_list_lead_in"].search(stripped) is not None
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        while j < len(lines) and (m := LIST_ITEM.match(lines[j])):
            body = m.group("body")
            body_start = offsets[j] + 2
            for pm in pats["provider"].finditer(body):
                col.add_provider(pm.group("name"), body_start + pm.start("name"), body_start + pm.end("name"),
                                 "cookie_provider.lead_in_list")
            head = ITEM_HEAD.match(body)
            if head and not col.is_consumed(body_start):
                tok = clean_token(head.group("tok"))[0]
                described = len(body) > len(tok)
                listed = ((described or naming) and (plain_name_ok(tok) or code_like(tok))
                          or naming and _site_made(tok))
                if token_ok(tok) and (shaped(tok) or listed) and tok.casefold() not in providers:
                    col.add(Hit(tok, body_start + head.start("tok"), body_start + head.start("tok") + len(tok),
                                "cookie.lead_in_list", 0.8))
            j += 1
            while j < len(lines) and not lines[j].strip() and j + 1 < len(lines) and LIST_ITEM.match(lines[j + 1]):
                j += 1


def code_like(tok: str) -> bool:
    """`BVID`, `MC0`, `CrossConsent`, `svSession`, `ARRAffinity`: written like an identifier (capitals only,
    a capital right after a small letter, or a run of capitals before one), unlike words (`IP-adresse`),
    the lexicon's abbreviations (`GDPR`) and listed services (`HubSpot`, `PayPal`, `BankID`)."""
    letters = [c for c in tok if c.isalpha()]
    if len(letters) < 2 or not tok.isascii() or not token_ok(tok):
        return False
    caps = all(c.isupper() for c in letters) or INNER_CAPITAL.search(tok) is not None
    return (caps and tok.casefold() not in lexicon()["abbreviations"] and gazetteer().lookup(tok) is None
            and tok.casefold() not in _provider_names())


def _site_made(tok: str) -> bool:
    """`cookie-consent`, `hide-banner`: a lower-case ASCII name joined with `-` or `_`, which a list of
    cookie names may hold even where a cookie word is part of it."""
    return (token_ok(tok) and tok.isascii() and tok[:1].islower() and DASH.search(tok) is not None
            and category_of(tok) is None)


CALLED = r"(?:(?:som[^\S\n]+)?(?:heiter|heter|kalles|kallast)|kalt|kalla|med[^\S\n]+(?:navnet|namnet|navn|namn))"
EXAMPLE_WORDS = r"blant[^\S\n]+annet|bl\.[^\S\n]*a\.|mellom[^\S\n]+anna|m\.[^\S\n]*a\."


@lru_cache(maxsize=1)
def _list_opener() -> regex.Pattern:
    """What may stand right before a list of names: a cookie noun or a verb of setting, with `blant annet`
    and the like (`informasjonskapsler, blant annet`, `Piano setter`)."""
    lex = lexicon()
    return regex.compile(
        rf"(?:(?:{lex['cookie_word']})(?:[^\S\n]+{CALLED})?[^\S\n]*[:,]?|{lex['set_verb']})"
        rf"(?:[^\S\n]+(?:{EXAMPLE_WORDS}|da|også|òg))?[^\S\n]*$",
        regex.I)


EXAMPLE_OPENER = regex.compile(
    rf"(?:,|(?<!\p{{L}})(?:er|var|heter|heiter))[^\S\n]+(?:{EXAMPLE_WORDS}|for[^\S\n]+eksempel|til[^\S\n]+dømes"
    r"|f\.[^\S\n]*eks\.?)[^\S\n]*$", regex.I)
"""`..., blant annet` / `er for eksempel` right before a list; a cookie noun must come earlier in its sentence
(`Shopify setter noen informasjonskapsler som må til for at kassen skal virke, blant annet cart, ...`)."""


DESCRIBED_ITEM = regex.compile(r"(?P<tok>[«\"'`]?[^\s,;:()«»\"'`]+[»\"'`]?)(?:[^\S\n]*\((?P<desc>[^()\n]{1,160})\))?")
DESCRIBED_SEP = regex.compile(r"[^\S\n]*(?:,[^\S\n]*(?:(?:og|and|eller|or|samt)[^\S\n]+)?|[^\S\n]+(?:og|and|eller|or|samt|&)[^\S\n]+)",
                              regex.I)
DESCRIBED_END = regex.compile(r"[^\S\n]*(?:[.;:!?]|$)")


@lru_cache(maxsize=1)
def _opener_scan() -> regex.Pattern:
    """`_list_opener` found anywhere in a sentence: a cookie noun or a verb of setting, then the list."""
    lex = lexicon()
    return regex.compile(rf"(?<!\p{{L}})(?:(?:{lex['cookie_word']})[^\S\n]*,?|{lex['set_verb']})"
                         rf"(?:[^\S\n]+(?:{EXAMPLE_WORDS}|da|også|òg))?[^\S\n]+", regex.I)


def _name_like(tok: str) -> bool:
    """Cookie-shaped, distinctive (`svSession`) or a known cookie name."""
    return shaped(tok) or distinctive(tok) or cookiedb.active().is_known(tok)


def _described_items(text: str, pos: int) -> list[tuple[str, int]]:
    """(token, offset) of the list that starts at `pos`: single tokens, each optionally followed by a
    parenthesised description, joined by commas and `og`; the list ends where no separator follows. A last
    token the sentence runs on from without a description (`setter _fbp (...) og brukes til ...`) is kept
    only when it looks like a name."""
    items = []
    while True:
        m = DESCRIBED_ITEM.match(text, pos)
        if not m:
            return items
        item = (m.group("tok"), m.start("tok"))
        sep = DESCRIBED_SEP.match(text, m.end())
        if sep is None or not DESCRIBED_ITEM.match(text, sep.end()):
            ends = m.group("desc") is not None or DESCRIBED_END.match(text, m.end()) is not None
            return items + [item] if ends or _name_like(clean_token(item[0])[0]) else items
        items.append(item)
        pos = sep.end()


def _from_described_lists(doc, col: Collector) -> None:
    """Names listed in running text right after a cookie noun or a verb of setting, with descriptions in
    parentheses (`setter blant annet informasjonskapslene XSRF-TOKEN og hs (sikkerhet, ...), svSession
    (nødvendig ..., 2 år) og bSession (statistikk, 30 minutter)`, `informasjonskapslene hs, svSession og
    bSession`): taken when one name is cookie-shaped, distinctive or known and every name could be one
    (a plain lower-case word too); a verb opens a list only after a cookie noun in its sentence."""
    providers = _provider_names()
    pats = patterns()
    for sent in doc.sentences():
        s0, stext = sent.start_char, sent.text
        if not pats["cookie"].search(stext) or col.is_consumed(s0):
            continue
        for m in _opener_scan().finditer(stext):
            if not pats["cookie"].search(stext, 0, m.end()):
                continue
            items = _described_items(stext, m.end())
            names = [clean_token(t)[0] for t, _ in items]
            if len(items) < 2 or not all(token_ok(n) and n.casefold() not in providers for n in names):
                continue
            if not any(_name_like(n) for n in names) and not all(QUOTED_ITEM.fullmatch(t) for t, _ in items):
                continue                   # one name-like, or all quoted (`«theme» (utseende) og «fontsize» (...)`)
            if not all(_name_like(n) or plain_name_ok(n) for n in names):
                continue
            for (tok, rel), name in zip(items, names):
                start = s0 + rel + tok.find(name)
                if not not_a_cookie_here(stext, start - s0, len(name)):
                    col.add(Hit(name, start, start + len(name), "cookie.described_list", 0.85))


QUOTED = r"[«\"'`](?P<q>[^\s«»\"'`]{2,80})[»\"'`]"       # a quoted name (curly quotes are straight by now)
CO_ITEM = r"[«\"'`]?[^\s,;:()«»\"'`]+[»\"'`]?"
CO_SEP = r"[^\S\n]*,[^\S\n]*"
CO_AND = r"[^\S\n]*,?[^\S\n]+(?:og|and|eller|or|samt|&)[^\S\n]+"
COORDINATION = regex.compile(rf"(?<![^\s(:]){CO_ITEM}(?:(?:{CO_SEP}{CO_ITEM})*{CO_AND}{CO_ITEM}|(?:{CO_SEP}{CO_ITEM})+)",
                             regex.I)
QUOTED_ITEM = regex.compile(QUOTED)
CO_CONNECTOR = regex.compile(r"(?:og|and|eller|or|samt|&)", regex.I)


def _from_coordinations(doc, col: Collector) -> None:
    """A coordinated list of single tokens in a cookie paragraph (`setter _fbp og fr`, `NID, 1P_JAR og
    CONSENT`, `informasjonskapslene li_sugr, bcookie og lidc`), anchored by a cookie-shaped or distinctive
    known name (right after a cookie noun or a verb of setting, also by a name written like an identifier:
    `informasjonskapslene BVID, GUC og RT`): its other members are taken when each is a known cookie name,
    distinctive, or (right after a cookie noun or a verb of setting: `informasjonskapslene ...`,
    `informasjonskapsler, blant annet ...`, `Piano setter __tbc, __pvi og xbc`) a plain lower-case word
    or an identifier-like one.
    A list with any other member (`page_view, scroll`, `Analytics og _ga`) gives nothing here."""
    text = doc.text
    db = cookiedb.active()
    providers = _provider_names()
    for m in COORDINATION.finditer(text):
        if col.is_consumed(m.start()):
            continue
        toks, quotes = [], []
        for tm in regex.finditer(r"[^\s,]+", m.group(0)):
            if CO_CONNECTOR.fullmatch(tm.group(0)):
                continue
            tok, lead, _ = clean_token(tm.group(0))
            toks.append((tok, m.start() + tm.start() + lead))
            quotes.append(QUOTED_ITEM.fullmatch(tm.group(0)) is not None)
        names = [t for t, _ in toks]
        if len(set(names)) < 2 or not all(token_ok(t) and t.casefold() not in providers for t in names):
            continue
        if any(quotes) and not all(quotes):
            continue  # `heter "accepted_cookies" og lagres`: a quoted name and a verb, no list
        sentence, s0 = _sentence_text(doc, m.start())
        before = text[max(s0, m.start() - 60):m.start()]
        apposition = _list_opener().search(before) is not None or (
            EXAMPLE_OPENER.search(before) is not None and patterns()["cookie"].search(text, s0, m.start()) is not None)
        anchored = any(shaped(t) or (distinctive(t) and db.is_known(t))
                       or (apposition and (db.is_known(t) or code_like(t) or _letters_and_digits(t))) for t in names) \
            or (apposition and all(quotes))    # `informasjonskapslene «theme» og «fontsize»`: quoted as names
        if not anchored or not all(shaped(t) or distinctive(t) or db.is_known(t)
                                   or (apposition and (plain_name_ok(t) or code_like(t))) for t in names):
            continue
        if len(toks) == 2 and not CO_CONNECTOR.search(m.group(0)) and not all(
                shaped(t) or distinctive(t) or db.is_known(t) for t in names):
            continue  # `_pk_id, som utløper ...`: a name and the clause after it, no list of two
        if not cookie_context(doc, m.start()):
            continue
        for tok, start in toks:
            if not_a_cookie_here(sentence, start - s0, len(tok)):
                break
        else:
            for tok, start in toks:
                col.add(Hit(tok, start, start + len(tok), "cookie.coordination", 0.8))


def _item_of_storage_list(doc, start: int) -> bool:
    """Is the token at `start` on a list item whose lead-in puts the list in browser storage (`... lagrar
    nettstaden to ting i localStorage. Dette er ikkje informasjonskapslar:`): storage named nearer the
    list than a cookie word, or every cookie word negated?"""
    lines, _, starts = _entries_of(doc)
    i = bisect.bisect_right(starts, start) - 1
    if not LIST_ITEM.match(lines[i]):
        return False
    while i > 0 and (LIST_ITEM.match(lines[i]) or not lines[i].strip()):
        i -= 1
    lead = lines[i].strip()
    pats = patterns()
    if not lead.endswith(":") or not pats["storage"].search(lead):
        return False
    return _storage_nearer(lead, len(lead)) or all(_cookie_words_negated(lead))


def _entry_in_storage_text(text: str, start: int) -> bool:
    """Does the rest of the line from `start` speak of browser storage (`- theme (localStorage)`)?"""
    line_end = text.find("\n", start)
    return patterns()["storage"].search(text[start:len(text) if line_end < 0 else line_end]) is not None


BARE_ITEM = regex.compile(r"^- (?P<tok>\S+)[^\S\n]*$")


def _single_token_blocks(doc) -> list[list[tuple[str, int]]]:
    """Blocks of two or more lines of one token each, without bullets (`XSRF-TOKEN` / `hs` / `svSession`),
    below a name column's header word if there is one (a table a PDF text layer gives column by column:
    `Navn` / `_ga` / `rc` / ...)."""
    out = []
    for block in line_blocks(doc_lines(doc)):
        if block and header_role(block[0].text.strip()) in ("name", "key"):
            block = block[1:]
        words = [ln.text.strip() for ln in block]
        if len(block) >= 2 and all(w and " " not in w and not w.startswith("- ") for w in words):
            tokens = [clean_token(w) for w in words]
            out.append([(tok, ln.start + len(ln.text) - len(ln.text.lstrip()) + lead)
                        for (tok, lead, _), ln in zip(tokens, block)])
    return out


def _from_bare_lists(doc, col: Collector) -> None:
    """A list of bare names in a cookie section (`- _ga` / `- _gid` / `- lang`, or a block of one name per
    line without bullets): taken when one item is cookie-shaped or known and every item could be a
    cookie name (no provider, category or word list)."""
    text = doc.text
    db = cookiedb.active()
    providers = _provider_names()
    runs: list[list[tuple[str, int]]] = []
    current: list[tuple[str, int]] = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue          # a blank line between items keeps the list
        m = BARE_ITEM.match(line)
        if m is None:
            if current:
                runs.append(current)
            current = []
            continue
        tok, lead, _ = clean_token(m.group("tok"))
        current.append((tok, start + m.start("tok") + lead))
    if current:
        runs.append(current)
    runs.extend(_single_token_blocks(doc))
    for run in runs:
        names = [t for t, _ in run]
        if len(run) < 2 or col.is_consumed(run[0][1]) or not cookie_context(doc, run[0][1]):
            continue
        if not all(token_ok(t) and t.casefold() not in providers for t in names):
            continue
        if not any(shaped(t) or db.is_known(t) for t in names):
            continue
        if not all(shaped(t) or distinctive(t) or code_like(t) or db.is_known(t) or plain_name_ok(t) for t in names):
            continue
        for tok, start in run:
            if not _entry_in_storage_text(text, start):
                col.add(Hit(tok, start, start + len(tok), "cookie.bare_list", 0.75))


@lru_cache(maxsize=1)
def _apposition() -> regex.Pattern:
    cookie = lexicon()["cookie_word"]
    return regex.compile(
        rf"(?P<noun>{cookie})(?P<sep>[^\S\n]*,[^\S\n]*|[^\S\n]+)"
        rf"(?:(?P<called>{CALLED})[^\S\n]+)?"
        rf"(?:{QUOTED}|(?P<bare>[^\s,;:()«»\"'`]+))", regex.I)


SINGULAR_DEFINITE = regex.compile(r"(?:kapselen|cookien|cookie'?en)$", regex.I)
PLURAL_DEFINITE = regex.compile(r"(?:kapslene|kapslane|cookiene|cookiesene|cookiane)$", regex.I)
VERB_ENDING = regex.compile(r"(?:r|es|et|te|de|st)$")


def _bare_name_after_noun(m: regex.Match, text: str, tok: str) -> bool:
    """`informasjonskapselen lang i ett år`, `cookien session holder ...`, `kapselen font-size, også`: a
    plain lower-case word or site-made name right after a singular definite cookie noun, followed by what
    follows a name there (a preposition, a verb of what the cookie does, a comma), and no verb form itself
    (`informasjonskapselen gir oss`); or a token written like an identifier (`informasjonskapselen BVID`),
    also after a plural noun (`informasjonskapslene NKSESSION, som ...`)."""
    if SINGULAR_DEFINITE.search(m.group("noun")) is None:
        return PLURAL_DEFINITE.search(m.group("noun")) is not None and written_as_name(tok)
    if written_as_name(tok):
        return True
    return (plain_name_ok(tok) and len(tok) >= 3 and (tok.isalpha() and not VERB_ENDING.search(tok) or _site_made(tok))
            and patterns()["bare_name_follower"].match(text, m.end("bare")) is not None)


def written_as_name(tok: str) -> bool:
    """Cookie-shaped, an identifier (`BVID`, `smSession`) or letters with digits (`ct0`): no Norwegian word."""
    return shaped(tok) or code_like(tok) or _letters_and_digits(tok)


def _letters_and_digits(tok: str) -> bool:
    """`ct0`, `rsid2`, `ep202`: ASCII letters and digits in one token, as no Norwegian word is written."""
    return tok.isascii() and token_ok(tok) and LETTERS_AND_DIGITS.fullmatch(tok) is not None


def _from_appositions(doc, col: Collector) -> None:
    """One name right after a cookie noun: quoted (`informasjonskapselen «lang»`, `én informasjonskapsel,
    «theme», som ...`), after `(som) heter` / `med namnet`, a name of the shipped table
    (`informasjonskapselen NID`), or a plain word where a name stands (`informasjonskapselen lang i ett
    år`). `Informasjonskapselen lagres` (a verb) gives nothing."""
    text = doc.text
    db = cookiedb.active()
    providers = _provider_names()
    for m in _apposition().finditer(text):
        group = "q" if m.group("q") else "bare"
        if group == "bare" and "," in m.group("sep"):
            continue  # `informasjonskapselen, som ...`; only a quoted name stands after a comma
        tok, lead, _ = clean_token(m.group(group))
        start = m.start(group) + lead
        if col.is_consumed(start) or not token_ok(tok) or tok.casefold() in providers:
            continue
        explicit = group == "q" or m.group("called")
        known = (_shipped_as_written(tok) if tok.isalpha() else cookiedb.shipped().is_known(tok)) \
            or (distinctive(tok) and db.is_known(tok))
        if not (known or shaped(tok) or explicit and (plain_name_ok(tok) or distinctive(tok))
                or group == "bare" and _bare_name_after_noun(m, text, tok)):
            continue
        sentence, s0 = _sentence_text(doc, start)
        if not_a_cookie_here(sentence, start - s0, len(tok)):
            continue
        col.add(Hit(tok, start, start + len(tok), "cookie.apposition", 0.8))


SINGULAR_COOKIE = (r"(?:en|ein|ei|et|eit)[^\S\n]+(?:[\p{L}-]+[^\S\n]+)?"
                   r"\p{L}*(?:kapsel|cookie|informasjonskapsel)(?![\p{L}])")
SINGULAR_COOKIE_RE = regex.compile(SINGULAR_COOKIE, regex.I)
NAMED_SUBJECT = regex.compile(rf"(?:^|(?<=[.!?][^\S\n]+)|(?<=\n)-?[^\S\n]*)(?:{QUOTED}|(?P<bare>[^\s,;:()«»\"'`]+))"
                              rf"(?:[^\S\n]+(?:er|var)[^\S\n]+|[^\S\n]*:[^\S\n]*){SINGULAR_COOKIE}", regex.I | regex.M)
NAMED_BY_ANAPHOR = regex.compile(rf"(?<=[.!?][^\S\n]+)(?:den|denne)[^\S\n]+(?:{CALLED})[^\S\n]+{QUOTED}", regex.I)


def _from_predicates(doc, col: Collector) -> None:
    """A name said to be a cookie (`rc er en informasjonskapsel som ...`, `«theme» er ein informasjonskapsel`,
    `lang: en informasjonskapsel som husker språket ditt`), or named right after a sentence that speaks of one
    (`... en informasjonskapsel for å huske språket ditt. Denne kalles «lang».`), in cookie context. A bare
    name must be written like a cookie name: lower case or an identifier, not a pronoun, tool or category."""
    text = doc.text
    providers = _provider_names()
    hits = [(m, "bare" if m.group("bare") else "q") for m in NAMED_SUBJECT.finditer(text)]
    for m in NAMED_BY_ANAPHOR.finditer(text):
        sentence, _ = _sentence_text(doc, len(text[:m.start()].rstrip()) - 1)    # the sentence before it
        if SINGULAR_COOKIE_RE.search(sentence):
            hits.append((m, "q"))
    for m, group in hits:
        tok, lead, _ = clean_token(m.group(group))
        start = m.start(group) + lead
        if col.is_consumed(start) or not token_ok(tok) or tok.casefold() in providers:
            continue
        if group == "bare" and not (written_as_name(tok) or plain_name_ok(tok)):
            continue
        if not cookie_context(doc, start):
            continue
        col.add(Hit(tok, start, start + len(tok), "cookie.predicate", 0.8))


TOKEN_AFTER = regex.compile(r"[^\S\n]+(?P<tok>[^\s,;:()«»\"'`]+)")


def _from_set_objects(doc, col: Collector) -> None:
    """A name written like an identifier right after a verb of setting, or after the tool that sets it
    (`Der set Jimdo ClickAndChange, ein øktkapsel ...`, `Microsoft setter MUIDB`), in cookie context."""
    text = doc.text
    for verb in patterns()["set_verb"].finditer(text):
        m = TOKEN_AFTER.match(text, verb.end())
        if m and title_case(clean_token(m.group("tok"))[0]):
            m = TOKEN_AFTER.match(text, m.end())        # the tool that sets it
        if not m:
            continue
        tok, lead, _ = clean_token(m.group("tok"))
        start = m.start("tok") + lead
        if col.is_consumed(start) or not code_like(tok) or not cookie_context(doc, start):
            continue
        sentence, s0 = _sentence_text(doc, start)
        if not not_a_cookie_here(sentence, start - s0, len(tok)):
            col.add(Hit(tok, start, start + len(tok), "cookie.set_object", 0.75))


# `_ga-cookien`, `CookieConsent-informasjonskapselen`: a name joined to a singular cookie noun (a plural,
# `_pk-kapslane`, names a group: `NAMED_GROUP`)
NAME_COMPOUND = regex.compile(r"(?<![\w.-])(?P<tok>[^\s,;:()«»\"'`]+?)-(?:cookien?|(?:informasjons)?kapselen|"
                              r"(?:informasjons)?kapsel)(?![\w-])", regex.I)


def _from_name_compounds(doc, col: Collector) -> None:
    """A name joined to a singular cookie noun (`Google Analytics setter _ga-cookien`), when it is written
    like a name (shaped, an identifier, letters with digits) or the cookie database knows it; a tool
    (`Hotjar-cookien`) is not taken."""
    db = cookiedb.active()
    providers = _provider_names()
    for m in NAME_COMPOUND.finditer(doc.text):
        tok, start = m.group("tok"), m.start("tok")
        if col.is_consumed(start) or not token_ok(tok) or tok.casefold() in providers or category_of(tok):
            continue
        if written_as_name(tok) or db.is_known(tok):
            col.add(Hit(tok, start, start + len(tok), "cookie.name_compound", 0.75))


def _storage_nearer(sentence: str, rel: int, length: int = 0) -> bool:
    """Does the sentence put the token at `rel` in localStorage/sessionStorage rather than a cookie?
    (A cookie word inside the token itself, `cookie_consent_v2`, is no cue.)"""
    pats = patterns()
    storage = [abs(m.start() - rel) for m in pats["storage"].finditer(sentence)]
    if not storage:
        return False
    cookie = [abs(m.start() - rel) for m in pats["cookie"].finditer(sentence)
              if not (m.start() < rel + length and m.end() > rel)]
    return not cookie or min(storage) < min(cookie)


def _cookie_words_negated(text: str) -> list[bool]:
    """For each cookie word of the text: is it denied just before (`Dette er ikkje informasjonskapslar`)?"""
    pats = patterns()
    return [pats["negation"].search(text[max(0, m.start() - 20):m.start()]) is not None
            for m in pats["cookie"].finditer(text)]


STORAGE_ASIDE_KEY = regex.compile(r"\s+[\w.-]*_[\w.-]*|\s+[\w-]+\s*\(")


def _storage_lead(block: str) -> bool:
    """Does the block before a table put what follows in browser storage? A sentence that sets one thing
    apart from the cookies (`lagres et utkast under nøkkelen bk_soknad_utkast (localStorage); det er ikke en
    informasjonskapsel.`) is an aside, unless it ends in `:` and so introduces the table."""
    pats = patterns()
    for sentence in regex.split(r"(?<=[.!?])\s+", block.strip()):
        if not pats["storage"].search(sentence):
            continue
        if sentence.rstrip().endswith(":"):
            return True
        denies = any(_cookie_words_negated(sentence))
        names_key = any(STORAGE_ASIDE_KEY.match(sentence, m.end()) for m in pats["other_id"].finditer(sentence))
        if not (denies or names_key):
            return True
    return False


def _other_id_before(sentence: str, rel: int) -> bool:
    """Is the last cue before `rel` a noun for identifiers that are no cookies (`nøkkelen`, `hendelser
    som`, `parameteren`, `feltet`) rather than a cookie word?"""
    pats = patterns()
    head = sentence[:rel]
    other = [m.end() for m in pats["other_id"].finditer(head)]
    if not other:
        return False
    cookie = [m.end() for m in pats["cookie"].finditer(head)]
    return not cookie or max(other) > max(cookie)


def not_a_cookie_here(sentence: str, rel: int, length: int) -> bool:
    """The sentence puts the token in browser storage, or calls a token that is no known cookie name a
    key, parameter, event or field (`hendelser som page_view`; `For å måle hendelser bruker vi _ga`
    keeps `_ga`)."""
    if _storage_nearer(sentence, rel, length):
        return True
    return _other_id_before(sentence, rel) and not cookiedb.active().is_known(sentence[rel:rel + length])


def _known_prefix(db, tok: str) -> bool:
    """A token matching a long wildcard entry (`intercom-session-abc`, `sb-xyz-auth-token`)."""
    if not token_ok(tok):
        return False
    entry = db.get_wildcard(tok)
    return entry is not None and len(entry.name.replace("*", "")) >= 6


def _shipped_as_written(tok: str) -> bool:
    """A name of the shipped table as the table writes it: a plain word in other case is the word
    (`cookie consent state` is no `CONSENT`)."""
    return tok in cookiedb.shipped().exact


def _known_plain(tok: str) -> bool:
    """A lower-case plain word that is a name of the shipped table and no ordinary word (`siteimproveses`,
    `hubspotutk`, `nmstat`: six letters or more), taken from running text in cookie context."""
    return len(tok) >= 6 and tok.isalpha() and tok.islower() and token_ok(tok) and _shipped_as_written(tok)


def _provider_named_in(tok: str, sentence: str) -> bool:
    """Is the tool that sets the shipped cookie `tok` named in its sentence (`YouTube setter YSC`,
    `fr og datr fra Facebook`)? A short plain name (`fr`, `YSC`) is a cookie only so."""
    entry = cookiedb.shipped().get_exact(tok)
    return entry is not None and any(regex.search(rf"(?<!\w){regex.escape(word)}", sentence)
                                     for word in entry.provider.split() if len(word) >= 3)


CLAUSE_START = regex.compile(r"(?:^|[:;,][^\S\n]*|(?<![\p{L}])og[^\S\n]+)$")
DESCRIPTION_VERB = regex.compile(r"[^\S\n]+(?:husker|hugsar|holder|held|lagrer|lagrar|skiller|skil|teller|registrerer|"
                                 r"sporer|inneholder|inneheld)(?![\p{L}])")


def _described_subject(doc, sentence: str, rel: int, tok: str) -> bool:
    """`..., og localization husker hvilket land du har valgt` in a document that names Shopify: a shipped
    name that opens a clause saying what it does, its tool named somewhere in the document."""
    return bool(CLAUSE_START.search(sentence, 0, rel) and DESCRIPTION_VERB.match(sentence, rel + len(tok))
                and _provider_named_in(tok, doc.text))


def _from_shapes(doc, col: Collector) -> None:
    pats = patterns()
    text = doc.text
    db = cookiedb.active()
    for m in TOKEN.finditer(text):
        raw = m.group(0)
        if col.is_consumed(m.start()) or "://" in raw or "@" in raw or raw.lower().startswith("www."):
            continue
        tok, lead, _ = clean_token(raw)
        if not tok:
            continue
        start = m.start() + lead
        sentence = None
        if not CANDIDATE.search(raw):
            if _known_plain(tok):
                method, conf = "cookie.known_plain", 0.75
            elif _shipped_as_written(tok):
                sentence, s0 = _sentence_text(doc, start)
                if not (_provider_named_in(tok, sentence) or _described_subject(doc, sentence, start - s0, tok)):
                    continue
                method, conf = "cookie.known_with_provider", 0.75
            else:
                continue  # plain words are never taken from running text, but for shipped names so placed
        elif shaped(tok):
            method, conf = "cookie.shape", 0.85
        elif distinctive(tok) and db.is_known(tok):
            method, conf = "cookie.known_name", 0.8
        elif regex.search(r"[-_]", tok) and _known_prefix(db, tok):
            method, conf = "cookie.known_prefix", 0.75
        elif _shipped_as_written(tok):   # `CookieYes setter cookieyes-consent`
            sentence, s0 = _sentence_text(doc, start)
            if not _provider_named_in(tok, sentence):
                continue
            method, conf = "cookie.known_with_provider", 0.75
        else:
            continue
        if sentence is None:
            sentence, s0 = _sentence_text(doc, start)
        if not cookie_context(doc, start) and not (
                cookiedb.lookup(tok, cookiedb.shipped()) is not None and pats["set_verb"].search(sentence)):
            continue                   # `Intercom-widgeten setter intercom-id-[app_id]`: a shipped name set by a tool
        if not_a_cookie_here(sentence, start - s0, len(tok)) or _name_line_in_storage(doc, m.start(), m.end()) \
                or _item_of_storage_list(doc, start):
            continue
        col.add(Hit(tok, start, start + len(tok), method, conf))


def _name_line_in_storage(doc, start: int, end: int) -> bool:
    """Is the token at start:end a name line whose entry says it is browser storage
    (`wishlist_v3` / `Lagrer ønskelisten din.` / `Type: HTML Local Storage`, as Cookiebot prints it)?"""
    lines, entries, line_starts = _entries_of(doc)
    i = bisect.bisect_right(line_starts, start) - 1
    return lines[i].strip() == doc.text[start:end].strip() and entries[i] is not None and \
        _entry_type(lines, entries, i) == "storage"


def _entries_of(doc) -> tuple[list[str], list, list[int]]:
    """The document's lines, their entries (`_entry_lines`) and start offsets, read once per document."""
    def build():
        lines = doc.text.split("\n")
        starts, pos = [], 0
        for line in lines:
            starts.append(pos)
            pos += len(line) + 1
        return lines, _entry_lines(lines), starts
    return cached(doc, "cookie_entries", build)


DEF_LINE = regex.compile(r"^(?:- |\d{1,2}[.)][^\S\n]+)?(?P<tok>[^\s:()–—,]+)(?::\s+|\s+[–—-]\s+|\s*\()\S")
DEF_NAME = r"[^\s:()–—,]+"
# `xs og csm: kjenner deg att ...`, `- _pk_id, _pk_ses og _pk_ref – ...`: several names defined in one line
MULTI_DEF_LINE = regex.compile(rf"^(?:- |\d{{1,2}}[.)][^\S\n]+)?(?P<names>{DEF_NAME}(?:,[^\S\n]*{DEF_NAME})*[^\S\n]+"
                               rf"(?:og|and|eller)[^\S\n]+{DEF_NAME})(?::\s+|\s+[–—-]\s+)\S")


def _def_names(m: regex.Match, indent: int) -> list[tuple[str, int]]:
    """(name, offset in the line) of the names a `MULTI_DEF_LINE` match (on the line without its indent) defines."""
    names = []
    for n in regex.finditer(DEF_NAME, m.group("names")):
        if not CO_CONNECTOR.fullmatch(n.group(0)):
            name, lead, _ = clean_token(n.group(0))
            names.append((name, indent + m.start("names") + n.start() + lead))
    return names


Entry = tuple[str, str, list[tuple[str, int]]]


def _lines_after(lines: list[str], i: int) -> list[str]:
    """The two lines after line `i`; when line `i` stands alone between blank lines (a name as a heading
    over its description, a consent platform's cells through the HTML ingest), the next two that stand
    alone so, each past one blank line."""
    if i > 0 and lines[i - 1].strip() or i + 1 < len(lines) and lines[i + 1].strip():
        return lines[i + 1:i + 3]
    out, k = [], i + 2
    while len(out) < 2 and k < len(lines) and lines[k].strip() and not lines[k - 1].strip():
        out.append(lines[k])
        k += 2
    return out


def _described_below(after: list[str]) -> bool:
    """Do the lines below a lone name describe it: a line of three or more words (not one that is only a
    type, `HTML Local Storage`, below a lifetime `Vedvarende`), or a consent platform's short provider line
    (`Meta Platforms, Inc.`, `example.no`) and then a description?"""
    described = len(after) >= 1 and len(after[0].split()) >= 3 and not bare_value_cell(after[0].strip())
    by_provider = (len(after) >= 2 and 0 < len(after[0].split()) <= 4
                   and not after[0].rstrip().endswith(".") and len(after[1].split()) >= 3)
    return described or by_provider


def _entry_lines(lines: list[str]) -> list[Entry | None]:
    """Per line: (name, kind, names with their offsets in the line) when the line starts an entry, else None.
    Kinds: `line` (the name alone,
    a description line of three or more words below it, or below a short provider line) and `def` (`_ga: Skiller brukere ...`,
    `- lang – husker språkvalget`, `2. lang: husker språkvalget`, `- _gid (Google Analytics, 24 timer)`,
    `xs og csm: kjenner deg att ...`, whose first name stands for the line here)."""
    out: list[Entry | None] = []
    for i, line in enumerate(lines):
        tok = line.strip()
        if tok and " " not in tok and _described_below(_lines_after(lines, i)):
            out.append((tok, "line", [(tok, line.find(tok))]))
        elif m := DEF_LINE.match(tok):
            name = clean_token(m.group("tok"))[0]
            out.append((name, "def", [(name, line.find(name))]))
        elif m := MULTI_DEF_LINE.match(tok):
            names = _def_names(m, len(line) - len(line.lstrip()))
            out.append((names[0][0], "def", names))
        else:
            out.append(None)
    return out


HTTP_COOKIE_TYPE = regex.compile(r"(?:type\s*:\s*)?http(?:\s+cookie)?|(?:type\s*:\s*)?cookie", regex.I)


def _entry_type(lines: list[str], entries: list, i: int) -> str | None:
    """What the entry starting at line `i` (up to a blank line or the next entry of its kind) says it is:
    'storage' (`HTML Local Storage`), 'cookie' (a type line `HTTP Cookie`, or `Pixel Tracker`: an entry
    of the cookie declaration all the same) or None."""
    pats = patterns()
    kind = entries[i][1]
    first = i + 1 if kind == "line" else i          # a name line's next line is its provider or description
    j = i
    said = None
    while j < len(lines) and lines[j].strip():
        if j > first and entries[j] is not None and entries[j][1] == kind:
            break
        line, typed = regex.subn(r"^type\s*:\s*", "", lines[j].strip(), flags=regex.I)
        if pats["storage"].search(lines[j]) or (typed and pats["storage_type"].fullmatch(line)):
            return "storage"
        if j > i and (HTTP_COOKIE_TYPE.fullmatch(line) or pats["pixel_type"].fullmatch(line)):
            said = "cookie"
        j += 1
    return said


def _from_entries(doc, col: Collector) -> None:
    """Entries of a cookie section: a name line + description line (`_ga` / `Skiller brukere ...`) or a
    definition line or list item (`_ga: Skiller brukere ...`, `- lang – husker språkvalget`). Plain
    names are taken when a sibling entry of the same section has a cookie-shaped or known name, or when
    the entry's own type line says `HTTP Cookie` or `Pixel Tracker`; an entry that describes browser
    storage (`Type: HTML Local Storage`) is no cookie."""
    providers = _provider_names()
    db = cookiedb.active()
    by_section: dict[int | None, list[tuple[str, int, bool]]] = {}
    lines, entries, starts = _entries_of(doc)
    for i, line in enumerate(lines):
        start = starts[i]
        if entries[i] is None:
            continue
        tok, kind, names = entries[i]
        pixel = kind == "line" and PIXEL_PATH.fullmatch(tok) is not None and table_name_ok(tok)
        if col.is_consumed(start) or not (token_ok(tok) or pixel or templated_path(tok)) or tok.casefold() in providers or category_of(tok):
            continue
        if not cookie_context(doc, start + len(line) + 1 if kind == "line" else start):
            continue
        said = _entry_type(lines, entries, i)
        if said == "storage" or _item_of_storage_list(doc, start):
            continue
        sec = doc.section_index_at(start)
        parent = doc.sections[sec].parent if sec is not None and doc.is_heading_line(start) else sec
        if (root := _run_root(doc, start)) is not None:
            parent = root             # entries under provider sub-headings are siblings of one cookie section
        for name, pos in names:
            by_section.setdefault(parent, []).append((name, start + pos, said == "cookie", pixel))
    for found in by_section.values():
        siblings = len(found) >= 2 and any(shaped(t) or templated_path(t) or db.is_known(t) for t, _, _, _ in found)
        for tok, start, typed, pixel in found:
            if (siblings or typed) and (shaped(tok) or plain_name_ok(tok) or code_like(tok) or db.is_known(tok)
                                        or templated_path(tok) or typed and pixel):
                col.add(Hit(tok, start, start + len(tok), "cookie.entry", 0.75))


def _providers_in_text(doc, col: Collector) -> None:
    pats = patterns()
    for sent in doc.sentences():
        s = sent.text
        if not pats["cookie"].search(s):
            continue
        for pm in pats["provider"].finditer(s):
            before = s[:pm.start()]
            neg = list(pats["negation"].finditer(before))
            if neg and not regex.search(r"\b(?:men|but)\b", before[neg[-1].end():], regex.I):
                continue
            col.add_provider(pm.group("name"), sent.start_char + pm.start("name"), sent.start_char + pm.end("name"),
                             "cookie_provider.sentence")


def _enrich(doc, hit: Hit) -> tuple[dict, str]:
    match = cookiedb.lookup(hit.name)
    provider, category, life = hit.provider, hit.category, hit.lifetime if hit.lifetime_stated else None
    source = ""
    if match is not None:
        entry = match.entry
        trusted = distinctive(hit.name) or len(hit.name) > 8
        if not trusted and entry.provider:
            first = entry.provider.split()[0]
            trusted = regex.search(rf"(?<!\w){regex.escape(first)}", doc.text, regex.I) is not None
        if trusted:
            source = f"+db:{entry.source}:{entry.name}"
            provider = provider or entry.provider
            category = category or entry.category
            if not hit.lifetime_stated:
                life = entry.lifetime_days
    return {"name": hit.name, "provider": provider, "category": category, "lifetime_days": life}, source


def extract(doc, fields) -> Extraction:
    col = Collector(doc)
    _from_tables(doc, col)
    _from_headerless_rows(doc, col)
    _from_paren_lists(doc, col)
    _from_colon_lists(doc, col)
    _from_lead_in_lists(doc, col)
    _from_coordinations(doc, col)
    _from_described_lists(doc, col)
    _from_bare_lists(doc, col)
    _from_appositions(doc, col)
    _from_predicates(doc, col)
    _from_set_objects(doc, col)
    _from_name_compounds(doc, col)
    _from_shapes(doc, col)
    _from_entries(doc, col)
    _providers_in_text(doc, col)
    cookies, findings = [], []
    for hit in sorted(col.hits.values(), key=lambda h: h.start):
        record, source = _enrich(doc, hit)
        cookies.append(record)
        findings.append(doc.finding("cookies", hit.name, hit.start, hit.end, hit.method + source, hit.confidence))
    providers = []
    for name, (start, end, method) in sorted(col.providers.items(), key=lambda kv: kv[1][0]):
        providers.append(name)
        findings.append(doc.finding("cookie_providers", name, start, end, method, 0.8))
    return Extraction({"cookies": cookies, "cookie_providers": providers}, findings)
