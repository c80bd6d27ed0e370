"""Imports give per-cell read-only views of granted modules, and nothing more."""

from __future__ import annotations

import random

import pytest

import paddedcell as pc
from paddedcell.policy import ModuleGrant, preset_names


def test_granted_imports_work_in_every_form() -> None:
    cell = pc.Cell()
    cell.exec("import math\nimport collections.abc\nimport collections.abc as cabc\n"
              "from json import dumps, loads as ld\nfrom itertools import *\n"
              "r = (math.floor(2.5), collections.abc.Sized is cabc.Sized, ld(dumps([1])),\n"
              "     list(islice(count(), 3)))")
    assert cell.namespace["r"] == (2, True, [1], [0, 1, 2])


@pytest.mark.parametrize("source", [
    "import os", "from sys import modules", "from sys import settrace", "import subprocess", "from os import system", "import ctypes",
    "import importlib", "import builtins", "import string.Formatter",
    "from operator import attrgetter", "from operator import methodcaller",
    "from string import Formatter", "from decimal import DefaultContext",
    "from typing import get_type_hints", "from typing import ForwardRef", "from abc import ABCMeta",
    "from enum import EnumType", "from enum import global_enum", "from contextlib import redirect_stdout",
    "from io import open", "from dataclasses import make_dataclass", "from pprint import PrettyPrinter",
    "import json.decoder", "from functools import singledispatch", "from re import purge",
])
def test_denied_imports_raise_import_errors(source: str) -> None:
    with pytest.raises(ImportError) as info:
        pc.Cell().exec(source)
    assert isinstance(info.value, pc.SecurityError)


@pytest.mark.parametrize("source", [
    "import statistics\nstatistics.sys", "import fractions\nfractions.decimal",
    "import json\njson.decoder", "import random\nrandom._inst", "import math\nmath.__loader__",
    "import collections\ncollections._sys",
])
def test_modules_inside_modules_are_not_reachable(source: str) -> None:
    with pytest.raises((AttributeError, pc.RestrictedSyntaxError)):
        pc.Cell().exec(source)


def test_views_are_read_only_and_private_to_the_cell() -> None:
    a, b = pc.Cell(), pc.Cell()
    with pytest.raises(pc.AttributeDenied):
        a.exec("import math\nmath.pi = 3")
    with pytest.raises(pc.AttributeDenied):
        a.exec("import math\ndel math.pi")
    a.exec("import math")
    b.exec("import math")
    assert a.namespace["math"] is not b.namespace["math"]
    import math

    assert math.pi == 3.141592653589793
    assert a.namespace["math"] is not math


def test_random_is_per_cell() -> None:
    random.seed(12345)
    expected = random.random()
    random.seed(12345)
    a = pc.Cell()
    a.exec("import random\nrandom.seed(1)\nx = random.random()")
    assert random.random() == expected  # the host's generator was not touched
    b = pc.Cell()
    b.exec("import random\nrandom.seed(1)\nx = random.random()")
    assert a.namespace["x"] == b.namespace["x"]


def test_c_code_gets_its_internal_imports() -> None:
    cell = pc.Cell()
    cell.exec("import datetime, re\nd = datetime.datetime(2020, 5, 17, 8, 30)\n"
              "r = (d.strftime('%Y-%m-%d %H:%M'), f'{d:%A}', d.timetuple().tm_yday,\n"
              "     datetime.datetime.strptime('2021-02-03', '%Y-%m-%d').month,\n"
              "     re.sub(r'(\\w+)', r'<\\1>', 'ab cd'), re.compile('(a)').sub(r'\\1\\1', 'xa'))")
    assert cell.namespace["r"] == ("2020-05-17 08:30", "Sunday", 138, 2, "<ab> <cd>", "xaa")


def test_the_internal_importer_serves_only_c_internals() -> None:
    cell = pc.Cell()
    imp = cell.builtins["__import__"]
    for name in ("os", "locale", "calendar", "sys"):
        with pytest.raises(ImportError):
            imp(name)
    placeholder = imp("time")
    import time

    assert placeholder is not time and not hasattr(placeholder, "sleep")


def test_missing_name_in_from_import_is_clear() -> None:
    with pytest.raises(pc.ImportDenied, match="cannot import name 'nope' from 'math'"):
        pc.Cell().exec("from math import nope")


