"""The Policy: frozen data that every stage reads, loaded from TOML with validation.

A policy says which builtins and modules a cell sees and the limits that bound it. Presets ship
as TOML in `policies/` (package data); each grant there carries a comment saying why it is safe.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
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
            # Exact types: a subclass could answer the comparisons of `widenings` and
            # `intersect` as it likes (a child wider than its parent), or repr as another
            # policy in the fingerprint.
            if type(value) not in (int, float):
                raise PolicyError(f"limit {f.name!r} must be a number, not {type(value).__name__}")
            if f.name != "time" and type(value) is not int:
                raise PolicyError(f"limit {f.name!r} must be an integer")
            if value != value:  # NaN compares false with everything: never "wider", never hit
                raise PolicyError(f"limit {f.name!r} must be a number, not NaN")
            if value <= 0:
                raise PolicyError(f"limit {f.name!r} must be positive, not {value!r}")
        if self.depth > MAX_DEPTH_LIMIT:
            raise PolicyError(f"limit 'depth' must be at most {MAX_DEPTH_LIMIT}")

    @functools.cached_property
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


def normalize_mount(mount: str) -> str:
    """A mount point as the cell sees it: absolute, normalised, no `..` (PolicyError)."""
    if type(mount) is not str or not mount.startswith("/") or "\0" in mount:
        raise PolicyError(f"mount point must be an absolute path, not {mount!r}")
    parts = [p for p in mount.split("/") if p not in ("", ".")]
    if ".." in parts:
        raise PolicyError(f"mount point may not contain '..': {mount!r}")
    return "/" + "/".join(parts)


#: Files a cell may hold open at once under one root when the policy names no number (None
#: in `with_files` or an absent `max_open_files` in TOML): never unlimited, or a cell could
#: hold descriptors up to the process limit and starve the host.
DEFAULT_MAX_OPEN_FILES = 64
#: The largest `max_open_files` a policy may give a root.
MAX_OPEN_FILES = 1024


@dataclass(frozen=True)
class FileRoot:
    """A host folder the cell sees at `mount` (by default as "/").

    `path` is absolute and resolved (symlinks followed once, when the policy is made).
    `write` grants creating and changing files under it. Quotas are per cell (a sub-cell's
    count against its maker's too): `max_bytes_written` counts bytes written to files under
    this root (`None`: unlimited), `max_open_files` the files open at once (`None` becomes
    `DEFAULT_MAX_OPEN_FILES`; at most `MAX_OPEN_FILES`, so the attribute is always an int).
    """

    path: str
    mount: str = "/"
    write: bool = False
    max_bytes_written: int | None = None
    max_open_files: int | None = None

    def __post_init__(self) -> None:
        if type(self.path) is not str or not os.path.isabs(self.path) or "\0" in self.path:
            raise PolicyError(f"file root must be an absolute host path, not {self.path!r}")
        object.__setattr__(self, "path", os.path.realpath(self.path))
        object.__setattr__(self, "mount", normalize_mount(self.mount))
        if type(self.write) is not bool:
            raise PolicyError(f"file root {self.path!r}: 'write' must be true or false")
        if self.max_open_files is None:
            object.__setattr__(self, "max_open_files", DEFAULT_MAX_OPEN_FILES)
        for key in ("max_bytes_written", "max_open_files"):
            value = getattr(self, key)
            if value is not None and (type(value) is not int or value < 0):
                raise PolicyError(f"file root {self.path!r}: {key!r} must be a non-negative "
                                  "integer")
        cap = self.max_open_files
        if cap is not None and cap > MAX_OPEN_FILES:
            raise PolicyError(f"file root {self.path!r}: 'max_open_files' may be at most "
                              f"{MAX_OPEN_FILES}")

    def contains(self, other: FileRoot) -> bool:
        """True if every path `other` reaches is under this root."""
        return inside_folder(other.path, self.path)


@dataclass(frozen=True)
class Policy:
    """What a cell may do. Immutable; derive variants with `with_limits` and friends."""

    name: str = "custom"
    description: str = ""
    modules: tuple[ModuleGrant, ...] = ()
    deny_builtins: frozenset[str] = frozenset()
    limits: Limits = field(default_factory=Limits)
    source: str = "<policy>"
    #: Host folders `open` (and a granted `os` view) reach, each at its mount point.
    files: tuple[FileRoot, ...] = ()
    #: Whether `input()` and `sys.stdin` read the cell's stdin stream.
    stdin: bool = False
    #: Host folders where `import name` finds `name.py` (or `name/__init__.py`), compiled
    #: through the restricted pipeline into the importing cell.
    sources: tuple[str, ...] = ()
    #: Whether untrusted code may create sub-cells (`import paddedcell` in the cell).
    subcells: bool = False
    _by_name: dict[str, ModuleGrant] = field(init=False, repr=False, compare=False)
    fingerprint: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_name = {m.name: m for m in self.modules}
        if len(by_name) != len(self.modules):
            raise PolicyError(f"{self.source}: a module is granted twice")
        mounts = [r.mount for r in self.files]
        if len(set(mounts)) != len(mounts):
            raise PolicyError(f"{self.source}: two file roots share a mount point")
        sources = tuple(os.path.realpath(s) for s in self.sources)
        if not all(type(s) is str and os.path.isabs(s) for s in self.sources):
            raise PolicyError(f"{self.source}: sources must be absolute host paths")
        object.__setattr__(self, "sources", sources)
        object.__setattr__(self, "_by_name", by_name)
        canonical = (
            tuple(sorted((m.name, None if m.attributes is None else tuple(sorted(m.attributes)))
                         for m in self.modules)),
            tuple(sorted(self.deny_builtins)),
            dataclasses.astuple(self.limits),
            tuple(sorted(dataclasses.astuple(r) for r in self.files)),
            self.stdin, self.sources, self.subcells,
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

    def with_files(self, root: str | os.PathLike[str], write: bool = False, *,
                   mount: str = "/", max_bytes_written: int | None = None,
                   max_open_files: int | None = None) -> Policy:
        """A copy whose cells see the host folder `root` at `mount` (by default "/"),
        read-only unless `write`. Replaces a root already at that mount."""
        path = os.fspath(root)
        if type(path) is not str or not os.path.isdir(path):
            raise PolicyError(f"file root {path!r} is not an existing folder")
        added = FileRoot(os.path.abspath(path), mount, write, max_bytes_written, max_open_files)
        kept = tuple(r for r in self.files if r.mount != added.mount)
        return dataclasses.replace(self, files=(*kept, added))

    def with_sources(self, *folders: str | os.PathLike[str]) -> Policy:
        """A copy whose cells also import untrusted modules from these host folders."""
        paths = tuple(os.path.abspath(os.fspath(f)) for f in folders)
        return dataclasses.replace(self, sources=self.sources + paths)

    def with_modules(self, *grants: ModuleGrant) -> Policy:
        """A copy that also grants these modules (replacing grants of the same name)."""
        names = {g.name for g in grants}
        kept = tuple(m for m in self.modules if m.name not in names)
        return dataclasses.replace(self, modules=kept + tuple(grants))

    # -- the partial order: nested cells ---------------------------------------------------------
    def widenings(self, parent: Policy) -> list[str]:
        """The fields (as TOML keys) where this policy grants more than `parent`; empty when
        `self <= parent`."""
        found: list[str] = []
        for grant in self.modules:
            theirs = parent.module(grant.name)
            if theirs is None:
                found.append(f"modules.{grant.name}")
            elif theirs.attributes is not None and (
                    grant.attributes is None or not grant.attributes <= theirs.attributes):
                found.append(f"modules.{grant.name}.attributes")
        if not parent.deny_builtins <= self.deny_builtins:
            found.append("builtins.deny")
        for f in dataclasses.fields(Limits):
            mine, theirs = getattr(self.limits, f.name), getattr(parent.limits, f.name)
            if theirs is not None and (mine is None or mine > theirs):
                found.append(f"limits.{f.name}")
        for i, root in enumerate(self.files):
            problem = _root_widening(root, parent.files)
            if problem:
                found.append(f"files[{i}]{problem}")
        if self.stdin and not parent.stdin:
            found.append("streams.stdin")
        if not all(any(inside_folder(s, p) for p in parent.sources) for s in self.sources):
            found.append("sources")
        if self.subcells and not parent.subcells:
            found.append("subcells")
        return found

    def __le__(self, other: object) -> bool:
        """`child <= parent`: the child grants nothing the parent does not."""
        if not isinstance(other, Policy):
            return NotImplemented
        return not self.widenings(other)

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Policy):
            return NotImplemented
        return not other.widenings(self)

    def intersect(self, other: Policy) -> Policy:
        """The meet, field by field: what both policies grant (`a.intersect(b) <= a` and
        `<= b`). Named after `self`."""
        modules = []
        for grant in self.modules:
            theirs = other.module(grant.name)
            if theirs is None:
                continue
            if grant.attributes is None:
                modules.append(theirs)
            elif theirs.attributes is None:
                modules.append(grant)
            else:
                modules.append(ModuleGrant(grant.name, grant.attributes & theirs.attributes))
        limits: dict[str, Any] = {}
        for f in dataclasses.fields(Limits):
            values = [v for v in (getattr(self.limits, f.name), getattr(other.limits, f.name))
                      if v is not None]
            limits[f.name] = min(values) if values else None
        files: list[FileRoot] = []
        for own_root in self.files:
            for other_root in other.files:
                meet = _root_meet(own_root, other_root)
                if meet is not None and all(r.mount != meet.mount for r in files):
                    files.append(meet)
        sources = [s for s in self.sources if any(inside_folder(s, o) for o in other.sources)]
        sources += [o for o in other.sources
                    if o not in sources and any(inside_folder(o, s) for s in self.sources)]
        return dataclasses.replace(
            self, modules=tuple(modules), deny_builtins=self.deny_builtins | other.deny_builtins,
            limits=Limits(**limits), files=tuple(files), stdin=self.stdin and other.stdin,
            sources=tuple(sources), subcells=self.subcells and other.subcells)

    def narrow(self, *, modules: Iterable[str] | Mapping[str, Any] | None = None,
               deny_builtins: Iterable[str] = (), files: Iterable[FileRoot] | None = None,
               read_only: bool = False, stdin: bool | None = None,
               sources: Iterable[str] | None = None, subcells: bool | None = None,
               **limits: Any) -> Policy:
        """A narrower copy. `modules` keeps only those grants (a mapping also narrows their
        attributes: `{"math": ["sqrt", "pi"]}`); `deny_builtins` adds to the denied builtins;
        `files` replaces the roots and `read_only` drops every write grant; limits as in
        `with_limits`. Raises PolicyError naming each field that would widen instead."""
        changed = self.with_limits(**limits) if limits else self
        if modules is not None:
            changed = dataclasses.replace(changed,
                                          modules=tuple(_narrowed_grants(modules, self)))
        if deny_builtins:
            if isinstance(deny_builtins, str):
                raise PolicyError("deny_builtins must be a list of names, not a string")
            changed = dataclasses.replace(
                changed, deny_builtins=changed.deny_builtins | frozenset(deny_builtins))
        if files is not None:
            changed = dataclasses.replace(changed, files=tuple(files))
        if read_only:
            changed = dataclasses.replace(
                changed, files=tuple(dataclasses.replace(r, write=False) for r in changed.files))
        if stdin is not None:
            changed = dataclasses.replace(changed, stdin=stdin)
        if sources is not None:
            changed = dataclasses.replace(changed, sources=tuple(sources))
        if subcells is not None:
            changed = dataclasses.replace(changed, subcells=subcells)
        wider = changed.widenings(self)
        if wider:
            raise PolicyError(f"narrowing {self.name!r} would widen: {', '.join(wider)}")
        return changed

    def to_dict(self) -> dict[str, Any]:
        """Plain data that `from_dict` turns back into an equal policy (for worker processes)."""
        limits = {f.name: getattr(self.limits, f.name) for f in dataclasses.fields(Limits)
                  if getattr(self.limits, f.name) is not None}
        modules = {m.name: {"attributes": "*" if m.attributes is None else sorted(m.attributes)}
                   for m in self.modules}
        files = [{k: v for k, v in dataclasses.asdict(r).items() if v is not None}
                 for r in self.files]
        for entry in files:
            entry["root"] = entry.pop("path")
        return {"name": self.name, "description": self.description,
                "builtins": {"deny": sorted(self.deny_builtins)}, "limits": limits,
                "modules": modules, "files": files, "streams": {"stdin": self.stdin},
                "sources": list(self.sources), "subcells": self.subcells}

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
        reader.keys(data, "", {"name", "description", "builtins", "limits", "modules", "files",
                               "streams", "sources", "subcells"})
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
        base = _base_folder(source)
        files = tuple(_file_root(reader, entry, i, base)
                      for i, entry in enumerate(reader.list_of_tables(data, "files")))
        streams = reader.table(data, "streams")
        reader.keys(streams, "streams", {"stdin"})
        stdin = reader.typed(streams, "stdin", bool, False)
        sources = tuple(os.path.join(base, s)
                        for s in reader.str_list(data, "sources", "sources") or ())
        subcells = reader.typed(data, "subcells", bool, False)
        try:
            return cls(name, description, tuple(grants), deny, limits, source, files, stdin,
                       sources, subcells)
        except PolicyError as exc:
            if str(exc).startswith(source):
                raise
            raise PolicyError(f"{source}: {exc}") from None


def inside_folder(path: str, folder: str) -> bool:
    """Whether the (resolved, absolute) `path` is `folder` or lies under it."""
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def _quota_within(mine: int | None, theirs: int | None) -> bool:
    return theirs is None or (mine is not None and mine <= theirs)


def _root_widening(root: FileRoot, parents: tuple[FileRoot, ...]) -> str:
    """Why `root` is not covered by one of `parents` ('' when it is)."""
    reasons = []
    for parent in parents:
        if not parent.contains(root):
            continue
        why = []
        if root.write and not parent.write:
            why.append(".write")
        if not _quota_within(root.max_bytes_written, parent.max_bytes_written):
            why.append(".max_bytes_written")
        if not _quota_within(root.max_open_files, parent.max_open_files):
            why.append(".max_open_files")
        if not why:
            return ""
        reasons.append("".join(why))
    return min(reasons, key=len) if reasons else ".root"


def _root_meet(a: FileRoot, b: FileRoot) -> FileRoot | None:
    if not (a.contains(b) or b.contains(a)):
        return None
    inner = b if a.contains(b) else a

    def least(x: int | None, y: int | None) -> int | None:
        return y if x is None else x if y is None else min(x, y)
    return FileRoot(inner.path, a.mount, a.write and b.write,
                    least(a.max_bytes_written, b.max_bytes_written),
                    least(a.max_open_files, b.max_open_files))


def _narrowed_grants(modules: Iterable[str] | Mapping[str, Any],
                     base: Policy) -> list[ModuleGrant]:
    """Grants kept by `narrow`: a bare name keeps `base`'s grant as it is."""
    if isinstance(modules, str):
        raise PolicyError("modules must be a list of module names, not a string")

    def kept(name: str) -> ModuleGrant:
        if type(name) is not str:
            raise PolicyError(f"module names must be strings, not {name!r}")
        return base.module(name) or ModuleGrant(name, None)  # unknown: reported as widening
    if isinstance(modules, Mapping):
        grants = []
        for name, attrs in modules.items():
            if attrs == "*" or attrs is None:
                grants.append(kept(name))
            elif isinstance(attrs, str) or not all(isinstance(a, str) for a in attrs):
                raise PolicyError(f"modules.{name}: attributes must be a list of names or '*'")
            else:
                grants.append(ModuleGrant(name, frozenset(attrs)))
        return grants
    return [kept(name) for name in modules]


def _base_folder(source: str) -> str:
    """Relative paths in a policy file are relative to its folder (else to the working
    directory)."""
    if source.startswith(("<", "preset:")):
        return os.getcwd()
    return os.path.dirname(os.path.abspath(source))


def _file_root(reader: _Reader, entry: Mapping[str, Any], index: int, base: str) -> FileRoot:
    where = f"files[{index}]"
    reader.keys(entry, where, {"root", "mount", "write", "max_bytes_written", "max_open_files"})
    root = entry.get("root")
    if not isinstance(root, str) or not root:
        raise PolicyError(f"{reader.source}: {where}.root must be a folder path")
    try:
        return FileRoot(os.path.join(base, root), entry.get("mount", "/"),
                        entry.get("write", False), entry.get("max_bytes_written"),
                        entry.get("max_open_files"))
    except PolicyError as exc:
        raise PolicyError(f"{reader.source}: {where}: {exc}") from None


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

    def list_of_tables(self, data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise PolicyError(f"{self.source}: {key!r} must be an array of tables ([[{key}]])")
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
