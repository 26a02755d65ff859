CREATE TABLE search_terms (
    term       VARCHAR(100) NOT NULL PRIMARY KEY,
    account_id INTEGER      NOT NULL REFERENCES accounts (id)
);
