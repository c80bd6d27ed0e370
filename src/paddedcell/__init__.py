"""paddedcell: run untrusted Python inside a trusted Python program.

A supervisor builds a `Cell` from a `Policy`; untrusted source is parsed, checked, rewritten
with guards and compiled, then runs with only what the policy grants.
"""

from .cell import Cell
from .compiler.pipeline import check, compile_restricted
from .errors import (
    AccessDenied,
    AttributeDenied,
    CellError,
    CellExit,
    ImportDenied,
    LimitExceeded,
    OperationDenied,
    PolicyError,
    RestrictedSyntaxError,
    SecurityError,
    Violation,
)
from .policy import Limits, ModuleGrant, Policy

__version__ = "0.1.0"

__all__ = [
    "AccessDenied",
    "AttributeDenied",
    "Cell",
    "CellError",
    "CellExit",
    "ImportDenied",
    "LimitExceeded",
    "Limits",
    "ModuleGrant",
    "OperationDenied",
    "Policy",
    "PolicyError",
    "RestrictedSyntaxError",
    "SecurityError",
    "Violation",
    "check",
    "compile_restricted",
]
