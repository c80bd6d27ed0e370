"""The command line, run as a real subprocess on real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "paddedcell", *args], capture_output=True,
                          text=True, timeout=60, cwd=cwd)


def test_check_reports_violations_with_caret_and_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("x = 1\ny = x.__dict__\nasync def f(): pass\n")
    proc = cli("check", str(bad))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0] == f"{bad}:2:5: PC101 access to attribute '__dict__' is not allowed"
    assert lines[1] == "    y = x.__dict__"
    assert lines[2] == "        ^"
    assert f"{bad}:3:1: PC107" in proc.stdout


def test_check_json_and_clean_files(tmp_path: Path) -> None:
    good = tmp_path / "good.py"
    good.write_text("print(1)\n")
    bad = tmp_path / "bad.py"
    bad.write_text("g.gi_frame\n")
    proc = cli("check", str(good), str(bad), "--format", "json")
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert report == [{"file": str(bad), "rule": "PC103", "line": 1, "column": 1, "end_line": 1,
                       "end_column": 11, "message": "access to interpreter internal 'gi_frame' "
                       "is not allowed"}]
    proc = cli("check", str(good))
    assert proc.returncode == 0 and "no violations" in proc.stdout


def test_run_prints_output_and_reports_denials(tmp_path: Path) -> None:
    proc = cli("run", str(ROOT / "examples" / "hello.py"))
    assert proc.returncode == 0, proc.stderr
    assert "triangle with 3 sides" in proc.stdout
    assert "denied: import of 'os' is not allowed" in proc.stdout
    prog = tmp_path / "boom.py"
    prog.write_text("print('before')\nimport os\n")
    proc = cli("run", str(prog))
    assert proc.returncode == 1
    assert proc.stdout == "before\n"
    assert "ImportDenied" in proc.stderr and f'File "{prog}", line 2' in proc.stderr
    assert "paddedcell/" not in proc.stderr  # only the cell's frames are shown


def test_run_exit_codes_and_policies(tmp_path: Path) -> None:
    prog = tmp_path / "exit.py"
    prog.write_text("raise SystemExit(7)\n")
    assert cli("run", str(prog)).returncode == 7
    prog.write_text("import math\nprint(math.pi)\n")
    proc = cli("run", str(prog), "--policy", "minimal")
    assert proc.returncode == 1 and "ImportDenied" in proc.stderr
    policy = tmp_path / "p.toml"
    policy.write_text("[modules.math]\nattributes = ['pi']\n")
    proc = cli("run", str(prog), "--policy", str(policy))
    assert proc.returncode == 0 and proc.stdout.startswith("3.14159")
    policy.write_text("[modules.math]\nattribs = ['pi']\n")
    proc = cli("run", str(prog), "--policy", str(policy))
    assert proc.returncode == 2 and "unknown key 'modules.math.attribs'" in proc.stderr
    bad = tmp_path / "bad.py"
    bad.write_text("().__class__.__base__\n")
    proc = cli("run", str(bad))
    assert proc.returncode == 1 and "PC101" in proc.stderr


def test_show_prints_guarded_source(tmp_path: Path) -> None:
    prog = tmp_path / "p.py"
    prog.write_text("class A:\n    def f(self):\n        return self._x\n")
    proc = cli("show", str(prog))
    assert proc.returncode == 0
    assert "return (self if .type(self) in .owned else .read(self, '_x'))._x" in proc.stdout


def test_rules_and_explain() -> None:
    proc = cli("rules")
    assert proc.returncode == 0 and "PC101  dunder-attribute" in proc.stdout
    assert json.loads(cli("rules", "--format", "json").stdout)[0]["id"] == "PC001"
    assert cli("explain", "PC999").returncode == 2
