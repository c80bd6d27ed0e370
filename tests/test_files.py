"""Files for cells: open() and the os stand-ins, run through real cells over real folders.

Each cell sees `root` (under pytest's tmp_path) as "/"; `secret/secret.txt` lies beside it and
must never be read. Tables cover traversal by '..', host paths, symlinks in and out, races,
odd names and arguments; then file objects, quotas, the os stand-ins and writes.
"""

from __future__ import annotations

import builtins
import dataclasses
import errno
import gc
import os
import pathlib
import threading
from pathlib import Path
from typing import Any

import pytest

import paddedcell as pc
from helpers import corpus_header
from paddedcell.errors import AccessDenied
from paddedcell.policy import ModuleGrant
from paddedcell.runtime.files import CellFiles

SECRET = "TOPSECRET"
OS_GRANTS = (ModuleGrant("os", None), ModuleGrant("os.path", None))


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """root/ (the cell's "/") and secret/ beside it, with links in and out of the root."""
    root = tmp_path / "root"
    secret = tmp_path / "secret"
    (root / "sub").mkdir(parents=True)
    secret.mkdir()
    (secret / "secret.txt").write_text(SECRET)
    (secret / "inner.txt").write_text(SECRET)
    (root / "notes.txt").write_text("hello")
    (root / "sub" / "inner.txt").write_text("inner")
    (root / "sub" / "secret.txt").write_text("hello-sub")
    (root / "ünïcödé 名前 😀.txt").write_text("unicode")
    links = {
        "in_rel": "notes.txt", "in_abs": str(root / "notes.txt"), "in_dir": "sub",
        "in_dir_abs": str(root / "sub"), "chain1": "chain2", "chain2": "sub/../chain3",
        "chain3": "/notes.txt".replace("/", "", 1), "sub/up_in": "../notes.txt",
        "out_rel": "../secret/secret.txt", "out_abs": str(secret / "secret.txt"),
        "out_dir": "../secret", "out_dir_abs": str(secret), "sub/up": "../../secret/secret.txt",
        "dotdot_abs": str(root) + "/../secret/secret.txt", "chain_out": "out_rel",
        "root_link": "/", "proc_link": "/proc/self/root" + str(secret / "secret.txt"),
        "loop_a": "loop_b", "loop_b": "loop_a", "self_loop": "self_loop",
        "dangling": "created_by_link.txt",
    }
    for name, target in links.items():
        os.symlink(target, root / name)
    return tmp_path


def policy(root: Path, write: bool = False, **kwargs: Any) -> pc.Policy:
    return pc.Policy.preset("default").with_files(root, write=write, **kwargs)


def cell(tree: Path, write: bool = False, os_module: bool = True, **globals: Any) -> pc.Cell:
    pol = policy(tree / "root", write)
    if os_module:
        pol = pol.with_modules(*OS_GRANTS)
    return pc.Cell(pol, globals=globals or None)


def run(c: pc.Cell, source: str) -> Any:
    """Run `source`, which sets `result`; return it."""
    c.exec(source)
    return c.namespace.get("result")


def assert_clean(exc: BaseException, tree: Path) -> None:
    """No host path in anything the exception shows."""
    host = str(tree)
    shown = [str(exc), repr(exc), repr(exc.args)]
    if isinstance(exc, OSError):
        shown += [repr(exc.filename), repr(exc.filename2), repr(exc.strerror)]
    for text in shown:
        assert host not in text, text


def read_error(c: pc.Cell, path: Any, tree: Path) -> OSError:
    with pytest.raises(OSError) as info:
        run(c, f"result = open({path!r}).read()")
    assert SECRET not in str(c.namespace.get("result"))
    assert_clean(info.value, tree)
    return info.value


# -- traversal tables -------------------------------------------------------------------------

READABLE = [
    ("notes.txt", "hello"), ("/notes.txt", "hello"), ("./notes.txt", "hello"),
    ("//notes.txt", "hello"), ("sub/../notes.txt", "hello"), ("/sub/./inner.txt", "inner"),
    ("sub//inner.txt", "inner"), ("in_rel", "hello"), ("in_abs", "hello"),
    ("in_dir/inner.txt", "inner"), ("in_dir_abs/inner.txt", "inner"), ("chain1", "hello"),
    ("in_dir/../notes.txt", "hello"), ("sub/up_in", "hello"), ("sub/secret.txt", "hello-sub"),
    ("ünïcödé 名前 😀.txt", "unicode"), (b"notes.txt", "hello"), (b"/sub/inner.txt", "inner"),
]


@pytest.mark.parametrize(("path", "text"), READABLE, ids=[repr(p) for p, _ in READABLE])
def test_reads_inside_the_root(tree: Path, path: Any, text: str) -> None:
    assert run(cell(tree), f"result = open({path!r}).read()") == text


ESCAPES = [
    # '..' in every position
    "..", "../secret/secret.txt", "/../secret/secret.txt", "../../../../etc/passwd",
    "sub/../../secret/secret.txt", "sub/../..", "/sub/../../secret", "./../secret/secret.txt",
    "sub/./../../secret/inner.txt", "in_dir/../../secret/secret.txt", b"../secret/secret.txt",
    # symlinks that lead out, relative and absolute, through chains and directories
    "out_rel", "out_abs", "out_dir/secret.txt", "out_dir_abs/secret.txt", "sub/up",
    "dotdot_abs", "chain_out", "root_link/etc/passwd", "proc_link", "in_dir/../out_rel",
]


@pytest.mark.parametrize("path", ESCAPES, ids=repr)
def test_escapes_are_denied(tree: Path, path: Any) -> None:
    exc = read_error(cell(tree), path, tree)
    assert isinstance(exc, AccessDenied) and isinstance(exc, pc.SecurityError)
    assert exc.errno == errno.EACCES
    expected = path.decode() if isinstance(path, bytes) else path
    assert exc.filename == expected


def test_host_paths_are_cell_paths(tree: Path) -> None:
    secret = str(tree / "secret" / "secret.txt")
    for path in (secret, "/etc/passwd", "/proc/self/fd/0", "/proc/self/root/etc/passwd",
                 "/proc/self/root" + secret, str(tree / "root" / "notes.txt")):
        c = cell(tree)
        with pytest.raises(FileNotFoundError) as info:  # the cell typed it: no host path added
            run(c, f"result = open({path!r}).read()")
        assert info.value.filename == path and c.namespace.get("result") is None
    # The same names made inside the root are ordinary files there.
    decoy = tree / "root" / secret.lstrip("/")
    decoy.parent.mkdir(parents=True)
    decoy.write_text("decoy")
    fake_fd = tree / "root" / "proc" / "self" / "fd" / "0"
    fake_fd.parent.mkdir(parents=True)
    fake_fd.write_text("fd0")
    fake_root = tree / "root" / "proc" / "self" / "root" / "etc" / "passwd"
    fake_root.parent.mkdir(parents=True)
    fake_root.write_text("nobody")
    c = cell(tree)
    assert run(c, f"result = open({secret!r}).read()") == "decoy"
    assert run(c, "result = open('/proc/self/fd/0').read()") == "fd0"
    assert run(c, "result = open('/proc/self/root/etc/passwd').read()") == "nobody"


