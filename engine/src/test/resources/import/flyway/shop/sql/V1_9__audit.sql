CREATE TABLE ${audit_table} (
    id INTEGER PRIMARY KEY,
    what VARCHAR(200)
);
