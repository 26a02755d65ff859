-- Deploy flipr:seed_users to pg
-- No BEGIN/COMMIT: each statement commits on its own, as the client runs it.

CREATE TABLE user_roles (nickname VARCHAR(50) NOT NULL, role VARCHAR(20) NOT NULL);

INSERT INTO users (nickname, password, fullname) VALUES ('admin', 'x', 'The Admin');
INSERT INTO user_roles (nickname, role) VALUES ('admin', 'owner');
