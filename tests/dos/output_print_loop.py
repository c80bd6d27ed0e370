# source: shared/research/agent-sandboxes.md payload 16 (print flood)
# family: output
# expect: OutputLimitExceeded
# tier: both
# note: the cap must hit while running, not truncate the output afterwards.
while True:
    print("x" * 1000)
