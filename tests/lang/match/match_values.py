# Value patterns with dotted names, constants compared with ==, literal float/complex/negatives, singletons with is.
class Color:
    RED = 1
    GREEN = 2
class Holder:
    class Nested:
        VALUE = 'deep'
def m(x):
    match x:
        case Color.RED:
            return 'red'
        case Color.GREEN:
            return 'green'
        case Holder.Nested.VALUE:
            return 'nested value'
        case -5:
            return 'minus five'
        case -1.5:
            return 'minus one point five'
        case 1 + 2j:
            return 'complex'
        case -3 - 4j:
            return 'negative complex'
        case False:
            return 'False (identity)'
        case 0:
            return 'zero'
        case _:
            return 'other'
for v in [1, 2, 'deep', -5, -1.5, 1 + 2j, -3 - 4j, False, 0, 0.0, True, 1.0, None]:
    print(repr(v), m(v))
class Eq:
    def __eq__(self, o):
        print('__eq__ called with', o)
        return True
match Eq():
    case Color.RED:
        print('matched via custom __eq__')
