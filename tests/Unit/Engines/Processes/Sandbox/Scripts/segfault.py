# Dies of a signal nobody in the runner sent.
import os
import signal

print("about to crash", flush=True)
os.kill(os.getpid(), signal.SIGSEGV)
