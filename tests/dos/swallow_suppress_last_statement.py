# source: new: contextlib.suppress(BaseException) around the last loop of the program
# family: swallow
# expect: StepLimitExceeded|TimeLimitExceeded
# tier: both
# note: suppress is host code, so no rewritten handler is involved, and no later tick re-raises.
# note: The run must still end in the limit (exhaustion is sticky), not with `result` bound.
import contextlib

with contextlib.suppress(BaseException):
    while True:
        pass
result = "finished normally"
