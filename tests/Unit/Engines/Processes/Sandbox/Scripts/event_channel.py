# Connects to the event socket the runner put in the scratch directory and sends one JSON line.
import json
import os
import socket
import sys

with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
    s.connect(sys.argv[1])
    s.sendall((json.dumps({"kind": "hello", "pid": os.getpid()}) + "\n").encode())
print("sent", flush=True)
