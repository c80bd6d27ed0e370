# source: agent-sandboxes section 7 #8 / E11 (smolagents #2395, verified: __repr__/__del__/__eq__ run later on the host); RestrictedPython W14
# goal: code that runs when the host drops or garbage-collects the result, outside every limit
# expect: rejected PC104
class Bomb:
    def __repr__(self):
        hits.append("repr ran on host")
        return "Bomb"
    def __del__(self):
        open('MARKER', 'w').close()
    def __eq__(self, other):
        while True:
            pass
hits = []
b = Bomb()
ESCAPED = b
