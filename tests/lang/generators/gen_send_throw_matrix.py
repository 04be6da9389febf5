# A matrix of generator states (unstarted, suspended, finished) against next/send/throw/close.
def g():
    try:
        yield 'a'
        yield 'b'
    finally:
        print('  [finally]')
def state(kind):
    gen = g()
    if kind in ('suspended', 'finished'):
        next(gen)
    if kind == 'finished':
        list(gen)
    return gen
for kind in ['unstarted', 'suspended', 'finished']:
    for op in ['next', 'send None', 'send 1', 'throw', 'close']:
        gen = state(kind)
        try:
            if op == 'next':
                r = next(gen)
            elif op == 'send None':
                r = gen.send(None)
            elif op == 'send 1':
                r = gen.send(1)
            elif op == 'throw':
                r = gen.throw(ValueError('t'))
            else:
                r = gen.close()
            print(kind, op, '->', repr(r))
        except Exception as e:
            print(kind, op, '->', type(e).__name__, e)
        gen.close()
