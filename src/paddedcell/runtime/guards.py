"""Runtime guards: the functions the rewriter calls and the guarded builtins.

One `Guards` per cell. Every decision about a name goes through `rules.classify_attribute`, the
same function the static checker uses. Ownership: the cell owns instances of classes it
created (kept in `owned_types`, a set the rewritten code also tests inline), those classes,
and its own functions. The set holds the classes for the cell's lifetime.
"""

from __future__ import annotations

import abc
import builtins
import io
import sys
from enum import EnumType
from types import FunctionType, GenericAlias, MappingProxyType, MethodType, ModuleType
from typing import Any, NoReturn

from ..errors import AttributeDenied, OperationDenied
from ..rules import (
    CLASS_BODY_DUNDERS,
    SAFE_SPECIAL_METHODS,
    Access,
    classify_attribute,
    is_dunder,
    write_allowed_name,
)
from .bastion import Bastion
from .formatting import wrap_format
from .hardening import harden_value

_real_type = builtins.type
_real_getattr = builtins.getattr
_real_setattr = builtins.setattr
_real_delattr = builtins.delattr
_real_hasattr = builtins.hasattr
_real_dir = builtins.dir
_real_build_class = builtins.__build_class__
# The class's own namespace, read through `type`'s descriptor so no metaclass can fake it.
_class_dict = _real_type.__dict__["__dict__"].__get__
_abc_register = abc.ABCMeta.register

#: Metaclasses a cell class may end up with, by (module, name): reviewed library metaclasses
#: whose hooks only organise the class (abstract methods, enum members, protocols, typed
#: namedtuples and dicts). Looked up lazily, since a module not yet imported cannot have made
#: any base class.
ALLOWED_METACLASS_NAMES = frozenset({
    ("builtins", "type"), ("abc", "ABCMeta"), ("enum", "EnumType"), ("typing", "_ProtocolMeta"),
    ("typing", "NamedTupleMeta"), ("typing", "_TypedDictMeta"),
})


def _allowed_metaclass(meta: type) -> bool:
    module = sys.modules.get(meta.__module__)
    return module is not None and any(
        getattr(module, name, None) is meta
        for mod, name in ALLOWED_METACLASS_NAMES if mod == meta.__module__
    )

#: Dunder keys a class namespace may hold once the body has run.
_CLASS_NAMESPACE_DUNDERS = SAFE_SPECIAL_METHODS | CLASS_BODY_DUNDERS | frozenset(
    {"__module__", "__qualname__", "__classcell__", "__annotations__", "__orig_bases__",
     "__static_attributes__", "__firstlineno__"}
)


#: The documented API of namedtuple classes, which carries a leading underscore only to stay
#: clear of field names.
NAMEDTUPLE_API = frozenset({"_asdict", "_replace", "_fields", "_make"})
# (`_field_defaults` is left out: it is the class's own dict, shared with the host.)


def _namedtuple_api(obj: Any, name: str) -> bool:
    if name not in NAMEDTUPLE_API:
        return False
    cls = obj if isinstance(obj, _real_type) else _real_type(obj)
    return issubclass(cls, tuple) and "_fields" in _class_dict(cls)


#: Builtin types whose positional class pattern matches the subject itself.
_MATCH_SELF_TYPES = frozenset({bool, bytearray, bytes, dict, float, frozenset, int, list, set,
                               str, tuple})


class _Deferred(type):
    """Metaclass of the stand-ins `defer` makes: trying the pattern raises the error."""

    def __instancecheck__(cls, obj: Any) -> bool:
        raise cls._error  # type: ignore[attr-defined]


def defer(error: BaseException) -> Any:
    """A class that raises `error` when a class pattern tries it (`.defer`)."""
    return _Deferred("deferred", (), {"_error": error})


def _match_args_error(cls: Any, positional: int) -> BaseException | None:
    """The denial for a positional pattern of `cls` with `positional` sub-patterns, if any."""
    names = getattr(cls, "__match_args__", ())
    if type(names) is tuple:
        for name in names[:positional]:
            if _real_type(name) is not str or classify_attribute(name) is not Access.ALLOW:
                return AttributeDenied(
                    f"a positional pattern of {cls.__name__!r} would read attribute "
                    f"{name!r}, which the cell may not read", "PC201")
    return None


