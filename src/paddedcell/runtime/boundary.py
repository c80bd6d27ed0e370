"""What a cell's exception may carry back to the host.

An exception object the cell raised can run cell code in the host: its class may be the
cell's own (with `__str__`/`__repr__` that raise SystemExit or loop), and its arguments or
chained exceptions may be cell objects. The host gets the original only when none of that is
possible; otherwise a `CellError` built from plain data, with the same traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Any

from ..errors import CellError

_PLAIN = (str, bytes, int, float, complex, bool, type(None))
_MAX_CHAIN = 16


def _plain(value: Any, depth: int = 0) -> bool:
    cls = type(value)
    if cls in _PLAIN:
        return True
    if cls is tuple and depth < 4 and len(value) <= 64:
        return all(_plain(v, depth + 1) for v in value)
    return False


#: Attributes of builtin exceptions that are not in `args` but end up in their str/repr
#: (OSError.filename, ImportError.name, UnicodeError.object, ...).
_CARRIERS = ("filename", "filename2", "name", "path", "text", "msg", "strerror", "object",
             "encoding", "reason", "value", "print_file_and_line", "offset", "lineno")


def _safe(exc: BaseException, owns: Callable[[Any], bool]) -> bool:
    """True when formatting `exc` in the host runs no cell code."""
    if not isinstance(exc, Exception) or owns(exc) or not _plain(exc.args):
        return False
    for attr in _CARRIERS:
        value = getattr(exc, attr, None)
        if value is not None and not _plain(value):
            return False
    # add_note() takes str subclasses: traceback formatting calls str() on each note.
    notes = getattr(exc, "__notes__", None)
    if notes is not None and not (type(notes) is list and len(notes) <= 64
                                  and all(type(n) is str for n in notes)):
        return False
    return not (isinstance(exc, AttributeError) and exc.obj is not None and owns(exc.obj))


def _cut_chain(exc: BaseException, owns: Callable[[Any], bool]) -> None:
    """Drop chained exceptions (cause/context) from the first one that is not safe."""
    seen = 0
    node: BaseException | None = exc
    while node is not None and seen < _MAX_CHAIN:
        seen += 1
        for attr in ("__cause__", "__context__"):
            linked = getattr(node, attr)
            if linked is not None and not _safe(linked, owns):
                setattr(node, attr, None)
        node = node.__cause__ or node.__context__
    if node is not None:  # a chain longer than we care to check
        node.__cause__ = node.__context__ = None


def for_host(exc: BaseException, owns: Callable[[Any], bool],
             tb: TracebackType | None) -> BaseException:
    """`exc` itself if the host can handle it without running cell code (its chain cut where
    it stops being safe), else a CellError."""
    if _safe(exc, owns):
        _cut_chain(exc, owns)
        return exc
    kind = type(exc).__name__  # a str: class names are checked when classes are made
    message = BaseException.__str__(exc) if _plain(exc.args) else \
        f"({len(exc.args)} argument(s) that are not plain data)"
    return CellError(kind, message).with_traceback(tb)
