# time.struct_time and strftime/gmtime over a set of fixed UTC timestamps (deterministic, no local time printed).
import time
stamps = [0, 1, 59, 3600, 86399, 86400, 951782400, 978307200, 1234567890, 1700000000, 2147483647, 4102444800, -86400]
for s in stamps:
    g = time.gmtime(s)
    print(s, tuple(g), time.strftime('%Y-%m-%dT%H:%M:%S %A %B %j %U %w', g))
g = time.gmtime(1234567890.75)
print(g.tm_sec, g.tm_zone, g.tm_gmtoff, g.n_fields, g.n_sequence_fields, g.n_unnamed_fields)
print(time.strftime('%%|%y|%e|%I%p|%M', time.gmtime(1234567890)))
try:
    time.gmtime(1e20)
except (OverflowError, ValueError, OSError) as e:
    print(type(e).__name__, e)
try:
    time.gmtime('x')
except TypeError as e:
    print('TypeError', e)
st = time.struct_time((2024, 2, 29, 12, 0, 0, 3, 60, 0))
print(st.tm_mon, st[1], st[-1], len(st), st == tuple(st), st[:3])
