"""Files for cells: `open` and confined `os`/`os.path` stand-ins over the policy's file roots.

A cell sees each `FileRoot` at its mount point, chroot-like; its working directory is "/".
Every path is resolved by `CellFiles._resolve`, which walks the host tree one component at a
time from a descriptor of the root (`os.open(name, dir_fd=parent, O_NOFOLLOW)`), never giving
the kernel more than one name and never letting it follow a symlink. Symlinks are read with
`readlink` and their targets resolved *virtually* in the same root, so what is opened is what
was checked: there is no check-then-use window for a swapped symlink.

Decisions a cell can observe (also in the README's section on files):
- a path under no mount point, `..` above a mount point, a symlink leading out of its root,
  an integer descriptor, an `opener`, a write without a write grant, a quota: `AccessDenied`
  (a PermissionError, errno EACCES, `.filename` the cell's path);
- other failures are the usual OSError subclasses, rebuilt with the cell's path: no host path
  ever appears in an exception or on a file object (`name` is the cell's path);
- text files default to UTF-8 (the locale's encoding is host state);
- bytes paths are decoded with `os.fsdecode` and treated as str (names come back as str);
- only regular files and directories are reachable: a FIFO or device in a root is refused
  before it is opened (lstat first, then open and compare the inode with fstat).
"""

from __future__ import annotations

import builtins
import errno
import io
import operator
import os
import posixpath
import stat as _stat
import threading
from collections import deque
from collections.abc import Callable
from typing import Any, NoReturn

from ..errors import AccessDenied
from ..policy import FileRoot

#: Attributes of the `os` stand-in: read-only ones, and those that also need a write grant.
OS_READ_NAMES = frozenset({"listdir", "scandir", "stat", "lstat", "walk", "getcwd", "fspath",
                           "sep", "curdir", "pardir", "extsep", "linesep", "error", "path"})
OS_WRITE_NAMES = frozenset({"mkdir", "makedirs", "remove", "unlink", "rmdir", "rename",
                            "replace"})
OS_NAMES = OS_READ_NAMES | OS_WRITE_NAMES
PATH_NAMES = frozenset({"join", "split", "splitext", "basename", "dirname", "normpath", "isabs",
                        "abspath", "exists", "isfile", "isdir", "islink", "getsize", "sep"})

