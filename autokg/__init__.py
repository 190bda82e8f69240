"""autokg: a knowledge graph of who works with whom in the automotive industry.

The library does the work; :mod:`autokg.cli` is a thin command line over it.

>>> from autokg.graph import open_store
>>> from autokg.loaders import load_files
>>> with open_store("embedded", path="kg.db") as store:          # doctest: +SKIP
...     report = load_files(store, ["facts.jsonl"])
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
