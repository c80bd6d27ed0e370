"""The rule catalogue and the one decision about names and attributes.

Every rule is a declared `Rule` with a stable id. `classify_attribute` is the *only* place that
decides what an attribute name may do; the static checker, the rewriter and the runtime guards
(`getattr`, `setattr`, format strings, ...) all call it, so the paths can never disagree.
"""

from __future__ import annotations

import _string  # type: ignore[import-not-found]  # CPython's format parser; no stubs
import enum
import unicodedata
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Rule:
    """A rule: stable id, kebab-case name, one-line message template and an explanation."""

    id: str
    name: str
    message: str
    what: str
    why: str
    example: str
    instead: str
    references: tuple[str, ...] = ()
    stage: str = "check"  # "parse", "check" or "runtime"

    def explain(self) -> str:
        refs = "\n".join(f"- {r}" for r in self.references) or "- none"
        return (
            f"{self.id} {self.name} ({self.stage})\n\n"
            f"## What it does\n{self.what}\n\n## Why it matters\n{self.why}\n\n"
            f"## Example\n```python\n{self.example}\n```\n\n## Use instead\n{self.instead}\n\n"
            f"## References\n{refs}\n"
        )


RULES: tuple[Rule, ...] = (
    Rule(
        "PC001", "syntax-error", "invalid syntax: {detail}",
        "Reports source that CPython's parser rejects, or that fails to compile.",
        "Nothing runs unless the whole source parses; the parser's own error is kept.",
        "x = = 1", "Fix the syntax.", stage="parse",
    ),
    Rule(
        "PC002", "source-too-large", "source is {size} bytes; the policy allows {limit}",
        "Rejects source longer than the policy's `source_bytes` limit before parsing it.",
        "Parsing and compiling cost grows with size; hostile input must not stall the host.",
        "'x' * 10**8  # as source text", "Split the program or raise the limit in the policy.",
        stage="parse",
    ),
    Rule(
        "PC003", "nesting-too-deep", "nesting depth exceeds {limit}",
        "Rejects syntax trees nested deeper than the policy's `depth` limit, and sources so "
        "nested that the parser itself gives up.",
        "Deep trees crash recursive visitors and compilers (RecursionError, C stack "
        "overflow); checking depth first keeps every later stage safe.",
        "r = " + "lambda: " * 3 + "1  # with thousands of lambdas",
        "Flatten the expression.", ("asteval #100", "Monty #112"), stage="parse",
    ),
    Rule(
        "PC004", "too-many-nodes", "source has more than {limit} syntax nodes",
        "Rejects sources whose syntax tree has more nodes than the policy's `nodes` limit.",
        "Bounds the time spent checking, rewriting and compiling.",
        "x = [1, 1, 1, ...]  # a million elements", "Pass data as inputs, not as source.",
        stage="parse",
    ),
    Rule(
        "PC005", "invalid-source", "source cannot be parsed: {detail}",
        "Rejects source text with NUL bytes or characters that cannot be encoded.",
        "Such text confuses tools that read the source and is never legitimate code.",
        "'x = 1\\0'", "Pass clean text.", stage="parse",
    ),
    Rule(
        "PC100", "unreviewed-syntax", "{kind} is not allowed{detail}",
        "Rejects any syntax node type, or node field, that is not in the reviewed table for "
        "this Python version.",
        "New Python versions add syntax (t-strings, lazy imports, type parameters); syntax "
        "nobody reviewed is denied until it is, so it cannot open a hole silently.",
        "t'{x}'  # on Python 3.14", "Use reviewed syntax, or review the node and extend the table.",
    ),
    Rule(
        "PC101", "dunder-attribute", "access to attribute '{name}' is not allowed",
        "Rejects reads, writes and deletes of double-underscore attributes, except reads of "
        "`__name__`, `__qualname__`, `__doc__`, `__module__`, the guarded `__class__` and "
        "`__init__`, and the safe special methods such as `__repr__`.",
        "Dunder attributes lead to the interpreter: `__class__.__mro__`, `__subclasses__()`, "
        "`__globals__`, `__builtins__`, `__code__`, `__traceback__`.",
        "().__class__.__base__.__subclasses__()",
        "Use the public API of the object; `type(x)` and `isinstance` work.",
        ("CVE-2023-41039", "landscape C1"),
    ),
    Rule(
        "PC102", "dunder-name", "the name '{name}' is not allowed",
        "Rejects reading, binding or deleting double-underscore names such as `__builtins__` "
        "or `__import__`, dunder keyword arguments and dunder import names. Reading "
        "`__name__` is allowed, modules may bind and read `__all__` and the metadata strings "
        "(`__author__`, `__version__`, `__license__`, ...), and a class body may assign "
        "`__hash__`, `__slots__`, `__match_args__` or alias a safe special method.",
        "Dunder names reach interpreter machinery (`__builtins__`, `__import__`, `__loader__`).",
        "__builtins__['eval']('1')", "Use ordinary names.", ("pysandbox changelog",),
    ),
    Rule(
        "PC103", "interpreter-internals", "access to interpreter internal '{name}' is not allowed",
        "Rejects attributes of frames, code objects, tracebacks, generators, coroutines and "
        "async generators (`gi_frame`, `f_back`, `f_globals`, `tb_frame`, `co_code`, ...).",
        "A frame leads to the supervisor's globals and the real builtins.",
        "g = (x for x in [1]); g.gi_frame.f_back.f_globals",
        "Nothing: cell code has no business with frames.",
        ("CVE-2023-37271 (GHSA-wqc8-x2pr-7jqh)",),
    ),
    Rule(
        "PC104", "dunder-method-definition", "defining '{name}' is not allowed",
        "Rejects functions named with double underscores unless they are methods on the safe "
        "list (`__init__`, `__repr__`, comparisons, arithmetic, container protocol, ...).",
        "Hooks such as `__del__`, `__init_subclass__`, `__set_name__`, `__reduce__`, "
        "`__getattribute__` or `__class_getitem__` run at times the supervisor does not "
        "expect, or give the object a way to rewrite attribute access.",
        "class A:\n    def __del__(self): ...", "Use an explicit method the host calls.",
    ),
    Rule(
        "PC105", "class-keyword", "class keyword '{name}' is not allowed",
        "Rejects `metaclass=` and every other keyword in a class statement.",
        "A metaclass controls class creation, attribute lookup on the class and `__prepare__`.",
        "class A(metaclass=M): pass", "Use plain classes and decorators.",
    ),
    Rule(
        "PC106", "except-star", "'except*' is not allowed",
        "Rejects `try`/`except*`.",
        "CPython before 3.13.2 trusts the result of a user-defined `split()` on exception "
        "groups in `except*`: a memory-corruption bug that crashes the interpreter.",
        "try:\n    ...\nexcept* ValueError:\n    pass", "Use plain `except`.",
        ("CVE-2025-22153 (GHSA-gmj9-h825-chq2)", "python/cpython#128049"),
    ),
    Rule(
        "PC107", "async-construct", "{name} is not allowed",
        "Rejects `async def`, `await`, `async for`, `async with` and async comprehensions.",
        "Coroutines and async generators carry frames (`cr_frame`, `ag_frame`) and need an "
        "event loop the cell does not control.",
        "async def f(): await g()", "Use ordinary functions and generators.",
        ("RestrictedPython W7",),
    ),
    Rule(
        "PC108", "relative-import", "relative imports are not supported",
        "Rejects `from . import x`.", "A cell is not a package; there is nothing to be relative to.",
        "from . import helpers", "Import granted modules by their absolute names.",
    ),
    Rule(
        "PC109", "guarded-pattern-attribute", "pattern attribute '{name}' is not allowed",
        "Rejects class patterns that name an attribute which needs a runtime check "
        "(`case E(obj=x)`, `case C(_private=x)`).",
        "Pattern matching reads attributes natively, so no guard could run.",
        "match e:\n    case AttributeError(obj=o): ...", "Read the attribute in the case body.",
        ("CVE-2024-47532",),
    ),
    Rule(
        "PC110", "guarded-augmented-attribute", "augmented assignment to '{name}' is not allowed",
        "Rejects `x.format += y` and similar, where the attribute needs a runtime read guard.",
        "The implicit read in an augmented assignment happens natively and its value reaches "
        "the other operand's reflected method.",
        "s.format += Grabber()", "Read, compute and assign in separate steps.",
        ("smolagents CVE-2026-4963",),
    ),
    Rule(
        "PC111", "type-parameters", "{name} is not supported",
        "Rejects PEP 695 type parameters and `type` alias statements.",
        "Their runtime objects (TypeVar, TypeAliasType) evaluate lazily in hidden scopes that "
        "nobody has reviewed yet.",
        "def f[T](x: T) -> T: ...", "Use plain annotations.",
    ),
    Rule(
        "PC112", "future-import", "'from __future__ import {name}' is not supported",
        "Allows only `from __future__ import annotations`.",
        "Other features change how source compiles; none is needed on Python 3.11+.",
        "from __future__ import barry_as_FLUFL", "Drop the import.",
    ),
    Rule(
        "PC201", "attribute-denied", "access to attribute {name!r} is not allowed",
        "At run time, refuses attribute names given as strings (getattr, format fields, ...) "
        "by the same rules as PC101/PC103, names that are not plain `str`, and "
        "`AttributeError.obj`.",
        "Computed names bypass any static check; `str` subclasses can lie about their value; "
        "exception attributes can carry protected objects out.",
        "getattr(x, '__cl' + 'ass__').__base__",
        "Use the public API.", ("CVE-2024-47532", "RestrictedPython PR #282"), "runtime",
    ),
    Rule(
        "PC202", "private-attribute-denied",
        "attribute {name!r} of a {type} object is private to its owner",
        "Allows `_private` attributes only on objects of classes the cell defined (and those "
        "classes, and the cell's own functions).",
        "Private attributes of library and supervisor objects hold internals such as real "
        "modules (`random._os`).",
        "import random\nrandom._os", "Use public attributes.", ("agent-sandboxes E7",), "runtime",
    ),
    Rule(
        "PC203", "write-denied", "cannot {verb} attribute {name!r} of a {type} object",
        "Allows attribute writes and deletes only on objects the cell owns: instances of its "
        "classes, those classes, and its functions.",
        "Writes to library or supervisor objects change the host (`math.pi = 4`).",
        "import math\nmath.pi = 4", "Copy the value into your own object.",
        ("CVE-2026-55830",), "runtime",
    ),
    Rule(
        "PC204", "import-denied", "import of {name!r} is not allowed",
        "Imports yield read-only views of modules the policy grants, with only granted names.",
        "Modules such as os, sys, subprocess or ctypes reach the whole machine.",
        "import os", "Ask the supervisor to grant what you need.", (), "runtime",
    ),
    Rule(
        "PC205", "operation-denied", "{detail}",
        "Refuses calls that would create metaclasses, subclass interpreter exceptions, build "
        "classes with forbidden attributes, or read a whole namespace (`vars()`, `dir()` "
        "without arguments).",
        "Each of these would bypass the static rules.",
        "type(type(1))('X', (), {'__del__': f})", "Use class statements.", (), "runtime",
    ),
    Rule(
        "PC206", "access-denied", "{detail}",
        "Refuses resources the policy does not grant: files outside the cell's roots, writes "
        "to read-only roots, streams the supervisor did not provide.",
        "Files and streams are how code reaches the machine.",
        "open('/etc/passwd')", "Ask the supervisor to grant a folder.", (), "runtime",
    ),
)

RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}


def rule(rule_id: str) -> Rule:
    """The rule with this id; a `KeyError` if none, so a typo fails loudly."""
    return RULES_BY_ID[rule_id]


# ---------------------------------------------------------------------------------------------
# Names and attributes

#: Special methods a cell class may define and any code may read: they do what native syntax
#: (operators, `len`, iteration, `with`, calls) would do anyway.
SAFE_SPECIAL_METHODS: frozenset[str] = frozenset(
    """
    __init__ __repr__ __str__ __format__ __hash__ __bool__ __len__ __length_hint__
    __eq__ __ne__ __lt__ __le__ __gt__ __ge__
    __add__ __sub__ __mul__ __matmul__ __truediv__ __floordiv__ __mod__ __divmod__ __pow__
    __lshift__ __rshift__ __and__ __xor__ __or__
    __radd__ __rsub__ __rmul__ __rmatmul__ __rtruediv__ __rfloordiv__ __rmod__ __rdivmod__
    __rpow__ __rlshift__ __rrshift__ __rand__ __rxor__ __ror__
    __iadd__ __isub__ __imul__ __imatmul__ __itruediv__ __ifloordiv__ __imod__ __ipow__
    __ilshift__ __irshift__ __iand__ __ixor__ __ior__
    __neg__ __pos__ __abs__ __invert__
    __int__ __float__ __complex__ __index__ __round__ __trunc__ __floor__ __ceil__
    __getitem__ __setitem__ __delitem__ __contains__ __iter__ __next__ __reversed__ __missing__
    __enter__ __exit__ __call__ __bytes__ __post_init__
    """.split()
)