def test_star_grants_every_public_name_but_never_the_dangerous_ones() -> None:
    policy = pc.Policy(modules=(ModuleGrant("operator", None), ModuleGrant("string", None)))
    cell = pc.Cell(policy)
    cell.exec("import operator, string\nr = operator.add(1, 2), string.digits")
    assert cell.namespace["r"] == (3, "0123456789")
    with pytest.raises(AttributeError):
        cell.exec("operator.attrgetter")
    with pytest.raises(AttributeError):
        cell.exec("string.Formatter")


def test_policies_cannot_grant_dangerous_modules_or_names() -> None:
    for grant in (ModuleGrant("os", None), ModuleGrant("os.path", None),
                  ModuleGrant("subprocess", None), ModuleGrant("importlib", None)):
        with pytest.raises(pc.PolicyError):
            pc.Cell(pc.Policy(modules=(grant,)))
    with pytest.raises(pc.PolicyError, match="attrgetter"):
        pc.Cell(pc.Policy(modules=(ModuleGrant("operator", frozenset({"attrgetter"})),)))


def test_minimal_preset_has_no_modules() -> None:
    cell = pc.Cell(pc.Policy.preset("minimal"))
    with pytest.raises(pc.ImportDenied):
        cell.exec("import math")
    cell.exec("x = sum(range(10))")
    assert cell.namespace["x"] == 45


def test_future_annotations_is_allowed() -> None:
    cell = pc.Cell()
    cell.exec("from __future__ import annotations\ndef f(x: Undefined) -> int:\n    return x\nr = f(2)")
    assert cell.namespace["r"] == 2


@pytest.mark.parametrize("preset", preset_names())
def test_no_shared_mutable_state_is_reachable_from_preset_views(preset: str) -> None:
    """Public module attributes and public class attributes (through the MRO) of everything a
    default view hands out must not be mutable containers shared between cells (and so with
    the host): two cells must never reach the same one."""
    import collections

    mutable = (list, dict, set, bytearray, collections.deque)

    def reachable(cell: pc.Cell) -> dict[str, object]:
        found: dict[str, object] = {}
        for grant in cell.policy.modules:
            view = cell.modules.view(grant.name)
            for name, value in vars(view).items():
                if name.startswith("_"):
                    continue
                if isinstance(value, mutable):
                    found[f"{grant.name}.{name}"] = value
                if isinstance(value, type):
                    for cls in value.__mro__:
                        for key, attr in vars(cls).items():
                            if not key.startswith("_") and isinstance(attr, mutable):
                                found[f"{grant.name}.{name} ({cls.__qualname__}.{key})"] = attr
        return found

    policy = pc.Policy.preset(preset)
    first, second = reachable(pc.Cell(policy)), reachable(pc.Cell(policy))
    shared = [k for k, v in first.items() if any(v is w for w in second.values())]
    assert shared == []


@pytest.mark.parametrize("preset", preset_names())
def test_no_metaclass_or_module_is_reachable_from_preset_views(preset: str) -> None:
    """Calling a metaclass builds a class without the cell's checks; modules must be views."""
    import types

    cell = pc.Cell(pc.Policy.preset(preset))
    found = []
    for grant in cell.policy.modules:
        view = cell.modules.view(grant.name)
        for name, value in vars(view).items():
            if name.startswith("_"):
                continue
            if isinstance(value, type) and issubclass(value, type):
                found.append(f"{grant.name}.{name} is a metaclass")
            if isinstance(value, types.ModuleType) and cell.modules.views.get(value.__name__) is not value:
                found.append(f"{grant.name}.{name} is a real module")
    assert found == []


def test_text_wrapper_state_is_per_cell() -> None:
    import textwrap

    before = dict(textwrap.TextWrapper.unicode_whitespace_trans)
    cell = pc.Cell()
    cell.exec("import textwrap\ntextwrap.TextWrapper.unicode_whitespace_trans[ord('a')] = ord('b')\n"
              "w = textwrap.TextWrapper(width=10)\nr = w.wrap('aaa aaa aaa')")
    assert textwrap.TextWrapper.unicode_whitespace_trans == before
    assert pc.Cell().eval("1") == 1
    with pytest.raises(pc.AttributeDenied):
        cell.exec("textwrap.TextWrapper.width = 5")


@pytest.mark.parametrize("names", ["[('__del__', 1)]", "{'__reduce_ex__': 1}", "'_x y'",
                                   "(n for n in ['__init_subclass__'])", "[('_sunder_', 2)]"])
def test_enum_functional_api_refuses_hook_names(names: str) -> None:
    cell = pc.Cell()
    with pytest.raises(pc.OperationDenied):
        cell.exec(f"from enum import Enum\nZ = Enum('Z', {names})")


