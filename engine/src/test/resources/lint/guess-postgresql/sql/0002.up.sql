CREATE INDEX CONCURRENTLY accounts_email ON accounts (email);
