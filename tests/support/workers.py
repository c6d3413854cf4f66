"""pytest-xdist workers: who this process is, and a slice of ports no other worker uses.

Under ``pytest -n N`` each worker is a process named gw0, gw1, ... (PYTEST_XDIST_WORKER); a plain
``pytest`` run is one process with no name."""

import os
import random
import socket

PORTS = range(20000, 32000)  # below the ephemeral range (32768–60999 here)


def worker_id() -> str:
    """"gw0", "gw1", ... under xdist; "" in a plain run."""
    return os.environ.get("PYTEST_XDIST_WORKER", "")


def worker_index() -> int:
    name = worker_id()
    return int(name[2:]) if name.startswith("gw") else 0


def worker_count() -> int:
    return int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))


def worker_ports() -> range:
    """This worker's own share of PORTS: two workers never pick the same port."""
    size = len(PORTS) // max(worker_count(), 1)
    start = PORTS.start + size * worker_index()
    return range(start, start + size)


def free_port() -> int:
    """A free port of this worker's share, below the ephemeral range, so no client socket in
    TIME_WAIT can collide with it (nor another worker's server)."""
    ports = worker_ports()
    for _ in range(200):
        port = random.choice(ports)
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port found in {ports}")
