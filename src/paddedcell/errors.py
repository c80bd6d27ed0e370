"""Exceptions and the Violation record shared by every stage.

Runtime denials are raised as subclasses that are *also* the natural Python exception
(`AttributeError`, `ImportError`, `PermissionError`, `TypeError`), so ordinary code that
handles the natural exception keeps working, and a supervisor can catch `SecurityError`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Violation:
    """One static rule violation. Lines are 1-based and columns 0-based, as in `ast`."""

    rule: str
    message: str
    lineno: int
    col_offset: int
    end_lineno: int
    end_col_offset: int
    name: str = ""

    def format(self, filename: str = "<source>") -> str:
        """`file:line:col: RULE message`, with the column shown 1-based."""
        return f"{filename}:{self.lineno}:{self.col_offset + 1}: {self.rule} {self.message}"


class RestrictedSyntaxError(SyntaxError):
    """The source was rejected before it ran; `.violations` lists every reason at once."""

    def __init__(self, violations: list[Violation], filename: str = "<source>") -> None:
        self.violations = list(violations)
        first = self.violations[0] if self.violations else None
        summary = "; ".join(v.format(filename) for v in self.violations[:5])
        if len(self.violations) > 5:
            summary += f"; and {len(self.violations) - 5} more"
        super().__init__(f"source rejected by policy: {summary}")
        self.filename = filename
        if first is not None:
            self.lineno = first.lineno
            self.offset = first.col_offset + 1
            self.end_lineno = first.end_lineno
            self.end_offset = first.end_col_offset + 1


class PolicyError(ValueError):
    """A policy is malformed, or a narrowing would widen a permission."""


class SecurityError(Exception):
    """A runtime denial by a guard. `.rule` is the rule id (see `paddedcell explain`)."""

    rule: str = "PC205"

    def __init__(self, message: str, rule: str | None = None) -> None:
        super().__init__(message)
        if rule is not None:
            self.rule = rule


class AttributeDenied(SecurityError, AttributeError):
    """An attribute read, write or delete that the policy does not allow."""

    rule = "PC201"


class ImportDenied(SecurityError, ImportError):
    """An import of a module, or a name from a module, that the policy does not grant."""

    rule = "PC204"


class OperationDenied(SecurityError, TypeError):
    """A call the policy refuses, such as a forbidden class base or `vars()` without arguments."""

    rule = "PC205"


class AccessDenied(SecurityError, PermissionError):
    """A resource (file, stream) the policy does not grant."""

    rule = "PC206"


class CellExit(Exception):
    """The cell raised SystemExit, KeyboardInterrupt or GeneratorExit.

    Those are `BaseException`s that a host's `except Exception` would miss; they reach the
    host as this ordinary exception. `.kind` names the original class, `.code` is the
    SystemExit code (None otherwise), and `__cause__` is the original exception.
    """

    def __init__(self, kind: str, code: object = None) -> None:
        super().__init__(f"cell raised {kind}" + ("" if code is None else f"({code!r})"))
        self.kind = kind
        self.code = code


class CellError(Exception):
    """An exception from the cell that could not be handed to the host as it was (its class
    is the cell's own, or it carries cell objects). `.kind` is the original class name; the
    message and the traceback are kept."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(f"{kind}: {message}" if message else kind)
        self.kind = kind
        self.message = message


class LimitExceeded(BaseException):
    """A budget ran out. A `BaseException`, so untrusted `except Exception` cannot catch it,
    and handlers in cell code are rewritten so that no other handler can either."""

    limit: str = "budget"

    def __init__(self, message: str = "") -> None:
        super().__init__(message or f"the cell's {self.limit} limit was exceeded")


class StepLimitExceeded(LimitExceeded):
    """More loop iterations and calls than the `steps` limit."""

    limit = "steps"


class TimeLimitExceeded(LimitExceeded):
    """The run took longer than the `time` limit (seconds of wall time)."""

    limit = "time"


class MemoryLimitExceeded(LimitExceeded):
    """An operation would allocate, or the process grew, past the `memory` limit (bytes)."""

    limit = "memory"


class OutputLimitExceeded(LimitExceeded):
    """More printed text than the `output` limit (characters)."""

    limit = "output"


class RecursionLimitExceeded(LimitExceeded):
    """Calls nested deeper than the `recursion` limit."""

    limit = "recursion"


class WorkerCrashed(Exception):
    """An isolated worker process died (signal, crash) before it answered."""


class BastionError(RuntimeError):
    """A supervisor method behind a `Bastion` raised an exception that the cell may not see as
    it was (a class that is not builtin, or one that could not be rebuilt from plain data).
    `.kind` names the original class; the message keeps only plain data."""

    def __init__(self, kind: str, message: str = "") -> None:
        super().__init__(f"{kind}: {message}" if message else kind)
        self.kind = kind
        self.message = message
