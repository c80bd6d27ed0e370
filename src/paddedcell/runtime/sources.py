"""Finding untrusted modules under a policy's source roots.

`import helper` in a cell whose policy lists source roots finds `helper.py` (or
`helper/__init__.py`) under one of them. The file is the supervisor's to read, but its text is
untrusted: the cell compiles it through the restricted pipeline, never unrestricted. A file
whose real path leaves its root (a symlink pointing out) is not found.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass

from ..errors import ImportDenied, PolicyError
from ..policy import FileRoot, inside_folder
from .files import CellFiles

#: A number for each source root, given on first use in this process. Tracebacks read a module's
#: lines from the process-wide linecache by the name its code was compiled under, so two roots'
#: `helper.py` need two names (one tenant's traceback would show the other's lines); the host
#: path must not show, so the name carries this number instead.
_ROOT_NUMBERS: dict[str, int] = {}
_numbers_lock = threading.Lock()


def _root_number(root: str) -> int:
    with _numbers_lock:
        return _ROOT_NUMBERS.setdefault(root, len(_ROOT_NUMBERS) + 1)


@dataclass(frozen=True)
class SourceFile:
    """An untrusted module's file: where it is and whether it is a package."""

    name: str
    path: str
    package: bool
    root: str = "/"

    @property
    def filename(self) -> str:
        """The name its code is compiled under: what the cell may see (in SyntaxErrors, say),
        so the module's path below its root, never the host path, after a number that tells
        the roots apart (`<sources:1>/helper.py`)."""
        leaf = "/__init__.py" if self.package else ".py"
        return f"<sources:{_root_number(self.root)}>/" + self.name.replace(".", "/") + leaf


def find_source(roots: tuple[str, ...], dotted: str) -> SourceFile | None:
    """The first `a/b.py` or `a/b/__init__.py` for `a.b` under `roots` (in order)."""
    parts = dotted.split(".")
    if not all(p.isidentifier() and p.isascii() for p in parts):
        return None
    for root in roots:
        base = os.path.join(root, *parts)
        for candidate, package in ((os.path.join(base, "__init__.py"), True),
                                   (base + ".py", False)):
            real = os.path.realpath(candidate)
            if inside_folder(real, root) and os.path.isfile(real):
                return SourceFile(dotted, real, package, root)
    return None


def read_source(found: SourceFile, limit: int) -> str:
    """The module's text (UTF-8), refused past `limit` bytes before it is all read."""
    # Opened through the confined resolver, as a cell's own open() would: the path was
    # checked when the module was found, but a package's __init__ (or a later run, before a
    # reload) may have renamed a symlink leading out of the root into its place since.
    try:
        files = CellFiles((FileRoot(found.root),))
        with files.open(os.path.relpath(found.path, found.root), "rb") as f:
            data: bytes = f.read(limit + 1)
    except (OSError, PolicyError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "no such source root"
        raise ImportDenied(f"cannot read module {found.name!r}: {reason}") from None
    if len(data) > limit:
        raise ImportDenied(f"module {found.name!r} is larger than the policy's source limit "
                           f"({limit} bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ImportDenied(f"module {found.name!r} is not UTF-8 text") from None
