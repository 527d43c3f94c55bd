#!/usr/bin/env python3
# structure.py - the shape rules of the source tree, as one list of offenders.
#
# Usage: structure.py SRCDIR BUILDDIR
#
# Prints one line per offender, sorted, then (on stderr) the details:
#
#   sql FILE            a file in cmd/ names a sqlite3_ identifier (outside
#                       comments and strings): SQL lives only in lib/
#   long FILE FUNCTION  a function in lib/*.c or cmd/*.c is over 80 lines;
#                       a function is counted from its opening brace to its
#                       closing brace, both lines included, where (as in the
#                       whole tree) the opening brace of a function body
#                       stands alone in column 0 and so does its closing one
#   circle FILE         a file of lib/ lies on a circle of calls: it calls,
#                       through other lib/ files, a file that calls it back.
#                       The calls are read from the built objects: file A
#                       calls file B when A's object (BUILDDIR/lib/A.o) needs
#                       a symbol that B's object defines in its text section
#                       (nm: U in A, T in B); the circles are the strongly
#                       connected components of that graph with more than
#                       one file
#   rung FILE OTHER     FILE calls OTHER, which is not on a lower rung of the
#                       table in lib/README.md ("| N | a.c b.c |")
#   norung FILE         a file of lib/ that the table does not name, or
#                       names twice, or a name in the table that is no file
import os
import re
import subprocess
import sys

MAX_LINES = 80


def strip_code(text):
    """The text with comments, strings and character constants blanked,
    keeping line breaks, so that identifiers in them do not count."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:j]))
            i = j
        elif text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i))
            i = j
        elif c in '"\'':
            j = i + 1
            while j < n and text[j] != c and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            j = min(j + 1, n)
            out.append(c + re.sub(r'[^\n]', ' ', text[i + 1:j - 1]) + c)
            i = j
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def sources(src, folder, exts):
    d = os.path.join(src, folder)
    return sorted(folder + '/' + f for f in os.listdir(d)
                  if f.endswith(exts) and not f.startswith('.'))


def sql_in_cmd(src, offenders, details):
    for f in sources(src, 'cmd', ('.c', '.h')):
        with open(os.path.join(src, f), encoding='utf-8') as fp:
            code = strip_code(fp.read())
        hits = [k + 1 for k, line in enumerate(code.split('\n'))
                if re.search(r'\bsqlite3_\w', line)]
        if hits:
            offenders.append('sql ' + f)
            details.append('%s: sqlite3_ on line(s) %s' %
                           (f, ' '.join(map(str, hits))))


def long_functions(src, offenders, details):
    for f in sources(src, 'lib', '.c') + sources(src, 'cmd', '.c'):
        with open(os.path.join(src, f), encoding='utf-8') as fp:
            lines = strip_code(fp.read()).split('\n')
        k = 0
        while k < len(lines):
            if lines[k].rstrip() != '{':
                k += 1
                continue
            # the function's name: the last identifier before '(' on the
            # nearest line above that starts in column 0 with a name
            name = None
            for b in range(k - 1, max(k - 12, -1), -1):
                m = re.match(r'(?:[A-Za-z_][\w \t*]*?\s\**)?([A-Za-z_]\w*)\s*\(',
                             lines[b])
                if m:
                    name = m.group(1)
                    break
            end = k + 1
            while end < len(lines) and lines[end].rstrip() != '}':
                end += 1
            count = end - k + 1
            if name and count > MAX_LINES:
                offenders.append('long %s %s' % (f, name))
                details.append('%s:%d: %s is %d lines' % (f, k + 1, name, count))
            k = end + 1


def symbols(obj):
    r = subprocess.run(['nm', obj], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit('structure.py: nm %s failed: %s' % (obj, r.stderr.strip()))
    defined, needed = set(), set()
    for line in r.stdout.split('\n'):
        parts = line.split()
        if len(parts) == 3 and parts[1] == 'T':
            defined.add(parts[2])
        elif len(parts) == 2 and parts[0] == 'U':
            needed.add(parts[1])
    return defined, needed


def strong_components(nodes, edges):
    """Tarjan's algorithm, iterative."""
    index, low, on, stack, comps = {}, {}, set(), [], []
    counter = [0]
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on.add(root)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = counter[0]
                    counter[0] += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(edges[w]))))
                elif w in on:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                comps.append(sorted(comp))
    return comps


def call_graph(src, build):
    """For each lib/ file, the other lib/ files it calls, with one symbol
    each for the message."""
    files = sources(src, 'lib', '.c')
    owner, needs = {}, {}
    for f in files:
        obj = os.path.join(build, f[:-2] + '.o')
        if not os.path.exists(obj):
            sys.exit('structure.py: %s is not built (make all)' % obj)
        defined, needed = symbols(obj)
        for s in defined:
            owner[s] = f
        needs[f] = needed
    edges = {f: set() for f in files}
    why = {}
    for f in files:
        for s in needs[f]:
            g = owner.get(s)
            if g and g != f:
                edges[f].add(g)
                why.setdefault((f, g), s)
    return files, edges, why


def circles(files, edges, why, offenders, details):
    for comp in strong_components(files, edges):
        if len(comp) < 2:
            continue
        for f in comp:
            offenders.append('circle ' + f)
        calls = ['%s -> %s (%s)' % (f, g, why[(f, g)])
                 for f in comp for g in sorted(edges[f]) if g in comp]
        details.append('circle of %d files: %s' % (len(comp), '; '.join(calls)))


def rungs(src, files, edges, why, offenders, details):
    rung = {}
    with open(os.path.join(src, 'lib', 'README.md'), encoding='utf-8') as fp:
        for line in fp:
            m = re.match(r'\|\s*(\d+)\s*\|(.*)\|\s*$', line)
            if not m:
                continue
            for name in m.group(2).split():
                f = 'lib/' + name
                if f in rung or f not in files:
                    offenders.append('norung ' + f)
                    details.append('lib/README.md: %s %s' % (
                        name, 'named twice' if f in rung else 'is no file of lib/'))
                rung[f] = int(m.group(1))
    for f in files:
        if f not in rung:
            offenders.append('norung ' + f)
            details.append('lib/README.md: %s has no rung (a row of the table, and a '
                           'paragraph)' % f)
            continue
        for g in sorted(edges[f]):
            if g in rung and rung[g] >= rung[f]:
                offenders.append('rung %s %s' % (f, g))
                details.append('%s (rung %d) calls %s (rung %d): %s; a file calls only '
                               'files on lower rungs (lib/README.md)' %
                               (f, rung[f], g, rung[g], why[(f, g)]))


def main():
    if len(sys.argv) != 3:
        sys.exit('usage: structure.py SRCDIR BUILDDIR')
    src, build = sys.argv[1], sys.argv[2]
    offenders, details = [], []
    sql_in_cmd(src, offenders, details)
    long_functions(src, offenders, details)
    files, edges, why = call_graph(src, build)
    circles(files, edges, why, offenders, details)
    rungs(src, files, edges, why, offenders, details)
    for o in sorted(set(offenders)):
        print(o)
    for d in details:
        print(d, file=sys.stderr)


main()
