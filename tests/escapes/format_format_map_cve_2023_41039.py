# source: RestrictedPython CVE-2023-41039 / GHSA-xjw2-6jm9-rf67 (A2 regression payload); landscape C3 #12 (Jinja CVE-2019-10906)
# goal: a class __dict__ (mappingproxy of the type's internals) through format_map field traversal
# expect: raises AttributeError
ESCAPED = 'Hello {foo.__dict__}'.format_map({'foo': str})
