"""post titles view (raw SQL)

Revision ID: 6f708192a3b4
Revises: 3c4d5e6f7081
Create Date: 2026-11-05 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '6f708192a3b4'
down_revision = '3c4d5e6f7081'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE VIEW post_titles AS"
        " SELECT p.id, p.title, u.name AS author FROM posts p JOIN users u ON u.id = p.author_id"
    )


def downgrade() -> None:
    op.execute("DROP VIEW post_titles")
