# An uncaught chained exception: the last stderr line is the outermost exception.
# exit: 1
try:
    {}['missing']
except KeyError as e:
    raise RuntimeError('outer failure') from e
