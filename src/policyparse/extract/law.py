"""`law_references`: every legal citation in the text, normalized.

A grammar assembled from `resources/law_citations.json` reads the ways Norwegian policies cite law:

- EU acts by article: `GDPR art. 6 nr. 1 bokstav f`, `artikkel 6 første ledd bokstav a`,
  `art. 6 (1) a`, `6(1)(f)`, `GDPR 6.1.f`, `artikkel 6.1 f)`, `art. 6 nr. 1 bokstav b) og f)`,
  `a, b og f`, `a–c`, `artikkel 6(1)(e) i GDPR`, and a second article after `og` / `,`
  (`art. 6.1.a og 6.1.f`); a later letter after an apposition continues the citation
  (`artikkel 6 nr. 1 bokstav b, tiltak før en avtale inngås, og bokstav f, vår berettigede interesse`),
  unless the sentence ends or another citation stands in between;
- Norwegian statutes by section: `personopplysningsloven § 8 bokstav a`, `bokføringslovens §13`,
  `§ 2-7b i ekomloven`, `§ 18, 1. ledd`;
- a statute named without a section (`bokføringsloven`).

Each reference is `{"law", "article", "paragraph", "letters", "text", "start", "end"}`; `article` is the
article number or the § number as written (`"6"`, `"13-14"`, `"2-7b"`), `paragraph` the number of the
paragraph (`nr. 1`, `(1)`, `første ledd` -> `"1"`), `letters` the letters in order (ranges expanded).
An article cited without a law is a GDPR article (Norwegian statutes are cited by §); a § without a
named law has `law` null. Old `personopplysningsloven § 8 bokstav a` stays a statute reference: its
letters are never GDPR letters. `art6_letters` gives the art. 6(1) letters of a list of references.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..rules import RulesError, check_entries, load_sections
from . import Extraction

RESOURCE = "law_citations.json"
FLAGS = regex.IGNORECASE | regex.VERSION0


@lru_cache(maxsize=1)
def grammar() -> dict:
    """The compiled grammar: law names, citation patterns and helpers."""
    data = load_sections(RESOURCE, ("laws", "fragments", "ordinals", "not_laws", "apposition"))
    laws = check_entries(RESOURCE, data["laws"], {"id", "law", "kind", "pattern"})
    frag = data["fragments"]
    needed = {"article_keyword", "section_sign", "paragraph", "compact", "letter_keyword", "letter",
              "bare_letter", "next_letter", "letter_separator", "law_after", "continuation"}
    if missing := needed - set(frag):
        raise RulesError(f"{RESOURCE}: missing fragments {sorted(missing)}")
    for law in laws:
        if law["kind"] not in ("eu", "no"):
            raise RulesError(f"{RESOURCE}: {law['id']}: kind must be 'eu' or 'no'")
    edge_l, edge_r = r"(?<![\p{L}\d-])", r"(?![\p{L}\d])"
    eu = "|".join(f"(?:{law['pattern']})" for law in laws if law["kind"] == "eu")
    no = "|".join(f"(?:{law['pattern']})" for law in laws if law["kind"] == "no")
    any_law = f"{edge_l}(?:{eu}|{no}){edge_r}"
    sep, kw = frag["letter_separator"], frag["letter_keyword"]
    letters = (rf"(?:,?\s*{kw}\s*(?P<letters>{frag['letter']}(?:{sep}{frag['next_letter']})*)"
               rf"|\s*(?P<letters>{frag['bare_letter']}(?:{sep}{frag['bare_letter']})*))")
    tail = rf"(?:{frag['compact']}|(?:{frag['paragraph']})?(?:{letters})?)"
    article = rf"(?P<article>\d{{1,3}})(?:\s*[-–]\s*(?P<article_to>\d{{1,3}})(?![\d.(]))?(?![\d])"
    law_after = rf"(?:{frag['law_after']}(?P<law_after>{any_law}))?"
    eu_cite = regex.compile(
        rf"(?:(?P<law>{any_law})\s*,?\s*(?:sin\s+|sine\s+)?)?(?<![\p{{L}}]){frag['article_keyword']}\s*{article}{tail}{law_after}"
        rf"|(?P<law>{edge_l}(?:{eu}){edge_r})\s+(?P<article>\d{{1,3}})"
        rf"(?=\.\d|\s*\(\d\)|\s*,?\s*nr\.?\s*\d|\s?\(?[a-f]\)?(?![\p{{L}}\d])){tail}{law_after}", FLAGS)
    continuation = regex.compile(
        rf"{frag['continuation']}(?:{frag['article_keyword']}\s*)?(?P<article>\d{{1,3}})"
        rf"(?:{frag['compact']}|(?:{frag['paragraph']})(?:{letters})?|(?P<letters>[a-f])(?![\p{{L}}\d]))(?=\W|$)", FLAGS)
    section = regex.compile(
        rf"(?:(?P<law>{edge_l}(?:{no}){edge_r})\s*(?:sin\s+|sine\s+|si\s+)?)?{frag['section_sign']}\s*"
        rf"(?P<article>\d{{1,3}}(?:\s?-\s?\d{{1,3}})?(?:[a-z](?![\p{{L}}]))?)(?![\d])"
        rf"(?:{frag['paragraph']})?(?:,?\s*{kw}\s*(?P<letters>{frag['letter']}(?:{sep}{frag['next_letter']})*))?"
        rf"(?:{frag['law_after']}(?P<law_after>{edge_l}(?:{no}){edge_r}))?", FLAGS)
    bare = regex.compile(rf"{edge_l}(?:{no}){edge_r}", FLAGS)
    appo = data["apposition"]
    if set(appo) != {"lead", "stop", "reach"} or not isinstance(appo["reach"], int):
        raise RulesError(f"{RESOURCE}: apposition needs 'lead', 'stop' and an integer 'reach'")
    apposition = regex.compile(
        rf"{appo['lead']}(?P<kw>{kw})\s*(?P<letters>{frag['letter']}(?:{sep}{frag['next_letter']})*)", FLAGS)
    named = [(law["id"], law["law"], regex.compile(rf"(?:{law['pattern']})", FLAGS)) for law in laws]
    lead_in_item = regex.compile(
        rf"^(?:-\s*)?(?:{kw}\s*(?P<letters>{frag['letter']}(?:{sep}{frag['next_letter']})*)|"
        rf"\(?(?P<enumerated>[a-f])\)\s+)", FLAGS | regex.M)
    return {"lead_in_item": lead_in_item, "eu_cite": eu_cite, "continuation": continuation, "section": section, "bare": bare,
            "named": named, "eu_laws": {law["law"] for law in laws if law["kind"] == "eu"}, "ordinals": data["ordinals"], "not_laws": set(data["not_laws"]),
            "separator": regex.compile(sep, FLAGS), "apposition": apposition,
            "apposition_stop": regex.compile(appo["stop"], FLAGS), "apposition_reach": appo["reach"]}


def law_name(text: str) -> tuple[str | None, str]:
    """Canonical law name and the id of the law entry for a law mention as written."""
    g = grammar()
    text = " ".join(text.split())
    for law_id, law, pattern in g["named"]:
        if pattern.fullmatch(text):
            if law is not None:
                return law, law_id
            name = text.lower()
            for suffix, repl in (("lovens", "loven"), ("lovas", "lova"), ("lovs", "lov")):
                if name.endswith(suffix):
                    name = name[: -len(suffix)] + repl
                    break
            return name, law_id
    return text, "law.unknown"


def _is_law_word(text: str) -> bool:
    name, _ = law_name(text)
    return name is not None and name.lower() not in grammar()["not_laws"]


def _letters(text: str | None) -> list[str]:
    """Letters of a letter list in order, ranges (`a–c`, `a til c`) expanded."""
    if not text:
        return []
    g = grammar()
    out: list[str] = []
    parts = g["separator"].split(text)
    seps = [m.group(0).strip().lower() for m in g["separator"].finditer(text)]
    for i, part in enumerate(parts):
        letter = part.strip("() ").lower()
        if len(letter) != 1:
            continue
        if i > 0 and seps[i - 1] in ("-", "–", "—", "til") and out:
            for code in range(ord(out[-1]) + 1, ord(letter) + 1):
                out.append(chr(code))
        elif letter not in out:
            out.append(letter)
    seen: list[str] = []
    for letter in out:
        if letter not in seen:
            seen.append(letter)
    return seen


def _paragraph(m: regex.Match) -> str | None:
    if m.group("paragraph"):
        return m.group("paragraph")
    word = m.groupdict().get("paragraph_word")
    return grammar()["ordinals"].get(word.lower()) if word else None


def _ref(law, article, paragraph, letters, text, start, end, method) -> dict:
    while text.endswith(")") and text.count(")") > text.count("("):
        text, end = text[:-1].rstrip(), end - 1 - (len(text[:-1]) - len(text[:-1].rstrip()))
    return {"law": law, "article": article, "paragraph": paragraph, "letters": letters, "text": text,
            "start": start, "end": end, "method": method}


JF_BEFORE = regex.compile(r"\s*,?\s*\bjfr?\.?\s+$", regex.IGNORECASE)
STATUTE_LEAD = regex.compile(r"\s*,?\s*(?:sin\s+|sine\s+)?")      # between a statute's name and a cited article


def find_references(text: str) -> list[dict]:
    """All citations in a text, in order, each with the id of the grammar rule that read it."""
    g = grammar()
    refs: list[dict] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in g["eu_cite"].finditer(text):
        start, end, own_law = m.start(), m.end(), m.group("law")
        if own_law and _is_law_word(own_law) and law_name(own_law)[0] not in g["eu_laws"] | {"personopplysningsloven"}:
            # `rettslig forpliktelse etter bokføringsloven, art. 6 nr. 1 bokstav c`: a Norwegian statute has no
            # articles; the article is GDPR's and the statute a reference of its own
            start, own_law = STATUTE_LEAD.match(text, m.end("law")).end(), None
        law_text = own_law or m.group("law_after")
        if not own_law and m.group("law_after") and law_name(law_text)[0] not in g["eu_laws"] \
                and (jf := JF_BEFORE.search(text, start, m.start("law_after"))):
            law_text, end = None, jf.start()  # `art. 6 nr. 1 bokstav e, jf. barnehagelova § 2`: jf. names a
            # related Norwegian statute, not the act the article belongs to
        law, _ = law_name(law_text) if law_text else ("GDPR", "law.gdpr")
        if law == "personopplysningsloven":
            law = "GDPR"  # articles cited via personopplysningsloven § 1 are GDPR articles
        elif law_text and not _is_law_word(law_text):
            law = "GDPR"
        article = m.group("article") + (f"-{m.group('article_to')}" if m.group("article_to") else "")
        letters = _letters(m.group("letters"))
        compact = bool(regex.match(r"\d+\.\d", text[m.start("article"):m.end()]))
        method = "citation.article_compact" if compact else "citation.article"
        refs.append(_ref(law, article, _paragraph(m), letters, text[start:end].strip(), start, end, method))
        taken.append((start, end))
        pos = end
        while (c := g["continuation"].match(text, pos)) is not None:
            refs.append(_ref(law, c.group("article"), _paragraph(c), _letters(c.group("letters")),
                             text[c.start("article"):c.end()].strip(), c.start("article"), c.end(),
                             "citation.article_continuation"))
            taken.append((c.start(), c.end()))
            pos = c.end()
    for m in g["section"].finditer(text):
        if not free(m.start(), m.end()):
            continue
        law_text = m.group("law") or m.group("law_after")
        law = law_name(law_text)[0] if law_text and _is_law_word(law_text) else None
        refs.append(_ref(law, regex.sub(r"\s", "", m.group("article")), _paragraph(m), _letters(m.group("letters")),
                         text[m.start():m.end()].strip(), m.start(), m.end(),
                         "citation.section" if law else "citation.section_unnamed"))
        taken.append((m.start(), m.end()))
    for m in g["bare"].finditer(text):
        if not free(m.start(), m.end()) or not _is_law_word(m.group(0)):
            continue
        law, law_id = law_name(m.group(0))
        refs.append(_ref(law, None, None, [], m.group(0), m.start(), m.end(), f"citation.statute_name:{law_id}"))
        taken.append((m.start(), m.end()))
    refs.sort(key=lambda r: r["start"])
    return _with_lead_in_letters(text, _with_appositions(text, refs))


# the rest of a lead-in line after its article citation: a colon, after a few words at most (`... artikkel 6
# nr. 1 byggjer vi på:`)
LEAD_IN_END = regex.compile(r"(?:[^\S\n]+[\p{L}]+){0,5}[^\S\n]*:[^\S\n]*(?:\n|$)")


def _with_lead_in_letters(text: str, refs: list[dict]) -> list[dict]:
    """Add the letters of the lines below a lead-in that ends with an article citation without letters
    (`... følgende grunnlag etter personvernforordningen artikkel 6 nr. 1:`, `Etter personvernforordninga
    artikkel 6 nr. 1 byggjer vi på:` / `Bokstav b (avtale): ...` /
    `- bokstav f ...`): one reference per line that starts with a letter keyword, same law, article and
    paragraph, up to the end of the block (blank line). A line enumerated with a bare letter (`a) samtykke
    (bilder)`, `f) berettiget interesse (...)`) counts when it goes on with a basis term of that letter, so
    a list merely numbered a), b), c) gives none."""
    from .legal import cues as basis_cues   # legal builds on this module; its basis terms are only needed here

    g = grammar()
    out: list[dict] = []
    for ref in refs:
        out.append(ref)
        if ref["article"] is None or ref["letters"] or not ref["method"].startswith("citation.article"):
            continue
        lead = LEAD_IN_END.match(text, ref["end"])
        if lead is None:
            continue
        stop = text.find("\n\n", lead.end())
        stop = len(text) if stop < 0 else stop
        for m in g["lead_in_item"].finditer(text, lead.end(), stop):
            if m.group("enumerated"):
                letter = m.group("enumerated").lower()
                named = any(b == letter and pat.match(text, m.end()) for _, b, pat in basis_cues().terms)
                letters = [letter] if named else []
            else:
                letters = _letters(m.group("letters"))
            if letters:
                start = m.start() + len(m.group(0)) - len(m.group(0).lstrip("- "))
                out.append(_ref(ref["law"], ref["article"], ref["paragraph"], letters, text[start:m.end()].strip(),
                                start, m.end(), "citation.lead_in_letters"))
    return out


def _with_appositions(text: str, refs: list[dict]) -> list[dict]:
    """Add the letters that continue an article citation after an apposition in the same sentence
    (`... bokstav b, tiltak før en avtale inngås, og bokstav f, ...`): one reference per continuation,
    same law, article and paragraph. The search stops at a sentence end and at the next citation."""
    g = grammar()
    out: list[dict] = []
    for k, ref in enumerate(refs):
        out.append(ref)
        if ref["article"] is None or not ref["letters"] or not ref["method"].startswith("citation.article"):
            continue
        later = [r["start"] for r in refs[k + 1:] if r["start"] >= ref["end"]]
        pos = ref["end"]
        while True:
            limit = min([pos + g["apposition_reach"], len(text)] + [s for s in later if s >= pos])
            stop = g["apposition_stop"].search(text, pos, limit)
            m = g["apposition"].search(text, pos, stop.start() if stop else limit)
            letters = _letters(m.group("letters")) if m else []
            if not letters:
                break
            out.append(_ref(ref["law"], ref["article"], ref["paragraph"], letters,
                            text[m.start("kw"):m.end()].strip(), m.start("kw"), m.end(), "citation.letter_apposition"))
            pos = m.end()
    return out


def is_art6_1(ref: dict) -> bool:
    """Does a reference cite GDPR art. 6(1) with letters?"""
    return (ref["law"] == "GDPR" and ref["article"] == "6" and ref["paragraph"] in (None, "1")
            and bool(ref["letters"]))


def art6_letters(refs: list[dict]) -> list[str]:
    """The art. 6(1) letters (a–f) cited in a list of references, in order of first citation."""
    out: list[str] = []
    for ref in refs:
        if is_art6_1(ref):
            out.extend(x for x in ref["letters"] if x in "abcdef" and x not in out)
    return out
