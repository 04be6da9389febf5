# match subject evaluation once, bindings on failed partial matches, match in loops and functions.
calls = 0
def subject():
    global calls
    calls += 1
    return [1, 2]
match subject():
    case [3, _]:
        pass
    case [1, x]:
        print('x =', x)
print('subject evaluated', calls, 'time(s)')
def classify(cmd):
    match cmd.split():
        case ['go', direction]:
            return 'go ' + direction
        case ['pick', 'up', item] | ['take', item]:
            return 'take ' + item
        case ['drop', *items] if items:
            return 'drop ' + ','.join(items)
        case ['quit' | 'exit']:
            return 'bye'
        case []:
            return 'nothing'
        case [verb, *_]:
            return 'unknown verb ' + verb
for c in ['go north', 'pick up lamp', 'take key', 'drop a b', 'drop', 'quit', 'exit', '', 'dance now']:
    print(repr(c), '->', classify(c))
for n in range(5):
    match n % 3:
        case 0:
            print(n, 'fizz-ish')
        case r:
            print(n, 'remainder', r)
match (1, 2):
    case (1, 3):
        pass
    case (a, b):
        print('tuple', a, b)
match 3.0:
    case 3:
        print('3.0 matches literal 3')
match 1:
    case True:
        print('1 matches True?')
    case _:
        print('1 does not match True (identity)')
match 0.0:
    case -0.0:
        print('0.0 matches -0.0 by equality')
