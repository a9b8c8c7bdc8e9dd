"""`cookies` (named cookies, enriched) and `cookie_providers` (tools said to set cookies).

Where names come from, most reliable first (the finding's `method` names the rule):
- `cookie.table`: the name column of a cookie table (flattened cells, `cell | cell` rows or
  `Navn: ...` records, read by `policyparse.flat_tables`). A table is a cookie table when its header
  or the text before it speaks of cookies; a table (or row) of localStorage / sessionStorage keys
  is not. A cell naming several cookies is split (`_ga, _gid`), short suffixes are expanded
  (`sb-*-auth-token.0, .1` -> `sb-*-auth-token.0`, `sb-*-auth-token.1`).
- `cookie.paren_list`: a parenthesised list in a cookie sentence (`Informasjonskapslane (rc::a,
  rc::b og rc::c)`, `Statistiske informasjonskapsler (_ga, _gat, _gid, collect)`).
- `cookie.colon_list`: `... informasjonskapsler ...: lang (valgt språk) og samtykke (cookie-valget)`.
- `cookie.lead_in_list`: list items under a line like `Vi bruker følgende informasjonskapsler:`.
- `cookie.shape` / `cookie.known_name` / `cookie.known_prefix`: a name-shaped token (`_ga`, `__utmz`,
  `rc::a`, `wordpress_logged_in_*`, `sb-*-auth-token`), a distinctive known name (`PHPSESSID`,
  `CookieConsent`) or a token matching a long wildcard entry of the database
  (`intercom-session-abc`) in a paragraph or section about cookies (a token the sentence puts in
  localStorage is not taken).
- `cookie.entry`: name line + description line entries of a cookie section, when a sibling entry
  has a cookie-shaped name.
Ordinary words are only taken from explicit cookie lists, tables and entries, never from running
text. Provider names come from the provider column of cookie tables, a provider heading over a
cookie table, lists under a cookie lead-in and cookie sentences that are not negated.

Enrichment (`policyparse.cookiedb`): provider, category and lifetime stated in the document win;
missing values come from the shipped table or the user's Open Cookie Database. A short, plain
name (`lang`, `fr`) is enriched only when the database's provider is named in the document.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .. import cookiedb
from ..cookiedb import CookieDBError, configure_cookie_db  # noqa: F401  (the CLI's --cookie-db)
from ..durations import is_session, lifetime_days
from ..flat_tables import Table, tables_of
from ..rules import RulesError, load_json
from . import Extraction

TOKEN = regex.compile(r"\S+")
LEAD_STRIP = "(\"'«`“‘"
TRAIL_STRIP = ")\"'»`”’,;:.!?"
PLACEHOLDER_CHARS = regex.compile(r"[*\[\]<>{}]")
INNER_UNDERSCORE = regex.compile(r"[\p{L}\d]_[\p{L}\d*\[<{]")
TWO_LETTERS = regex.compile(r"[A-Za-z]{2}")
DASH = regex.compile(r"[-_]")
CANDIDATE = regex.compile(r"[_:*\[<{#\d-]|\p{Ll}\p{Lu}|\p{Lu}{4}")
FILE_EXT = regex.compile(r"\.(?:pdf|docx?|xlsx?|png|jpe?g|gif|svg|html?|php|js|css|txt|zip)$", regex.I)
DOMAIN = regex.compile(r"^\.?[\w-]+(?:\.[\w-]+)*\.(?:no|com|net|org|io|se|dk|fi|eu|de|uk|ai|app|dev)$", regex.I)
LIST_SPLIT = regex.compile(r"\s*(?:,|;|\s/\s|\s(?:og|and|eller|or|samt|&)\s)\s*", regex.I)


@lru_cache(maxsize=1)
def lexicon() -> dict:
    data = load_json("cookies.json")
    required = {"description", "cookie_word", "storage_word", "negation", "not_names", "not_providers", "category_cues",
                "providers"}
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
        "negation": regex.compile(lex["negation"], regex.I),
        "provider": regex.compile(r"(?<![\w.-])(?P<name>" + "|".join(regex.escape(p) for p in providers)
                                  + r")(?:s|'s|’s)?(?![\w-])"),
        "categories": [(regex.compile(rf"\b(?:{c['pattern']})", regex.I), c["category"]) for c in lex["category_cues"]],
    }


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    return frozenset(n.lower() for n in lexicon()["not_names"])


# ------------------------------------------------------------------------------------------ names

def clean_token(raw: str) -> tuple[str, int, int]:
    """A token without surrounding quotes, brackets and punctuation: (token, lead, trail) cut lengths."""
    lead = 0
    while lead < len(raw) and raw[lead] in LEAD_STRIP:
        lead += 1
    end = len(raw)
    while end > lead and raw[end - 1] in TRAIL_STRIP:
        if raw[end - 1] == ")" and "(" in raw[lead:end - 1]:
            break
        end -= 1
    return raw[lead:end], lead, len(raw) - end


def token_ok(tok: str) -> bool:
    """Could this be a cookie name at all (one token, not a URL, e-mail, file, domain or filler word)?"""
    if not tok or len(tok) > 80 or len(tok) < 2 or any(c.isspace() for c in tok):
        return False
    if sum(c.isalpha() for c in tok) < 1 or "://" in tok or "@" in tok or tok.lower().startswith("www."):
        return False
    if "/" in tok or FILE_EXT.search(tok) or DOMAIN.match(tok):
        return False
    return tok.lower() not in not_names()


def shaped(tok: str) -> bool:
    """A token whose shape marks it as a cookie name in cookie context (`_ga`, `rc::a`, `wp_lang`)."""
    if sum(c.isalpha() for c in tok) < 2 or not token_ok(tok):
        return False
    if "::" in tok or (tok.startswith("_") and len(tok) > 2 and (tok[1].isalnum() or tok[1] == "_")):
        return True
    if INNER_UNDERSCORE.search(tok):
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
    lower case, and not a category or cookie word (`analytiske`, `markedsføringscookies`)."""
    return (token_ok(tok) and tok[:1].islower() and category_of(tok) is None
            and not patterns()["cookie"].search(tok) and not patterns()["storage"].search(tok))


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

