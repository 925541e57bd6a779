# Writes as fast as it can to both streams.
import sys

line = "x" * 1000 + "\n"
while True:
    sys.stdout.write(line)
    sys.stderr.write(line)
