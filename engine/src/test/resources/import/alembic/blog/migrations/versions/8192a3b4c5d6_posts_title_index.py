"""posts: title index, built outside a transaction

Revision ID: 8192a3b4c5d6
Revises: 708192a3b4c5
Create Date: 2026-11-07 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '8192a3b4c5d6'
down_revision = '708192a3b4c5'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.create_index('ix_posts_title', 'posts', ['title'], postgresql_concurrently=True)


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index('ix_posts_title', table_name='posts', postgresql_concurrently=True)
