DROP TABLE accounts; DROP FUNCTION accounts_touch();
