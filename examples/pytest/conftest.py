import logging
import os
import random
import signal

import numpy as np
import pytest

log = logging.getLogger("common")


def pytest_configure(config):
    config.addinivalue_line("markers", "timeout(seconds): fail the test after this many seconds")


@pytest.fixture(autouse=True)
def seed():
    """Seeds every generator like MXNet's @with_seed and says how to reproduce."""
    env = os.environ.get("MXNET_TEST_SEED")
    value = int(env) if env else random.SystemRandom().randint(0, 2**31 - 1)
    np.random.seed(value)
    random.seed(value)
    log.warning("Setting test np/mx/python random seeds, use MXNET_TEST_SEED=%d to reproduce.", value)
    return value


@pytest.fixture(autouse=True)
def timeout(request):
    """A minimal stand-in for pytest-timeout (not installed on every machine)."""
    marker = request.node.get_closest_marker("timeout")
    if marker is None:
        yield
        return
    seconds = marker.args[0]

    def expire(signum, frame):
        pytest.fail("Timeout >%.1fs" % seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
