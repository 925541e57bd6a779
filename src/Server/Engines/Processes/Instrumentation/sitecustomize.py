# Loaded by site.py at start-up in every python3 of a run (the parent, spawn and forkserver children),
# because the runner puts this folder first on PYTHONPATH. Fork children inherit the patched modules.
# Nothing here may break the student's program: any failure leaves multiprocessing untouched.
import os

if os.environ.get("PLAYGROUND_EVENTS"):
    try:
        import playground_instrument

        playground_instrument.install()
    except Exception:
        pass