_MAX_LINKS = 40  # as Linux's MAXSYMLINKS: more gives ELOOP
#: What creating a directory entry (a file, a directory, a rename's target) costs against a
#: root's `max_bytes_written`: a directory block. Without it a loop of mkdir or empty files
#: could use up the host file system's inodes inside any byte quota.
ENTRY_COST = 4096
_RACE_RETRIES = 8  # an entry that keeps appearing and vanishing during an open: EAGAIN
_PATH_MAX = 4096
_O_PATH = getattr(os, "O_PATH", 0)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_O_NOCTTY = getattr(os, "O_NOCTTY", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
# A handle to walk through: O_PATH needs no read permission and opens nothing (Linux);
# elsewhere a read-only directory descriptor does the same job.
_DIR_HANDLE = (_O_PATH or os.O_RDONLY) | os.O_DIRECTORY | os.O_NOFOLLOW | _O_CLOEXEC
_DIR_READ = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | _O_CLOEXEC
# What a refused O_NOFOLLOW gives for a symlink: ELOOP (Linux, macOS), EMLINK (FreeBSD),
# ENOTDIR when a directory was required.
_LINK_ERRNOS = frozenset({errno.ELOOP, errno.EMLINK, errno.ENOTDIR})

#: Only this module can construct the raw file class.
_TOKEN = object()


def denied(message: str, cellpath: str) -> AccessDenied:
    """An AccessDenied that is a proper OSError: errno EACCES, `.filename` the cell's path."""
    exc = AccessDenied.__new__(AccessDenied, errno.EACCES, message, cellpath)
    # SecurityError's __init__ takes a message only; OSError's fills errno and filename.
    OSError.__init__(exc, errno.EACCES, message, cellpath)
    return exc


def _cell_error(exc: OSError, cellpath: str, cellpath2: str | None = None) -> OSError:
    """`exc` rebuilt from its errno alone: a message and filenames of the cell's making."""
    if isinstance(exc, AccessDenied):
        return exc
    code = exc.errno if isinstance(exc.errno, int) else errno.EIO
    if cellpath2 is None:
        return OSError(code, os.strerror(code), cellpath)
    return OSError(code, os.strerror(code), cellpath, None, cellpath2)


class _Link:
    """A step met a symlink: its target, to be resolved virtually."""

    __slots__ = ("target",)

    def __init__(self, target: str) -> None:
        self.target = target


def _readlink(dir_fd: int, name: str) -> _Link | None:
    try:
        return _Link(os.readlink(name, dir_fd=dir_fd))
    except OSError:
        return None  # not (or no longer) a symlink: the caller reports its own error


def _open_at(dir_fd: int, name: str, flags: int, mode: int = 0o777) -> int | _Link:
    """`os.open(name, flags, dir_fd=dir_fd)` without following a link, or the symlink found
    there (the open failed the way a link makes it fail: ELOOP, ENOTDIR)."""
    try:
        return os.open(name, flags, mode, dir_fd=dir_fd)
    except OSError as exc:
        if exc.errno in _LINK_ERRNOS:
            link = _readlink(dir_fd, name)
            if link is not None:
                return link
        raise


def _open_dir(dir_fd: int, name: str) -> int | _Link:
    """A handle on directory `name` in `dir_fd`, or the symlink found there."""
    return _open_at(dir_fd, name, _DIR_HANDLE)


def _entry_stat(dir_fd: int, name: str) -> os.stat_result:
    """lstat of `name` in `dir_fd`: what `open` checks before it opens anything."""
    return os.stat(name, dir_fd=dir_fd, follow_symlinks=False)


def _lstat_final(dir_fd: int, name: str | None) -> os.stat_result:
    if name is None:
        return os.stat(dir_fd)
    return os.stat(name, dir_fd=dir_fd, follow_symlinks=False)


def _stat_final(dir_fd: int, name: str | None) -> os.stat_result | _Link:
    # lstat, never stat: a symlink is expanded by the resolver, never by the kernel.
    st = _lstat_final(dir_fd, name)
    if name is not None and _stat.S_ISLNK(st.st_mode):
        return _readlink(dir_fd, name) or _Link(name)  # swapped meanwhile: look again
    return st


#: Guards every quota: a charge checks and updates a whole chain (a sub-cell's quota and its
#: makers') at once. Finalizers (which close files and release) may run on any thread, and on
#: this one whenever an allocation triggers a collection: reentrant.
_QUOTA_LOCK = threading.RLock()


class _Quota:
    """Per cell and root: bytes written and files open at once. `chain` is this quota and
    those of the cells above it whose roots contain its root: a sub-cell's writes and open
    files count there too, so sub-cells cannot multiply their maker's quota."""

    __slots__ = ("chain", "max_bytes", "max_open", "open_files", "root", "written")

    def __init__(self, root: FileRoot) -> None:
        self.root = root
        self.max_bytes = root.max_bytes_written
        self.max_open = root.max_open_files
        self.written = 0
        self.open_files = 0
        self.chain: tuple[_Quota, ...] = (self,)

    def charge(self, n: int, cellpath: str) -> None:
        over = None
        with _QUOTA_LOCK:
            for quota in self.chain:
                if quota.max_bytes is not None and quota.written + n > quota.max_bytes:
                    over = quota
                    break
            else:
                for quota in self.chain:
                    quota.written += n
        if over is not None:
            raise denied(f"write quota of {over.max_bytes} bytes exceeded", cellpath)

    def refund(self, n: int) -> None:
        with _QUOTA_LOCK:
            for quota in self.chain:
                quota.written -= n

    def acquire(self, cellpath: str) -> None:
        over = None
        with _QUOTA_LOCK:
            for quota in self.chain:
                if quota.max_open is not None and quota.open_files >= quota.max_open:
                    over = quota
                    break
            else:
                for quota in self.chain:
                    quota.open_files += 1
        if over is not None:
            raise denied(f"too many open files (limit {over.max_open})", cellpath)

    def release(self) -> None:
        with _QUOTA_LOCK:
            for quota in self.chain:
                quota.open_files -= 1


class _CellFileIO(io.FileIO):
    """The raw layer of a cell's file: writes are charged to the root's quota before they
    happen, and closing (or garbage collection, whose finalizer calls close) releases the
    open-file slot. Cells can neither name this class nor construct it."""

    def __init__(self, token: object, name: str, mode: str, opener: Callable[[str, int], int],
                 quota: _Quota) -> None:
        if token is not _TOKEN:
            raise TypeError("cannot create file objects directly; use open()")
        self._pc_quota: _Quota | None = None
        super().__init__(name, mode, closefd=True, opener=opener)
        self._pc_quota = quota  # set last: only an opened file holds a slot

    def write(self, b: Any, /) -> int:
        data = memoryview(b).nbytes
        quota = self._pc_quota
        if quota is None or self.closed:
            return super().write(b)  # raises for closed files
        # A write past the end (after a seek) fills the gap with zeros: charged like the
        # zeros of a growing truncate(). Appends always land at the end.
        gap = 0
        if "a" not in self.mode:
            gap = max(0, self.tell() - os.fstat(self.fileno()).st_size)
        n = data + gap
        quota.charge(n, self.name)
        try:
            written = super().write(b)
        except BaseException:
            quota.refund(n)
            raise
        done = written if isinstance(written, int) else 0  # None: would block, nothing written
        # Refund only the data not written: once any byte lands the gap exists on disk.
        # (Comparing `done` with data + gap refunded the gap after every write.)
        if done == 0:
            quota.refund(n)
        elif done < data:
            quota.refund(data - done)
        return written

    def truncate(self, size: Any = None, /) -> int:
        # Extending a file by truncate() writes zeros: charged like a write. The size is
        # taken as an exact int once: an int subclass could lie to the subtraction, and any
        # object with __index__ would reach the builtin unchecked.
        if size is not None:
            size = operator.index(size)
        quota = self._pc_quota
        grow = 0
        if quota is not None and not self.closed:
            target = self.tell() if size is None else size
            grow = max(0, target - os.fstat(self.fileno()).st_size)
            if grow:
                quota.charge(grow, self.name)
        try:
            return super().truncate(size)
        except BaseException:
            # Nothing grew (a file open for reading, a bad size): refund, as write() does,
            # or a read-only file (or a read-only sub-cell, whose charges reach its maker's
            # quota) could use up the write quota without writing a byte.
            if grow and quota is not None:
                quota.refund(grow)
            raise

    def close(self) -> None:
        try:
            super().close()
        finally:
            quota, self._pc_quota = getattr(self, "_pc_quota", None), None
            if quota is not None:
                quota.release()


class _Probe(Exception):
    """Raised by the probe opener: the builtin accepted the arguments; carries its flags."""

    def __init__(self, flags: int) -> None:
        super().__init__(flags)
        self.flags = flags


def _probe_opener(name: str, flags: int) -> int:
    raise _Probe(flags)


def _exact_str(value: Any) -> Any:
    # A str subclass could override what is called on it later; keep the value only.
    return str.__str__(value) if isinstance(value, str) else value


def _walk_parts(path: str) -> list[str]:
    # str.split of the exact type: a cell's str subclass must never choose the components
    # (one holding '../x' would be resolved by the kernel). cellpath makes paths exact; this
    # holds even if a caller forgets.
    parts = str.split(str.__str__(path), "/")
    # A trailing slash (or "/.") requires a directory: a final "." makes the walk treat the
    # last name as one.
    return [p for p in parts if p not in ("", ".")] + (["."] if parts[-1] in ("", ".") else [])


def _is_a_directory(dir_fd: int, name: str | None) -> NoReturn:
    raise OSError(errno.EISDIR, os.strerror(errno.EISDIR))


def _without_slashes(cellpath: str) -> tuple[str, bool]:
    """`cellpath` without trailing slashes, and whether it had any. Calls that name a
    directory to create, remove or rename take "d/" as "d" (as the kernel does for them),
    instead of walking into "d" as `_walk_parts` does. "/" stays itself."""
    stripped = str.rstrip(cellpath, "/")
    if stripped and stripped != cellpath:
        return stripped, True
    return cellpath, False


class CellFiles:
    """The files of one cell: its roots, the quotas, `open` and the `os` stand-ins."""

    def __init__(self, roots: tuple[FileRoot, ...]) -> None:
        self.roots = tuple(roots)
        self._quotas = {r.mount: _Quota(r) for r in self.roots}
        # Longest mount first: the most specific root wins.
        self._by_depth = sorted(self.roots, key=lambda r: -len(self._mount_parts(r)))

    def inherit(self, maker: CellFiles) -> None:
        """Make this (a sub-cell's) files count against `maker`'s quotas as well: every quota
        of `maker` whose root contains one of ours. Call before any file is opened."""
        for quota in self._quotas.values():
            chain = [quota]
            for up in maker._quotas.values():
                if up.root.contains(quota.root):
                    chain += [q for q in up.chain if q not in chain]
            quota.chain = tuple(chain)

    @staticmethod
    def _mount_parts(root: FileRoot) -> list[str]:
        return [p for p in root.mount.split("/") if p]

    # -- paths ---------------------------------------------------------------------------------
    @staticmethod
    def cellpath(file: Any) -> str:
        """The path a cell passed, as exact str (PermissionError for descriptors)."""
        if isinstance(file, int):
            raise denied("file descriptors are not available in a cell", str(int.__int__(file)))
        if not isinstance(file, (str, bytes)):
            file = os.fspath(file)  # once; the result must be exactly str or bytes
            if type(file) not in (str, bytes):
                raise TypeError("expected __fspath__() to return str or bytes")
        # Exact types only: bytes(x) returns whatever a subclass's __bytes__ gives, and
        # fsdecode calls its decode(), which could hand back a str subclass whose split()
        # puts several components ('../x') in one name the kernel would resolve.
        path = str.__str__(os.fsdecode(bytes(memoryview(file)))) if isinstance(file, bytes) \
            else str.__str__(file)
        if "\0" in path:
            raise ValueError("embedded null byte")
        if len(path) > _PATH_MAX:
            raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG), path)
        return path

    def _root_for(self, cellpath: str) -> tuple[FileRoot, list[str]]:
        """The root a cell path falls under (longest mount prefix) and the path's parts below
        the mount point."""
        if not cellpath:
            raise OSError(errno.ENOENT, os.strerror(errno.ENOENT), cellpath)
        parts = _walk_parts(cellpath if cellpath.startswith("/") else "/" + cellpath)
        for root in self._by_depth:
            mount = self._mount_parts(root)
            if parts[: len(mount)] == mount:
                return root, parts[len(mount):]
        raise denied("no file root is mounted there", cellpath)

    def _resolve(self, cellpath: str, final: Callable[[int, str | None], Any],
                 root_parts: tuple[FileRoot, list[str]] | None = None) -> Any:
        """Walk `cellpath` inside its root and run `final(dir_fd, name)` on the last component
        (`name` None when the path names a directory itself, as with "/", "a/.." or "a/").
        `final` may return a `_Link` to have a symlink expanded and the walk continued."""
        root, parts = root_parts or self._root_for(cellpath)
        try:
            top = os.open(root.path, _DIR_HANDLE)
        except OSError as exc:
            error = _cell_error(exc, cellpath)  # raised outside: no host path as context
            top = -1
        if top < 0:
            raise error
        stack = [top]  # the directories walked, root first: ".." pops, never asks the kernel
        pending = deque(parts)
        links = 0
        try:
            while True:
                if not pending:
                    result = final(stack[-1], None)
                else:
                    name = pending.popleft()
                    if name == ".":
                        continue
                    if name == "..":
                        if len(stack) == 1:
                            raise denied("'..' leads above the file root", cellpath)
                        os.close(stack.pop())
                        continue
                    if pending:
                        result = _open_dir(stack[-1], name)
                        if isinstance(result, int):
                            stack.append(result)
                            continue
                    else:
                        result = final(stack[-1], name)
                if not isinstance(result, _Link):
                    return result
                links += 1
                if links > _MAX_LINKS:
                    raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), cellpath)
                target = result.target
                if target.startswith("/"):
                    # Absolute targets are host paths: only those inside this root's host
                    # folder, mapped into it.
                    host = root.path.rstrip("/")
                    if target != host and not target.startswith(host + "/"):
                        raise denied("a symbolic link leads out of the file root", cellpath)
                    target = target[len(host):]
                    for fd in stack[1:]:
                        os.close(fd)
                    del stack[1:]
                pending.extendleft(reversed(_walk_parts(target)))
        except OSError as exc:
            error = _cell_error(exc, cellpath)
        finally:
            for fd in stack:
                os.close(fd)
        raise error

    def _writable(self, cellpath: str) -> tuple[FileRoot, list[str]]:
        found = self._root_for(cellpath)
        if not found[0].write:
            raise denied("the file root is read-only", cellpath)
        return found

    # -- open ----------------------------------------------------------------------------------
    def open(self, file: Any, mode: str = "r", buffering: int = -1, encoding: str | None = None,
             errors: str | None = None, newline: str | None = None, closefd: bool = True,
             opener: Any = None) -> Any:
        """The builtin `open`, over the cell's roots."""
        if isinstance(file, int):
            self.cellpath(file)  # raises
        if opener is not None:
            raise denied("open() takes no opener in a cell", str(file) if
                         isinstance(file, str) else "<opener>")
        mode, encoding, errors, newline = (_exact_str(v) for v in (mode, encoding, errors, newline))
        # The builtin validates the arguments (mode letters, text/binary combinations, types)
        # and computes the open flags; the probe opener stops it before anything is opened.
        try:
            builtins.open("probe", mode, buffering, encoding, errors, newline, closefd,
                    opener=_probe_opener)
        except _Probe as probe:
            flags = probe.flags
        else:  # pragma: no cover - the probe opener always raises
            raise AssertionError("probe opener did not run")
        buffering = int.__int__(buffering)  # validated as an int above
        cellpath = self.cellpath(file)
        binary = "b" in mode
        if buffering == 0 and not binary:
            raise ValueError("can't have unbuffered text I/O")
        writing = any(c in mode for c in "wax+")
        found = self._writable(cellpath) if writing else self._root_for(cellpath)
        walked, slash = _without_slashes(cellpath)
        if slash and flags & os.O_CREAT:
            # As the kernel: a name to create given with a trailing slash is EISDIR, once
            # the directory it would be created in is found.
            self._resolve(cellpath, _is_a_directory, self._root_for(walked))
        quota = self._quotas[found[0].mount]
        quota.acquire(cellpath)
        try:
            raw = self._raw(cellpath, mode, flags, found, quota)
        except BaseException:
            quota.release()
            raise
        return _stack(raw, mode, buffering, encoding, errors, newline)

    def _raw(self, cellpath: str, mode: str, flags: int, found: tuple[FileRoot, list[str]],
             quota: _Quota) -> _CellFileIO:
        # No O_TRUNC until the file is known to be a regular one; O_NONBLOCK so that a FIFO
        # cannot block the open. O_CREAT only with O_EXCL, where the entry was missing: a
        # created entry is charged to the quota, and it is ours (new, empty, regular).
        base = (flags & ~(os.O_TRUNC | os.O_CREAT | os.O_EXCL)) | os.O_NOFOLLOW | _O_NONBLOCK \
            | _O_NOCTTY | _O_CLOEXEC
        creating = bool(flags & os.O_CREAT)

        def create(dir_fd: int, name: str) -> int | None:
            """A new file `name`, charged, or None when an entry appeared meanwhile."""
            quota.charge(ENTRY_COST, cellpath)
            try:
                fd = os.open(name, base | os.O_CREAT | os.O_EXCL, 0o666, dir_fd=dir_fd)
            except FileExistsError:
                quota.refund(ENTRY_COST)
                return None
            except BaseException:
                quota.refund(ENTRY_COST)
                raise
            try:
                os.set_blocking(fd, True)
            except BaseException:
                os.close(fd)
                raise
            return fd

        def final(dir_fd: int, name: str | None) -> int | _Link:
            if name is None:
                raise OSError(errno.EISDIR, os.strerror(errno.EISDIR))
            # The entry is checked before anything is opened: opening a FIFO or a device can
            # block or have side effects. The open that follows is of that very inode or
            # refused (st_dev/st_ino compared), so swapping the entry in between gains nothing.
            for _ in range(_RACE_RETRIES):
                try:
                    st = _entry_stat(dir_fd, name)
                except FileNotFoundError:
                    if not creating:
                        raise
                    new = create(dir_fd, name)
                    if new is None:
                        continue  # appeared meanwhile: look again
                    return new  # O_EXCL|O_NOFOLLOW made it: a new regular file
                if creating and flags & os.O_EXCL:  # as the kernel: even a dangling link
                    raise OSError(errno.EEXIST, os.strerror(errno.EEXIST))
                if _stat.S_ISLNK(st.st_mode):
                    link = _readlink(dir_fd, name)
                    if link is None:
                        continue  # swapped meanwhile: look again
                    return link
                if _stat.S_ISDIR(st.st_mode):
                    raise OSError(errno.EISDIR, os.strerror(errno.EISDIR))
                if not _stat.S_ISREG(st.st_mode):
                    raise denied("only regular files can be opened in a cell", cellpath)
                try:
                    fd = _open_at(dir_fd, name, base)
                except FileNotFoundError:
                    continue  # removed since the check: look again
                break
            else:
                raise OSError(errno.EAGAIN, os.strerror(errno.EAGAIN))
            if isinstance(fd, _Link):
                return fd  # became a symlink since the check: the resolver expands it
            try:
                now = os.fstat(fd)
                if (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino) \
                        or not _stat.S_ISREG(now.st_mode):
                    raise denied("the file changed while it was being opened", cellpath)
                os.set_blocking(fd, True)
                if flags & os.O_TRUNC:
                    os.ftruncate(fd, 0)
            except BaseException:
                os.close(fd)
                raise
            return fd

        fd = self._resolve(cellpath, final, found)
        rawmode = "".join(c for c in "xrwa+" if c in mode) or "r"
        try:
            return _CellFileIO(_TOKEN, cellpath, rawmode, lambda name, flags: fd, quota)
        except OSError as exc:
            error = _cell_error(exc, cellpath)
        raise error

    # -- os functions --------------------------------------------------------------------------
    def stat(self, path: Any) -> os.stat_result:
        cellpath = self.cellpath(path)
        result: os.stat_result = self._resolve(cellpath, _stat_final)
        return result

    def lstat(self, path: Any) -> os.stat_result:
        cellpath = self.cellpath(path)
        root, parts = self._root_for(cellpath)
        result: os.stat_result = self._resolve(cellpath, _lstat_final, (root, parts))
        return result

    def _entries(self, cellpath: str) -> list[tuple[str, int]]:
        """(name, d_type-like mode bits) of a directory's entries."""

        def final(dir_fd: int, name: str | None) -> list[tuple[str, int]] | _Link:
            if name is None:
                fd = os.open(".", _DIR_READ, dir_fd=dir_fd)
            else:
                found = _open_at(dir_fd, name, _DIR_READ)
                if isinstance(found, _Link):
                    return found
                fd = found
            entries = []
            try:
                # os.scandir(fd) reads a duplicate of fd and closes only that: fd is ours
                # to close, or every listing leaks a host descriptor.
                with os.scandir(fd) as it:
                    for e in it:
                        kind = (_stat.S_IFLNK if e.is_symlink() else _stat.S_IFDIR
                                if e.is_dir(follow_symlinks=False) else _stat.S_IFREG
                                if e.is_file(follow_symlinks=False) else 0)
                        entries.append((e.name, kind))
            finally:
                os.close(fd)
            return entries

        result: list[tuple[str, int]] = self._resolve(cellpath, final)
        return result

    def listdir(self, path: Any = "/") -> list[str]:
        return [name for name, _ in self._entries(self.cellpath(path))]

    def scandir(self, path: Any = "/") -> _ScandirIterator:
        cellpath = self.cellpath(path)
        stat_of = self._plain_stat()
        return _ScandirIterator([_DirEntry(name, posixpath.join(cellpath, name), kind, stat_of)
                                 for name, kind in self._entries(cellpath)])

    def _plain_stat(self) -> Callable[[str, bool], os.stat_result]:
        # A closure, not a bound method: DirEntry objects hold it, and copy.deepcopy walks a
        # method's __self__ but copies functions by reference.
        files = self

        def stat_of(cellpath: str, follow: bool) -> os.stat_result:
            return files.stat(cellpath) if follow else files.lstat(cellpath)
        return stat_of

    def walk(self, top: Any = "/", topdown: bool = True, onerror: Any = None,
             followlinks: bool = False) -> _Walker:
        # An iterator object, not a generator: a generator would carry a host frame.
        return _Walker(self, self.cellpath(top), bool(topdown), onerror, bool(followlinks))

    def lstat_is_link(self, path: str) -> bool:
        try:
            return _stat.S_ISLNK(self.lstat(path).st_mode)
        except OSError:
            return False

    def mkdir(self, path: Any, mode: int = 0o777) -> None:
        cellpath = self.cellpath(path)
        if not isinstance(mode, int):
            raise TypeError("mode must be an integer")
        bits = int.__int__(mode) & 0o777  # no setuid/setgid/sticky from a cell

        def final(dir_fd: int, name: str | None) -> None:
            if name is None:
                raise OSError(errno.EEXIST, os.strerror(errno.EEXIST))
            os.mkdir(name, bits, dir_fd=dir_fd)

        walked, _ = _without_slashes(cellpath)  # mkdir('c/') creates c
        found = self._writable(walked)
        self._charged(found, cellpath, lambda: self._resolve(cellpath, final, found))

    def _charged(self, found: tuple[FileRoot, list[str]], cellpath: str,
                 create: Callable[[], None]) -> None:
        """Run `create`, which makes one directory entry, charged `ENTRY_COST` to the root's
        quota beforehand and refunded if it fails."""
        quota = self._quotas[found[0].mount]
        quota.charge(ENTRY_COST, cellpath)
        try:
            create()
        except BaseException:
            quota.refund(ENTRY_COST)
            raise

    def makedirs(self, name: Any, mode: int = 0o777, exist_ok: bool = False) -> None:
        cellpath = self.cellpath(name)
        head, tail = posixpath.split(cellpath.rstrip("/") or "/")
        if head and tail and head != cellpath and not self._exists(head):
            try:
                self.makedirs(head, mode, exist_ok=True)
            except FileExistsError:
                pass
        try:
            self.mkdir(cellpath, mode)
        except OSError:
            if not exist_ok or not self._isdir(cellpath):
                raise

    def _unlink_like(self, path: Any, remove: Callable[[str, int], None],
                     directory: bool = False) -> None:
        cellpath = self.cellpath(path)
        # rmdir('d/') removes d (rmdir refuses anything but a directory itself); unlink
        # keeps the slash, so 'file/' is ENOTDIR as in CPython.
        walked = _without_slashes(cellpath)[0] if directory else cellpath

        def final(dir_fd: int, name: str | None) -> None:
            if name is None:
                raise denied("cannot remove a directory given as '.', '..' or a mount point",
                             cellpath)
            remove(name, dir_fd)

        self._resolve(cellpath, final, self._writable(walked))

    def remove(self, path: Any) -> None:
        self._unlink_like(path, lambda name, fd: os.unlink(name, dir_fd=fd))

    def rmdir(self, path: Any) -> None:
        self._unlink_like(path, lambda name, fd: os.rmdir(name, dir_fd=fd), directory=True)

    def rename(self, src: Any, dst: Any) -> None:
        self._move(src, dst, os.rename)

    def replace(self, src: Any, dst: Any) -> None:
        self._move(src, dst, os.replace)

    def _move(self, src: Any, dst: Any, move: Callable[..., None]) -> None:
        source, target = self.cellpath(src), self.cellpath(dst)
        # A trailing slash on either end: the source must be a directory ('d/' is 'd').
        src_walked, src_slash = _without_slashes(source)
        dst_walked, dst_slash = _without_slashes(target)
        src_root, src_parts = self._writable(src_walked)
        dst_root, dst_parts = self._writable(dst_walked)
        if src_root is not dst_root:
            raise denied("both ends of a rename must be in the same file root", source)

        def parent(cellpath: str, directory: bool = False
                   ) -> Callable[[int, str | None], tuple[int, str]]:
            def final(dir_fd: int, name: str | None) -> tuple[int, str]:
                if name is None:
                    raise denied("cannot rename a directory given as '.', '..' or a mount "
                                 "point", cellpath)
                if directory and not _stat.S_ISDIR(_entry_stat(dir_fd, name).st_mode):
                    raise OSError(errno.ENOTDIR, os.strerror(errno.ENOTDIR))
                return os.dup(dir_fd), name  # the walk closes its own descriptors
            return final

        self._charged((src_root, src_parts), source,
                      lambda: self._move_in(source, target, move, parent, (src_root, src_parts),
                                            (dst_root, dst_parts), src_slash or dst_slash))

    def _move_in(self, source: str, target: str, move: Callable[..., None],
                 parent: Callable[..., Callable[[int, str | None], tuple[int, str]]],
                 src_found: tuple[FileRoot, list[str]],
                 dst_found: tuple[FileRoot, list[str]], directory: bool) -> None:
        src_fd, src_name = self._resolve(source, parent(source, directory), src_found)
        try:
            dst_fd, dst_name = self._resolve(target, parent(target), dst_found)
            try:
                move(src_name, dst_name, src_dir_fd=src_fd, dst_dir_fd=dst_fd)
            except OSError as exc:
                error = _cell_error(exc, source, target)
            else:
                return
            finally:
                os.close(dst_fd)
        finally:
            os.close(src_fd)
        raise error

    # -- os.path predicates --------------------------------------------------------------------
    def _exists(self, path: Any) -> bool:
        return self._test(path, self.stat, lambda mode: True)

    def _isdir(self, path: Any) -> bool:
        return self._test(path, self.stat, _stat.S_ISDIR)

    def _test(self, path: Any, how: Callable[[str], os.stat_result],
              predicate: Callable[[int], bool]) -> bool:
        if isinstance(path, int):
            self.cellpath(path)  # descriptors are refused, not answered False
        try:
            return bool(predicate(how(self.cellpath(path)).st_mode))
        except (OSError, ValueError):
            return False

    # -- what the cell gets ----------------------------------------------------------------------
    def open_function(self) -> Any:
        """The cell's `open`: a plain function with the builtin's signature (never a bound
        method, whose __self__ copy.deepcopy would walk)."""
        files = self

        def open(file: Any, mode: str = "r", buffering: int = -1, encoding: str | None = None,
                 errors: str | None = None, newline: str | None = None, closefd: bool = True,
                 opener: Any = None) -> Any:
            return files.open(file, mode, buffering, encoding, errors, newline, closefd, opener)
        open.__doc__ = "Open a file under the cell's file roots (text defaults to UTF-8)."
        return open

    def os_view(self, names: frozenset[str] | None = None, path: Any = None) -> Any:
        """The `os` stand-in: `names` (default: all implemented, write functions only with a
        writable root), `path` the `os.path` stand-in to include, if any."""
        import types

        from .specials import plain_function

        writable = any(r.write for r in self.roots)
        allowed = OS_READ_NAMES | (OS_WRITE_NAMES if writable else frozenset())
        chosen = allowed if names is None else names & allowed
        functions: dict[str, Any] = {
            "listdir": self.listdir, "scandir": self.scandir, "stat": self.stat,
            "lstat": self.lstat, "walk": self.walk, "mkdir": self.mkdir,
            "makedirs": self.makedirs, "remove": self.remove, "unlink": self.remove,
            "rmdir": self.rmdir, "rename": self.rename, "replace": self.replace,
        }
        constants: dict[str, Any] = {"sep": "/", "curdir": ".", "pardir": "..", "extsep": ".",
                                     "linesep": "\n", "error": OSError}
        view = types.ModuleType("os", "paddedcell's stand-in for os, confined to the cell's "
                                "file roots")
        for name in sorted(chosen):
            if name in functions:
                setattr(view, name, plain_function(name, functions[name],
                                                   getattr(os, name).__doc__))
            elif name in constants:
                setattr(view, name, constants[name])
            elif name == "getcwd":
                setattr(view, name, plain_function("getcwd", _getcwd, "The cell's working "
                                                   "directory: always '/'."))
            elif name == "fspath":
                setattr(view, name, plain_function("fspath", _fspath, os.fspath.__doc__))
            elif name == "path" and path is not None:
                setattr(view, "path", path)  # noqa: B010 - a module built here
        return view

    def path_view(self, names: frozenset[str] | None = None) -> Any:
        """The `os.path` stand-in."""
        import types

        from .specials import plain_function

        chosen = PATH_NAMES if names is None else names & PATH_NAMES
        pure = {"join": posixpath.join, "split": posixpath.split,
                "splitext": posixpath.splitext, "basename": posixpath.basename,
                "dirname": posixpath.dirname, "normpath": posixpath.normpath,
                "isabs": posixpath.isabs}
        files = self
        checks: dict[str, Callable[[Any], Any]] = {
            "abspath": _abspath,
            "exists": self._exists,
            "isfile": lambda p: files._test(p, files.stat, _stat.S_ISREG),
            "isdir": self._isdir,
            "islink": lambda p: files._test(p, files.lstat, _stat.S_ISLNK),
            "getsize": lambda p: files.stat(p).st_size,
        }
        view = types.ModuleType("os.path", "paddedcell's stand-in for os.path, confined to "
                                "the cell's file roots")
        for name in sorted(chosen):
            if name == "sep":
                setattr(view, "sep", "/")  # noqa: B010 - a module built here
            elif name in pure:
                # Pure string functions; plain wrappers so no posixpath global is reachable.
                setattr(view, name, plain_function(name, pure[name], pure[name].__doc__))
            else:
                setattr(view, name, plain_function(name, checks[name],
                                                   getattr(posixpath, name).__doc__))
        return view


