-- CONCURRENTLY cannot run in a transaction: this revision has 'transaction: false'.
CREATE INDEX CONCURRENTLY items_name_idx ON items (name);
