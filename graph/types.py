"""The property types of the vocabulary, one small class each, registered by name.

``schema.yaml`` names a type for every attribute, relation property and source field. A type
knows everything that differs from one type to the next:

* :meth:`~PropertyType.clean`: check and normalise an input value, or raise
  :class:`~autokg.errors.InvalidRecord` saying what is wrong;
* :meth:`~PropertyType.compare`: the form two values are compared in;
* :meth:`~PropertyType.rdf` and :meth:`~PropertyType.from_rdf`: the RDF term of a value, and a
  value back from its term (before :meth:`clean`);
* :meth:`~PropertyType.graphml_value`: the GraphML scalar (``double`` for a number, else the
  value's own type);
* :meth:`~PropertyType.json_schema`: the JSON Schema of a value in a fact record;
* :meth:`~PropertyType.param`: a query parameter from the command line, or
  :class:`~autokg.errors.UsageError`.

A new type is one class here; rdflib is imported only by the RDF methods.
"""

from __future__ import annotations

import datetime as _dt
import math
from typing import TYPE_CHECKING, Any

from autokg.errors import InvalidRecord, UnknownName, UsageError
from autokg.graph.normalize import canonical_url, is_date, norm

if TYPE_CHECKING:
    from autokg.graph.model import Property

__all__ = [
    "PropertyType",
    "StringType",
    "UrlType",
    "DateType",
    "CountryType",
    "WikidataType",
    "StatusType",
    "NumberType",
    "TYPES",
    "register_type",
    "get_type",
    "text",
    "number",
]

DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"


def _schema():
    from autokg.graph.model import schema

    return schema()


def unicode_text(text: str, what: str) -> str:
    """*text*, unless it holds a lone surrogate (JSON and YAML escapes such as ``\\ud800`` can make
    one): no store and no output file can encode it."""
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise InvalidRecord(f"{what} is not valid Unicode (a lone surrogate {text[exc.start]!r} at "
                                f"character {exc.start + 1})") from None
    return text


def text(value: Any, what: str) -> str:
    """One line of non-empty text; inner line breaks and tabs become single spaces."""
    if type(value) is str:  # the common case, kept fast
        stripped = value.strip()
        if stripped and "\n" not in stripped and "\t" not in stripped:
            return unicode_text(stripped, what)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise InvalidRecord(f"{what} must be a string, not {type(value).__name__}")
    if not isinstance(value, str):
        raise InvalidRecord(f"{what} must be a string, not a number ({value!r})")
    stripped = " ".join(value.split()) if "\n" in value or "\t" in value else value.strip()
    if not stripped:
        raise InvalidRecord(f"{what} must not be empty")
    return unicode_text(stripped, what)


def number(value: Any, what: str) -> float:
    """A finite number (a numeric string too), as a float."""
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            raise InvalidRecord(f"{what} must be a number, not {value!r}") from None
    try:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise InvalidRecord(f"{what} must be a number, not {value!r}")
        return float(value)
    except OverflowError:  # an integer beyond float range (hundreds of digits)
        raise InvalidRecord(f"{what} must be a number, not an integer of {value.bit_length()} bits "
                            "(beyond the range of a float)") from None


class PropertyType:
    """A type of value; the defaults are those of plain text."""

    name = ""

    def clean(self, value: Any, what: str, prop: Property | None = None) -> Any:
        return text(value, what)

    def compare(self, value: Any) -> Any:
        return value

    def rdf(self, value: Any):
        from rdflib import Literal

        return Literal(value)

    def from_rdf(self, node) -> Any:
        return str(node)

    def graphml_value(self, value: Any) -> Any:
        """The value as a GraphML scalar (networkx picks the GraphML type from it)."""
        return value

    def is_rdf_value(self, node) -> bool:
        """Whether *node*, found under this property's term, is a value of this type."""
        return True

    def json_schema(self, prop: Property | None = None) -> dict:
        return {"type": "string", "minLength": 1}

    def param(self, value: Any, option: str) -> Any:
        raise UsageError(f"{option}: a {self.name} is not a query parameter")

    def __repr__(self) -> str:
        return f"<type {self.name}>"


