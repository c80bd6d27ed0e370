# source: RestrictedPython W7 (async genexps compile inside a plain def) and 8.5 fix adding ag_frame/ag_code/ag_await
# goal: an async-generator object created without `async def`, then its frame
# expect: rejected PC107 PC103
class Source:
    def __aiter__(self):
        return self
    def __anext__(self):
        raise StopAsyncIteration
def make(y):
    return (x async for x in y)
agen = make(Source())
ESCAPED = agen.ag_frame.f_globals
