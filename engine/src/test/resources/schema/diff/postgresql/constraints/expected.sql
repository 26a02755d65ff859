-- drop constraint child.child_parent
ALTER TABLE child DROP CONSTRAINT child_parent;

-- drop constraint child.child_qty
ALTER TABLE child DROP CONSTRAINT child_qty;

-- alter column child.id
ALTER TABLE child ALTER COLUMN id SET NOT NULL;

-- add constraint child.child_qty
ALTER TABLE child ADD CONSTRAINT child_qty CHECK (qty >= 0);

-- add constraint child.child_area
ALTER TABLE child ADD CONSTRAINT child_area EXCLUDE USING gist (area WITH &&);

-- add constraint child.child_pkey
ALTER TABLE child ADD CONSTRAINT child_pkey PRIMARY KEY (id);

-- add constraint parent.parent_ab
ALTER TABLE parent ADD CONSTRAINT parent_ab UNIQUE (a, b);

-- add constraint parent.parent_code_key
ALTER TABLE parent ADD CONSTRAINT parent_code_key UNIQUE (code);

-- add constraint child.child_code
ALTER TABLE child ADD CONSTRAINT child_code FOREIGN KEY (parent_id) REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED;

-- add constraint child.child_parent
ALTER TABLE child ADD CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent(id) ON DELETE CASCADE;
