-- alter column person.mood
ALTER TABLE person ALTER COLUMN mood DROP DEFAULT;

-- DESTRUCTIVE: alter column person.mood
ALTER TABLE person ALTER COLUMN mood TYPE feeling USING mood::text::feeling;

-- alter column person.mood
ALTER TABLE person ALTER COLUMN mood SET DEFAULT 'happy'::feeling;

-- alter column person.state
ALTER TABLE person ALTER COLUMN state DROP DEFAULT;

-- DESTRUCTIVE: alter column person.state
ALTER TABLE person ALTER COLUMN state TYPE mood USING state::mood;

-- alter column person.state
ALTER TABLE person ALTER COLUMN state SET DEFAULT 'happy'::mood;

-- alter column person.code
ALTER TABLE person ALTER COLUMN code DROP DEFAULT;

-- alter column person.code
ALTER TABLE person ALTER COLUMN code TYPE bigint USING code::bigint;

-- alter column person.code
ALTER TABLE person ALTER COLUMN code SET DEFAULT 7;
