"""A tiny numeric library with the kinds of bugs that make CI flaky.

Each function is exercised by one test under tests/; README.md says which failure each one shows.
"""
import threading
import time
import random

import numpy as np


def float32_sum(x):
    """Sums in float32 one element at a time, as a naive GPU kernel would."""
    return np.cumsum(np.asarray(x, dtype=np.float32), dtype=np.float32)[-1]


def softmax(x):
    """Softmax without subtracting the maximum first: overflows for large inputs."""
    e = np.exp(x)
    return e / e.sum()


def running_total(x):
    """Cumulative sum. The slice below drops the last element: a real regression."""
    out = np.zeros_like(x)
    out[1:] = np.cumsum(x)[:-1]
    return out


class Cache:
    """Filled by loader threads, one per key; each load takes as long as its I/O does."""

    def __init__(self):
        self.entries = []

    def warm(self, keys):
        # How long each load takes depends on the machine (here: drawn from the OS's entropy),
        # not on any seed: one load is quick, the others come in 0.15 s steps, in an order no
        # seed decides. The loaders start together (a barrier) and the steps are wide, so a busy
        # machine that wakes threads late does not decide the order either.
        order = list(range(len(keys)))
        random.SystemRandom().shuffle(order)
        durations = [0.15 * rank for rank in order]
        ready = threading.Barrier(len(keys))

        def load(key, duration):
            ready.wait()
            time.sleep(duration)
            self.entries.append(key)

        threads = [threading.Thread(target=load, args=(k, d)) for k, d in zip(keys, durations)]
        for t in threads:
            t.start()
        return threads


REGISTRY = {"default": "float32"}


def assert_almost_equal(a, b, rtol=1e-5, atol=1e-20):
    """Compares like MXNet's test_utils.assert_almost_equal and reports in its (older) words."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    err = np.abs(a - b) / (rtol * np.abs(b) + atol)
    err = np.where(np.isnan(a) | np.isnan(b), np.inf, err)
    if np.all(err <= 1):
        return
    loc = np.unravel_index(np.argmax(err), err.shape) if err.shape else ()
    raise AssertionError(
        "\nItems are not equal:\nError %f exceeds tolerance rtol=%f, atol=%f. "
        "Location of maximum error:%s, a=%f, b=%f"
        % (float(np.max(err)), rtol, atol, str(tuple(int(i) for i in loc)), float(a[loc]), float(b[loc]))
    )
