# An uncaught KeyboardInterrupt: the process ends as if by SIGINT (status 130 from the shell's view).
# exit: 130
print('interrupting')
raise KeyboardInterrupt