#: Dunder attributes whose value is a plain string: native reads are harmless.
PLAIN_DUNDER_READS: frozenset[str] = frozenset({"__name__", "__qualname__", "__doc__", "__module__"})

#: Dunder names a class body may bind besides the safe special methods.
CLASS_BODY_DUNDERS: frozenset[str] = frozenset({"__hash__", "__slots__", "__match_args__", "__doc__"})

#: Attributes of frames, code objects, tracebacks, generators, coroutines, async generators,
#: and their Python 2 spellings. Public names, so the dunder rule alone would miss them.
INTERNAL_ATTRIBUTES: frozenset[str] = frozenset(
    """
    gi_frame gi_code gi_yieldfrom gi_running gi_suspended
    cr_frame cr_code cr_await cr_origin cr_running cr_suspended
    ag_frame ag_code ag_await ag_running ag_suspended
    f_back f_builtins f_code f_globals f_locals f_lasti f_lineno f_trace f_trace_lines
    f_trace_opcodes f_generator f_restricted f_exc_type f_exc_value f_exc_traceback
    tb_frame tb_next tb_lasti tb_lineno
    co_code co_consts co_names co_varnames co_cellvars co_freevars co_filename co_name
    co_qualname co_firstlineno co_lnotab co_linetable co_exceptiontable co_flags co_argcount
    co_posonlyargcount co_kwonlyargcount co_nlocals co_stacksize co_positions co_lines
    co_branches
    func_globals func_code func_closure func_defaults func_dict im_func im_self im_class
    cell_contents
    """.split()
)
# Code objects also have `replace`, but it is also a str/bytes/date method, and code objects
# are reachable only through `__code__`, which PC101 already denies.


