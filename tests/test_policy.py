"""Policies: presets, TOML validation with clear errors, derivation."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import paddedcell as pc
from paddedcell.policy import preset_names

ROOT = Path(__file__).resolve().parents[1]


def test_presets_ship_and_load() -> None:
    assert {"default", "minimal"} <= set(preset_names())
    default = pc.Policy.preset("default")
    assert default.module("math") is not None and default.module("os") is None
    assert pc.Policy.preset("default") is default  # immutable, so shared
    assert (ROOT / "policies" / "default.toml").is_file()


def test_policies_are_frozen() -> None:
    p = pc.Policy.preset("default")
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.name = "x"  # type: ignore[misc]


@pytest.mark.parametrize("preset", preset_names())
def test_every_preset_grant_has_a_comment(preset: str) -> None:
    text = (ROOT / "policies" / f"{preset}.toml").read_text().splitlines()
    for i, line in enumerate(text):
        if line.startswith("[modules."):
            assert text[i - 1].startswith("#"), f"no comment above {line}"


def test_with_limits_replaces_only_what_is_given() -> None:
    p = pc.Policy.preset("default")
    q = p.with_limits(time=1.0, steps=10_000_000, memory=256 * 2**20, output=2**20)
    assert (q.limits.time, q.limits.steps, q.limits.memory, q.limits.output) == \
        (1.0, 10_000_000, 256 * 2**20, 2**20)
    assert q.limits.depth == p.limits.depth and q.modules == p.modules
    assert q.fingerprint != p.fingerprint
    with pytest.raises(pc.PolicyError, match="unknown limit"):
        p.with_limits(cpu=1)
    with pytest.raises(pc.PolicyError):
        p.with_limits(steps=-1)
    with pytest.raises(pc.PolicyError):
        p.with_limits(depth=10**6)


@pytest.mark.parametrize(("text", "message"), [
    ("nmae = 'x'", "unknown key 'nmae'"),
    ("[limits]\nstpes = 3", "unknown key 'limits.stpes'"),
    ("[limits]\nsteps = 'many'", "steps"),
    ("name = 3", "'name' must be str"),
    ("[modules.math]\nattributes = 'pi'", "modules.math.attributes"),
    ("[modules.math]\nattribs = ['pi']", "unknown key 'modules.math.attribs'"),
    ("[modules.math]\nattributes = ['_private']", "not public names"),
    ("[modules.'bad name']\nattributes = []", "not a module name"),
    ("[builtins]\ndeny = 'print'", "builtins.deny"),
    ("this is not toml", "invalid TOML"),
])
def test_invalid_policy_files_name_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(pc.PolicyError) as info:
        pc.Policy.load(path)
    assert str(path) in str(info.value)
    assert message in str(info.value)


def test_load_a_custom_policy(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text("name = 'calc'\n[builtins]\ndeny = ['print']\n[modules.math]\nattributes = ['sqrt']\n")
    policy = pc.Policy.load(path)
    cell = pc.Cell(policy)
    assert cell.eval("__import__" if False else "2 + 2") == 4
    cell.exec("import math\nr = math.sqrt(9)")
    assert cell.namespace["r"] == 3.0
    with pytest.raises(AttributeError):
        cell.exec("math.pi")
    with pytest.raises(NameError):
        cell.exec("print(1)")


def test_missing_policy_file_and_unknown_preset() -> None:
    with pytest.raises(pc.PolicyError, match="cannot read"):
        pc.Policy.load("/nonexistent/policy.toml")
    with pytest.raises(pc.PolicyError, match="no preset named"):
        pc.Policy.preset("nope")
    with pytest.raises(pc.PolicyError):
        pc.Policy.preset("../default")


def test_file_roots_in_toml_have_a_finite_open_file_cap(tmp_path: Path) -> None:
    from paddedcell.policy import DEFAULT_MAX_OPEN_FILES, MAX_OPEN_FILES
    (tmp_path / "root").mkdir()
    path = tmp_path / "p.toml"
    path.write_text("[[files]]\nroot = 'root'\n")
    policy = pc.Policy.load(path)
    assert policy.files[0].max_open_files == DEFAULT_MAX_OPEN_FILES
    assert pc.Policy.from_dict(policy.to_dict()).files == policy.files
    path.write_text(f"[[files]]\nroot = 'root'\nmax_open_files = {MAX_OPEN_FILES + 1}\n")
    with pytest.raises(pc.PolicyError, match=r"files\[0\].*max_open_files"):
        pc.Policy.load(path)
