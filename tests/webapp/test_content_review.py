"""Content review as reviewers, teachers, trainees and admins meet it: only a reviewer of a
language reviews its translations, a changed text is a draft again, an import never reviews,
trainees see the status, and the admin sees how far review has come (SQLite and PostgreSQL)."""

from __future__ import annotations

import io
import json

import pytest
from sqlalchemy import func, select

from tests.conftest import csrf_token
from tests.factories import log_in, make_group, make_reviewer, make_user
from tests.webapp.drill_content import load_lesson
from tests.webapp.test_words_search import sample_records
from webapp.extensions import db
from webapp.learn.store import record_of as lesson_record_of
from webapp.learn.store import save_lesson
from webapp.models import AuditEvent, LessonReview, Role, Term, TranslationReview
from webapp.words.store import record_of, save_term

QUEUE = "/granskning/oversattningar/{lang}"


@pytest.fixture
def bank(app):
    terms = {record.lemma: save_term(record, source="bundled") for record in sample_records()}
    db.session.commit()
    return terms


def client_for(app, role=Role.TEACHER, *scopes, **kwargs):
    client = app.test_client()
    user = make_user(role, make_group(f"Grupp {role} {scopes}"), **kwargs)
    if scopes:
        make_reviewer(user, *scopes)
    log_in(client, user)
    return client, user


def decide(client, term, lang="ar", decision="reviewed", comment="", seen=None):
    token = csrf_token(client, "/granskning/")
    text = record_of(term).translations[lang].text if seen is None else seen
    prefix = f"t{term.id}-"
    return client.post(
        f"/granskning/oversattningar/{lang}/{term.id}",
        data={
            "csrf_token": token,
            f"{prefix}csrf_token": token,
            f"{prefix}decision": decision,
            f"{prefix}comment": comment,
            f"{prefix}seen_text": text,
        },
    )


def status(term, lang="ar") -> str:
    db.session.refresh(term)
    return term.record["translations"][lang]["status"]


def test_arabic_reviewer_reviews_an_arabic_translation_and_it_is_recorded(app, bank):
    client, reviewer = client_for(app, Role.TEACHER, "ar", name="Granskare Gul")
    term = bank["blodtryck"]
    queue = client.get(QUEUE.format(lang="ar")).get_data(as_text=True)
    assert "ضغط الدم" in queue and 'dir="rtl"' in queue
    response = decide(client, term)
    assert response.status_code == 302
    assert status(term) == "reviewed"
    review = db.session.scalar(
        select(TranslationReview).where(TranslationReview.term_id == term.id)
    )
    assert (review.lang, review.reviewer_id, review.text) == ("ar", reviewer.id, "ضغط الدم")
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "translation_reviewed"))
    assert event.actor_id == reviewer.id and event.details["term_id"] == term.id
    reviewed_list = client.get(QUEUE.format(lang="ar") + "?status=reviewed").get_data(as_text=True)
    assert "Granskad</strong> av <bdi>Granskare Gul</bdi> den" in reviewed_list


@pytest.mark.parametrize(
    ("role", "scopes"),
    [(Role.TEACHER, ("ti",)), (Role.TEACHER, ()), (Role.ADMIN, ("care",)), (Role.TRAINEE, ())],
)
def test_only_a_reviewer_of_that_language_may_review_its_translations(app, bank, role, scopes):
    client, _ = client_for(app, role, *scopes)
    term = bank["blodtryck"]
    assert client.get(QUEUE.format(lang="ar")).status_code == 403
    assert decide(client, term).status_code == 403
    assert status(term) == "draft"
    assert db.session.scalar(select(TranslationReview)) is None


def test_a_request_for_change_needs_a_comment_and_is_not_reviewed(app, bank):
    client, _ = client_for(app, Role.TEACHER, "ar")
    term = bank["blodtryck"]
    refused = decide(client, term, decision="needs_change")
    html = refused.get_data(as_text=True)
    assert refused.status_code == 400 and "Bedömningen sparades inte." in html
    assert "Skriv vad som behöver ändras." in html
    assert status(term) == "draft"
    kept = decide(client, term, decision="bogus", comment="Ordet betyder blodtryck i allmänhet.")
    assert kept.status_code == 400 and "Ordet betyder blodtryck i allmänhet." in kept.get_data(
        as_text=True
    )
    assert "Välj Granskad eller Behöver ändras." in kept.get_data(as_text=True)
    decide(client, term, decision="needs_change", comment="Skriv hellre ضغط الدم الشرياني.")
    assert status(term) == "needs_change"
    trainee, _ = client_for(app, Role.TRAINEE, l1="ar")
    assert "Översättningen är inte granskad ännu." in trainee.get(f"/ordlista/{term.id}").get_data(
        as_text=True
    )


