"""A switch that a block of code turns on for its own thread, restored when the block ends.

Bulk work (seeding the demo, the scaling tests) pauses what a single save would set off:
`cms.fallbacks` creating alias pages, `cms.translators` e-mailing translators.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class Pause:
    def __init__(self) -> None:
        self._state = threading.local()

    @contextmanager
    def paused(self) -> Iterator[None]:
        previous = self.is_paused()
        self._state.value = True
        try:
            yield
        finally:
            self._state.value = previous

    def is_paused(self) -> bool:
        return getattr(self._state, "value", False)
