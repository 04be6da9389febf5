print('broken executing')
raise ValueError('broken module')
