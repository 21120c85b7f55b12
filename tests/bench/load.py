"""Back-pressure under load: N concurrent callers against one real server, with and without admission control.

    python -m tests.bench.load [--seconds 6] [--clients 1,8,32] [--deadline 10]

The server runs the production engine (the real model, a SQLite file in a temporary folder) on a loopback port.
Each caller sends Extract calls of the seed articles back to back with the given deadline, for the given time.
Two servers are measured in the same run: the default settings (4 calls running, 16 waiting, the rest refused
at once with RESOURCE_EXHAUSTED), and a baseline whose line is so long it never refuses (the behaviour of an
unbounded queue). Printed: calls answered, refused and timed out, latency percentiles of the answered and of the
refused ones, useful throughput (answered within the deadline per second) and the server's peak RSS.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

from client import CrosscheckClient, Rejected, article_from_path
from service.server import default_engine
from service.settings import Settings
from tests.harness import SEEDS, RunningServer


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run_level(address: str, clients: int, seconds: float, deadline: float) -> dict:
    articles = [article_from_path(p) for p in sorted(SEEDS.glob("*.txt"))]
    answered: list[float] = []
    refused: list[float] = []
    timed_out = [0]
    other: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def caller(n: int) -> None:
        with CrosscheckClient(address, timeout=deadline) as c:
            k = n
            while time.monotonic() < stop_at:
                started = time.monotonic()
                try:
                    c.extract(articles[k % len(articles)])
                    with lock:
                        answered.append(time.monotonic() - started)
                except Rejected as error:
                    with lock:
                        if error.code.name == "RESOURCE_EXHAUSTED":
                            refused.append(time.monotonic() - started)
                        elif error.code.name == "DEADLINE_EXCEEDED":
                            timed_out[0] += 1
                        else:
                            other.append(error.code.name)
                    if error.code.name == "RESOURCE_EXHAUSTED":
                        time.sleep(0.2)  # a client honouring the retry hint, shortened to keep pressure on
                except Exception as error:  # noqa: BLE001 - deadline and transport errors are counted, not raised
                    with lock:
                        if "DEADLINE" in str(error).upper():
                            timed_out[0] += 1
                        else:
                            other.append(type(error).__name__)
                k += clients

    threads = [threading.Thread(target=caller, args=(n,)) for n in range(clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    return {
        "answered": len(answered), "refused": len(refused), "timed_out": timed_out[0], "other": len(other),
        "p50": _percentile(answered, 0.5), "p99": _percentile(answered, 0.99),
        "refused_p99": _percentile(refused, 0.99), "throughput": len(answered) / elapsed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=6.0)
    parser.add_argument("--clients", default="1,8,32")
    parser.add_argument("--deadline", type=float, default=10.0)
    args = parser.parse_args()
    levels = [int(n) for n in args.clients.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        base = Settings(database=str(Path(folder) / "load.db"), log_format="text", log_level="WARNING")
        configurations = (("admission (4 running, 16 waiting)", base),
                          ("unbounded line (baseline)", replace(base, max_waiting_calls=100_000)))
        print("| server | clients | answered | refused | timed out | other | p50 s | p99 s | refused p99 s | "
              "answered/s |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for name, settings in configurations:
            server = RunningServer(replace(settings, database=settings.database + name[:3]), default_engine)
            try:
                for clients in levels:
                    r = run_level(server.address, clients, args.seconds, args.deadline)
                    print(f"| {name} | {clients} | {r['answered']} | {r['refused']} | {r['timed_out']} | "
                          f"{r['other']} | {r['p50']:.2f} | {r['p99']:.2f} | {r['refused_p99']:.3f} | "
                          f"{r['throughput']:.1f} |", flush=True)
            finally:
                server.stop()
    print(f"\npeak RSS of this process (server and callers): "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
