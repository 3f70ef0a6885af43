"""Rendered lesson bodies, kept per worker and keyed by everything they depend on.

A lesson page is the same for every trainee with the same help language until the lesson or
one of its terms is saved again, so its body is rendered once and reused: the key holds the
lesson's id, version and save time, the newest save among its terms, and the language. An edit makes a
new key, never a stale page; old entries fall out of the bounded LRU.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from markupsafe import Markup

MAX_ENTRIES = 256  # 14 bundled lessons × 6 languages fit many times over (about 20 kB each)

_entries: OrderedDict[Hashable, Markup] = OrderedDict()
_lock = threading.Lock()


def rendered(key: Hashable, render: Callable[[], str]) -> Markup:
    """The cached HTML for ``key``, or ``render()``'s, stored for next time."""
    with _lock:
        if key in _entries:
            _entries.move_to_end(key)
            return _entries[key]
    html = Markup(render())
    with _lock:
        _entries[key] = html
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)
    return html


def clear() -> None:
    with _lock:
        _entries.clear()
