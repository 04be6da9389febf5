# Nested loops with break/continue across try/finally and else clauses.
for i in range(3):
    try:
        if i == 1:
            continue
        print('body', i)
    finally:
        print('finally', i)
for i in range(3):
    try:
        if i == 1:
            break
    finally:
        print('cleanup', i)
else:
    print('no')
def f():
    for i in range(5):
        try:
            return i
        finally:
            print('returning through finally', i)
print(f())
found = None
for row in [[1, 2], [3, 4], [5, 6]]:
    for v in row:
        if v == 4:
            found = v
            break
    else:
        continue
    break
print('found', found)
n = 0
while n < 10:
    n += 1
    while True:
        if n % 2:
            break
        n += 1
        break
print(n)
count = 0
for a in range(3):
    for b in range(3):
        if b > a:
            break
        count += 1
print(count)
