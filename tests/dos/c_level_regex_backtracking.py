# source: OWASP ReDoS; CWE-1333; the re grant's comment in policies/default.toml
# family: c-level
# expect: TimeLimitExceeded
# tier: isolated
# note: nested quantifiers backtrack about 2**40 times inside the C regex engine (_sre), which
# note: never returns to Python bytecode while it runs.
import re

re.match("(a+)+$", "a" * 40 + "b")
