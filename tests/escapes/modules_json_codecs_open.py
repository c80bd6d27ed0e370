# source: new (json internals; same class as landscape C5 #19): json/__init__.py does `import codecs`, so json.codecs is a public-looking name for the real codecs module
# goal: codecs.open writes a host file
# expect: raises AttributeError
import json
ESCAPED = json.codecs.open('MARKER', 'w')
ESCAPED.close()
