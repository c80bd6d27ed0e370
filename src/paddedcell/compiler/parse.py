"""Parse: source text to an `ast` tree, behind limits, turning every failure into violations.

Hostile text must not crash, hang or leak a RecursionError from the parser: size is checked
before parsing, and every error the parser can raise becomes a PC00x violation. Nesting depth
and node count are measured afterwards by the checker's iterative walk, before any recursive
stage (rewriter, compiler) sees the tree.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from ..errors import RestrictedSyntaxError, Violation
from ..policy import Limits

MODES = ("exec", "eval", "single")


@dataclass(frozen=True)
class Parsed:
    """The tree, or None with the violations that prevented it."""

    tree: ast.AST | None
    violations: tuple[Violation, ...]


def compiler_error(exc: SyntaxError, filename: str) -> RestrictedSyntaxError:
    """A SyntaxError from CPython's compiler (not its parser) as a PC001 violation."""
    v = Violation("PC001", f"invalid syntax: {exc.msg}", exc.lineno or 1,
                  max((exc.offset or 1) - 1, 0), exc.end_lineno or exc.lineno or 1,
                  max((exc.end_offset or exc.offset or 1) - 1, 0))
    return RestrictedSyntaxError([v], filename)


def _violation(rule: str, message: str, lineno: int = 1, col: int = 0) -> Violation:
    return Violation(rule, message, lineno, col, lineno, col)


def parse(source: str, filename: str, mode: str, limits: Limits) -> Parsed:
    """Parse `source`; raise TypeError/ValueError only for caller errors, never for the text."""
    if type(source) is not str:  # a str subclass could lie through its methods
        if isinstance(source, str):
            source = str.__str__(source)
        else:
            raise TypeError(f"source must be str, not {type(source).__name__}")
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    size = len(source)
    if size > limits.source_bytes:
        msg = f"source is {size} characters; the policy allows {limits.source_bytes}"
        return Parsed(None, (_violation("PC002", msg),))
    if "\0" in source:
        line = source.count("\n", 0, source.index("\0")) + 1
        return Parsed(None, (_violation("PC005", "source contains a NUL character", line),))
    try:
        source.encode("utf-8")
    except UnicodeEncodeError as exc:
        line = source.count("\n", 0, exc.start) + 1
        return Parsed(None, (_violation("PC005", f"source cannot be encoded: {exc.reason}", line),))
    try:
        tree = ast.parse(source, filename=filename, mode=mode)
    except SyntaxError as exc:
        text = str(exc.msg)
        rule = "PC003" if "too many nested" in text or "too complex" in text else "PC001"
        lineno = exc.lineno or 1
        col = max((exc.offset or 1) - 1, 0)
        return Parsed(None, (_violation(rule, f"invalid syntax: {text}", lineno, col),))
    except (RecursionError, MemoryError) as exc:
        # The parser gives up on very deep nesting with these (3.11: MemoryError for long
        # unary chains; RecursionError "during ast construction").
        msg = f"nesting is too deep for the parser ({type(exc).__name__})"
        return Parsed(None, (_violation("PC003", msg),))
    except (ValueError, OverflowError) as exc:
        return Parsed(None, (_violation("PC005", f"source cannot be parsed: {exc}"),))
    return Parsed(tree, ())
