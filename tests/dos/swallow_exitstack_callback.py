# source: new: contextlib.ExitStack unwinds in host code
# family: swallow
# expect: StepLimitExceeded|TimeLimitExceeded
# tier: both
# note: a pushed exit function that returns True suppresses everything, and a registered callback
# note: loops again while the stack unwinds. Nothing runs after the with block.
import contextlib


def spin():
    while True:
        pass


with contextlib.ExitStack() as stack:
    stack.push(lambda *exc: True)
    stack.callback(spin)
    spin()
result = "finished normally"
