# An uncaught ValueError after some output: exit status 1, the traceback's last line on stderr.
# exit: 1
print('before the error')
def fail():
    raise ValueError('uncaught value error')
fail()
print('never printed')
