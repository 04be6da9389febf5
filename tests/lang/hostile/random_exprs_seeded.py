# A self-contained mini fuzzer: random arithmetic/str expressions from a fixed seed, evaluated with eval(); errors printed.
state = 12345
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state % n
atoms = ['0', '1', '-3', '7', '2.5', "'ab'", "''", '[1, 2]', '()', 'None', 'True', '10**9']
ops = ['+', '-', '*', '/', '//', '%', '**', '<', '==', 'and', 'or', 'in', '&', '|', '^']
def expr(d):
    if d == 0 or rnd(3) == 0:
        return atoms[rnd(len(atoms))]
    k = rnd(4)
    if k == 0:
        return f'({expr(d - 1)} {ops[rnd(len(ops))]} {expr(d - 1)})'
    if k == 1:
        return f'(not {expr(d - 1)})'
    if k == 2:
        return f'len(str({expr(d - 1)}))'
    return f'({expr(d - 1)} if {expr(d - 1)} else {expr(d - 1)})'
for i in range(300):
    e = expr(4)
    if '**' in e:
        e = e.replace('**', '*')
    try:
        r = eval(e)
        print(i, repr(r)[:60])
    except Exception as ex:
        print(i, type(ex).__name__, str(ex)[:60])
