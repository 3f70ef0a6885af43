"""Database models, one module per aggregate. Import from here."""

from webapp.models.audit import AuditEvent
from webapp.models.card import Card, DrillItem, ReviewLog
from webapp.models.competence import CompetenceCard, CompetenceSignature
from webapp.models.content_review import LessonReview, ReviewerScope, TranslationReview
from webapp.models.group import Group, Membership
from webapp.models.lesson import Assignment, Lesson, LessonTerm, LessonVersion
from webapp.models.note import FindingOverride, Note, NoteDraft, NoteVersion, Review, ReviewComment
from webapp.models.term import AudioClip, Term, TermEdit, TermKey
from webapp.models.user import Role, User

__all__ = [
    "Assignment",
    "AudioClip",
    "AuditEvent",
    "Card",
    "CompetenceCard",
    "CompetenceSignature",
    "DrillItem",
    "FindingOverride",
    "Group",
    "Lesson",
    "LessonReview",
    "LessonTerm",
    "LessonVersion",
    "Membership",
    "Note",
    "NoteDraft",
    "NoteVersion",
    "Review",
    "ReviewComment",
    "ReviewLog",
    "ReviewerScope",
    "Role",
    "Term",
    "TermEdit",
    "TermKey",
    "TranslationReview",
    "User",
]
