"""The benign corpus: ordinary programs print exactly what they print under plain CPython."""

from __future__ import annotations

from pathlib import Path

import pytest

import paddedcell as pc
from helpers import run_cell, run_plain

CORPUS = sorted((Path(__file__).parent / "benign").glob("*.py"))


def test_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 40


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_benign_program_matches_cpython(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert pc.check(source, filename=str(path)) == []
    expected = run_plain(source)
    assert expected, "a benign program must print something"
    assert run_cell(source) == expected
