# title: Pipe ping-pong
# page: processes/queues
# explanation: Pipe() gives two Connection ends. The parent sends "ping", the child answers "pong",
#   five times. send() pickles the object; recv() blocks until a whole message has arrived.
from multiprocessing import Pipe, Process


def player(conn):
    for _ in range(5):
        conn.recv()
        conn.send("pong")


if __name__ == "__main__":
    here, there = Pipe()
    p = Process(target=player, args=(there,))
    p.start()
    for i in range(5):
        here.send("ping")
        print(here.recv(), i)
    p.join()
