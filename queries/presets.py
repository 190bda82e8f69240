"""The saved queries (presets), each defined once: name, description, typed parameters and
output columns in order. Each store has one implementation per preset: Python over SQLite in
:mod:`autokg.queries.embedded`, a ``.cypher`` file in this package for Neo4j.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field, replace
from typing import Any

from autokg.errors import UnknownEntity, UnknownPreset, UsageError
from autokg.graph.normalize import norm
from autokg.graph.types import get_type

__all__ = ["Param", "Preset", "PRESETS", "AS_OF", "get_preset", "bind_params", "run_preset", "markdown_table"]


@dataclass(frozen=True)
class Param:
    name: str
    type: str  # entity, int, flag, or a type of autokg.graph.types: text, date, status, country
    help: str
    required: bool = False
    default: Any = None
    prefer: str | None = None  # the entity type a name should resolve to first

    @property
    def option(self) -> str:
        return "--" + self.name.replace("_", "-")


@dataclass(frozen=True)
class Preset:
    name: str
    description: str
    columns: tuple[str, ...]
    params: tuple[Param, ...] = field(default_factory=tuple)
    order: str = ""
    example: str = ""


def today() -> str:
    """Today's date (UTC), the default of a ``day`` parameter."""
    import datetime

    return datetime.datetime.now(datetime.timezone.utc).date().isoformat()


_STATUS = Param("status", "status", "only partnerships with this status (active, prospective, ended)")

# Every preset answers as of a date: from the sources published on or before it (a date of any
# precision is its first day: 2025-01 is 2025-01-01), and the undated ones. None: every source.
AS_OF = Param("as_of", "day", "answer from the sources published by this date (YYYY, YYYY-MM or YYYY-MM-DD: "
              "its first day) and the undated ones; default: every source")


def _with_as_of(preset: Preset) -> Preset:
    return replace(preset, params=(*preset.params, AS_OF))


