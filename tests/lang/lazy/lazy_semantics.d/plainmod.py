print('plainmod runs')
X = 1
