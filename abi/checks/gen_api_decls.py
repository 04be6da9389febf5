#!/usr/bin/env python3
"""One-off tool that wrote include/carapace/api_*.h (kept for review and for
a later re-run; after a re-run, check the diff by hand).

Facts only are taken from CPython 3.15's headers: for every Limited API
version 3.2 ... 3.15 and abi3t, which exported functions and data symbols are
declared (names, normalised prototypes: see decls.py). Each name is written
once, into an area file of Carapace's own layout, inside a block guarded by
the first version that declares it. Static inline functions and macros are
not generated: they are written by hand in include/carapace/inline.h.

usage: python3 abi/checks/gen_api_decls.py   (from the repository root)
"""
import collections, os, re, shlex, subprocess, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import decls

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
env = subprocess.run([os.path.join(ROOT, '..', 'shared', 'tools', 'fetch-cpython3.15')],
                     capture_output=True, text=True, check=True).stdout
flags = shlex.split(re.search(r"PY315_CFLAGS='([^']*)'", env).group(1))
VS = ['02', '03', '04', '05', '06', '07', '08', '09', '0a', '0b', '0c', '0d', '0e', '0f', 't']
R = {v: decls.dump(flags, ['-DPy_TARGET_ABI3T=0x030f0000'] if v == 't'
                   else ['-DPy_LIMITED_API=0x03%s0000' % v]) for v in VS}

AREAS = {
    'api_object': ('object model, memory, buffers, critical sections',
                   'pymacro object refcount objimpl pymem pybuffer critical_section'),
    'api_numbers': ('int, float, complex, bool, number/string conversion',
                    'longobject floatobject complexobject boolobject pystrtod'),
    'api_text': ('str, bytes, bytearray, codecs',
                 'unicodeobject bytesobject bytearrayobject codecs pystrcmp'),
    'api_containers': ('tuple, list, dict, set, slice, iterators, memoryview, struct sequences',
                       'tupleobject listobject dictobject setobject sliceobject rangeobject '
                       'iterobject memoryobject enumobject genericaliasobject structseq'),
    'api_callables': ('functions, methods, descriptors, capsules, weak references, modules',
                      'methodobject descrobject pycapsule weakrefobject moduleobject modsupport'),
    'api_errors': ('exceptions, warnings, tracebacks', 'pyerrors warnings traceback'),
    'api_runtime': ('interpreter, threads, import, sys, lifecycle, evaluation',
                    'pystate pythread ceval pylifecycle import sysmodule pythonrun fileobject '
                    'intrcheck fileutils audit osmodule pyframe compile bltinmodule'),
    'api_abstract': ('abstract object, number, sequence, mapping, iterator and call protocols',
                     'abstract'),
}
AREA_OF = {f + '.h': a for a, (_, files) in AREAS.items() for f in files.split()}
NORETURN = {'Py_FatalError', 'Py_Exit'}

def pretty(s):
    s = re.sub(r'(struct )?__va_list_tag\s*\*', 'va_list', s)
    s = s.replace(',', ', ')
    s = re.sub(r'(\w)\*', r'\1 *', s)
    return re.sub(r'\*(\w)', r'*\1', s)

def render_fn(name, proto):
    i = proto.index(name + '(')
    pre = '_Py_NO_RETURN ' if name in NORETURN else ''
    return '%sPyAPI_FUNC(%s) %s(%s);' % (pre, pretty(proto[:i]).strip(), name,
                                        pretty(proto[i + len(name) + 1:-1]))

def render_data(name, decl):
    if name == 'PyOS_InputHook':
        return 'PyAPI_DATA(int) (*PyOS_InputHook)(void);'
    i = decl.rindex(name)
    return 'PyAPI_DATA(%s) %s%s;' % (pretty(decl[:i]).strip(), name, decl[i + len(name):])

items = collections.defaultdict(lambda: collections.defaultdict(list))
for kind in ('functions', 'data'):
    seen = collections.OrderedDict()
    for v in VS:
        for n in R[v][kind]:
            seen.setdefault(n, []).append(v)
    for n, present in seen.items():
        last = R[present[-1]][kind][n]
        if kind == 'functions':
            if last['static'] or present[-1] != 't':
                continue  # hand-written
            area, line = AREA_OF[last['file']], render_fn(n, last['proto'])
        else:
            area = 'api_errors' if n.startswith('PyExc_') else (
                'api_runtime' if n == 'PyOS_InputHook' else 'api_object')
            line = render_data(n, last)
        items[area][present[0]].append((n, line))

for area, byv in items.items():
    out = ['/* Carapace: Limited API declarations -- %s.' % AREAS[area][0],
           ' * Each block is guarded by the first Limited API version that offers it. */',
           '#ifndef CARAPACE_%s_H' % area.upper(), '#define CARAPACE_%s_H' % area.upper(), '']
    for v in VS:
        if v not in byv:
            continue
        out.append('/* since 3.2 */' if v == '02' else '#if _Py_LIMITED_VERSION >= 0x03%s0000' % v)
        out += [line for _, line in sorted(byv[v])]
        if v != '02':
            out.append('#endif /* >= 3.%d */' % int(v, 16))
        out.append('')
    out.append('#endif')
    with open(os.path.join(ROOT, 'include', 'carapace', area + '.h'), 'w') as f:
        f.write('\n'.join(out) + '\n')
    print(area, sum(len(x) for x in byv.values()))
