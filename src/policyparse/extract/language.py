"""Detect the language of a policy: nb, nn, or another ISO 639-1 code (with a warning)."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

import regex

from ..rules import load_json
from . import Extraction

WORD = regex.compile(r"\p{L}+")


@lru_cache(maxsize=1)
def _weights() -> dict[str, dict[str, float]]:
    """Each marker word weighs 1 / (number of languages listing it), so shared words count less."""
    markers = load_json("language.json")["markers"]
    share = Counter(w for words in markers.values() for w in set(words))
    return {lang: {w: 1 / share[w] for w in set(words)} for lang, words in markers.items()}


PROSE_MIN_CHARS = 200   # a text with less prose than this outside its tables is judged whole


def _prose(text: str) -> str:
    """The text without its table rows: a Norwegian policy may quote a cookie table in English."""
    prose = "\n".join(line for line in text.split("\n") if "|" not in line and "\t" not in line)
    return prose if len(prose.strip()) >= PROSE_MIN_CHARS else text


def detect(text: str) -> tuple[str | None, float]:
    """(language code, share of tokens that were marker words) for the first 20,000 characters of prose."""
    text = _prose(text)
    tokens = [t.lower() for t in WORD.findall(text[:20000])]
    if not tokens:
        return None, 0.0
    counts = Counter(tokens)
    scores = {lang: sum(counts[w] * wt for w, wt in weights.items()) for lang, weights in _weights().items()}
    coverage = sum(scores.values()) / len(tokens)
    if coverage < 0.04:
        import py3langid

        code, _ = py3langid.classify(text[:5000])
        return ("nb" if code == "no" else code), coverage  # langid's "no" is Norwegian (bokmål)
    best = max(scores, key=scores.get)
    if best in ("nb", "nn"):
        nb_only, nn_only = _written_standard_markers()
        nb_hits = sum(counts[w] for w in nb_only)
        nn_hits = sum(counts[w] for w in nn_only)
        best = "nn" if nn_hits and nn_hits > 0.6 * nb_hits else "nb"
    return best, coverage


@lru_cache(maxsize=1)
def _written_standard_markers() -> tuple[frozenset[str], frozenset[str]]:
    """Marker words of bokmål that nynorsk does not list, and the other way round."""
    markers = load_json("language.json")["markers"]
    nb, nn = set(markers["nb"]), set(markers["nn"])
    return frozenset(nb - nn), frozenset(nn - nb)


def extract(doc, fields) -> Extraction:
    lang, _ = detect(doc.text)
    if lang not in ("nb", "nn"):
        doc.warnings.append(f"language looks like {lang!r}, not Norwegian; the extractors are built for "
                            "Norwegian and will miss most findings")
    return Extraction({"language": lang})
