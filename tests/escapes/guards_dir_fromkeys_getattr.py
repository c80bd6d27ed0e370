# source: new (brief: dict.fromkeys / list(...) over names); RestrictedPython W1 / 9.0 #335 shape (iteration done inside builtins)
# goal: every attribute of json, including codecs/decoder and module dunders, fetched by names fed through dict.fromkeys, dir() and map
# expect: raises AttributeError
import json
names = dict.fromkeys(['codecs', 'decoder', '__builtins__', '__loader__'] + dir(json))
ESCAPED = list(map(getattr, [json] * len(names), names))
