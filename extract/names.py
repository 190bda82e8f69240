"""Finding names in text: the store's names, the bundled company list, and new organisations and
people proposed from their context (legal-form suffixes, "joint venture called X", role words)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources

import yaml

from autokg.graph.normalize import norm

__all__ = ["Name", "NameIndex", "bundled_companies", "Mention"]

# Apostrophes and quotes folded so "dell’Auto" finds "dell'Auto"; the same length, so offsets hold.
_FOLD = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "\u00a0": " ", "‐": "-", "‑": "-"})

LEGAL_FORMS = frozenset(
    "corp corporation co inc incorporated ltd limited ag se sa s.a s.p.a spa s.r.l srl nv n.v llc gmbh "
    "plc kg kgaa ab oyj asa sas bv b.v holdings pte".split())

_TOKEN = re.compile(r"\w+(?:[-.&]\w+)*", re.UNICODE)
_MAX_TOKENS = 7


def _first_token(key: str) -> str:
    m = _TOKEN.match(key)
    return m.group() if m else key


def fold(text: str) -> str:
    """*text* with typographic apostrophes folded to ASCII (same length, so offsets hold)."""
    return text.translate(_FOLD)


@dataclass(frozen=True)
class Name:
    """An entity a mention can refer to."""

    name: str
    type: str
    known: bool  # in the store already
    aliases: tuple[str, ...] = ()
    attrs: tuple[tuple[str, str], ...] = ()


@dataclass
class Mention:
    start: int
    end: int
    entity: Name
    text: str = field(default="")


@functools.lru_cache(maxsize=1)
def bundled_companies() -> tuple[dict, ...]:
    """The bundled list of automotive companies (``companies.yaml``), each a dict with ``name``,
    ``aliases`` and optionally ``country`` and ``sector``."""
    text = resources.files("autokg.extract").joinpath("companies.yaml").read_text(encoding="utf-8")
    safe = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C safe loader when PyYAML has it
    return tuple(yaml.load(text, Loader=safe))  # noqa: S506 - a safe loader


class NameIndex:
    """Surface forms (names and aliases, compared after :func:`norm`) to entities.

    Names known to the store win; a bundled company whose name or alias the store knows maps all
    its surfaces to the store's entity; the rest of the bundled list proposes new entities.
    """

    _cache: dict = {}

    def __init__(self, known: list[dict] | None = None, *, gazetteer: bool = True):
        # The surfaces of the same known names are built once and copied per article, since
        # an article adds its own people and organisations.
        # keyed by the list itself (a caller passes the same list for every article); the list
        # is kept in the entry so its id cannot be reused while cached
        entry = self._cache.get((gazetteer, id(known)))
        if entry is None or entry[0] is not known or entry[1] != len(known or ()):
            base = self._build(known, gazetteer)
            if len(self._cache) > 8:
                self._cache.clear()
            self._cache[(gazetteer, id(known))] = (known, len(known or ()), base)
        else:
            base = entry[2]
        self.surfaces = dict(base[0])
        self.first = set(base[1])
        self.lower_ok: set[str] = set()  # multi-word person surfaces that may start lower-case ("de Meo")
        self.version = 0  # bumped by add(), so callers can keep what find() returned

    @staticmethod
    def _build(known, gazetteer) -> tuple[dict[str, Name], set[str]]:
        surfaces: dict[str, Name] = {}
        for e in known or ():
            ent = Name(e["name"], e.get("type") or "Company", True, tuple(e.get("aliases") or ()))
            for s in (e["name"], *(e.get("aliases") or ())):
                surfaces.setdefault(norm(fold(s)), ent)
        if gazetteer:
            for c in bundled_companies():
                names = [c["name"], *(c.get("aliases") or ())]
                hit = next((surfaces[norm(fold(s))] for s in names if norm(fold(s)) in surfaces), None)
                if hit is None:
                    attrs = tuple((k, c[k]) for k in ("country", "sector") if c.get(k))
                    hit = Name(c["name"], "Company", False, tuple(c.get("aliases") or ()), attrs)
                for s in names:
                    surfaces.setdefault(norm(fold(s)), hit)
        return surfaces, {_first_token(k) for k in surfaces}

    def add(self, surface: str, entity: Name) -> None:
        key = norm(fold(surface))
        if key not in self.surfaces:
            self.surfaces[key] = entity
            self.version += 1
        self.first.add(_first_token(key))
        if " " in key and entity.type == "Person":
            self.lower_ok.add(key)

    def get(self, surface: str) -> Name | None:
        return self.surfaces.get(norm(fold(surface)))

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Longest-first mentions of indexed names in ``text[start:end]`` (*text* already folded).

        A mention starts with a capital letter or a digit (so common words written in lower case
        never match), except multi-word person surnames such as "de Meo".
        """
        end = len(text) if end is None else end
        toks = [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
        out: list[Mention] = []
        i = 0
        surfaces, first_tokens = self.surfaces, self.first
        while i < len(toks):
            s0 = toks[i][0]
            if text[s0:toks[i][1]].casefold() not in first_tokens:
                i += 1
                continue
            first = text[s0]
            upper = first.isupper() or first.isdigit()
            hit = None
            for n in range(min(_MAX_TOKENS, len(toks) - i), 0, -1):
                e = toks[i + n - 1][1]
                key = " ".join(text[s0:e].casefold().split())
                ent = surfaces.get(key)
                if ent is None and key.endswith("."):
                    ent = surfaces.get(key[:-1])
                if ent is not None and (upper or key in self.lower_ok):
                    hit = (n, e, ent)
                    break
            if hit is None:
                i += 1
                continue
            n, e, ent = hit
            j = i + n
            # swallow a legal form after the name: "Toyota Motor Corp.", "Samsung SDI Co"
            while j < len(toks) and toks[j][0] - e <= 2 and text[toks[j][0]:toks[j][1]].casefold().rstrip(".") in LEGAL_FORMS:
                e = toks[j][1]
                if e < end and text[e] == ".":
                    e += 1
                j += 1
            out.append(Mention(s0, e, ent, text[s0:e]))
            i = j
        return out
