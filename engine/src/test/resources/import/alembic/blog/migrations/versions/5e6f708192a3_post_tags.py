"""post tags: which post carries which tag

Revision ID: 5e6f708192a3
Revises: 4d5e6f708192
Create Date: 2026-11-05 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5e6f708192a3'
down_revision = '4d5e6f708192'
branch_labels = None
# the link table needs posts, which the other branch creates
depends_on = (
    '3c4d5e6f7081',
)


def upgrade() -> None:
    op.create_table(
        'post_tags',
        sa.Column('post_id', sa.Integer(), sa.ForeignKey('posts.id'), primary_key=True),
        sa.Column('tag_id', sa.Integer(), sa.ForeignKey('tags.id'), primary_key=True),
    )


def downgrade() -> None:
    op.drop_table('post_tags')
