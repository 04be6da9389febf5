print('lzpkg init')
