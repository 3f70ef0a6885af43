"""How passwords are hashed: argon2id with parameters chosen on evidence from this machine.

``benchmarks/password_hashing.py`` measures OWASP's five argon2id settings and RFC 9106's
second recommended one (its first takes 2 GiB a hash) and prints the figures; the deciding load
is issue 11's burst of 50 logins in 10 s on 2 cores with 2 gunicorn workers, p95 ≤ 1 s.
Measured 2026-12-07 (CPU time per hash, load average 12–14 on the shared 2-core machine):

- RFC 9106 m=64 MiB, t=3, p=4 (argon2-cffi's default, used before): ~240 ms CPU a login, so
  the burst alone takes ~60 % of both cores; 50 logins at once wait ~5.7 s (the 4.4–7.4 s
  the issue saw).
- OWASP m=46 MiB, t=1, p=1 (used next): ~60–80 ms CPU, ~17 % of the cores during the burst;
  predicted p95 70 ms on an idle machine, but the load suite (``benchmarks/load/run.py --only
  burst``: page, hash and dashboard through gunicorn on PostgreSQL) measured p95 3.5 s: the
  other work on this shared machine (load average ~7) left the two workers about half a core,
  and a whole login cost ~100 ms of it.
- OWASP m=19 MiB, t=2, p=1 and the lower-memory ones: 16–25 ms CPU.

OWASP's five settings are, in its words, an equal level of defence that trades CPU for memory.
Chosen: the most memory per guess (what slows GPU guessing most) among OWASP's settings whose
burst takes at most 1/8 of the two cores (≤ 50 ms a hash), so that a login stays a small part
of what the server does on a shared machine — OWASP's m=19 MiB, t=2, p=1 (~22 ms). One lane
keeps a login on one core.

Hashes made with other parameters (the old default) are replaced at the next successful login
(``User.check_password`` asks :data:`HASHER` ``check_needs_rehash``). The tests hash with these
same parameters: ~25 ms a user keeps the suite fast enough, so no cheaper test setting exists.
"""

from __future__ import annotations

import secrets
from contextlib import suppress
from functools import cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import VerificationError

#: OWASP Password Storage Cheat Sheet: argon2id, 19 MiB, 2 iterations, 1 lane.
MEMORY_KIB = 19 * 1024
TIME_COST = 2
PARALLELISM = 1

HASHER = PasswordHasher(
    time_cost=TIME_COST, memory_cost=MEMORY_KIB, parallelism=PARALLELISM, type=Type.ID
)


@cache
def _unused_hash() -> str:
    return HASHER.hash(secrets.token_urlsafe(16))


def verify_nothing(password: str) -> None:
    """Spend one verification's time on no account (a log-in with an unknown address)."""
    with suppress(VerificationError):
        HASHER.verify(_unused_hash(), password)
