# Uses no CPU at all and never ends: only the wall clock can stop it.
import time

print("sleeping", flush=True)
time.sleep(10**6)
