"""Names stored before the name rule: cleaned as names are cleaned when typed

Revision ID: 0009_clean_stored_names
Revises: 0008_offline_answers
Create Date: 2026-12-07 23:40:00

Display names and group names typed before ``webapp.names`` cleaned them on the way in may hold
direction controls, zero-width characters, tabs or line breaks; pages clean them when they show
them, but search, sorting, exports and e-mail read the stored text. Each is rewritten with the
same ``clean_name`` the forms use (only rows that change are written). A name that held nothing
visible becomes "Konto <id>" / "Grupp <id>", so no row is left nameless. Data only: the
downgrade leaves the cleaned names as they are (the removed characters showed nothing).
"""

import sqlalchemy as sa
from alembic import op

from webapp.names import clean_name

# revision identifiers, used by Alembic.
revision = "0009_clean_stored_names"
down_revision = "0008_offline_answers"
branch_labels = None
depends_on = None

NAMES = (("users", "display_name", "Konto"), ("groups", "name", "Grupp"))
BATCH = 1000


def upgrade():
    connection = op.get_bind()
    for table_name, column, fallback in NAMES:
        table = sa.table(table_name, sa.column("id", sa.Integer), sa.column(column, sa.String))
        last = 0
        while True:
            rows = connection.execute(
                sa.select(table.c.id, table.c[column])
                .where(table.c.id > last)
                .order_by(table.c.id)
                .limit(BATCH)
            ).all()
            if not rows:
                break
            for row_id, stored in rows:
                cleaned = clean_name(stored or "") or f"{fallback} {row_id}"
                if cleaned != stored:
                    connection.execute(
                        sa.update(table).where(table.c.id == row_id).values({column: cleaned})
                    )
            last = rows[-1][0]


def downgrade():
    pass