def _block_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n\n", 0, offset)
    end = text.find("\n\n", offset)
    return (0 if start < 0 else start + 2), (len(text) if end < 0 else end)


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
    s, e = _block_bounds(doc.text, offset)
    if pats["cookie"].search(doc.text, s, e):
        return True
    if s >= 2:
        # the block before, when it is a heading-like line or a lead-in ending with ':'
        ps, pe = _block_bounds(doc.text, s - 2)
        prev = doc.text[ps:pe].strip()
        if ("\n" not in prev and len(prev.split()) <= 12 or prev.endswith(":")) and pats["cookie"].search(prev):
            return True
    return any(pats["cookie"].search(h) for h in context_headings(doc, offset))


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
    last_block = before.rstrip().rsplit("\n\n", 1)[-1]
    if pats["storage"].search(heading) or pats["storage"].search(last_block) or pats["storage"].search(header):
        return "storage"
    if table.has("key") and not table.has("name"):
        return "cookie" if pats["cookie"].search(heading) and not pats["storage"].search(before) else "storage"
    path = " ".join(context_headings(doc, table.start, title=not table.has("data")))
    if pats["cookie"].search(path) or pats["cookie"].search(before):
        return "cookie"
    names = [n for row in table.rows if "name" in row.cells for n in split_names(row.cells["name"].text)]
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


