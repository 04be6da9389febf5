# Exceptions: raise and catch in a loop (builtin and user-defined classes),
# try/except/else/finally, exception hierarchies, re-raise, and dict KeyError.
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0


class AppError(Exception):
    pass


class Retry(AppError):
    def __init__(self, attempt):
        super().__init__(attempt)
        self.attempt = attempt


def check(i):
    if i % 3 == 0:
        raise Retry(i)
    if i % 5 == 0:
        raise ValueError(i)
    return i


def wrapped(i):
    try:
        return check(i)
    except ValueError:
        raise AppError("wrapped")


def run(n):
    retries = app = ok = finals = keyerr = 0
    table = {i: i for i in range(0, 100, 2)}
    for i in range(n):
        try:
            wrapped(i)
        except Retry as e:
            retries += e.attempt & 1
        except AppError:
            app += 1
        else:
            ok += 1
        finally:
            finals += 1
        try:
            keyerr += table[i % 100]
        except KeyError:
            keyerr -= 1
    return retries, app, ok, finals, keyerr


print("checksum", *run(max(10, int(1000000 * SCALE))))