def test_a_text_changed_after_the_reviewer_opened_it_is_not_approved(app, bank):
    client, _ = client_for(app, Role.TEACHER, "ar")
    term = bank["blodtryck"]
    response = decide(client, term, seen="ضغط")
    assert response.status_code == 400
    assert "Texten har ändrats sedan du öppnade sidan." in response.get_data(as_text=True)
    assert status(term) == "draft"


def _edit_form(client, term, **changes):
    url = f"/ordlista/{term.id}/andra"
    record = record_of(term)
    data = {
        "csrf_token": csrf_token(client, url),
        "version": str(term.version),
        "lemma": record.lemma,
        "pos": record.pos,
        "gender": record.gender or "",
        "area": record.area,
        "definition": record.definition,
        "example": record.example,
        **{f"form_{k}": v or "" for k, v in record.forms.items()},
        **{f"tr_{lang}": tr.text for lang, tr in record.translations.items()},
        "abbreviations": ", ".join(record.abbreviations),
        "compound_forms": ", ".join(record.compound_forms),
    }
    data.update(changes)
    return client.post(url, data=data)


def test_editing_a_reviewed_translation_returns_it_to_draft_but_other_edits_keep_it(app, bank):
    reviewer, _ = client_for(app, Role.TEACHER, "ar", "fa")
    term = bank["blodtryck"]
    decide(reviewer, term, lang="ar")
    decide(reviewer, term, lang="fa")
    teacher, _ = client_for(app, Role.TEACHER)
    assert (
        _edit_form(teacher, term, definition="Trycket i blodkärlen när hjärtat slår.").status_code
        == 302
    )
    assert (status(term, "ar"), status(term, "fa")) == ("reviewed", "reviewed")
    assert _edit_form(teacher, term, tr_ar="ضغط الدم الشرياني").status_code == 302
    assert (status(term, "ar"), status(term, "fa")) == ("draft", "reviewed")
    resets = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "review_reset"))
    assert [(e.details["lang"], e.details["was"]) for e in resets] == [("ar", "reviewed")]


def test_the_teacher_form_has_no_way_to_mark_a_translation_reviewed(app, bank):
    teacher, _ = client_for(app, Role.TEACHER)
    term = bank["urinera"]
    html = teacher.get(f"/ordlista/{term.id}/andra").get_data(as_text=True)
    assert "tr_ar_status" not in html
    _edit_form(teacher, term, tr_ar_status="reviewed")
    assert status(term) == "draft"


