# Loaded by every python3 of a run (the parent, and workers started by spawn or forkserver) because the
# runner puts this folder on PYTHONPATH. It only switches the instrumentation on; the student's script
# is not changed by a single line.
import os

if os.environ.get("PLAYGROUND_EVENTS"):
    try:
        import playground_instrument

        playground_instrument.install()
    except Exception:  # instrumentation must never stop the student's program
        pass
