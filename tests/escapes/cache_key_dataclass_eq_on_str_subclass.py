# source: new: follow-up to cache_key_str_subclass_re_template (a class statement can no longer define __eq__ on a str subclass, but dataclass() adds one after the class exists)
# goal: give a str subclass a Python __eq__/__hash__ through dataclass(frozen=True), then poison struct's or re's process-wide caches with it
# expect: raises OperationDenied
import dataclasses, re
@dataclasses.dataclass(frozen=True)
class K(str):
    pad: int = 0
ESCAPED = re.sub('(a)', K('\\1PWNED'), 'a')
