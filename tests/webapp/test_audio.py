"""Pronunciation clips on the site: made once, served with cache headers, only for the site's
own texts, prebuilt by ``flask audio build``. eSpeak NG runs for real; gTTS is mocked with
``responses`` (offline or answering), so no test touches the network."""

from __future__ import annotations

import base64
import io

import numpy as np
import pytest
import requests
import responses
import soundfile

from glossary import audio
from glossary.audio import ESPEAK, GTTS, clip_key
from tests.webapp.test_words_search import sample_records
from webapp.audio import audio_url
from webapp.extensions import db
from webapp.models import AudioClip
from webapp.words.store import save_term

GTTS_URL = "https://translate.google.com/_/TranslateWebserverUi/data/batchexecute"
FAKE_MP3 = b"ID3\x03\x00fake mp3 frames"
TEXT = "Jag mätte blodtrycket på brukaren efter frukost."


def gtts_reply(data: bytes = FAKE_MP3) -> str:
    encoded = base64.b64encode(data).decode("ascii")
    return f')]}}\'\n\n123\n[["wrb.fr","jQ1olc","[\\"{encoded}\\"]",null,null,null,"generic"]]\n'


@pytest.fixture
def network():
    """gTTS's endpoint, mocked; offline unless a test adds an answer."""
    audio.gtts_available_again()
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock
    audio.gtts_available_again()


@pytest.fixture
def offline(network):
    network.add(responses.POST, GTTS_URL, body=requests.ConnectionError("offline"))
    return network


@pytest.fixture
def online(network):
    network.add(responses.POST, GTTS_URL, body=gtts_reply())
    return network


def url_of(app, text: str) -> str:
    with app.test_request_context():
        return audio_url(text)


def test_first_request_makes_an_audible_clip_offline_with_year_long_caching(app, client, offline):
    response = client.get(url_of(app, TEXT))
    assert response.status_code == 200
    assert response.mimetype == "audio/ogg"
    assert response.headers["ETag"] == f'"{clip_key(TEXT, ESPEAK)}"'
    cache = response.headers["Cache-Control"]
    assert {"public", "max-age=31536000", "immutable"} <= {p.strip() for p in cache.split(",")}
    samples, rate = soundfile.read(io.BytesIO(response.data))
    assert len(samples) / rate > 1.0
    assert float(np.sqrt(np.mean(samples**2))) > 0.02  # not silence
    assert db.session.query(AudioClip).count() == 1


def test_the_browser_revalidates_with_the_etag_and_gets_304(app, client, offline):
    url = url_of(app, "blodtrycket")
    etag = client.get(url).headers["ETag"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == etag
    assert db.session.query(AudioClip).count() == 1  # served from the database, not remade


def test_gtts_clip_is_served_as_mp3_when_the_network_answers(app, client, online):
    response = client.get(url_of(app, "blodtrycket"))
    assert (response.mimetype, response.data) == ("audio/mpeg", FAKE_MP3)
    assert response.headers["ETag"] == f'"{clip_key("blodtrycket", GTTS)}"'


@pytest.mark.parametrize("token", ["bWFrZSB0aGlzIGludG8gc3BlZWNo", "ImJsb2R0cnlja2V0Ig.fake"])
def test_text_not_signed_by_the_site_is_never_synthesised(app, client, offline, token):
    assert client.get(f"/ljud/{token}").status_code == 404
    assert db.session.query(AudioClip).count() == 0


def test_the_same_text_has_the_same_url_on_every_page(app):
    assert url_of(app, "puls") == url_of(app, "puls") != url_of(app, "pulsen")


@pytest.fixture
def terms(app):
    for record in sample_records():
        save_term(record, source="bundled")
    db.session.commit()


def test_build_makes_each_clip_once_and_says_which_engine(runner, terms, offline):
    first = runner.invoke(args=["audio", "build", "--limit", "2"])
    assert first.exit_code == 0, first.output
    made = db.session.query(AudioClip).count()
    # each term: the lemma, its two other distinct forms and its example sentence
    assert made == 8
    assert f"{made} nya klipp (gtts: 0, espeak-ng: {made})" in first.output
    second = runner.invoke(args=["audio", "build", "--limit", "2"])
    assert "0 nya klipp" in second.output and f"{made} fanns redan" in second.output
    assert db.session.query(AudioClip).count() == made


def test_build_says_when_there_are_no_terms(runner, app):
    result = runner.invoke(args=["audio", "build"])
    assert "Det finns inga termer i databasen" in result.output


def test_upgrade_replaces_offline_clips_when_the_network_is_back(app, client, runner, offline):
    client.get(url_of(app, "blodtrycket"))
    offline.replace(responses.POST, GTTS_URL, body=gtts_reply())
    result = runner.invoke(args=["audio", "upgrade"])
    assert "1 av 1 offline-klipp har nu ett gTTS-klipp." in result.output
    assert client.get(url_of(app, "blodtrycket")).mimetype == "audio/mpeg"


def test_upgrade_while_offline_changes_nothing_and_says_so(app, client, runner, offline):
    client.get(url_of(app, "blodtrycket"))
    result = runner.invoke(args=["audio", "upgrade"])
    assert "0 av 1 offline-klipp" in result.output
    assert "gTTS gick inte att nå" in result.output
    assert db.session.query(AudioClip).count() == 1
