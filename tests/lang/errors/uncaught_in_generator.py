# An exception escaping a generator consumed by a list().
# exit: 1
def g():
    yield 1
    raise OSError(2, 'No such file or directory', 'missing.txt')
print(list(g()))
