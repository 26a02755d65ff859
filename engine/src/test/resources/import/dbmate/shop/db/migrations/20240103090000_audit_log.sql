-- An audit table, created outside a transaction (dbmate's transaction:false option).
-- migrate:up transaction:false
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    happened VARCHAR(40) NOT NULL,
    detail VARCHAR(500)
);
CREATE INDEX audit_log_happened ON audit_log (happened);

-- migrate:down transaction:false
DROP TABLE audit_log;
