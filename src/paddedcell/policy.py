"""The Policy: frozen data that every stage reads, loaded from TOML with validation.

A policy says which builtins and modules a cell sees and the limits that bound it. Presets ship
as TOML in `policies/` (package data); each grant there carries a comment saying why it is safe.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import PolicyError

_PRESET_NAME = re.compile(r"^[a-z][a-z0-9_-]*$")
_MODULE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")

#: Hard ceiling for the depth limit: the rewriter and CPython's compiler recurse once per level.
MAX_DEPTH_LIMIT = 1000


@dataclass(frozen=True)
class Limits:
    """Compile-side limits (enforced before anything runs) and run-time budgets.

    Run-time budgets are `None` when unlimited.
    """

    source_bytes: int = 1_000_000
    nodes: int = 200_000
    depth: int = 200
    steps: int | None = None
    time: float | None = None
    memory: int | None = None
    output: int | None = None
    recursion: int | None = None

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if value is None and f.name in _RUNTIME_LIMITS:
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise PolicyError(f"limit {f.name!r} must be a number, not {type(value).__name__}")
            if f.name != "time" and not isinstance(value, int):
                raise PolicyError(f"limit {f.name!r} must be an integer")
            if value <= 0:
                raise PolicyError(f"limit {f.name!r} must be positive, not {value!r}")
        if self.depth > MAX_DEPTH_LIMIT:
            raise PolicyError(f"limit 'depth' must be at most {MAX_DEPTH_LIMIT}")

    @property
    def metered(self) -> bool:
        """True when any run-time limit is set: code is then compiled with budget ticks."""
        return any(getattr(self, name) is not None for name in _RUNTIME_LIMITS)


_RUNTIME_LIMITS = frozenset({"steps", "time", "memory", "output", "recursion"})


@dataclass(frozen=True)
class ModuleGrant:
    """A module the cell may import. `attributes` None means every public attribute."""

    name: str
    attributes: frozenset[str] | None

    def allows(self, attr: str) -> bool:
        if attr.startswith("_"):
            return False
        return self.attributes is None or attr in self.attributes


@dataclass(frozen=True)
class Policy:
    """What a cell may do. Immutable; derive variants with `with_limits` and friends."""

    name: str = "custom"
    description: str = ""
    modules: tuple[ModuleGrant, ...] = ()
    deny_builtins: frozenset[str] = frozenset()
    limits: Limits = field(default_factory=Limits)
    source: str = "<policy>"
    _by_name: dict[str, ModuleGrant] = field(init=False, repr=False, compare=False)
    fingerprint: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_name = {m.name: m for m in self.modules}
        if len(by_name) != len(self.modules):
            raise PolicyError(f"{self.source}: a module is granted twice")
        object.__setattr__(self, "_by_name", by_name)
        canonical = (
            tuple(sorted((m.name, None if m.attributes is None else tuple(sorted(m.attributes)))
                         for m in self.modules)),
            tuple(sorted(self.deny_builtins)),
            dataclasses.astuple(self.limits),
        )
        digest = hashlib.sha256(repr(canonical).encode()).hexdigest()[:20]
        object.__setattr__(self, "fingerprint", digest)

    # -- lookups ------------------------------------------------------------------------------
    def module(self, name: str) -> ModuleGrant | None:
        """The grant for module `name`, or None."""
        return self._by_name.get(name)

    @property
    def module_names(self) -> frozenset[str]:
        return frozenset(self._by_name)

    # -- derivation ---------------------------------------------------------------------------
    def with_limits(self, **limits: Any) -> Policy:
        """A copy with these limits replaced, e.g. `with_limits(time=1.0, steps=10**7)`."""
        unknown = set(limits) - {f.name for f in dataclasses.fields(Limits)}
        if unknown:
            raise PolicyError(f"unknown limit(s): {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, limits=dataclasses.replace(self.limits, **limits))

    def with_modules(self, *grants: ModuleGrant) -> Policy:
        """A copy that also grants these modules (replacing grants of the same name)."""
        names = {g.name for g in grants}
        kept = tuple(m for m in self.modules if m.name not in names)
        return dataclasses.replace(self, modules=kept + tuple(grants))

    def to_dict(self) -> dict[str, Any]:
        """Plain data that `from_dict` turns back into an equal policy (for worker processes)."""
        limits = {f.name: getattr(self.limits, f.name) for f in dataclasses.fields(Limits)
                  if getattr(self.limits, f.name) is not None}
        modules = {m.name: {"attributes": "*" if m.attributes is None else sorted(m.attributes)}
                   for m in self.modules}
        return {"name": self.name, "description": self.description,
                "builtins": {"deny": sorted(self.deny_builtins)}, "limits": limits,
                "modules": modules}

    # -- loading ------------------------------------------------------------------------------
    @classmethod
    def preset(cls, name: str) -> Policy:
        """A shipped preset by name: 'minimal' or 'default'."""
        if type(name) is not str or not _PRESET_NAME.match(name):
            raise PolicyError(f"invalid preset name: {name!r}")
        return _load_preset(name)

    @classmethod
    def load(cls, path: str | Path) -> Policy:
        """A policy from a TOML file."""
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8")
        except OSError as exc:
            raise PolicyError(f"{p}: cannot read policy: {exc.strerror or exc}") from exc
        return cls.from_toml(text, source=str(p))

    @classmethod
    def from_toml(cls, text: str, source: str = "<policy>") -> Policy:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise PolicyError(f"{source}: invalid TOML: {exc}") from exc
        return cls.from_dict(data, source=source)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], source: str = "<policy>") -> Policy:
        """Validate plain data (as parsed from TOML); errors name the source and the key."""
        reader = _Reader(source)
        reader.keys(data, "", {"name", "description", "builtins", "limits", "modules"})
        name = reader.typed(data, "name", str, "custom")
        description = reader.typed(data, "description", str, "")
        builtins = reader.table(data, "builtins")
        reader.keys(builtins, "builtins", {"deny"})
        deny = frozenset(reader.str_list(builtins, "deny", "builtins.deny") or ())
        limits_data = reader.table(data, "limits")
        known = {f.name for f in dataclasses.fields(Limits)}
        reader.keys(limits_data, "limits", known)
        try:
            limits = Limits(**limits_data)
        except PolicyError as exc:
            raise PolicyError(f"{source}: limits: {exc}") from None
        grants = []
        for mod_name, spec in reader.table(data, "modules").items():
            key = f"modules.{mod_name}"
            if not _MODULE_NAME.match(mod_name):
                raise PolicyError(f"{source}: {key}: not a module name")
            if not isinstance(spec, dict):
                raise PolicyError(f"{source}: {key}: must be a table")
            reader.keys(spec, key, {"attributes"})
            attrs = spec.get("attributes", [])
            if attrs == "*":
                grants.append(ModuleGrant(mod_name, None))
                continue
            names = reader.str_list(spec, "attributes", f"{key}.attributes") or []
            bad = [a for a in names if not a.isidentifier() or a.startswith("_")]
            if bad:
                raise PolicyError(f"{source}: {key}.attributes: not public names: {bad}")
            grants.append(ModuleGrant(mod_name, frozenset(names)))
        return cls(name, description, tuple(grants), deny, limits, source)


class _Reader:
    """Small helpers that raise `PolicyError` naming the source and the offending key."""

    def __init__(self, source: str) -> None:
        self.source = source

    def keys(self, data: Mapping[str, Any], where: str, allowed: Iterable[str]) -> None:
        for key in data:
            if key not in allowed:
                full = f"{where}.{key}" if where else key
                raise PolicyError(f"{self.source}: unknown key {full!r}")

    def typed(self, data: Mapping[str, Any], key: str, kind: type, default: Any) -> Any:
        value = data.get(key, default)
        if not isinstance(value, kind):
            raise PolicyError(f"{self.source}: {key!r} must be {kind.__name__}")
        return value

    def table(self, data: Mapping[str, Any], key: str) -> dict[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, dict):
            raise PolicyError(f"{self.source}: {key!r} must be a table")
        return value

    def str_list(self, data: Mapping[str, Any], key: str, full: str) -> list[str] | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise PolicyError(f"{self.source}: {full!r} must be a list of strings")
        return value


@functools.cache
def _load_preset(name: str) -> Policy:
    # Policies are immutable, so one instance per preset can be shared by every caller.
    path = resources.files("paddedcell") / "policies" / f"{name}.toml"
    if not path.is_file():
        raise PolicyError(f"no preset named {name!r}; known: {', '.join(preset_names())}")
    return Policy.from_toml(path.read_text(encoding="utf-8"), source=f"preset:{name}")


def preset_names() -> list[str]:
    """Names of the shipped presets."""
    folder = resources.files("paddedcell") / "policies"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))
