"""The reviewed syntax table matches this interpreter's `ast`, and nothing is left unreviewed."""

from __future__ import annotations

import ast
import sys

from paddedcell.compiler.syntax import DENIED_BY_RULE, REVIEWED, reviewed_table

#: Node classes `ast.parse` never produces (deprecated aliases, type comments, func_type mode).
NEVER_PRODUCED = {
    "Suite", "Param", "AugLoad", "AugStore", "Index", "ExtSlice", "Ellipsis", "Num", "Str",
    "Bytes", "NameConstant", "FunctionType", "TypeIgnore", "_ast_Ellipsis",
}
ABSTRACT = {"mod", "stmt", "expr", "expr_context", "boolop", "operator", "unaryop", "cmpop",
            "excepthandler", "pattern", "type_ignore", "type_param", "slice", "AST"}


def _node_classes() -> dict[str, type]:
    found = {}
    for name in dir(ast):
        obj = getattr(ast, name)
        if isinstance(obj, type) and issubclass(obj, ast.AST) and name not in ABSTRACT:
            found[name] = obj
    return found


def test_this_version_has_a_reviewed_table() -> None:
    assert sys.version_info[:2] in REVIEWED


def test_reviewed_fields_match_ast() -> None:
    table = reviewed_table()
    classes = _node_classes()
    for name, fields in table.items():
        assert name in classes, f"{name} reviewed but missing from ast"
        assert classes[name]._fields == fields, f"{name}: {classes[name]._fields} != {fields}"


def test_every_node_class_is_reviewed_or_denied() -> None:
    table = reviewed_table()
    unreviewed = set(_node_classes()) - set(table) - set(DENIED_BY_RULE) - NEVER_PRODUCED
    assert not unreviewed, f"new ast node types need review: {sorted(unreviewed)}"


def test_an_unreviewed_field_is_rejected() -> None:
    # Simulate a new Python adding a field to a reviewed node, like 3.15's `lazy` on Import.
    import paddedcell as pc
    from paddedcell.compiler.check import check_tree

    tree = ast.parse("import json")

    class LazyImport(ast.Import):
        _fields = ("names", "is_lazy")

    node = tree.body[0]
    lazy = LazyImport(names=node.names, is_lazy=1)
    ast.copy_location(lazy, node)
    # The class name differs from the reviewed one, so it is unknown as a type too.
    tree.body[0] = lazy
    checked = check_tree(tree, pc.Policy().limits)
    assert [v.rule for v in checked.violations] == ["PC100"]

    class Import(ast.Import):  # same name, extra field
        _fields = ("names", "is_lazy")

    same = Import(names=node.names, is_lazy=1)
    ast.copy_location(same, node)
    tree.body[0] = same
    checked = check_tree(tree, pc.Policy().limits)
    assert [v.rule for v in checked.violations] == ["PC100"]
    assert "is_lazy" in checked.violations[0].message
