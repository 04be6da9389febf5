# NameError with a suggestion from the builtins.
# exit: 1
prnt('hello')
