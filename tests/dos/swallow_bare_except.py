# source: new: a bare `except:` around an output flood, retried forever
# family: swallow
# expect: OutputLimitExceeded
# tier: both
while True:
    try:
        print("x" * 1000)
    except:
        pass
