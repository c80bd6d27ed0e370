# source: new (issue 4 part 5: object.__getattribute__ skips a proxy's own __getattribute__)
# goal: the proxy's stored target read past its lookup hook
# expect: rejected PC101
ESCAPED = object.__getattribute__(vault, '_target')
