"""Grammar findings (issue 12) appear like every other kind: marked and numbered in the note,
named by their rule ("Grammatik – ordföljd:"), with the correction as "Förslag" and a plain
explanation with examples in Swedish and the trainee's language; a teacher's "inte ett fel" on
one is stored, shown and counted, and the group's insights count grammar findings per rule.

The stored reports here get their grammar findings written in directly, in the shape of the
contract (``nlp.report``), so these tests hold whatever the grammar stage finds; the browser
test runs the real checker end to end."""

from __future__ import annotations

import csv
import io

import pytest

import nlp
from nlp.report import GRAMMAR_RULES
from tests.factories import log_in, make_group, make_user
from tests.webapp.test_review import client_for, review_post, submitted
from tests.webapp.test_write import LESSON, URL, post_note, publish_lesson
from webapp.extensions import db
from webapp.languages import LANGUAGES
from webapp.models import FindingOverride, Role, User
from webapp.review.insights import group_insights, insights_csv
from webapp.write import feedback

ISSUE_NOTE = (
    "Efter duschen brukaren fick kräm på benen. Hon har ont i en knä och händerna är varm. "
    "Jag frågade om hon har redan ätit."
)
# (rule, wrong words, correction) of the four errors in ISSUE_NOTE
ERRORS = (
    ("v2", "brukaren fick", "fick brukaren"),
    ("np_agreement", "en knä", "ett knä"),
    ("predicative_agreement", "varm", "varma"),
    ("subclause_order", "har redan", "redan har"),
)


def grammar_finding(text: str, rule: str, wrong: str, correction: str) -> dict:
    start = text.index(wrong)
    return {
        "kind": "grammar",
        "rule": rule,
        "text": wrong,
        "start": start,
        "end": start + len(wrong),
        "suggestions": [correction],
        "message": f"Skriv ”{correction}”.",
    }


def with_grammar(note, errors=ERRORS):
    """The note's latest report with ``errors`` added as the grammar stage reports them."""
    version = note.versions[-1]
    added = [grammar_finding(version.text, *error) for error in errors]
    findings = sorted(
        [f for f in version.report["findings"] if f["kind"] != "grammar"] + added,
        key=lambda f: (f["start"], f["end"], f["kind"]),
    )
    version.report = {**version.report, "findings": findings}
    db.session.commit()
    return note


def number_of(note, rule: str) -> int:
    findings = note.versions[-1].report["findings"]
    return next(i for i, f in enumerate(findings, start=1) if f.get("rule") == rule)


@pytest.fixture
def lesson(app):
    return publish_lesson()


@pytest.fixture
def group(app):
    return make_group("Solgården")


def test_every_rule_is_explained_with_examples_and_draft_translations(app):
    help_data = feedback.finding_help()
    assert set(help_data["rules"]) == set(GRAMMAR_RULES)
    for rule in GRAMMAR_RULES:
        entry = help_data["rules"][rule]
        assert entry["label"] and entry["sv"].endswith(".")
        assert len(entry["examples"]) == 2
        for example in entry["examples"]:
            assert example["right"] != example["wrong"]
        assert set(entry["translations"]) == set(LANGUAGES)
    assert help_data["translation_status"] == "draft"
    assert feedback.finding_label("grammar", "v2") == "grammatik – ordföljd"
    assert feedback.finding_label("grammar", "no_such_rule") == "grammatik"


def test_feedback_page_marks_numbers_and_explains_each_grammar_error(app, lesson, group):
    trainee = make_user(Role.TRAINEE, group, l1="ar")
    note = with_grammar(submitted(trainee, lesson, ISSUE_NOTE))
    client = client_for(app, trainee)
    html = client.get(f"/skriva/{LESSON}/{note.exercise_key}/respons").get_data(as_text=True)
    v2 = number_of(note, "v2")
    assert (
        f'id="markering-{v2}"><span class="visually-hidden">Fynd {v2}, grammatik – ordföljd: </span>brukaren fick</mark>'
        in html
    )
    assert 'Grammatik – ordföljd:</span> <q lang="sv">brukaren fick</q>' in html
    assert 'Grammatik – en/ett och böjning:</span> <q lang="sv">en knä</q>' in html
    assert 'Grammatik – adjektivets form:</span> <q lang="sv">varm</q>' in html
    assert 'Grammatik – ordföljd i bisats:</span> <q lang="sv">har redan</q>' in html
    assert 'Förslag: <strong lang="sv">fick brukaren</strong>' in html
    assert "I en vanlig mening står verbet på plats två." in html
    assert 'Rätt: <span lang="sv">Efter duschen fick brukaren kräm på benen.</span>' in html
    assert 'Fel: <span lang="sv">Efter duschen brukaren fick kräm på benen.</span>' in html
    arabic = feedback.finding_help()["rules"]["v2"]["translations"]["ar"]
    assert (
        f'<span lang="ar" dir="rtl">{arabic}</span> <span class="translation-status">(översättning, inte granskad)</span>'
        in html
    )


