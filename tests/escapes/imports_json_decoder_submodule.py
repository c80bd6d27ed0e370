# source: smolagents PR #238 / #405 (sub-package import bugs, agent-sandboxes 1.5); new: json.decoder is a submodule of an allowed package but not itself allowed
# goal: the real json.decoder module (its globals hold re, scanner, c_scanstring) instead of the read-only json view
# expect: raises ImportError
import json.decoder
ESCAPED = json.decoder
