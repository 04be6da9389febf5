# xfail_reasons.py WORK_DIR RUN_OUTPUT -- print an xfail.txt line (`area/name reason`) for every
# FAIL of a harness run kept with LANGTEST_KEEP=1 (`tests/lang/run.sh ... > RUN_OUTPUT`). The reason
# is the first thing that differs: a hang, a crash, an uncaught exception, or the first output line.
# Review the lines before adding them: the list is for known gaps, not for hiding regressions.
import sys

work, listing = sys.argv[1], sys.argv[2]


def read(tag, name, ext):
    try:
        with open(f'{work}/{tag}/{name}.{ext}', errors='replace') as f:
            return f.read()
    except FileNotFoundError:
        return ''


def clip(text, n):
    text = ' '.join(text.split())
    return text if len(text) <= n else text[:n - 3] + '...'


def reason(name):
    ref_out, car_out = read('ref', name, 'out').splitlines(), read('carapace', name, 'out').splitlines()
    car_err = read('carapace', name, 'err').splitlines()
    ref_rc, car_rc = read('ref', name, 'rc').strip(), read('carapace', name, 'rc').strip()
    last = next((line for line in reversed(car_err) if line.strip()), '')
    if car_rc == '124':
        return f'hangs (timeout) after {len(car_out)} lines of output'
    if car_rc in ('134', '137', '139'):
        first = next((line for line in car_err if line.strip() and not line.lstrip()[:1].isdigit()
                      and not line.strip().startswith('at ')), '')
        return f'crashes (status {car_rc}): {clip(first, 80)}'
    if ref_out == car_out:
        if ref_rc != car_rc:
            return f'exit status {car_rc} (CPython {ref_rc}); stderr: {clip(last, 80)}'
        return f'stderr last line: {clip(last, 80)}'
    n = next(k for k in range(max(len(ref_out), len(car_out)))
             if (ref_out[k] if k < len(ref_out) else None) != (car_out[k] if k < len(car_out) else None))
    if car_rc != ref_rc and last:
        return f'stops at output line {n + 1}: {clip(last, 80)}'
    got = car_out[n] if n < len(car_out) else '<end of output>'
    return f'output line {n + 1} differs: {clip(got, 80)}'


with open(listing) as f:
    for line in f:
        words = line.split()
        if words[:1] == ['FAIL'] and 'unexpectedly' not in line and '(reference' not in line:
            print(words[1], reason(words[1]))
