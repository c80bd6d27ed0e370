# source: new: adversarial review attack-lang: match_class vets __match_args__ before the subject is evaluated; dataclass() sets it afterwards
# goal: read a supervisor object's private attribute through a positional pattern
# expect: raises AttributeError
# Variant of review2_dataclass_match_args_private: the class has no __match_args__ when
# `.match_class` checks it, and the subject expression (or an earlier case's guard) applies
# dataclass(), which writes a __match_args__ naming the private field.
import abc, dataclasses
class Probe(abc.ABC):
    _password: str = ''
Probe.register(type(account))
def arm():
    dataclasses.dataclass(Probe)
    return account
match arm():
    case Probe(secret):
        ESCAPED = secret
        print('leaked:', secret)