OTHER_ERRORS = [
    ("missing.txt", FileNotFoundError, errno.ENOENT),
    ("sub/missing/x", FileNotFoundError, errno.ENOENT),
    ("", FileNotFoundError, errno.ENOENT),
    ("sub", IsADirectoryError, errno.EISDIR),
    ("/", IsADirectoryError, errno.EISDIR),
    ("in_dir", IsADirectoryError, errno.EISDIR),
    ("notes.txt/", NotADirectoryError, errno.ENOTDIR),
    ("notes.txt/x", NotADirectoryError, errno.ENOTDIR),
    ("loop_a", OSError, errno.ELOOP),
    ("self_loop/x", OSError, errno.ELOOP),
    ("x" * 300, OSError, errno.ENAMETOOLONG),
    ("sub/" + "y" * 256 + "/z", OSError, errno.ENAMETOOLONG),
    ("a/" * 2100, OSError, errno.ENAMETOOLONG),
]


@pytest.mark.parametrize(("path", "kind", "code"), OTHER_ERRORS,
                         ids=[repr(p)[:30] for p, _, _ in OTHER_ERRORS])
def test_other_errors_carry_the_cell_path(tree: Path, path: str, kind: type, code: int) -> None:
    exc = read_error(cell(tree), path, tree)
    assert type(exc) is kind and exc.errno == code
    assert exc.filename == path and exc.filename2 is None


def test_a_fifo_in_the_root_is_refused_without_blocking(tree: Path) -> None:
    os.mkfifo(tree / "root" / "fifo")
    exc = read_error(cell(tree), "fifo", tree)
    assert isinstance(exc, AccessDenied)


def _wait_until_blocked(thread: threading.Thread) -> None:
    """Until `thread` waits in the FIFO's open for a partner (Linux: its /proc wchan), else
    a short while."""
    wchan = f"/proc/self/task/{thread.native_id}/wchan"
    for _ in range(500):
        try:
            with open(wchan) as f:
                if f.read().strip() == "wait_for_partner":
                    return
        except OSError:
            break
        threading.Event().wait(0.01)
    threading.Event().wait(0.3)


@pytest.mark.parametrize("mode", ["r", "rb", "r+", "a", "w", "ab"])
def test_a_fifo_is_refused_before_it_is_opened(tree: Path, mode: str) -> None:
    # The FIFO was opened (O_NONBLOCK) and refused after an fstat: opening some devices has
    # side effects. A host thread blocked opening the other end would wake at such an open;
    # it must still be waiting after the refusal.
    fifo = tree / "root" / "fifo"
    os.mkfifo(fifo)
    reading = mode[0] == "r" and "+" not in mode
    other_end = os.O_WRONLY if reading else os.O_RDONLY
    opened: list[int] = []
    waiter = threading.Thread(target=lambda: opened.append(os.open(fifo, other_end)),
                              daemon=True)
    c = cell(tree, write=True)
    waiter.start()
    _wait_until_blocked(waiter)
    try:
        with pytest.raises(AccessDenied) as info:
            run(c, f"open('fifo', {mode!r})")
        assert info.value.filename == "fifo"
        waiter.join(0.3)
        assert not opened, "the cell's open reached the FIFO"
    finally:
        # Release the waiter: open the other end ourselves.
        mine = os.open(fifo, (os.O_RDONLY if reading else os.O_WRONLY) | os.O_NONBLOCK) \
            if waiter.is_alive() else -1
        waiter.join(5)
        for fd in (*opened, mine):
            if fd >= 0:
                os.close(fd)
    assert (tree / "root" / "fifo").exists()


