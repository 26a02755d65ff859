"""merge content and tagging

Revision ID: 708192a3b4c5
Revises: 6f708192a3b4, 5e6f708192a3
Create Date: 2026-11-06 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '708192a3b4c5'
down_revision = ('6f708192a3b4', '5e6f708192a3')
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
