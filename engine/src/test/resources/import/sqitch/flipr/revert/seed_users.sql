-- Revert flipr:seed_users from pg

DELETE FROM users WHERE nickname = 'admin';
DROP TABLE user_roles;
