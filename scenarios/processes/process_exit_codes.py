# title: Exit codes
# page: processes
# explanation: Three workers end three ways: returning normally (exit code 0), calling sys.exit(3), and
#   raising an exception (exit code 1, the traceback on stderr). The parent reads each exitcode after join().
import sys
from multiprocessing import Process


def returns():
    print("returning normally")


def exits():
    print("calling sys.exit(3)")
    sys.exit(3)


def raises():
    print("raising ValueError")
    raise ValueError("something went wrong")


if __name__ == "__main__":
    workers = [Process(target=f, name=f.__name__) for f in (returns, exits, raises)]
    for p in workers:
        p.start()
    for p in workers:
        p.join()
        print(f"{p.name}: exitcode {p.exitcode}")
