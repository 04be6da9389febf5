print('lpkg executing')
