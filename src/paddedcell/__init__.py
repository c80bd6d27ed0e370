"""paddedcell: run untrusted Python inside a trusted Python program.

A supervisor builds a `Cell` from a `Policy`; untrusted source is parsed, checked, rewritten
with guards and compiled, then runs with only what the policy grants.
"""

from .cell import Cell
from .compiler.pipeline import check, compile_restricted
from .errors import (
    AccessDenied,
    AttributeDenied,
    BastionError,
    CellError,
    CellExit,
    ImportDenied,
    LimitExceeded,
    MemoryLimitExceeded,
    OperationDenied,
    OutputLimitExceeded,
    PolicyError,
    RecursionLimitExceeded,
    RestrictedSyntaxError,
    SecurityError,
    StepLimitExceeded,
    TimeLimitExceeded,
    Violation,
    WorkerCrashed,
)
from .isolate import IsolatedError, IsolatedResult, WorkerPool, run_isolated
from .policy import FileRoot, Limits, ModuleGrant, Policy
from .runtime.bastion import Bastion, expose

__version__ = "0.1.0"

__all__ = [
    "AccessDenied",
    "AttributeDenied",
    "Bastion",
    "BastionError",
    "Cell",
    "CellError",
    "CellExit",
    "FileRoot",
    "ImportDenied",
    "IsolatedError",
    "IsolatedResult",
    "LimitExceeded",
    "Limits",
    "MemoryLimitExceeded",
    "ModuleGrant",
    "OperationDenied",
    "OutputLimitExceeded",
    "Policy",
    "PolicyError",
    "RecursionLimitExceeded",
    "RestrictedSyntaxError",
    "SecurityError",
    "StepLimitExceeded",
    "TimeLimitExceeded",
    "Violation",
    "WorkerCrashed",
    "WorkerPool",
    "check",
    "compile_restricted",
    "expose",
    "run_isolated",
]
