print('lpkg.sub executing')
NAME = 'sub'
