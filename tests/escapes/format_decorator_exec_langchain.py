# source: agent-sandboxes section 7 #11 / E10 (LangChain #21592)
# goal: exec of a string built by a decorator chain (implicit calls, no call syntax)
# expect: raises NameError
@exec
@"__import__('os').system('touch MARKER')".format
def test():
    return 1
