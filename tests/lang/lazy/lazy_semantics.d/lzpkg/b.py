print('lzpkg.b runs')
B = 'value b'
