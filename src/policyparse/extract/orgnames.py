"""Names of organisations and services as policies write them, shared by the controller and processors
extractors: the legal-form suffixes (`AS`, `GmbH`, `Inc.`), a pattern for a proper name (`Google Ireland
Limited`, `KvammaLAN`, `Nordsjø Regnskap AS`) and the comparison key two spellings of one name share."""
from __future__ import annotations

import regex

LEGAL_SUFFIX = (r"(?:AS|ASA|AB|A/S|ApS|Oy|Oyj|SA|SE|BV|B\.V\.|NV|GmbH|AG|Inc\.?|Ltd\.?|Limited|LLC|L\.L\.C\.|"
                r"Corp\.?|Corporation|Co\.|plc|PLC|S\.A\.|S\.r\.l\.|SAS|KG|SF|HF|IKS|KF)")
SUFFIX_RE = regex.compile(rf"(?:,?\s+{LEGAL_SUFFIX})+$")
TOKEN = (r"(?:\p{Lu}[\p{L}\d]*|\p{Ll}{1,2}\p{Lu}[\p{L}\d]*|\d+\p{L}[\p{L}\d]*)"
         r"(?:[.\-&+'][\p{L}\d]+)*!?")
# A single capital before a slash starts a legal form written with one (`A/S`, `I/S`, `K/S`): it belongs to
# the suffix, never a word of the name (`Cybot A/S`, not `Cybot A`).
SLASH_FORM = r"\p{Lu}/\p{Lu}(?![\p{L}\d])"
# Norwegian names write the words after the first in lower case (`Norsk helsenett SF`, `Posten Norge AS`): such a
# name is taken only with its legal form, which tells it from a sentence (`Vi bruker Foo AS` has a capital inside).
LOWER_NAME = rf"\p{{Lu}}\p{{Ll}}+(?: \p{{Ll}}[\p{{Ll}}\-]+){{1,2}},? {LEGAL_SUFFIX}(?![\p{{L}}\d])"
# `og` inside a name, not between two (`Hallesøy og Omegn Renovasjon IKS`, `Hansen og Sønner AS`)
INNER_OG = r"og(?=\s+(?:[Oo]megn|Sønn(?:er)?|Søn|Co)(?![\p{L}\d]))"
NAME_RE = regex.compile(rf"(?:{LOWER_NAME}|{TOKEN}(?: (?!{SLASH_FORM})(?:& |of |for |de |{INNER_OG} )?{TOKEN}){{0,4}}"
                        rf"(?:,? {LEGAL_SUFFIX}(?![\p{{L}}\d]))?)")


def norm_key(name: str) -> str:
    """Comparison key of a name: case- and punctuation-insensitive, legal suffixes dropped."""
    name = SUFFIX_RE.sub("", name.strip())
    return regex.sub(r"[\W_]+", "", name.casefold())
