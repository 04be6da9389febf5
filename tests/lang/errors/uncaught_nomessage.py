# An uncaught exception without arguments prints only its name.
# exit: 1
raise LookupError
