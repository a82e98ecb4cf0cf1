from numlib import REGISTRY


def test_register_half_precision():
    # Leaks into every later test: nothing restores the default.
    REGISTRY["default"] = "float16"
    assert REGISTRY["default"] == "float16"


def test_default_dtype_is_float32():
    assert REGISTRY["default"] == "float32"
