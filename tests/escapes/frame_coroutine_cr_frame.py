# source: RestrictedPython A1 variant (coroutine cr_frame); simpleeval #138 (.cr_frame)
# goal: a frame object (and its f_globals / f_back) through a coroutine
# expect: rejected PC107 PC103
async def coro():
    return 1
c = coro()
ESCAPED = c.cr_frame.f_globals
