# An exception replaced by a return in a nested function's finally: program exits normally.
# exit: 0
def swallow():
    try:
        raise ValueError('lost')
    except ValueError:
        return 'value from except'
    finally:
        print('finally')
print(swallow())
