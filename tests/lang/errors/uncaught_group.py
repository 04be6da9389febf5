# An uncaught ExceptionGroup: the rendered tree's last line.
# exit: 1
print('raising a group')
raise ExceptionGroup('several', [ValueError('one'), TypeError('two')])
