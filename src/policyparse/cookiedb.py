"""Cookie databases for enrichment: provider, category and lifetime of a named cookie.

Two sources, looked up in this order (exact name before wildcard, within a level the shipped
table before the user's database):
1. the project's own small table of common cookies, `resources/cookies.csv`
   (`name, provider, category, lifetime_days, wildcard`);
2. the Open Cookie Database (github.com/jkwakman/Open-Cookie-Database, Apache-2.0), which the
   project does NOT ship: the user gives a path or URL (`policyparse parse --cookie-db PATH_OR_URL`,
   or `configure_cookie_db()`, or the environment variable `POLICYPARSE_COOKIE_DB`). It is parsed
   once and cached as JSON under the user cache directory (`POLICYPARSE_CACHE_DIR`, else
   `$XDG_CACHE_HOME/policyparse`, else `~/.cache/policyparse`), keyed by the SHA-256 of the file
   (a path) or of the URL (a URL, downloaded once).

Wildcards: `wildcard=1` makes a name a prefix (Open Cookie Database convention: `_ga_` matches
`_ga_ABC123`); a name with `*` is a glob (`sb-*-auth-token*`). Names as written in a policy with a
placeholder (`_ga_[ID]`, `_ga_<container-id>`, `_hjSession*`, `intercom-id-{app_id}`) are matched
through their stem (`_ga_`, `_hjSession`).
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import os
import sys
import urllib.request
from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import lru_cache
from pathlib import Path

import regex

from .durations import find_durations, is_session, round_days
from .rules import RulesError, load_csv

log = logging.getLogger(__name__)

ENV_DB = "POLICYPARSE_COOKIE_DB"
ENV_CACHE = "POLICYPARSE_CACHE_DIR"
CACHE_FORMAT = 1
CATEGORIES = {"functional", "necessary", "analytics", "marketing", "security", "personalization"}
OCD_COLUMNS = ("Platform", "Category", "Cookie / Data Key name", "Retention period", "Wildcard match")
PLACEHOLDER = regex.compile(r"\[[^\]]*\]|<[^>]*>|\{[^}]*\}|\([^)]*\)|\*|#+|(?<=[_\-.])(?:x{3,}|X{3,}|\d{3,}(?:[._-]\d+)*)$")


class CookieDBError(RuntimeError):
    """The cookie database given by the user cannot be read."""


@dataclass(frozen=True)
class CookieEntry:
    name: str
    provider: str | None
    category: str | None
    lifetime_days: float | int | None
    wildcard: bool
    source: str          # "shipped" or "ocd"

    def as_row(self) -> list:
        return [self.name, self.provider, self.category, self.lifetime_days, int(self.wildcard)]


class CookieDB:
    """Exact and wildcard lookup over a list of entries (earlier entries win ties)."""

    def __init__(self, entries: list[CookieEntry]):
        self.entries = entries
        self.exact: dict[str, CookieEntry] = {}
        self.exact_folded: dict[str, CookieEntry] = {}
        self.prefixes: list[CookieEntry] = []
        self.globs: list[CookieEntry] = []
        for e in entries:
            if "*" in e.name:
                self.globs.append(e)
            elif e.wildcard:
                self.prefixes.append(e)
            else:
                self.exact.setdefault(e.name, e)
                self.exact_folded.setdefault(e.name.casefold(), e)
        self.prefixes.sort(key=lambda e: -len(e.name))

    def __len__(self) -> int:
        return len(self.entries)

    def get_exact(self, name: str) -> CookieEntry | None:
        return self.exact.get(name) or self.exact_folded.get(name.casefold())

    def get_wildcard(self, name: str) -> CookieEntry | None:
        starred = PLACEHOLDER.sub("*", name)
        stem = starred.split("*", 1)[0]
        has_placeholder = "*" in starred
        for e in self.globs:
            if fnmatchcase(name, e.name) or fnmatchcase(starred, e.name):
                return e
        best, best_score = None, 0.0
        for e in self.prefixes:
            p = e.name
            if not has_placeholder:
                score = 2 + len(p) / 1000 if name.startswith(p) and len(name) > len(p) or name == p else 0
            elif stem == p:
                score = 3
            elif stem.startswith(p):
                score = 2 + len(p) / 1000
            elif p.startswith(stem) and sum(c.isalnum() for c in stem) >= 3:
                score = 1 - (len(p) - len(stem)) / 1000
            else:
                score = 0
            if score > best_score:
                best, best_score = e, score
        return best

    def lookup(self, name: str) -> CookieEntry | None:
        return self.get_exact(name) or self.get_wildcard(name)

    def is_known(self, name: str) -> bool:
        return self.get_exact(name) is not None


def _float(value: str) -> float | int | None:
    value = (value or "").strip()
    if not value:
        return None
    number = float(value)
    return int(number) if number.is_integer() else number


@lru_cache(maxsize=1)
def shipped() -> CookieDB:
    """The project's own table of common cookies."""
    rows = load_csv("cookies.csv", ["name", "provider", "category", "wildcard"])
    entries = []
    for n, row in enumerate(rows, 2):
        if row["category"] not in CATEGORIES:
            raise RulesError(f"cookies.csv: line {n}: unknown category {row['category']!r}")
        if row["wildcard"] not in ("0", "1"):
            raise RulesError(f"cookies.csv: line {n}: wildcard must be 0 or 1")
        try:
            lifetime = _float(row.get("lifetime_days", ""))
        except ValueError as exc:
            raise RulesError(f"cookies.csv: line {n}: bad lifetime_days") from exc
        entries.append(CookieEntry(row["name"].strip(), row["provider"].strip(), row["category"], lifetime,
                                   row["wildcard"] == "1", "shipped"))
    return CookieDB(entries)


