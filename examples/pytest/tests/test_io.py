import time

import pytest


@pytest.mark.timeout(2)
def test_download_finishes():
    # Stands in for a network call that never answers.
    time.sleep(30)
