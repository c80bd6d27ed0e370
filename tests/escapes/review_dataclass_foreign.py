# source: new: dataclasses.dataclass rewrites the class it is given in place
# goal: add generated methods to json.JSONEncoder, a library class shared with the host
# expect: raises TypeError
import dataclasses, json
ESCAPED = dataclasses.dataclass(json.JSONEncoder)