def test_live_check_labels_and_explains_grammar_findings(client, lesson, group, monkeypatch):
    from webapp.write import service

    trainee = make_user(Role.TRAINEE, group, l1="uk")
    log_in(client, trainee)
    report = {
        "terms": {"found": [], "missing": [], "variants": []},
        "findings": [grammar_finding(ISSUE_NOTE, *ERRORS[1])],
        "readability": {},
        "sbar": {},
    }
    monkeypatch.setattr(service, "check_note", lambda context, text: report)
    from tests.conftest import csrf_token

    token = csrf_token(client, URL)
    body = client.post(
        "/api/check",
        json={"text": ISSUE_NOTE, "lesson": LESSON, "exercise": "puls-och-blodtryck-anteckning"},
        headers={"X-CSRFToken": token},
    ).get_json()
    finding = body["findings"][0]
    assert (finding["rule"], finding["label"], finding["help"]) == (
        "np_agreement",
        "grammatik – en/ett och böjning",
        "grammar:np_agreement",
    )
    why = body["help"]["grammar:np_agreement"]
    assert why["sv"].startswith("Orden som hör till ett substantiv")
    assert why["examples"][0] == {
        "right": "Brukaren har smärta i ett knä.",
        "wrong": "Brukaren har smärta i en knä.",
    }
    assert why["l1_lang"] == "uk" and why["l1_dir"] == "ltr" and why["status"] == "draft"
    assert why["l1"] == feedback.finding_help()["rules"]["np_agreement"]["translations"]["uk"]


def test_no_javascript_check_shows_grammar_findings_too(client, lesson, group, monkeypatch):
    from webapp.write import service

    real = service.check_note

    def with_one_error(context, text):
        report = real(context, text)
        return {**report, "findings": [grammar_finding(text, *ERRORS[0])]}

    monkeypatch.setattr(service, "check_note", with_one_error)
    log_in(client, make_user(Role.TRAINEE, group))
    html = post_note(client, ISSUE_NOTE, "granska").get_data(as_text=True)
    assert 'Grammatik – ordföljd:</span> <q lang="sv">brukaren fick</q>' in html
    assert "Varför markeras det?" in html


def test_teacher_overrides_a_grammar_finding_and_insights_count_per_rule(app, lesson, group):
    teacher = make_user(Role.TEACHER, group)
    with_grammar(submitted(make_user(Role.TRAINEE, group), lesson, ISSUE_NOTE))
    bashir = with_grammar(
        submitted(make_user(Role.TRAINEE, group), lesson, ISSUE_NOTE), errors=ERRORS[:2]
    )
    teaching = client_for(app, teacher)
    page = teaching.get(f"/larare/granska/{bashir.id}").get_data(as_text=True)
    assert 'Grammatik – en/ett och böjning:</span> <q lang="sv">en knä</q>' in page
    number = number_of(bashir, "np_agreement")
    review_post(teaching, bashir, {"finding": str(number), "reason": "Dialekt."}, "/inte-ett-fel")
    override = db.session.query(FindingOverride).one()
    assert (override.kind, override.text) == ("grammar", "en knä")
    again = teaching.get(f"/larare/granska/{bashir.id}").get_data(as_text=True)
    assert "Markerat som inte ett fel." in again and "Skäl: Dialekt." in again

    found = group_insights(group)
    assert dict(found.kinds)["grammatik"] == 5  # 4 + 2, less the overridden one
    assert dict(found.rules) == {
        "grammatik – ordföljd": 2,
        "grammatik – en/ett och böjning": 1,
        "grammatik – adjektivets form": 1,
        "grammatik – ordföljd i bisats": 1,
    }
    assert ("grammatik – ordföljd", "brukaren fick", 2) in found.words
    assert found.overrides == [("grammatik – en/ett och böjning", "en knä", "Dialekt.", 1)]
    rows = list(csv.reader(io.StringIO(insights_csv(found).decode("utf-8-sig")), delimiter=";"))
    assert ["Grammatik per regel", "grammatik – ordföljd", "", "2", ""] in rows
    assert [
        "Inte ett fel (läraren)",
        "grammatik – en/ett och böjning",
        "en knä",
        "1",
        "Dialekt.",
    ] in rows
    html = teaching.get(f"/larare/granska/insikter/{group.id}").get_data(as_text=True)
    assert "<caption>Grammatik per regel</caption>" in html
    assert "<td>Grammatik – ordföljd i bisats</td><td>1</td>" in html

    writer = client_for(app, db.session.get(User, bashir.user_id))
    seen = writer.get(f"/skriva/{LESSON}/{bashir.exercise_key}/respons").get_data(as_text=True)
    assert f'id="fynd-{number}" class="finding finding-grammar finding-overridden"' in seen
    assert "Läraren: inte ett fel.</strong> Dialekt." in seen


@pytest.mark.parametrize("rule", GRAMMAR_RULES)
def test_the_right_examples_draw_no_remark_from_the_checker(rule):
    """An explanation that showed a remarked sentence as right would teach the wrong thing."""
    for example in feedback.finding_help()["rules"][rule]["examples"]:
        assert nlp.check(example["right"], []).findings == []


@pytest.mark.parametrize("rule", GRAMMAR_RULES)
def test_the_wrong_examples_are_caught_by_their_own_rule(rule):
    """The explanation's wrong sentence is one the checker marks with this rule, corrected to
    the right sentence."""
    for example in feedback.finding_help()["rules"][rule]["examples"]:
        findings = [f for f in nlp.check(example["wrong"], []).findings if f.kind == "grammar"]
        assert [f.rule for f in findings] == [rule]
        found = findings[0]
        fixed = (
            example["wrong"][: found.start] + found.suggestions[0] + example["wrong"][found.end :]
        )
        assert fixed == example["right"]
