# Tries a TCP connection to a port the server listens on, a UDP DNS query and a name lookup.
import socket
import sys

port = int(sys.argv[1])
try:
    socket.create_connection(("127.0.0.1", port), timeout=2).close()
    print("tcp 127.0.0.1: connected", flush=True)
except OSError as e:
    print(f"tcp 127.0.0.1: {type(e).__name__}", flush=True)
try:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(2)
    s.sendto(b"\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x07example\x03com\x00\x00\x01\x00\x01", ("8.8.8.8", 53))
    print("udp dns: answered", s.recv(512)[:4], flush=True)
except OSError as e:
    print(f"udp dns: {type(e).__name__}", flush=True)
try:
    print("getaddrinfo:", socket.getaddrinfo("example.com", 80)[0][4], flush=True)
except OSError as e:
    print(f"getaddrinfo: {type(e).__name__}", flush=True)
a, b = socket.socketpair(socket.AF_UNIX)
a.sendall(b"ping")
print("unix socketpair:", b.recv(4).decode(), flush=True)
