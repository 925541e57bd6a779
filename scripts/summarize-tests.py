"""Adds up the .trx results of every test project into one line: 'N passed, N failed'.

A project that should have run but left no .trx (it did not build, or crashed) counts as a failure,
so the line never reads green for tests that did not run.
"""
import pathlib
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
EXPECTED = ["unit.trx", "e2e.trx"]


def main() -> int:
    results = pathlib.Path(sys.argv[1])
    status = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    passed = failed = skipped = 0
    for name in EXPECTED:
        trx = results / name
        if not trx.exists():
            print(f"{name}: no results (the project did not build or run)")
            failed += 1
            continue
        counters = ET.parse(trx).getroot().find("t:ResultSummary/t:Counters", NS)
        p, f = int(counters.get("passed", 0)), int(counters.get("failed", 0)) + int(counters.get("error", 0))
        s = int(counters.get("total", 0)) - int(counters.get("executed", 0))
        print(f"{name}: {p} passed, {f} failed, {s} not run")
        passed, failed, skipped = passed + p, failed + f, skipped + s
    if passed == 0:
        failed = max(failed, 1)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or status else 0


if __name__ == "__main__":
    sys.exit(main())
