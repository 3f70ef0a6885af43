"""Sentence cards for the word-order drill: a card is for a term or for a sentence

Revision ID: 0006_sentence_cards
Revises: 0005_erased_accounts
Create Date: 2026-12-07 14:20:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0006_sentence_cards"
down_revision = "0005_erased_accounts"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sentence_key", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("sentence", sa.Text(), nullable=True))
        batch_op.alter_column("term_id", existing_type=sa.Integer(), nullable=True)
        batch_op.create_unique_constraint("uq_cards_user_sentence", ["user_id", "sentence_key"])
        batch_op.create_check_constraint(
            "ck_cards_term_or_sentence", "(term_id IS NULL) <> (sentence_key IS NULL)"
        )


def downgrade():
    op.execute("DELETE FROM cards WHERE term_id IS NULL")
    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.drop_constraint("ck_cards_term_or_sentence", type_="check")
        batch_op.drop_constraint("uq_cards_user_sentence", type_="unique")
        batch_op.alter_column("term_id", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column("sentence")
        batch_op.drop_column("sentence_key")
