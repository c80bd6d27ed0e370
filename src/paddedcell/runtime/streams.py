"""The cell's standard streams as untrusted code sees them: `input()` and `sys.stdin`.

The supervisor's stream objects never reach the cell: `sys.stdin` is a reader that hands
out exact `str` lines, and `input()` writes its prompt through the cell's metered stdout.
Both refuse with `AccessDenied` unless the policy grants stdin (the old rexec `s_*` calls).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, Any

from ..errors import AccessDenied

#: Longest line `input()` or `readline()` hands the cell in one call: a supervisor's stream
#: of one endless line must not become one endless string.
MAX_LINE = 1 << 20


def _denied() -> AccessDenied:
    return AccessDenied("reading stdin is not allowed by the policy (grant [streams] stdin)",
                        "PC206")


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"the cell's stdin returned {type(value).__name__}, not str")
    return str.__str__(value)  # a str subclass would carry the supervisor's methods


class CellInput:
    """`sys.stdin` in a cell: read-only, exact `str`, nothing else of the supervisor's stream."""

    __slots__ = ("_granted", "_stream")

    def __init__(self, stream: Callable[[], IO[str]], granted: bool) -> None:
        self._stream = stream
        self._granted = granted

    def _source(self) -> IO[str]:
        if not self._granted:
            raise _denied()
        return self._stream()

    def readline(self, size: int = -1) -> str:
        if type(size) is not int:
            raise TypeError("readline() size must be an int")
        limit = MAX_LINE if size < 0 else min(size, MAX_LINE)
        return _text(self._source().readline(limit))

    def read(self, size: int = -1) -> str:
        if type(size) is not int:
            raise TypeError("read() size must be an int")
        return _text(self._source().read(size))

    def readlines(self) -> list[str]:
        return list(iter(self.readline, ""))

    def __iter__(self) -> CellInput:
        return self

    def __next__(self) -> str:
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def isatty(self) -> bool:
        return False

    def readable(self) -> bool:
        return self._granted

    def __repr__(self) -> str:
        return "<the cell's stdin>"


def make_input(reader: CellInput, write: Callable[[str], Any]) -> Callable[..., str]:
    """The cell's `input([prompt])`: the prompt goes to the cell's stdout, the line comes
    from its stdin; EOFError at the end, as the builtin."""

    def input(prompt: object = "") -> str:
        if not reader.readable():
            raise _denied()
        if prompt != "":
            write(str(prompt))
        line = reader.readline()
        if not line:
            raise EOFError("EOF when reading a line")
        return line[:-1] if line.endswith("\n") else line

    return input
