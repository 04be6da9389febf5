#!/usr/bin/env python3
"""Dump what a header set declares for one Py_LIMITED_API setting.

usage: decls.py CC_FLAGS... -- DEFINES...   (prints JSON on stdout)

functions: name -> normalised prototype (from gcc -aux-info), plus whether it is
           a static inline; only names starting with Py/_Py/PY.
data:      name -> normalised extern declaration (from the preprocessed text).
macros:    name -> body (from gcc -dM -E).
"""
import json, os, re, subprocess, sys, tempfile

def split_args(argv):
    if '--' in argv:
        i = argv.index('--')
        return argv[:i], argv[i + 1:]
    return argv, []

NAME_OK = re.compile(r'^_?(Py|PY)')

def norm(s):
    s = re.sub(r'\s+', ' ', s).strip()
    s = re.sub(r'\s*([(),*\[\]])\s*', r'\1', s)
    for a, b in (('long long unsigned int', 'unsigned long long'),
                 ('long long int', 'long long'),
                 ('long unsigned int', 'unsigned long'),
                 ('short unsigned int', 'unsigned short'),
                 ('long int', 'long'), ('short int', 'short'),
                 ('unsigned int', 'unsigned')):
        s = re.sub(r'\b%s\b' % a, b, s)
    return s

def dump(flags, defines, src='#include <Python.h>\n'):
    cc = os.environ.get('CC', 'gcc')
    with tempfile.TemporaryDirectory() as d:
        c = os.path.join(d, 't.c')
        with open(c, 'w') as f:
            f.write(src)
        aux = os.path.join(d, 'aux.txt')
        subprocess.run([cc, *flags, *defines, '-c', c, '-o', os.path.join(d, 't.o'),
                        '-aux-info', aux], check=True)
        funcs = {}
        for line in open(aux):
            m = re.match(r'/\* (\S+):(\d+):(\w+) \*/ (.*)$', line.strip())
            if not m:
                continue
            path, decl = m.group(1), m.group(4)
            if '/usr/include/' in path and 'python' not in path:
                continue  # libc
            decl = re.sub(r'/\*.*?\*/', '', decl).strip().rstrip(';')
            is_static = decl.startswith('static')
            decl = re.sub(r'^(extern|static)\s+', '', decl)
            # parameter names of inline definitions are dropped
            fm = re.match(r'^(.*?)\b(\w+)\s*\((.*)\)$', decl)
            if not fm:
                continue
            ret, name, params = fm.groups()
            if not NAME_OK.match(name):
                continue
            if is_static:
                ps = []
                for p in split_params(params):
                    p = p.strip()
                    if p not in ('void', '...'):
                        p = re.sub(r'\b\w+$', '', p) if not p.endswith(')') else strip_fp_name(p)
                    ps.append(p)
                params = ', '.join(ps)
            funcs[name] = {'proto': norm(f'{ret} {name}({params})'), 'static': is_static,
                           'file': os.path.basename(path)}
        pre = subprocess.run([cc, *flags, *defines, '-E', '-P', c], check=True,
                             capture_output=True, text=True).stdout
        pre = re.sub(r'__attribute__\s*\(\((?:[^()]|\([^()]*\))*\)\)', ' ', pre)
        data = {}
        for stmt in re.findall(r'\bextern\b[^;{}]*;', pre):
            s = norm(stmt[len('extern'):].rstrip(';'))
            if '(' in s and not re.search(r'\(\*\w+\)', s):
                continue  # a function
            m = re.search(r'\(\*(\w+)\)', s) or re.search(r'(\w+)(\[\])?$', s)
            if m and NAME_OK.match(m.group(1)):
                data[m.group(1)] = s
        mac = subprocess.run([cc, *flags, *defines, '-E', '-dM', c], check=True,
                             capture_output=True, text=True).stdout
        macros = {}
        for line in mac.splitlines():
            m = re.match(r'#define (\w+)(\([^)]*\))? ?(.*)$', line)
            if m:
                macros[m.group(1)] = ((m.group(2) or '') + ' ' + m.group(3)).strip()
    return {'functions': funcs, 'data': data, 'macros': macros}

def split_params(s):
    out, depth, cur = [], 0, ''
    for ch in s:
        if ch == '(':
            depth += 1
        elif ch == ')':
            depth -= 1
        if ch == ',' and depth == 0:
            out.append(cur); cur = ''
        else:
            cur += ch
    if cur.strip():
        out.append(cur)
    return out

def strip_fp_name(p):
    return re.sub(r'\(\s*\*\s*\w+\s*\)', '(*)', p, count=1)

if __name__ == '__main__':
    flags, defines = split_args(sys.argv[1:])
    json.dump(dump(flags, defines), sys.stdout, indent=0, sort_keys=True)
