-- drop constraint child.child_code
ALTER TABLE `child` DROP FOREIGN KEY `child_code`;

-- drop constraint child.child_parent
ALTER TABLE `child` DROP FOREIGN KEY `child_parent`;

-- drop index parent.parent_code_key
DROP INDEX `parent_code_key` ON `parent`;

-- DESTRUCTIVE: drop constraint parent.primary key
ALTER TABLE `parent` DROP PRIMARY KEY;

-- DESTRUCTIVE: drop table child
DROP TABLE `child`;
