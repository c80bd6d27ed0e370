"""The escape corpus: every payload fails, with the failure its header expects.

Each file in tests/escapes/ carries `# source:` (provenance), `# goal:` and `# expect:` lines.
`expect: rejected R...` means the static check must report at least those rules;
`expect: raises NAME` means it passes the check and running it raises NAME. In both cases the
payload must not have created its marker file, bound `ESCAPED`, changed the supervisor object
`account` (also reachable as `vault`, a Bastion proxy exposing `greet` and `owner`) or printed
its private password.
"""

from __future__ import annotations

import builtins
from pathlib import Path

import pytest

import paddedcell as pc
from helpers import corpus_header

CORPUS = sorted((Path(__file__).parent / "escapes").glob("*.py"))


def _header(text: str, key: str) -> str:
    value = corpus_header(text, key)
    assert value, f"missing '# {key}:' line"
    return value


def _exception(name: str) -> type[BaseException]:
    found = getattr(pc, name, None) or getattr(builtins, name, None)
    assert isinstance(found, type) and issubclass(found, BaseException), name
    return found


def test_corpus_is_large_enough_and_has_provenance() -> None:
    assert len(CORPUS) >= 60
    for path in CORPUS:
        text = path.read_text(encoding="utf-8")
        assert _header(text, "source"), path.name
        assert _header(text, "expect").split()[0] in {"rejected", "raises"}, path.name


class Account:
    """A supervisor object every payload can reach as `account`."""

    def __init__(self) -> None:
        self.owner = "alice"
        self._password = "hunter2-SECRET"

    def greet(self) -> str:
        return f"hello {self.owner}"


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_escape_fails(path: Path, tmp_path: Path) -> None:
    marker = tmp_path / "MARKER_FILE"
    source = path.read_text(encoding="utf-8").replace("MARKER", str(marker))
    kind, *names = _header(source, "expect").split()
    account = Account()
    vault = pc.expose(account, methods=["greet"], attributes=["owner"])
    cell = pc.Cell(globals={"account": account, "vault": vault})
    if kind == "rejected":
        found = {v.rule for v in pc.check(source, filename=path.name)}
        assert set(names) <= found, f"expected {names}, got {sorted(found)}"
        with pytest.raises(pc.RestrictedSyntaxError):
            cell.exec(source, filename=path.name)
    else:
        (name,) = names
        assert pc.check(source, filename=path.name) == [], "expected to pass the static check"
        with pytest.raises(_exception(name)):
            cell.exec(source, filename=path.name)
    assert not marker.exists(), "the payload created its marker file"
    assert "ESCAPED" not in cell.namespace, "the payload bound ESCAPED"
    assert vars(account) == {"owner": "alice", "_password": "hunter2-SECRET"}
    assert "hunter2" not in cell.output
