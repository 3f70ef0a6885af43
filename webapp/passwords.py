"""How passwords are hashed: argon2id with parameters chosen on evidence from this machine.

``benchmarks/password_hashing.py`` measures OWASP's five argon2id settings and RFC 9106's
second recommended one (its first takes 2 GiB a hash) and prints the figures; the deciding load
is issue 11's burst of 50 logins in 10 s on 2 cores with 2 gunicorn workers, p95 ≤ 1 s.
Measured 2026-12-07 (CPU time per hash, load average 12–14 on the shared 2-core machine):

- RFC 9106 m=64 MiB, t=3, p=4 (argon2-cffi's default, used before): ~240 ms CPU a login, so
  the burst alone takes ~60 % of both cores; 50 logins at once wait ~5.7 s (the 4.4–7.4 s
  the issue saw).
- OWASP m=46 MiB, t=1, p=1: ~70–80 ms CPU, ~17 % of the cores during the burst; predicted
  p95 70 ms for the even burst, 1.7 s if all 50 come in the same instant.
- OWASP m=19 MiB, t=2, p=1 and the lower-memory ones: 25–45 ms, but less memory per guess.

Chosen: the strongest setting (memory × passes) whose predicted burst p95 is within half the
budget and whose burst takes at most half the cores — OWASP's m=46 MiB, t=1, p=1. Memory per
guess is what slows GPU guessing most, and one lane keeps a login on one core.

Hashes made with other parameters (the old default) are replaced at the next successful login
(``User.check_password`` asks :data:`HASHER` ``check_needs_rehash``). The tests hash with these
same parameters: ~70 ms a user keeps the suite fast enough, so no cheaper test setting exists.
"""

from __future__ import annotations

from argon2 import PasswordHasher, Type

#: OWASP Password Storage Cheat Sheet: argon2id, 46 MiB, 1 iteration, 1 lane.
MEMORY_KIB = 46 * 1024
TIME_COST = 1
PARALLELISM = 1

HASHER = PasswordHasher(
    time_cost=TIME_COST, memory_cost=MEMORY_KIB, parallelism=PARALLELISM, type=Type.ID
)
