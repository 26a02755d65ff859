-- rename table users to people
RENAME TABLE `users` TO `people`;

-- rename column people.name to full_name
ALTER TABLE `people` RENAME COLUMN `name` TO `full_name`;
