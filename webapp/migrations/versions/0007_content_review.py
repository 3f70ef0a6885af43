"""Content review: reviewer scopes, translation reviews, lesson sign-offs

Revision ID: 0007_content_review
Revises: 0006_sentence_cards
Create Date: 2026-12-07 17:10:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0007_content_review"
down_revision = "0006_sentence_cards"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "reviewer_scopes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=8), nullable=False),
        sa.Column("granted_by_id", sa.Integer(), nullable=True),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["granted_by_id"], ["users.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id", "scope", name="uq_reviewer_scopes_user_scope"),
    )
    with op.batch_alter_table("reviewer_scopes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reviewer_scopes_user_id"), ["user_id"], unique=False)

    op.create_table(
        "translation_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("term_id", sa.Integer(), nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("reviewer_id", sa.Integer(), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["reviewer_id"], ["users.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["term_id"], ["terms.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("term_id", "lang", name="uq_translation_reviews_term_lang"),
    )
    with op.batch_alter_table("translation_reviews", schema=None) as batch_op:
        batch_op.create_index(
            "ix_translation_reviews_lang_status", ["lang", "status"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_translation_reviews_term_id"), ["term_id"], unique=False
        )

    op.create_table(
        "lesson_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lesson_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("reviewer_id", sa.Integer(), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["lesson_id"], ["lessons.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["reviewer_id"], ["users.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("lesson_id"),
    )


def downgrade():
    op.drop_table("lesson_reviews")
    with op.batch_alter_table("translation_reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_translation_reviews_term_id"))
        batch_op.drop_index("ix_translation_reviews_lang_status")
    op.drop_table("translation_reviews")
    with op.batch_alter_table("reviewer_scopes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reviewer_scopes_user_id"))
    op.drop_table("reviewer_scopes")
