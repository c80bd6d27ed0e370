# source: simpleeval CVE-2026-32640 (landscape C5 #19: statistics.sys, path.os); smolagents CVE-2025-5120 tests (warnings.sys)
# goal: the real sys module as a plain attribute of an allowed module, then os through sys.modules
# expect: raises AttributeError
import statistics
ESCAPED = statistics.sys
ESCAPED.modules['os'].system('touch MARKER')