PRESETS: dict[str, Preset] = {p.name: _with_as_of(p) for p in (
    Preset("partners", "Who partners with whom: one row per partnership (a pair with two domains has two rows).",
           ("company", "partner", "domain", "status", "sources"),
           (_STATUS, Param("domain", "text", "case-insensitive substring of the domain")),
           "company, partner, domain (no domain last); company is the smaller name of the pair", "autokg query partners --status active"),
    Preset("partners-of", "The partners of one company.",
           ("partner", "domain", "status", "since", "until", "sources"),
           (Param("company", "entity", "the company (any name or alias)", True, prefer="Company"), _STATUS),
           "status (active, prospective, ended), partner, domain (missing values last)",
           'autokg query partners-of --company "Gruppo Renault"'),
    Preset("prospective", "Partnerships under discussion, newest report first.",
           ("company", "partner", "domain", "latest_source_date"),
           (Param("since", "date", "only those whose latest source is on or after this date"),),
           "latest_source_date descending (undated last), company, partner, domain", "autokg query prospective --since 2024"),
    Preset("common-partners", "Partners shared by two companies (partnerships not ended).",
           ("partner", "domains_with_a", "domains_with_b"),
           (Param("a", "entity", "first company", True, prefer="Company"),
            Param("b", "entity", "second company", True, prefer="Company")),
           "partner; the domain lists are sorted", "autokg query common-partners --a Geely --b Nvidia"),
    Preset("path", "The shortest chain of partnerships between two companies.",
           ("path", "hops"),
           (Param("a", "entity", "from this company", True, prefer="Company"),
            Param("b", "entity", "to this company", True, prefer="Company"),
            Param("max_hops", "int", "longest chain to look for", default=4),
            Param("include_ended", "flag", "also walk through ended partnerships", default=False)),
           "at most one row: a shortest path, the smallest sequence of names among equals",
           "autokg query path --a Geely --b Google"),
    Preset("people-of", "The people who work for a company.",
           ("person", "role", "since", "until"),
           (Param("company", "entity", "the company", True, prefer="Company"),),
           "since (undated last), person, role", 'autokg query people-of --company Renault'),
    Preset("hubs", "Companies with the most partners (partnerships not ended).",
           ("company", "partners"),
           (Param("limit", "int", "how many rows", default=10),),
           "partners descending, company", "autokg query hubs --limit 5"),
    Preset("by-domain", "Partnerships in a domain.",
           ("company", "partner", "domain", "status"),
           (Param("domain", "text", "case-insensitive substring of the domain", True),),
           "company, partner, domain; company is the smaller name of the pair", "autokg query by-domain --domain cockpit"),
    Preset("cross-border", "Partnerships between companies of different countries.",
           ("company", "company_country", "partner", "partner_country", "domain", "status"),
           (Param("country_a", "country", "one side's country (ISO code)"),
            Param("country_b", "country", "the other side's country (ISO code)"), _STATUS),
           "company, partner, domain; both countries known and different; with one country, those with it on one side; with two, that pair in either order", "autokg query cross-border --country-a FR --country-b CN"),
    Preset("sources", "Every source linking two entities, with what it says.",
           ("predicate", "domain", "url", "title", "publisher", "published", "quote"),
           (Param("a", "entity", "one entity", True, prefer="Company"),
            Param("b", "entity", "the other entity", True, prefer="Company")),
           "published (undated last), url, predicate, domain, title, quote, publisher (missing values last)", "autokg query sources --a Renault --b Geely"),
    Preset("history", "Every status claim on the relations between two companies.",
           ("predicate", "domain", "published", "status", "url"),
           (Param("a", "entity", "one company", True, prefer="Company"),
            Param("b", "entity", "the other company", True, prefer="Company")),
           "published (undated last), url, predicate, domain, then the source title and publisher, status", "autokg query history --a Nissan --b Honda"),
    Preset("meetings", "Who met whom.",
           ("person", "met_with", "date", "event"),
           (Param("person", "entity", "only the meetings of this person", prefer="Person"),),
           "date (undated last), person, met_with, event; each meeting once, the person side first (between two people, the smaller name), or the given person first", 'autokg query meetings --person "Luca de Meo"'),
    Preset("timeline", "Everything that touches a company, in date order.",
           ("date", "predicate", "other", "detail"),
           (Param("company", "entity", "the company", True, prefer="Company"),),
           "date (undated last), predicate, other, detail; the date is the relation's since, else its own date, else its earliest source; detail is the domain or role, the stake and the status", "autokg query timeline --company Xiaomi"),
    Preset("stale", "Relations not ended whose newest dated source is older than --older-than months before "
           "--as-of (default today), or that have no dated source: the facts to check again.",
           ("predicate", "subject", "object", "domain", "status", "latest_source_date", "sources"),
           (Param("older_than", "int", "months without a newer dated source", default=24),),
           "latest_source_date (oldest first, undated last), subject, object, predicate, domain; a "
           "relation is ended when its status is ended or its until is on or before --as-of",
           "autokg query stale --older-than 24 --as-of 2026-11"),
)}


def get_preset(name: str) -> Preset:
    if name not in PRESETS:
        close = difflib.get_close_matches(name, list(PRESETS), n=3)
        hint = f" (did you mean: {', '.join(close)}?)" if close else ""
        raise UnknownPreset(f"unknown preset {name!r}{hint}; known: {', '.join(PRESETS)}")
    return PRESETS[name]


