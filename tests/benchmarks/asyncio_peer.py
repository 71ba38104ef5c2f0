#!/usr/bin/python3
"""bench_timers' reference: N concurrent asyncio tasks, each awaiting asyncio.sleep(0.1).

Lateness of a task = (loop time after its sleep) - (loop time before it) - 0.1 s,
the same measure LatencyLab takes from its io spans. Prints one JSON object:
requests, wall_s (first task created -> last task done), lateness_ms {p50, p99, max}.
Run with Debian's interpreter: /usr/bin/python3 (standard library only).
"""
import asyncio
import json
import sys
import time

WAIT_S = 0.1


def quantile(ordered, q):
    """Linear interpolation between closest ranks, as LatencyLab's percentiles."""
    position = q * (len(ordered) - 1)
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


async def wait(loop, lateness):
    before = loop.time()
    await asyncio.sleep(WAIT_S)
    lateness.append((loop.time() - before - WAIT_S) * 1e3)


async def main(count):
    loop = asyncio.get_running_loop()
    lateness = []
    start = time.perf_counter()
    await asyncio.gather(*(wait(loop, lateness) for _ in range(count)))
    wall = time.perf_counter() - start
    lateness.sort()
    return {"requests": count, "wall_s": wall,
            "lateness_ms": {"p50": quantile(lateness, 0.5), "p99": quantile(lateness, 0.99),
                            "max": lateness[-1]}}


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))))
