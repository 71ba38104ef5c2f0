"""How real CPython shares the processor: the measurements tst_cpythonsharing
compares with LatencyLab's model of the GIL and of cores.

Runs two experiments, each several times, and prints one JSON object:

- threads: four threads of one interpreter, under its GIL, start together and
  do 1, 2, 3 and 4 units of pure-Python work; when each finishes.
- processes: four processes of 1 unit each, started together, on one core
  (this process's first); when each finishes. One core, because a second
  core that the rest of the machine also uses runs its processes slower,
  which a model of whole, equal cores cannot know.

Times are seconds from the start. A unit is a busy loop calibrated to take
`--unit` seconds alone. Only the standard library is used.

    /usr/bin/python3 tests/cpython_sharing.py [--unit 0.1] [--runs 3]
"""

import argparse
import json
import multiprocessing
import os
import platform
import sys
import threading
import time


def spin(iterations):
    total = 0
    for i in range(iterations):
        total += i * i
    return total


def calibrate(unit_seconds):
    """Loop iterations that take unit_seconds alone: the best of a few tries."""
    iterations = 100_000
    while True:
        start = time.perf_counter()
        spin(iterations)
        elapsed = time.perf_counter() - start
        if elapsed >= 0.02:
            break
        iterations *= 2
    best = elapsed
    for _ in range(2):
        start = time.perf_counter()
        spin(iterations)
        best = min(best, time.perf_counter() - start)
    return max(1, int(iterations * unit_seconds / best))


def threads_once(iterations, units):
    finished = [0.0] * len(units)
    barrier = threading.Barrier(len(units) + 1)
    start = [0.0]

    def run(index):
        barrier.wait()
        spin(iterations * units[index])
        finished[index] = time.monotonic() - start[0]

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(units))]
    for thread in threads:
        thread.start()
    start[0] = time.monotonic()
    barrier.wait()
    for thread in threads:
        thread.join()
    return finished


def process_work(index, iterations, cores, barrier, results):
    os.sched_setaffinity(0, cores)
    barrier.wait()
    spin(iterations)
    results.put((index, time.monotonic()))


def processes_once(iterations, count, cores):
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(count + 1)
    results = context.Queue()
    workers = [context.Process(target=process_work, args=(i, iterations, cores, barrier, results))
               for i in range(count)]
    for worker in workers:
        worker.start()
    barrier.wait()
    start = time.monotonic()
    finished = [0.0] * count
    for _ in range(count):
        index, end = results.get()
        finished[index] = end - start
    for worker in workers:
        worker.join()
    return finished


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unit", type=float, default=0.1, help="seconds of work in one unit (default 0.1)")
    parser.add_argument("--runs", type=int, default=3, help="times each experiment runs (default 3)")
    options = parser.parse_args()

    cores = sorted(os.sched_getaffinity(0))[:1]
    iterations = calibrate(options.unit)
    thread_units = [1, 2, 3, 4]
    print(json.dumps({
        "implementation": platform.python_implementation(),
        "version": platform.python_version(),
        "switch_interval": sys.getswitchinterval(),
        "unit_s": options.unit,
        "threads": {"units": thread_units,
                    "runs": [threads_once(iterations, thread_units) for _ in range(options.runs)]},
        "processes": {"units": [1, 1, 1, 1], "cores": len(cores),
                      "runs": [processes_once(iterations, 4, cores) for _ in range(options.runs)]},
    }))


if __name__ == "__main__":
    main()
