#!/usr/bin/python3
"""The benchmark's reference: the same async-server model written in SimPy.

One event loop (a SimPy Resource of capacity 1) runs each request's cpu steps;
io steps wait without holding it. Poisson arrivals; exponential step times.
Prints one JSON object: requests, seconds (wall time), mean_latency_s.
Run with Debian's interpreter: /usr/bin/python3 (package python3-simpy3).
"""
import json
import random
import sys
import time

import simpy


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    rate, cpu_mean, io_mean = 1000.0, 0.0002, 0.3
    rng = random.Random(1)
    env = simpy.Environment()
    loop = simpy.Resource(env, capacity=1)
    latencies = []

    def handle(env):
        arrival = env.now
        with loop.request() as turn:
            yield turn
            yield env.timeout(rng.expovariate(1.0 / cpu_mean))
        yield env.timeout(rng.expovariate(1.0 / io_mean))
        with loop.request() as turn:
            yield turn
            yield env.timeout(rng.expovariate(1.0 / cpu_mean))
        latencies.append(env.now - arrival)

    def arrivals(env):
        for _ in range(count):
            yield env.timeout(rng.expovariate(rate))
            env.process(handle(env))

    env.process(arrivals(env))
    start = time.perf_counter()
    env.run()
    seconds = time.perf_counter() - start
    print(json.dumps({"requests": len(latencies), "seconds": seconds,
                      "mean_latency_s": sum(latencies) / len(latencies)}))


if __name__ == "__main__":
    main()