def _getcwd() -> str:
    return "/"


def _fspath(path: Any) -> Any:
    result = os.fspath(path)
    return _exact_str(result) if isinstance(result, str) else bytes(result)


def _abspath(path: Any) -> Any:
    value = _fspath(path)
    root: Any = b"/" if isinstance(value, bytes) else "/"
    return posixpath.normpath(posixpath.join(root, value))


def _stack(raw: _CellFileIO, mode: str, buffering: int, encoding: str | None,
           errors: str | None, newline: str | None) -> Any:
    """Buffer and text layers on `raw`, by the builtin open's rules."""
    binary = "b" in mode
    line_buffering = False
    try:
        if buffering == 1 and not binary:
            buffering, line_buffering = -1, True
        if buffering < 0 or buffering == 1:
            size = getattr(raw, "_blksize", 0)
            buffering = max(min(size, 8192 * 1024), io.DEFAULT_BUFFER_SIZE) if size > 1 \
                else io.DEFAULT_BUFFER_SIZE
        if buffering == 0:
            return raw  # binary only: text was refused before opening
        buffer: io.BufferedIOBase
        if "+" in mode:
            buffer = io.BufferedRandom(raw, buffering)
        elif any(c in mode for c in "wxa"):
            buffer = io.BufferedWriter(raw, buffering)
        else:
            buffer = io.BufferedReader(raw, buffering)
        if binary:
            return buffer
        text = io.TextIOWrapper(buffer, encoding if encoding is not None else "utf-8",
                                errors, newline, line_buffering)
        text.mode = mode  # type: ignore[misc]  # as the builtin sets it
        return text
    except BaseException:
        raw.close()
        raise


