import os
import sys
from pathlib import Path

from hypothesis import settings

sys.path.insert(0, str(Path(__file__).parent))

# The test command is CI's gate, so its property tests draw the same examples on every run:
# a red CI then always means a change broke something, never that the dice found an old
# weakness. benchmarks/fuzz_long.py sets PADDEDCELL_FUZZ_EXAMPLES and explores at random;
# what it finds becomes an @example or a corpus file.
settings.register_profile("gate", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("explore" if "PADDEDCELL_FUZZ_EXAMPLES" in os.environ else "gate")
