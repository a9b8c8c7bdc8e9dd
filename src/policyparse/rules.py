"""Load the rule, lexicon and gazetteer files shipped in `policyparse.resources`, validated on load.

Every file is data with strict keys (as medspaCy's rule classes have): a misspelt key, a missing
required key or a pattern that does not compile is an error that names the file and the entry, so a
bad edit fails at start-up instead of silently matching nothing.
"""
from __future__ import annotations

import csv
import io
import json
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

import regex


class RulesError(ValueError):
    """A data file in `policyparse.resources` is malformed."""


def read_text(name: str) -> str:
    return resources.files("policyparse.resources").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    try:
        return json.loads(read_text(name))
    except json.JSONDecodeError as exc:
        raise RulesError(f"{name}: invalid JSON: {exc}") from exc


def load_sections(name: str, required: Iterable[str]) -> dict:
    """A JSON object whose listed top-level keys must all be present."""
    data = load_json(name)
    missing = [key for key in required if key not in data]
    if missing:
        raise RulesError(f"{name}: missing {', '.join(map(repr, missing))}")
    return data


def load_patterns(name: str, keys: Iterable[str], flags: int = regex.IGNORECASE) -> dict[str, regex.Pattern]:
    """A JSON object of named regex patterns (plus a `description`): exactly these keys, each compiled."""
    keys = set(keys)
    data = load_sections(name, keys | {"description"})
    if unknown := set(data) - keys - {"description"}:
        raise RulesError(f"{name}: unknown keys {sorted(unknown)}")
    compiled = {}
    for key in sorted(keys):
        try:
            compiled[key] = regex.compile(data[key], flags)
        except regex.error as exc:
            raise RulesError(f"{name}: bad pattern {key!r}: {exc}") from exc
    return compiled


def load_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a text file."""
    return [line.strip() for line in read_text(name).splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def load_csv(name: str, required: Iterable[str]) -> list[dict[str, str]]:
    rows = list(csv.DictReader(io.StringIO(read_text(name))))
    required = list(required)
    if rows:
        missing = [key for key in required if key not in rows[0]]
        if missing:
            raise RulesError(f"{name}: missing columns {missing}")
    for n, row in enumerate(rows, 2):
        for key in required:
            if not (row.get(key) or "").strip():
                raise RulesError(f"{name}: line {n}: empty {key!r}")
    return rows


def check_entries(name: str, entries: list[dict], required: set[str], optional: set[str] = frozenset(),
                  patterns: Iterable[str] = ("pattern",), flags: int = regex.IGNORECASE) -> list[dict]:
    """Validate a list of rule objects: exact key set, and compilable regex in pattern keys."""
    if not isinstance(entries, list):
        raise RulesError(f"{name}: expected a list of rules")
    seen_ids = set()
    for i, entry in enumerate(entries):
        where = f"{name}: rule {i} ({entry.get('id', '?')})"
        if not isinstance(entry, dict):
            raise RulesError(f"{where}: not an object")
        keys = set(entry)
        if missing := required - keys:
            raise RulesError(f"{where}: missing keys {sorted(missing)}")
        if unknown := keys - required - set(optional):
            raise RulesError(f"{where}: unknown keys {sorted(unknown)}")
        if "id" in entry:
            if entry["id"] in seen_ids:
                raise RulesError(f"{where}: duplicate id")
            seen_ids.add(entry["id"])
        for key in patterns:
            if key in entry:
                try:
                    regex.compile(entry[key], flags)
                except regex.error as exc:
                    raise RulesError(f"{where}: bad pattern {key!r}: {exc}") from exc
    return entries


def load_rules(name: str, required: set[str], optional: set[str] = frozenset(),
               patterns: Iterable[str] = ("pattern",)) -> list[dict]:
    """The `rules` list of a JSON rule file, validated."""
    data = load_json(name)
    if not isinstance(data, dict) or "rules" not in data:
        raise RulesError(f"{name}: expected an object with a 'rules' list")
    return check_entries(name, data["rules"], required, optional, patterns)