class StringType(PropertyType):
    """Non-empty text; compared case- and space-insensitively."""

    name = "string"

    def compare(self, value: str) -> str:
        return norm(value)

    def param(self, value: Any, option: str) -> str:
        stripped = str(value).strip()
        if not stripped:
            raise UsageError(f"{option} must not be empty")
        return stripped


class UrlType(PropertyType):
    """The address of a document: text, written ``xsd:anyURI`` in RDF."""

    name = "url"

    def clean(self, value: Any, what: str, prop: Property | None = None) -> str:
        from urllib.parse import urlsplit

        url = text(value, what)
        if url.isascii() and "[" not in url and "]" not in url:
            return url  # urlsplit refuses only a bracket out of place, or a non-ASCII host
        try:
            urlsplit(url)  # an unclosed [ of an IPv6 host would make source identity fail later
        except ValueError as exc:
            raise InvalidRecord(f"{what} {url!r} is not a valid URL ({exc})") from None
        return url

    def compare(self, value: str) -> str:
        return canonical_url(value)

    def rdf(self, value: str):
        from rdflib import XSD, Literal

        return Literal(value, datatype=XSD.anyURI)


class DateType(PropertyType):
    """ISO 8601 with reduced precision allowed: YYYY, YYYY-MM, YYYY-MM-DD."""

    name = "date"

    def clean(self, value: Any, what: str, prop: Property | None = None) -> str:
        if isinstance(value, _dt.datetime):
            value = value.date().isoformat()
        elif isinstance(value, _dt.date):  # YAML reads 2024-04-30 as a date
            value = value.isoformat()
        elif isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
            value = str(value)  # a bare year
        if not isinstance(value, str):
            raise InvalidRecord(f"{what} must be a date (YYYY, YYYY-MM or YYYY-MM-DD), not {value!r}")
        value = value.strip()
        if not is_date(value):
            raise InvalidRecord(f"{what} {value!r} is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)")
        return value

    # the compared form is the ISO text itself: its string order is the order of the dates

    def rdf(self, value: str):
        from rdflib import XSD, Literal

        kind = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(value), XSD.date)
        return Literal(value, datatype=kind)

    def json_schema(self, prop: Property | None = None) -> dict:
        return {"type": "string", "pattern": DATE_PATTERN}

    def param(self, value: Any, option: str) -> str:
        if not is_date(str(value)):
            raise UsageError(f"{option} {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        return str(value)


class CountryType(PropertyType):
    """An ISO 3166-1 alpha-2 code, upper-cased on input."""

    name = "country"

    def clean(self, value: Any, what: str, prop: Property | None = None) -> str:
        code = text(value, what).upper()
        if code not in _schema().countries:
            raise InvalidRecord(f"{what} {value!r} is not an ISO 3166-1 alpha-2 country code (e.g. FR, CN, US)")
        return code

    def json_schema(self, prop: Property | None = None) -> dict:
        return {"type": "string", "enum": sorted(_schema().countries)}

    def param(self, value: Any, option: str) -> str:
        if str(value).upper() not in _schema().countries:
            raise UsageError(f"{option} {value!r} is not an ISO 3166-1 alpha-2 country code")
        return str(value).upper()


class WikidataType(PropertyType):
    """A Wikidata item id such as Q6686; in RDF, its entity IRI."""

    name = "wikidata"

    def clean(self, value: Any, what: str, prop: Property | None = None) -> str:
        stripped = text(value, what)
        if not (stripped[:1] in "Qq" and stripped[1:].isdigit()):
            raise InvalidRecord(f"{what} {value!r} is not a Wikidata id (e.g. Q6686)")
        return "Q" + stripped[1:]

    def rdf(self, value: str):
        from rdflib import URIRef

        from autokg.graph.rdfterms import WIKIDATA

        return URIRef(WIKIDATA + value)

    def is_rdf_value(self, node) -> bool:
        """Whether *node* names a Wikidata item (``schema:sameAs`` may name other things)."""
        from autokg.graph.rdfterms import WIKIDATA

        return str(node).startswith(WIKIDATA) or str(node).startswith("https://www.wikidata.org/")

    def from_rdf(self, node) -> str:
        from rdflib import Literal

        if isinstance(node, Literal):
            return str(node)
        return str(node).rstrip("/").rsplit("/", 1)[-1]

    def json_schema(self, prop: Property | None = None) -> dict:
        return {"type": "string", "pattern": r"^[Qq]\d+$"}


class StatusType(PropertyType):
    """One of the statuses of the vocabulary; in RDF, the individual ``autokg:<Status>``."""

    name = "status"

    def clean(self, value: Any, what: str, prop: Property | None = None) -> str:
        statuses = _schema().statuses
        lowered = text(value, what).lower()
        if lowered not in statuses:
            raise InvalidRecord(f"{what} {value!r} is not one of {', '.join(statuses)}")
        return lowered

    def rdf(self, value: str):
        from rdflib import URIRef

        from autokg.graph.rdfterms import status_term

        return URIRef(status_term(value))

    def from_rdf(self, node) -> str:
        from rdflib import Literal

        from autokg.graph.rdfterms import status_term

        if isinstance(node, Literal):
            return str(node)
        terms = {status_term(st): st for st in _schema().statuses}
        found = terms.get(str(node))
        if found is None:
            known = ", ".join(f"<{t}>" for t in terms)
            raise InvalidRecord(f"unknown status <{node}> (known: {known})")
        return found

    def json_schema(self, prop: Property | None = None) -> dict:
        return {"type": "string", "enum": list(_schema().statuses)}

    def param(self, value: Any, option: str) -> str:
        statuses = _schema().statuses
        if str(value).lower() not in statuses:
            raise UsageError(f"{option} must be one of {', '.join(statuses)}")
        return str(value).lower()


class NumberType(PropertyType):
    """A number, optionally bounded by the property's ``min_exclusive`` and ``max``; integral
    values are kept as ints."""

    name = "number"

    def clean(self, value: Any, what: str, prop: Property | None = None) -> int | float:
        x = number(value, what)
        if prop is not None and prop.min_exclusive is not None and not x > prop.min_exclusive:
            raise InvalidRecord(f"{what} {value!r} must be greater than {prop.min_exclusive:g}")
        if prop is not None and prop.max is not None and not x <= prop.max:
            raise InvalidRecord(f"{what} {value!r} must be at most {prop.max:g}")
        return int(x) if x.is_integer() else x

    def rdf(self, value: Any):
        from decimal import Decimal

        from rdflib import XSD, Literal

        if isinstance(value, int) and not isinstance(value, bool):
            return Literal(value)
        # xsd:decimal from the shortest repr is exact; rdflib writes xsd:double in Turtle with
        # only a few significant digits.
        return Literal(format(Decimal(repr(float(value))), "f"), datatype=XSD.decimal)

    def from_rdf(self, node) -> Any:
        """A numeric literal as int or float; anything else as its text, for :meth:`clean` to
        reject."""
        from decimal import Decimal

        from rdflib import Literal

        x = node.toPython() if isinstance(node, Literal) else None
        if isinstance(x, bool) or not isinstance(x, (int, float, Decimal)):
            return str(node)
        x = float(x)
        return int(x) if x.is_integer() else x

    def graphml_value(self, value: Any) -> Any:
        # one attribute, one GraphML type: an integral stake is written 20.0
        return value if isinstance(value, bool) else float(value)

    def json_schema(self, prop: Property | None = None) -> dict:
        out: dict = {"type": "number"}
        if prop is not None and prop.min_exclusive is not None:
            out["exclusiveMinimum"] = prop.min_exclusive
        if prop is not None and prop.max is not None:
            out["maximum"] = prop.max
        return out


TYPES: dict[str, PropertyType] = {}


def register_type(kind: PropertyType, aliases: tuple[str, ...] = ()) -> PropertyType:
    """Register *kind* under its name and *aliases* (other names for the same type)."""
    for name in (kind.name, *aliases):
        TYPES[name] = kind
    return kind


def get_type(name: str) -> PropertyType:
    """The type called *name*; :class:`~autokg.errors.UnknownName` otherwise."""
    try:
        return TYPES[name]
    except KeyError:
        raise UnknownName(f"unknown property type {name!r} (known: {', '.join(sorted(TYPES))})") from None


register_type(StringType(), aliases=("text",))  # "text" is the name of query parameters
for _kind in (UrlType(), DateType(), CountryType(), WikidataType(), StatusType(), NumberType()):
    register_type(_kind)
