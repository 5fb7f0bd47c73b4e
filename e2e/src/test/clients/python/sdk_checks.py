"""What the vendor-SDK scripts share: named checks, printed as PASS lines, and the closing count.

A failed check prints what was seen and "N passed, 1 failed", and exits 1.
"""
import sys

passed = []


def check(name, condition, detail=""):
    if not condition:
        print("FAIL %s %s" % (name, detail))
        print("%d passed, 1 failed" % len(passed))
        sys.exit(1)
    passed.append(name)
    print("PASS " + name)


def done():
    print("%d passed, 0 failed" % len(passed))
