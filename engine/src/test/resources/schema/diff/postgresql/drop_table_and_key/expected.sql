-- drop constraint child.child_parent_code_fkey
ALTER TABLE child DROP CONSTRAINT child_parent_code_fkey;

-- drop constraint child.child_parent_id_fkey
ALTER TABLE child DROP CONSTRAINT child_parent_id_fkey;

-- DESTRUCTIVE: drop constraint parent.parent_pkey
ALTER TABLE parent DROP CONSTRAINT parent_pkey;

-- DESTRUCTIVE: drop constraint parent.parent_code_key
ALTER TABLE parent DROP CONSTRAINT parent_code_key;

-- DESTRUCTIVE: drop table child
DROP TABLE child;