class Access(enum.Enum):
    """What the runtime must do when an attribute with this name is read."""

    ALLOW = "allow"  # native read, no guard
    DUNDER = "dunder"  # denied: PC101
    INTERNAL = "internal"  # denied: PC103
    INVALID = "invalid"  # denied: not an identifier, or changed by NFKC normalisation
    PRIVATE = "private"  # `_x`: only on objects the cell owns
    INIT = "init"  # `__init__`: re-initialising objects the cell does not own is a write
    CLASS = "class"  # `__class__`: metaclasses are replaced by the cell's own `type`
    FORMAT = "format"  # `format`/`format_map`: str methods are wrapped to check field names
    EXC_OBJ = "exc-obj"  # `obj`: denied on exceptions (AttributeError.obj leaks objects)
    ABC_REGISTER = "abc-register"  # `register`: denied on library ABCs (host-global state)
    MRO = "mro"  # `mro`: denied on classes (it lists the real bases behind per-cell copies)

    @property
    def denied(self) -> bool:
        return self in _DENIED

    @property
    def guarded(self) -> bool:
        return self not in _DENIED and self is not Access.ALLOW


_DENIED = frozenset({Access.DUNDER, Access.INTERNAL, Access.INVALID})

_SPECIAL_PUBLIC = {
    "format": Access.FORMAT,
    "format_map": Access.FORMAT,
    "obj": Access.EXC_OBJ,
    "register": Access.ABC_REGISTER,
    "mro": Access.MRO,
}


