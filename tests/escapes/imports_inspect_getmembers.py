# source: agent-sandboxes section 7 #9 / E4 (build123d-mcp #224: dict(inspect.getmembers(()))["__class__"])
# goal: dunder attributes returned as data by a string-keyed accessor module
# expect: raises ImportError
import inspect
ESCAPED = dict(inspect.getmembers(()))["__class__"]
