"""create tags

Revision ID: 4d5e6f708192
Revises: 2b3c4d5e6f70
Create Date: 2026-11-04 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "4d5e6f708192"
down_revision = "2b3c4d5e6f70"
branch_labels = "tagging"
depends_on = None


def upgrade() -> None:
    op.create_table(
        'tags',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('name', sa.String(50), nullable=False, unique=True),
    )


def downgrade() -> None:
    op.drop_table('tags')
