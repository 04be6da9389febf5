# if/elif/else, while/else, for/else, break, continue, pass.
for n in range(6):
    if n == 0:
        print('zero')
    elif n % 2:
        print('odd', n)
    elif n == 4:
        pass
    else:
        print('even', n)
i = 0
while i < 10:
    i += 1
    if i == 3:
        continue
    if i == 6:
        break
    print('while', i)
else:
    print('not reached')
j = 0
while j < 2:
    j += 1
else:
    print('while-else', j)
for x in []:
    print('never')
else:
    print('for-else on empty')
for x in [1, 2, 3]:
    if x == 2:
        break
else:
    print('not printed')
print('after break', x)
for a, b in [(1, 2), (3, 4)]:
    for c in 'xy':
        if c == 'y':
            continue
        print(a, b, c)
total = 0
for k in range(100):
    if k % 7:
        continue
    total += k
print(total)
while True:
    break
print('done', [y for y in range(3) if y] or 'empty')
