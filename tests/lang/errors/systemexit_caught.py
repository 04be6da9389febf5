# SystemExit can be caught and re-raised with another code.
# exit: 4
try:
    raise SystemExit(2)
except SystemExit as e:
    print('caught', e.code)
raise SystemExit(e.code * 2 if False else 4)
