# source: new: internal security review 2026-11 (finding 6): NormalDist.samples draws from the host's global random
# goal: advance and observe the host's random generator
# expect: raises ImportError
from statistics import NormalDist
ESCAPED = NormalDist(0, 1).samples(3)
