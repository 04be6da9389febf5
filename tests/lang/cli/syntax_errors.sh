# Syntax errors in scripts: the whole report (file, line, caret, message) and exit status 1.
check() { printf '%s' "$1" > bad.py; $PY -S bad.py 2>&1; echo "rc=$?"; }
check 'x = (1, 2
y = 3
'
check 'def f(:
    pass
'
check 'print("a" "b" c)
'
check 'if True:
print("no indent")
'
check 'if True:
    a = 1
      b = 2
'
check 'for x in range(3)
    pass
'
check 'x = 1 +
'
check 'return 5
'
check 'a = 5 = 6
'
check 'f(**k, *a)
'
check 'class C:
    def m(self):
        nonlocal q
'
check '"unterminated
'
check 'x = 0b102
'
check 'lambda x: (yield x)
yield = 3
'
check 'def f():
	if 1:
        pass
'
check 'print(f"{1 + }")
'
check 'x = [1, 2, 3)
'
check 'async = 5
'
check 'match x:
    case 1 + 1:
        pass
'
check '£ = 5
'