#: Special methods a cell may define but not read: called directly they would build huge
#: results without the operators' memory charges (`'x'.__mul__(10**10)`).
_SIZE_DUNDERS = frozenset(
    f"__{p}{op}__" for op in ("add", "mul", "pow", "lshift", "mod") for p in ("", "r", "i")
)


def is_dunder(name: str) -> bool:
    return len(name) > 4 and name.startswith("__") and name.endswith("__")


@lru_cache(maxsize=4096)
def classify_attribute(name: str) -> Access:
    """Decide what reading attribute `name` needs. Callers must pass an exact `str`."""
    if not name.isidentifier() or unicodedata.normalize("NFKC", name) != name:
        return Access.INVALID
    if is_dunder(name):
        if name in PLAIN_DUNDER_READS:
            return Access.ALLOW
        if name == "__class__":
            return Access.CLASS
        if name == "__init__":
            return Access.INIT
        if name in SAFE_SPECIAL_METHODS and name not in _SIZE_DUNDERS:
            return Access.ALLOW
        return Access.DUNDER
    if name in INTERNAL_ATTRIBUTES:
        return Access.INTERNAL
    if name.startswith("_"):
        return Access.PRIVATE
    return _SPECIAL_PUBLIC.get(name, Access.ALLOW)


@lru_cache(maxsize=2048)
def format_string_is_plain(fmt: str) -> bool:
    """True when every `.attr` step of every field in a `str.format` string (nested format
    specs included) is an `Access.ALLOW` name, so the real `str.format` can run unguarded.
    Malformed strings count as not plain: the guarded formatter reports their error."""
    try:
        for _literal, field, spec, _conv in _string.formatter_parser(fmt):
            if field is not None:
                _first, rest = _string.formatter_field_name_split(field)
                for is_attr, key in rest:
                    if is_attr and classify_attribute(key) is not Access.ALLOW:
                        return False
            if spec and (not format_string_is_plain(spec) or wide_format_spec(spec)):
                return False
    except ValueError:
        return False
    return True


def wide_format_spec(spec: str) -> bool:
    """True when a number in `spec` (a width, say) is above WIDE_FORMAT."""
    digits = "".join(ch if ch.isdigit() else " " for ch in spec).split()
    return any(len(d) > 4 and int(d) > WIDE_FORMAT for d in digits)


def write_allowed_name(name: str) -> Access:
    """Names that may be written or deleted (on owned objects): not dunder, not internal.

    Returns the denying `Access` for a forbidden name, or `Access.ALLOW`.
    """
    access = classify_attribute(name)
    if access.denied:
        return access
    if is_dunder(name):
        return Access.DUNDER
    return Access.ALLOW


def denial_rule(access: Access) -> str:
    """The static rule id for a denied `Access`."""
    return "PC103" if access is Access.INTERNAL else "PC101"


#: Builtins whose calls may materialise a lot; metered code routes their calls through `.call`.
SIZED_CALL_NAMES = frozenset({"list", "tuple", "set", "frozenset", "sorted", "bytes", "bytearray"})
#: str/bytes (and int.to_bytes) methods whose result size depends on their arguments
#: (metered through `.sized`).
SIZED_METHODS = frozenset({"zfill", "ljust", "rjust", "center", "expandtabs", "replace", "join",
                           "extend", "update", "translate", "to_bytes"})
#: Format-spec widths above this are charged against the memory budget.
WIDE_FORMAT = 10_000


def render_markdown() -> str:
    """`docs/rules.md`: generated from `RULES` (a test keeps the file in step)."""
    parts = ["# paddedcell rules\n", "Generated by `paddedcell rules --format markdown`; "
             "do not edit by hand.\n", "| id | name | stage |", "|---|---|---|"]
    parts += [f"| {r.id} | {r.name} | {r.stage} |" for r in RULES]
    for r in RULES:
        parts.append("\n" + r.explain().replace(f"{r.id} {r.name} ({r.stage})", f"## {r.id} {r.name}", 1)
                     .replace("\n## ", "\n### "))
    return "\n".join(parts).rstrip() + "\n"
