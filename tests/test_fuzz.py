"""Property tests with bounded example counts (long runs: benchmarks/fuzz_long.py)."""

from __future__ import annotations

import keyword
import os
import string

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, Phase, example, given, settings

import paddedcell as pc
from paddedcell.rules import Access, classify_attribute

hypothesmith = pytest.importorskip("hypothesmith")

# CI runs a bounded number of examples; benchmarks/fuzz_long.py raises it with
# PADDEDCELL_FUZZ_EXAMPLES.
EXAMPLES = int(os.environ.get("PADDEDCELL_FUZZ_EXAMPLES", "60"))
# No explain phase: it reruns failures under a tracer, which takes minutes with cells.
PHASES = (Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink)
# data_too_large: hypothesmith's generators sometimes draw past hypothesis's entropy budget;
# that is about the generator, not about what the test asserts of the programs it makes.
FAST = settings(max_examples=EXAMPLES, deadline=None, phases=PHASES,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                       HealthCheck.data_too_large])

names = st.one_of(
    st.from_regex(r"\A_{0,2}[a-z][a-z0-9_]{0,8}_{0,2}\Z").filter(lambda n: not keyword.iskeyword(n)),
    st.sampled_from(["__class__", "__globals__", "gi_frame", "f_back", "format", "obj",
                     "__init__", "__name__", "_x", "__x", "register", "mro", "__dict__"]),
)


@FAST
@given(source=hypothesmith.from_grammar())
def test_check_never_raises_and_compile_agrees(source: str) -> None:
    violations = pc.check(source)
    try:
        pc.compile_restricted(source, "<fuzz>")
    except pc.RestrictedSyntaxError as exc:
        # compile may find more (compiler-only errors such as 'return' outside a function)
        assert {v.rule for v in violations} <= {v.rule for v in exc.violations}
    else:
        assert violations == []


@settings(FAST, max_examples=max(10, EXAMPLES // 4))  # from_node generation is slow
@given(source=hypothesmith.from_node())
def test_accepted_programs_compile(source: str) -> None:
    if pc.check(source) == []:
        try:
            pc.compile_restricted(source, "<fuzz>")
        except pc.RestrictedSyntaxError as exc:
            assert all(v.rule == "PC001" for v in exc.violations)


@settings(max_examples=300, deadline=None, phases=PHASES)
@given(name=names)
def test_static_and_runtime_attribute_decisions_agree(name: str) -> None:
    """One rule: `x.NAME` is rejected statically exactly when getattr(x, 'NAME') is denied."""
    access = classify_attribute(name)
    static = {v.rule for v in pc.check(f"x.{name}")}
    cell = pc.Cell()

    class Foreign:
        pass

    foreign = Foreign()
    try:
        setattr(foreign, name, 1)
    except (TypeError, AttributeError):
        pass  # e.g. __class__: the decision does not depend on the attribute existing
    cell.namespace["x"] = foreign
    try:
        cell.exec(f"v = getattr(x, {name!r})")
        runtime_denied = False
    except pc.SecurityError:
        runtime_denied = True
    if access.denied:
        assert static & {"PC101", "PC103"} and runtime_denied
    elif access in (Access.PRIVATE, Access.INIT):
        assert not static and runtime_denied  # foreign object: ownership decides at run time
    else:
        assert not static and not runtime_denied


@settings(max_examples=200, deadline=None, phases=PHASES)
@given(text=st.text(alphabet=string.printable + "\u00a0\uff3f\u0131", max_size=40))
@example(text=".read")  # literal text is copied: CI once failed a check that forgot it
@example(text="{0.__self__}")
@example(text="{x.__self__.open}")
@example(text="{}")  # the cell's print is a function: its repr is no leak
def test_format_strings_never_leak_dunders(text: str) -> None:
    cell = pc.Cell()
    cell.namespace["fmt"] = text
    try:
        out = cell.eval("fmt.format(print, x=print)")
    except (pc.SecurityError, pc.LimitExceeded):
        return  # a field name or a width the cell may not have
    except (ValueError, IndexError, KeyError, TypeError, AttributeError, OverflowError):
        return
    # Only the literal text and print's own fields ever come out (its repr and name are
    # fine); never the cell's namespace, its guards or a module. A marker may appear only
    # as often as the untrusted text itself spelled it (literal text is copied).
    for marker in ("__builtins__", ".read", "<module"):
        assert out.count(marker) <= text.count(marker), (marker, out)
