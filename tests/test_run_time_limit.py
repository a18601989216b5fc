"""One pathological batch must not block `analyzer run`: it is cut off and named."""

import time

import pytest

from analyzer.engine.core import time_limit


def test_a_batch_over_its_time_is_stopped_and_named() -> None:
    started = time.monotonic()
    with pytest.raises(TimeoutError, match="article x1"), time_limit(1, "a batch starting with article x1"):
        time.sleep(5)
    assert time.monotonic() - started < 3


def test_a_quick_batch_is_untouched() -> None:
    with time_limit(5, "quick"):
        value = sum(range(1000))
    assert value == 499500