class _Rechecked(type):
    """Metaclass of the stand-ins for the cell's classes in positional class patterns: the
    `__match_args__` check runs when the case is tried, then the real class answers."""

    def __instancecheck__(cls, obj: Any) -> bool:
        real = cls._real  # type: ignore[attr-defined]
        error = _match_args_error(real, cls._positional)  # type: ignore[attr-defined]
        if error is not None:
            raise error
        return isinstance(obj, real)

    @property
    def __match_args__(cls) -> Any:
        # Read by CPython right after a successful __instancecheck__.
        real = cls._real  # type: ignore[attr-defined]
        error = _match_args_error(real, cls._positional)  # type: ignore[attr-defined]
        if error is not None:
            raise error
        return _real_getattr(real, "__match_args__")


def _rechecked(cls: type, positional: int) -> Any:
    # Subclasses of int, str, ... without __match_args__ match themselves: keep that.
    base = next((t for t in _MATCH_SELF_TYPES if t is not bool and issubclass(cls, t)), object)
    return _Rechecked(cls.__name__, (base,), {"_real": cls, "_positional": positional,
                                              "__slots__": ()})


#: Builtin value types host caches use as keys (see check_hashing).
HASHED_BUILTINS = (str, bytes, int, float, complex, tuple, frozenset)


def _hashed_base(cls: type) -> str:
    return next(b.__name__ for b in HASHED_BUILTINS if issubclass(cls, b))


def _type_name(obj: Any) -> str:
    return _real_type(obj).__name__


def make_cell_type(guards: Guards) -> Any:
    """The cell's `type`: one argument gives the class (metaclasses come back as this object,
    never the real `type`); three arguments build a class through the same checks as `class`.
    `isinstance(x, type)` and `issubclass(C, type)` behave as usual.

    A class per cell whose methods close over the guards: nothing on the object or its class
    leads to them, and no cell can reach another cell's `type`.
    """

    def __call__(self: Any, *args: Any) -> Any:
        if len(args) == 1:
            return guards.class_of(args[0])
        if len(args) == 3:
            name, bases, namespace = args
            if not isinstance(namespace, dict):
                raise TypeError("type.__new__() argument 3 must be dict, not "
                                f"{_type_name(namespace)}")
            if not isinstance(bases, tuple):
                raise TypeError(f"type.__new__() argument 2 must be tuple, not {_type_name(bases)}")
            ns = dict(dict.items(namespace))
            ns.setdefault("__module__", guards.namespace.get("__name__", "__main__"))
            if "__classcell__" in ns:
                guards.deny_op("a class namespace may not hold '__classcell__'")
            # A tuple subclass could show make_class other bases than type() would use.
            # Read the real items: a tuple subclass could iterate as something else.
            return guards.make_class(name, tuple.__getitem__(bases, slice(None)), ns)
        raise TypeError("type() takes 1 or 3 arguments")

    def __instancecheck__(self: Any, obj: Any) -> bool:
        return isinstance(obj, _real_type)

    def __subclasscheck__(self: Any, cls: Any) -> bool:
        return issubclass(cls, _real_type)

    def __repr__(self: Any) -> str:
        return "<class 'type'>"

    cls = _real_type("type", (), {
        "__slots__": (), "__call__": __call__, "__instancecheck__": __instancecheck__,
        "__subclasscheck__": __subclasscheck__, "__repr__": __repr__, "__module__": "builtins",
    })
    return cls()


class _ClassFactory:
    """Passed to the real `__build_class__` as the "metaclass" of a class statement without
    bases.

    Not being a class, CPython calls it with the resolved bases and the filled namespace;
    having no `__prepare__`, the body fills a fresh dict (as `type.__prepare__` would)."""

    __slots__ = ("_guards",)

    def __init__(self, guards: Guards) -> None:
        self._guards = guards

    def __call__(self, name: str, bases: tuple[Any, ...], namespace: Any) -> Any:
        return self._guards.make_class(name, bases, namespace)


