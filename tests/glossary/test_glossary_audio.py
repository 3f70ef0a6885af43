"""Every term gets a Swedish clip, online (gTTS, mocked here) or offline (eSpeak NG, for real),
and each clip is made once. No test touches the network."""

from __future__ import annotations

import base64
import io

import numpy as np
import pytest
import requests
import responses
import soundfile

from glossary import audio

GTTS_URL = "https://translate.google.com/_/TranslateWebserverUi/data/batchexecute"
FAKE_MP3 = b"ID3\x03\x00fake mp3 frames"


@pytest.fixture(autouse=True)
def fresh_engine_choice():
    audio.gtts_available_again()
    yield
    audio.gtts_available_again()


def gtts_reply(data: bytes = FAKE_MP3) -> str:
    encoded = base64.b64encode(data).decode("ascii")
    return f')]}}\'\n\n123\n[["wrb.fr","jQ1olc","[\\"{encoded}\\"]",null,null,null,"generic"]]\n'


def decode(clip: audio.Clip) -> tuple[np.ndarray, int]:
    return soundfile.read(io.BytesIO(clip.data))


def test_espeak_makes_an_audible_swedish_clip_offline():
    clip = audio.synthesize("Jag mätte blodtrycket på brukaren efter frukost.", prefer="espeak-ng")
    samples, rate = decode(clip)
    seconds = len(samples) / rate
    rms = float(np.sqrt(np.mean(samples**2)))
    assert (clip.engine, clip.voice, clip.mimetype) == ("espeak-ng", "sv", "audio/ogg")
    assert 1.5 < seconds < 8, seconds
    assert rms > 0.02, rms


def test_longer_text_gives_a_longer_clip():
    short, _ = decode(audio.synthesize("puls", prefer="espeak-ng"))
    long, _ = decode(
        audio.synthesize("Pulsen var regelbunden, 76 slag per minut.", prefer="espeak-ng")
    )
    assert len(long) > 2 * len(short)


@responses.activate
def test_gtts_is_used_when_the_network_answers():
    responses.add(responses.POST, GTTS_URL, body=gtts_reply())
    clip = audio.synthesize("blodtrycket", timeout=1.0)
    assert (clip.engine, clip.mimetype, clip.data) == ("gtts", "audio/mpeg", FAKE_MP3)
    assert "blodtrycket" in requests.utils.unquote(responses.calls[0].request.body)


@responses.activate
def test_offline_falls_back_to_espeak_and_does_not_retry_gtts_at_once():
    responses.add(responses.POST, GTTS_URL, body=requests.ConnectionError("offline"))
    first = audio.synthesize("blodtryck", timeout=1.0)
    second = audio.synthesize("puls", timeout=1.0)
    assert first.engine == second.engine == "espeak-ng"
    assert len(responses.calls) == 1


@responses.activate
def test_server_error_falls_back_to_espeak():
    responses.add(responses.POST, GTTS_URL, status=503)
    assert audio.synthesize("manschett", timeout=1.0).engine == "espeak-ng"


def test_empty_text_is_refused_in_swedish():
    with pytest.raises(audio.SpeechUnavailable, match="ingen text"):
        audio.synthesize("   ", prefer="espeak-ng")


@responses.activate
def test_each_clip_is_made_once_and_upgraded_when_the_network_is_back(tmp_path):
    store = audio.DirectoryClipStore(tmp_path / "clips")
    responses.add(responses.POST, GTTS_URL, body=requests.ConnectionError("offline"))
    offline = audio.clip_for("saturation", store)
    again = audio.clip_for("saturation", store)
    assert offline.engine == again.engine == "espeak-ng"
    assert again.data == offline.data
    assert len(responses.calls) == 1  # the second request came from the store

    responses.replace(responses.POST, GTTS_URL, body=gtts_reply())
    audio.gtts_available_again()
    assert audio.upgrade_clip("saturation", store) is True
    assert audio.clip_for("saturation", store).engine == "gtts"
    assert audio.upgrade_clip("saturation", store) is False
    assert len(list((tmp_path / "clips").iterdir())) == 2


def test_clip_key_depends_on_text_engine_and_voice():
    key = audio.clip_key("puls", "gtts", "sv")
    assert key == audio.clip_key("puls", "gtts", "sv")
    assert len({key, audio.clip_key("Puls", "gtts"), audio.clip_key("puls", "espeak-ng")}) == 3
