# source: smolagents CVE-2025-5120 / GHSA-6v92-r5mx-h5fx regression tests (list(map(getattr, [warnings], ["sys"]))); agent-sandboxes E4
# goal: the real sys module through getattr called from inside a builtin (map) rather than by the cell
# expect: raises AttributeError
import statistics
ESCAPED = list(map(getattr, [statistics], ["sys"]))[0]
