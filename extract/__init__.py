"""Facts from news articles: ``autokg extract`` as a library.

>>> from autokg.extract import extract
>>> recs = extract("Stellantis and Leapmotor announced a partnership.", meta={"title": "T"})
>>> [(r["subject"], r["predicate"], r["object"], r["status"]) for r in recs if "predicate" in r]
[('Stellantis', 'PARTNERS_WITH', 'Leapmotor', 'active')]

Rule-based and offline: sentence splitting with offsets (quotes are verbatim), names from the
store and a bundled list of automotive companies, cue words per language (en, it, fr, de).
"""

from .articles import extract_files
from .core import PREDICATES, extract, summarize
from .html import Article, read_article, read_html
from .lang import LANGUAGES, detect_language
from .names import bundled_companies
from .sentences import split_sentences

__all__ = ["extract", "extract_files", "summarize", "read_article", "read_html", "Article", "detect_language",
           "split_sentences", "bundled_companies", "LANGUAGES", "PREDICATES"]