class _DirEntry:
    """What the cell's `os.scandir` yields: name, the cell path, and type tests that go
    through the same resolver."""

    __slots__ = ("_kind", "_stat_of", "name", "path")

    def __init__(self, name: str, path: str, kind: int,
                 stat_of: Callable[[str, bool], os.stat_result]) -> None:
        self.name = name
        self.path = path
        self._kind = kind
        self._stat_of = stat_of

    def __repr__(self) -> str:
        return f"<DirEntry {self.name!r}>"

    def __fspath__(self) -> str:
        return self.path

    def __reduce_ex__(self, protocol: Any) -> NoReturn:
        raise TypeError("cannot pickle 'DirEntry' object")

    def is_symlink(self) -> bool:
        return self._kind == _stat.S_IFLNK

    def _is(self, kind: int, follow_symlinks: bool) -> bool:
        if self._kind == _stat.S_IFLNK and follow_symlinks:
            try:
                return _stat.S_IFMT(self._stat_of(self.path, True).st_mode) == kind
            except OSError:
                return False
        return self._kind == kind

    def is_dir(self, *, follow_symlinks: bool = True) -> bool:
        return self._is(_stat.S_IFDIR, follow_symlinks)

    def is_file(self, *, follow_symlinks: bool = True) -> bool:
        return self._is(_stat.S_IFREG, follow_symlinks)

    def stat(self, *, follow_symlinks: bool = True) -> os.stat_result:
        return self._stat_of(self.path, bool(follow_symlinks))