class _DerivedClassFactory(_ClassFactory):
    """The same for a class statement with bases: `__prepare__` checks them before the body
    runs and lets the real metaclass prepare the namespace (enum needs its own mapping)."""

    __slots__ = ()

    def __prepare__(self, name: str, bases: tuple[Any, ...], **kwargs: Any) -> Any:
        if not bases:
            return {}  # every base resolved away (`__mro_entries__`): type.__prepare__
        meta = self._guards.check_bases(bases)
        return meta.__prepare__(name, bases)


class Guards:
    """The guard functions of one cell."""

    def __init__(self, namespace: dict[str, Any]) -> None:
        self.namespace = namespace
        # The globals of every module of the cell (its namespace and its source modules),
        # by id; the dicts are kept alive here so an id is never reused by another dict.
        self._globals_ids = {id(namespace)}
        #: Those dicts, the cell's namespace first.
        self.globals_dicts: list[dict[str, Any]] = [namespace]
        #: Owned classes none of whose bases is a foreign Python class: for their instances
        #: every attribute the rewritten code can name is the cell's own, so the inline test
        #: in rewritten code may skip the guard.
        self.owned_types: set[type] = set()
        #: Every class the cell created (a superset of owned_types).
        self.owned_all: set[type] = set()
        #: Foreign classes made for this cell -> the attributes the cell may set on them.
        self.writable: dict[type, frozenset[str]] = {}
        #: (class, positional count) -> the stand-in match_class gives for the cell's classes.
        self._match_standins: dict[tuple[type, int], Any] = {}
        self.type = make_cell_type(self)
        self._factory = _ClassFactory(self)
        self._derived_factory = _DerivedClassFactory(self)
        #: Charges wide format specs against the budget (the Cell sets it when metered).
        self.check_spec: Any = None
        guards = self

        def format_guard(obj: Any, name: str) -> Any:
            return guards.getattr(obj, name)
        format_guard.check_spec = lambda spec: (  # type: ignore[attr-defined]
            guards.check_spec(spec) if guards.check_spec is not None else None)
        self.format_getattr = format_guard

    # -- ownership -----------------------------------------------------------------------------
    def owns(self, obj: Any) -> bool:
        """True for instances of the cell's classes, those classes and the cell's functions."""
        cls = _real_type(obj)
        owned = self.owned_all
        if cls in owned:
            return True
        if cls is FunctionType:
            return id(obj.__globals__) in self._globals_ids
        if cls is ModuleType:
            # The cell's own modules (from source roots), never a module view.
            return id(obj.__dict__) in self._globals_ids and obj.__dict__ is not self.namespace
        if isinstance(obj, _real_type):
            return obj in owned
        if cls is super:
            return self.owns(obj.__thisclass__)
        return False

    def module_names(self, namespace: Any) -> Any:
        """`globals()` called from code whose globals are `namespace`: a read-only copy of that
        module's names. Only the cell's own modules qualify (a library function calling it
        would otherwise hand out its module's dict); dunders and the rewriter's unspellable
        names are left out, and a copy behind a read-only proxy makes a write fail loudly
        instead of vanishing (a live dict would hold the guard names)."""
        if _real_type(namespace) is not dict or id(namespace) not in self._globals_ids:
            self.deny_op("globals() is only available to the cell's own code")
        return MappingProxyType({k: v for k, v in namespace.items()
                                 if _real_type(k) is str and k.isidentifier() and not is_dunder(k)})

    def add_globals(self, namespace: dict[str, Any]) -> None:
        """Record the globals of one of the cell's own modules: its functions are the cell's."""
        if id(namespace) not in self._globals_ids:
            self._globals_ids.add(id(namespace))
            self.globals_dicts.append(namespace)

    # -- denials -------------------------------------------------------------------------------
    @staticmethod
    def deny_read(obj: Any, name: str, access: Access) -> NoReturn:
        if access is Access.PRIVATE or access is Access.INIT:
            raise AttributeDenied(f"attribute {name!r} of a {_type_name(obj)!r} object is "
                                  "private to its owner", "PC202")
        raise AttributeDenied(f"access to attribute {name!r} is not allowed", "PC201")

    @staticmethod
    def deny_op(detail: str) -> NoReturn:
        raise OperationDenied(detail, "PC205")

    def check_read(self, obj: Any, name: str, access: Access) -> None:
        """Raise if reading `name` (classified as `access`) from `obj` is not allowed."""
        if access is Access.ALLOW:
            return
        if access.denied:
            self.deny_read(obj, name, access)
        if access is Access.PRIVATE:
            if _real_type(obj) in self.owned_types:
                return
            if self.owns(obj):
                if not self._own_private(obj, name):
                    raise AttributeDenied(f"attribute {name!r} of {_type_name(obj)!r} comes from a "
                                          "library base class and is private to it", "PC202")
            elif not _namedtuple_api(obj, name):
                self.deny_read(obj, name, access)
        elif access is Access.INIT:
            # Re-running `__init__` on an object is a write (even for builtins: property's
            # re-initialises a shared property). From an instance: only the cell's own. From
            # a class: any, and `_checked_init` wraps the unbound result.
            if not isinstance(obj, _real_type) and not self.owns(obj):
                self.deny_read(obj, name, access)
        elif access is Access.EXC_OBJ:
            if isinstance(obj, BaseException):
                raise AttributeDenied("the 'obj' attribute of exceptions is not available "
                                      "(it can carry objects the cell must not reach)", "PC201")
        elif access is Access.MRO:
            if isinstance(obj, _real_type):
                # Like `__mro__`: it would list the real library classes behind the cell's
                # checked copies (enum.Enum, string.Template), whose hooks skip the checks.
                raise AttributeDenied("the 'mro' method of classes is not available in a cell "
                                      "(nor is __mro__)", "PC201")
        elif access is Access.ABC_REGISTER:
            if isinstance(obj, abc.ABCMeta) and not self.owns(obj):
                raise AttributeDenied("registering with a library ABC would change it for the "
                                      "host and every cell", "PC201")

    def _own_private(self, obj: Any, name: str) -> bool:
        """For an owned object whose class derives from a library class: does `name` resolve
        in the object itself or in one of the cell's classes (not in the library base)?"""
        if _real_type(obj) is super:
            sup: Any = obj  # typeshed does not know super's attributes
            start = sup.__self_class__
            mro = start.__mro__[start.__mro__.index(sup.__thisclass__) + 1:]
        elif isinstance(obj, _real_type):
            mro = obj.__mro__
        else:
            instance_dict = getattr(obj, "__dict__", None)
            if isinstance(instance_dict, dict) and name in instance_dict:
                return True
            mro = _real_type(obj).__mro__
        for cls in mro:
            if name in _class_dict(cls):
                return cls in self.owned_all or cls.__module__ == "builtins"
        return True  # not found: the read raises AttributeError natively

    def _checked_init(self, obj: Any, value: Any) -> Any:
        """`X.__init__` read from a class is a plain function that accepts any `self`: unless
        the cell wrote it, hand out a version that refuses objects the cell does not own."""
        sup: Any = obj  # typeshed does not know super's attributes
        # `super(A, B).__init__` with a class B (`__self__ is __self_class__`) is unbound too.
        if not isinstance(obj, _real_type) and not (
                _real_type(obj) is super and sup.__self__ is sup.__self_class__):
            return value  # read from an owned instance or super(): bound to an owned object
        if _real_type(value) is FunctionType and id(value.__globals__) in self._globals_ids:
            return value  # the cell's own __init__
        owns = self.owns
        init = value

        def __init__(self_: Any, *args: Any, **kwargs: Any) -> Any:
            if not owns(self_):
                raise AttributeDenied(f"cannot initialise a {_type_name(self_)!r} object: the "
                                      "cell can only change objects it created", "PC203")
            return init(self_, *args, **kwargs)
        __init__.__qualname__ = getattr(init, "__qualname__", "__init__")
        return __init__

    # -- guards called by rewritten code ---------------------------------------------------------
    def read(self, obj: Any, name: str) -> Any:
        """`.read(o, '_x')._x`: check, then let the native read happen."""
        self.check_read(obj, name, classify_attribute(name))
        return obj

    def write(self, obj: Any, name: str) -> Any:
        """`.write(o, 'x').x = v`: the cell may write only to what it owns, and the named
        attributes of the few foreign kinds made for it (its decimal contexts)."""
        if self.owns(obj):
            return obj
        writable = self.writable.get(_real_type(obj))
        if writable is not None and name in writable:
            return obj
        raise AttributeDenied(f"cannot set attribute {name!r} of a {_type_name(obj)!r} object: "
                              "the cell can only change objects it created", "PC203")

    def getattr(self, obj: Any, name: Any, *default: Any) -> Any:
        """The cell's `getattr`, and `.getattr(o, name)` for format/`__class__` sites."""
        if _real_type(name) is not str:
            raise TypeError(f"attribute name must be string, not '{_type_name(name)}'")
        if len(default) > 1:
            raise TypeError(f"getattr expected at most 3 arguments, got {2 + len(default)}")
        access = classify_attribute(name)
        self.check_read(obj, name, access)
        if default:
            try:
                value = _real_getattr(obj, name)
            except AttributeError:
                return default[0]
        else:
            value = _real_getattr(obj, name)
        if access is Access.FORMAT:
            return wrap_format(value, self.format_getattr)
        if access is Access.CLASS:
            return self._public_class(value, obj) if isinstance(value, _real_type) else value
        if access is Access.INIT:
            return self._checked_init(obj, value)
        if access is Access.ABC_REGISTER:
            return self._checked_register(value)
        return value

    def _checked_register(self, value: Any) -> Any:
        """`register` of an ABC. A library ABC answers `issubclass` by asking its subclasses,
        so registering a class with the cell's own subclass of `Sequence` makes that class a
        `Sequence` for the host and every cell: such an ABC registers only the cell's own
        classes. A library ABC reached another way (`typing.Hashable` forwards `register`
        to `collections.abc.Hashable`) registers nothing."""
        if _real_type(value) is not MethodType or value.__func__ is not _abc_register:
            return value
        owner: Any = value.__self__  # a class: register is bound to it
        if not self.owns(owner):
            raise AttributeDenied("registering with a library ABC would change it for the "
                                  "host and every cell", "PC201")
        if all(c in self.owned_all or c is abc.ABC or not isinstance(c, abc.ABCMeta)
               for c in owner.__mro__):
            return value  # only the cell's ABCs answer for what it registers
        owned = self.owned_all
        register = value

        def checked(subclass: Any) -> Any:
            if subclass not in owned:
                raise OperationDenied(f"{owner.__name__} derives from a library ABC: it can "
                                      "register only classes the cell created", "PC205")
            return register(subclass)
        checked.__qualname__ = checked.__name__ = "register"
        return checked

    def match_class(self, cls: Any, positional: int) -> Any:
        """`.match_class(C, n)`: C if a class pattern with n positional sub-patterns may use
        it, else a stand-in class that raises the denial when the case is tried."""
        if not isinstance(cls, _real_type):
            return cls  # CPython reports non-classes itself
        # The cell's classes too: dataclass() sets __match_args__ after the class checks.
        if cls in _MATCH_SELF_TYPES and positional <= 1:
            return cls  # int(x), str(x), ...: the subject itself, no attribute read
        error = _match_args_error(cls, positional)
        if error is not None:
            return defer(error)
        owned = self.owned_all
        if any(c in owned for c in cls.__mro__):
            # dataclass() can still set __match_args__ (private fields too) on the cell's
            # classes after this check: from the subject expression or the guard of an
            # earlier case. A stand-in checks again each time the case is tried.
            key = (cls, positional)
            standin = self._match_standins.get(key)
            if standin is None:
                standin = self._match_standins[key] = _rechecked(cls, positional)
            return standin
        return cls

    # -- guarded builtins ----------------------------------------------------------------------
    def setattr(self, obj: Any, name: Any, value: Any) -> None:
        self._check_write_name(obj, name)
        _real_setattr(obj, name, value)

    def delattr(self, obj: Any, name: Any) -> None:
        self._check_write_name(obj, name)
        _real_delattr(obj, name)

    def _check_write_name(self, obj: Any, name: Any) -> None:
        if _real_type(name) is not str:
            raise TypeError(f"attribute name must be string, not '{_type_name(name)}'")
        if write_allowed_name(name).denied:
            raise AttributeDenied(f"access to attribute {name!r} is not allowed", "PC201")
        self.write(obj, name)

    def hasattr(self, obj: Any, name: Any) -> bool:
        """Answers for any name: a bool reveals existence, never the object."""
        if _real_type(name) is not str:
            raise TypeError(f"attribute name must be string, not '{_type_name(name)}'")
        return _real_hasattr(obj, name)

    def _readable(self, obj: Any, name: str, owned: bool) -> bool:
        access = classify_attribute(name)
        if access is Access.PRIVATE:
            return owned
        return not access.denied

    def dir(self, *args: Any) -> list[str]:
        if len(args) != 1:
            self.deny_op("dir() needs an argument in a cell")
        obj = args[0]
        owned = self.owns(obj)
        return [n for n in _real_dir(obj) if type(n) is str and self._readable(obj, n, owned)]

    def vars(self, *args: Any) -> dict[str, Any]:
        """A copy of the readable attributes of an object the cell owns or a module view."""
        if len(args) != 1:
            self.deny_op("vars() needs an argument in a cell")
        obj = args[0]
        if not (self.owns(obj) or self.is_view(obj)):
            self.deny_op(f"vars() is only available for objects the cell created, not "
                         f"{_type_name(obj)!r}")
        owned = self.owns(obj)
        return {k: v for k, v in _real_getattr(obj, "__dict__").items()
                if type(k) is str and self._readable(obj, k, owned)}

    def is_view(self, obj: Any) -> bool:
        return False  # replaced by the Cell with its module table's check

    def class_of(self, obj: Any) -> Any:
        """`type(obj)`, with metaclasses (the real `type` among them) replaced by the cell's."""
        cls = _real_type(obj)
        if _real_type(cls) is EnumType:
            harden_value(cls)  # a library Flag: see runtime/hardening.py
        return self._public_class(cls, obj)

    def _public_class(self, cls: Any, obj: Any) -> Any:
        if cls is Bastion:
            # Constructing proxies is the supervisor's business (a cell-made proxy would run
            # cell filters in the host).
            raise AttributeDenied("the class of a Bastion proxy is not available in a cell",
                                  "PC202")
        if issubclass(cls, _real_type) or obj is self.type or cls is _real_type(self.type):
            return self.type
        if issubclass(cls, GenericAlias):
            # Its constructor takes any callable as origin, and calling the alias sets
            # `__orig_class__` on whatever that callable returns (host objects, library
            # classes). The typing aliases are refused below as private classes.
            raise AttributeDenied("the class of generic aliases is not available in a cell",
                                  "PC202")
        if issubclass(cls, io.FileIO):
            # The raw layer of the cell's files: its constructor opens host paths.
            raise AttributeDenied("the class of raw file objects is not available in a cell",
                                  "PC202")
        if cls.__name__.startswith("_") and cls.__module__ not in ("builtins", "__main__") \
                and cls not in self.owned_all:
            # A library's private class (typing._GenericAlias, ...): its constructor is
            # internal machinery, not an API for the cell.
            raise AttributeDenied(f"the class of this object ({cls.__module__}."
                                  f"{cls.__qualname__}) is private to its library", "PC202")
        return cls

    # -- class creation ------------------------------------------------------------------------
    def build_class(self, func: Any, name: Any, *bases: Any, **kwargs: Any) -> Any:
        """The cell's `__build_class__`: `class` statements land here (LOAD_BUILD_CLASS)."""
        if kwargs:
            self.deny_op("class keywords are not allowed")
        # A non-class "metaclass" makes CPython skip `__prepare__` and call it with the
        # resolved bases and the namespace the body filled.
        # (Without bases no `__prepare__` is needed: one Python call less per class.)
        return _real_build_class(func, name, *bases, metaclass=self._derived_factory
                                 if bases else self._factory)

    def check_bases(self, bases: tuple[Any, ...]) -> type:
        """Refuse bases a cell may not derive from; return the metaclass the class will get."""
        meta: type = _real_type
        for base in bases:
            if not isinstance(base, _real_type):
                self.deny_op(f"a class base must be a class, not {_type_name(base)!r}")
            if issubclass(base, _real_type):
                self.deny_op("cells may not create metaclasses (subclasses of type)")
            if issubclass(base, BaseException) and not issubclass(base, Exception):
                self.deny_op(f"cells may not subclass {base.__name__}")
            if issubclass(base, BaseExceptionGroup):
                self.deny_op("cells may not subclass exception groups")
            base_meta = _real_type(base)
            if issubclass(base_meta, meta):
                meta = base_meta
            elif not issubclass(meta, base_meta):
                raise TypeError("metaclass conflict: the metaclass of a derived class must be "
                                "a (non-strict) subclass of the metaclasses of all its bases")
        if meta is not _real_type and not _allowed_metaclass(meta):
            self.deny_op(f"classes with metaclass {meta.__name__!r} cannot be created in a cell")
        return meta

    def make_class(self, name: Any, bases: tuple[Any, ...], namespace: Any) -> Any:
        """Check bases and namespace, create the class, and record it as the cell's."""
        if _real_type(name) is not str:
            raise TypeError(f"type.__new__() argument 1 must be str, not {_type_name(name)}")
        meta = self.check_bases(bases) if bases else _real_type
        allowed = _CLASS_NAMESPACE_DUNDERS
        temporaries = []
        # One pass over the keys: the common key is a plain identifier, checked with two C
        # calls; everything unusual falls through to the slow branch.
        for key in namespace:
            if _real_type(key) is str and key.isidentifier():
                if key[:2] == "__" and key[-2:] == "__" and key not in allowed:
                    self.deny_op(f"a cell class may not define {key!r}")
            elif _real_type(key) is str and key[:1] == ".":
                temporaries.append(key)  # the rewriter's (unspellable names)
            else:
                self.deny_op(f"class attribute names must be identifiers, not {key!r}")
        for key in temporaries:
            del namespace[key]
        if "__slots__" in namespace:
            namespace["__slots__"] = self._checked_names(namespace["__slots__"], "__slots__",
                                                         allow_private=True)
        if "__match_args__" in namespace:
            # Positional patterns read these natively, on any object an ABC of the cell's
            # claims as an instance: only plain public names.
            namespace["__match_args__"] = self._checked_names(namespace["__match_args__"],
                                                              "__match_args__", allow_private=False)
        cls = meta(name, bases, namespace)
        if bases and issubclass(cls, HASHED_BUILTINS):
            self.check_hashing(cls)
        self.register(cls, bases)
        return cls

    def check_hashing(self, cls: type) -> None:
        """A subclass of str, bytes, int, ... hashes and compares as its builtin does.

        Host-wide caches are keyed by such values (`re`'s templates, `struct`'s formats,
        `_strptime`'s formats, `typing`'s parameters, the `re` flags): a key whose `__eq__`
        or `__hash__` is the cell's could stand in for another program's text and hand it the
        cell's cached result (or run cell code inside the host's lookups). So each must be
        the builtin's own method (or `object`'s), found in the class's MRO; `__hash__ = None`
        (unhashable) is fine. Being C code is not enough: a builtin function or bound
        method in the class is called with the other side only (`__eq__ = repr` is always
        true) or with nothing (`__hash__ = hash(k).conjugate` returns hash(k)), and another
        C method of the builtin (`__eq__ = str.__contains__`) is not its comparison."""
        for attr in ("__eq__", "__ne__", "__hash__"):
            for klass in cls.__mro__:
                if attr in klass.__dict__:
                    value = klass.__dict__[attr]
                    if value is not None and not any(
                            value is vars(base).get(attr) for base in cls.__mro__
                            if base in HASHED_BUILTINS or base is object):
                        self.deny_op(f"a cell class derived from {_hashed_base(cls)!r} may not "
                                     f"define {attr!r} (host caches are keyed by such values)")
                    break

    def register(self, cls: type, bases: tuple[Any, ...] | None = None) -> None:
        """Record `cls` as created by the cell."""
        self.owned_all.add(cls)
        if bases == ():
            self.owned_types.add(cls)  # only `object` above it
            return
        owned = self.owned_all
        if all(c in owned or c.__module__ == "builtins" for c in cls.__mro__):
            self.owned_types.add(cls)

    def _checked_names(self, value: Any, what: str, allow_private: bool) -> tuple[str, ...]:
        names = (value,) if isinstance(value, str) else tuple(value)
        for n in names:
            if _real_type(n) is not str:
                self.deny_op(f"{what} entries must be str, not {_type_name(n)!r}")
            access = classify_attribute(n)
            if not (access is Access.ALLOW or (allow_private and access is Access.PRIVATE)) \
                    or is_dunder(n):
                self.deny_op(f"{what} may not name {n!r}")
        return names
