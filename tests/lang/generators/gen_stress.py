# Generators at scale: interleaving many generators round-robin, long-running generator, sum over a big stream.
def worker(name, n):
    for i in range(n):
        yield f'{name}{i}'
def round_robin(*gens):
    gens = list(gens)
    while gens:
        for g in list(gens):
            try:
                yield next(g)
            except StopIteration:
                gens.remove(g)
print(list(round_robin(worker('a', 3), worker('b', 1), worker('c', 2))))
def big(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(sum(big(300000)), max(big(1000)), len(list(big(5000))))
def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1
print(max(len(list(collatz(i))) for i in range(1, 3000)))
gens = [big(i) for i in range(200)]
print(sum(sum(g) for g in gens))
