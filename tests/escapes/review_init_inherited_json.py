# source: new: internal security review 2026-11 (finding 2): inherited __init__ of a library base called with a foreign self
# goal: rewrite the host's json.JSONEncoder.default so host json.dumps calls cell code later
# expect: raises AttributeError
import json
class E(json.JSONEncoder):
    pass
def hook(self, o):
    return "pwned-by-cell"
E.__init__(json.JSONEncoder, default=hook)
ESCAPED = json.JSONEncoder.default
