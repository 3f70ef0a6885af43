"""Which texts may be spoken, and getting their clip: stored, or made once and stored.

Only texts the site itself shows get a clip: :func:`audio_url` signs the text into the URL
(itsdangerous, with the app's secret key), so nobody can make the server synthesise arbitrary
text, and rendering a page needs no database query per clip.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from flask import current_app, url_for
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from glossary.audio import (
    ENGINES,
    ESPEAK,
    GTTS,
    VOICE,
    Clip,
    clip_for,
    clip_key,
    gtts_available_again,
    upgrade_clip,
)
from webapp.audio.store import DatabaseClipStore
from webapp.extensions import db
from webapp.models import AudioClip

GTTS_TIMEOUT = 2.0  # seconds; offline, gTTS fails in about 1 ms anyway


def _signer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.secret_key, salt="ordvard-ljud")


def audio_url(text: str) -> str:
    """The URL of the Swedish clip for ``text`` (made on its first request)."""
    return url_for("audio.clip", token=_signer().dumps(text.strip()))


def text_of(token: str) -> str | None:
    """The text a URL token was signed for, or None if it was not made by this site."""
    try:
        text = _signer().loads(token)
    except BadSignature:
        return None
    return text if isinstance(text, str) and text.strip() else None


def preferred_engine() -> str:
    return current_app.config.get("AUDIO_ENGINE", GTTS)


def stored_key(text: str) -> str | None:
    """The key of the best clip already stored for ``text`` (gTTS before eSpeak), if any."""
    keys = {clip_key(text, engine, VOICE): engine for engine in ENGINES}
    found = set(db.session.scalars(select(AudioClip.key).where(AudioClip.key.in_(keys))))
    return next((key for key, _ in keys.items() if key in found), None)


def clip_of(text: str) -> tuple[Clip, str]:
    """The clip for ``text`` and its key; made and committed on first use."""
    store = DatabaseClipStore()
    clip = clip_for(text, store, prefer=preferred_engine(), timeout=GTTS_TIMEOUT)
    if db.session.new:
        try:
            db.session.commit()
        except IntegrityError:  # another worker stored the same clip first: same sound
            db.session.rollback()
    return clip, clip_key(text, clip.engine, clip.voice)


def build_clips(texts: Iterable[str], batch: int = 100) -> Counter:
    """Make the missing clip of each text; counts per engine of the clips made (committed in
    batches, so an interrupted build keeps what it made)."""
    store = DatabaseClipStore()
    made: Counter = Counter()
    for number, text in enumerate(texts, start=1):
        if stored_key(text) is not None:
            continue
        clip = clip_for(text, store, prefer=preferred_engine(), timeout=GTTS_TIMEOUT)
        made[clip.engine] += 1
        if number % batch == 0:
            db.session.commit()
    db.session.commit()
    return made


def offline_texts() -> list[str]:
    """Texts whose only clip was made offline (eSpeak NG)."""
    online = select(AudioClip.text).where(AudioClip.engine == GTTS)
    query = select(AudioClip.text).where(AudioClip.engine == ESPEAK, AudioClip.text.not_in(online))
    return list(db.session.scalars(query.order_by(AudioClip.id)))


def upgrade_clips(texts: Iterable[str]) -> tuple[int, bool]:
    """Add gTTS clips for offline-only texts: (how many were made, whether gTTS answered).

    Stops at the first failure: when the network is down, every further try would fail too.
    """
    gtts_available_again()
    store = DatabaseClipStore()
    made = 0
    for text in texts:
        if not upgrade_clip(text, store, timeout=GTTS_TIMEOUT):
            db.session.commit()
            return made, False
        made += 1
        db.session.commit()
    return made, True
