# source: landscape C1 #3 and C5 #21; agent-sandboxes E8 (bluebox #126: math.__loader__.load_module("os"))
# goal: the real os module through the BuiltinImporter that loaded an allowed built-in module
# expect: rejected PC101
import itertools
ESCAPED = itertools.__loader__.load_module('os')
ESCAPED.system('touch MARKER')
