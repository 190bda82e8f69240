"""Writing a file so that a failure never leaves a partial one: every export goes through here."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from typing import IO, Iterator

from autokg.errors import AutokgError

__all__ = ["atomic_open"]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def atomic_open(path: str | os.PathLike, binary: bool = False, suffix: str = ".tmp") -> Iterator[IO]:
    """Open a temporary file beside *path*; on success it is synced and renamed onto *path*,
    on any error it is removed and *path* is left as it was."""
    out = os.fspath(path)
    directory = os.path.dirname(os.path.abspath(out))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".autokg-", suffix=suffix, dir=directory)
    except OSError as exc:
        raise AutokgError(f"cannot write {out}: {exc.strerror}") from None
    try:
        mode = "wb" if binary else "w"
        with os.fdopen(fd, mode, **({} if binary else {"encoding": "utf-8", "newline": "\n"})) as fp:
            yield fp
            fp.flush()
            os.fsync(fp.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; give it the usual mode
        os.replace(tmp, out)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise AutokgError(f"cannot write {out}: {exc.strerror or exc}") from None
        raise
