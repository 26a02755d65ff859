-- Primary key, unique, foreign keys with actions and deferrable, check, exclusion.
CREATE TABLE parent (id integer PRIMARY KEY, code text UNIQUE, a integer, b integer, CONSTRAINT parent_ab_key UNIQUE (a, b));
CREATE TABLE child (
    id integer,
    parent_id integer REFERENCES parent (id) ON DELETE CASCADE,
    code text,
    a integer,
    b integer,
    qty integer CHECK (qty > 0),
    area circle,
    CONSTRAINT child_pk PRIMARY KEY (id),
    CONSTRAINT child_code_fk FOREIGN KEY (code) REFERENCES parent (code) ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT child_ab_fk FOREIGN KEY (a, b) REFERENCES parent (a, b) DEFERRABLE,
    CONSTRAINT child_no_overlap EXCLUDE USING gist (area WITH &&),
    CONSTRAINT child_sane CHECK (a < b) NOT VALID
);
