"""Layer order: parse <- check <- rewrite <- compile <- run, and no runtime dependencies."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "src" / "paddedcell"

#: Which package modules each layer may import (relative to paddedcell).
ALLOWED = {
    "errors": set(),
    "rules": set(),
    "policy": {"errors"},
    "compiler": {"errors", "policy", "rules", "compiler"},
    "runtime": {"errors", "policy", "rules", "runtime"},
    "cell": {"errors", "policy", "rules", "compiler", "runtime"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = path.parent.relative_to(PKG).parts[: max(0, len(path.parent.relative_to(PKG).parts) - (node.level - 1))]
                mod = ".".join([*base, *(node.module or "").split(".")]).strip(".")
                found.add(mod.split(".")[0] if mod else "")
            else:
                found.add(node.module or "")
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def _layer(path: Path) -> str:
    rel = path.relative_to(PKG)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def test_layers_import_only_lower_layers() -> None:
    for path in PKG.rglob("*.py"):
        layer = _layer(path)
        if layer not in ALLOWED:
            continue
        for mod in _imports(path):
            if mod in ALLOWED and mod not in ALLOWED[layer] and mod != layer:
                raise AssertionError(f"{path.relative_to(PKG)} ({layer}) imports {mod}")


def test_compile_stages_do_not_import_later_stages() -> None:
    order = ["parse", "check", "rewrite", "pipeline"]
    for i, stage in enumerate(order):
        text = (PKG / "compiler" / f"{stage}.py").read_text()
        for later in order[i + 1:]:
            assert f"from .{later} import" not in text, f"{stage} imports {later}"


def test_no_runtime_dependencies_beyond_the_standard_library() -> None:
    stdlib = set(sys.stdlib_module_names)
    for path in PKG.rglob("*.py"):
        for mod in _imports(path):
            top = mod.split(".")[0]
            assert top in stdlib or top in ALLOWED or top in {"", "paddedcell", "__future__"} \
                or (PKG / top).exists() or (PKG / f"{top}.py").exists(), f"{path}: {mod}"
