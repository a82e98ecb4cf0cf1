from numlib import Cache


def test_cache_is_warm_after_start():
    cache = Cache()
    cache.warm()
    # Bug under test: waits a fixed 10 ms instead of cache.ready.wait().
    cache.ready.wait(0.01)
    assert cache.value == 42
