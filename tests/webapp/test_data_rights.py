"""Data rights: a trainee's own data as a ZIP of JSON (and an admin's copy for any user),
erasure that leaves no personal data in any column of any table while the group's insight
counts stay, revoked cards, and the retention command."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta

import pytest
from sqlalchemy import delete, select

from tests.conftest import csrf_token
from tests.factories import PASSWORD, log_in, make_group, make_reviewer, make_user
from tests.webapp.drill_content import load_lesson
from tests.webapp.test_cards import master_words, post_signature
from tests.webapp.test_review import client_for, review_post, submitted
from tests.webapp.test_write import publish_lesson
from webapp.content_review.service import review_lesson, review_translation
from webapp.extensions import db
from webapp.models import (
    AuditEvent,
    Card,
    CompetenceCard,
    DrillItem,
    FindingOverride,
    Membership,
    Note,
    NoteDraft,
    NoteVersion,
    ReviewLog,
    Role,
    Term,
    User,
)
from webapp.models.time import utcnow
from webapp.review.insights import group_insights
from webapp.rights.retention import LISTED_KINDS

FIRST = (
    "Kl. 08.15 mätte jag blod tryck på tanten efter vila. Puls 88 slag/min. "
    "Brukaren satt vid fönstret i solrummet och log mot Fatimas kollega."
)
SECOND = (
    "Kl. 08.15 mättes blodtryck och puls efter fem minuters vila. Blodtryck 168/96 mmHg. "
    "Puls 88 slag/min, oregelbunden. Brukaren uppger huvudvärk och sitter i solrummet."
)
DRAFT = "Utkast: morgonpromenaden vid sjön gick bra för brukaren."
ANSWER = "manschettsvar-fatima"
COMMENT = "Fatima, skriv brukaren i stället."
VERDICT_COMMENT = "Fatima, nästan klart!"


@pytest.fixture
def lesson(app):
    return publish_lesson()


@pytest.fixture
def group(app):
    return make_group("Solgården")


@pytest.fixture
def teacher(group):
    return make_user(Role.TEACHER, group, name="Lärare Lena")


def full_history(app, group, lesson, teacher, name: str) -> User:
    """A trainee with two note versions, a teacher's comment, verdicts, an override, a draft,
    drill cards with answers, and a signed competence card."""
    trainee = make_user(Role.TRAINEE, group, name=name, l1="ar")
    note = submitted(trainee, lesson, FIRST)
    teaching = client_for(app, teacher)
    review_post(teaching, note, {"quote": "blod tryck", "text": COMMENT}, "/kommentar")
    review_post(teaching, note, {"verdict": "revise", "comment": VERDICT_COMMENT})
    version = db.session.scalar(select(NoteVersion).where(NoteVersion.note_id == note.id))
    spelling = next((f for f in version.report["findings"] if f["kind"] not in LISTED_KINDS), None)
    if spelling is not None:
        db.session.add(
            FindingOverride(
                note_version_id=version.id,
                teacher_id=teacher.id,
                kind=spelling["kind"],
                text=spelling["text"],
                start=spelling["start"],
                end=spelling["end"],
                reason="Ett ord från arbetsplatsen.",
            )
        )
    submitted(trainee, lesson, SECOND)
    review_post(teaching, note, {"verdict": "approved"})
    db.session.add(
        NoteDraft(user_id=trainee.id, lesson_id=lesson.id, exercise_key="utkast", text=DRAFT)
    )
    master_words(trainee, lesson)
    card = db.session.scalar(select(Card).where(Card.user_id == trainee.id))
    db.session.add(
        ReviewLog(
            card_id=card.id,
            user_id=trainee.id,
            rating=3,
            reviewed_at=utcnow(),
            drill_kind="spelling",
            answer=ANSWER,
            correct=True,
        )
    )
    db.session.add(
        DrillItem(
            token=f"token-{trainee.id}",
            user_id=trainee.id,
            card_id=card.id,
            kind="spelling",
            prompt={"question": "?"},
            answer=ANSWER,
            answered_at=utcnow(),
        )
    )
    db.session.commit()
    post_signature(teaching, trainee, [0, 1, 2, 3, 4])
    return trainee


def export(client, url: str) -> dict:
    response = client.post(url, data={"csrf_token": csrf_token(client, "/konto")})
    assert response.status_code == 200 and response.mimetype == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    return {
        name: archive.read(name).decode()
        if name.endswith(".txt")
        else json.loads(archive.read(name))
        for name in archive.namelist()
    }


def test_trainee_downloads_exactly_their_own_data(app, group, lesson, teacher):
    fatima = full_history(app, group, lesson, teacher, "Fatima Markörsdotter")
    omar = make_user(Role.TRAINEE, group, name="Omar")
    submitted(omar, lesson, "Omars anteckning: blodtryck 120/80 mmHg hos brukaren.")
    client = client_for(app, fatima)

    files = export(client, "/konto/mina-uppgifter")
    assert sorted(files) == [
        "LASMIG.txt",
        "anteckningar.json",
        "bedomningar.json",
        "granskningar.json",
        "grupper.json",
        "kompetenskort.json",
        "logg.json",
        "ordkort.json",
        "profil.json",
        "utkast.json",
    ]
    assert files["profil.json"]["e-post"] == fatima.email
    assert files["profil.json"]["namn"] == "Fatima Markörsdotter"
    assert [g["grupp"] for g in files["grupper.json"]] == ["Solgården"]
    [note] = files["anteckningar.json"]
    assert [v["text"] for v in note["versioner"]] == [FIRST, SECOND]
    first = note["versioner"][0]
    assert (
        first["granskning"]["findings"] and first["bedömningar"][0]["kommentar"] == VERDICT_COMMENT
    )
    assert first["kommentarer"][0]["kommentar"] == COMMENT
    assert note["versioner"][1]["bedömningar"][0]["bedömning"] == "approved"
    assert files["utkast.json"][0]["text"] == DRAFT
    answers = [a["svar"] for card in files["ordkort.json"] for a in card["svar"]]
    assert ANSWER in answers
    [card] = files["kompetenskort.json"]
    assert len(card["signaturer"]) == 5 and card["signaturer"][0]["signerat_av"] == "Lärare Lena"
    assert "Omar" not in json.dumps(files, ensure_ascii=False)
    assert fatima.password_hash not in json.dumps(files)
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "data_exported"))
    assert (event.actor_id, event.subject_user_id) == (fatima.id, fatima.id)


def test_a_teachers_export_holds_the_verdicts_and_comments_they_wrote(app, group, lesson, teacher):
    full_history(app, group, lesson, teacher, "Fatima Markörsdotter")
    other_group = make_group("Ekbacken")
    other_teacher = make_user(Role.TEACHER, other_group, name="Lärare Per")
    omar = make_user(Role.TRAINEE, other_group, name="Omar")
    note = submitted(omar, lesson, "Omars anteckning: blodtryck 120/80 mmHg hos brukaren.")
    review_post(client_for(app, other_teacher), note, {"verdict": "revise", "comment": "Pers ord"})

    teaching = client_for(app, teacher)
    assert "dina bedömningar av deltagarnas anteckningar" in teaching.get("/konto").get_data(
        as_text=True
    )
    files = export(teaching, "/konto/mina-uppgifter")
    first, second = files["bedomningar.json"]
    assert (first["lektion"], first["version"], second["version"]) == (lesson.slug, 1, 2)
    assert first["deltagare"] == "Fatima Markörsdotter"  # she is in the teacher's group
    assert [(v["bedömning"], v["kommentar"]) for v in first["bedömningar"]] == [
        ("revise", VERDICT_COMMENT)
    ]
    assert first["kommentarer"] == [
        {"citat": "blod tryck", "kommentar": COMMENT, "tid": first["kommentarer"][0]["tid"]}
    ]
    assert [v["bedömning"] for v in second["bedömningar"]] == ["approved"]
    assert "bedomningar.json" in files["LASMIG.txt"]
    written = json.dumps(files["bedomningar.json"], ensure_ascii=False)
    assert FIRST not in written and SECOND not in written  # the trainee's text is not theirs
    assert "Omar" not in written and "Pers ord" not in written  # nor another teacher's verdict


def test_a_teachers_export_names_no_trainee_they_no_longer_supervise(app, group, lesson, teacher):
    fatima = full_history(app, group, lesson, teacher, "Fatima Markörsdotter")
    db.session.execute(delete(Membership).where(Membership.user_id == fatima.id))
    db.session.commit()
    files = export(client_for(app, teacher), "/konto/mina-uppgifter")
    assert [v["deltagare"] for v in files["bedomningar.json"]] == [None, None]
    assert "Markörsdotter" not in json.dumps(files["bedomningar.json"], ensure_ascii=False)


def test_a_reviewers_export_holds_the_content_decisions_they_made(app, group):
    lesson = load_lesson()
    cuff, other = db.session.scalars(
        select(Term).where(Term.record["translations"]["ar"].isnot(None)).order_by(Term.id).limit(2)
    )
    reviewer = make_reviewer(make_user(Role.TEACHER, group, name="Granskare Gul"), "ar", "care")
    colleague = make_reviewer(make_user(Role.TEACHER, group), "ar")
    arabic = cuff.record["translations"]["ar"]["text"]
    review_translation(
        reviewer, cuff.id, "ar", "needs_change", "Skriv ordet för armmanschett.", arabic
    )
    review_translation(
        colleague,
        other.id,
        "ar",
        "reviewed",
        "Kollegans kommentar",
        other.record["translations"]["ar"]["text"],
    )
    review_lesson(reviewer, lesson.slug, lesson.version, "reviewed", "Stämmer med rutinen.")

    files = export(client_for(app, reviewer), "/konto/mina-uppgifter")
    decisions = files["granskningar.json"]
    assert decisions["översättningar"] == [
        {
            "ord": cuff.lemma,
            "språk": "ar",
            "beslut": "needs_change",
            "granskad_text": arabic,
            "kommentar": "Skriv ordet för armmanschett.",
            "tid": decisions["översättningar"][0]["tid"],
        }
    ]
    [signed] = decisions["lektioner"]
    assert (signed["lektion"], signed["version"], signed["beslut"], signed["kommentar"]) == (
        lesson.slug,
        lesson.version,
        "reviewed",
        "Stämmer med rutinen.",
    )
    assert [(d["händelse"], d["beslut"]) for d in decisions["historik"]] == [
        ("Översättning granskad", "needs_change"),
        ("Lektion granskad", "reviewed"),
    ]
    assert "Kollegans kommentar" not in json.dumps(files, ensure_ascii=False)
    assert "granskningar.json" in files["LASMIG.txt"]


def test_admin_downloads_any_users_data(app, group, lesson, teacher):
    fatima = full_history(app, group, lesson, teacher, "Fatima")
    admin = make_user(Role.ADMIN)
    client = client_for(app, admin)
    files = export(client, f"/admin/anvandare/{fatima.id}/uppgifter")
    assert files["profil.json"]["id"] == fatima.id
    assert (
        client.post(
            f"/admin/anvandare/{admin.id}/uppgifter",
            data={"csrf_token": csrf_token(client, "/konto")},
        ).status_code
        == 404
    )
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "data_exported"))
    assert (event.actor_id, event.subject_user_id) == (admin.id, fatima.id)
    teacher_client = client_for(app, teacher)
    assert (
        teacher_client.post(
            f"/admin/anvandare/{fatima.id}/uppgifter",
            data={"csrf_token": csrf_token(teacher_client, "/konto")},
        ).status_code
        == 403
    )


def every_value() -> list[str]:
    """Every value of every column of every table, as text."""
    values = []
    for table in db.metadata.sorted_tables:
        for row in db.session.execute(table.select()):
            for value in row:
                if isinstance(value, dict | list):
                    values.append(json.dumps(value, ensure_ascii=False))
                elif value is not None:
                    values.append(str(value))
    return values


def comparable(insights):
    return (
        insights.notes,
        insights.versions,
        insights.missing,
        insights.kinds,
        insights.overrides and [(k, n) for k, _word, _reason, n in insights.overrides],
        insights.improvement,
    )


def test_erasure_leaves_no_personal_data_and_the_group_counts(app, group, lesson, teacher):
    fatima = full_history(app, group, lesson, teacher, "Fatima Markörsdotter")
    omar = make_user(Role.TRAINEE, group, name="Omar")
    submitted(omar, lesson, "Kl. 09.00 mättes blodtryck 120/80 mmHg och puls 70 slag/min.")
    before = group_insights(group)
    old_hash, email, user_id = fatima.password_hash, fatima.email, fatima.id
    code = db.session.scalar(select(CompetenceCard.code))
    assert "Kortet är äkta" in app.test_client().get(f"/verifiera/{code}").get_data(as_text=True)

    stored = every_value()

    client = client_for(app, fatima)
    page = client.get("/konto/radera")
    assert page.status_code == 200 and "Det går inte att ångra" in page.get_data(as_text=True)
    token = csrf_token(client, "/konto/radera")
    wrong = client.post("/konto/radera", data={"current": "fel", "csrf_token": token})
    assert wrong.status_code == 400
    assert "Det nuvarande lösenordet stämmer inte." in wrong.get_data(as_text=True)
    response = client.post("/konto/radera", data={"current": PASSWORD, "csrf_token": token})
    assert response.status_code == 302
    assert client.get("/konto").status_code == 302  # logged out

    secrets = [
        "Markörsdotter",
        "Fatima",
        email,
        email.split("@")[0],
        old_hash,
        FIRST,
        SECOND,
        "solrummet",
        DRAFT,
        ANSWER,
        COMMENT,
        VERDICT_COMMENT,
    ]
    assert [s for s in secrets if not any(s in value for value in stored)] == []  # were there
    # "Fatima" also stood in the note and the teacher's comments: it must be gone from both.
    leaks = [(secret, value) for value in every_value() for secret in secrets if secret in value]
    assert leaks == []

    after = group_insights(group)
    assert before.notes == 2 and before.versions == 3 and before.kinds
    assert comparable(after) == comparable(before)
    assert set(after.words) <= set(before.words)

    verify = app.test_client().get(f"/verifiera/{code}").get_data(as_text=True)
    assert "Kortet är återkallat" in verify and "Kortet är äkta" not in verify
    assert log_in(app.test_client(), db.session.get(User, user_id), PASSWORD).status_code == 200
    erased = db.session.get(User, user_id)
    assert erased.erased_at is not None and erased.display_name == "Raderat konto"
    assert db.session.scalar(select(NoteDraft)) is None
    assert db.session.scalar(select(DrillItem).where(DrillItem.user_id == user_id)) is None
    assert {n.status for n in db.session.scalars(select(Note).where(Note.user_id == user_id))} == {
        "erased"
    }
    actions = list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))
    assert actions[-2:] == ["card_revoked", "account_erased"]

    queue = client_for(app, teacher).get("/larare/granska").get_data(as_text=True)
    assert "Raderat konto" not in queue
    groups_page = client_for(app, teacher).get("/larare/grupper").get_data(as_text=True)
    assert "Raderat konto" not in groups_page and "Omar" in groups_page


def test_admin_erases_an_account_and_not_their_own(app, group, lesson, teacher):
    fatima = full_history(app, group, lesson, teacher, "Fatima")
    admin = make_user(Role.ADMIN)
    client = client_for(app, admin)
    confirm = client.get(f"/admin/anvandare/{fatima.id}/radera")
    assert confirm.status_code == 200 and "Radera kontot för <bdi>Fatima</bdi>" in confirm.get_data(
        as_text=True
    )
    token = csrf_token(client, "/konto")
    assert (
        client.post(f"/admin/anvandare/{fatima.id}/radera", data={"csrf_token": token}).status_code
        == 302
    )
    assert db.session.get(User, fatima.id).erased_at is not None
    assert "Raderat konto" not in client.get("/admin/anvandare").get_data(as_text=True)
    assert (
        client.post(f"/admin/anvandare/{fatima.id}/radera", data={"csrf_token": token}).status_code
        == 404
    )
    assert (
        client.post(f"/admin/anvandare/{admin.id}/radera", data={"csrf_token": token}).status_code
        == 404
    )
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "account_erased"))
    assert (event.actor_id, event.subject_user_id) == (admin.id, fatima.id)


def test_an_admin_cannot_erase_themselves_from_the_profile(app):
    admin = make_user(Role.ADMIN)
    client = client_for(app, admin)
    token = csrf_token(client, "/konto/radera")
    response = client.post("/konto/radera", data={"current": PASSWORD, "csrf_token": token})
    assert response.status_code == 400
    assert db.session.get(User, admin.id).erased_at is None


def test_no_reset_link_for_an_erased_account(app, group, lesson, teacher):
    fatima = full_history(app, group, lesson, teacher, "Fatima")
    admin = make_user(Role.ADMIN)
    client = client_for(app, admin)
    token = csrf_token(client, "/konto")
    client.post(f"/admin/anvandare/{fatima.id}/radera", data={"csrf_token": token})
    response = client.post(
        f"/larare/deltagare/{fatima.id}/losenordslank", data={"csrf_token": token}
    )
    assert response.status_code == 404


def age(version_ids: list[int], days: int) -> None:
    for version in db.session.scalars(select(NoteVersion).where(NoteVersion.id.in_(version_ids))):
        version.submitted_at = utcnow() - timedelta(days=days)
    db.session.commit()


def test_purge_notes_dry_run_then_real_run(app, runner, group, lesson, teacher):
    fatima = full_history(app, group, lesson, teacher, "Fatima")
    old_ids = list(db.session.scalars(select(NoteVersion.id).order_by(NoteVersion.id)))
    age(old_ids[:1], 600)  # about 20 months
    for draft in db.session.scalars(select(NoteDraft)):
        draft.updated_at = utcnow() - timedelta(days=600)
    db.session.commit()
    before = group_insights(group)

    dry = runner.invoke(args=["purge-notes", "--older-than", "18m"])
    assert dry.exit_code == 0, dry.output
    assert "Provkörning: 1 anteckningsversion och 1 utkast" in dry.output
    assert db.session.get(NoteVersion, old_ids[0]).text == FIRST
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "notes_purged")) is None

    real = runner.invoke(args=["purge-notes", "--older-than", "18m", "--apply"])
    assert real.exit_code == 0 and "Raderat" in real.output
    db.session.expire_all()
    assert db.session.get(NoteVersion, old_ids[0]).text == ""
    assert db.session.get(NoteVersion, old_ids[1]).text == SECOND  # newer: kept
    assert db.session.scalar(select(NoteDraft)) is None
    assert comparable(group_insights(group)) == comparable(before)
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "notes_purged"))
    assert event.details == {"older_than": "18m", "versions": 1, "drafts": 1}
    assert FIRST not in " ".join(every_value()) and COMMENT not in " ".join(every_value())

    again = runner.invoke(args=["purge-notes", "--older-than", "18m"])
    assert "0 anteckningsversioner" in again.output

    feedback = client_for(app, fatima).get(
        "/skriva/puls-och-blodtryck/puls-och-blodtryck-anteckning/respons?version=1"
    )
    assert feedback.status_code == 200
    assert "Texten är raderad" in feedback.get_data(as_text=True)


def test_purge_notes_refuses_a_bad_age(runner):
    result = runner.invoke(args=["purge-notes", "--older-than", "arton"])
    assert result.exit_code == 2 and "18m" in result.output
