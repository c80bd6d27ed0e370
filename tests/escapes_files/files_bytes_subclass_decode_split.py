# source: new: a bytes subclass's __bytes__ and decode() turn the path into a str subclass whose split() packs '../' into one component
# goal: read a file beside the root through a name the kernel resolves in several steps
# expect: raises FileNotFoundError
class S(str):
    def split(self, sep=None, maxsplit=-1):
        return ['../secret/secret.txt']
class B(bytes):
    def __bytes__(self):
        return self
    def decode(self, encoding='utf-8', errors='strict'):
        return S('/x')
ESCAPED = open(B(b'x')).read()
