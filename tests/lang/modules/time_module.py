# time: monotonic ordering, types, struct_time fields for fixed timestamps (UTC), sleep(0), errors.
import time
a = time.monotonic(); b = time.monotonic(); print(b >= a, type(a).__name__)
print(type(time.time()).__name__, time.time() > 1.6e9, type(time.time_ns()).__name__, time.time_ns() > 1.6e18)
print(time.perf_counter() <= time.perf_counter(), type(time.perf_counter_ns()).__name__, type(time.monotonic_ns()).__name__)
print(time.process_time() >= 0, type(time.thread_time()).__name__)
print(time.sleep(0), time.sleep(0.001))
for bad in [-1, 'x']:
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
g = time.gmtime(0)
print(g, g.tm_year, g.tm_yday, g.tm_wday, tuple(g)[:6], type(g).__name__)
print(time.gmtime(86400 * 365.25 * 30 + 12345)[:6])
print(time.gmtime(1700000000))
print(time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime(1234567890)))
print(time.strftime('%a %b %d %j %%', time.gmtime(0)))
print(time.asctime(time.gmtime(0)))
print(time.mktime(time.localtime(1000000)) == 1000000.0)
print(time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0)))
try:
    time.struct_time((1, 2))
except TypeError as e:
    print('TypeError', e)
print(time.get_clock_info('monotonic').monotonic, time.get_clock_info('time').adjustable)
try:
    time.get_clock_info('nope')
except ValueError as e:
    print('ValueError', e)
print(time.timezone == time.timezone, type(time.tzname).__name__, time.daylight in (0, 1))
