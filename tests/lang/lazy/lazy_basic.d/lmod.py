print('lmod executing')
VALUE = 'lmod value'
def func():
    return 'lmod func'
