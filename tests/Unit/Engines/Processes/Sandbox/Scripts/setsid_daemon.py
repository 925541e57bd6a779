# The textbook daemon: double fork, setsid, ignore hangups and terminations, and live forever.
import os
import signal
import time

if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        for sig in (signal.SIGHUP, signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, signal.SIG_IGN)
        os.chdir("/")
        while True:
            time.sleep(1)
    os._exit(0)
os.wait()
print("daemon launched", flush=True)
