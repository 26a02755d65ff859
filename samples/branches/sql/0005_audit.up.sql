CREATE TABLE audit_log (
    id      INTEGER      NOT NULL PRIMARY KEY,
    event   VARCHAR(200) NOT NULL,
    at_time TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO audit_log (id, event) VALUES (1, 'billing and search merged');
