# source: agent-sandboxes section 7 #9 / E4 (llama_index #23119; smolagents 1.4 #9, verified)
# goal: object.__subclasses__() through a string-keyed attribute accessor from an allowed module
# expect: raises AttributeError
import operator
ESCAPED = operator.attrgetter("__class__.__base__.__subclasses__")(())()
