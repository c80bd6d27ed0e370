# source: shared/research/agent-sandboxes.md E11 (__iter__ among the host-triggered dunders)
# family: callback
# expect: StepLimitExceeded|TimeLimitExceeded
# tier: both
# callback: iter
# note: __iter__ never returns, so iter(CALLBACK) or a host `for` over it hangs before the
# note: first item; the harness never has to collect items.
class Stream:
    def __iter__(self):
        while True:
            pass


CALLBACK = Stream()
