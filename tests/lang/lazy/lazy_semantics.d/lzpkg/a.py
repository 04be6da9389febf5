print('lzpkg.a runs')
A = 'value a'