def resolve_entity(store, name: str, prefer: str | None, found: dict[str, list[dict]] | None = None) -> dict:
    """The entity a parameter names, through aliases; suggests close names when unknown.
    *found*: the store's :meth:`lookup_many` of the names, when already read."""
    rows = list(found.get(norm(name), [])) if found is not None else store.lookup(norm(name))
    if not rows:
        names = {}
        for e in store.entity_rows():
            for n in [e["name"], *e["aliases"]]:
                names.setdefault(norm(n), e["name"])
        close = difflib.get_close_matches(norm(name), list(names), n=5, cutoff=0.5)
        suggestions = list(dict.fromkeys(names[c] for c in close))
        raise UnknownEntity(name, suggestions)
    rows.sort(key=lambda r: (r["type"] != prefer, r["id"]))
    return rows[0]


def _entity_param(store, p: Param, value: Any) -> str:
    return resolve_entity(store, str(value), p.prefer)["id"]


def _int_param(store, p: Param, value: Any) -> int:
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise UsageError(f"{p.option} must be a whole number") from None
    if n < 0:
        raise UsageError(f"{p.option} must not be negative")
    return n


def _flag_param(store, p: Param, value: Any) -> bool:
    return bool(value)


def first_day(value: str) -> str:
    """A date of any precision as the full date of its first day (``2025-02`` → ``2025-02-01``)."""
    return value + ("-01-01" if len(value) == 4 else "-01" if len(value) == 7 else "")


def _day_param(store, p: Param, value: Any) -> str:
    return first_day(get_type("date").param(value, p.option))


# Parameter types that are not property types of the vocabulary (autokg.graph.types). A ``day`` is
# a date of any precision, given to the stores as the full date of its first day.
_PARAM_TYPES = {"entity": _entity_param, "int": _int_param, "flag": _flag_param, "day": _day_param}


def bind_params(store, preset: Preset, raw: dict[str, Any]) -> dict[str, Any]:
    """Check and convert raw parameter values; entity names become entity ids."""
    unknown = set(raw) - {p.name for p in preset.params}
    if unknown:
        raise UsageError(f"preset {preset.name} has no parameter {', '.join(sorted(unknown))}")
    out: dict[str, Any] = {}
    # the entities of two or more parameters found in one read
    names = [str(raw[p.name]) for p in preset.params if p.type == "entity" and raw.get(p.name) not in (None, False)]
    found = store.lookup_many([norm(n) for n in names]) if len(names) > 1 else None
    for p in preset.params:
        value = raw.get(p.name)
        if value is None or value is False and p.type != "flag":
            if p.required:
                raise UsageError(f"preset {preset.name} needs {p.option}")
            out[p.name] = p.default() if callable(p.default) else p.default
            continue
        convert = _PARAM_TYPES.get(p.type)
        if p.type == "entity" and found is not None:
            out[p.name] = resolve_entity(store, str(value), p.prefer, found)["id"]
        elif convert is not None:
            out[p.name] = convert(store, p, value)
        else:  # text, date, status, country: the vocabulary's own types
            out[p.name] = get_type(p.type).param(value, p.option)
    return out


def run_preset(store, name: str, **raw: Any) -> list[dict]:
    """Run preset *name* on *store*; rows are dicts keyed by the preset's columns, in order."""
    preset = get_preset(name)
    params = bind_params(store, preset, {k: v for k, v in raw.items() if v is not None})
    from autokg.queries import implementation

    rows = implementation(store)(store, name, params)
    return [{c: row.get(c) for c in preset.columns} for row in rows]


def markdown_table() -> str:
    """The README's table of presets, made from :data:`PRESETS` (a test holds the README to it)."""

    def option(p: Param) -> str:
        text = f"`{p.option}`" + ("*" if p.required else "")
        if p.default is not None and p.type != "flag":
            text += f" ({p.default.__name__ if callable(p.default) else p.default})"
        return text

    lines = ["| preset | options | columns | description | order |", "|---|---|---|---|---|"]
    for p in PRESETS.values():
        options = ", ".join(option(q) for q in p.params) or "none"
        lines.append(f"| {p.name} | {options} | {', '.join(p.columns)} | {p.description} | {p.order} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # python -m autokg.queries.presets: the README table
    print(markdown_table(), end="")
