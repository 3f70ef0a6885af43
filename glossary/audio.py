"""Swedish pronunciation clips for terms, forms and example sentences.

gTTS (Google's Swedish voice, MP3) sounds best but needs the network; eSpeak NG (bundled in the
``espeakng-loader`` wheel, driven through ctypes) works on any machine with no internet, so a
fresh install and the tests always get a clip. :func:`synthesize` tries the preferred engine and
falls back; after gTTS fails it is not tried again for :data:`GTTS_RETRY_AFTER` seconds, so a
bulk build on an offline machine never waits on the network once per clip.

Clips are made once and kept in a :class:`ClipStore` keyed by (text, engine, voice); the web
layer adds a database store with the same two methods.
"""

from __future__ import annotations

import ctypes
import hashlib
import io
import json
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Protocol

import numpy as np
import soundfile

GTTS = "gtts"
ESPEAK = "espeak-ng"
VOICE = "sv"
GTTS_RETRY_AFTER = 60.0
ENGINES = (GTTS, ESPEAK)


@dataclass(frozen=True)
class Clip:
    data: bytes
    mimetype: str
    engine: str
    voice: str

    @property
    def etag(self) -> str:
        return hashlib.sha256(self.data).hexdigest()[:32]


class SpeechUnavailable(RuntimeError):
    """No engine could make the clip (the preferred one failed and so did every fallback)."""


def clip_key(text: str, engine: str, voice: str = VOICE) -> str:
    """Stable key of a clip: the same text, engine and voice always give the same key."""
    return hashlib.sha256(json.dumps([text, engine, voice]).encode("utf-8")).hexdigest()


# --- gTTS -------------------------------------------------------------------------------------

_gtts_down_until = 0.0


def _gtts_clip(text: str, timeout: float) -> Clip:
    from gtts import gTTS

    buffer = io.BytesIO()
    gTTS(text, lang=VOICE, timeout=timeout).write_to_fp(buffer)
    if not buffer.getvalue():
        raise SpeechUnavailable("gTTS gav inget ljud")
    return Clip(buffer.getvalue(), "audio/mpeg", GTTS, VOICE)


def gtts_available_again() -> None:
    """Forget an earlier gTTS failure (the command that replaces offline clips calls this)."""
    global _gtts_down_until
    _gtts_down_until = 0.0


# --- eSpeak NG --------------------------------------------------------------------------------

_AUDIO_OUTPUT_SYNCHRONOUS = 2
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_SynthCallback = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
)


class _Espeak:
    """The eSpeak NG library, initialised once; it has global state, so calls hold a lock."""

    def __init__(self) -> None:
        import espeakng_loader

        self._lock = threading.Lock()
        self._chunks: list[bytes] = []
        lib = ctypes.CDLL(espeakng_loader.get_library_path())
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_Synth.argtypes = [
            ctypes.c_char_p,
            ctypes.c_size_t,
            ctypes.c_uint,
            ctypes.c_int,
            ctypes.c_uint,
            ctypes.c_uint,
            ctypes.c_void_p,
            ctypes.c_void_p,
        ]
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        self.sample_rate = lib.espeak_Initialize(
            _AUDIO_OUTPUT_SYNCHRONOUS, 0, espeakng_loader.get_data_path().encode(), 0
        )
        if self.sample_rate <= 0:
            raise SpeechUnavailable("eSpeak NG kunde inte startas")
        self._callback = _SynthCallback(self._collect)  # kept alive as long as the library
        lib.espeak_SetSynthCallback(self._callback)
        if lib.espeak_SetVoiceByName(VOICE.encode()) != 0:
            raise SpeechUnavailable("eSpeak NG saknar den svenska rösten")
        self._lib = lib

    def _collect(self, wav, count, _events) -> int:
        if count > 0:
            self._chunks.append(ctypes.string_at(wav, count * 2))
        return 0

    def samples(self, text: str) -> np.ndarray:
        encoded = text.encode("utf-8")
        with self._lock:
            self._chunks = []
            status = self._lib.espeak_Synth(
                encoded, len(encoded) + 1, 0, _POS_CHARACTER, 0, _CHARS_UTF8, None, None
            )
            self._lib.espeak_Synchronize()
            chunks, self._chunks = self._chunks, []
        if status != 0 or not chunks:
            raise SpeechUnavailable("eSpeak NG gav inget ljud")
        return np.frombuffer(b"".join(chunks), dtype=np.int16)


