"""Offline drill answers: the device's id of the answer that counts for an item

Revision ID: 0008_offline_answers
Revises: 0007_content_review
Create Date: 2026-12-07 17:10:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0008_offline_answers"
down_revision = "0007_content_review"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("drill_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("client_id", sa.String(length=40), nullable=True))
        batch_op.create_unique_constraint("uq_drill_items_client_id", ["client_id"])


def downgrade():
    with op.batch_alter_table("drill_items", schema=None) as batch_op:
        batch_op.drop_constraint("uq_drill_items_client_id", type_="unique")
        batch_op.drop_column("client_id")