def test_import_cannot_mark_translations_reviewed(app, bank):
    teacher, _ = client_for(app, Role.TEACHER)
    exported = json.loads(teacher.get("/ordlista/export.json").get_data(as_text=True))
    for item in exported:
        for translation in item["translations"].values():
            translation.update(status="reviewed", reviewer="Någon Annan", reviewed_at="2026-01-01")
    url = "/ordlista/importera"
    response = teacher.post(
        url,
        data={
            "csrf_token": csrf_token(teacher, url),
            "file": (io.BytesIO(json.dumps(exported, ensure_ascii=False).encode()), "termer.json"),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 302, response.get_data(as_text=True)[-3000:]
    html = teacher.get(response.headers["Location"]).get_data(as_text=True)
    assert "var markerade som granskade i filen men sparades som ej granskade" in html
    statuses = {
        tr["status"]
        for term in db.session.scalars(select(Term))
        for tr in term.record["translations"].values()
    }
    assert statuses == {"draft"}
    assert db.session.scalar(select(TranslationReview)) is None


def test_export_carries_the_review_and_reimporting_it_keeps_the_review(app, bank):
    reviewer, _ = client_for(app, Role.TEACHER, "ar", name="Granskare Gul")
    term = bank["blodtryck"]
    decide(reviewer, term)
    teacher, _ = client_for(app, Role.TEACHER)
    exported = teacher.get("/ordlista/export.json").get_data(as_text=True)
    item = next(i for i in json.loads(exported) if i["lemma"] == "blodtryck")
    assert item["translations"]["ar"]["status"] == "reviewed"
    assert item["translations"]["ar"]["reviewer"] == "Granskare Gul"
    assert item["translations"]["en"] == {"text": "blood pressure", "status": "draft"}
    csv_text = teacher.get("/ordlista/export.csv").data.decode("utf-8-sig")
    assert "tr_ar_reviewer" in csv_text.splitlines()[0] and "Granskare Gul" in csv_text
    url = "/ordlista/importera"
    teacher.post(
        url,
        data={
            "csrf_token": csrf_token(teacher, url),
            "file": (io.BytesIO(exported.encode()), "termer.json"),
        },
        content_type="multipart/form-data",
    )
    assert status(term) == "reviewed"


def test_trainee_pages_say_granskad_only_for_what_is_reviewed(app, bank):
    lesson = load_lesson()
    reviewer, _ = client_for(app, Role.TEACHER, "ar", "care")
    trainee, _ = client_for(app, Role.TRAINEE, l1="ar")
    term = db.session.scalar(select(Term).where(Term.lemma == "blodtryck"))
    assert "Översättningen är inte granskad ännu." in trainee.get(f"/ordlista/{term.id}").get_data(
        as_text=True
    )
    before = trainee.get(f"/lektioner/{lesson.slug}").get_data(as_text=True)
    assert "inte granskad ännu" in before and "(granskad)" not in before
    decide(reviewer, term)
    assert "Översättningen är granskad." in trainee.get(f"/ordlista/{term.id}").get_data(
        as_text=True
    )
    url = f"/granskning/lektioner/{lesson.slug}"
    response = reviewer.post(
        url,
        data={
            "csrf_token": csrf_token(reviewer, url),
            "decision": "reviewed",
            "version": lesson.version,
        },
    )
    assert response.status_code == 302
    after = trainee.get(f"/lektioner/{lesson.slug}").get_data(as_text=True)
    assert "granskad av vårdpersonal" in after
    assert after.count("(granskad)") >= 1  # blodtryck's Arabic help in the steps


def test_care_reviewer_signs_off_a_lesson_version_and_a_changed_body_is_a_draft_again(app):
    lesson = load_lesson()
    reviewer, user = client_for(app, Role.TEACHER, "care")
    url = f"/granskning/lektioner/{lesson.slug}"
    page = reviewer.get(url).get_data(as_text=True)
    assert "Säkerhet:" in page or "Hygien:" in page
    reviewer.post(
        url,
        data={
            "csrf_token": csrf_token(reviewer, url),
            "decision": "reviewed",
            "version": lesson.version,
        },
    )
    review = db.session.scalar(select(LessonReview))
    assert (review.version, review.reviewer_id, review.status) == (
        lesson.version,
        user.id,
        "reviewed",
    )
    save_lesson(lesson_record_of(lesson), status="draft")  # publishing state only: text unchanged
    db.session.commit()
    assert db.session.scalar(select(LessonReview)) is not None
    changed = lesson_record_of(lesson).model_copy(update={"title": "Puls och blodtryck, ny"})
    save_lesson(changed)
    db.session.commit()
    assert db.session.scalar(select(LessonReview)) is None


def test_lesson_sign_off_of_an_old_version_is_refused(app):
    lesson = load_lesson()
    reviewer, _ = client_for(app, Role.TEACHER, "care")
    url = f"/granskning/lektioner/{lesson.slug}"
    response = reviewer.post(
        url,
        data={
            "csrf_token": csrf_token(reviewer, url),
            "decision": "reviewed",
            "version": lesson.version - 1,
        },
    )
    assert response.status_code == 400
    assert "Texten har ändrats sedan du öppnade sidan." in response.get_data(as_text=True)
    assert db.session.scalar(select(LessonReview)) is None


def test_teacher_without_care_scope_cannot_sign_off_a_lesson(app):
    lesson = load_lesson()
    client, _ = client_for(app, Role.TEACHER, "ar")
    url = f"/granskning/lektioner/{lesson.slug}"
    assert client.get(url).status_code == 403
    token = csrf_token(client, "/granskning/")
    assert (
        client.post(
            url, data={"csrf_token": token, "decision": "reviewed", "version": lesson.version}
        ).status_code
        == 403
    )


def test_admin_makes_a_teacher_reviewer_and_it_is_in_the_audit_trail(app, bank):
    admin, admin_user = client_for(app, Role.ADMIN)
    _, teacher = client_for(app, Role.TEACHER, name="Lärare Lo")
    url = "/granskning/granskare"
    assert "Lärare Lo" in admin.get(url).get_data(as_text=True)
    response = admin.post(
        f"/granskning/granskare/{teacher.id}",
        data={"csrf_token": csrf_token(admin, url), "scopes": ["ar", "care"]},
    )
    assert response.status_code == 302
    teacher_client = app.test_client()
    log_in(teacher_client, teacher)
    assert teacher_client.get(QUEUE.format(lang="ar")).status_code == 200
    assert teacher_client.get(QUEUE.format(lang="ti")).status_code == 403
    event = db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "reviewer_scopes_changed")
    )
    assert (event.actor_id, event.subject_user_id, event.details["after"]) == (
        admin_user.id,
        teacher.id,
        "ar,care",
    )
    trainee = make_user(Role.TRAINEE)
    assert (
        admin.post(
            f"/granskning/granskare/{trainee.id}",
            data={"csrf_token": csrf_token(admin, url), "scopes": ["ar"]},
        ).status_code
        == 404
    )