def test_a_file_swapped_between_check_and_open_is_refused(
        tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The final component is checked (lstat on its directory) before it is opened; if the
    # entry is replaced in between, the inode opened is not the one checked: refused.
    from paddedcell.runtime import files
    root = tree / "root"
    (root / "other.txt").write_text("other")
    real = files._entry_stat

    def swap(dir_fd: int, name: str) -> os.stat_result:
        st = real(dir_fd, name)
        if name == "notes.txt":
            os.replace(root / "other.txt", root / "notes.txt")
        return st
    monkeypatch.setattr(files, "_entry_stat", swap)
    c = cell(tree, write=True)
    for mode in ("r", "r+", "w"):
        (root / "other.txt").write_text("other")
        with pytest.raises(AccessDenied) as info:
            run(c, f"open('notes.txt', {mode!r})")
        assert info.value.filename == "notes.txt"
        assert (root / "notes.txt").read_text() == "other"  # 'w' truncated nothing


@pytest.mark.parametrize(("target_in", "target_out", "path", "inside"), [
    ("notes.txt", "../secret/secret.txt", "race", "hello"),
    ("notes.txt", "SECRET_ABS", "race", "hello"),
    ("sub", "../secret", "race/secret.txt", "hello-sub"),
])
def test_a_symlink_swapped_during_opens_never_reads_outside(
        tree: Path, target_in: str, target_out: str, path: str, inside: str) -> None:
    root = tree / "root"
    if target_out == "SECRET_ABS":
        target_out = str(tree / "secret" / "secret.txt")
    link = root / "race"
    os.symlink(target_in, link)
    stop = threading.Event()

    def flip() -> None:
        i = 0
        while not stop.is_set():
            tmp = root / f".race{i % 2}"
            os.symlink(target_out if i % 2 else target_in, tmp)
            os.replace(tmp, link)  # atomic: the link always exists
            i += 1

    flipper = threading.Thread(target=flip)
    flipper.start()
    try:
        outcome = run(cell(tree), f"""
counts = {{"inside": 0, "denied": 0, "leak": 0}}
tries = 0
# At least 2000 opens, and on until both outcomes were seen (a busy machine may schedule
# the flipping thread rarely), up to 20000.
while tries < 2000 or (tries < 20000 and not (counts["inside"] and counts["denied"])):
    tries += 1
    try:
        with open({path!r}) as f:
            text = f.read()
    except PermissionError:
        counts["denied"] += 1
        continue
    counts["inside" if text == {inside!r} else "leak"] += 1
result = (counts, tries)
""")
    finally:
        stop.set()
        flipper.join()
    counts, tries = outcome
    assert counts["leak"] == 0
    assert counts["inside"] + counts["denied"] == tries
    assert counts["inside"] > 0 and counts["denied"] > 0, counts  # the race did happen


# -- arguments ----------------------------------------------------------------------------------

def test_descriptors_and_openers_are_refused(tree: Path) -> None:
    c = cell(tree)
    for source in ("open(0)", "open(True)", "open(f.fileno())", "open(f.buffer.raw.fileno(), 'rb')",
                   "open('notes.txt', opener=lambda p, fl: 0)",
                   "open('notes.txt', opener=len)",
                   "os.stat(0)", "os.listdir(f.fileno())", "os.lstat(3)",
                   "os.path.exists(f.fileno())", "os.path.isfile(0)", "os.scandir(0)"):
        with pytest.raises(AccessDenied) as info:
            run(c, f"import os\nf = open('notes.txt')\nresult = {source}")
        assert info.value.errno == errno.EACCES, source
        assert_clean(info.value, tree)


def test_nul_bytes_raise_value_error(tree: Path) -> None:
    c = cell(tree)
    for source in ("open('notes.txt\\0x')", "open(b'a\\0')", "os.stat('a\\0b')",
                   "os.listdir('\\0')"):
        with pytest.raises(ValueError, match="null"):
            run(c, f"import os\nresult = {source}")
    assert run(c, "import os\nresult = os.path.exists('notes.txt\\0')") is False


class _StrSub(str):
    pass


class _OddPath:
    def __init__(self, value: Any) -> None:
        self.value = value

    def __fspath__(self) -> Any:
        return self.value


def test_bytes_and_pathlike_paths(tree: Path) -> None:
    c = cell(tree, p=pathlib.PurePosixPath("sub/inner.txt"),
             out=pathlib.PurePosixPath("../secret/secret.txt"), odd=_OddPath(_StrSub("notes.txt")),
             num=_OddPath(3), raw=_OddPath(b"notes.txt"))
    assert run(c, "result = open(p).read()") == "inner"
    assert run(c, "result = open(raw).read()") == "hello"
    assert run(c, "f = open(b'notes.txt'); result = (f.name, f.buffer.raw.name)") == \
        ("notes.txt", "notes.txt")
    assert sorted(run(c, "import os\nresult = os.listdir(b'/sub')")) == \
        ["inner.txt", "secret.txt", "up", "up_in"]  # bytes paths are decoded: str names
    assert run(c, "import os\n"
                  "result = open([e for e in os.scandir('/sub') if e.name == 'inner.txt'][0])"
                  ".read()") == "inner"  # a DirEntry is a PathLike
    with pytest.raises(AccessDenied):
        run(c, "result = open(out).read()")
    with pytest.raises(TypeError):
        run(c, "result = open(odd).read()")  # __fspath__ must give exactly str or bytes
    with pytest.raises(TypeError):
        run(c, "result = open(num).read()")
    with pytest.raises(TypeError):
        run(c, "result = open(1.5)")
    with pytest.raises(TypeError):
        run(c, "result = open(bytearray(b'notes.txt'))")


def test_str_subclass_paths_are_used_as_plain_str(tree: Path) -> None:
    class Lying(str):
        def split(self, *args: Any) -> Any:  # would hide '..' from a naive resolver
            return ["notes.txt"]

        def startswith(self, *args: Any) -> bool:
            return True

    with pytest.raises(AccessDenied):
        run(cell(tree, lying=Lying("../secret/secret.txt")), "result = open(lying).read()")


MODES_NEEDING_WRITE = ["w", "a", "x", "r+", "w+", "a+", "x+", "rb+", "wb", "ab", "xb", "+r"]


@pytest.mark.parametrize("mode", MODES_NEEDING_WRITE)
def test_write_modes_need_a_write_grant(tree: Path, mode: str) -> None:
    for path in ("notes.txt", "new.txt"):
        with pytest.raises(AccessDenied) as info:
            run(cell(tree), f"result = open({path!r}, {mode!r})")
        assert info.value.filename == path
    assert (tree / "root" / "notes.txt").read_text() == "hello"
    assert not (tree / "root" / "new.txt").exists()


@pytest.mark.parametrize(("args", "message"), [
    ("'notes.txt', 'z'", "invalid mode"), ("'notes.txt', 'rw'", "mode"),
    ("'notes.txt', 'bt'", "mode"), ("'notes.txt', 'rb', encoding='utf-8'", "binary mode"),
    ("'notes.txt', 'rb', newline=''", "binary mode"), ("'notes.txt', buffering=0", "unbuffered"),
    ("'notes.txt', closefd=False", "closefd"), ("'notes.txt', 'w', buffering=0", "unbuffered"),
])
def test_bad_arguments_give_the_builtins_value_error(tree: Path, args: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        run(cell(tree), f"result = open({args})")
    scratch = tree / "scratch.txt"
    scratch.write_text("x")
    with pytest.raises(ValueError, match=message):  # the builtin says the same
        eval(f"open({args.replace('notes.txt', str(scratch))})")


def test_open_is_absent_without_roots_and_present_with_them(tree: Path) -> None:
    with pytest.raises(NameError):
        pc.Cell(pc.Policy.preset("default")).exec("open('notes.txt')")
    c = cell(tree, os_module=False)
    assert run(c, "result = open.__name__") == "open"
    assert run(c, "result = type(open).__name__") == "function"


# -- file objects ------------------------------------------------------------------------------

def test_file_objects_show_only_cell_paths(tree: Path) -> None:
    c = cell(tree)
    names = run(c, "f = open('sub/inner.txt')\nb = open('/in_rel', 'rb')\n"
                   "result = (f.name, f.buffer.name, f.buffer.raw.name, b.name, b.raw.name, "
                   "repr(f), repr(f.buffer), repr(f.buffer.raw), f.encoding, f.mode)")
    assert names[:5] == ("sub/inner.txt",) * 3 + ("/in_rel",) * 2
    assert names[-2:] == ("utf-8", "r")
    for text in names:
        assert str(tree) not in text


@pytest.mark.parametrize("source", [
    "type(f.buffer.raw)", "f.buffer.raw.__class__", "getattr(f.buffer.raw, '__class__')",
    "type(b)", "f.buffer.raw.__init__", "getattr(f.buffer.raw, '__init__')",
    "f.buffer.raw._pc_quota", "getattr(b, '_pc_quota')", "vars(f.buffer.raw)",
])
def test_the_raw_layer_is_out_of_reach(tree: Path, source: str) -> None:
    with pytest.raises(pc.SecurityError):
        run(cell(tree), f"f = open('notes.txt')\nb = open('notes.txt', 'rb', buffering=0)\n"
                        f"result = {source}")


def test_file_object_tricks_give_nothing(tree: Path) -> None:
    c = cell(tree, write=True)
    for source in ("f.buffer.raw.name = '/etc/passwd'", "setattr(f, 'name', 'x')",
                   "import io\nresult = io.FileIO", "from io import open as o",
                   "result = type(f)(f.buffer).buffer.raw.__init__"):
        with pytest.raises((pc.SecurityError, AttributeError)):
            run(c, f"f = open('notes.txt')\n{source}")
    # What the cell can rebuild from the layers it holds reads the same file, nothing more.
    assert run(c, "f = open('notes.txt')\nresult = type(f)(f.buffer).read()") == "hello"
    with pytest.raises(TypeError):
        run(c, "import copy\nf = open('notes.txt')\nresult = copy.deepcopy(f)")


def test_text_defaults_and_options(tree: Path) -> None:
    (tree / "root" / "latin.txt").write_bytes("é\r\nx".encode("latin-1"))
    c = cell(tree)
    assert run(c, "result = open('ünïcödé 名前 😀.txt').encoding") == "utf-8"
    assert run(c, "result = open('latin.txt', encoding='latin-1').read()") == "é\nx"
    assert run(c, "result = open('latin.txt', encoding='latin-1', newline='').read()") == "é\r\nx"
    assert run(c, "result = open('latin.txt', errors='replace').read()") == "\ufffd\nx"
    with pytest.raises(UnicodeDecodeError):
        run(c, "result = open('latin.txt').read()")
    assert run(c, "result = open('notes.txt', 'rb', buffering=0).read()") == b"hello"
    assert run(c, "result = open('notes.txt', buffering=1).line_buffering") is True
    assert run(c, "result = type(open('notes.txt', 'rb')).__name__") == "BufferedReader"


# -- quotas ------------------------------------------------------------------------------------

def test_bytes_written_quota(tree: Path) -> None:
    root = tree / "root"
    # The files exist beforehand: creating one costs ENTRY_COST, more than these quotas.
    (root / "a.bin").touch()
    (root / "b.bin").touch()
    c = pc.Cell(policy(root, write=True, max_bytes_written=10))
    run(c, "f = open('a.bin', 'wb', buffering=0)\nf.write(b'x' * 8)\nf.write(b'yy')")
    with pytest.raises(AccessDenied) as info:
        run(c, "f.write(b'z')")
    assert info.value.filename == "a.bin" and "quota" in str(info.value)
    run(c, "f.close()")
    assert (root / "a.bin").read_bytes() == b"x" * 8 + b"yy"
    # Truncating does not refund; a fresh cell has its own quota.
    with pytest.raises(AccessDenied):
        run(c, "with open('a.bin', 'w') as f:\n    f.write('q')")
    assert (root / "a.bin").read_bytes() == b""
    c2 = pc.Cell(policy(root, write=True, max_bytes_written=10))
    with pytest.raises(AccessDenied):  # one write over the quota writes nothing at all
        run(c2, "with open('b.bin', 'wb', buffering=0) as f:\n    f.write(b'x' * 11)")
    assert (root / "b.bin").read_bytes() == b""
    run(c2, "with open('b.bin', 'ab', buffering=0) as f:\n    f.write(b'x' * 10)")
    assert (root / "b.bin").read_bytes() == b"x" * 10


def test_quota_applies_to_buffered_text_and_truncate(tree: Path) -> None:
    root = tree / "root"
    # The files exist beforehand: creating one costs ENTRY_COST, more than these quotas.
    (root / "t.txt").touch()
    c = pc.Cell(policy(root, write=True, max_bytes_written=100))
    with pytest.raises(AccessDenied):  # the buffer is flushed at close: charged there
        run(c, "with open('t.txt', 'w') as f:\n    f.write('x' * 101)")
    assert (root / "t.txt").read_text() == ""
    with pytest.raises(AccessDenied):  # growing a file by truncate() counts as writing
        run(c, "with open('t.txt', 'r+b') as f:\n    f.truncate(10**9)")
    assert (root / "t.txt").stat().st_size == 0
    run(c, "with open('t.txt', 'w') as f:\n    f.write('x' * 100)")
    assert (root / "t.txt").read_text() == "x" * 100


def test_truncate_sizes_cannot_lie_to_the_quota(tree: Path) -> None:
    root = tree / "root"
    # The files exist beforehand: creating one costs ENTRY_COST, more than these quotas.
    (root / "t.bin").touch()
    c = pc.Cell(policy(root, write=True, max_bytes_written=100))
    run(c, "class I:\n    def __index__(self):\n        return 10**9\n"
           "class J(int):\n    def __sub__(self, other):\n        return -1\n")
    for size in ("I()", "J(10**9)"):
        with pytest.raises(AccessDenied):
            run(c, f"with open('t.bin', 'wb', buffering=0) as f:\n    f.truncate({size})")
        assert (root / "t.bin").stat().st_size == 0
    run(c, "with open('t.bin', 'wb') as f:\n    f.truncate(J(5))")
    assert (root / "t.bin").stat().st_size == 5


def test_writing_past_the_end_charges_the_gap(tree: Path) -> None:
    root = tree / "root"
    # The files exist beforehand: creating one costs ENTRY_COST, more than these quotas.
    (root / "s.bin").touch()
    c = pc.Cell(policy(root, write=True, max_bytes_written=100))
    for mode, buffering in (("wb", 0), ("wb", -1), ("w", -1)):
        data = "b'x'" if "b" in mode else "'x'"
        with pytest.raises(AccessDenied):
            run(c, f"with open('s.bin', {mode!r}, buffering={buffering}) as f:\n"
                   f"    f.seek(10**9)\n    f.write({data})")
        assert (root / "s.bin").stat().st_size == 0
    # Overwriting inside the file and appending after a seek charge only what is written.
    run(c, "with open('s.bin', 'w+b') as f:\n    f.write(b'x' * 10)\n    f.seek(5)\n"
           "    f.write(b'y' * 10)\n"
           "with open('s.bin', 'ab', buffering=0) as f:\n    f.seek(10**6)\n"
           "    f.write(b'z' * 10)")
    assert (root / "s.bin").read_bytes() == b"x" * 5 + b"y" * 10 + b"z" * 10


def test_the_gap_stays_charged_after_the_write(tree: Path) -> None:
    # A write after a seek past the end was charged data + gap, then refunded everything
    # beyond the data it wrote (done < n): each such write cost one byte, and a loop of
    # seek(far) + write(b'x') grew the file far past the quota.
    root = tree / "root"
    for mode, buffering in (("wb", 0), ("wb", -1), ("r+b", 0)):
        (root / "g.bin").write_bytes(b"")
        c = pc.Cell(policy(root, write=True, max_bytes_written=100))
        with pytest.raises(AccessDenied):
            run(c, f"with open('g.bin', {mode!r}, buffering={buffering}) as f:\n"
                   "    for i in range(1, 50):\n        f.seek(90 * i)\n        f.write(b'x')\n"
                   "        f.flush()")
        assert (root / "g.bin").stat().st_size <= 100


def test_a_failed_truncate_charges_nothing(tree: Path) -> None:
    # truncate() charged the growth before calling the builtin and never refunded it when
    # that failed: a file opened for reading (or a sub-cell with a read-only grant, whose
    # charges reach its maker's quota) could use up the write quota without writing.
    root = tree / "root"
    # The files exist beforehand: creating one costs ENTRY_COST, more than these quotas.
    (root / "mine.bin").touch()
    pol = dataclasses.replace(policy(root, write=True, max_bytes_written=100), subcells=True)
    c = pc.Cell(pol)
    run(c, "import paddedcell\n"
           "f = open('notes.txt', 'rb', buffering=0)\nfor i in range(5):\n    try:\n"
           "        f.truncate(100)\n    except Exception:\n        pass\n"
           "s = paddedcell.subcell(read_only=True)\n"
           "s.exec(\"f = open('notes.txt', 'rb', buffering=0)\\nfor i in range(5):\\n\"\n"
           "       \"    try:\\n        f.truncate(100)\\n    except Exception:\\n\"\n"
           "       \"        pass\")\n"
           "with open('mine.bin', 'wb', buffering=0) as g:\n    g.write(b'x' * 100)")
    assert (root / "mine.bin").read_bytes() == b"x" * 100
    assert (root / "notes.txt").read_text() == "hello"


def test_sub_cells_share_their_makers_quotas(tree: Path) -> None:
    root = tree / "root"
    pol = dataclasses.replace(policy(root, write=True, max_bytes_written=10, max_open_files=2),
                              subcells=True)
    c = pc.Cell(pol)
    with pytest.raises(AccessDenied):
        run(c, "import paddedcell\nfor i in range(3):\n    s = paddedcell.subcell()\n"
               "    s.exec(f\"with open('q{i}', 'wb') as f:\\n    f.write(b'x' * 10)\")")
    assert sum(p.stat().st_size for p in root.glob("q*")) <= 10
    with pytest.raises(AccessDenied):
        run(c, "keep = []\nfor i in range(3):\n    s = paddedcell.subcell()\n"
               "    s.exec(\"f = open('notes.txt')\")\n    keep.append(s)")
    fresh = pc.Cell(pol)
    # Held: a sub-cell that is dropped is collected, and its files close (releasing the quota).
    child = fresh.subcell()
    child.exec("f = open('notes.txt')\ng = open('notes.txt')")
    with pytest.raises(AccessDenied):  # supervisor-made sub-cells count too
        fresh.exec("h = open('notes.txt')")
    del child


def test_open_files_quota_released_on_close_and_collection(tree: Path) -> None:
    c = pc.Cell(policy(tree / "root", max_open_files=2))
    run(c, "a = open('notes.txt')\nb = open('sub/inner.txt')")
    with pytest.raises(AccessDenied) as info:
        run(c, "x = open('notes.txt')")
    assert "open files" in str(info.value)
    run(c, "a.close()\na.close()\nx = open('notes.txt')")  # a double close releases once
    with pytest.raises(AccessDenied):
        run(c, "y = open('notes.txt')")
    run(c, "del b\ny = open('notes.txt')")  # collection closes the file
    with pytest.raises(AccessDenied):
        run(c, "z = open('notes.txt', 'rb', buffering=0)")
    run(c, "x.close()\ny.buffer.raw.close()")
    # Failed opens hold no slot.
    for _ in range(5):
        with pytest.raises(FileNotFoundError):
            run(c, "open('missing')")
    assert run(c, "p = open('notes.txt')\nq = open('notes.txt')\nresult = q.read()") == "hello"


def test_open_files_have_a_finite_default_cap(tree: Path) -> None:
    # max_open_files=None meant unlimited: a cell could hold descriptors up to the process
    # limit for as long as its namespace lived, starving the host. None now means the
    # documented default cap; explicit caps above the maximum are refused.
    from paddedcell.policy import DEFAULT_MAX_OPEN_FILES, MAX_OPEN_FILES, FileRoot
    assert 0 < DEFAULT_MAX_OPEN_FILES <= MAX_OPEN_FILES
    assert policy(tree / "root").files[0].max_open_files == DEFAULT_MAX_OPEN_FILES
    assert FileRoot(str(tree / "root")).max_open_files == DEFAULT_MAX_OPEN_FILES
    assert policy(tree / "root", max_open_files=MAX_OPEN_FILES).files[0].max_open_files \
        == MAX_OPEN_FILES
    for bad in (MAX_OPEN_FILES + 1, 10**9):
        with pytest.raises(pc.PolicyError, match="max_open_files"):
            policy(tree / "root", max_open_files=bad)
    c = pc.Cell(policy(tree / "root"))
    with pytest.raises(AccessDenied) as info:
        run(c, f"keep = []\nfor i in range({DEFAULT_MAX_OPEN_FILES + 1}):\n"
               "    keep.append(open('notes.txt'))")
    assert "open files" in str(info.value)
    assert run(c, "result = len(keep)") == DEFAULT_MAX_OPEN_FILES
    run(c, "keep[0].close()\nkeep.append(open('notes.txt'))")


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc/self/fd")
def test_directory_iterators_hold_no_descriptors(tree: Path) -> None:
    # scandir iterators and walk generators left unfinished hold no host descriptor (the
    # listing is read at once), so they need no open-file slot.
    c = cell(tree)
    gc.collect()
    before = _open_descriptors()
    run(c, "import os\nits = [os.scandir('/') for i in range(100)]\n"
           "walks = [os.walk('/') for i in range(100)]\nfor w in walks:\n    next(w)\n"
           "for it in its:\n    next(it)")
    assert _open_descriptors() <= before


def test_creating_entries_is_charged_to_the_write_quota(tree: Path) -> None:
    # mkdir and empty files ignored max_bytes_written: a loop could create entries until
    # the host's file system ran out of inodes. Each new file, directory or rename target
    # now costs ENTRY_COST bytes of the quota (when one is set); a failed call refunds.
    from paddedcell.runtime.files import ENTRY_COST
    root = tree / "root"
    pol = dataclasses.replace(policy(root, write=True, max_bytes_written=10), subcells=True)
    c = pc.Cell(pol.with_modules(*OS_GRANTS))
    run(c, "import os\nimport paddedcell")
    for source in ("os.mkdir('d')", "os.makedirs('m/n')",
                   "open('e', 'w').close()", "open('e', 'a').close()", "open('e', 'xb').close()",
                   "open('e', 'w+').close()", "os.rename('notes.txt', 'moved')",
                   "os.replace('notes.txt', 'sub/moved')",
                   "paddedcell.subcell().exec(\"open('e', 'w').close()\")",
                   "for i in range(3000):\n    os.mkdir(f'x{i}')",
                   "for i in range(3000):\n    open(f'y{i}', 'w').close()"):
        with pytest.raises(AccessDenied, match="quota"):
            run(c, source)
    after = {p.name for p in root.iterdir()}
    assert not after & {"d", "m", "e", "moved", "x0", "y0"}
    assert (root / "notes.txt").read_text() == "hello"
    # Opening an existing file, even to truncate it, creates nothing: not charged.
    run(c, "open('notes.txt', 'r+').close()\nopen('notes.txt', 'a').close()\n"
           "open('sub/inner.txt', 'w').close()")
    # A quota of n entries lets exactly n through; failures are refunded.
    c = pc.Cell(policy(root, write=True, max_bytes_written=3 * ENTRY_COST + 5)
                .with_modules(*OS_GRANTS))
    run(c, "import os\nos.mkdir('one')\nopen('two', 'w').close()")
    for source in ("os.mkdir('one')", "os.mkdir('missing/x')", "open('one', 'w')",
                   "open('two', 'x')", "os.rename('missing', 'three')"):
        with pytest.raises(OSError) as info:
            run(c, source)
        assert not isinstance(info.value, AccessDenied)
    run(c, "os.rename('two', 'three')\nwith open('three', 'wb') as f:\n    f.write(b'12345')")
    with pytest.raises(AccessDenied, match="quota"):
        run(c, "os.mkdir('four')")
    # Without a quota, entries are free as before.
    run(cell(tree, write=True), "import os\nfor i in range(20):\n    os.mkdir(f'free{i}')")


def test_quotas_are_per_root(tree: Path) -> None:
    other = tree / "other"
    other.mkdir()
    # The files exist beforehand: creating one costs ENTRY_COST, more than these quotas.
    for name in ("a", "b"):
        (tree / "root" / name).touch()
        (other / name).touch()
    pol = policy(tree / "root", write=True, max_bytes_written=5).with_files(
        other, write=True, mount="/other", max_bytes_written=5)
    c = pc.Cell(pol)
    run(c, "with open('a', 'wb', buffering=0) as f:\n    f.write(b'12345')\n"
           "with open('/other/a', 'wb', buffering=0) as f:\n    f.write(b'12345')")
    assert (other / "a").read_bytes() == b"12345" == (tree / "root" / "a").read_bytes()
    with pytest.raises(AccessDenied):
        run(c, "with open('/other/b', 'wb', buffering=0) as f:\n    f.write(b'1')")


# -- several roots -----------------------------------------------------------------------------

def test_longest_mount_wins_and_mounts_are_walls(tree: Path) -> None:
    data = tree / "data"
    data.mkdir()
    (data / "d.txt").write_text("data")
    (tree / "root" / "data").mkdir()
    (tree / "root" / "data" / "d.txt").write_text("shadowed")
    pol = policy(tree / "root").with_files(data, mount="/data")
    c = pc.Cell(pol)
    assert run(c, "result = open('/data/d.txt').read()") == "data"
    assert run(c, "result = open('data/d.txt').read()") == "data"
    assert run(c, "result = open('/notes.txt').read()") == "hello"
    for path in ("/data/../notes.txt", "/data/.."):
        with pytest.raises(AccessDenied):
            run(c, f"result = open({path!r}).read()")
    only = pc.Cell(pc.Policy.preset("default").with_files(data, mount="/data"))
    assert run(only, "result = open('/data/d.txt').read()") == "data"
    with pytest.raises(AccessDenied) as info:  # a path under no mount point
        run(only, "result = open('notes.txt').read()")
    assert info.value.filename == "notes.txt"
    with pytest.raises(AccessDenied):  # /database is not under /data
        run(only, "result = open('/database/d.txt').read()")


# -- writes ------------------------------------------------------------------------------------

def test_writes_land_in_the_root(tree: Path) -> None:
    root = tree / "root"
    c = cell(tree, write=True)
    run(c, "with open('new.txt', 'w') as f:\n    f.write('hi ü')\n"
           "with open('/sub/new.bin', 'xb') as f:\n    f.write(b'\\x00\\x01')\n"
           "with open('notes.txt', 'a') as f:\n    f.write('!')\n"
           "with open('dangling', 'w') as f:\n    f.write('via link')\n"
           "with open('in_dir/inner.txt', 'r+') as f:\n    f.seek(0, 2)\n    f.write('+')")
    assert (root / "new.txt").read_text(encoding="utf-8") == "hi ü"
    assert (root / "sub" / "new.bin").read_bytes() == b"\x00\x01"
    assert (root / "notes.txt").read_text() == "hello!"
    assert (root / "created_by_link.txt").read_text() == "via link"
    assert (root / "sub" / "inner.txt").read_text() == "inner+"
    with pytest.raises(FileExistsError) as info:
        run(c, "open('new.txt', 'x')")
    assert info.value.filename == "new.txt"
    for path in ("out_rel", "out_abs", "../secret/new.txt", "out_dir/new.txt", "sub/up"):
        with pytest.raises(AccessDenied):
            run(c, f"open({path!r}, 'w').write('pwned')")
    assert sorted(p.name for p in (tree / "secret").iterdir()) == ["inner.txt", "secret.txt"]
    assert (tree / "secret" / "secret.txt").read_text() == SECRET


# -- the os stand-ins ----------------------------------------------------------------------------

def test_os_is_a_confined_stand_in(tree: Path) -> None:
    c = cell(tree)
    run(c, "import os\nimport os.path")
    assert run(c, "result = os.getcwd()") == "/"
    assert run(c, "result = (os.sep, os.curdir, os.pardir, os.extsep, os.linesep, os.error)") == \
        ("/", ".", "..", ".", "\n", OSError)
    assert run(c, "result = os.path.abspath('a/../b')") == "/b"
    assert run(c, "result = os.path.join('a', 'b')") == "a/b"
    assert run(c, "result = os.fspath('x')") == "x"
    for name in ("system", "environ", "open", "mkdir", "remove", "chdir", "getenv", "popen"):
        with pytest.raises(AttributeError):
            run(c, f"result = os.{name}")
    sub = ["inner.txt", "secret.txt", "up", "up_in"]
    assert run(c, "result = sorted(os.listdir('/sub'))") == sub
    assert run(c, "result = sorted(os.listdir('in_dir'))") == sub
    assert "notes.txt" in run(c, "result = os.listdir()")
    listing = run(c, "result = sorted((e.name, e.path, e.is_file(), e.is_dir(), e.is_symlink())"
                     " for e in os.scandir('/'))")
    assert ("in_dir", "/in_dir", False, True, True) in listing
    assert ("out_dir", "/out_dir", False, False, True) in listing  # leads out: not a dir
    assert ("notes.txt", "/notes.txt", True, False, False) in listing
    assert run(c, "result = os.stat('in_abs').st_size") == 5
    assert run(c, "result = os.path.getsize('chain1')") == 5
    assert run(c, "result = (os.path.exists('out_abs'), os.path.islink('out_abs'), "
                  "os.path.isfile('in_rel'), os.path.isdir('in_dir'), os.path.exists('nope'))") \
        == (False, True, True, True, False)
    walked = run(c, "result = list(os.walk('/'))")
    tops = [top for top, _, _ in walked]
    assert tops[0] == "/" and "/sub" in tops and not any("secret" == t.strip("/") for t in tops)
    assert not any(t.startswith(("/out_dir", "/in_dir")) for t in tops)  # links not followed
    assert str(tree) not in repr(walked)
    pruned = run(c, "result = []\nfor top, dirs, files in os.walk('/'):\n"
                    "    result.append(top)\n    dirs.clear()")
    assert pruned == ["/"]
    bottom_up = run(c, "result = [t for t, d, f in os.walk('/', topdown=False)]")
    assert bottom_up[-1] == "/" and "/sub" in bottom_up


def _open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc/self/fd")
def test_listing_directories_leaks_no_descriptors(tree: Path) -> None:
    # os.scandir(fd) reads a duplicate of the descriptor it is given and leaves that one
    # open: every listdir/scandir/walk step leaked a host descriptor (a host-wide DoS once
    # the process's descriptor limit is reached, and a bypass of max_open_files).
    c = cell(tree)
    run(c, "import os")
    gc.collect()  # files other tests left open close now, not while this one counts
    before = _open_descriptors()
    run(c, "for i in range(50):\n    os.listdir('/sub')\n    os.listdir('in_dir')\n"
           "    list(os.scandir('/'))\n    list(os.walk('/'))\n"
           "    try:\n        os.listdir('notes.txt')\n    except NotADirectoryError:\n"
           "        pass")
    assert _open_descriptors() <= before  # a leak is 250 more


OS_ESCAPES = [
    "os.listdir('..')", "os.listdir('out_dir')", "os.listdir('out_dir_abs')",
    "os.listdir('/sub/../..')", "os.stat('out_abs')", "os.stat('../secret/secret.txt')",
    "os.stat('root_link')", "os.path.getsize('out_rel')", "list(os.scandir('out_dir'))",
    "list(os.walk('out_dir', onerror=errors.append)) or raise_(errors[0])",
    "[e.stat() for e in os.scandir('/') if e.name == 'out_abs']",
    "os.lstat('../secret')",
]


@pytest.mark.parametrize("source", OS_ESCAPES)
def test_os_functions_are_confined(tree: Path, source: str) -> None:
    with pytest.raises(AccessDenied) as info:
        run(cell(tree), "import os\nerrors = []\ndef raise_(e):\n    raise e\n"
                        f"result = {source}")
    assert_clean(info.value, tree)


def test_os_write_functions(tree: Path) -> None:
    root = tree / "root"
    other = tree / "other"
    other.mkdir()
    pol = policy(root, write=True).with_files(other, mount="/ro").with_modules(*OS_GRANTS)
    c = pc.Cell(pol)
    run(c, "import os\nos.mkdir('made')\nos.makedirs('a/b/c')\nos.makedirs('a/b', exist_ok=True)\n"
           "open('made/f', 'w').close()\nos.rename('made/f', 'made/g')\n"
           "os.replace('made/g', 'a/b/c/h')\nos.remove('a/b/c/h')\nos.rmdir('a/b/c')\n"
           "os.unlink('out_abs')\nos.rename('sub', 'sub2')")
    assert (root / "made").is_dir() and (root / "a" / "b").is_dir()
    assert not (root / "a" / "b" / "c").exists() and not (root / "made" / "g").exists()
    assert not os.path.lexists(root / "out_abs")  # the link went, not its target
    assert (tree / "secret" / "secret.txt").read_text() == SECRET
    assert (root / "sub2" / "inner.txt").read_text() == "inner"
    with pytest.raises(FileExistsError) as exists:
        run(c, "os.mkdir('made')")
    assert exists.value.filename == "made"
    with pytest.raises(OSError) as both:
        run(c, "os.rename('missing', 'made/x')")
    assert (both.value.filename, both.value.filename2) == ("missing", "made/x")
    assert_clean(both.value, tree)
    for source in ("os.mkdir('../evil')", "os.mkdir('/ro/x')", "os.rename('notes.txt', '/ro/n')",
                   "os.rename('notes.txt', '../n')", "os.remove('out_rel/../x')",
                   "os.rename('out_dir/secret.txt', 'stolen')", "os.rmdir('/')",
                   "os.remove('/ro/..')", "os.makedirs('out_dir/x')", "os.unlink('../secret/secret.txt')"):
        with pytest.raises(AccessDenied):
            run(c, source)
    assert not (tree / "evil").exists() and not (root / "stolen").exists()
    assert sorted(p.name for p in (tree / "secret").iterdir()) == ["inner.txt", "secret.txt"]
    assert list(other.iterdir()) == []


TRAILING_SLASHES = [
    "os.mkdir('c/')", "os.mkdir('c//')", "os.makedirs('b/')", "os.makedirs('x/y/')",
    "os.makedirs('p//q//')", "os.mkdir('sub/../z/')", "os.makedirs('sub/', exist_ok=True)",
    "os.mkdir('sub/')", "os.mkdir('notes.txt/')", "os.mkdir('c/.')", "os.mkdir('c/./')",
    "os.mkdir('./')", "os.mkdir('link/')", "os.mkdir('dangling/')", "os.makedirs('sub/a/')",
    "os.rmdir('e/')", "os.rmdir('e//')", "os.rmdir('notes.txt/')", "os.rmdir('link/')",
    "os.rmdir('missing/')", "os.remove('notes.txt/')", "os.rename('e/', 'f/')",
    "os.rename('e', 'f/')", "os.rename('e/', 'f')", "os.rename('notes.txt', 'n2/')",
    "os.rename('notes.txt/', 'n2')", "os.replace('e/', 'e2/')", "os.listdir('sub/')",
    "os.stat('sub/').st_mode", "os.path.isdir('sub/')", "os.path.exists('notes.txt/')",
    "[e.name for e in os.scandir('sub/')]", "[t for t, d, f in os.walk('sub/')]",
    "open('new/', 'w')", "open('sub/', 'w')", "open('sub/')", "open('notes.txt/')",
    "open('missing/new/', 'w')",
]


def _slash_tree(folder: Path) -> None:
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a").write_text("a")
    (folder / "notes.txt").write_text("hello")
    (folder / "e").mkdir()
    (folder / "e2").mkdir()
    os.symlink("sub", folder / "link")
    os.symlink("nowhere", folder / "dangling")


def _outcome(call: Any) -> str:
    try:
        value = call()
    except Exception as exc:  # the outcome is compared, whatever it is
        return type(exc).__name__
    return "file" if hasattr(value, "read") else repr(value)


@pytest.mark.parametrize("source", TRAILING_SLASHES)
def test_trailing_slashes_behave_as_in_cpython(tmp_path: Path, source: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # os.mkdir('c/') and os.makedirs('b/') raised FileNotFoundError in a cell (the walk took
    # 'c' for a directory to enter); rmdir('e/') and rename('e/', 'f/') were refused.
    host, inside = tmp_path / "host", tmp_path / "cell"
    _slash_tree(host)
    _slash_tree(inside)
    with monkeypatch.context() as m:
        m.chdir(host)
        expected = _outcome(lambda: eval(source))  # the table above
    c = pc.Cell(policy(inside, write=True).with_modules(*OS_GRANTS))
    run(c, "import os")
    assert _outcome(lambda: c.eval(source)) == expected
    assert sorted(str(p.relative_to(inside)) for p in inside.rglob("*")) == \
        sorted(str(p.relative_to(host)) for p in host.rglob("*"))


def test_trailing_slashes_do_not_weaken_confinement(tree: Path) -> None:
    c = cell(tree, write=True)
    run(c, "import os")
    for source in ("os.mkdir('../evil/')", "os.mkdir('out_dir/x/')", "os.makedirs('out_dir/y/')",
                   "os.rmdir('out_dir/x/')", "os.rmdir('/')", "os.rmdir('sub/../')",
                   "os.rename('out_dir/x/', 'stolen/')", "os.rename('sub/', '../moved/')",
                   "open('../new/', 'w')", "os.mkdir('out_dir_abs/x/')"):
        with pytest.raises(AccessDenied):
            run(c, source)
    assert not (tree / "evil").exists() and not (tree / "moved").exists()
    assert not (tree / "root" / "stolen").exists()
    assert sorted(p.name for p in (tree / "secret").iterdir()) == ["inner.txt", "secret.txt"]


def test_os_grants_are_validated(tree: Path) -> None:
    base = pc.Policy.preset("default")
    with pytest.raises(pc.PolicyError, match="file roots"):
        pc.Cell(base.with_modules(ModuleGrant("os", None)))
    with pytest.raises(pc.PolicyError, match="file roots"):
        pc.Cell(base.with_modules(ModuleGrant("os.path", frozenset({"join"}))))
    with pytest.raises(pc.PolicyError, match="system"):
        pc.Cell(policy(tree / "root").with_modules(ModuleGrant("os", frozenset({"system"}))))
    with pytest.raises(ImportError):
        pc.Cell(policy(tree / "root")).exec("import os")
    narrow = pc.Cell(policy(tree / "root", write=True).with_modules(
        ModuleGrant("os", frozenset({"listdir"}))))
    assert "notes.txt" in run(narrow, "import os\nresult = os.listdir('/')")
    with pytest.raises(AttributeError):
        run(narrow, "import os\nresult = os.remove")
    with pytest.raises(AttributeError):  # os.path only when granted
        run(narrow, "import os\nresult = os.path")


def test_cellfiles_never_shows_host_paths_for_a_missing_root(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    files = CellFiles(policy(gone).files)
    gone.rmdir()
    with pytest.raises(FileNotFoundError) as info:
        files.open("x")
    assert_clean(info.value, tmp_path)
    assert info.value.filename == "x"


# -- the files escape corpus ---------------------------------------------------------------------

FILE_CORPUS = sorted((Path(__file__).parent / "escapes_files").glob("*.py"))


def _snapshot(tree: Path) -> set[str]:
    """Everything outside the root, with contents."""
    return {f"{p.relative_to(tree)}:{p.read_bytes()!r}" if p.is_file() else str(p.relative_to(tree))
            for p in tree.rglob("*") if "root" not in p.relative_to(tree).parts}


@pytest.mark.parametrize("path", FILE_CORPUS, ids=[p.stem for p in FILE_CORPUS])
def test_file_escape_fails(path: Path, tree: Path) -> None:
    """The payloads of tests/escapes_files/ (same format as tests/escapes/), run in a cell with
    a writable root and os: each raises what its header says and leaves no evidence."""
    marker = tree / "MARKER_FILE"
    source = path.read_text(encoding="utf-8").replace("MARKER", str(marker))
    (name,) = corpus_header(source, "expect").removeprefix("raises").split()  # type: ignore[union-attr]
    assert corpus_header(source, "source")
    expected = getattr(pc, name, None) or getattr(builtins, name)
    before = _snapshot(tree)
    c = cell(tree, write=True)
    assert pc.check(source, filename=path.name) == []
    with pytest.raises(expected) as info:
        c.exec(source, filename=path.name)
    if str(tree) not in source:  # a payload that names a host path may see it again
        assert_clean(info.value, tree)
    assert not marker.exists()
    assert "ESCAPED" not in c.namespace
    assert _snapshot(tree) == before
