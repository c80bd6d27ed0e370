# source: new (brief: json.decoder internals): JSONDecoder instances carry json.decoder's Python functions as public attributes (parse_object = JSONObject)
# goal: json.decoder's module globals through a decoder instance's parse_object function
# expect: raises AttributeError
import json
decoder = json.JSONDecoder()
ESCAPED = getattr(decoder.parse_object, '__globals__')
