-- an index built without locking the table
CREATE INDEX CONCURRENTLY users_email ON users (email);
