# Notes on an uncaught exception are printed after the message.
# exit: 1
e = TypeError('with notes')
e.add_note('note line')
raise e