def test_enum_functional_api_and_classes_work() -> None:
    source = ("from enum import Enum, IntEnum, Flag, auto\nE = Enum('E', 'A B C')\n"
              "F = IntEnum('F', {'X': 1, 'Y': 2})\nG = Flag('G', ['R', 'W'])\n"
              "class Color(Enum):\n    RED = 1\n    GREEN = auto()\n"
              "r = (list(E), F.X + 1, G.R | G.W, repr(E.A), Color(2), [c.name for c in Color])")
    cell = pc.Cell()
    cell.exec(source)
    plain: dict[str, object] = {}
    exec(source, plain)
    assert repr(cell.namespace["r"]) == repr(plain["r"])


def test_a_failed_view_is_not_left_half_built(monkeypatch: pytest.MonkeyPatch) -> None:
    from paddedcell.runtime import modules

    def broken(real: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setitem(modules.BUILTIN_SPECIALS, ("textwrap", "TextWrapper"), broken)
    cell = pc.Cell()
    with pytest.raises(RuntimeError):
        cell.exec("import textwrap")
    assert "textwrap" not in cell.modules.views
    monkeypatch.undo()
    cell2 = pc.Cell()
    cell2.exec("import textwrap\nr = textwrap.fill('aa bb', 3)")
    assert cell2.namespace["r"] == "aa\nbb"


def test_sys_is_a_stand_in_with_the_cells_streams() -> None:
    cell = pc.Cell()
    cell.exec("import sys\nsys.stdout.write('out\\n')\nprint('err', file=sys.stderr)\n"
              "r = (sys.argv, sys.maxsize > 2**30, sys.version_info >= (3, 11))")
    assert cell.output == "out\n" and cell.errors == "err\n"
    assert cell.namespace["r"] == ([""], True, True)
    import sys

    assert cell.namespace["sys"] is not sys
    for name in ("modules", "path", "settrace", "setrecursionlimit", "_getframe"):
        with pytest.raises((AttributeError, pc.RestrictedSyntaxError)):
            cell.exec(f"sys.{name}")
    # sys.stdin is the cell's reader, which refuses unless the policy grants stdin
    for call in ("sys.stdin.read()", "sys.stdin.readline()", "input()", "list(sys.stdin)"):
        with pytest.raises(pc.AccessDenied):
            cell.exec(call)
    with pytest.raises(pc.CellExit) as info:
        cell.exec("sys.exit(4)")
    assert info.value.code == 4
    with pytest.raises(pc.AttributeDenied):
        cell.exec("type(sys.stdout)")


def test_sys_grants_only_the_stand_in_names() -> None:
    with pytest.raises(pc.PolicyError, match="modules"):
        pc.Cell(pc.Policy(modules=(ModuleGrant("sys", frozenset({"modules"})),)))


@pytest.mark.parametrize("source", [
    "math.pi = 3",
    "del math.pi",
    "setattr(math, 'pi', 3)",
    "delattr(math, 'sqrt')",
    "vars(math)['pi'] = 3\nassert math.pi != 3",
    "math.__dict__['pi'] = 3",
    "json.dumps.__defaults__ = (1,)",
    "json.JSONEncoder.item_separator = ';'",
    "collections.OrderedDict.extra = 1",
    "string.ascii_letters += 'x'\nassert False",
    "import math as m\nm.sqrt = abs",
    "collections.abc.Sequence.register(int)",
    "re.compile.cache = {}",
    "json.decoder",
    "setattr(collections, 'abc', None)",
    "object.__setattr__(math, 'pi', 3)",
    "type(math).__setattr__(math, 'pi', 3)",
])
def test_module_view_mutation_attempts_change_nothing(source: str) -> None:
    import collections
    import json
    import math
    import string

    before = (math.pi, json.dumps([1, 2]), string.ascii_letters,
              hasattr(collections.OrderedDict, "extra"))
    cell = pc.Cell()
    cell.exec("import math, json, collections, collections.abc, string, re")
    try:
        cell.exec(source)
    except (AttributeError, TypeError, pc.RestrictedSyntaxError, AssertionError):
        pass
    other = pc.Cell()
    other.exec("import math, json, string, collections\n"
               "r = (math.pi, json.dumps([1, 2]), string.ascii_letters, "
               "hasattr(collections.OrderedDict, 'extra'), math.sqrt(4))")
    assert other.namespace["r"] == (*before, 2.0)
    assert (math.pi, json.dumps([1, 2]), string.ascii_letters,
            hasattr(collections.OrderedDict, "extra")) == before
    cell.exec("r = (math.pi, math.sqrt(4))")
    assert cell.namespace["r"] == (math.pi, 2.0)
