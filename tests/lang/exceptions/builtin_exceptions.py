# The builtin exception hierarchy, attributes, constructors and str/repr.
names = ['BaseException', 'Exception', 'ArithmeticError', 'ZeroDivisionError', 'OverflowError', 'FloatingPointError',
         'LookupError', 'KeyError', 'IndexError', 'ValueError', 'UnicodeError', 'UnicodeDecodeError', 'TypeError',
         'NameError', 'UnboundLocalError', 'AttributeError', 'OSError', 'FileNotFoundError', 'PermissionError',
         'TimeoutError', 'RuntimeError', 'RecursionError', 'NotImplementedError', 'StopIteration', 'StopAsyncIteration',
         'GeneratorExit', 'KeyboardInterrupt', 'SystemExit', 'ImportError', 'ModuleNotFoundError', 'SyntaxError',
         'IndentationError', 'TabError', 'AssertionError', 'MemoryError', 'BufferError', 'EOFError', 'Warning',
         'UserWarning', 'DeprecationWarning', 'BlockingIOError', 'ConnectionResetError', 'PythonFinalizationError']
import builtins
for n in names:
    cls = getattr(builtins, n)
    print(n, '->', cls.__mro__[1].__name__)
print(repr(KeyError('k')), str(KeyError('k')), str(KeyError()), str(KeyError('a', 'b')))
print(repr(OSError(2, 'No such file')), OSError(2, 'x').errno, OSError(2, 'x').strerror, type(OSError(2, 'x')).__name__)
print(type(OSError(13, 'denied')).__name__, type(OSError(99999, 'odd')).__name__, EnvironmentError is OSError, IOError is OSError)
e = OSError(2, 'No such file', 'name.txt'); print(str(e), e.filename)
print(StopIteration(5).value, StopIteration().value, SystemExit(3).code, SystemExit().code, SystemExit(1, 2).code)
print(repr(ImportError('msg', name='m', path='p')), ImportError('msg', name='m').name)
try:
    ImportError('x', bogus=1)
except TypeError as e:
    print('TypeError', e)
se = SyntaxError('bad', ('file.py', 3, 5, 'x = = 1\n', 3, 6))
print(se.msg, se.filename, se.lineno, se.offset, repr(se.text), se.end_lineno, se.end_offset, str(se))
ude = UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid start byte')
print(str(ude), ude.encoding, ude.object, ude.start, ude.end, ude.reason)
print(repr(AttributeError('a', name='n', obj=1)), AttributeError('a', name='n').name)
print(NameError('x', name='y').name, BaseException().args, BaseException(1, 2).args, repr(Exception(None)))
ex = Exception('base')
ex.add_note('note 1'); ex.add_note('note 2'); print(ex.__notes__)
try:
    ex.add_note(5)
except TypeError as e:
    print('TypeError', e)
print(issubclass(KeyboardInterrupt, Exception), issubclass(StopIteration, Exception), issubclass(BaseExceptionGroup, BaseException))
class E(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
e = E(1, 2); print(e.args, e.b, str(e), repr(e))
print(repr(ValueError()), repr(ValueError('')), repr(ValueError(1, 'x')))
