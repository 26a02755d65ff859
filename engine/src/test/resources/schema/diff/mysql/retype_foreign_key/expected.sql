-- drop constraint child.child_parent
ALTER TABLE `child` DROP FOREIGN KEY `child_parent`;

-- drop constraint tag.tag_child
ALTER TABLE `tag` DROP FOREIGN KEY `tag_child`;

-- drop index tag.tag_child_key
DROP INDEX `tag_child_key` ON `tag`;

-- alter column child.parent_id
ALTER TABLE `child` MODIFY COLUMN `parent_id` bigint(20) NULL;

-- alter column parent.id
ALTER TABLE `parent` MODIFY COLUMN `id` bigint(20) NOT NULL;

-- create index tag.tag_child
CREATE INDEX `tag_child` ON `tag` (`child_id`);

-- add constraint child.child_parent
ALTER TABLE `child` ADD CONSTRAINT `child_parent` FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`) ON DELETE CASCADE;

-- add constraint tag.tag_child
ALTER TABLE `tag` ADD CONSTRAINT `tag_child` FOREIGN KEY (`child_id`) REFERENCES `child` (`id`);
