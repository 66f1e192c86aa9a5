#!/usr/bin/env python3
# Every test runs with G_TEST_OPTION_ISOLATE_DIRS, so none can read or
# write the user's real data (~/.local/share/overture) or settings:
#
#   check-test-isolation.py TESTS_DIR
#
# Looks at each g_test_init() call in the test sources (comments left
# out) and prints those without the option; exits 1 when there is one.

import os
import re
import sys

COMMENT = re.compile(r'/\*.*?\*/|//[^\n]*', re.S)
CALL = re.compile(r'\bg_test_init\s*\(([^;]*?)\)\s*;', re.S)


def main():
    tests = sys.argv[1]
    failures = []
    n_calls = 0
    for folder, _, names in os.walk(tests):
        for name in sorted(names):
            if not name.endswith(('.c', '.h')):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding='utf-8') as f:
                text = f.read()
            code = COMMENT.sub(lambda m: '\n' * m.group(0).count('\n'), text)
            for match in CALL.finditer(code):
                n_calls += 1
                if 'G_TEST_OPTION_ISOLATE_DIRS' not in match.group(1):
                    line = code.count('\n', 0, match.start()) + 1
                    failures.append('%s:%d: g_test_init() without G_TEST_OPTION_ISOLATE_DIRS'
                                    % (os.path.relpath(path, tests), line))
    for failure in failures:
        print(failure)
    if failures:
        print('%d test(s) could reach the real data directories' % len(failures))
        return 1
    if n_calls == 0:
        print('no g_test_init() found under %s' % tests)
        return 1
    print('all %d g_test_init() calls isolate the directories' % n_calls)
    return 0


if __name__ == '__main__':
    sys.exit(main())