# ---------------------------------------------------------------- Open Cookie Database (user-supplied)

def cache_dir() -> Path:
    if os.environ.get(ENV_CACHE):
        return Path(os.environ[ENV_CACHE])
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "policyparse" / "Cache"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "policyparse"


def _is_url(location: str) -> bool:
    return regex.match(r"^(?:https?|ftp|file)://", location, regex.I) is not None


def ocd_lifetime(value: str) -> float | int | None:
    """Days of an Open Cookie Database `Retention period` (`2 years`, `13 months`, `session` -> None)."""
    if not value or is_session(value):
        return None
    found = [d for d in find_durations(value, cell=True) if not d.genitive]
    return round_days(found[0].days) if found else None


def parse_ocd_csv(text: str) -> list[CookieEntry]:
    """Entries of the Open Cookie Database CSV text."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in OCD_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise CookieDBError(f"not an Open Cookie Database CSV: missing columns {missing}")
    entries = []
    for row in reader:
        name = (row.get("Cookie / Data Key name") or "").strip()
        if not name:
            continue
        category = (row.get("Category") or "").strip().lower() or None
        entries.append(CookieEntry(name, (row.get("Platform") or "").strip() or None, category,
                                   ocd_lifetime(row.get("Retention period") or ""),
                                   (row.get("Wildcard match") or "").strip() == "1", "ocd"))
    return entries


def _read_cache(path: Path) -> list[CookieEntry] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != CACHE_FORMAT:
            return None
        return [CookieEntry(n, p, c, l, bool(w), "ocd") for n, p, c, l, w in data["entries"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_cache(path: Path, location: str, key: str, entries: list[CookieEntry]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"format": CACHE_FORMAT, "source": location, "key": key,
                                   "entries": [e.as_row() for e in entries]}, ensure_ascii=False),
                       encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:  # a read-only cache directory must not stop the parse
        log.warning("cannot write cookie database cache %s: %s", path, exc)


def cache_path_for(location: str, cache: Path | None = None) -> tuple[Path, str, bytes | None]:
    """(cache file, key, file bytes or None for a URL)."""
    cache = cache or cache_dir()
    if _is_url(location):
        key = hashlib.sha256(location.encode("utf-8")).hexdigest()
        return cache / f"open-cookie-database-url-{key[:20]}.json", key, None
    try:
        data = Path(location).expanduser().read_bytes()
    except OSError as exc:
        raise CookieDBError(f"cannot read cookie database {location}: {exc}") from exc
    key = hashlib.sha256(data).hexdigest()
    return cache / f"open-cookie-database-{key[:20]}.json", key, data


def load_ocd(location: str, cache: Path | None = None) -> tuple[list[CookieEntry], bool]:
    """Entries of the Open Cookie Database at a path or URL, and whether they came from the cache."""
    path, key, data = cache_path_for(location, cache)
    cached = _read_cache(path) if path.exists() else None
    if cached is not None:
        return cached, True
    if data is None:
        try:
            with urllib.request.urlopen(location, timeout=60) as response:  # noqa: S310 (user-given URL)
                data = response.read()
        except OSError as exc:
            raise CookieDBError(f"cannot download cookie database {location}: {exc}") from exc
    entries = parse_ocd_csv(data.decode("utf-8", errors="replace"))
    _write_cache(path, location, key, entries)
    return entries, False


@lru_cache(maxsize=4)
def _combined(location: str | None) -> CookieDB:
    if not location:
        return shipped()
    entries, _ = load_ocd(location)
    return CookieDB(shipped().entries + entries)


def configure_cookie_db(path_or_url: str | None) -> int:
    """Use the Open Cookie Database at `path_or_url` (None: only the shipped table) for enrichment.

    Loads it now (building the cache), so a bad path fails at once, and sets `POLICYPARSE_COOKIE_DB`
    so worker processes use it too. Returns the number of entries in use."""
    if path_or_url:
        os.environ[ENV_DB] = str(path_or_url)
    else:
        os.environ.pop(ENV_DB, None)
    return len(active())


def active() -> CookieDB:
    """The database in use: the shipped table, plus the user's Open Cookie Database if configured."""
    return _combined(os.environ.get(ENV_DB) or None)


@dataclass(frozen=True)
class Match:
    entry: CookieEntry
    exact: bool


def lookup(name: str, db: CookieDB | None = None) -> Match | None:
    """Best entry for a cookie name as written: exact (shipped, then OCD), then wildcard."""
    db = db or active()
    e = db.get_exact(name)
    if e is not None:
        return Match(e, True)
    e = db.get_wildcard(name)
    return Match(e, False) if e is not None else None