def _from_tables(doc, col: Collector) -> None:
    pats = patterns()
    providers = _provider_names()
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
            for name in names:
                if not token_ok(name):
                    continue
                pos = cell.text.find(name)
                start, end = (cell.start + pos, cell.start + pos + len(name)) if pos >= 0 else (cell.start, cell.end)
                col.add(Hit(name, start, end, f"cookie.table.{table.kind}", 0.95, provider, category, life, stated,
                            (life_cell.start, life_cell.end) if life_cell is not None else None))


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
        if not names:
            continue
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
        tail = s[colon + 1:].rstrip(" .")
        if not tail.strip() or "\n" in tail:
            continue
        items = [i for i in LIST_SPLIT.split(tail.strip()) if i.strip()]
        parsed = [COLON_ITEM.match(i) for i in items]
        if not parsed or not all(parsed):
            continue
        names = [clean_token(p.group("tok"))[0] for p in parsed]
        if not all(token_ok(n) for n in names):
            continue
        described = all(p.group("desc") for p in parsed)
        if not (described and all(shaped(n) or plain_name_ok(n) for n in names)) and not all(shaped(n) for n in names):
            continue
        base = sent.start_char + colon + 1
        for name in names:
            pos = text.find(name, base, sent.end_char)
            col.add(Hit(name, pos, pos + len(name), "cookie.colon_list", 0.85))


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
                plain_ok = plain_name_ok(tok) and tok.casefold() not in providers and len(body) > len(tok)
                if token_ok(tok) and (shaped(tok) or plain_ok) and tok.casefold() not in providers:
                    col.add(Hit(tok, body_start + head.start("tok"), body_start + head.start("tok") + len(tok),
                                "cookie.lead_in_list", 0.8))
            j += 1
            while j < len(lines) and not lines[j].strip() and j + 1 < len(lines) and LIST_ITEM.match(lines[j + 1]):
                j += 1


def _storage_nearer(sentence: str, rel: int) -> bool:
    """Does the sentence put the token at `rel` in localStorage/sessionStorage rather than a cookie?"""
    pats = patterns()
    storage = [abs(m.start() - rel) for m in pats["storage"].finditer(sentence)]
    if not storage:
        return False
    cookie = [abs(m.start() - rel) for m in pats["cookie"].finditer(sentence)]
    return not cookie or min(storage) < min(cookie)


def _known_prefix(db, tok: str) -> bool:
    """A token matching a long wildcard entry (`intercom-session-abc`, `sb-xyz-auth-token`)."""
    if not token_ok(tok):
        return False
    entry = db.get_wildcard(tok)
    return entry is not None and len(entry.name.replace("*", "")) >= 6


def _from_shapes(doc, col: Collector) -> None:
    pats = patterns()
    text = doc.text
    db = cookiedb.active()
    for m in TOKEN.finditer(text):
        raw = m.group(0)
        if col.is_consumed(m.start()) or "://" in raw or "@" in raw or raw.lower().startswith("www."):
            continue
        if not CANDIDATE.search(raw):
            continue  # plain words are never taken from running text
        tok, lead, _ = clean_token(raw)
        if not tok:
            continue
        if shaped(tok):
            method, conf = "cookie.shape", 0.85
        elif distinctive(tok) and db.is_known(tok):
            method, conf = "cookie.known_name", 0.8
        elif regex.search(r"[-_]", tok) and _known_prefix(db, tok):
            method, conf = "cookie.known_prefix", 0.75
        else:
            continue
        start = m.start() + lead
        if not cookie_context(doc, start):
            continue
        sentence, s0 = _sentence_text(doc, start)
        if _storage_nearer(sentence, start - s0):
            continue
        col.add(Hit(tok, start, start + len(tok), method, conf))


def _from_entries(doc, col: Collector) -> None:
    """Name line + description line entries in a cookie section (`_ga` / `Skiller brukere ...`):
    plain names are taken when a sibling entry of the same section has a cookie-shaped name."""
    text = doc.text
    providers = _provider_names()
    db = cookiedb.active()
    by_section: dict[int | None, list[tuple[str, int]]] = {}
    pos = 0
    lines = text.split("\n")
    for i, line in enumerate(lines):
        start = pos
        pos += len(line) + 1
        tok = line.strip()
        if not tok or " " in tok or i + 1 >= len(lines) or len(lines[i + 1].split()) < 3:
            continue
        if col.is_consumed(start) or not token_ok(tok) or tok.casefold() in providers or category_of(tok):
            continue
        if not cookie_context(doc, start + len(line) + 1):
            continue
        sec = doc.section_index_at(start)
        parent = doc.sections[sec].parent if sec is not None and doc.is_heading_line(start) else sec
        by_section.setdefault(parent, []).append((tok, start + line.find(tok)))
    for entries in by_section.values():
        if len(entries) < 2 or not any(shaped(t) or db.is_known(t) for t, _ in entries):
            continue
        for tok, start in entries:
            if shaped(tok) or plain_name_ok(tok) or db.is_known(tok):
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
    _from_paren_lists(doc, col)
    _from_colon_lists(doc, col)
    _from_lead_in_lists(doc, col)
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
