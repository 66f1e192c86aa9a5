#!/usr/bin/env python3
# Lists the tests and GTest sub-tests (TAP) that skipped, from the JUnit log
# meson test writes (BUILD_DIR/meson-logs/testlog.junit.xml); exits 1 if
# there are any. meson's summary counts whole tests only, so without this
# a skipped sub-test passes unseen. Used by build-aux/test.sh.
import sys
import xml.etree.ElementTree as ET

skipped = []
for suite in ET.parse(sys.argv[1]).getroot().iter('testsuite'):
    for case in suite.iter('testcase'):
        if case.find('skipped') is not None:
            skipped.append('%s: %s' % (suite.get('name'), case.get('name')))

for name in skipped:
    print('skipped: ' + name)
print('%d tests or sub-tests skipped' % len(skipped))
sys.exit(1 if skipped else 0)
