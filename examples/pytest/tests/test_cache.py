from numlib import Cache


def test_cache_is_warm_after_start():
    cache = Cache()
    for loader in cache.warm(["weights", "vocab"]):
        loader.join()
    # Bug under test: assumes the loaders finish in the order they were started.
    assert cache.entries == ["weights", "vocab"]
