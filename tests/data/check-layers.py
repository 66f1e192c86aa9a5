#!/usr/bin/env python3
# The layering rules of HACKING.md, over the sources:
#
#   check-layers.py SRC_DIR sqlite   SQLite (sqlite3.h, or a header that
#                                    includes it) only in src/core/store/ and
#                                    src/core/import/ (the import's fast path)
#   check-layers.py SRC_DIR gtk      nothing in src/core includes GTK,
#                                    GDK, GSK or libadwaita
#   check-layers.py SRC_DIR threads  widgets (src/app) start no threads and
#                                    open no connections: store work goes
#                                    through ov_store_run_async() and the
#                                    core's own _async calls
#
# Headers are included by their names alone (each folder is on the include
# path), so an include is followed to the file of that name anywhere in
# SRC_DIR. Prints each offending include with the chain that leads to the
# forbidden header and exits 1; 0 when the rule holds.

import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)


def read_includes(path):
    with open(path, encoding='utf-8') as f:
        return INCLUDE.findall(f.read())


THREADS = re.compile(r'\b(g_thread_new|g_thread_try_new|g_task_run_in_thread(_sync)?|'
                     r'ov_store_open(_full|_another|_reader)?)\s*\(')


def check_threads(src):
    failures = []
    for folder, _, names in os.walk(os.path.join(src, 'app')):
        for name in sorted(names):
            if not name.endswith('.c'):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding='utf-8') as f:
                for number, line in enumerate(f, 1):
                    match = THREADS.search(line)
                    if match:
                        failures.append('%s:%d: %s' % (os.path.relpath(path, src), number,
                                                       match.group(1)))
    for failure in failures:
        print(failure)
    if failures:
        print('%d place(s) in the app start a thread or open a connection (see HACKING.md)'
              % len(failures))
        return 1
    print('the threads rule holds')
    return 0


def main():
    src, rule = sys.argv[1], sys.argv[2]
    if rule == 'threads':
        return check_threads(src)
    files = {}
    for folder, _, names in os.walk(src):
        for name in names:
            if name.endswith(('.c', '.h')):
                files.setdefault(name, os.path.join(folder, name))

    if rule == 'sqlite':
        def forbidden(header):
            return header == 'sqlite3.h'

        def checked(path):
            rel = os.path.relpath(path, src)
            return not rel.startswith(('core/store/', 'core/import/'))
    elif rule == 'gtk':
        def forbidden(header):
            return header.startswith(('gtk/', 'gdk/', 'gsk/')) or header == 'adwaita.h'

        def checked(path):
            return os.path.relpath(path, src).startswith('core/')
    else:
        sys.exit('check-layers: the rule is sqlite or gtk')

    # The chain from each header to a forbidden one, or None.
    memo = {}

    def leads_to(name, seen):
        if forbidden(name):
            return [name]
        if name not in files or name in seen:
            return None
        if name not in memo:
            memo[name] = None
            for included in read_includes(files[name]):
                chain = leads_to(included, seen | {name})
                if chain is not None:
                    memo[name] = [name] + chain
                    break
        return memo[name]

    failures = []
    for name, path in sorted(files.items()):
        if not checked(path):
            continue
        for included in read_includes(path):
            chain = leads_to(included, {name})
            if chain is not None:
                failures.append('%s: includes %s' % (os.path.relpath(path, src),
                                                     ' → '.join(chain)))

    for failure in failures:
        print(failure)
    if failures:
        print('%d include(s) break the %s rule (see HACKING.md)' % (len(failures), rule))
        return 1
    print('the %s rule holds over %d files' % (rule, len(files)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
