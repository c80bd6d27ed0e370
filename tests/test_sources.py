"""Untrusted multi-file code: modules under a policy's source roots, compiled restricted into
the importing cell, and the cell's module table (`cell.modules`, reload, unload)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import paddedcell as pc


def _tree(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    return _tree(tmp_path / "lib", {
        "helper.py": "import math\ncount = 0\n_private = 7\n"
                     "def bump():\n    global count\n    count += 1\n    return count\n"
                     "class Point:\n    def __init__(self, x):\n        self.x = x\n"
                     "__all__ = ['bump', 'Point']\n",
        "pkg/__init__.py": "X = 1\n",
        "pkg/sub.py": "import pkg\nY = pkg.X + 1\n",
        "cyc_a.py": "import cyc_b\nA = 1\ndef get():\n    return cyc_b.B\n",
        "cyc_b.py": "import cyc_a\nB = 2\n",
        "bad.py": "def f():\n    pass\nx = f.__globals__\n",
        "loops.py": "while True:\n    pass\n",
        "boom.py": "raise ValueError('at import')\n",
    })


def _cell(lib: Path, **limits: object) -> pc.Cell:
    policy = pc.Policy.preset("default").with_sources(lib)
    return pc.Cell(policy.with_limits(**limits) if limits else policy)


def test_imports_run_the_module_in_the_cell(lib: Path) -> None:
    cell = _cell(lib)
    cell.exec("import helper\nfrom helper import bump, _private\n"
              "r = (bump(), bump(), helper.count, _private, helper.Point(3).x)")
    assert cell.namespace["r"] == (1, 2, 2, 7, 3)
    assert "helper" in cell.modules and cell.modules["helper"] is cell.namespace["helper"]


def test_packages_submodules_and_cycles(lib: Path) -> None:
    cell = _cell(lib)
    cell.exec("import pkg.sub\nfrom pkg import sub\nimport cyc_a\n"
              "r = (pkg.sub.Y, sub.Y, pkg.X, cyc_a.get())")
    assert cell.namespace["r"] == (2, 2, 1, 2)


def test_star_import_follows_all(lib: Path) -> None:
    cell = _cell(lib)
    cell.exec("from helper import *")
    names = {k for k in cell.namespace if not k.startswith((".", "_"))}
    assert names == {"bump", "Point"}


def test_star_import_reads_all_once(lib: Path) -> None:
    """An `__all__` whose iteration changes between the check and the import loop must not
    smuggle a str subclass (lying startswith/hash) that reads `__builtins__` into a name."""
    (lib / "liar.py").write_text(
        "calls = []\n"
        "class S(str):\n"
        "    def isidentifier(self):\n        return True\n"
        "    def startswith(self, *a):\n        return False\n"
        "    def __hash__(self):\n"
        "        calls.append(1)\n"
        "        return hash('leak') if len(calls) > 2 else hash('__builtins__')\n"
        "    def __eq__(self, other):\n        return True\n"
        "class L(list):\n"
        "    def __init__(self):\n        self.n = 0\n"
        "    def __iter__(self):\n"
        "        self.n += 1\n"
        "        return iter(['a'] if self.n == 1 else [S('__builtins__')])\n"
        "a = 1\n"
        "__all__ = L()\n")
    cell = _cell(lib)
    try:
        cell.exec("leak = 0\nfrom liar import *")
    except (TypeError, AttributeError, pc.CellError):
        pass
    assert cell.namespace["leak"] == 0
    assert cell.namespace.get("a") in (None, 1)


def test_module_errors_show_no_host_path(lib: Path) -> None:
    (lib / "broken.py").write_text("x = (\n")
    cell = _cell(lib)
    cell.exec("try:\n    import bad\nexcept SyntaxError as e:\n    r = (str(e), e.filename)\n"
              "try:\n    import broken\nexcept SyntaxError as e:\n    r2 = (str(e), e.filename)")
    shown = repr((cell.namespace["r"], cell.namespace["r2"]))
    assert str(lib) not in shown and "bad.py" in shown and "broken.py" in shown


def test_module_code_is_checked_like_the_cell(lib: Path) -> None:
    cell = _cell(lib)
    with pytest.raises(pc.RestrictedSyntaxError) as info:
        cell.exec("import bad")
    assert info.value.violations[0].rule == "PC101"
    assert "bad" not in cell.modules  # a failed import leaves nothing behind
    with pytest.raises(ValueError, match="at import"):
        cell.exec("import boom")
    assert "boom" not in cell.modules


def test_module_code_runs_under_the_importing_run_budget(lib: Path) -> None:
    cell = _cell(lib, steps=10_000, time=2.0)
    with pytest.raises(pc.StepLimitExceeded):
        cell.exec("import loops")


def test_later_runs_tick_the_current_budget(lib: Path) -> None:
    (lib / "spin.py").write_text("def spin(n):\n    for _ in range(n):\n        pass\n")
    cell = _cell(lib, steps=5_000)
    cell.exec("import spin\nspin.spin(1000)")
    cell.exec("spin.spin(1000)")  # a fresh budget for this run, not the first run's leftovers
    with pytest.raises(pc.StepLimitExceeded):
        cell.exec("spin.spin(100_000)")


def test_the_cell_owns_its_modules_but_not_views(lib: Path) -> None:
    cell = _cell(lib)
    cell.exec("import helper, math\nhelper.count = 41\nr = helper.bump()\nhelper.bump.tag = 1")
    assert cell.namespace["r"] == 42
    for source in ("math.pi = 3", "setattr(helper, '.ticks', None)",
                   "setattr(helper, '__builtins__', {})", "helper.__dict__"):
        with pytest.raises((AttributeError, pc.RestrictedSyntaxError)):
            cell.exec(source)
    cell.exec("import math\np = math.pi")
    assert cell.namespace["p"] == 3.141592653589793


def test_nothing_outside_the_roots_is_imported(lib: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.py"
    outside.write_text("SECRET = 1\n")
    os.symlink(outside, lib / "link.py")
    os.symlink(tmp_path, lib / "up")
    cell = _cell(lib)
    for source in ("import link", "import up.outside", "import outside", "import os",
                   "from . import helper", "import helper.missing"):
        with pytest.raises((ImportError, pc.RestrictedSyntaxError)):
            cell.exec(source)


def test_granted_modules_win_over_source_files(lib: Path) -> None:
    (lib / "json.py").write_text("dumps = None\n")
    cell = _cell(lib)
    cell.exec("import json\nr = json.dumps([1])")
    assert cell.namespace["r"] == "[1]"


def test_a_source_file_is_never_compiled_unrestricted(lib: Path) -> None:
    (lib / "sneaky.py").write_text("def f():\n    return f.__globals__\n")
    cell = _cell(lib)
    with pytest.raises(pc.RestrictedSyntaxError):
        cell.exec("import sneaky")


def test_oversized_module_is_refused(lib: Path) -> None:
    (lib / "huge.py").write_text("x = 1\n" * 200_000)
    cell = pc.Cell(pc.Policy.preset("minimal").with_sources(lib))
    with pytest.raises(ImportError, match="source limit"):
        cell.exec("import huge")


def test_reload_and_unload(lib: Path) -> None:
    cell = _cell(lib)
    cell.exec("import helper\nhelper.bump()\nimport math")
    module = cell.modules["helper"]
    (lib / "helper.py").write_text("count = 100\ndef bump():\n    return -1\n")
    assert cell.modules.reload("helper") is module  # in place, like importlib.reload
    cell.exec("r = (helper.count, helper.bump())")
    assert cell.namespace["r"] == (100, -1)
    view = cell.modules["math"]
    assert cell.modules.reload(view) is view and view.pi == 3.141592653589793
    cell.modules.unload("helper")
    assert "helper" not in cell.modules
    cell.exec("import helper as again\nsame = again is helper")
    assert cell.namespace["same"] is False
    with pytest.raises(KeyError):
        cell.modules.unload("never_loaded")
    with pytest.raises(KeyError):
        cell.modules.reload(module)  # the unloaded object is not this cell's module any more


def test_a_view_change_never_reaches_other_cells(lib: Path) -> None:
    one, two = _cell(lib), _cell(lib)
    one.exec("import helper\nhelper.count = 5")
    two.exec("import helper\nr = helper.count")
    assert two.namespace["r"] == 0
    assert one.modules["helper"] is not two.modules["helper"]


def test_sources_in_toml_are_relative_to_the_file(lib: Path, tmp_path: Path) -> None:
    policy_file = tmp_path / "p.toml"
    policy_file.write_text('sources = ["lib"]\n[modules.math]\nattributes = "*"\n')
    policy = pc.Policy.load(policy_file)
    assert policy.sources == (str(lib.resolve()),)
    cell = pc.Cell(policy)
    cell.exec("import helper\nr = helper.bump()")
    assert cell.namespace["r"] == 1


def test_a_link_renamed_in_after_the_find_is_not_followed(tmp_path: Path) -> None:
    """Sources under a writable file root: a package's __init__ runs between finding its
    submodule and reading it, and renames a symlink that leads out into the package's place."""
    root, outside = tmp_path / "root", tmp_path / "outside"
    _tree(root, {"pkg/__init__.py": "import os\nos.rename('/pkg', '/old')\n"
                                    "os.rename('/out', '/pkg')\n",
                 "pkg/config.py": "SECRET = 'decoy'\n"})
    _tree(outside, {"config.py": "SECRET = 'TOPSECRET'\n"})
    os.symlink(outside, root / "out")
    policy = pc.Policy.preset("default").with_files(root, write=True).with_modules(
        pc.ModuleGrant("os", None)).with_sources(root)
    cell = pc.Cell(policy)
    with pytest.raises(ImportError):
        cell.exec("from pkg.config import SECRET")
    assert cell.namespace.get("SECRET") != "TOPSECRET"


def test_tracebacks_show_each_roots_own_lines(tmp_path: Path) -> None:
    # review i4-modules, finding 4: every root's helper.py was compiled as
    # '<sources>/helper.py', and tracebacks read lines from the process-wide linecache by that
    # name: a traceback through one tenant's helper showed another tenant's helper.py lines.
    import traceback

    root_a = _tree(tmp_path / "a", {"helper.py": "def f():\n    raise ValueError('a')\n"})
    root_b = _tree(tmp_path / "b", {"helper.py": "SECRET = 'b-only'\nprint(SECRET)\n"})
    a = pc.Cell(pc.Policy.preset("default").with_sources(root_a))
    b = pc.Cell(pc.Policy.preset("default").with_sources(root_b))
    a.exec("import helper")
    b.exec("import helper")
    with pytest.raises(ValueError) as info:
        a.exec("helper.f()")
    text = "".join(traceback.format_exception(info.value))
    assert "raise ValueError('a')" in text
    assert "SECRET" not in text and str(tmp_path) not in text