def test_progress_page_counts_reviewed_translations_per_language_and_area(app, bank):
    reviewer, _ = client_for(app, Role.TEACHER, "ar")
    decide(reviewer, bank["blodtryck"])
    decide(reviewer, bank["urinera"])
    admin, _ = client_for(app, Role.ADMIN)
    html = admin.get("/granskning/framsteg").get_data(as_text=True)
    # the sample bank: Arabic on blodtryck and urinera, English on all four, Persian on one
    assert "<strong>Arabiska:</strong> 2 av 2 granskade (100 %)" in html
    assert "<strong>Engelska:</strong> 0 av 4 granskade (0 %)" in html
    assert "<strong>Persiska:</strong> 0 av 1 granskade (0 %)" in html
    assert "<strong>Tigrinska:</strong> 0 av 0 granskade" in html
    # on a phone the area table stacks, each count labelled with its language
    assert '<table class="responsive counts">' in html
    assert '<td data-label="Arabiska">' in html and '<td data-label="Lektioner">' in html


def test_term_and_lesson_lists_filter_by_review_status(app, bank):
    reviewer, _ = client_for(app, Role.TEACHER, "ar")
    decide(reviewer, bank["blodtryck"])
    teacher, _ = client_for(app, Role.TEACHER)
    reviewed = teacher.get(
        "/ordlista/omrade/vitalparametrar?sprak=ar&granskning=reviewed"
    ).get_data(as_text=True)
    assert "blodtrycksmätare" not in reviewed and ">blodtryck<" in reviewed
    drafts = teacher.get("/ordlista/omrade/vitalparametrar?sprak=ar&granskning=draft").get_data(
        as_text=True
    )
    assert ">blodtryck<" not in drafts
    load_lesson()
    lessons = teacher.get("/larare/lektioner/?granskning=reviewed").get_data(as_text=True)
    assert "Puls och blodtryck" not in lessons
    assert "Puls och blodtryck" in teacher.get("/larare/lektioner/?granskning=draft").get_data(
        as_text=True
    )


def _sign_off(client, lesson):
    url = f"/granskning/lektioner/{lesson.slug}"
    return client.post(
        url,
        data={
            "csrf_token": csrf_token(client, url),
            "decision": "reviewed",
            "version": lesson.version,
        },
    )


def _import_lesson(client, text):
    url = "/larare/lektioner/importera"
    return client.post(url, data={"csrf_token": csrf_token(client, url), "text": text})


def test_lesson_export_carries_the_sign_off_and_an_import_never_signs_off(app):
    lesson = load_lesson()
    reviewer, _ = client_for(app, Role.TEACHER, "care", name="Sjuksköterska Siv")
    _sign_off(reviewer, lesson)
    teacher, _ = client_for(app, Role.TEACHER)
    exported = teacher.get(f"/larare/lektioner/{lesson.slug}/export.yaml").get_data(as_text=True)
    assert "review:" in exported and "reviewer: Sjuksköterska Siv" in exported
    assert "status: reviewed" in exported
    response = _import_lesson(teacher, exported)  # the same content: the sign-off stands
    assert response.status_code == 302
    assert db.session.scalar(select(LessonReview)) is not None
    assert "review" not in db.session.get(type(lesson), lesson.id).body
    copy = exported.replace(f"id: {lesson.slug}", "id: puls-kopia", 1)
    response = _import_lesson(teacher, copy)
    assert response.status_code == 302
    html = teacher.get(response.headers["Location"]).get_data(as_text=True)
    assert "Filen säger att lektionen är granskad, men den sparades som ej granskad" in html
    assert db.session.scalar(select(func.count()).select_from(LessonReview)) == 1


def test_teacher_sees_who_reviewed_each_translation_on_the_term_page(app, bank):
    reviewer, _ = client_for(app, Role.TEACHER, "ar", name="Granskare Gul")
    term = bank["blodtryck"]
    decide(reviewer, term)
    teacher, _ = client_for(app, Role.TEACHER)
    html = teacher.get(f"/ordlista/{term.id}").get_data(as_text=True)
    assert "Arabiska: granskad av <bdi>Granskare Gul</bdi> den" in html
    assert "Engelska: ej granskad" in html
    trainee, _ = client_for(app, Role.TRAINEE)
    assert "Granskare Gul" not in trainee.get(f"/ordlista/{term.id}").get_data(as_text=True)


def test_a_reviewer_made_trainee_loses_the_scopes_for_good(app, bank):
    admin, _ = client_for(app, Role.ADMIN)
    _, teacher = client_for(app, Role.TEACHER, "ar", "care")
    url = "/admin/anvandare"
    for role in ("trainee", "teacher"):
        admin.post(
            "/admin/anvandare/roll",
            data={"csrf_token": csrf_token(admin, url), "user_id": teacher.id, "role": role},
        )
    again = app.test_client()
    log_in(again, teacher)
    assert again.get(QUEUE.format(lang="ar")).status_code == 403
    assert "Du är inte granskare ännu." in again.get("/granskning/").get_data(as_text=True)
