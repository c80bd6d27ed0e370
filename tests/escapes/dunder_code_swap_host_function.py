# source: landscape C8 #30 (pysandbox tests: add.__code__ = substract.__code__, func.__closure__, func.__defaults__)
# goal: replace the code of a host function (json.dumps) so the host later runs attacker code outside the cell
# expect: rejected PC101
import json
def evil(*args, **kwargs):
    return open('MARKER', 'w')
json.dumps.__code__ = evil.__code__
ESCAPED = json.dumps