_espeak: _Espeak | None = None
_espeak_lock = threading.Lock()


def _espeak_clip(text: str) -> Clip:
    global _espeak
    with _espeak_lock:
        if _espeak is None:
            _espeak = _Espeak()
    samples = _espeak.samples(text)
    buffer = io.BytesIO()
    soundfile.write(buffer, samples, _espeak.sample_rate, format="OGG", subtype="VORBIS")
    return Clip(buffer.getvalue(), "audio/ogg", ESPEAK, VOICE)


# --- choosing an engine -----------------------------------------------------------------------


def synthesize(text: str, *, prefer: str = GTTS, timeout: float = 3.0) -> Clip:
    """A Swedish clip of ``text`` from the preferred engine, or from eSpeak NG if that fails.

    ``prefer="espeak-ng"`` never touches the network. Raises SpeechUnavailable only when no
    engine can speak (e.g. empty text).
    """
    global _gtts_down_until
    if prefer not in ENGINES:
        raise ValueError(f"okänd talsyntes ”{prefer}” (tillåtna: {', '.join(ENGINES)})")
    if not text.strip():
        raise SpeechUnavailable("det finns ingen text att läsa upp")
    if prefer == GTTS and time.monotonic() >= _gtts_down_until:
        from gtts.tts import gTTSError

        try:
            return _gtts_clip(text, timeout)
        except (gTTSError, SpeechUnavailable, OSError):
            _gtts_down_until = time.monotonic() + GTTS_RETRY_AFTER
    return _espeak_clip(text)


class ClipStore(Protocol):
    """Where clips are kept so each is made once (a directory here; a table in the web layer)."""

    def get(self, text: str, engine: str, voice: str = VOICE) -> Clip | None: ...

    def put(self, text: str, clip: Clip) -> None: ...


class DirectoryClipStore:
    """Clips as files named by :func:`clip_key`, with the mimetype in the file extension."""

    _SUFFIXES: ClassVar[dict[str, str]] = {"audio/mpeg": ".mp3", "audio/ogg": ".ogg"}

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)

    def get(self, text: str, engine: str, voice: str = VOICE) -> Clip | None:
        key = clip_key(text, engine, voice)
        for mimetype, suffix in self._SUFFIXES.items():
            file = self.path / f"{key}{suffix}"
            if file.exists():
                return Clip(file.read_bytes(), mimetype, engine, voice)
        return None

    def put(self, text: str, clip: Clip) -> None:
        final = (
            self.path / f"{clip_key(text, clip.engine, clip.voice)}{self._SUFFIXES[clip.mimetype]}"
        )
        partial = final.with_suffix(".part")
        partial.write_bytes(clip.data)
        partial.replace(final)  # readers never see half a clip


def stored_clip(text: str, store: ClipStore, voice: str = VOICE) -> Clip | None:
    """The best clip already made for ``text``: a gTTS one before an eSpeak one."""
    for engine in ENGINES:
        clip = store.get(text, engine, voice)
        if clip is not None:
            return clip
    return None


def clip_for(text: str, store: ClipStore, *, prefer: str = GTTS, timeout: float = 3.0) -> Clip:
    """The stored clip for ``text``, or a new one made and stored (each clip is made once)."""
    clip = stored_clip(text, store)
    if clip is None:
        clip = synthesize(text, prefer=prefer, timeout=timeout)
        store.put(text, clip)
    return clip


def upgrade_clip(text: str, store: ClipStore, *, timeout: float = 3.0) -> bool:
    """Add a gTTS clip for ``text`` when only an offline one exists; True if one was made.

    For the command that runs when the network is back; the eSpeak clip stays in the store
    (stored_clip prefers the gTTS one), so nothing is lost if this is interrupted.
    """
    from gtts.tts import gTTSError

    if store.get(text, GTTS) is not None:
        return False
    try:
        clip = _gtts_clip(text, timeout)
    except (gTTSError, SpeechUnavailable, OSError):
        return False
    store.put(text, clip)
    return True
