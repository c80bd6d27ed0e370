# source: new: internal security review 2026-11 (finding 10): tuple subclass hides bases from the 3-argument type() checks
# goal: a SystemExit subclass that escapes the host's `except Exception`
# expect: raises TypeError
class Lying(tuple):
    def __iter__(self):
        return iter(())
ESCAPED = type('X', Lying((SystemExit,)), {})
raise ESCAPED(7)
