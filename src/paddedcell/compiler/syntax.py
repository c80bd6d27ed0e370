"""The reviewed syntax table: node types the checker lets through, with their fields.

One table per supported Python version. The checker rejects any node whose type is missing or
whose fields differ from the table (rule PC100), so syntax a new Python adds, or a new field on
an old node, is denied until someone reviews it here. `tests/test_syntax_table.py` compares this
table with each interpreter's `ast` module.
"""

from __future__ import annotations

import sys

#: Reviewed on CPython 3.11. Each entry: node type name -> field names, in `ast` order.
_BASE: dict[str, tuple[str, ...]] = {
    # roots
    "Module": ("body", "type_ignores"),
    "Interactive": ("body",),
    "Expression": ("body",),
    # statements
    "FunctionDef": ("name", "args", "body", "decorator_list", "returns", "type_comment"),
    "ClassDef": ("name", "bases", "keywords", "body", "decorator_list"),
    "Return": ("value",),
    "Delete": ("targets",),
    "Assign": ("targets", "value", "type_comment"),
    "AugAssign": ("target", "op", "value"),
    "AnnAssign": ("target", "annotation", "value", "simple"),
    "For": ("target", "iter", "body", "orelse", "type_comment"),
    "While": ("test", "body", "orelse"),
    "If": ("test", "body", "orelse"),
    "With": ("items", "body", "type_comment"),
    "Match": ("subject", "cases"),
    "Raise": ("exc", "cause"),
    "Try": ("body", "handlers", "orelse", "finalbody"),
    "Assert": ("test", "msg"),
    "Import": ("names",),
    "ImportFrom": ("module", "names", "level"),
    "Global": ("names",),
    "Nonlocal": ("names",),
    "Expr": ("value",),
    "Pass": (),
    "Break": (),
    "Continue": (),
    # expressions
    "BoolOp": ("op", "values"),
    "NamedExpr": ("target", "value"),
    "BinOp": ("left", "op", "right"),
    "UnaryOp": ("op", "operand"),
    "Lambda": ("args", "body"),
    "IfExp": ("test", "body", "orelse"),
    "Dict": ("keys", "values"),
    "Set": ("elts",),
    "ListComp": ("elt", "generators"),
    "SetComp": ("elt", "generators"),
    "DictComp": ("key", "value", "generators"),
    "GeneratorExp": ("elt", "generators"),
    "Yield": ("value",),
    "YieldFrom": ("value",),
    "Compare": ("left", "ops", "comparators"),
    "Call": ("func", "args", "keywords"),
    "FormattedValue": ("value", "conversion", "format_spec"),
    "JoinedStr": ("values",),
    "Constant": ("value", "kind"),
    "Attribute": ("value", "attr", "ctx"),
    "Subscript": ("value", "slice", "ctx"),
    "Starred": ("value", "ctx"),
    "Name": ("id", "ctx"),
    "List": ("elts", "ctx"),
    "Tuple": ("elts", "ctx"),
    "Slice": ("lower", "upper", "step"),
    # contexts and operators (no fields)
    **{
        n: ()
        for n in (
            "Load Store Del And Or Add Sub Mult MatMult Div Mod Pow LShift RShift BitOr BitXor "
            "BitAnd FloorDiv Invert Not UAdd USub Eq NotEq Lt LtE Gt GtE Is IsNot In NotIn"
        ).split()
    },
    # helpers
    "comprehension": ("target", "iter", "ifs", "is_async"),
    "ExceptHandler": ("type", "name", "body"),
    "arguments": ("posonlyargs", "args", "vararg", "kwonlyargs", "kw_defaults", "kwarg", "defaults"),
    "arg": ("arg", "annotation", "type_comment"),
    "keyword": ("arg", "value"),
    "alias": ("name", "asname"),
    "withitem": ("context_expr", "optional_vars"),
    "match_case": ("pattern", "guard", "body"),
    # patterns
    "MatchValue": ("value",),
    "MatchSingleton": ("value",),
    "MatchSequence": ("patterns",),
    "MatchMapping": ("keys", "patterns", "rest"),
    "MatchClass": ("cls", "patterns", "kwd_attrs", "kwd_patterns"),
    "MatchStar": ("name",),
    "MatchAs": ("pattern", "name"),
    "MatchOr": ("patterns",),
}

# 3.12 adds PEP 695 `type_params` to functions and classes; the checker allows the field only
# when it is empty (PC111 otherwise).
_312 = dict(_BASE)
_312["FunctionDef"] = _BASE["FunctionDef"] + ("type_params",)
_312["ClassDef"] = _BASE["ClassDef"] + ("type_params",)

# 3.13 changed no field of a reviewed node.
_313 = dict(_312)

REVIEWED: dict[tuple[int, int], dict[str, tuple[str, ...]]] = {
    (3, 11): _BASE,
    (3, 12): _312,
    (3, 13): _313,
}

#: Node types denied by a specific rule rather than PC100, with the message's name for them.
DENIED_BY_RULE: dict[str, tuple[str, str]] = {
    "AsyncFunctionDef": ("PC107", "'async def'"),
    "AsyncFor": ("PC107", "'async for'"),
    "AsyncWith": ("PC107", "'async with'"),
    "Await": ("PC107", "'await'"),
    "TryStar": ("PC106", "except*"),
    "TypeAlias": ("PC111", "the 'type' statement"),
    "TypeVar": ("PC111", "a type parameter"),
    "ParamSpec": ("PC111", "a type parameter"),
    "TypeVarTuple": ("PC111", "a type parameter"),
}


def reviewed_table(version: tuple[int, int] | None = None) -> dict[str, tuple[str, ...]]:
    """The table for `version` (default: this interpreter); the newest one for newer Pythons.

    A newer Python still gets a table, but its field comparison rejects every node whose
    fields changed, so unreviewed syntax stays denied.
    """
    v = version or (sys.version_info.major, sys.version_info.minor)
    if v in REVIEWED:
        return REVIEWED[v]
    return REVIEWED[max(REVIEWED)]
