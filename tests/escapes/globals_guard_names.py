# source: review of the globals() builtin (this project): the namespace holds the hot guard
# names ('.alive', '.ticks', ...) and hoisted loops' '<module>' functions
# goal: a guard object (refilling '.alive' would revive an exhausted budget)
# expect: raises StopIteration
for i in range(2):
    pass
ESCAPED = next(v for k, v in globals().items() if not k.isidentifier() or k.startswith("__"))
