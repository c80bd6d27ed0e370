# source: new: internal security review 2 (finding 3): dataclass sets __match_args__ (private fields too) after the class checks
# goal: read a supervisor object's private attribute through a positional pattern
# expect: raises AttributeError
# match_class trusts every class the cell created ("vetted names"), but dataclass() writes
# __match_args__ *after* make_class checked the namespace, and dataclass fields may be private.
# With an owned ABC base, register() makes any foreign class an "instance", and the positional
# pattern reads the supervisor's private attribute natively.
import abc, dataclasses
@dataclasses.dataclass
class Probe(abc.ABC):
    _password: str = ''
Probe.register(type(account))          # allowed: Probe is the cell's own ABC
match account:
    case Probe(secret):
        ESCAPED = secret
        print('leaked:', secret)
