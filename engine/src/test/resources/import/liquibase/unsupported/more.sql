--liquibase formatted sql

--changeset erin:always runAlways:true
--preconditions onFail:MARK_RAN
--precondition-sql-check expectedResult:0 SELECT COUNT(*) FROM users
UPDATE users SET id = id;
