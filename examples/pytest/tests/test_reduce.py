import numpy as np
import pytest

from numlib import assert_almost_equal, float32_sum, running_total


@pytest.mark.parametrize("dtype", ["float32"])
def test_sum_matches_float64(dtype):
    x = np.random.uniform(0, 1, size=(2000,)).astype(dtype)
    expected = np.sum(x.astype(np.float64))
    # rtol=1e-6 is tighter than float32 accumulation error for a few seeds in a hundred.
    assert_almost_equal(float32_sum(x), expected, rtol=1e-6, atol=1e-5)


def test_running_total():
    x = np.random.uniform(-1, 1, size=(50,))
    np.testing.assert_allclose(running_total(x), np.cumsum(x), rtol=1e-7)


def test_sum_of_ones():
    assert float32_sum(np.ones(10)) == 10
