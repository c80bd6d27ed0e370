"""Long fuzzing runs of the property tests in tests/test_fuzz.py (not part of CI).

    python3 benchmarks/fuzz_long.py [--examples 5000]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pytest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=5000)
    args = parser.parse_args()
    root = Path(__file__).resolve().parents[1]
    os.environ["PADDEDCELL_FUZZ_EXAMPLES"] = str(args.examples)
    return pytest.main([str(root / "tests" / "test_fuzz.py"), "-p", "no:cacheprovider"])


if __name__ == "__main__":
    sys.exit(main())
