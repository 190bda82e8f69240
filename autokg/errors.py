"""The one exception tree of autokg.

Every expected failure raises a subclass of :class:`AutokgError`; the CLI turns these into a
one-line message and exit code 1 (``UsageError`` gives exit code 2).
"""

__all__ = [
    "AutokgError",
    "InvalidRecord",
    "InputError",
    "UnknownEntity",
    "UnknownPreset",
    "UnknownName",
    "StoreError",
    "StoreUnavailable",
    "UsageError",
]


class AutokgError(Exception):
    """Base class of every error autokg raises on purpose."""


class InvalidRecord(AutokgError):
    """A fact or entity record breaks the fact format or the vocabulary."""

    def __init__(self, reason: str, where: str | None = None):
        self.reason = reason
        self.where = where
        super().__init__(f"{where}: {reason}" if where else reason)


class InputError(AutokgError):
    """A whole input file cannot be read (missing, unknown format, unreadable)."""


class UnknownName(AutokgError):
    """A name looked up in a registry (format, store, preset) does not exist."""


class UnknownPreset(UnknownName):
    """No preset has this name."""


class UnknownEntity(AutokgError):
    """A name given as a parameter resolves to no entity."""

    def __init__(self, name: str, suggestions: list[str] | None = None):
        self.name = name
        self.suggestions = suggestions or []
        msg = f"unknown entity {name!r}"
        if self.suggestions:
            msg += " (did you mean: " + ", ".join(repr(s) for s in self.suggestions) + "?)"
        super().__init__(msg)


class StoreError(AutokgError):
    """The store refused an operation."""


class StoreUnavailable(StoreError):
    """The store cannot be opened or reached."""


class UsageError(AutokgError):
    """A parameter is missing or malformed (exit code 2 on the command line)."""
