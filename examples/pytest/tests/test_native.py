import signal
import subprocess
import sys

# A worker process running native code, like a data-loader worker: it dereferences NULL.
WORKER = "import ctypes; ctypes.string_at(0)"


def test_native_worker():
    proc = subprocess.run([sys.executable, "-c", WORKER], capture_output=True)
    if proc.returncode < 0:
        raise RuntimeError(
            "worker is killed by signal: %s" % signal.Signals(-proc.returncode).name
        )
