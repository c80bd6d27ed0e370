"""The cell's builtins: an explicit allowlist, each entry with the reason it is safe.

Every cell gets its own dict (never shared), built from `SAFE_BUILTINS` plus per-cell guards.
Left out on purpose: eval, exec, compile, locals, breakpoint, help, input, open, exit,
quit, id (heap addresses), memoryview (raw buffers), aiter/anext (async is rejected), the real
__import__ and __build_class__, and ExceptionGroup/BaseExceptionGroup (CVE-2025-22153).
"""

from __future__ import annotations

import builtins as _b
from typing import Any

#: name -> why it is safe. Values are taken from the real builtins module.
SAFE_BUILTINS: dict[str, str] = {
    # pure functions of their arguments
    "abs": "pure", "all": "pure", "any": "pure", "ascii": "pure", "bin": "pure",
    "callable": "pure", "chr": "pure", "divmod": "pure", "format": "a spec string cannot "
    "look up attributes; str.format is guarded separately", "hash": "pure", "hex": "pure",
    "isinstance": "pure", "issubclass": "pure", "iter": "pure", "len": "pure", "max": "pure",
    "min": "pure", "next": "pure", "oct": "pure", "ord": "pure", "pow": "pure", "repr": "pure",
    "round": "pure", "sorted": "pure", "sum": "pure",
    # iterator constructors
    "enumerate": "iterator", "filter": "iterator", "map": "iterator", "range": "iterator",
    "reversed": "iterator", "zip": "iterator",
    # value types: constructing them reaches nothing beyond their values
    "bool": "value type", "bytearray": "value type", "bytes": "value type",
    "complex": "value type", "dict": "value type", "float": "value type",
    "frozenset": "value type", "int": "value type", "list": "value type",
    "set": "value type", "slice": "value type", "str": "value type", "tuple": "value type",
    "object": "plain base class; its dunders are denied by the attribute rules",
    # class building blocks
    "classmethod": "descriptor", "staticmethod": "descriptor", "property": "descriptor",
    "super": "resolves through the instance's own class; dunders stay denied",
    # constants
    "NotImplemented": "constant", "Ellipsis": "constant",
}

#: Exception classes: raising and catching them is ordinary control flow. BaseException
#: subclasses that are not Exceptions are converted at the cell's boundary (CellExit).
SAFE_EXCEPTIONS: tuple[str, ...] = tuple(
    """
    BaseException Exception ArithmeticError AssertionError AttributeError BufferError EOFError
    FloatingPointError GeneratorExit ImportError IndexError KeyError KeyboardInterrupt
    LookupError MemoryError ModuleNotFoundError NameError NotImplementedError OSError
    OverflowError RecursionError ReferenceError RuntimeError StopIteration SyntaxError
    IndentationError TabError SystemError SystemExit TypeError UnboundLocalError UnicodeError
    UnicodeDecodeError UnicodeEncodeError UnicodeTranslateError ValueError ZeroDivisionError
    EnvironmentError IOError FileExistsError FileNotFoundError IsADirectoryError
    NotADirectoryError PermissionError TimeoutError
    Warning UserWarning DeprecationWarning PendingDeprecationWarning SyntaxWarning
    RuntimeWarning FutureWarning ImportWarning UnicodeWarning BytesWarning ResourceWarning
    """.split()
)

#: Names the Cell fills with per-cell guards (listed so `paddedcell rules` can show them).
GUARDED_BUILTINS: dict[str, str] = {
    "print": "writes to the cell's stdout",
    "getattr": "same attribute rules as the syntax",
    "setattr": "same rules; only on objects the cell owns",
    "delattr": "same rules; only on objects the cell owns",
    "hasattr": "answers a bool for any name, never returns the object",
    "vars": "needs an argument; objects the cell owns or module views; a filtered copy",
    "dir": "needs an argument; lists only readable names",
    "globals": "a read-only copy of the calling cell module's names, without dunders",
    "type": "one argument: metaclasses come back as the cell's type; three: checked class",
    "__build_class__": "checks bases and namespace of every class statement",
    "__import__": "serves only modules C code in granted modules needs internally",
}


def _template() -> dict[str, Any]:
    table = {name: _b.__dict__[name] for name in SAFE_BUILTINS}
    for name in SAFE_EXCEPTIONS:
        table[name] = _b.__dict__[name]
    return table


_TEMPLATE = _template()


def base_table(deny: frozenset[str]) -> dict[str, Any]:
    """A fresh dict of the safe builtins, minus the policy's denied names."""
    table = dict(_TEMPLATE)
    for name in deny:
        table.pop(name, None)
    return table
