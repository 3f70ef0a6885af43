"""Clips in the database, so every worker and host shares each clip once it is made."""

from __future__ import annotations

from sqlalchemy import select

from glossary.audio import VOICE, Clip, clip_key
from webapp.extensions import db
from webapp.models import AudioClip


class DatabaseClipStore:
    """The ``glossary.audio.ClipStore`` protocol on the ``audio_clips`` table; the caller
    commits after ``put``."""

    def get(self, text: str, engine: str, voice: str = VOICE) -> Clip | None:
        row = db.session.scalar(
            select(AudioClip).where(AudioClip.key == clip_key(text, engine, voice))
        )
        if row is None:
            return None
        return Clip(row.data, row.mimetype, row.engine, row.voice)

    def put(self, text: str, clip: Clip) -> None:
        db.session.add(
            AudioClip(
                key=clip_key(text, clip.engine, clip.voice),
                text=text,
                engine=clip.engine,
                voice=clip.voice,
                mimetype=clip.mimetype,
                data=clip.data,
            )
        )
