# input() with stdin at end of file (the harness gives /dev/null) and other builtins needing no site.
try:
    input('prompt> ')
except EOFError as e:
    print('EOFError', e)
for name in ['help', 'exit', 'quit', 'copyright', 'credits', 'license']:
    print(name, name in dir(__builtins__) if isinstance(__builtins__, type(__import__('sys'))) else name in __builtins__)
import builtins
print(sorted(n for n in dir(builtins) if n[0].islower() and n not in ('help', 'exit', 'quit', 'copyright', 'credits', 'license')))
print(builtins.__name__, builtins.True_ if hasattr(builtins, 'True_') else 'no True_', builtins.__doc__ is not None)
print(len([n for n in dir(builtins) if n[0].isupper() and n.endswith(('Error', 'Exception'))]) >= 40)