class _ScandirIterator:
    """`os.scandir`'s result: an iterator that is also a context manager."""

    __slots__ = ("_entries",)

    def __init__(self, entries: list[_DirEntry]) -> None:
        self._entries = iter(entries)

    def __iter__(self) -> _ScandirIterator:
        return self

    def __next__(self) -> _DirEntry:
        return next(self._entries)

    def __enter__(self) -> _ScandirIterator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._entries = iter(())


class _Walker:
    """`os.walk`'s iterator. Top-down, the children of a directory are read only when the
    next item is asked for, so the caller may prune the `dirnames` list it was given."""

    __slots__ = ("_files", "_followlinks", "_last", "_onerror", "_stack", "_topdown")

    def __init__(self, files: CellFiles, top: str, topdown: bool, onerror: Any,
                 followlinks: bool) -> None:
        self._files = files
        self._topdown = topdown
        self._onerror = onerror
        self._followlinks = followlinks
        self._stack: list[tuple[bool, Any]] = [(False, top)]  # (ready to yield, item)
        self._last: tuple[str, list[str]] | None = None

    def __iter__(self) -> _Walker:
        return self

    def __next__(self) -> tuple[str, list[str], list[str]]:
        files = self._files
        if self._last is not None:
            top, names = self._last
            self._last = None
            for name in reversed(list(names)):
                path = posixpath.join(top, name)
                if self._followlinks or not files.lstat_is_link(path):
                    self._stack.append((False, path))
        while self._stack:
            ready, item = self._stack.pop()
            if ready:
                return item  # type: ignore[no-any-return]
            try:
                entries = list(files.scandir(item))
            except OSError as exc:
                if self._onerror is not None:
                    self._onerror(exc)
                continue
            dirs = [e for e in entries if e.is_dir()]
            names = [e.name for e in dirs]
            others = [e.name for e in entries if not e.is_dir()]
            if self._topdown:
                self._last = (item, names)
                return item, names, others
            self._stack.append((True, (item, names, others)))
            for entry in reversed(dirs):
                if self._followlinks or not entry.is_symlink():
                    self._stack.append((False, entry.path))
        raise StopIteration
